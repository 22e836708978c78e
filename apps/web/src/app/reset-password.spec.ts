import { loginLinkAfterReset } from './reset-password';

describe('loginLinkAfterReset', () => {
  it('sends families back to the kiosk of their structure, the back office to its login page', () => {
    expect(loginLinkAfterReset({ role: 'family', structureSlug: 'chemin-rouge' })).toBe('/k/chemin-rouge');
    expect(loginLinkAfterReset({ role: 'admin', structureSlug: 'chemin-rouge' })).toBe('/admin/connexion');
    expect(loginLinkAfterReset({ role: 'super-admin', structureSlug: null })).toBe('/admin/connexion');
  });
});

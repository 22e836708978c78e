import { EMAIL_PATTERN, normaliseLogin, SLUG_PATTERN } from './limits';

describe('normaliseLogin', () => {
  it('lower-cases, trims and composes to NFC', () => {
    // "é" written as e + combining acute accent (NFD) must equal the precomposed form.
    expect(normaliseLogin('  Zoe\u0301@Exemple.FR ')).toBe('zo\u00e9@exemple.fr');
  });
});

describe('patterns', () => {
  it('accepts ordinary e-mails and refuses obvious mistakes', () => {
    expect(EMAIL_PATTERN.test('marie.dupont@exemple.fr')).toBe(true);
    expect(EMAIL_PATTERN.test('marie.dupont@exemple')).toBe(false);
    expect(EMAIL_PATTERN.test('marie dupont@exemple.fr')).toBe(false);
  });
  it('slugs are lower-case words joined by dashes', () => {
    expect(SLUG_PATTERN.test('ludotheque-chemin-rouge')).toBe(true);
    expect(SLUG_PATTERN.test('Ludo')).toBe(false);
    expect(SLUG_PATTERN.test('-ludo')).toBe(false);
  });
});

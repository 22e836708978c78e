import { TestBed } from '@angular/core/testing';
import { fakeSession } from './testing';
import { SESSION_EXPIRED_MESSAGE, SessionStore } from './session';

describe('SessionStore', () => {
  beforeEach(() => sessionStorage.clear());

  function store(): SessionStore {
    return TestBed.inject(SessionStore);
  }

  it('keeps the back-office session across a reload, not the kiosk one', () => {
    store().set('admin', 'admin-token', fakeSession('admin'));
    store().set('kiosk', 'family-token', fakeSession('family'));

    TestBed.resetTestingModule();
    expect(store().token('admin')).toBe('admin-token');
    expect(store().admin()?.login).toBe('equipe@ludo.fr');
    expect(store().token('kiosk')).toBeNull();
  });

  it('forgets an expired session on reload', () => {
    store().set('admin', 'old', fakeSession('admin', { expiresAt: Math.floor(Date.now() / 1000) - 1 }));
    TestBed.resetTestingModule();
    expect(store().admin()).toBeNull();
    expect(store().current('admin')).toBeNull();
  });

  it('keeps the super-admin session aside while acting and restores it on "revenir"', () => {
    const s = store();
    s.set('admin', 'super-token', fakeSession('super-admin'));
    const acting = fakeSession('admin', { actor: { accountId: 1, role: 'super-admin', displayName: 'Fédération' } });
    s.startActing('acting-token', acting);

    expect(s.token('admin')).toBe('acting-token');
    expect(s.admin()?.actor?.role).toBe('super-admin');
    expect(s.previousAdmin()?.role).toBe('super-admin');
    expect(s.tokenFor('/api/audit')).toBe('acting-token');

    // A reload while acting keeps both.
    TestBed.resetTestingModule();
    const reloaded = store();
    expect(reloaded.token('admin')).toBe('acting-token');

    expect(reloaded.endActing()?.role).toBe('super-admin');
    expect(reloaded.token('admin')).toBe('super-token');
    expect(reloaded.previousAdmin()).toBeNull();
  });

  it('clears everything when the session kept aside has expired meanwhile', () => {
    const s = store();
    s.set('admin', 'super-token', fakeSession('super-admin', { expiresAt: Math.floor(Date.now() / 1000) + 1 }));
    s.startActing('acting-token', fakeSession('admin'));
    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now + 5_000);
    try {
      expect(s.endActing()).toBeNull();
      expect(s.admin()).toBeNull();
      expect(sessionStorage.getItem('pointage.admin')).toBeNull();
    } finally {
      jest.restoreAllMocks();
    }
  });

  it('a password change replaces the token but keeps the session aside; a new login forgets it', () => {
    const s = store();
    s.set('admin', 'super-token', fakeSession('super-admin'));
    s.startActing('acting-token', fakeSession('admin'));
    s.replace('admin', 'fresh-token', fakeSession('admin'));
    expect(s.token('admin')).toBe('fresh-token');
    expect(s.previousAdmin()?.role).toBe('super-admin');

    s.set('admin', 'other-token', fakeSession('admin'));
    expect(s.previousAdmin()).toBeNull();
  });

  it('logout clears the session kept aside too; expiry leaves a message for the login page', () => {
    const s = store();
    s.set('admin', 'super-token', fakeSession('super-admin'));
    s.startActing('acting-token', fakeSession('admin'));
    s.expire('admin');
    expect(s.token('admin')).toBeNull();
    expect(s.previousAdmin()).toBeNull();
    expect(s.takeNotice()).toBe(SESSION_EXPIRED_MESSAGE);
    expect(s.takeNotice()).toBeNull();
  });

  it('sends kiosk calls with the kiosk token only', () => {
    const s = store();
    s.set('admin', 'admin-token', fakeSession('admin'));
    s.set('kiosk', 'family-token', fakeSession('family'));
    expect(s.tokenFor('/api/kiosk/attendance')).toBe('family-token');
    expect(s.tokenFor('/api/family/members')).toBe('family-token');
    expect(s.tokenFor('/api/super-admin/structures')).toBe('admin-token');
  });
});

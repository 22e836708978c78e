import { TestBed } from '@angular/core/testing';
import { DEFAULT_KIOSK_TIMING, KIOSK_TIMING } from '../shared/attendance/kiosk-timing';
import { fakeSession } from './testing';
import { KIOSK_KEY, SESSION_EXPIRED_MESSAGE, SessionStore } from './session';

describe('SessionStore', () => {
  beforeEach(() => sessionStorage.clear());

  function store(): SessionStore {
    return TestBed.inject(SessionStore);
  }

  it('keeps the back-office session across a reload, not an admin acting for a family', () => {
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

  describe('a family session at a kiosk', () => {
    // One minute without a touch, then fifteen seconds of question: 75 s in all.
    const LIMIT = DEFAULT_KIOSK_TIMING.inactivityMs + DEFAULT_KIOSK_TIMING.countdownSeconds * 1000;
    let now: number;

    beforeEach(() => {
      now = Date.now();
      jest.spyOn(Date, 'now').mockImplementation(() => now);
    });
    afterEach(() => jest.restoreAllMocks());

    /** A reload: a new store reads the tab's storage. */
    function reload(): SessionStore {
      TestBed.resetTestingModule();
      return store();
    }

    it('survives a reload within the inactivity delay since the last touch, in its own key', () => {
      const s = store();
      s.set('admin', 'admin-token', fakeSession('admin'));
      s.openKiosk('chemin-rouge', 'family-token', fakeSession('family', { familyId: 3 }));
      now += 50_000;
      s.touchKiosk();
      now += LIMIT - 1;
      const reloaded = reload();
      expect(reloaded.token('kiosk')).toBe('family-token');
      expect(reloaded.kioskSlug()).toBe('chemin-rouge');
      expect(reloaded.kioskLastActivity()).toBe(now - LIMIT + 1);
      // Never mixed with the back office: two keys, each with its own token.
      expect(sessionStorage.getItem('pointage.admin')).not.toContain('family-token');
      expect(sessionStorage.getItem(KIOSK_KEY)).not.toContain('admin-token');
      expect(reloaded.tokenFor('/api/families')).toBe('admin-token');
    });

    it('is dropped on a reload after the inactivity delay', () => {
      store().openKiosk('chemin-rouge', 'family-token', fakeSession('family'));
      now += LIMIT;
      const reloaded = reload();
      expect(reloaded.token('kiosk')).toBeNull();
      expect(reloaded.kioskSlug()).toBeNull();
      expect(sessionStorage.getItem(KIOSK_KEY)).toBeNull();
    });

    it('follows the kiosk timing of the page (shortened in tests)', () => {
      const shortened = () => {
        TestBed.resetTestingModule();
        TestBed.configureTestingModule({
          providers: [{ provide: KIOSK_TIMING, useValue: { ...DEFAULT_KIOSK_TIMING, inactivityMs: 1000, countdownSeconds: 2 } }],
        });
        return store();
      };
      shortened().openKiosk('chemin-rouge', 'family-token', fakeSession('family'));
      now += 2_999;
      expect(shortened().token('kiosk')).toBe('family-token');
      now += 1;
      expect(shortened().token('kiosk')).toBeNull();
    });

    it('is dropped on a reload once its token has expired, or when the storage holds garbage', () => {
      store().openKiosk('chemin-rouge', 'family-token', fakeSession('family', { expiresAt: Math.floor(now / 1000) + 1 }));
      now += 2_000;
      expect(reload().token('kiosk')).toBeNull();

      sessionStorage.setItem(KIOSK_KEY, '{not json');
      expect(reload().token('kiosk')).toBeNull();
      sessionStorage.setItem(
        KIOSK_KEY,
        JSON.stringify({ token: 't', info: fakeSession('family'), slug: 'chemin-rouge', lastActivity: now + 60_000 }),
      );
      expect(reload().token('kiosk')).toBeNull();
    });

    it('never keeps an admin acting for a family, and "Terminer" forgets it', () => {
      const s = store();
      s.set('kiosk', 'acting-token', fakeSession('family', { actor: { accountId: 2, role: 'admin', displayName: 'Équipe' } }));
      expect(sessionStorage.getItem(KIOSK_KEY)).toBeNull();
      expect(reload().token('kiosk')).toBeNull();

      const t = store();
      t.openKiosk('chemin-rouge', 'family-token', fakeSession('family'));
      expect(sessionStorage.getItem(KIOSK_KEY)).toContain('family-token');
      t.clear('kiosk');
      expect(sessionStorage.getItem(KIOSK_KEY)).toBeNull();
      expect(reload().token('kiosk')).toBeNull();
    });
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

import { Injectable, computed, inject, signal } from '@angular/core';
import type { SessionInfo } from '@pointage/contracts';
import { KIOSK_TIMING, KioskTiming } from '../shared/attendance/kiosk-timing';

export type SessionArea = 'admin' | 'kiosk';

export interface StoredSession {
  token: string;
  info: SessionInfo;
}

/** A family session opened at a kiosk: where, and when the family last touched the screen. */
interface KioskState extends StoredSession {
  /** The kiosk (structure slug) where the family logged in; null for an admin acting for a family. */
  slug: string | null;
  /** Epoch milliseconds of the last touch or key (the login counts). */
  lastActivity: number;
}

/** The back-office session and, while acting as somebody else, the sessions kept aside. */
interface AdminState extends StoredSession {
  /** Sessions to restore, last one first ("revenir"): the super-admin's own while acting as an admin. */
  previous: StoredSession[];
}

export const SESSION_EXPIRED_MESSAGE = 'Votre session a expiré : reconnectez-vous.';

const ADMIN_KEY = 'pointage.admin';
export const KIOSK_KEY = 'pointage.kiosk';

/** How long a kiosk page waits without a touch before the family session ends: the minute, then the question. */
export function kioskIdleLimitMs(timing: KioskTiming): number {
  return timing.inactivityMs + timing.countdownSeconds * 1000;
}

function isLive(info: SessionInfo, now = Date.now()): boolean {
  return info.expiresAt * 1000 > now;
}

/**
 * Sessions of the two areas are kept apart (two keys, two tokens): a family
 * logged in at the kiosk never shares a token with the back office.
 * Back-office sessions survive a reload (sessionStorage). A family session
 * opened at a kiosk survives a reload too, but only within the kiosk's
 * inactivity delay since the family's last touch (a tablet that reloads mid
 * check-in keeps the family; one left alone does not); an admin acting for a
 * family (the same 'kiosk' area, in the back office) lives in memory only.
 *
 * Acting as somebody else (a super-admin acting as a structure admin) pushes
 * the real person's session on a stack, so that "revenir" restores it.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly timing = inject(KIOSK_TIMING);
  private readonly adminState = signal<AdminState | null>(this.restore());
  private readonly kioskSession = signal<KioskState | null>(this.restoreKiosk());

  readonly admin = computed(() => this.adminState()?.info ?? null);
  readonly kiosk = computed(() => this.kioskSession()?.info ?? null);
  /** The kiosk (structure slug) where the current family session was opened, if any. */
  readonly kioskSlug = computed(() => this.kioskSession()?.slug ?? null);
  /** The session "revenir" would restore, when acting as somebody else. */
  readonly previousAdmin = computed(() => this.adminState()?.previous.at(-1)?.info ?? null);
  /** A message for the next login page (why the user was sent there). */
  private readonly pendingNotice = signal<string | null>(null);

  private restore(): AdminState | null {
    try {
      const raw = sessionStorage.getItem(ADMIN_KEY);
      if (!raw) return null;
      const s = JSON.parse(raw) as Partial<AdminState>;
      if (!s.token || !s.info || !isLive(s.info)) return null;
      return { token: s.token, info: s.info, previous: Array.isArray(s.previous) ? s.previous : [] };
    } catch {
      return null;
    }
  }

  /** A family session of this tab's kiosk, if the family touched the screen within the inactivity delay. */
  private restoreKiosk(): KioskState | null {
    try {
      const raw = sessionStorage.getItem(KIOSK_KEY);
      if (!raw) return null;
      const s = JSON.parse(raw) as Partial<KioskState>;
      const idle = Date.now() - Number(s.lastActivity);
      const fresh = Number.isFinite(idle) && idle >= 0 && idle < kioskIdleLimitMs(this.timing);
      if (!s.token || !s.info || !s.slug || s.info.actor || !isLive(s.info) || !fresh) {
        sessionStorage.removeItem(KIOSK_KEY);
        return null;
      }
      return { token: s.token, info: s.info, slug: s.slug, lastActivity: Number(s.lastActivity) };
    } catch {
      return null;
    }
  }

  private setKioskState(state: KioskState | null): void {
    this.kioskSession.set(state);
    try {
      // Only a family's own session at a kiosk is kept for a reload, never an admin acting for a family.
      if (state?.slug && !state.info.actor) sessionStorage.setItem(KIOSK_KEY, JSON.stringify(state));
      else sessionStorage.removeItem(KIOSK_KEY);
    } catch {
      // Storage refused: the session still works until a reload.
    }
  }

  private setAdminState(state: AdminState | null): void {
    this.adminState.set(state);
    try {
      if (state) sessionStorage.setItem(ADMIN_KEY, JSON.stringify(state));
      else sessionStorage.removeItem(ADMIN_KEY);
    } catch {
      // Storage refused (private mode, quota): the session still works until a reload.
    }
  }

  /** The session of an area, or null when there is none or it has expired. */
  current(area: SessionArea): SessionInfo | null {
    const info = area === 'admin' ? this.admin() : this.kiosk();
    return info && isLive(info) ? info : null;
  }

  /**
   * A new login: any session kept aside is forgotten. A 'kiosk' session set
   * here has no kiosk (an admin acting for a family): see `openKiosk()`.
   */
  set(area: SessionArea, token: string, info: SessionInfo): void {
    if (area === 'admin') this.setAdminState({ token, info, previous: [] });
    else this.setKioskState({ token, info, slug: null, lastActivity: Date.now() });
  }

  /** A family logs in (or registers) at the kiosk of `slug`: the session survives a reload within the inactivity delay. */
  openKiosk(slug: string, token: string, info: SessionInfo): void {
    this.setKioskState({ token, info, slug, lastActivity: Date.now() });
  }

  /** A fresh token for the same person (after a password change): the sessions kept aside stay. */
  replace(area: SessionArea, token: string, info: SessionInfo): void {
    if (area === 'admin') this.setAdminState({ token, info, previous: this.adminState()?.previous ?? [] });
    else this.setKioskState({ token, info, slug: this.kioskSlug(), lastActivity: Date.now() });
  }

  /** The family touched the kiosk's screen: the inactivity delay starts again (also after a reload). */
  touchKiosk(now = Date.now()): void {
    const state = this.kioskSession();
    if (state) this.setKioskState({ ...state, lastActivity: now });
  }

  /** When the family last touched the kiosk's screen (epoch ms), or null without a kiosk session. */
  kioskLastActivity(): number | null {
    return this.kioskSession()?.lastActivity ?? null;
  }

  /** Act as somebody else: the current back-office session is kept aside. */
  startActing(token: string, info: SessionInfo): void {
    const state = this.adminState();
    const previous = state ? [...state.previous, { token: state.token, info: state.info }] : [];
    this.setAdminState({ token, info, previous });
  }

  /**
   * Stop acting: restores the session kept aside and returns it, or clears the
   * back-office session and returns null when there is none or it has expired.
   */
  endActing(): SessionInfo | null {
    const previous = [...(this.adminState()?.previous ?? [])];
    const restored = previous.pop();
    if (!restored || !isLive(restored.info)) {
      this.setAdminState(null);
      return null;
    }
    this.setAdminState({ ...restored, previous });
    return restored.info;
  }

  /** Tokens of the back-office sessions kept aside while acting (to log them out too). */
  keptAsideTokens(): string[] {
    return (this.adminState()?.previous ?? []).filter((p) => isLive(p.info)).map((p) => p.token);
  }

  /** Ends the session of an area, including any session kept aside. */
  clear(area: SessionArea): void {
    if (area === 'admin') this.setAdminState(null);
    else this.setKioskState(null);
  }

  /** Ends the session of an area and tells the next login page why. */
  expire(area: SessionArea): void {
    this.clear(area);
    this.pendingNotice.set(SESSION_EXPIRED_MESSAGE);
  }

  /** Reads the pending message once. */
  takeNotice(): string | null {
    const notice = this.pendingNotice();
    this.pendingNotice.set(null);
    return notice;
  }

  token(area: SessionArea): string | null {
    return (area === 'admin' ? this.adminState() : this.kioskSession())?.token ?? null;
  }

  /** Kiosk calls use the kiosk session; everything else the back-office one. */
  areaFor(url: string): SessionArea {
    return url.startsWith('/api/kiosk/') || url.startsWith('/api/family/') ? 'kiosk' : 'admin';
  }

  tokenFor(url: string): string | null {
    return this.token(this.areaFor(url));
  }
}

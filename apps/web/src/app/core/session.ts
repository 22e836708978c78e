import { Injectable, computed, signal } from '@angular/core';
import type { SessionInfo } from '@pointage/contracts';

export type SessionArea = 'admin' | 'kiosk';

export interface StoredSession {
  token: string;
  info: SessionInfo;
}

/** The back-office session and, while acting as somebody else, the sessions kept aside. */
interface AdminState extends StoredSession {
  /** Sessions to restore, last one first ("revenir"): the super-admin's own while acting as an admin. */
  previous: StoredSession[];
}

export const SESSION_EXPIRED_MESSAGE = 'Votre session a expiré : reconnectez-vous.';

const ADMIN_KEY = 'pointage.admin';

function isLive(info: SessionInfo, now = Date.now()): boolean {
  return info.expiresAt * 1000 > now;
}

/**
 * Sessions of the two areas are kept apart: a family logged in at the kiosk
 * never shares a token with the back office open in another tab.
 * Back-office sessions survive a reload (sessionStorage); kiosk family
 * sessions live in memory only, so a reload ends them.
 *
 * Acting as somebody else (a super-admin acting as a structure admin) pushes
 * the real person's session on a stack, so that "revenir" restores it.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly adminState = signal<AdminState | null>(this.restore());
  private readonly kioskSession = signal<StoredSession | null>(null);

  readonly admin = computed(() => this.adminState()?.info ?? null);
  readonly kiosk = computed(() => this.kioskSession()?.info ?? null);
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

  /** A new login: any session kept aside is forgotten. */
  set(area: SessionArea, token: string, info: SessionInfo): void {
    if (area === 'admin') this.setAdminState({ token, info, previous: [] });
    else this.kioskSession.set({ token, info });
  }

  /** A fresh token for the same person (after a password change): the sessions kept aside stay. */
  replace(area: SessionArea, token: string, info: SessionInfo): void {
    if (area === 'admin') this.setAdminState({ token, info, previous: this.adminState()?.previous ?? [] });
    else this.kioskSession.set({ token, info });
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
    else this.kioskSession.set(null);
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

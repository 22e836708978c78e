import { Injectable, computed, signal } from '@angular/core';
import type { SessionInfo } from '@pointage/contracts';

export type SessionArea = 'admin' | 'kiosk';

interface StoredSession {
  token: string;
  info: SessionInfo;
}

/**
 * Sessions of the two areas are kept apart: a family logged in at the kiosk
 * never shares a token with the back office open in another tab.
 * Back-office sessions survive a reload (sessionStorage); kiosk family
 * sessions live in memory only, so a reload ends them.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly adminSession = signal<StoredSession | null>(this.restore());
  private readonly kioskSession = signal<StoredSession | null>(null);

  readonly admin = computed(() => this.adminSession()?.info ?? null);
  readonly kiosk = computed(() => this.kioskSession()?.info ?? null);

  private restore(): StoredSession | null {
    try {
      const raw = sessionStorage.getItem('pointage.admin');
      if (!raw) return null;
      const s = JSON.parse(raw) as StoredSession;
      return s.info.expiresAt * 1000 > Date.now() ? s : null;
    } catch {
      return null;
    }
  }

  set(area: SessionArea, token: string, info: SessionInfo): void {
    if (area === 'admin') {
      this.adminSession.set({ token, info });
      sessionStorage.setItem('pointage.admin', JSON.stringify({ token, info }));
    } else {
      this.kioskSession.set({ token, info });
    }
  }

  clear(area: SessionArea): void {
    if (area === 'admin') {
      this.adminSession.set(null);
      sessionStorage.removeItem('pointage.admin');
    } else {
      this.kioskSession.set(null);
    }
  }

  token(area: SessionArea): string | null {
    return (area === 'admin' ? this.adminSession() : this.kioskSession())?.token ?? null;
  }

  /** Kiosk calls use the kiosk session; everything else the back-office one. */
  tokenFor(url: string): string | null {
    if (url.startsWith('/api/kiosk/') || url.startsWith('/api/family/')) return this.token('kiosk');
    return this.token('admin');
  }
}

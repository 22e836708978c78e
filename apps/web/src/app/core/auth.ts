import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ActingResponse,
  AUTH_ROUTES,
  ChangePasswordRequest,
  LoginResponse,
  MessageResponse,
  ResetPasswordResponse,
  SessionInfo,
  SUPER_ADMIN_ROUTES,
} from '@pointage/contracts';
import { catchError, map, Observable, of, tap } from 'rxjs';
import { SessionStore } from './session';

/**
 * Answer of a password change: the old token is revoked server-side, so the
 * answer carries a fresh one.
 */
export interface ChangePasswordResponse extends MessageResponse {
  accessToken?: string;
  session?: SessionInfo;
}

/** Identity calls of the back office; keeps SessionStore in step with the API. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly session = inject(SessionStore);

  /** Logs in to the back office; the caller decides what to do with a family account. */
  login(login: string, password: string): Observable<LoginResponse> {
    return this.http.post<LoginResponse>(AUTH_ROUTES.login, { login: login.trim(), password });
  }

  /** Keeps the back-office session of an admin or super-admin login. */
  storeLogin(res: LoginResponse): void {
    this.session.set('admin', res.accessToken, res.session);
  }

  changePassword(body: ChangePasswordRequest): Observable<ChangePasswordResponse> {
    return this.http.post<ChangePasswordResponse>(AUTH_ROUTES.changePassword, body).pipe(
      tap((res) => {
        if (res.accessToken && res.session) this.session.replace('admin', res.accessToken, res.session);
      }),
    );
  }

  forgot(email: string): Observable<MessageResponse> {
    return this.http.post<MessageResponse>(AUTH_ROUTES.forgot, { email: email.trim() });
  }

  reset(token: string, password: string): Observable<ResetPasswordResponse> {
    return this.http.post<ResetPasswordResponse>(AUTH_ROUTES.reset, { token, password });
  }

  /** A super-admin starts acting as the admin of a structure; its own session is kept aside. */
  actAsAdmin(structureId: number): Observable<SessionInfo> {
    return this.http.post<ActingResponse>(SUPER_ADMIN_ROUTES.actAsAdmin(structureId), {}).pipe(
      tap((res) => this.session.startActing(res.accessToken, res.session)),
      map((res) => res.session),
    );
  }

  /**
   * Ends acting: the API writes the audit line, then the session kept aside is
   * restored whatever the answer (an expired acting token must not trap the
   * user). Emits the restored session, or null when it has expired too.
   */
  endActing(): Observable<SessionInfo | null> {
    return this.http.post<MessageResponse>(AUTH_ROUTES.endActing, {}).pipe(
      map(() => true),
      catchError(() => of(false)),
      map(() => this.session.endActing()),
    );
  }

  /** Ends the back-office session, including any session kept aside. */
  logout(): void {
    // Best effort: the interceptor reads the token when the call starts, before clear().
    if (this.session.admin()?.actor) {
      // The acting token is ended (and audited), then the session kept aside is logged out too.
      this.http.post<MessageResponse>(AUTH_ROUTES.endActing, {}).subscribe({ error: () => undefined });
      for (const kept of this.session.keptAsideTokens()) {
        this.http
          .post<MessageResponse>(AUTH_ROUTES.logout, {}, { headers: { Authorization: `Bearer ${kept}` } })
          .subscribe({ error: () => undefined });
      }
    } else if (this.session.admin()) {
      this.http.post<MessageResponse>(AUTH_ROUTES.logout, {}).subscribe({ error: () => undefined });
    }
    this.session.clear('admin');
  }
}

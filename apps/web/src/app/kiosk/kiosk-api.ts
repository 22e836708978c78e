import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import {
  AUTH_ROUTES,
  FAMILY_ROUTES,
  FamilyDetail,
  ForgotPasswordRequest,
  KioskStructureInfo,
  LoginRequest,
  LoginResponse,
  MessageResponse,
  PublicStructureSummary,
  ReferenceOptions,
  RegisterFamilyRequest,
  SETTINGS_ROUTES,
  KioskStatus,
  SLOT_ROUTES,
} from '@pointage/contracts';
import { catchError, Observable, shareReplay, tap, throwError } from 'rxjs';
import { SESSION_AREA } from '../core/auth.interceptor';
import { SessionStore } from '../core/session';

export const NOT_A_FAMILY_MESSAGE = "Ce compte n'est pas celui d'une famille : connectez-vous au panneau de contrôle.";

/** Calls of the kiosk: its public face, family login and registration, and the family's own data. */
@Injectable({ providedIn: 'root' })
export class KioskApi {
  private readonly http = inject(HttpClient);
  private readonly session = inject(SessionStore);
  private readonly structures = new Map<string, Observable<KioskStructureInfo>>();
  /** The kiosk (structure slug) where the current family logged in. */
  readonly loggedInAt = this.session.kioskSlug;

  /** The public face of a structure, fetched once per slug. */
  structure(slug: string): Observable<KioskStructureInfo> {
    let cached = this.structures.get(slug);
    if (!cached) {
      cached = this.http.get<KioskStructureInfo>(SETTINGS_ROUTES.publicStructure(encodeURIComponent(slug))).pipe(
        catchError((err: unknown) => {
          this.structures.delete(slug);
          return throwError(() => err);
        }),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
      this.structures.set(slug, cached);
    }
    return cached;
  }

  /** The home page's live part: today's slot, whether it is closed, the present counter (public, polled). */
  status(slug: string): Observable<KioskStatus> {
    return this.http.get<KioskStatus>(SLOT_ROUTES.kioskStatus(encodeURIComponent(slug)));
  }

  listStructures(): Observable<PublicStructureSummary[]> {
    return this.http.get<PublicStructureSummary[]>(SETTINGS_ROUTES.publicStructures);
  }

  publicReference(slug: string): Observable<ReferenceOptions> {
    return this.http.get<ReferenceOptions>(SETTINGS_ROUTES.publicReference(encodeURIComponent(slug)));
  }

  login(slug: string, login: string, password: string): Observable<LoginResponse> {
    return this.http.post<LoginResponse>(AUTH_ROUTES.login, { login: login.trim(), password, structure: slug } satisfies LoginRequest);
  }

  forgot(slug: string, email: string): Observable<MessageResponse> {
    return this.http.post<MessageResponse>(AUTH_ROUTES.forgot, { email: email.trim(), structure: slug } satisfies ForgotPasswordRequest);
  }

  /** Registers a family; the API answers with its session (the family is logged in). */
  register(slug: string, body: RegisterFamilyRequest): Observable<LoginResponse> {
    return this.http.post<LoginResponse>(FAMILY_ROUTES.register(encodeURIComponent(slug)), body).pipe(tap((res) => this.keep(slug, res)));
  }

  /** Keeps the family's session for this kiosk (a reload keeps it within the inactivity delay). */
  keep(slug: string, res: LoginResponse): void {
    this.session.openKiosk(slug, res.accessToken, res.session);
  }

  /** "Terminer": the next family must not see this one. */
  end(): void {
    if (this.session.kiosk()) {
      // Best effort: the token is refused from now on even if someone kept it. The interceptor
      // reads the token when the call starts, before clear().
      this.http
        .post<MessageResponse>(AUTH_ROUTES.logout, {}, { context: new HttpContext().set(SESSION_AREA, 'kiosk') })
        .subscribe({ error: () => undefined });
    }
    this.session.clear('kiosk');
  }

  me(): Observable<FamilyDetail> {
    return this.http.get<FamilyDetail>(FAMILY_ROUTES.ownFamily);
  }

  reference(): Observable<ReferenceOptions> {
    return this.http.get<ReferenceOptions>(FAMILY_ROUTES.ownReference);
  }
}

/** The family pages of a kiosk need a live family session opened at this very kiosk. */
export const familySessionGuard: CanActivateFn = (route) => {
  const slug = route.paramMap.get('slug') ?? '';
  const api = inject(KioskApi);
  const info = inject(SessionStore).current('kiosk');
  if (info?.role === 'family' && api.loggedInAt() === slug) return true;
  if (info) api.end();
  return inject(Router).createUrlTree(['/k', slug, 'connexion']);
};

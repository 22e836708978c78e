import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  AgeBracketDto,
  LogoInfo,
  ReferenceLists,
  RefItemWithUsage,
  RefKind,
  ResizeLogoRequest,
  SaveAgeBracketsRequest,
  SaveRefListRequest,
  SaveWelcomeRequest,
  SETTINGS_ROUTES,
  WelcomeSettings,
} from '@pointage/contracts';
import { Observable } from 'rxjs';

/** PARAMÈTRES of a structure: reference lists, age brackets, the kiosk's welcome message and logo. */
@Injectable({ providedIn: 'root' })
export class SettingsApi {
  private readonly http = inject(HttpClient);

  /** Every list, deactivated entries and their usage included, and the age brackets. */
  lists(): Observable<ReferenceLists> {
    return this.http.get<ReferenceLists>(SETTINGS_ROUTES.lists);
  }

  saveList(kind: RefKind, body: SaveRefListRequest): Observable<RefItemWithUsage[]> {
    return this.http.put<RefItemWithUsage[]>(SETTINGS_ROUTES.list(kind), body);
  }

  saveAgeBrackets(brackets: { minAge: number; maxAge: number }[]): Observable<AgeBracketDto[]> {
    return this.http.put<AgeBracketDto[]>(SETTINGS_ROUTES.ageBrackets, { brackets } satisfies SaveAgeBracketsRequest);
  }

  welcome(): Observable<WelcomeSettings> {
    return this.http.get<WelcomeSettings>(SETTINGS_ROUTES.welcome);
  }

  saveWelcome(message: string): Observable<WelcomeSettings> {
    return this.http.put<WelcomeSettings>(SETTINGS_ROUTES.welcome, { message } satisfies SaveWelcomeRequest);
  }

  /** The image is the body, its type the Content-Type. */
  uploadLogo(file: File): Observable<LogoInfo> {
    return this.http.put<LogoInfo>(SETTINGS_ROUTES.logo, file, { headers: { 'Content-Type': file.type } });
  }

  resizeLogo(width: number): Observable<LogoInfo> {
    return this.http.post<LogoInfo>(SETTINGS_ROUTES.logoResize, { width } satisfies ResizeLogoRequest);
  }

  removeLogo(): Observable<void> {
    return this.http.delete<void>(SETTINGS_ROUTES.logo);
  }
}

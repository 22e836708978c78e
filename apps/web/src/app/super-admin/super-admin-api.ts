import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  AdminCredentialsResponse,
  CreateAdminRequest,
  CreateStructureRequest,
  InstallationSettings,
  MailSettings,
  SaveInstallationSettingsRequest,
  SaveMailSettingsRequest,
  SETTINGS_ROUTES,
  StructureSummary,
  SUPER_ADMIN_ROUTES,
  TestMailRequest,
  UpdateStructureRequest,
} from '@pointage/contracts';
import { Observable } from 'rxjs';

/** The super-administration: structures, their admin accounts, the installation's settings. */
@Injectable({ providedIn: 'root' })
export class SuperAdminApi {
  private readonly http = inject(HttpClient);

  structures(): Observable<StructureSummary[]> {
    return this.http.get<StructureSummary[]>(SUPER_ADMIN_ROUTES.structures);
  }

  createStructure(body: CreateStructureRequest): Observable<StructureSummary> {
    return this.http.post<StructureSummary>(SUPER_ADMIN_ROUTES.structures, body);
  }

  /** Renames, activates or deactivates a structure. */
  updateStructure(id: number, body: UpdateStructureRequest): Observable<StructureSummary> {
    return this.http.patch<StructureSummary>(SUPER_ADMIN_ROUTES.structure(id), body);
  }

  createAdmin(structureId: number, body: CreateAdminRequest): Observable<AdminCredentialsResponse> {
    return this.http.post<AdminCredentialsResponse>(SUPER_ADMIN_ROUTES.admins(structureId), body);
  }

  resetAdminPassword(accountId: number): Observable<AdminCredentialsResponse> {
    return this.http.post<AdminCredentialsResponse>(SUPER_ADMIN_ROUTES.resetAdminPassword(accountId), {});
  }

  installation(): Observable<InstallationSettings> {
    return this.http.get<InstallationSettings>(SETTINGS_ROUTES.installation);
  }

  saveFooter(footerText: string): Observable<InstallationSettings> {
    return this.http.put<InstallationSettings>(SETTINGS_ROUTES.installation, { footerText } satisfies SaveInstallationSettingsRequest);
  }

  /** The image is sent as the body, its type as Content-Type; the funder's name in the query. */
  addFunderLogo(file: File, alt: string): Observable<InstallationSettings> {
    const url = `${SETTINGS_ROUTES.funderLogos}?alt=${encodeURIComponent(alt)}`;
    return this.http.post<InstallationSettings>(url, file, { headers: { 'Content-Type': file.type } });
  }

  removeFunderLogo(id: number): Observable<InstallationSettings> {
    return this.http.delete<InstallationSettings>(SETTINGS_ROUTES.funderLogo(id));
  }

  mail(): Observable<MailSettings> {
    return this.http.get<MailSettings>(SETTINGS_ROUTES.mail);
  }

  saveMail(body: SaveMailSettingsRequest): Observable<MailSettings> {
    return this.http.put<MailSettings>(SETTINGS_ROUTES.mail, body);
  }

  /** The API answers in French whether the mail left. */
  testMail(to: string): Observable<{ message: string }> {
    return this.http.post<{ message: string }>(SETTINGS_ROUTES.mailTest, { to } satisfies TestMailRequest);
  }
}

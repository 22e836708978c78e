import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AdminMemberInput, MemberDto, MemberInput } from '@pointage/contracts';
import { Observable } from 'rxjs';
import type { MemberEndpoints } from './member-editor';
import type { MemberPatch } from './member-form';

/**
 * The calls of the member editor. The editor serves the back office and the
 * kiosk, whose routes differ: they come in a `MemberEndpoints`.
 */
@Injectable({ providedIn: 'root' })
export class MemberApi {
  private readonly http = inject(HttpClient);

  create(endpoints: MemberEndpoints, body: MemberInput | AdminMemberInput): Observable<MemberDto> {
    return this.http.post<MemberDto>(endpoints.create, body);
  }

  update(endpoints: MemberEndpoints, id: number, patch: MemberPatch): Observable<MemberDto> {
    return this.http.patch<MemberDto>(endpoints.update(id), patch);
  }
}

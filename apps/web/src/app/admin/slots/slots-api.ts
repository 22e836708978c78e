import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  DeleteSlotsRequest,
  DeleteSlotsResponse,
  GenerateSlotsRequest,
  GenerateSlotsResponse,
  SLOT_ROUTES,
  SlotDay,
} from '@pointage/contracts';
import { Observable } from 'rxjs';

/** GESTION DES CRÉNEAUX. */
@Injectable({ providedIn: 'root' })
export class SlotsApi {
  private readonly http = inject(HttpClient);

  generate(body: GenerateSlotsRequest): Observable<GenerateSlotsResponse> {
    return this.http.post<GenerateSlotsResponse>(SLOT_ROUTES.generate, body);
  }

  list(from: string, to: string): Observable<SlotDay[]> {
    return this.http.get<SlotDay[]>(SLOT_ROUTES.list, { params: new HttpParams().set('from', from).set('to', to) });
  }

  remove(body: DeleteSlotsRequest): Observable<DeleteSlotsResponse> {
    return this.http.post<DeleteSlotsResponse>(SLOT_ROUTES.delete, body);
  }
}

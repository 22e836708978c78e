import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ATTENDANCE_LIST_ROUTES, AttendanceListPage, AttendanceListRequest, SignInSheetRequest, SlotDto } from '@pointage/contracts';
import { map, Observable } from 'rxjs';
import { FileDownload, FileDownloads } from '../../shared/file-downloads';
import { SlotsApi } from '../slots/slots-api';
import { fallbackFileName } from './attendance-list-form';

/** LISTE DE PRÉSENCE: the list (sorted, paged), the slots of a day, and the files made from the list. */
@Injectable({ providedIn: 'root' })
export class AttendanceListApi {
  private readonly http = inject(HttpClient);
  private readonly slots = inject(SlotsApi);
  private readonly downloads = inject(FileDownloads);

  list(request: AttendanceListRequest): Observable<AttendanceListPage> {
    return this.http.post<AttendanceListPage>(ATTENDANCE_LIST_ROUTES.list, request);
  }

  /** The slots of one day ('YYYY-MM-DD'), in the order of the day. */
  daySlots(date: string): Observable<SlotDto[]> {
    return this.slots.list(date, date).pipe(map((days) => days.find((d) => d.date === date)?.slots ?? []));
  }

  /** The list as a file; `request` is the list's own (period, slot, columns, sort, order), without paging. */
  exportFile(kind: 'pdf' | 'xlsx', request: AttendanceListRequest): FileDownload {
    return this.downloads.post({
      url: ATTENDANCE_LIST_ROUTES[kind],
      body: request,
      label: kind === 'pdf' ? 'le PDF de la liste de présence' : 'le classeur Excel de la liste de présence',
      fallbackName: fallbackFileName('liste-presence', request.from, request.to ?? null, kind),
    });
  }

  /** The blank sign-in sheet of one slot (when the kiosk or the network is down). */
  signInSheet(request: SignInSheetRequest, date: string): FileDownload {
    return this.downloads.post({
      url: ATTENDANCE_LIST_ROUTES.signInSheet,
      body: request,
      label: "la feuille d'émargement",
      fallbackName: fallbackFileName('emargement', date, null, 'pdf'),
    });
  }
}

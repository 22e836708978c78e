import { HttpClient, HttpContext, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ActingResponse,
  AUTH_ROUTES,
  CounterInfo,
  DayAttendance,
  DemoDataInfo,
  DemoDataRemoval,
  MessageResponse,
  PresentNow,
  RemoveAttendanceRequest,
  RetroAttendanceRequest,
  RetroAttendanceResponse,
  SessionInfo,
  SLOT_ROUTES,
} from '@pointage/contracts';
import { catchError, map, Observable, of, tap } from 'rxjs';
import { SESSION_AREA } from '../../core/auth.interceptor';
import { SessionStore } from '../../core/session';

/** Attendance calls of the back office: the kiosk's counter, acting for a family, back in time. */
@Injectable({ providedIn: 'root' })
export class AttendanceAdminApi {
  private readonly http = inject(HttpClient);
  private readonly session = inject(SessionStore);

  counter(): Observable<CounterInfo> {
    return this.http.get<CounterInfo>(SLOT_ROUTES.counter);
  }

  resetCounter(): Observable<CounterInfo> {
    return this.http.post<CounterInfo>(SLOT_ROUTES.counterReset, {});
  }

  /** Who is here now: the current slot and its checked-in members (admin home, polled). */
  presentNow(): Observable<PresentNow> {
    return this.http.get<PresentNow>(SLOT_ROUTES.presentNow);
  }

  /** What is left of the first start's demo data. */
  demoData(): Observable<DemoDataInfo> {
    return this.http.get<DemoDataInfo>(SLOT_ROUTES.demoData);
  }

  removeDemoData(): Observable<DemoDataRemoval> {
    return this.http.delete<DemoDataRemoval>(SLOT_ROUTES.demoData);
  }

  day(date: string): Observable<DayAttendance> {
    return this.http.get<DayAttendance>(SLOT_ROUTES.day, { params: new HttpParams().set('date', date) });
  }

  retro(body: RetroAttendanceRequest): Observable<RetroAttendanceResponse> {
    return this.http.post<RetroAttendanceResponse>(SLOT_ROUTES.retro, body);
  }

  remove(attendanceId: number, reason: string): Observable<void> {
    return this.http.post<void>(SLOT_ROUTES.remove(attendanceId), { reason } satisfies RemoveAttendanceRequest);
  }

  /** The acting session of this tab for `familyId`, if it is still live. */
  actingFor(familyId: number): SessionInfo | null {
    const info = this.session.current('kiosk');
    return info?.actor && info.familyId === familyId ? info : null;
  }

  /**
   * "Pointer pour cette famille": a family-role token carrying the admin as
   * actor, kept as this tab's kiosk session (the admin's own session stays).
   */
  startActing(familyId: number): Observable<SessionInfo> {
    return this.http.post<ActingResponse>(SLOT_ROUTES.actForFamily(familyId), {}).pipe(
      tap((res) => this.session.set('kiosk', res.accessToken, res.session)),
      map((res) => res.session),
    );
  }

  /** Ends acting (audited, with the acting token); the acting session is dropped whatever the answer. */
  endActing(): Observable<void> {
    if (!this.session.kiosk()?.actor) {
      this.session.clear('kiosk');
      return of(undefined);
    }
    return this.http.post<MessageResponse>(AUTH_ROUTES.endActing, {}, { context: new HttpContext().set(SESSION_AREA, 'kiosk') }).pipe(
      map(() => true),
      catchError(() => of(false)),
      map(() => this.session.clear('kiosk')),
    );
  }
}

import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  AgeBracketDto,
  ReferenceLists,
  SaveAgeBracketsRequest,
  SETTINGS_ROUTES,
  STATISTICS_ROUTES,
  StatisticsDrilldown,
  StatisticsDrilldownRequest,
  StatisticsReport,
  StatisticsRequest,
} from '@pointage/contracts';
import { Observable } from 'rxjs';

/** Calls of the STATISTIQUES page (admin token added by the interceptor). */
@Injectable({ providedIn: 'root' })
export class StatisticsApi {
  private readonly http = inject(HttpClient);

  /** Every item of the structure's lists, deactivated ones included, and its age brackets. */
  lists(): Observable<ReferenceLists> {
    return this.http.get<ReferenceLists>(SETTINGS_ROUTES.lists);
  }

  report(request: StatisticsRequest): Observable<StatisticsReport> {
    return this.http.post<StatisticsReport>(STATISTICS_ROUTES.report, request);
  }

  drilldown(request: StatisticsDrilldownRequest): Observable<StatisticsDrilldown> {
    return this.http.post<StatisticsDrilldown>(STATISTICS_ROUTES.drilldown, request);
  }

  saveDefaultBrackets(brackets: { minAge: number; maxAge: number }[]): Observable<AgeBracketDto[]> {
    return this.http.put<AgeBracketDto[]>(SETTINGS_ROUTES.ageBrackets, { brackets } satisfies SaveAgeBracketsRequest);
  }
}

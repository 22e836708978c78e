import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  STATISTICS_ROUTES,
  StatisticsDrilldown,
  StatisticsDrilldownRequest,
  StatisticsReport,
  StatisticsRequest,
} from '@pointage/contracts';
import { Observable } from 'rxjs';

/** Calls of the STATISTIQUES page (admin token added by the interceptor); its lists and brackets are SettingsApi's. */
@Injectable({ providedIn: 'root' })
export class StatisticsApi {
  private readonly http = inject(HttpClient);

  report(request: StatisticsRequest): Observable<StatisticsReport> {
    return this.http.post<StatisticsReport>(STATISTICS_ROUTES.report, request);
  }

  drilldown(request: StatisticsDrilldownRequest): Observable<StatisticsDrilldown> {
    return this.http.post<StatisticsDrilldown>(STATISTICS_ROUTES.drilldown, request);
  }
}

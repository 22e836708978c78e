import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import type { StatisticsReport, StatisticsRequest } from '@pointage/contracts';
import { DateTimePipe } from '../../shared/date-time-pipe';
import { DrilldownDialog, DrilldownDialogData } from './drilldown-dialog';
import { StatisticsCharts } from './statistics-charts';
import { comparisonColumn, periodText, reportSections, reportSummary, ValueCell } from './statistics-view';

/**
 * The report: a header saying what was counted, then the figures by theme
 * (each number opens the list of who it counts), then the charts.
 */
@Component({
  selector: 'app-statistics-results',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, MatCardModule, MatIconModule, DateTimePipe, StatisticsCharts],
  templateUrl: './statistics-results.html',
  styleUrl: './statistics-results.scss',
})
export class StatisticsResults {
  private readonly dialog = inject(MatDialog);

  readonly report = input.required<StatisticsReport>();
  /** The request that produced the report: drill-downs ask the same. */
  readonly request = input.required<StatisticsRequest>();

  protected readonly sections = computed(() => reportSections(this.report()));
  protected readonly summary = computed(() => reportSummary(this.report()));
  protected readonly period = computed(() => periodText(this.report().from, this.report().to));
  protected readonly comparisonColumn = computed(() => comparisonColumn(this.report()));

  open(cell: ValueCell): void {
    if (!cell.drill) return;
    const report = this.report();
    const period = cell.ofComparison && report.comparison ? report.comparison : report;
    this.dialog.open<DrilldownDialog, DrilldownDialogData>(DrilldownDialog, {
      data: {
        request: this.request(),
        key: cell.drill,
        ofComparison: cell.ofComparison,
        label: cell.label,
        expected: cell.value,
        period: periodText(period.from, period.to),
      },
      width: '1100px',
      maxWidth: '96vw',
      autoFocus: 'dialog',
    });
  }
}

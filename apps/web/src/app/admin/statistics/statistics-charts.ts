import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input } from '@angular/core';
import { ChartSpec, statisticsCharts } from '@pointage/charts';
import type { StatisticsReport } from '@pointage/contracts';
import type { ECharts } from 'echarts/core';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';

/** The drawing size of a chart on paper: two charts side by side within the A4 margins, 62 mm high (96 px per inch). */
const PRINT_SIZE = { width: Math.round((91 / 25.4) * 96), height: Math.round((62 / 25.4) * 96) };

function prefersReducedMotion(): boolean {
  return (
    typeof window !== 'undefined' &&
    typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-reduced-motion: reduce)').matches
  );
}

/**
 * The charts of a report (built by @pointage/charts, the same definitions as
 * the PDF export), each in a <figure>: a caption, the picture described by its
 * aria-label, and its values in a table behind "Voir les données".
 */
@Component({
  selector: 'app-statistics-charts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgxEchartsDirective],
  // echarts is loaded on first use: it stays out of the page's own chunk.
  providers: [provideEchartsCore({ echarts: () => import('./echarts-setup') })],
  template: `
    <div class="charts">
      @for (c of specs(); track c.key) {
        <figure class="chart-card" [attr.aria-labelledby]="'chart-title-' + c.key">
          <figcaption [id]="'chart-title-' + c.key">{{ c.title }}</figcaption>
          <div
            echarts
            class="chart"
            role="img"
            [attr.aria-label]="c.ariaLabel"
            [options]="c.option"
            [initOpts]="initOpts"
            (chartInit)="onChartInit($event)"
          ></div>
          <details class="data no-print">
            <summary>
              Voir les données<span class="visually-hidden"> : {{ c.title }}</span>
            </summary>
            <div class="table-wrap">
              <table>
                <caption>
                  {{
                    c.table.caption
                  }}
                </caption>
                <thead>
                  <tr>
                    @for (col of c.table.columns; track $index) {
                      <th scope="col" [class.num]="$index > 0">{{ col }}</th>
                    }
                  </tr>
                </thead>
                <tbody>
                  @for (row of c.table.rows; track $index) {
                    <tr>
                      @for (value of row; track $index; let first = $first) {
                        @if (first) {
                          <th scope="row">{{ value }}</th>
                        } @else {
                          <td [class.num]="isNumber(value)">{{ format(value) }}</td>
                        }
                      }
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          </details>
        </figure>
      }
    </div>
  `,
  styles: `
    .charts {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 480px), 1fr));
      gap: 16px;
    }
    figure {
      margin: 0;
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface);
      break-inside: avoid;
      min-width: 0;
    }
    figcaption {
      font: var(--mat-sys-title-medium);
      margin-bottom: 4px;
    }
    .chart {
      height: 280px;
      width: 100%;
    }
    summary {
      cursor: pointer;
      min-height: 44px;
      display: flex;
      align-items: center;
      color: var(--mat-sys-primary);
      font-weight: 500;
    }
    .table-wrap {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font: var(--mat-sys-body-medium);
    }
    caption {
      text-align: start;
      font-weight: 500;
      padding: 4px 0;
    }
    th,
    td {
      padding: 4px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      text-align: start;
      font-weight: normal;
    }
    thead th {
      font-weight: 500;
    }
    .num {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    @media print {
      .charts {
        grid-template-columns: 1fr 1fr;
        gap: 4mm;
      }
      figure {
        border: none;
        padding: 0;
      }
      figcaption {
        font-size: 10.5pt;
      }
      /*
       * A fixed box: the charts are redrawn at this size before printing; should a
       * browser skip that, the SVG (given a viewBox) still scales into the box.
       */
      .chart {
        height: 62mm;
        /* ECharts positions its SVG absolutely: without this, page breaks count it at its screen size. */
        overflow: hidden;
      }
      .chart ::ng-deep > div,
      .chart ::ng-deep svg {
        width: 100% !important;
        height: 100% !important;
      }
    }
  `,
})
export class StatisticsCharts {
  readonly report = input.required<StatisticsReport>();

  protected readonly initOpts = { renderer: 'svg' };
  protected readonly specs = computed<ChartSpec[]>(() => {
    const r = this.report();
    return statisticsCharts(r, r.comparison, { animation: !prefersReducedMotion() });
  });

  private readonly charts = new Set<ECharts>();

  constructor() {
    // Before printing, draw every chart at its printed size (sharp text, nothing cut);
    // the browser does not resize them for the page by itself. Back to the screen's size after.
    if (typeof window === 'undefined') return;
    const beforePrint = () => this.resizeAll(PRINT_SIZE);
    const afterPrint = () => this.resizeAll({ width: 'auto', height: 'auto' });
    window.addEventListener('beforeprint', beforePrint);
    window.addEventListener('afterprint', afterPrint);
    inject(DestroyRef).onDestroy(() => {
      window.removeEventListener('beforeprint', beforePrint);
      window.removeEventListener('afterprint', afterPrint);
      this.charts.clear();
    });
  }

  /**
   * ECharts draws its SVG at a fixed size without a viewBox: add one after each
   * rendering, so that the picture scales (print, narrow screens) instead of being cut.
   */
  protected onChartInit(chart: ECharts): void {
    this.charts.add(chart);
    chart.on('finished', () => fitViewBox(chart));
    fitViewBox(chart);
  }

  private resizeAll(size: { width: number | 'auto'; height: number | 'auto' }): void {
    for (const chart of this.charts) {
      if (chart.isDisposed()) {
        this.charts.delete(chart);
        continue;
      }
      chart.resize({ ...size, animation: { duration: 0 } });
      chart.getZr().refreshImmediately();
      fitViewBox(chart);
    }
  }

  protected isNumber(value: string | number): boolean {
    return typeof value === 'number';
  }

  protected format(value: string | number): string {
    return typeof value === 'number' ? new Intl.NumberFormat('fr-FR').format(value) : value;
  }
}

function fitViewBox(chart: ECharts): void {
  const svg = chart.getDom().querySelector('svg');
  if (!svg) return;
  svg.setAttribute('viewBox', `0 0 ${chart.getWidth()} ${chart.getHeight()}`);
  svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
}

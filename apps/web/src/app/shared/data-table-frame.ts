import { ChangeDetectionStrategy, Component, computed, input, WritableSignal } from '@angular/core';
import type { PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';

/**
 * The frame every table of the back office shares (issue 15): a scroll container
 * (`.table-wrap`, the table scrolls sideways on a small screen), the indeterminate
 * progress bar over it while loading, the paginator under it and the polite status
 * line read by screen readers.
 *
 * ```html
 * <app-data-table-frame [loading]="res.loading()" loadingLabel="Chargement des familles" [status]="status()">
 *   <table mat-table …>
 *     …
 *     <tr *matNoDataRow appNoDataRow [columns]="columns.length" [loading]="res.loading()" [error]="res.error()"
 *         empty="Aucune famille ne correspond."></tr>
 *   </table>
 *   <mat-paginator … />
 * </app-data-table-frame>
 * ```
 */
@Component({
  selector: 'app-data-table-frame',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBarModule],
  template: `
    <div
      class="table-wrap"
      [attr.tabindex]="regionLabel() ? 0 : null"
      [attr.role]="regionLabel() ? 'region' : null"
      [attr.aria-label]="regionLabel() || null"
    >
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="loadingLabel()" />
      }
      <ng-content />
    </div>
    <ng-content select="mat-paginator" />
    @if (hasStatus()) {
      <p class="visually-hidden" aria-live="polite">{{ status() }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .table-wrap {
      overflow-x: auto;
      position: relative;
      /* Room for the progress bar when nothing is shown yet. */
      min-height: 4px;
    }
    .table-wrap:focus-visible {
      outline: 3px solid var(--mat-sys-tertiary);
    }
    mat-progress-bar {
      position: absolute;
      top: 0;
      left: 0;
      right: 0;
    }
  `,
})
export class DataTableFrame {
  /** A request is on its way: the progress bar shows over the table. */
  readonly loading = input(false);
  /** What the progress bar says ("Chargement des membres"). */
  readonly loadingLabel = input.required<string>();
  /**
   * When given, the scroll container is a named region reachable by keyboard
   * (so that it can be scrolled without a mouse).
   */
  readonly regionLabel = input<string>('');
  /** The polite status line (the count, the error); null: the table has none. */
  readonly status = input<string | null>(null);

  protected readonly hasStatus = computed(() => this.status() !== null);
}

/**
 * The row a Material table shows when it has no rows: "Chargement…" while loading,
 * else the error (in red), else the empty message. Put it on the `*matNoDataRow` row:
 * `<tr *matNoDataRow appNoDataRow [columns]="n" [loading]="…" [error]="…" empty="…"></tr>`.
 */
@Component({
  // A row component must keep its <tr> for the table's layout, as Material's own `button[mat-button]` do.
  // eslint-disable-next-line @angular-eslint/component-selector
  selector: 'tr[appNoDataRow]',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'mat-row' },
  template: `
    <td class="mat-cell no-data" [attr.colspan]="columns()" [class.error-text]="error()">
      {{ loading() ? 'Chargement…' : (error() ?? empty()) }}
    </td>
  `,
  styles: `
    .no-data {
      padding: 16px;
      text-align: center;
    }
  `,
})
export class NoDataRow {
  /** How many columns the cell spans. */
  readonly columns = input.required<number>();
  readonly loading = input(false);
  readonly error = input<string | null>(null);
  /** Said when the answer has no rows ("Aucun membre ne correspond."). */
  readonly empty = input.required<string>();
}

/**
 * A paginator's event applied to a table's page signals: another page size starts
 * again at the first page (the old index would point past the end or elsewhere).
 */
export function applyPageEvent(event: PageEvent, pageIndex: WritableSignal<number>, pageSize: WritableSignal<number>): void {
  if (event.pageSize !== pageSize()) {
    pageSize.set(event.pageSize);
    pageIndex.set(0);
  } else {
    pageIndex.set(event.pageIndex);
  }
}

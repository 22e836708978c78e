import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatTableModule } from '@angular/material/table';
import { applyPageEvent, DataTableFrame, NoDataRow } from './data-table-frame';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, MatPaginatorModule, DataTableFrame, NoDataRow],
  template: `
    <app-data-table-frame [loading]="loading()" loadingLabel="Chargement des choses" [regionLabel]="region()" [status]="status()">
      <table mat-table [dataSource]="rows()" aria-label="Choses">
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef scope="col">Nom</th>
          <td mat-cell *matCellDef="let r">{{ r }}</td>
        </ng-container>
        <ng-container matColumnDef="other">
          <th mat-header-cell *matHeaderCellDef scope="col">Autre</th>
          <td mat-cell *matCellDef="let r">—</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
        <tr *matNoDataRow appNoDataRow [columns]="columns.length" [loading]="loading()" [error]="error()" empty="Aucune chose."></tr>
      </table>
      <mat-paginator [length]="rows().length" [pageSize]="25" aria-label="Pages des choses" />
    </app-data-table-frame>
  `,
})
class Host {
  readonly columns = ['name', 'other'];
  readonly rows = signal<string[]>([]);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  readonly region = signal('');
  readonly status = signal<string | null>(null);
}

describe('DataTableFrame and NoDataRow', () => {
  function render() {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    return { fixture, host: fixture.componentInstance, el: fixture.nativeElement as HTMLElement };
  }
  const noData = (el: HTMLElement) => el.querySelector<HTMLTableCellElement>('tr.mat-row > td.no-data');

  it('shows the progress bar over the table while loading, with its label, and "Chargement…" in the empty table', () => {
    const { fixture, host, el } = render();
    expect(el.querySelector('mat-progress-bar')).toBeNull();
    host.loading.set(true);
    fixture.detectChanges();
    const bar = el.querySelector('.table-wrap > mat-progress-bar');
    expect(bar?.getAttribute('aria-label')).toBe('Chargement des choses');
    expect(bar?.getAttribute('mode')).toBe('indeterminate');
    expect(el.querySelector('.table-wrap > table')).not.toBeNull();
    expect(noData(el)?.textContent?.trim()).toBe('Chargement…');
    expect(noData(el)?.getAttribute('colspan')).toBe('2');
  });

  it('says the error in red, else the empty message, and no row once there are rows', () => {
    const { fixture, host, el } = render();
    expect(noData(el)?.textContent?.trim()).toBe('Aucune chose.');
    expect(noData(el)?.classList.contains('error-text')).toBe(false);
    host.error.set('Le serveur ne répond pas.');
    fixture.detectChanges();
    expect(noData(el)?.textContent?.trim()).toBe('Le serveur ne répond pas.');
    expect(noData(el)?.classList.contains('error-text')).toBe(true);
    host.error.set(null);
    host.rows.set(['a']);
    fixture.detectChanges();
    expect(noData(el)).toBeNull();
    expect(el.querySelectorAll('tr.mat-mdc-row').length).toBe(1);
  });

  it('puts the paginator under the scroll container and the polite status line when the table has one', () => {
    const { fixture, host, el } = render();
    expect(el.querySelector('.table-wrap mat-paginator')).toBeNull();
    expect(el.querySelector('app-data-table-frame > mat-paginator')).not.toBeNull();
    expect(el.querySelector('p[aria-live="polite"]')).toBeNull();
    host.status.set('3 choses');
    fixture.detectChanges();
    const status = el.querySelector('p[aria-live="polite"]');
    expect(status?.textContent?.trim()).toBe('3 choses');
    expect(status?.classList.contains('visually-hidden')).toBe(true);
  });

  it('makes the scroll container a named region reachable by keyboard when asked', () => {
    const { fixture, host, el } = render();
    const wrap = el.querySelector('.table-wrap') as HTMLElement;
    expect(wrap.hasAttribute('tabindex')).toBe(false);
    expect(wrap.hasAttribute('role')).toBe(false);
    host.region.set('Choses (faites défiler)');
    fixture.detectChanges();
    expect(wrap.getAttribute('tabindex')).toBe('0');
    expect(wrap.getAttribute('role')).toBe('region');
    expect(wrap.getAttribute('aria-label')).toBe('Choses (faites défiler)');
  });
});

describe('applyPageEvent', () => {
  it('moves to the page asked for, and back to the first page when the page size changes', () => {
    const pageIndex = signal(0);
    const pageSize = signal(25);
    applyPageEvent({ pageIndex: 3, pageSize: 25, length: 200 }, pageIndex, pageSize);
    expect([pageIndex(), pageSize()]).toEqual([3, 25]);
    applyPageEvent({ pageIndex: 1, previousPageIndex: 3, pageSize: 50, length: 200 }, pageIndex, pageSize);
    expect([pageIndex(), pageSize()]).toEqual([0, 50]);
  });
});

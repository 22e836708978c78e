import { LiveAnnouncer } from '@angular/cdk/a11y';
import { HttpErrorResponse } from '@angular/common/http';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  Injector,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Params, Router } from '@angular/router';
import {
  ATTENDANCE_LIST_COLUMN_LABELS,
  ATTENDANCE_LIST_COLUMNS,
  ATTENDANCE_LIST_LIMITS,
  AttendanceListColumn,
  AttendanceListPage,
  AttendanceListRow,
  SlotDto,
} from '@pointage/contracts';
import { forkJoin, map, Subscription } from 'rxjs';
import { apiErrorMessage } from '../../core/api-error';
import { apiResource } from '../../core/api-resource';
import { provideFrenchDatepicker } from '../../core/french-datepicker-intl';
import { fromLocalDate } from '../../core/french-date-adapter';
import { SessionStore } from '../../core/session';
import { TODAY } from '../../core/today';
import { rangeLabel } from '../../shared/clock';
import { DownloadProgress } from '../../shared/download-progress';
import { DataTableFrame, NoDataRow } from '../../shared/data-table-frame';
import { FileDownload } from '../../shared/file-downloads';
import { BAD_FROM, BAD_TO, dateOf, INVALID_DATE } from '../slots/slot-form';
import { AttendanceListApi } from './attendance-list-api';
import {
  ALL_SLOTS,
  cellText,
  checkChoice,
  ColumnChoice,
  countText,
  DEFAULT_PAGE_SIZE,
  DEFAULT_SPARE_ROWS,
  defaultColumns,
  deviceStorage,
  exportRequest,
  FieldProblem,
  fromQueryParams,
  isFieldProblem,
  listRequest,
  ListMode,
  ListQuery,
  MAX_SPARE_ROWS,
  PAGE_SIZES,
  paramsKey,
  PERIOD_PRESETS,
  PeriodPreset,
  periodText,
  presetOf,
  presetPeriod,
  PRINT_MAX_ROWS,
  readColumnChoice,
  toggleColumn,
  toQueryParams,
  writeColumnChoice,
} from './attendance-list-form';

/** A row as the tables show it: the text of every column, computed once. */
interface ShownRow {
  id: number;
  text: Record<AttendanceListColumn, string>;
}

function shown(row: AttendanceListRow): ShownRow {
  const text = {} as Record<AttendanceListColumn, string>;
  for (const c of ATTENDANCE_LIST_COLUMNS) text[c] = cellText(row, c);
  return { id: row.id, text };
}

/** The list's identity for printing: the same rows whatever the page shown. */
function printKey(q: ListQuery): string {
  return JSON.stringify([q.from, q.to, q.slotId, q.sort, q.order]);
}

/**
 * LISTE DE PRÉSENCE: who came on a day (one slot or all) or over a period,
 * with the columns the team chooses (remembered on this device). The URL holds
 * the list (period, slot, sort, page) so that it can be bookmarked or reloaded.
 * The list prints on A4 (every row, not only the page shown), exports to PDF
 * and XLSX, and a slot's blank sign-in sheet is one click away for the day
 * the kiosk or the network is down.
 */
@Component({
  selector: 'app-attendance-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    DataTableFrame,
    NoDataRow,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    DownloadProgress,
  ],
  providers: [provideFrenchDatepicker(), { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  templateUrl: './attendance-list.html',
  styleUrl: './attendance-list.scss',
})
export class AttendanceList {
  private readonly api = inject(AttendanceListApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly today = inject(TODAY);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly storage = deviceStorage();
  protected readonly session = inject(SessionStore);

  protected readonly allColumns = ATTENDANCE_LIST_COLUMNS;
  protected readonly labels = ATTENDANCE_LIST_COLUMN_LABELS;
  protected readonly presets = PERIOD_PRESETS;
  protected readonly pageSizes = [...PAGE_SIZES];
  protected readonly allSlots = ALL_SLOTS;
  protected readonly maxSpareRows = MAX_SPARE_ROWS;
  /** Short values kept on one line (the table scrolls sideways on a narrow screen rather than break "481 à 581 €"). */
  protected readonly short = new Set<AttendanceListColumn>(['date', 'slot', 'sex', 'age', 'qf', 'arrival']);

  readonly form = new FormGroup({
    from: new FormControl<Date | null>(null),
    to: new FormControl<Date | null>(null),
    slot: new FormControl<number>(ALL_SLOTS, { nonNullable: true }),
  });
  readonly spareRows = new FormControl<number>(DEFAULT_SPARE_ROWS, {
    nonNullable: true,
    validators: [Validators.required, Validators.min(0), Validators.max(MAX_SPARE_ROWS)],
  });

  /** The period typed in the form ('YYYY-MM-DD', null or INVALID_DATE). */
  private readonly formPeriod = signal<{ from: string | null; to: string | null }>({ from: null, to: null });
  /** One day (the slot can be chosen) or a period: each has its own remembered columns. */
  readonly mode = computed<ListMode>(() => {
    const { from, to } = this.formPeriod();
    return to !== null && to !== from ? 'period' : 'day';
  });
  readonly columnChoice = signal<ColumnChoice>(readColumnChoice(this.storage));
  /** The columns checked, in the table's order. */
  readonly columns = computed(() => this.columnChoice()[this.mode()]);
  protected readonly columnsError = signal('');
  protected readonly activePreset = computed(() => {
    const { from, to } = this.formPeriod();
    return presetOf(from, to, this.today());
  });

  /** The slots of the day typed in the form. */
  /** The day whose slots the slot select offers; null for a period. */
  private readonly slotsDay = signal<string | null>(null);
  private readonly daySlotsLoad = apiResource(
    () => this.slotsDay() ?? undefined,
    (date) => this.api.daySlots(date).pipe(map((slots) => ({ date, slots }))),
  );
  /** The slots of the day typed (none while another day's are on their way). */
  readonly daySlots = computed<SlotDto[]>(() => {
    const loaded = this.daySlotsLoad.value();
    return loaded && loaded.date === this.slotsDay() ? loaded.slots : [];
  });
  protected readonly daySlotsLoading = this.daySlotsLoad.loading;
  protected readonly daySlotsError = computed(() => this.daySlotsLoad.error() ?? '');

  /** The list shown (from the URL) and its current page. */
  readonly query = signal<ListQuery | null>(null);
  readonly page = signal<AttendanceListPage | null>(null);
  readonly loading = signal(false);
  /** A message about the list as a whole (or the server). */
  readonly error = signal('');
  private listSubscription: Subscription | null = null;
  private filling = false;
  /** AFFICHER was pressed: once the list is there, bring it into view (on a laptop the form fills the screen). */
  private revealList = false;

  readonly download = signal<FileDownload | null>(null);

  /** Every row of the list, loaded for printing; null: only the page shown would print. */
  readonly printRows = signal<AttendanceListRow[] | null>(null);
  private printRowsKey: string | null = null;
  protected readonly printPreparing = signal(false);
  protected readonly printMessage = signal('');
  private printSubscription: Subscription | null = null;

  protected readonly rows = computed(() => (this.page()?.items ?? []).map(shown));
  protected readonly printLines = computed(() => (this.printRows() ?? this.page()?.items ?? []).map(shown));
  protected readonly total = computed(() => this.page()?.total ?? 0);
  protected readonly summary = computed(() => {
    const p = this.page();
    return p ? countText(p.total, p.from, p.to, p.slot?.label ?? null) : '';
  });
  /** The count, read by screen readers when it changes (errors have their own live line). */
  protected readonly status = computed(() => (this.loading() ? 'Chargement de la liste…' : this.summary()));
  /** What a print of the page alone would leave out (Ctrl+P without the IMPRIMER button). */
  protected readonly printPartial = computed(() => {
    const p = this.page();
    if (!p || this.printRows() || p.total <= p.items.length) return '';
    const first = (p.page - 1) * p.pageSize + 1;
    return `Seules les lignes ${first} à ${first + p.items.length - 1} sur ${p.total} sont imprimées : pour la liste entière, utilisez le bouton IMPRIMER de la page ou l'export PDF.`;
  });
  protected readonly slotOfList = computed(() => this.page()?.slot ?? null);
  protected readonly sortActive = computed(() => this.query()?.sort ?? '');
  protected readonly sortDirection = computed(() => (this.query()?.sort ? (this.query()?.order ?? 'asc') : ''));
  /** The printed table's text when it has no rows. */
  protected readonly noDataText = computed(() => {
    if (this.loading()) return 'Chargement…';
    if (this.error()) return 'Liste indisponible.';
    return this.emptyText();
  });
  /** The no-data row's text once the answer is here (loading and failure are the row's own). */
  protected readonly emptyText = computed(() => {
    const p = this.page();
    return p ? `Aucune présence ${periodText(p.from, p.to, p.slot?.label ?? null)}.` : 'Choisissez une période, puis AFFICHER.';
  });
  protected readonly slotHint = computed(() => {
    const { from } = this.formPeriod();
    if (this.mode() === 'period') return "Pour une liste d'un seul jour seulement";
    if (!from || from === INVALID_DATE) return "Choisissez d'abord le jour";
    if (this.daySlotsLoading()) return 'Chargement des créneaux du jour…';
    if (this.daySlotsError()) return this.daySlotsError();
    const n = this.daySlots().length;
    return n === 0 ? 'Aucun créneau ce jour-là' : n === 1 ? '1 créneau ce jour-là' : `${n} créneaux ce jour-là`;
  });
  protected readonly structureName = computed(() => this.session.admin()?.structureName ?? '');

  constructor() {
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.onFormChange());
    this.route.queryParams.pipe(takeUntilDestroyed()).subscribe((params) => this.applyQuery(params));
    inject(DestroyRef).onDestroy(() => {
      this.listSubscription?.unsubscribe();
      this.printSubscription?.unsubscribe();
      this.download()?.cancel();
    });
  }

  // ------------------------------------------------------------------ form

  private onFormChange(): void {
    const c = this.form.controls;
    const from = dateOf(c.from);
    const to = dateOf(c.to);
    const previous = this.formPeriod();
    if (previous.from === from && previous.to === to) return;
    this.formPeriod.set({ from, to });
    this.columnsError.set('');
    const day = from && from !== INVALID_DATE && (to === null || to === from) ? from : null;
    if (day) {
      if (c.slot.disabled) c.slot.enable({ emitEvent: false });
    } else if (c.slot.enabled) {
      c.slot.setValue(ALL_SLOTS, { emitEvent: false });
      c.slot.disable({ emitEvent: false });
    }
    if (day !== this.slotsDay()) {
      if (!this.filling) c.slot.setValue(ALL_SLOTS, { emitEvent: false });
      this.slotsDay.set(day);
    }
  }

  protected slotLabel(s: SlotDto): string {
    const n = s.attendanceCount;
    return `${rangeLabel(s.start, s.end)} (${n === 0 ? 'aucune présence' : n === 1 ? '1 présence' : `${n} présences`})`;
  }

  protected dateError(field: 'from' | 'to'): string {
    const control = this.form.controls[field];
    const problem: unknown = control.getError('problem');
    if (typeof problem === 'string') return problem;
    if (control.hasError('matDatepickerParse')) return field === 'from' ? BAD_FROM : BAD_TO;
    return '';
  }

  protected slotError(): string {
    const problem: unknown = this.form.controls.slot.getError('problem');
    return typeof problem === 'string' ? problem : '';
  }

  protected isChecked(column: AttendanceListColumn): boolean {
    return this.columns().includes(column);
  }

  /** A column box ticked or unticked: the table follows at once, and the choice is kept for the next visit. */
  toggleColumn(column: AttendanceListColumn, checked: boolean): void {
    this.setColumns(toggleColumn(this.columns(), column, checked));
  }

  resetColumns(): void {
    this.setColumns(defaultColumns(this.mode()));
    void this.announcer.announce('Colonnes par défaut rétablies.', 'polite');
  }

  private setColumns(columns: AttendanceListColumn[]): void {
    const choice = { ...this.columnChoice(), [this.mode()]: columns };
    this.columnChoice.set(choice);
    writeColumnChoice(this.storage, choice);
    this.columnsError.set('');
  }

  applyPreset(preset: PeriodPreset): void {
    const { from, to } = presetPeriod(preset, this.today());
    this.form.patchValue({ from: fromLocalDate(from), to: to ? fromLocalDate(to) : null });
    this.show();
  }

  /** AFFICHER: checks the form and puts the list in the URL (which loads it). */
  show(): void {
    this.clearErrors();
    const c = this.form.controls;
    const checked = checkChoice(dateOf(c.from), dateOf(c.to), c.slot.enabled ? c.slot.value : null, this.columns());
    if (isFieldProblem(checked)) {
      this.showProblem(checked, true);
      return;
    }
    const current = this.query();
    this.revealList = true;
    // AFFICHER again shows the data as it is now: rows loaded earlier for printing are not reused.
    this.printRowsKey = null;
    const q: ListQuery = {
      ...checked,
      sort: current?.sort ?? null,
      order: current?.order ?? 'asc',
      page: 1,
      pageSize: current?.pageSize ?? DEFAULT_PAGE_SIZE,
    };
    this.go(q, false);
  }

  // ------------------------------------------------------------------ URL and loading

  private go(q: ListQuery, replaceUrl: boolean): void {
    const params = toQueryParams(q);
    if (paramsKey(params) === paramsKey(this.route.snapshot.queryParams)) {
      this.load(q);
      return;
    }
    void this.router.navigate([], { relativeTo: this.route, queryParams: params, replaceUrl });
  }

  private applyQuery(params: Params): void {
    const parsed = fromQueryParams(params);
    const q: ListQuery = parsed ?? {
      from: this.today(),
      to: null,
      slotId: null,
      sort: null,
      order: 'asc',
      page: 1,
      pageSize: DEFAULT_PAGE_SIZE,
    };
    this.fill(q);
    this.clearErrors();
    const checked = checkChoice(q.from, q.to, q.slotId, this.columns());
    if (isFieldProblem(checked)) {
      this.listSubscription?.unsubscribe();
      this.loading.set(false);
      this.query.set(null);
      this.page.set(null);
      this.showProblem(checked, false);
      return;
    }
    this.load({ ...q, ...checked });
  }

  /** The form filled with the list of the URL (a date typed wrong stays empty, with its message). */
  private fill(q: Pick<ListQuery, 'from' | 'to' | 'slotId'>): void {
    const date = (v: string | null) => (v && v !== INVALID_DATE ? fromLocalDate(v) : null);
    this.filling = true;
    this.form.patchValue({ from: date(q.from), to: date(q.to) });
    const slot = this.form.controls.slot;
    if (slot.enabled) slot.setValue(q.slotId ?? ALL_SLOTS, { emitEvent: false });
    this.filling = false;
  }

  /**
   * Not apiResource: the list follows the URL, a page past the end goes to the last one,
   * and a 400 names the field to mark (the resource keeps only the French sentence).
   */
  private load(q: ListQuery): void {
    this.listSubscription?.unsubscribe();
    this.query.set(q);
    if (this.printRowsKey !== printKey(q)) {
      this.printSubscription?.unsubscribe();
      this.printPreparing.set(false);
      this.printRows.set(null);
      this.printRowsKey = null;
    }
    this.printMessage.set('');
    this.loading.set(true);
    this.error.set('');
    this.listSubscription = this.api.list(listRequest(q, this.columns())).subscribe({
      next: (page) => {
        if (page.items.length === 0 && page.total > 0 && q.page > 1) {
          // A page past the end (an old bookmark, fewer rows now): the last one.
          this.go({ ...q, page: Math.ceil(page.total / q.pageSize) }, true);
          return;
        }
        this.loading.set(false);
        this.page.set(page);
        if (this.revealList) this.reveal();
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.page.set(null);
        this.revealList = false;
        this.showApiError(err);
      },
    });
  }

  private reveal(): void {
    this.revealList = false;
    afterNextRender(
      () => {
        const results = this.host.nativeElement.querySelector<HTMLElement>('.results');
        if (results && results.getBoundingClientRect().top > window.innerHeight / 2) results.scrollIntoView?.({ block: 'start' });
      },
      { injector: this.injector },
    );
  }

  onSort(sort: Sort): void {
    const q = this.query();
    if (!q) return;
    const column = sort.direction ? (sort.active as AttendanceListColumn) : null;
    this.go({ ...q, sort: column, order: sort.direction === 'desc' ? 'desc' : 'asc', page: 1 }, true);
  }

  onPage(event: PageEvent): void {
    const q = this.query();
    if (!q) return;
    const sizeChanged = event.pageSize !== q.pageSize;
    this.go({ ...q, pageSize: event.pageSize, page: sizeChanged ? 1 : event.pageIndex + 1 }, true);
  }

  // ------------------------------------------------------------------ errors next to fields

  private showApiError(err: unknown): void {
    // For the list's own loader (see load): a 400 that names a field is said next to it.
    const body: unknown = err instanceof HttpErrorResponse ? err.error : null;
    const field = body && typeof body === 'object' && 'field' in body ? (body as { field?: unknown }).field : undefined;
    if (err instanceof HttpErrorResponse && err.status === 400 && typeof field === 'string') {
      this.showProblem({ field, message: apiErrorMessage(err) }, false);
    } else {
      this.error.set(apiErrorMessage(err));
    }
  }

  private showProblem(problem: FieldProblem, focus: boolean): void {
    const c = this.form.controls;
    const control = problem.field === 'from' ? c.from : problem.field === 'to' ? c.to : problem.field === 'slotId' ? c.slot : null;
    if (control?.enabled) {
      control.setErrors({ ...(control.errors ?? {}), problem: problem.message });
      control.markAsTouched();
    } else if (problem.field === 'columns') {
      this.columnsError.set(problem.message);
    } else {
      this.error.set(problem.message);
    }
    if (focus) {
      afterNextRender(
        () => {
          const target = this.host.nativeElement.querySelector<HTMLElement>(`[data-field="${problem.field}"]`);
          (target?.matches('input, mat-select') ? target : target?.querySelector<HTMLElement>('input'))?.focus();
        },
        { injector: this.injector },
      );
    }
  }

  private clearErrors(): void {
    this.error.set('');
    this.columnsError.set('');
    for (const control of [this.form.controls.from, this.form.controls.to, this.form.controls.slot]) {
      if (control.hasError('problem')) control.updateValueAndValidity({ emitEvent: false });
    }
  }

  // ------------------------------------------------------------------ print and files

  /**
   * IMPRIMER: the browser prints the whole list (a print-only table), so the
   * rows of every page are loaded first; a list too long to print that way
   * goes to the PDF export.
   */
  print(): void {
    const q = this.query();
    const page = this.page();
    if (!q || !page) return;
    this.printMessage.set('');
    if (this.printRows() || page.total <= page.items.length) {
      this.printNow();
      return;
    }
    if (page.total > PRINT_MAX_ROWS) {
      this.printMessage.set(
        `Cette liste compte ${page.total.toLocaleString('fr-FR')} présences : l'impression depuis cette page est limitée à ${PRINT_MAX_ROWS.toLocaleString('fr-FR')} lignes. Utilisez l'export PDF, ou choisissez une période plus courte.`,
      );
      return;
    }
    const size = ATTENDANCE_LIST_LIMITS.pageSizeMax;
    const pages = Array.from({ length: Math.ceil(page.total / size) }, (_, i) => i + 1);
    // Not apiResource nor the Submitter: the rows are read on demand for the print, and a failure is said in the print line.
    this.printPreparing.set(true);
    this.printSubscription?.unsubscribe();
    this.printSubscription = forkJoin(pages.map((n) => this.api.list(listRequest({ ...q, page: n, pageSize: size }, this.columns()))))
      .pipe(map((answers) => answers.flatMap((a) => a.items)))
      .subscribe({
        next: (rows) => {
          this.printPreparing.set(false);
          this.printRows.set(rows);
          this.printRowsKey = printKey(q);
          this.printNow();
        },
        error: (err: unknown) => {
          this.printPreparing.set(false);
          this.printMessage.set(`L'impression n'a pas pu être préparée : ${apiErrorMessage(err)}`);
        },
      });
  }

  private printNow(): void {
    afterNextRender(() => window.print(), { injector: this.injector });
  }

  exportFile(kind: 'pdf' | 'xlsx'): void {
    const q = this.query();
    if (!q || this.columns().length === 0) return;
    this.download()?.cancel();
    this.download.set(this.api.exportFile(kind, exportRequest(q, this.columns())));
  }

  /** FEUILLE D'ÉMARGEMENT: the blank sheet of the slot listed, with empty rows for newcomers. */
  signInSheet(): void {
    const slot = this.slotOfList();
    const page = this.page();
    if (!slot || !page) return;
    if (this.spareRows.invalid) {
      this.spareRows.markAsTouched();
      return;
    }
    this.download()?.cancel();
    this.download.set(this.api.signInSheet({ slotId: slot.id, spareRows: this.spareRows.value }, page.from));
  }

  protected listTitle(): string {
    const p = this.page();
    return p ? `Liste de présence ${periodText(p.from, p.to, p.slot?.label ?? null)}` : 'Liste de présence';
  }
}

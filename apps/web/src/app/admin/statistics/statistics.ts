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
  linkedSignal,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatExpansionModule } from '@angular/material/expansion';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { ActivatedRoute, Params, Router } from '@angular/router';
import { REF_KINDS, STATISTICS_ROUTES, StatisticsReport, StatisticsRequest, type RefKind } from '@pointage/contracts';
import { map, Subscription, tap } from 'rxjs';
import { apiErrorMessage } from '../../core/api-error';
import { apiResource } from '../../core/api-resource';
import { provideFrenchDatepicker } from '../../core/french-datepicker-intl';
import { fromLocalDate, toLocalDate } from '../../core/french-date-adapter';
import { TODAY } from '../../core/today';
import { DownloadProgress } from '../../shared/download-progress';
import { FileDownload, FileDownloads } from '../../shared/file-downloads';
import { BracketRow } from '../settings/bracket-rows';
import { dateOf } from '../slots/slot-form';
import { SettingsApi } from '../settings/settings-api';
import { StatisticsApi } from './statistics-api';
import { bracketsOfRows, resetRows, StatisticsBrackets } from './statistics-brackets';
import { StatisticsCriteriaPicker } from './statistics-criteria';
import {
  BAD_BRACKET_ROWS,
  Bracket,
  bracketsEqual,
  buildRequest,
  CompareChoice,
  emptyGroups,
  emptyGroupsWarning,
  FieldProblem,
  fromQueryParams,
  isFieldProblem,
  listsFrom,
  PERIOD_PRESETS,
  PeriodPreset,
  paramsKey,
  presetLabel,
  presetOf,
  presetPeriod,
  StatisticsFormState,
  StatisticsLists,
  toQueryParams,
} from './statistics-form';
import { StatisticsResults } from './statistics-results';
import { periodText } from './statistics-view';

type DateField = 'from' | 'to' | 'referenceDate';
const DATE_FIELDS: readonly DateField[] = ['from', 'to', 'referenceDate'];

/**
 * STATISTIQUES: a period (with presets), criteria, age brackets, a reference
 * date and a comparison; GÉNÉRER computes the report, which the URL keeps
 * (bookmark, reload, back button). The results open drill-downs, print on A4
 * and export to PDF and XLSX.
 */
@Component({
  selector: 'app-statistics',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepickerModule,
    MatExpansionModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    DownloadProgress,
    StatisticsBrackets,
    StatisticsCriteriaPicker,
    StatisticsResults,
  ],
  providers: [provideFrenchDatepicker(), { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  templateUrl: './statistics.html',
  styleUrl: './statistics.scss',
})
export class Statistics {
  private readonly api = inject(StatisticsApi);
  private readonly settings = inject(SettingsApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly today = inject(TODAY);
  private readonly downloads = inject(FileDownloads);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly form = new FormGroup({
    from: new FormControl<Date | null>(null),
    to: new FormControl<Date | null>(null),
    referenceDate: new FormControl<Date | null>(null),
    compare: new FormControl<CompareChoice>('none', { nonNullable: true }),
  });
  readonly brackets = new FormArray<BracketRow>([]);
  readonly checked = signal<Record<RefKind, number[]>>({ sex: [], city: [], status: [], minima: [], qf: [] });

  /** The reference lists; once they are here, the page follows the URL (applyQuery). */
  private readonly listsLoad = apiResource(() =>
    this.settings.lists().pipe(
      map(listsFrom),
      tap((lists) =>
        this.route.queryParams.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((params) => this.applyQuery(params, lists)),
      ),
    ),
  );
  /** The lists loaded, then the brackets saved here as the structure's. */
  readonly lists = linkedSignal<StatisticsLists | null>(() => this.listsLoad.value() ?? null);
  protected readonly listsError = computed(() => this.listsLoad.error() ?? '');
  readonly report = signal<StatisticsReport | null>(null);
  /** The request of the report shown: drill-downs and exports send it again. */
  readonly reportRequest = signal<StatisticsRequest | null>(null);
  readonly loading = signal(false);
  /** A message about the form as a whole (or the server). */
  readonly error = signal('');
  /** Messages next to fields: 'from', 'to', 'referenceDate', 'brackets', 'criteria.<group>', 'compare'. */
  readonly fieldErrors = signal<Record<string, string>>({});
  protected readonly criteriaOpen = signal(false);
  protected readonly bracketsOpen = signal(false);
  readonly download = signal<FileDownload | null>(null);

  protected readonly presets = PERIOD_PRESETS;
  private readonly period = signal<{ from: Date | null; to: Date | null }>({ from: null, to: null });
  protected readonly activePreset = computed(() => {
    const { from, to } = this.period();
    return presetOf(from ? toLocalDate(from) : null, to ? toLocalDate(to) : null, this.today());
  });
  protected readonly emptyGroups = computed(() => {
    const lists = this.lists();
    return lists ? emptyGroups(this.checked(), lists) : [];
  });
  protected readonly emptyWarning = computed(() => emptyGroupsWarning(this.emptyGroups()));
  protected readonly criteriaErrors = computed(() => {
    const out: Partial<Record<RefKind, string>> = {};
    for (const [field, message] of Object.entries(this.fieldErrors())) {
      const kind = field.startsWith('criteria.') ? (field.slice(9) as RefKind) : null;
      if (kind && REF_KINDS.includes(kind)) out[kind] = message;
    }
    return out;
  });
  protected readonly criteriaDescription = computed(() => {
    const lists = this.lists();
    if (!lists) return '';
    const narrowed = REF_KINDS.filter((k) => lists.items[k].some((i) => !this.checked()[k].includes(i.id)));
    if (narrowed.length === 0) return 'Tous les publics';
    return `${narrowed.length} groupe${narrowed.length > 1 ? 's' : ''} restreint${narrowed.length > 1 ? 's' : ''}`;
  });
  private readonly bracketsVersion = signal(0);
  protected readonly bracketsDescription = computed(() => {
    this.bracketsVersion();
    const lists = this.lists();
    const rows = bracketsOfRows(this.brackets);
    if (!rows) return 'À compléter';
    const text = [...rows]
      .sort((a, b) => a.minAge - b.minAge)
      .map((b) => `${b.minAge}–${b.maxAge}`)
      .join(', ');
    const changed = lists && !bracketsEqual(rows, lists.brackets);
    return `${text} ans${changed ? ' (modifiées pour ce rapport)' : ''}`;
  });

  private lastQueryKey: string | null = null;
  private reportSubscription: Subscription | null = null;

  constructor() {
    this.brackets.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      this.bracketsVersion.update((v) => v + 1);
      this.clearFieldError('brackets');
    });
    for (const field of DATE_FIELDS) {
      this.form.controls[field].valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.clearFieldError(field));
    }
    this.form.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.period.set({ from: this.form.controls.from.value, to: this.form.controls.to.value }));
    this.destroyRef.onDestroy(() => {
      this.reportSubscription?.unsubscribe();
      this.download()?.cancel();
    });
  }

  // ------------------------------------------------------------------ form

  protected presetLabel(preset: PeriodPreset): string {
    return presetLabel(preset, this.today());
  }

  applyPreset(preset: PeriodPreset): void {
    const { from, to } = presetPeriod(preset, this.today());
    this.form.patchValue({ from: fromLocalDate(from), to: fromLocalDate(to) });
    void this.announcer.announce(`Période ${periodText(from, to)}.`, 'polite');
  }

  /** The form filled with `state` (dates kept as typed when invalid, so the field shows why). */
  private fill(state: StatisticsFormState): void {
    const date = (v: string | null) => (v && v !== 'invalide' ? fromLocalDate(v) : null);
    this.form.setValue({ from: date(state.from), to: date(state.to), referenceDate: date(state.referenceDate), compare: state.compare });
    this.checked.set(state.checked);
    resetRows(this.brackets, state.brackets);
    this.period.set({ from: this.form.controls.from.value, to: this.form.controls.to.value });
  }

  private defaultState(lists: StatisticsLists): StatisticsFormState {
    const year = presetPeriod('current-year', this.today());
    const checked = {} as Record<RefKind, number[]>;
    for (const kind of REF_KINDS) checked[kind] = lists.items[kind].map((i) => i.id);
    return { from: year.from, to: year.to, referenceDate: null, compare: 'none', checked, brackets: lists.brackets };
  }

  private readState(): StatisticsFormState | FieldProblem {
    const rows = bracketsOfRows(this.brackets);
    const state: StatisticsFormState = {
      from: dateOf(this.form.controls.from),
      to: dateOf(this.form.controls.to),
      referenceDate: dateOf(this.form.controls.referenceDate),
      compare: this.form.controls.compare.value,
      checked: this.checked(),
      brackets: rows ?? [],
    };
    // Dates first, in the order of the form; then the brackets.
    const lists = this.lists();
    if (!rows && lists) {
      const datesProblem = buildRequest({ ...state, brackets: lists.brackets }, lists);
      if (isFieldProblem(datesProblem)) return datesProblem;
      this.brackets.markAllAsTouched();
      return { field: 'brackets', message: BAD_BRACKET_ROWS };
    }
    return state;
  }

  // ------------------------------------------------------------------ URL and generation

  private applyQuery(params: Params, lists: StatisticsLists): void {
    const key = paramsKey(params);
    if (key === this.lastQueryKey) return;
    this.lastQueryKey = key;
    const { state, generate } = fromQueryParams(params, lists, this.defaultState(lists));
    this.fill(state);
    this.clearErrors();
    if (!generate) {
      this.reportSubscription?.unsubscribe();
      this.loading.set(false);
      this.report.set(null);
      this.reportRequest.set(null);
      return;
    }
    const request = buildRequest(state, lists);
    if (isFieldProblem(request)) {
      this.showProblem(request);
      return;
    }
    this.run(request);
  }

  /** GÉNÉRER: checks the form, keeps the criteria in the URL and computes the report. */
  generate(): void {
    const lists = this.lists();
    if (!lists) return;
    this.clearErrors();
    const state = this.readState();
    if (isFieldProblem(state)) {
      this.showProblem(state);
      return;
    }
    const request = buildRequest(state, lists);
    if (isFieldProblem(request)) {
      this.showProblem(request);
      return;
    }
    const params = toQueryParams(request);
    this.lastQueryKey = paramsKey(params);
    void this.router.navigate([], { relativeTo: this.route, queryParams: params });
    this.run(request, true);
  }

  /** Computes the report; after GÉNÉRER (`focusResults`), moves to its title (the form fills a laptop's screen). */
  private run(request: StatisticsRequest, focusResults = false): void {
    // Not apiResource: the report follows the URL or GÉNÉRER, and a 400 names the field to mark (the resource keeps only the French sentence).
    this.reportSubscription?.unsubscribe();
    this.loading.set(true);
    this.reportSubscription = this.api.report(request).subscribe({
      next: (report) => {
        this.loading.set(false);
        this.report.set(report);
        this.reportRequest.set(request);
        if (focusResults) {
          afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('#results-title')?.focus(), { injector: this.injector });
        }
        void this.announcer.announce(
          report.empty
            ? `Aucune donnée ${periodText(report.from, report.to)}.`
            : `Statistiques ${periodText(report.from, report.to)} générées.`,
          'polite',
        );
      },
      error: (err: unknown) => {
        this.loading.set(false);
        const body: unknown = err instanceof HttpErrorResponse ? err.error : null;
        const field = body && typeof body === 'object' && 'field' in body ? (body as { field?: unknown }).field : undefined;
        if (err instanceof HttpErrorResponse && err.status === 400 && typeof field === 'string') {
          this.showProblem({ field, message: apiErrorMessage(err) });
        } else {
          this.error.set(apiErrorMessage(err));
        }
      },
    });
  }

  // ------------------------------------------------------------------ errors next to fields

  protected fieldError(field: string): string {
    const message = this.fieldErrors()[field];
    if (message) return message;
    const control = (DATE_FIELDS as readonly string[]).includes(field) ? this.form.get(field) : null;
    if (control?.hasError('matDatepickerParse')) return 'Date invalide : saisissez-la sous la forme jj/mm/aaaa.';
    return '';
  }

  protected bracketsError(): string {
    return this.fieldErrors()['brackets'] ?? '';
  }

  private showProblem(problem: FieldProblem): void {
    const field = problem.field.startsWith('brackets') ? 'brackets' : problem.field;
    if ((DATE_FIELDS as readonly string[]).includes(field)) {
      const control = this.form.controls[field as DateField];
      control.setErrors({ ...(control.errors ?? {}), problem: problem.message });
      control.markAsTouched();
    } else if (field === 'brackets') {
      this.bracketsOpen.set(true);
    } else if (field.startsWith('criteria.')) {
      this.criteriaOpen.set(true);
    } else if (field !== 'compare') {
      this.error.set(problem.message);
      return;
    }
    this.fieldErrors.update((e) => ({ ...e, [field]: problem.message }));
  }

  private clearFieldError(field: string): void {
    if (!(field in this.fieldErrors())) return;
    this.fieldErrors.update((e) => {
      const next = { ...e };
      delete next[field];
      return next;
    });
  }

  private clearErrors(): void {
    this.error.set('');
    this.fieldErrors.set({});
    for (const field of DATE_FIELDS) {
      const control = this.form.controls[field];
      if (control.hasError('problem')) control.updateValueAndValidity({ emitEvent: false });
    }
  }

  protected onCheckedChange(checked: Record<RefKind, number[]>): void {
    this.checked.set(checked);
    for (const kind of REF_KINDS) this.clearFieldError(`criteria.${kind}`);
  }

  protected onDefaultsSaved(defaults: Bracket[]): void {
    this.lists.update((l) => (l ? { ...l, brackets: defaults } : l));
  }

  // ------------------------------------------------------------------ print and exports

  print(): void {
    window.print();
  }

  exportFile(kind: 'pdf' | 'xlsx'): void {
    const request = this.reportRequest();
    if (!request) return;
    this.download()?.cancel();
    this.download.set(
      this.downloads.post({
        url: STATISTICS_ROUTES[kind],
        body: request,
        label: kind === 'pdf' ? 'le PDF des statistiques' : 'le classeur XLSX des statistiques',
        fallbackName: `statistiques-${request.from}-${request.to}.${kind}`,
      }),
    );
  }
}

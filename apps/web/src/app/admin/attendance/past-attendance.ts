import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatDialog } from '@angular/material/dialog';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatTableModule } from '@angular/material/table';
import type { AttendanceRow, DayAttendance, FamilyDetail, FamilySummary } from '@pointage/contracts';
import { parseEnd, parseHm, retroArrivalProblem } from '@pointage/domain';
import { catchError, debounceTime, distinctUntilChanged, map, of, switchMap, tap } from 'rxjs';
import { apiResource } from '../../core/api-resource';
import { submitter } from '../../core/submitter';
import { provideFrenchDatepicker } from '../../core/french-datepicker-intl';
import { fromLocalDate, toLocalDate } from '../../core/french-date-adapter';
import { TODAY } from '../../core/today';
import { frenchLongDate, rangeLabel } from '../../shared/clock';
import { TimeInput } from '../../shared/time-input';
import { FamiliesApi } from '../families/families-api';
import { AttendanceAdminApi } from './attendance-api';
import { RemoveAttendanceData, RemoveAttendanceDialog } from './remove-attendance-dialog';

type DaySlot = DayAttendance['slots'][number];

export const SOURCE_LABELS: Record<AttendanceRow['source'], string> = {
  kiosk: 'Borne',
  acting: 'Équipe, pour la famille',
  retro: 'Saisie après coup',
};

export const NO_FAMILY = 'Choisissez une famille.';
export const NO_MEMBER = 'Cochez au moins un membre.';
export const BAD_ARRIVAL = "L'heure d'arrivée n'est pas valide (hh:mm).";

/** The request of ENREGISTRER, or the French reason it cannot be sent. */
export function checkRetro(
  slotId: number,
  memberIds: number[],
  arrival: string,
): { slotId: number; memberIds: number[]; arrivalTime?: string } | string {
  if (memberIds.length === 0) return NO_MEMBER;
  const time = arrival.trim();
  if (!time) return { slotId, memberIds };
  if (parseHm(time) === null) return BAD_ARRIVAL;
  return { slotId, memberIds, arrivalTime: time.slice(0, 5) };
}

/** The arrival typed, checked against the slot ± 30 minutes as the API does; null when it fits. */
export function arrivalOutsideSlot(arrival: string, slot: { start: string; end: string }): string | null {
  const minutes = parseHm(arrival.trim());
  const start = parseHm(slot.start);
  const end = parseEnd(slot.end);
  if (minutes === null || start === null || end === null) return null;
  return retroArrivalProblem(minutes, { start, end });
}

/**
 * "PRÉSENCES PASSÉES" (back in time): choose a past day and one of its slots,
 * see who was recorded, add members of a family with an arrival time, or
 * remove an attendance entered by mistake (with a reason). Audited by the API.
 */
@Component({
  selector: 'app-past-attendance',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    MatTableModule,
    TimeInput,
  ],
  providers: [provideFrenchDatepicker(), { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  templateUrl: './past-attendance.html',
  styleUrl: './past-attendance.scss',
})
export class PastAttendance {
  private readonly api = inject(AttendanceAdminApi);
  private readonly families = inject(FamiliesApi);
  private readonly dialog = inject(MatDialog);
  private readonly announcer = inject(LiveAnnouncer);

  protected readonly maxDate = fromLocalDate(inject(TODAY)());
  protected readonly columns = ['lastName', 'firstName', 'family', 'arrival', 'source', 'remove'];

  readonly dateControl = new FormControl<Date | null>(null);
  readonly familySearch = new FormControl<string | FamilySummary>('', { nonNullable: true });
  readonly arrival = new FormControl('', { nonNullable: true });

  /** The day asked for (a new object each time the date is chosen, even the same one). */
  private readonly dayQuery = signal<{ date: string } | undefined>(undefined);
  private readonly dayLoad = apiResource(
    () => this.dayQuery(),
    ({ date }) => this.api.day(date).pipe(tap((day) => this.showDay(day))),
  );
  /** The day on screen: emptied as soon as another date is chosen. */
  readonly day = signal<DayAttendance | null>(null);
  readonly slotId = signal<number | null>(null);
  /** The family picked in the search, read in full. */
  private readonly familyId = signal<number | undefined>(undefined);
  private readonly familyLoad = apiResource(
    () => this.familyId(),
    (id) => this.families.get(id),
  );
  readonly family = computed<FamilyDetail | null>(() => this.familyLoad.value() ?? null);
  readonly checked = signal<ReadonlySet<number>>(new Set());
  protected readonly loadingDay = this.dayLoad.loading;
  protected readonly dayError = computed(() => this.dayLoad.error() ?? '');
  private readonly saving = submitter();
  protected readonly formError = computed(() => this.saving.error() || this.familyLoad.error() || '');
  protected readonly result = signal('');
  protected readonly busy = this.saving.busy;

  protected readonly slot = computed<DaySlot | null>(() => this.day()?.slots.find((s) => s.id === this.slotId()) ?? null);
  protected readonly presentIds = computed(() => new Set(this.slot()?.attendance.map((a) => a.memberId) ?? []));
  protected readonly slotTitle = computed(() => {
    const s = this.slot();
    return s ? `Créneau ${rangeLabel(s.start, s.end)} du ${frenchLongDate(s.date)}` : '';
  });

  /** Families matching what is typed (at least 2 characters). */
  protected readonly matches = signal<FamilySummary[]>([]);

  /** The message shown under the arrival field (its control is then invalid). */
  protected arrivalError(): string {
    const e: unknown = this.arrival.getError('arrival');
    return typeof e === 'string' ? e : '';
  }

  private refuseArrival(message: string): void {
    this.arrival.setErrors({ arrival: message });
    this.arrival.markAsTouched();
  }

  constructor() {
    // A message about what was typed goes as soon as it is changed.
    this.arrival.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.saving.clear());
    this.dateControl.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.loadDay());
    this.familySearch.valueChanges
      .pipe(
        map((v) => (typeof v === 'string' ? v.trim() : null)),
        debounceTime(250),
        distinctUntilChanged(),
        switchMap((search) =>
          search && search.length >= 2
            ? this.families.list({ search, sort: 'name', order: 'asc', page: 1, pageSize: 10, archived: 'all' }).pipe(
                map((p) => p.items),
                catchError(() => of([] as FamilySummary[])),
              )
            : of([] as FamilySummary[]),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((items) => this.matches.set(items));
  }

  protected dateError(): string {
    const c = this.dateControl;
    if (c.hasError('matDatepickerParse')) return 'Date invalide : saisissez-la sous la forme jj/mm/aaaa.';
    if (c.hasError('matDatepickerMax')) return 'La date ne peut pas être dans le futur.';
    return '';
  }

  protected displayFamily(f: FamilySummary | string | null): string {
    return typeof f === 'string' ? f : (f?.name ?? '');
  }

  protected sourceLabel(a: AttendanceRow): string {
    return SOURCE_LABELS[a.source] ?? a.source;
  }

  protected range(s: { start: string; end: string }): string {
    return rangeLabel(s.start, s.end);
  }

  protected countLabel(n: number): string {
    return n === 0 ? 'aucune présence' : n === 1 ? '1 présence' : `${n} présences`;
  }

  /** Another date: what was shown of the previous one goes, the new one is read. */
  private loadDay(): void {
    const value = this.dateControl.value;
    this.result.set('');
    this.day.set(null);
    this.slotId.set(null);
    this.dayQuery.set(!value || this.dateControl.invalid ? undefined : { date: toLocalDate(value) });
  }

  private showDay(day: DayAttendance): void {
    this.day.set(day);
    if (!day.slots.some((s) => s.id === this.slotId())) this.slotId.set(day.slots.length === 1 ? day.slots[0].id : null);
    this.resetArrival();
  }

  chooseSlot(id: number): void {
    this.slotId.set(id);
    this.result.set('');
    this.saving.clear();
    this.checked.set(new Set());
    this.resetArrival();
  }

  private resetArrival(): void {
    const s = this.slot();
    if (s) this.arrival.setValue(s.start.slice(0, 5));
  }

  pickFamily(event: MatAutocompleteSelectedEvent): void {
    const chosen = event.option.value as FamilySummary;
    this.saving.clear();
    this.checked.set(new Set());
    this.familyId.set(chosen.id);
  }

  toggleMember(id: number, on: boolean): void {
    this.saving.clear();
    const next = new Set(this.checked());
    if (on) next.add(id);
    else next.delete(id);
    this.checked.set(next);
  }

  save(): void {
    const slot = this.slot();
    if (!slot) return;
    this.result.set('');
    if (!this.family()) {
      this.saving.fail(NO_FAMILY);
      return;
    }
    const request = checkRetro(slot.id, [...this.checked()], this.arrival.value);
    if (request === BAD_ARRIVAL) {
      this.saving.clear();
      this.refuseArrival(request);
      return;
    }
    if (typeof request === 'string') {
      this.saving.fail(request);
      return;
    }
    const outside = request.arrivalTime ? arrivalOutsideSlot(request.arrivalTime, slot) : null;
    if (outside) {
      this.saving.clear();
      this.refuseArrival(outside);
      return;
    }
    this.saving.run(this.api.retro(request), {
      done: (res) => {
        this.result.set(res.message);
        void this.announcer.announce(res.message, 'polite');
        this.checked.set(new Set());
        this.dayLoad.reload();
      },
    });
  }

  remove(row: AttendanceRow): void {
    const slot = this.slot();
    if (!slot) return;
    this.dialog
      .open<RemoveAttendanceDialog, RemoveAttendanceData, boolean>(RemoveAttendanceDialog, {
        data: {
          attendanceId: row.id,
          description: `${row.firstName} ${row.lastName}, créneau ${rangeLabel(slot.start, slot.end)} du ${frenchLongDate(slot.date)}`,
        },
        width: '560px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((removed) => {
        if (!removed) return;
        void this.announcer.announce(`Présence de ${row.firstName} ${row.lastName} supprimée.`, 'polite');
        this.dayLoad.reload();
      });
  }
}

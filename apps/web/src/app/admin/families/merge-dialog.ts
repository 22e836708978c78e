import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { FamilyDetail, FamilySummary, LIMITS, MemberDto, MergeFamiliesResponse } from '@pointage/contracts';
import { formatFrenchDate, searchKey } from '@pointage/domain';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { apiResource } from '../../core/api-resource';
import { submitter } from '../../core/submitter';
import { FamiliesApi } from './families-api';

export interface MergeDialogData {
  family: FamilyDetail;
}

export const MERGE_SEARCH_DEBOUNCE_MS = 300;

/** Pairs of members who are the same person (normalised name and birth date), as the API joins them. */
export function samePeople(kept: MemberDto[], absorbed: MemberDto[]): { kept: MemberDto; absorbed: MemberDto }[] {
  const key = (m: MemberDto) => `${searchKey(`${m.lastName} ${m.firstName}`)}|${m.birthDate}`;
  const pairs: { kept: MemberDto; absorbed: MemberDto }[] = [];
  for (const a of absorbed) {
    const k = kept.find((m) => key(m) === key(a));
    if (k) pairs.push({ kept: k, absorbed: a });
  }
  return pairs;
}

/**
 * Merges this family and another of the structure: the admin finds the other,
 * chooses which one is kept, sees who will be joined, and confirms. Closes
 * with the API's answer (the kept family and what moved).
 */
@Component({
  selector: 'app-merge-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatRadioModule],
  template: `
    <h2 mat-dialog-title>Fusionner la famille {{ data.family.name }} avec une autre</h2>
    <mat-dialog-content>
      <p>Pour une famille inscrite deux fois : les membres et les présences de la famille absorbée passent dans la famille conservée.</p>
      <mat-form-field appearance="outline" class="full">
        <mat-label>Rechercher l'autre famille (nom de famille ou d'un membre)</mat-label>
        <input matInput type="search" [formControl]="search" autocomplete="off" [maxlength]="maxSearch" />
      </mat-form-field>
      <p class="error-text" aria-live="assertive">{{ error() }}</p>
      @if (candidates().length) {
        <mat-radio-group class="choices" aria-label="Autre famille" [value]="other()?.id" (change)="pick($event.value)">
          @for (c of candidates(); track c.id) {
            <mat-radio-button [value]="c.id">
              {{ c.name }} <span class="muted">— {{ c.memberNames || 'aucun membre' }}{{ c.archived ? ' (archivée)' : '' }}</span>
            </mat-radio-button>
          }
        </mat-radio-group>
      } @else if (searched()) {
        <p>Aucune autre famille ne correspond.</p>
      }

      @if (other(); as o) {
        <h3>Famille conservée</h3>
        <mat-radio-group class="choices" aria-label="Famille conservée" [value]="keptId()" (change)="keptId.set($event.value)">
          <mat-radio-button [value]="data.family.id"
            >{{ data.family.name }} (n° {{ data.family.id }}, {{ data.family.members.length }} membre(s))</mat-radio-button
          >
          <mat-radio-button [value]="o.id">{{ o.name }} (n° {{ o.id }}, {{ o.members.length }} membre(s))</mat-radio-button>
        </mat-radio-group>
        <h3>Ce qui va se passer</h3>
        <ul>
          <li>
            La famille <strong>{{ absorbed()?.name }}</strong> est supprimée après la fusion ; son identifiant de connexion est supprimé.
          </li>
          @if (pairs().length) {
            @for (p of pairs(); track p.absorbed.id) {
              <li>
                {{ p.kept.firstName }} {{ p.kept.lastName }} ({{ frenchDate(p.kept.birthDate) }}) est la même personne dans les deux
                familles : ses présences sont réunies (une seule par créneau).
              </li>
            }
          }
          @if (moved().length) {
            <li>Rejoignent la famille conservée : {{ moved().join(', ') }}.</li>
          }
          <li>Les présences suivent leurs membres ; les statistiques ne changent que par les doublons retirés.</li>
          <li>Les identifiants personnels des membres suivent leur membre.</li>
        </ul>
        <p><strong>Cette opération est irréversible.</strong></p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Annuler</button>
      <button mat-flat-button type="button" class="danger" [disabled]="!other() || busy()" (click)="merge()">Fusionner</button>
    </mat-dialog-actions>
  `,
  styles: `
    .full {
      width: 100%;
    }
    .choices {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    button {
      min-height: 44px;
    }
    .danger:not([disabled]) {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class MergeDialog {
  private readonly api = inject(FamiliesApi);
  private readonly ref = inject<MatDialogRef<MergeDialog, MergeFamiliesResponse>>(MatDialogRef);
  protected readonly data = inject<MergeDialogData>(MAT_DIALOG_DATA);

  protected readonly maxSearch = LIMITS.search;
  protected readonly frenchDate = formatFrenchDate;
  readonly search = new FormControl('', { nonNullable: true });
  /** What is typed, once the typing pauses; searched from 2 characters. */
  private readonly term = toSignal(
    this.search.valueChanges.pipe(
      debounceTime(MERGE_SEARCH_DEBOUNCE_MS),
      map((q) => q.trim()),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  private readonly found = apiResource(
    () => (this.term().length < 2 ? undefined : this.term()),
    (search) => this.api.list({ search, archived: 'all', sort: 'name', order: 'asc', page: 1, pageSize: 10 }),
  );
  protected readonly candidates = computed<FamilySummary[]>(() =>
    (this.found.value()?.items ?? []).filter((f) => f.id !== this.data.family.id && !f.anonymised),
  );
  protected readonly searched = computed(() => this.found.value() !== undefined);
  /** The family chosen among the candidates, read in full. */
  private readonly pickedId = signal<number | undefined>(undefined);
  private readonly picked = apiResource(
    () => this.pickedId(),
    (id) => this.api.get(id),
  );
  protected readonly other = computed<FamilyDetail | null>(() => this.picked.value() ?? null);
  readonly keptId = signal<number>(this.data.family.id);
  private readonly merging = submitter();
  protected readonly busy = this.merging.busy;
  protected readonly error = computed(() => this.merging.error() || this.picked.error() || this.found.error() || '');

  protected readonly kept = computed(() => (this.keptId() === this.data.family.id ? this.data.family : this.other()));
  protected readonly absorbed = computed(() => (this.keptId() === this.data.family.id ? this.other() : this.data.family));
  protected readonly pairs = computed(() => {
    const kept = this.kept();
    const absorbed = this.absorbed();
    return kept && absorbed ? samePeople(kept.members, absorbed.members) : [];
  });
  protected readonly moved = computed(() => {
    const absorbed = this.absorbed();
    const joined = new Set(this.pairs().map((p) => p.absorbed.id));
    return (absorbed?.members ?? []).filter((m) => !joined.has(m.id)).map((m) => `${m.firstName} ${m.lastName}`);
  });

  pick(id: number): void {
    this.merging.clear();
    this.keptId.set(this.data.family.id);
    this.pickedId.set(id);
  }

  merge(): void {
    const kept = this.kept();
    const absorbed = this.absorbed();
    if (!kept || !absorbed) return;
    this.merging.run(this.api.merge(kept.id, absorbed.id), { done: (res) => this.ref.close(res) });
  }
}

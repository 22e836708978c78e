import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  DoCheck,
  ElementRef,
  inject,
  Injector,
  input,
} from '@angular/core';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';

export const MAX_AGE = 120;
export const MAX_BRACKETS = 20;

export type BracketRow = FormGroup<{ minAge: FormControl<number | null>; maxAge: FormControl<number | null> }>;

const ageValidators = [Validators.required, Validators.min(0), Validators.max(MAX_AGE), Validators.pattern(/^\d+$/)];

export function bracketRow(minAge: number | null = null, maxAge: number | null = null): BracketRow {
  return new FormGroup({
    minAge: new FormControl<number | null>(minAge, ageValidators),
    maxAge: new FormControl<number | null>(maxAge, ageValidators),
  });
}

/**
 * The rows Âge mini / Âge maxi of age brackets, with "Ajouter une tranche":
 * shared by PARAMÈTRES (`stacked`) and the statistics panel (`inline`).
 * The host's problem line (class `problem`) is shown between the rows and the
 * buttons; its other buttons follow "Ajouter une tranche".
 * Adding and removing mark the rows dirty, as typing does.
 */
@Component({
  selector: 'app-bracket-rows',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule],
  host: { '[class.inline]': "layout() === 'inline'" },
  template: `
    <ol class="rows">
      @for (row of rows().controls; track $index; let i = $index) {
        <li>
          <div class="row" [formGroup]="row" role="group" [attr.aria-label]="'Tranche ' + (i + 1)">
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>Âge mini</mat-label>
              <input matInput type="number" inputmode="numeric" formControlName="minAge" min="0" [max]="maxAge" />
              <mat-error>Entre 0 et {{ maxAge }} ans</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>Âge maxi</mat-label>
              <input matInput type="number" inputmode="numeric" formControlName="maxAge" min="0" [max]="maxAge" />
              <mat-error>Entre 0 et {{ maxAge }} ans</mat-error>
            </mat-form-field>
            <button
              mat-icon-button
              type="button"
              (click)="remove(i)"
              [disabled]="rows().length <= 1"
              disabledInteractive
              [attr.aria-label]="'Supprimer la tranche ' + (i + 1)"
            >
              <mat-icon svgIcon="remove" />
            </button>
          </div>
        </li>
      }
    </ol>
    <ng-content select=".problem" />
    <div class="bracket-actions">
      <button mat-stroked-button type="button" (click)="add()" [disabled]="rows().length >= maxBrackets">
        <mat-icon svgIcon="add" aria-hidden="true" />
        Ajouter une tranche
      </button>
      <ng-content />
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .rows {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .row {
      display: flex;
      align-items: center;
      gap: 12px;
      margin-bottom: 12px;
    }
    mat-form-field {
      width: 140px;
    }
    button {
      min-height: 44px;
    }
    :host(.inline) {
      .rows {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 24px;
      }
      .row {
        gap: 8px;
        margin-bottom: 0;
      }
      mat-form-field {
        width: 112px;
      }
      .bracket-actions {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
      }
    }
  `,
})
export class BracketRows implements DoCheck {
  private readonly changeDetector = inject(ChangeDetectorRef);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  readonly rows = input.required<FormArray<BracketRow>>();
  /** `stacked`: one row under the other (PARAMÈTRES); `inline`: rows side by side, wrapped (a panel). */
  readonly layout = input<'stacked' | 'inline'>('stacked');
  /** What is announced once the row at `position` (from 1) is removed. */
  readonly removedMessage = input<(position: number) => string>((position) => `Tranche ${position} retirée.`);

  protected readonly maxAge = MAX_AGE;
  protected readonly maxBrackets = MAX_BRACKETS;

  /**
   * A FormArray is not a signal, and the host fills it in place (without events
   * on a reset): the rows are checked whenever the host is, as when they were
   * part of its template.
   */
  ngDoCheck(): void {
    this.changeDetector.markForCheck();
  }

  /** A row that starts after the last one, its "Âge maxi" focused. */
  add(): void {
    const rows = this.rows();
    if (rows.length >= MAX_BRACKETS) return;
    const last = rows.at(rows.length - 1)?.controls.maxAge.value;
    const start = last === null || last === undefined ? null : Math.min(last + 1, MAX_AGE);
    rows.push(bracketRow(start, null));
    rows.markAsDirty();
    const index = rows.length - 1;
    afterNextRender(() => this.host.nativeElement.querySelectorAll<HTMLElement>('.row input')[index * 2 + 1]?.focus(), {
      injector: this.injector,
    });
  }

  /** Removes a row (never the last one) and says so. */
  remove(index: number): void {
    const rows = this.rows();
    if (rows.length <= 1) return;
    rows.removeAt(index);
    rows.markAsDirty();
    void this.announcer.announce(this.removedMessage()(index + 1), 'polite');
  }
}

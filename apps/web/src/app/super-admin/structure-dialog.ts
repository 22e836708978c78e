import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { LIMITS, SLUG_PATTERN, StructureSummary } from '@pointage/contracts';
import { submitter } from '../core/submitter';
import { SuperAdminApi } from './super-admin-api';

/** Time zones of France (metropolitan and overseas); Europe/Paris by default. */
export const FRENCH_TIME_ZONES: { id: string; label: string }[] = [
  { id: 'Europe/Paris', label: 'Europe/Paris — France métropolitaine' },
  { id: 'America/Guadeloupe', label: 'America/Guadeloupe — Guadeloupe' },
  { id: 'America/Martinique', label: 'America/Martinique — Martinique' },
  { id: 'America/Cayenne', label: 'America/Cayenne — Guyane' },
  { id: 'Indian/Reunion', label: 'Indian/Reunion — La Réunion' },
  { id: 'Indian/Mayotte', label: 'Indian/Mayotte — Mayotte' },
  { id: 'America/Miquelon', label: 'America/Miquelon — Saint-Pierre-et-Miquelon' },
  { id: 'Pacific/Noumea', label: 'Pacific/Noumea — Nouvelle-Calédonie' },
  { id: 'Pacific/Tahiti', label: 'Pacific/Tahiti — Polynésie française' },
  { id: 'Pacific/Wallis', label: 'Pacific/Wallis — Wallis-et-Futuna' },
];

/** Without a structure: "Nouvelle structure"; with one: rename it. */
export type StructureDialogData = { structure: StructureSummary | null };

/** Creates or renames a structure; closes with the structure as the API answered it. */
@Component({
  selector: 'app-structure-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatButtonModule],
  template: `
    <h2 mat-dialog-title>{{ editing ? 'Renommer la structure' : 'Nouvelle structure' }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <mat-form-field appearance="outline" class="full">
          <mat-label>Nom</mat-label>
          <input matInput formControlName="name" [maxlength]="limits.name" cdkFocusInitial />
          <mat-error>Saisissez le nom de la structure ({{ limits.name }} caractères au plus).</mat-error>
        </mat-form-field>
        @if (!editing) {
          <mat-form-field appearance="outline" class="full" subscriptSizing="dynamic">
            <mat-label>Identifiant (facultatif)</mat-label>
            <input matInput formControlName="slug" [maxlength]="limits.slug" autocapitalize="off" spellcheck="false" />
            <mat-hint>lettres minuscules, chiffres et tirets</mat-hint>
            <mat-error>Uniquement des lettres minuscules, des chiffres et des tirets (pas au début ni à la fin).</mat-error>
          </mat-form-field>
          <p class="kiosk-address">Adresse de la borne : /k/{{ form.controls.slug.value || '(déduite du nom)' }}</p>
          <mat-form-field appearance="outline" class="full">
            <mat-label>Fuseau horaire</mat-label>
            <mat-select formControlName="timeZone">
              @for (zone of timeZones; track zone.id) {
                <mat-option [value]="zone.id">{{ zone.label }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        }
        <p class="error-text" aria-live="assertive">{{ saving.error() }}</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Annuler</button>
        <button mat-flat-button type="submit" [disabled]="saving.busy()">{{ editing ? 'Renommer' : 'Créer' }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .full {
      width: 100%;
    }
    .kiosk-address {
      margin: 4px 0 16px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    mat-dialog-actions button {
      min-height: 44px;
    }
  `,
})
export class StructureDialog {
  private readonly api = inject(SuperAdminApi);
  private readonly ref = inject<MatDialogRef<StructureDialog, StructureSummary>>(MatDialogRef);
  private readonly structure = inject<StructureDialogData>(MAT_DIALOG_DATA).structure;

  protected readonly editing = this.structure !== null;
  protected readonly limits = LIMITS;
  protected readonly timeZones = FRENCH_TIME_ZONES;
  protected readonly saving = submitter();

  readonly form = new FormGroup({
    name: new FormControl(this.structure?.name ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(LIMITS.name), Validators.pattern(/\S/)],
    }),
    slug: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(LIMITS.slug), Validators.pattern(SLUG_PATTERN)] }),
    timeZone: new FormControl(this.structure?.timeZone ?? 'Europe/Paris', { nonNullable: true, validators: [Validators.required] }),
  });

  submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { name, slug, timeZone } = this.form.getRawValue();
    const request = this.structure
      ? this.api.updateStructure(this.structure.id, { name: name.trim() })
      : this.api.createStructure({ name: name.trim(), ...(slug ? { slug } : {}), timeZone });
    this.saving.run(request, { done: (structure) => this.ref.close(structure) });
  }
}

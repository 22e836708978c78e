import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { CreateFamilyRequest, CreateFamilyResponse, DuplicateCheckRequest, DuplicateMatch } from '@pointage/contracts';
import { formatFrenchDate } from '@pointage/domain';
import { catchError, map, Observable, of, switchMap, throwError } from 'rxjs';
import { apiResource } from '../../core/api-resource';
import { submitter } from '../../core/submitter';
import { showCredentials } from '../../shared/credentials-dialog';
import { isPossibleDuplicate } from '../../shared/members/duplicates';
import { NewFamilyBody, NewFamilyForm } from '../../shared/members/new-family-form';
import { FamiliesApi } from './families-api';

/** What a creation ends with: people already registered to show, or the family made. */
type Outcome = { matches: DuplicateMatch[] } | { created: CreateFamilyResponse };

/** Said when the family is made without a password to show (the credentials dialog says it otherwise). */
function createdMessage(outcome: Outcome): string {
  return 'created' in outcome && !(outcome.created.password && outcome.created.family.email) ? 'Famille créée' : '';
}

function peopleOf(body: NewFamilyBody): DuplicateCheckRequest['members'] {
  return body.members.map((m) => ({ lastName: m.lastName, firstName: m.firstName, birthDate: m.birthDate }));
}

/** "Nouvelle famille" in the back office; a generated password is shown once. */
@Component({
  selector: 'app-family-new',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatIconModule, MatProgressBarModule, NewFamilyForm],
  template: `
    <a mat-button routerLink="/admin/familles" class="back">
      <mat-icon svgIcon="arrow_back" aria-hidden="true" />
      FAMILLES
    </a>
    <h1>Nouvelle famille</h1>
    <p class="error-text" aria-live="assertive">{{ loadError() }}</p>
    @if (catalog(); as c) {
      <app-new-family-form
        mode="admin"
        [catalog]="c"
        [busy]="busy()"
        [error]="error()"
        submitLabel="CRÉER LA FAMILLE"
        (submitted)="create($event)"
      >
        <a mat-stroked-button routerLink="/admin/familles">Annuler</a>
      </app-new-family-form>
      @if (duplicates(); as d) {
        <section class="duplicate" role="alertdialog" aria-labelledby="duplicate-title">
          <h2 id="duplicate-title" tabindex="-1" #duplicateTitle>Doublon possible</h2>
          <p>
            {{ d.matches.length > 1 ? 'Ces personnes sont déjà inscrites' : 'Cette personne est déjà inscrite' }} avec le même nom et la
            même date de naissance :
          </p>
          <ul>
            @for (m of d.matches; track m.memberId + '-' + m.memberIndex) {
              <li>
                {{ m.firstName }} {{ m.lastName }}, né(e) le {{ frenchDate(m.birthDate) }}, dans la famille
                <a [routerLink]="['/admin/familles', m.familyId]" target="_blank" rel="noopener"
                  >{{ m.familyName }}<span class="visually-hidden"> (nouvel onglet)</span></a
                >
              </li>
            }
          </ul>
          <p>
            Vérifiez qu'il ne s'agit pas de la même famille inscrite sous une autre adresse. Si c'est bien une autre famille, créez-la quand
            même ; sinon, complétez la famille existante (ou fusionnez-les depuis sa page).
          </p>
          <div class="duplicate-actions">
            <button mat-stroked-button type="button" (click)="duplicates.set(null)">Revenir au formulaire</button>
            <button mat-flat-button type="button" [disabled]="busy()" (click)="confirmDuplicates()">Créer quand même</button>
          </div>
        </section>
      }
    } @else if (!loadError()) {
      <mat-progress-bar mode="indeterminate" aria-label="Chargement du formulaire" />
    }
  `,
  styles: `
    .duplicate {
      margin-top: 16px;
      padding: 16px;
      border: 2px solid var(--mat-sys-error);
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .duplicate h2 {
      margin-top: 0;
    }
    .duplicate a {
      color: inherit;
      font-weight: 500;
    }
    .duplicate-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
    }
    .duplicate-actions button,
    .back,
    a[mat-stroked-button] {
      min-height: 44px;
    }
  `,
})
export class FamilyNew {
  private readonly api = inject(FamiliesApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);

  private readonly reference = apiResource(() => this.api.catalog());
  protected readonly catalog = computed(() => this.reference.value() ?? null);
  protected readonly loadError = computed(() => this.reference.error() ?? '');
  protected readonly submit = submitter();
  protected readonly busy = this.submit.busy;
  protected readonly error = this.submit.error;
  /** The form, and who it matches, while the admin decides. */
  protected readonly duplicates = signal<{ body: NewFamilyBody; matches: DuplicateMatch[] } | null>(null);
  private readonly duplicateTitle = viewChild<ElementRef<HTMLElement>>('duplicateTitle');
  protected readonly frenchDate = formatFrenchDate;

  /** Looks for people already registered first; creates at once when there are none. */
  create(body: NewFamilyBody): void {
    this.duplicates.set(null);
    const outcome = this.api
      .duplicates({ members: peopleOf(body) })
      .pipe(switchMap((matches): Observable<Outcome> => (matches.length ? of({ matches }) : this.created(body, false))));
    this.submit.run(outcome, { done: (o) => this.answer(body, o), success: createdMessage });
  }

  /** "Créer quand même". */
  confirmDuplicates(): void {
    const d = this.duplicates();
    if (!d) return;
    this.duplicates.set(null);
    this.submit.run(this.created(d.body, true), { done: (o) => this.answer(d.body, o), success: createdMessage });
  }

  private showDuplicates(body: NewFamilyBody, matches: DuplicateMatch[]): void {
    this.duplicates.set({ body, matches });
    setTimeout(() => this.duplicateTitle()?.nativeElement.focus());
  }

  private created(body: NewFamilyBody, confirmDuplicates: boolean): Observable<Outcome> {
    const request: CreateFamilyRequest = { ...body, ...(confirmDuplicates ? { confirmDuplicates: true } : {}) };
    return this.api.create(request).pipe(
      map((created): Outcome => ({ created })),
      catchError((err: unknown) => {
        if (!isPossibleDuplicate(err) || confirmDuplicates) return throwError(() => err);
        // Registered meanwhile (at the kiosk, say): show who, as above; the API's refusal when no one is found.
        return this.api.duplicates({ members: peopleOf(body) }).pipe(
          catchError(() => throwError(() => err)),
          switchMap((matches) => (matches.length ? of({ matches }) : throwError(() => err))),
        );
      }),
    );
  }

  private answer(body: NewFamilyBody, outcome: Outcome): void {
    if ('matches' in outcome) {
      this.showDuplicates(body, outcome.matches);
      return;
    }
    const res = outcome.created;
    const open = () => void this.router.navigate(['/admin/familles', res.family.id]);
    if (res.password && res.family.email) {
      showCredentials(this.dialog, { title: 'Famille créée', login: res.family.email, password: res.password })
        .afterClosed()
        .subscribe(open);
    } else {
      open();
    }
  }
}

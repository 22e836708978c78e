import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { KioskStructureInfo } from '@pointage/contracts';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { apiErrorMessage } from '../core/api-error';
import { KioskApi } from './kiosk-api';

type Loaded = { info: KioskStructureInfo; error: null } | { info: null; error: string } | null;

/**
 * Home of a kiosk (/k/:slug): logo, name and welcome message of the structure,
 * and the ways in. The check-in screen (date, time, present counter) comes later.
 */
@Component({
  selector: 'app-kiosk-home',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatIconModule],
  template: `
    <main class="kiosk page home">
      @if (state()?.info; as s) {
        @if (s.logoUrl) {
          <img [src]="s.logoUrl" [alt]="'Logo de ' + s.name" class="logo" />
        }
        <h1>{{ s.name }}</h1>
        @if (s.welcomeMessage) {
          <p class="welcome">{{ s.welcomeMessage }}</p>
        }
        <nav class="ways" aria-label="Accès des familles">
          <a mat-flat-button [routerLink]="['/k', slug(), 'connexion']">
            <mat-icon svgIcon="login" aria-hidden="true" />
            Se connecter
          </a>
          <a mat-stroked-button [routerLink]="['/k', slug(), 'inscription']">
            <mat-icon svgIcon="person_add" aria-hidden="true" />
            Inscription d'une nouvelle famille
          </a>
          <a mat-button [routerLink]="['/k', slug(), 'oubli']">Identifiants oubliés ?</a>
        </nav>
      } @else if (state()?.error; as error) {
        <h1>Ludothèque introuvable</h1>
        <p class="error-text" role="alert">{{ error }}</p>
        <p><a routerLink="/" [queryParams]="{ choisir: 1 }">Choisir une ludothèque</a></p>
      } @else {
        <h1 class="visually-hidden">Chargement de la ludothèque</h1>
        <p role="status">Chargement…</p>
      }
    </main>
  `,
  styles: `
    .home {
      text-align: center;
    }
    .logo {
      max-width: min(100%, 600px);
      height: auto;
      margin-top: 16px;
    }
    .welcome {
      white-space: pre-line;
      max-width: 760px;
      margin: 0 auto 24px;
    }
    .ways {
      display: flex;
      flex-direction: column;
      align-items: stretch;
      gap: 16px;
      max-width: 560px;
      margin: 32px auto;
    }
    .ways a {
      min-height: 72px;
      font-size: 1.375rem;
    }
  `,
})
export class KioskHome {
  private readonly api = inject(KioskApi);
  readonly slug = input.required<string>();

  protected readonly state = toSignal<Loaded>(
    toObservable(this.slug).pipe(
      switchMap((slug) =>
        this.api.structure(slug).pipe(
          map((info): Loaded => ({ info, error: null })),
          catchError((err: unknown) => of<Loaded>({ info: null, error: apiErrorMessage(err) })),
          startWith<Loaded>(null),
        ),
      ),
    ),
    { initialValue: null },
  );
}

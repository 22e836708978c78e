import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'app-kiosk-home',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <main class="page">
      <h1>Bienvenue à la ludothèque</h1>
      <p>La borne de pointage arrive bientôt.</p>
      <p><a routerLink="/admin">Accès au panneau de contrôle administrateur</a></p>
    </main>
  `,
})
export class KioskHome {}

import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'app-not-found',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <main class="page">
      <h1>Page introuvable</h1>
      <p>Cette adresse ne correspond à aucune page de Pointage.</p>
      <p><a routerLink="/">Retour à l'accueil</a> · <a routerLink="/admin">Panneau de contrôle</a></p>
    </main>
  `,
})
export class NotFound {}

import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'app-admin-home',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="welcome">
      <h1>BIENVENUE SUR LE PANNEAU DE CONTRÔLE</h1>
      <p>Utilisez le menu ci-dessus pour gérer toutes les configurations et les contenus</p>
    </section>
  `,
  styles: `
    .welcome {
      text-align: center;
      margin: 48px auto;
      max-width: 720px;
    }
  `,
})
export class AdminHome {}

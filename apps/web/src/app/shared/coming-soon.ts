import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';

/** Placeholder of a page that a later version fills. */
@Component({
  selector: 'app-coming-soon',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCardModule],
  template: `
    <mat-card appearance="outlined" class="coming-soon">
      <mat-card-content>
        <h1>{{ title() }}</h1>
        <p>Cette page est bientôt disponible.</p>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .coming-soon {
      max-width: 640px;
      margin: 32px auto;
    }
  `,
})
export class ComingSoon {
  readonly title = input('Page');
}

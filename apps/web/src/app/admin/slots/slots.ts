import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { DeleteSlots } from './delete-slots';
import { GenerateSlots } from './generate-slots';
import { SlotList } from './slot-list';

/**
 * "GESTION DES CRÉNEAUX" as in the mock-up: generating (and deleting) opening
 * slots in one tab, the printable list of the configured slots in the other
 * (loaded afresh each time it is opened).
 */
@Component({
  selector: 'app-slots',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTabsModule, GenerateSlots, DeleteSlots, SlotList],
  template: `
    <h1 class="no-print">GESTION DES CRÉNEAUX</h1>
    <mat-tab-group class="print-tabs" mat-stretch-tabs="false" animationDuration="0ms">
      <mat-tab label="Générer les créneaux">
        <div class="tab">
          <app-generate-slots />
          <hr class="separator" />
          <app-delete-slots />
        </div>
      </mat-tab>
      <mat-tab label="Liste des créneaux paramétrés">
        <ng-template matTabContent>
          <div class="tab">
            <app-slot-list />
          </div>
        </ng-template>
      </mat-tab>
    </mat-tab-group>
  `,
  styles: `
    .tab {
      padding: 16px 0;
      max-width: 960px;
    }
    .separator {
      margin: 24px 0;
      border: none;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
  `,
})
export class Slots {}

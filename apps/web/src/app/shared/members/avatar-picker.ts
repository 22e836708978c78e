import { ChangeDetectionStrategy, ChangeDetectorRef, Component, effect, inject, input } from '@angular/core';
import { FormControl } from '@angular/forms';
import { AVATARS, avatarUrl } from '@pointage/contracts';
import { MemberAvatar } from './avatar';

let nextId = 0;

/**
 * "Sélectionner un avatar": native radio buttons (arrow keys move the choice,
 * a screen reader announces "bouton radio, 3 sur 33"), drawn as pictures.
 */
@Component({
  selector: 'app-avatar-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MemberAvatar],
  template: `
    <fieldset class="picker">
      <legend>Sélectionner un avatar</legend>
      <div class="current">
        <span>Avatar actuel :</span>
        <app-member-avatar [avatar]="control().value" [firstName]="firstName()" [lastName]="lastName()" [size]="48" />
        <span>{{ currentLabel() }}</span>
      </div>
      <div class="grid">
        <label class="choice" [class.checked]="control().value === null">
          <input
            type="radio"
            class="visually-hidden"
            [name]="name"
            [checked]="control().value === null"
            (change)="pick(null)"
            [disabled]="control().disabled"
          />
          <app-member-avatar [firstName]="firstName()" [lastName]="lastName()" [size]="40" />
          <span class="text">Initiales</span>
        </label>
        @for (a of avatars; track a.key) {
          <label class="choice" [class.checked]="control().value === a.key">
            <input
              type="radio"
              class="visually-hidden"
              [name]="name"
              [value]="a.key"
              [checked]="control().value === a.key"
              (change)="pick(a.key)"
              [disabled]="control().disabled"
            />
            <img [src]="url(a.key)" alt="" width="40" height="40" />
            <span class="text">{{ a.label }}</span>
          </label>
        }
      </div>
      <p class="credit">Illustrations Twemoji (CC-BY 4.0)</p>
    </fieldset>
  `,
  styles: `
    .picker {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 8px 12px;
      margin: 0 0 16px;
    }
    legend {
      padding: 0 4px;
    }
    .current {
      display: flex;
      align-items: center;
      gap: 8px;
      margin-bottom: 8px;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(76px, 1fr));
      gap: 4px;
    }
    .choice {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 2px;
      min-height: 48px;
      padding: 4px;
      border: 2px solid transparent;
      border-radius: 8px;
      cursor: pointer;
    }
    .choice:hover {
      background: var(--mat-sys-surface-container-high);
    }
    .choice.checked {
      border-color: var(--mat-sys-primary);
      background: var(--mat-sys-primary-container);
    }
    .choice:has(input:focus-visible) {
      outline: 3px solid var(--mat-sys-tertiary);
      outline-offset: 2px;
    }
    .text {
      font: var(--mat-sys-body-small);
      text-align: center;
    }
    .credit {
      margin: 8px 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class AvatarPicker {
  readonly control = input.required<FormControl<string | null>>();
  /** For the initials choice. */
  readonly firstName = input('');
  readonly lastName = input('');

  protected readonly avatars = AVATARS;
  protected readonly name = `avatar-${nextId++}`;

  constructor() {
    const cdr = inject(ChangeDetectorRef);
    effect((onCleanup) => {
      const sub = this.control().valueChanges.subscribe(() => cdr.markForCheck());
      onCleanup(() => sub.unsubscribe());
    });
  }

  protected url(key: string): string {
    return avatarUrl(key);
  }

  protected currentLabel(): string {
    const key = this.control().value;
    return AVATARS.find((a) => a.key === key)?.label ?? 'initiales';
  }

  protected pick(key: string | null): void {
    const control = this.control();
    control.setValue(key);
    control.markAsDirty();
  }
}

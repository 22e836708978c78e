import { ChangeDetectionStrategy, Component, computed, input, numberAttribute } from '@angular/core';
import { AVATAR_KEYS, avatarUrl } from '@pointage/contracts';

/** Dark enough for white initials (contrast ≥ 4.5:1). */
const INITIALS_COLOURS = ['#00695c', '#1565c0', '#6a1b9a', '#ad1457', '#c62828', '#4e342e', '#2e7d32', '#37474f', '#283593', '#00838f'];

/** "Luka" "GRUJIC" -> "LG". */
export function initialsOf(firstName: string, lastName: string): string {
  const first = (s: string) => Array.from(s.trim())[0] ?? '';
  return (first(firstName) + first(lastName)).toLocaleUpperCase('fr-FR') || '?';
}

/** The same name always gets the same colour. */
export function colourOf(name: string): string {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return INITIALS_COLOURS[hash % INITIALS_COLOURS.length];
}

/**
 * A member's avatar picture, or the member's initials in a coloured circle.
 * Decorative by default (the name is written next to it).
 */
@Component({
  selector: 'app-member-avatar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'aria-hidden': 'true', '[style.--avatar-size.px]': 'size()' },
  template: `
    @if (src(); as url) {
      <img [src]="url" alt="" [width]="size()" [height]="size()" />
    } @else {
      <span class="initials" [style.background]="colour()">{{ initials() }}</span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      flex: none;
      width: var(--avatar-size);
      height: var(--avatar-size);
    }
    img,
    .initials {
      width: 100%;
      height: 100%;
      border-radius: 50%;
    }
    .initials {
      display: flex;
      align-items: center;
      justify-content: center;
      color: #fff;
      font-weight: 500;
      font-size: calc(var(--avatar-size) * 0.4);
    }
  `,
})
export class MemberAvatar {
  readonly avatar = input<string | null>(null);
  readonly firstName = input('');
  readonly lastName = input('');
  readonly size = input(48, { transform: numberAttribute });

  protected readonly src = computed(() => {
    const key = this.avatar();
    return key && AVATAR_KEYS.includes(key) ? avatarUrl(key) : null;
  });
  protected readonly initials = computed(() => initialsOf(this.firstName(), this.lastName()));
  protected readonly colour = computed(() => colourOf(`${this.lastName()} ${this.firstName()}`));
}

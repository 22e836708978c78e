import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import { AVATARS } from '@pointage/contracts';
import { colourOf, initialsOf, MemberAvatar } from './avatar';
import { AvatarPicker } from './avatar-picker';

@Component({
  imports: [AvatarPicker, MemberAvatar],
  template: `
    <app-avatar-picker [control]="control" firstName="Luka" lastName="GRUJIC" />
    <app-member-avatar class="shown" [avatar]="avatar()" firstName="Luka" lastName="GRUJIC" />
  `,
})
class Host {
  readonly control = new FormControl<string | null>(null);
  readonly avatar = signal<string | null>(null);
}

describe('avatars', () => {
  it('falls back to initials in a stable colour', () => {
    expect(initialsOf('Luka', 'GRUJIC')).toBe('LG');
    expect(initialsOf('élodie', 'ösel')).toBe('ÉÖ');
    expect(initialsOf('', '')).toBe('?');
    expect(colourOf('GRUJIC Luka')).toBe(colourOf('GRUJIC Luka'));
  });

  it('shows the picture, or the initials without one', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const shown = () => fixture.nativeElement.querySelector('app-member-avatar.shown') as HTMLElement;
    expect(shown().textContent?.trim()).toBe('LG');
    fixture.componentInstance.avatar.set('lapin');
    await fixture.whenStable();
    expect(shown().querySelector('img')?.getAttribute('src')).toBe('/avatars/lapin.svg');
  });

  it('is a group of radio buttons, one per avatar plus the initials, with the credit line', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    const radios = Array.from(el.querySelectorAll<HTMLInputElement>('fieldset input[type=radio]'));
    expect(el.querySelector('legend')?.textContent).toBe('Sélectionner un avatar');
    expect(radios).toHaveLength(AVATARS.length + 1);
    expect(new Set(radios.map((r) => r.name)).size).toBe(1);
    expect(radios[0].checked).toBe(true);
    expect(el.textContent).toContain('Illustrations Twemoji (CC-BY 4.0)');

    const chat = radios.find((r) => r.value === 'chat');
    chat?.click();
    await fixture.whenStable();
    expect(fixture.componentInstance.control.value).toBe('chat');
    expect(chat?.checked).toBe(true);
    expect(chat?.closest('label')?.textContent?.trim()).toBe('Chat');
    expect(el.querySelector('.current')?.textContent).toContain('Chat');
  });
});

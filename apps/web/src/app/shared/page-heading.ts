import { afterNextRender, Directive, ElementRef, inject } from '@angular/core';

/**
 * Moves the focus to a heading, unless the focus is in a dialog or another
 * overlay (the question "Êtes-vous toujours là ?" keeps it).
 */
export function focusHeading(heading: HTMLElement | null | undefined): void {
  if (!heading?.isConnected) return;
  const active = heading.ownerDocument.activeElement;
  if (active instanceof HTMLElement && active.closest('.cdk-overlay-container')) return;
  heading.focus();
}

/**
 * The heading of a page that the focus moves to when it appears (after a
 * navigation, a login): a screen reader reads the new page from its title and
 * the next Tab starts from there instead of from the top of the document. Not
 * a stop of the Tab order (tabindex -1).
 */
@Directive({
  selector: '[appPageHeading]',
  host: { tabindex: '-1' },
})
export class PageHeading {
  private readonly el = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;

  constructor() {
    afterNextRender(() => focusHeading(this.el));
  }

  focus(): void {
    focusHeading(this.el);
  }
}

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { provideTestIcons } from '../core/testing';
import { KIOSK_CHOICE_KEY, kioskRootTarget, KioskRoot, NO_STRUCTURE_MESSAGE } from './kiosk-root';

const ROUGE = { name: 'Chemin Rouge', slug: 'chemin-rouge' };
const ARBRE = { name: "L'Arbrisseau", slug: 'arbrisseau' };

describe('kioskRootTarget', () => {
  it('goes to the only structure', () => {
    expect(kioskRootTarget([ROUGE], null)).toEqual({ kind: 'redirect', slug: 'chemin-rouge' });
    expect(kioskRootTarget([ROUGE], 'ailleurs', true)).toEqual({ kind: 'redirect', slug: 'chemin-rouge' });
  });

  it('goes to the structure chosen earlier, if it still exists, else asks', () => {
    expect(kioskRootTarget([ROUGE, ARBRE], 'arbrisseau')).toEqual({ kind: 'redirect', slug: 'arbrisseau' });
    expect(kioskRootTarget([ROUGE, ARBRE], 'fermee')).toEqual({ kind: 'choose' });
    expect(kioskRootTarget([ROUGE, ARBRE], null)).toEqual({ kind: 'choose' });
    expect(kioskRootTarget([ROUGE, ARBRE], 'arbrisseau', true)).toEqual({ kind: 'choose' });
  });

  it('says when there is none', () => {
    expect(kioskRootTarget([], 'arbrisseau')).toEqual({ kind: 'none' });
  });
});

describe('KioskRoot', () => {
  let backend: HttpTestingController;
  let router: Router;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideTestIcons()] });
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    jest.spyOn(router, 'navigate').mockResolvedValue(true);
  });

  afterEach(() => backend.verify());

  async function render(list: { name: string; slug: string }[]) {
    const fixture = TestBed.createComponent(KioskRoot);
    await fixture.whenStable();
    backend.expectOne('/api/public/structures').flush(list);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('redirects to the only structure', async () => {
    await render([ROUGE]);
    expect(router.navigate).toHaveBeenCalledWith(['/k', 'chemin-rouge'], { replaceUrl: true });
  });

  it('lets choose among several, and remembers the choice', async () => {
    const { el } = await render([ROUGE, ARBRE]);
    expect(router.navigate).not.toHaveBeenCalled();
    const buttons = Array.from(el.querySelectorAll<HTMLButtonElement>('.choices button'));
    expect(buttons.map((b) => b.textContent?.trim())).toEqual(['Chemin Rouge', "L'Arbrisseau"]);
    buttons[1].click();
    expect(localStorage.getItem(KIOSK_CHOICE_KEY)).toBe('arbrisseau');
    expect(router.navigate).toHaveBeenCalledWith(['/k', 'arbrisseau']);
  });

  it('goes straight to the remembered structure next time', async () => {
    localStorage.setItem(KIOSK_CHOICE_KEY, 'arbrisseau');
    await render([ROUGE, ARBRE]);
    expect(router.navigate).toHaveBeenCalledWith(['/k', 'arbrisseau'], { replaceUrl: true });
  });

  it('says when no structure is configured', async () => {
    const { el } = await render([]);
    expect(el.textContent).toContain(NO_STRUCTURE_MESSAGE);
  });
});

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter } from '@angular/router';
import type { StructureSummary } from '@pointage/contracts';
import { of } from 'rxjs';
import { provideTestIcons } from '../core/testing';
import { Structures } from './structures';

const CHEMIN: StructureSummary = {
  id: 7,
  name: 'Chemin Rouge',
  slug: 'chemin-rouge',
  timeZone: 'Europe/Paris',
  active: true,
  createdAt: '2026-01-05T10:00:00Z',
  admins: [{ id: 2, email: 'equipe@ludo.fr', displayName: 'Équipe', active: true, lastLoginAt: null }],
};

describe('Structures', () => {
  let backend: HttpTestingController;
  let snack: jest.Mock;
  let confirmed: boolean;

  beforeEach(() => {
    snack = jest.fn();
    confirmed = true;
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestIcons(),
        { provide: MatSnackBar, useValue: { open: snack } },
        { provide: MatDialog, useValue: { open: () => ({ afterClosed: () => of(confirmed) }) } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });
  afterEach(() => backend.verify());

  async function render() {
    const fixture = TestBed.createComponent(Structures);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('lists the structures with their admins, and says why when the list cannot be loaded', async () => {
    const { fixture, el } = await render();
    expect(el.querySelector('mat-progress-bar')).not.toBeNull();
    backend.expectOne('/api/super-admin/structures').flush([CHEMIN]);
    await fixture.whenStable();
    expect(el.querySelector('mat-progress-bar')).toBeNull();
    expect(el.textContent).toContain('Chemin Rouge');
    expect(el.textContent).toContain('/k/chemin-rouge');
    expect(el.textContent).toContain('equipe@ludo.fr');

    const failed = await render();
    backend
      .expectOne('/api/super-admin/structures')
      .flush({ statusCode: 503, message: 'Service indisponible.' }, { status: 503, statusText: 'Service Unavailable' });
    await failed.fixture.whenStable();
    expect(failed.el.querySelector('.no-data')?.textContent?.trim()).toBe('Service indisponible.');
  });

  it('deactivates a structure once confirmed, and says a refusal in the snack bar', async () => {
    const { fixture, el } = await render();
    backend.expectOne('/api/super-admin/structures').flush([CHEMIN]);
    await fixture.whenStable();
    const component = fixture.componentInstance as unknown as { toggleActive(s: StructureSummary): void };

    component.toggleActive(CHEMIN);
    const patch = backend.expectOne({ method: 'PATCH', url: '/api/super-admin/structures/7' });
    expect(patch.request.body).toEqual({ active: false });
    patch.flush({ ...CHEMIN, active: false });
    await fixture.whenStable();
    expect(snack).toHaveBeenLastCalledWith('Structure désactivée.', 'Fermer', { duration: 5000 });
    expect(el.textContent).toContain('Non');

    component.toggleActive({ ...CHEMIN, active: false });
    backend
      .expectOne('/api/super-admin/structures/7')
      .flush({ statusCode: 409, message: 'Cette structure est déjà active.' }, { status: 409, statusText: 'Conflict' });
    expect(snack).toHaveBeenLastCalledWith('Cette structure est déjà active.', 'Fermer', { duration: 5000 });

    confirmed = false;
    component.toggleActive(CHEMIN);
    backend.expectNone('/api/super-admin/structures/7');
  });
});

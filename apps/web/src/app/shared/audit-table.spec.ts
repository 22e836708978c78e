import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AuditEntry, Page } from '@pointage/contracts';
import { provideTestIcons } from '../core/testing';
import { AuditTable } from './audit-table';

const entry: AuditEntry = {
  id: 1,
  at: '2026-03-02T09:15:00Z',
  structureId: 7,
  structureName: 'Ludothèque du Chemin Rouge',
  actorLabel: 'Fédération',
  actorRole: 'super-admin',
  actingAs: 'administrateur de Ludothèque du Chemin Rouge',
  action: 'auth.password_changed',
  actionLabel: 'Mot de passe modifié',
  targetType: 'account',
  targetId: '12',
  targetLabel: 'compte admin@ludo.fr',
  detail: null,
  details: null,
  ip: '192.0.2.10',
};

describe('AuditTable', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideTestIcons()] });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('asks the API for the first page and shows who acted for whom', async () => {
    const fixture = TestBed.createComponent(AuditTable);
    fixture.componentRef.setInput('endpoint', '/api/super-admin/audit');
    fixture.componentRef.setInput('showStructure', true);
    fixture.componentRef.setInput('structureId', 7);
    fixture.detectChanges();

    const req = backend.expectOne((r) => r.url === '/api/super-admin/audit');
    expect(req.request.params.get('page')).toBe('1');
    expect(req.request.params.get('pageSize')).toBe('25');
    expect(req.request.params.get('structureId')).toBe('7');
    req.flush({ items: [entry], total: 1, page: 1, pageSize: 25 } satisfies Page<AuditEntry>);
    await fixture.whenStable();

    const text: string = fixture.nativeElement.textContent;
    expect(text).toContain('02/03/2026 10:15');
    expect(text).toContain('pour administrateur de Ludothèque du Chemin Rouge');
    expect(text).toContain('Mot de passe modifié');
    expect(text).toContain('compte admin@ludo.fr');
    expect(text).toContain('192.0.2.10');
    expect(fixture.nativeElement.querySelectorAll('th').length).toBe(7);
  });

  it('says when the log is empty', async () => {
    const fixture = TestBed.createComponent(AuditTable);
    fixture.componentRef.setInput('endpoint', '/api/audit');
    fixture.detectChanges();
    const req = backend.expectOne((r) => r.url === '/api/audit');
    expect(req.request.params.has('structureId')).toBe(false);
    req.flush({ items: [], total: 0, page: 1, pageSize: 25 });
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain('Aucune entrée.');
    expect(fixture.nativeElement.querySelectorAll('th').length).toBe(6);
  });

  it('names the target, shows the detail, and its scroll container is reachable by keyboard with a name', async () => {
    const fixture = TestBed.createComponent(AuditTable);
    fixture.componentRef.setInput('endpoint', '/api/audit');
    fixture.detectChanges();
    backend
      .expectOne((r) => r.url === '/api/audit')
      .flush({
        items: [
          {
            ...entry,
            action: 'attendance.removed',
            actionLabel: 'Présence supprimée',
            targetType: 'member',
            targetId: '38',
            targetLabel: 'Jeanne DUPONT (famille DUPONT)',
            detail: 'Motif : Saisie en double',
          },
          {
            ...entry,
            id: 2,
            action: 'attendance.validated',
            actionLabel: 'Présences validées',
            targetType: 'family',
            targetId: '13',
            targetLabel: 'famille anonymisée',
            detail: '2 présences enregistrées',
          },
        ],
        total: 2,
        page: 1,
        pageSize: 25,
      });
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const rows = Array.from(el.querySelectorAll('tr.mat-mdc-row')).map((r) => r.textContent ?? '');
    expect(rows[0]).toContain('Jeanne DUPONT (famille DUPONT)');
    expect(rows[0]).toContain('Motif : Saisie en double');
    expect(rows[1]).toContain('famille anonymisée');
    expect(rows[1]).toContain('2 présences enregistrées');
    expect(el.textContent).not.toMatch(/member 38|family 13/);
    const wrap = el.querySelector('.table-wrap') as HTMLElement;
    expect(wrap.getAttribute('tabindex')).toBe('0');
    expect(wrap.getAttribute('role')).toBe('region');
    expect(wrap.getAttribute('aria-label')).toContain('Journal des actions');
  });

  it('sends the filters and goes back to the first page when they change', async () => {
    const fixture = TestBed.createComponent(AuditTable);
    fixture.componentRef.setInput('endpoint', '/api/audit');
    fixture.detectChanges();
    backend.expectOne((r) => r.url === '/api/audit').flush({ items: [], total: 0, page: 1, pageSize: 25 });
    await fixture.whenStable();
    fixture.componentRef.setInput('filters', { action: 'attendance.removed', search: 'dupont', from: '2026-10-01', to: '2026-10-31' });
    fixture.detectChanges();
    const req = backend.expectOne((r) => r.url === '/api/audit');
    expect(req.request.params.get('page')).toBe('1');
    expect(req.request.params.get('action')).toBe('attendance.removed');
    expect(req.request.params.get('search')).toBe('dupont');
    expect(req.request.params.get('from')).toBe('2026-10-01');
    expect(req.request.params.get('to')).toBe('2026-10-31');
    req.flush({ items: [], total: 0, page: 1, pageSize: 25 });
  });
});

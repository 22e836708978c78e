import { HttpClient, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { OFFLINE_MESSAGE } from './api-error';
import { apiResource } from './api-resource';

@Component({
  selector: 'app-probe',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '',
})
class Probe {
  private readonly http = inject(HttpClient);
  readonly search = signal<string | undefined>('a');
  readonly once = apiResource(() => this.http.get<string[]>('/api/once'));
  readonly list = apiResource(
    () => this.search(),
    (q) => this.http.get<string[]>('/api/list', { params: { q } }),
  );
}

describe('apiResource', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
  });
  afterEach(() => backend.verify());

  function make() {
    const fixture = TestBed.createComponent(Probe);
    return { fixture, probe: fixture.componentInstance };
  }

  it('loads at once without parameters, and again on reload', () => {
    const { probe, fixture } = make();
    expect(probe.once.loading()).toBe(true);
    backend.expectOne('/api/once').flush(['x']);
    expect(probe.once.value()).toEqual(['x']);
    expect(probe.once.loading()).toBe(false);
    probe.once.reload();
    expect(probe.once.loading()).toBe(true);
    backend.expectOne('/api/once').flush(['y']);
    expect(probe.once.value()).toEqual(['y']);
    fixture.detectChanges();
    backend.expectOne('/api/list?q=a').flush([]);
  });

  it('follows its parameters, keeps the rows while the next page loads, and cancels a stale request', () => {
    const { probe, fixture } = make();
    backend.expectOne('/api/once').flush([]);
    fixture.detectChanges();
    backend.expectOne('/api/list?q=a').flush(['a1']);
    expect(probe.list.value()).toEqual(['a1']);

    probe.search.set('b');
    fixture.detectChanges();
    const stale = backend.expectOne('/api/list?q=b');
    expect(probe.list.loading()).toBe(true);
    expect(probe.list.value()).toEqual(['a1']);

    probe.search.set('c');
    fixture.detectChanges();
    expect(stale.cancelled).toBe(true);
    backend.expectOne('/api/list?q=c').flush(['c1']);
    expect(probe.list.value()).toEqual(['c1']);
    expect(probe.list.loading()).toBe(false);
  });

  it('asks nothing while the parameters are undefined', () => {
    const { probe, fixture } = make();
    backend.expectOne('/api/once').flush([]);
    probe.search.set(undefined);
    fixture.detectChanges();
    backend.expectNone((r) => r.url === '/api/list');
    expect(probe.list.value()).toBeUndefined();
    expect(probe.list.loading()).toBe(false);
  });

  it("says the API's French message when the load fails, and forgets it on the next success", () => {
    const { probe, fixture } = make();
    backend
      .expectOne('/api/once')
      .flush({ statusCode: 403, message: "Vous n'avez pas accès à cette ressource." }, { status: 403, statusText: 'Forbidden' });
    expect(probe.once.error()).toBe("Vous n'avez pas accès à cette ressource.");
    expect(probe.once.value()).toBeUndefined();
    expect(probe.once.loading()).toBe(false);

    fixture.detectChanges();
    backend.expectOne('/api/list?q=a').error(new ProgressEvent('error'), { status: 0 });
    expect(probe.list.error()).toBe(OFFLINE_MESSAGE);

    probe.once.reload();
    expect(probe.once.error()).toBeNull();
    backend.expectOne('/api/once').flush(['ok']);
    expect(probe.once.value()).toEqual(['ok']);
  });

  it('shows a value given by the page without asking', () => {
    const { probe } = make();
    backend.expectOne('/api/once').error(new ProgressEvent('error'), { status: 0 });
    probe.once.set(['saved']);
    expect(probe.once.value()).toEqual(['saved']);
    expect(probe.once.error()).toBeNull();
  });

  it('stops when the component is destroyed', () => {
    const { fixture } = make();
    const pending = backend.expectOne('/api/once');
    fixture.destroy();
    expect(pending.cancelled).toBe(true);
  });
});

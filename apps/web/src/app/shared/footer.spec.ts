import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Footer } from './footer';

describe('Footer', () => {
  it('shows the FEDER line by default, then the configured text', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const fixture = TestBed.createComponent(Footer);
    fixture.detectChanges();
    expect(fixture.nativeElement.textContent).toContain("Ce projet est cofinancé par l'Union Européenne avec le FEDER");

    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/public/settings').flush({ footerText: 'Cofinancé par le FEDER et la CAF', funderLogos: [] });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(fixture.nativeElement.textContent).toContain('Cofinancé par le FEDER et la CAF');
    http.verify();
  });
});

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Footer, printedPageFooter } from './footer';

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

  it("repeats the funder's line and the structure's name in the bottom margin of every printed page", async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const fixture = TestBed.createComponent(Footer);
    fixture.detectChanges();
    await fixture.whenStable();
    const style = document.getElementById('pointage-printed-page-footer');
    expect(style?.textContent).toContain('@bottom-center');
    expect(style?.textContent).toContain(`"Ce projet est cofinancé par l'Union Européenne avec le FEDER"`);
    TestBed.inject(HttpTestingController)
      .expectOne('/api/public/settings')
      .flush({ footerText: 'Cofinancé par le FEDER', funderLogos: [] });
    await fixture.whenStable();
    expect(style?.textContent).toContain('"Cofinancé par le FEDER"');
  });

  it('writes any text as a CSS string', () => {
    expect(printedPageFooter('Le "FEDER" \\ et\nla CAF', 'Ludothèque du Chemin Rouge')).toContain(
      'content: "Le \\"FEDER\\" \\\\ et la CAF" "\\A" "Ludothèque du Chemin Rouge";',
    );
    expect(printedPageFooter('FEDER', null)).toContain('content: "FEDER";');
  });
});

import {
  HttpErrorResponse,
  HttpEventType,
  HttpHeaderResponse,
  HttpHeaders,
  provideHttpClient,
  withInterceptors,
} from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideTestIcons } from '../core/testing';
import { DownloadProgress, frenchSize, ofLabel } from './download-progress';
import { downloadErrorMessage, FileDownloads, fileNameFromDisposition, SAVE_FILE } from './file-downloads';

describe('file names from Content-Disposition', () => {
  it('prefers filename* (UTF-8), then filename, else the fallback; never a path', () => {
    expect(fileNameFromDisposition(`attachment; filename="stats.pdf"; filename*=UTF-8''statistiques%20%C3%A9t%C3%A9.pdf`, 'x.pdf')).toBe(
      'statistiques été.pdf',
    );
    expect(fileNameFromDisposition('attachment; filename="liste 2026.xlsx"', 'x.xlsx')).toBe('liste 2026.xlsx');
    expect(fileNameFromDisposition('attachment; filename=plain.pdf', 'x.pdf')).toBe('plain.pdf');
    expect(fileNameFromDisposition('attachment; filename="../../etc/passwd"', 'x.pdf')).toBe('.._.._etc_passwd');
    expect(fileNameFromDisposition('attachment', 'x.pdf')).toBe('x.pdf');
    expect(fileNameFromDisposition(null, 'x.pdf')).toBe('x.pdf');
  });
});

describe('download messages', () => {
  it('reads the JSON error body of a blob response', async () => {
    const err = new HttpErrorResponse({
      error: new Blob([JSON.stringify({ statusCode: 400, message: 'La date de fin est avant la date de début.', field: 'to' })], {
        type: 'application/json',
      }),
      status: 400,
    });
    await expect(downloadErrorMessage(err)).resolves.toBe('La date de fin est avant la date de début.');
  });

  it('falls back to the usual messages (no network, HTML error page)', async () => {
    await expect(downloadErrorMessage(new HttpErrorResponse({ status: 0 }))).resolves.toBe(
      'Le serveur ne répond pas. Vérifiez la connexion.',
    );
    const html = new HttpErrorResponse({ error: new Blob(['<html>Bad gateway</html>']), status: 502 });
    await expect(downloadErrorMessage(html)).resolves.toBe('Une erreur inattendue est survenue. Réessayez dans un instant.');
  });

  it('writes sizes and labels in French', () => {
    expect(frenchSize(512)).toBe('512 o');
    expect(frenchSize(1536)).toBe('1,5 ko');
    expect(frenchSize(2.5 * 1024 * 1024)).toBe('2,5 Mo');
    expect(ofLabel('le PDF des statistiques')).toBe('du PDF des statistiques');
    expect(ofLabel('la feuille')).toBe('de la feuille');
    expect(ofLabel('les fichiers')).toBe('des fichiers');
  });
});

describe('FileDownloads', () => {
  let backend: HttpTestingController;
  let saved: jest.Mock;
  let seenAuthorization: (string | null)[];

  beforeEach(() => {
    saved = jest.fn();
    seenAuthorization = [];
    TestBed.configureTestingModule({
      providers: [
        // Stands for the app's interceptor: the token travels in a header, never in the URL.
        provideHttpClient(
          withInterceptors([
            (req, next) => {
              const withToken = req.clone({ setHeaders: { Authorization: 'Bearer secret' } });
              seenAuthorization.push(withToken.headers.get('Authorization'));
              return next(withToken);
            },
          ]),
        ),
        provideHttpClientTesting(),
        provideTestIcons(),
        { provide: SAVE_FILE, useValue: saved },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify({ ignoreCancelled: true }));

  const request = {
    url: '/api/statistics/export.pdf',
    body: { from: '2026-01-01', to: '2026-01-31' },
    label: 'le PDF des statistiques',
    fallbackName: 'statistiques.pdf',
  };

  it('POSTs the request with the token in a header, reports progress and saves the file under the server name', async () => {
    const download = TestBed.inject(FileDownloads).post(request);
    const req = backend.expectOne('/api/statistics/export.pdf');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual(request.body);
    expect(req.request.responseType).toBe('blob');
    expect(req.request.reportProgress).toBe(true);
    expect(req.request.urlWithParams).not.toContain('secret');
    expect(seenAuthorization).toEqual(['Bearer secret']);
    expect(download.state().phase).toBe('preparing');

    req.event(new HttpHeaderResponse({ headers: new HttpHeaders({ 'Content-Length': '2000' }), status: 200 }));
    expect(download.state()).toMatchObject({ phase: 'receiving', total: 2000 });
    req.event({ type: HttpEventType.DownloadProgress, loaded: 500, total: 2000 });
    expect(download.state().loaded).toBe(500);
    expect(download.percent()).toBe(25);

    req.flush(new Blob(['%PDF-1.7']), { headers: { 'Content-Disposition': 'attachment; filename="statistiques-2026-01.pdf"' } });
    const final = await download.finished();
    expect(final).toMatchObject({ phase: 'done', fileName: 'statistiques-2026-01.pdf' });
    expect(saved).toHaveBeenCalledWith(expect.any(Blob), 'statistiques-2026-01.pdf');
    expect(download.running()).toBe(false);
  });

  it('cancels: the request is aborted and nothing is saved', async () => {
    const download = TestBed.inject(FileDownloads).post(request);
    const req = backend.expectOne('/api/statistics/export.pdf');
    download.cancel();
    expect(req.cancelled).toBe(true);
    await expect(download.finished()).resolves.toMatchObject({ phase: 'cancelled' });
    expect(saved).not.toHaveBeenCalled();
  });

  it('shows the French message of a JSON error sent as a blob', async () => {
    const download = TestBed.inject(FileDownloads).post(request);
    backend
      .expectOne('/api/statistics/export.pdf')
      .flush(new Blob([JSON.stringify({ statusCode: 400, message: 'La période dépasse 10 ans : choisissez une période plus courte.' })]), {
        status: 400,
        statusText: 'Bad Request',
      });
    await expect(download.finished()).resolves.toMatchObject({
      phase: 'failed',
      error: 'La période dépasse 10 ans : choisissez une période plus courte.',
    });
    expect(saved).not.toHaveBeenCalled();
  });

  it('the progress line says what happens and offers Annuler while it runs', async () => {
    const fixture = TestBed.createComponent(DownloadProgress);
    const download = TestBed.inject(FileDownloads).post(request);
    fixture.componentRef.setInput('download', download);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[role="status"]')?.textContent).toContain('Préparation du PDF des statistiques…');
    const cancel = Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.includes('Annuler')) as HTMLButtonElement;
    expect(el.querySelector('mat-progress-bar')).not.toBeNull();
    cancel.click();
    await fixture.whenStable();
    expect(el.textContent).toContain('Téléchargement annulé.');
    expect(el.querySelector('mat-progress-bar')).toBeNull();
  });
});

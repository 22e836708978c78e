import { HttpClient, HttpErrorResponse, HttpEvent, HttpEventType, HttpHeaders, HttpResponse } from '@angular/common/http';
import { computed, inject, Injectable, InjectionToken, signal, Signal, WritableSignal } from '@angular/core';
import { Subscription } from 'rxjs';
import { apiErrorMessage } from '../core/api-error';
import { saveBlob } from './download';

/**
 * Files made by the API (PDF, XLSX) and saved by the browser, with progress and
 * a way to cancel. The request goes through HttpClient, so the interceptor adds
 * the token to the headers: a token never appears in a URL (history, logs,
 * referrers). Used by STATISTIQUES and LISTE DE PRÉSENCE.
 */

export type DownloadPhase = 'preparing' | 'receiving' | 'done' | 'failed' | 'cancelled';

export interface DownloadState {
  /** What is being downloaded, for the progress line: 'le PDF des statistiques'. */
  label: string;
  phase: DownloadPhase;
  /** Bytes received so far. */
  loaded: number;
  /** Size announced by the server (Content-Length), or null. */
  total: number | null;
  /** Name the file was saved under (phase 'done'). */
  fileName: string | null;
  /** French message (phase 'failed'). */
  error: string | null;
}

export interface DownloadRequest {
  url: string;
  /** JSON body of the POST. */
  body: unknown;
  label: string;
  /** Used when the answer has no usable Content-Disposition. */
  fallbackName: string;
}

/** How a received file is handed to the user (a test replaces it). */
export const SAVE_FILE = new InjectionToken<(blob: Blob, fileName: string) => void>('SAVE_FILE', {
  providedIn: 'root',
  factory: () => (blob, fileName) => saveBlob(blob, fileName),
});

/** One download: its state as a signal, and cancel(). */
export class FileDownload {
  private readonly _state: WritableSignal<DownloadState>;
  private subscription: Subscription | null = null;
  private readonly settled: Promise<DownloadState>;
  private settle!: (state: DownloadState) => void;

  readonly state: Signal<DownloadState>;
  readonly running = computed(() => ['preparing', 'receiving'].includes(this.state().phase));
  /** 0–100 when the size is known, else null. */
  readonly percent = computed(() => {
    const s = this.state();
    return s.total ? Math.min(100, Math.round((s.loaded / s.total) * 100)) : null;
  });

  constructor(label: string) {
    this._state = signal<DownloadState>({ label, phase: 'preparing', loaded: 0, total: null, fileName: null, error: null });
    this.state = this._state.asReadonly();
    this.settled = new Promise((resolve) => (this.settle = resolve));
  }

  /** Resolves with the final state (done, failed or cancelled). */
  finished(): Promise<DownloadState> {
    return this.settled;
  }

  /** Stops the request (the browser aborts it) unless it has already ended. */
  cancel(): void {
    if (!this.running()) return;
    this.subscription?.unsubscribe();
    this.end({ phase: 'cancelled' });
  }

  /** @internal */
  attach(subscription: Subscription): void {
    this.subscription = subscription;
    if (!this.running()) subscription.unsubscribe();
  }

  /** @internal */
  update(patch: Partial<DownloadState>): void {
    if (this.running()) this._state.update((s) => ({ ...s, ...patch }));
  }

  /** @internal */
  end(patch: Partial<DownloadState> & { phase: 'done' | 'failed' | 'cancelled' }): void {
    if (!this.running()) return;
    this._state.update((s) => ({ ...s, ...patch }));
    this.settle(this._state());
  }
}

/**
 * The file name of a Content-Disposition header: `filename*` (RFC 5987, UTF-8)
 * first, then `filename`; path separators and control characters removed.
 */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  let name: string | null = null;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended) {
    try {
      name = decodeURIComponent(extended[2].trim().replace(/^"|"$/g, ''));
    } catch {
      name = null;
    }
  }
  if (!name) {
    const plain = /filename\s*=\s*("((?:[^"\\]|\\.)*)"|[^;]+)/i.exec(header);
    if (plain) name = (plain[2] ?? plain[1]).replace(/\\(.)/g, '$1').trim();
  }
  // eslint-disable-next-line no-control-regex
  const safe = (name ?? '').replace(/[/\\\u0000-\u001f]/g, '_').trim();
  return safe && safe !== '.' && safe !== '..' ? safe : fallback;
}

/** A Blob's text (Blob.text() where it exists, else a FileReader). */
function readBlobText(blob: Blob): Promise<string> {
  if (typeof blob.text === 'function') return blob.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

/**
 * The French message of a failed download. With `responseType: 'blob'` the
 * API's JSON error body ({statusCode, message}) arrives as a Blob: read it first.
 */
export async function downloadErrorMessage(err: unknown): Promise<string> {
  if (err instanceof HttpErrorResponse && err.error instanceof Blob) {
    let body: unknown = null;
    try {
      const text = await readBlobText(err.error);
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    } catch {
      body = null;
    }
    return apiErrorMessage(
      new HttpErrorResponse({
        error: body,
        status: err.status,
        statusText: err.statusText,
        headers: err.headers,
        url: err.url ?? undefined,
      }),
    );
  }
  return apiErrorMessage(err);
}

/**
 * The download service of the pages (they never hold HttpClient): a streamed
 * download with progress and cancel, which apiResource and the Submitter do not cover.
 */
@Injectable({ providedIn: 'root' })
export class FileDownloads {
  private readonly http = inject(HttpClient);
  private readonly save = inject(SAVE_FILE);

  /** POSTs `body` to `url` and saves the file the API answers. */
  post(request: DownloadRequest): FileDownload {
    const download = new FileDownload(request.label);
    const subscription = this.http
      .post(request.url, request.body, {
        observe: 'events',
        reportProgress: true,
        responseType: 'blob',
        headers: new HttpHeaders({
          Accept: 'application/pdf, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/json',
        }),
      })
      .subscribe({
        next: (event: HttpEvent<Blob>) => this.onEvent(download, request, event),
        error: (err: unknown) => {
          void downloadErrorMessage(err).then((error) => download.end({ phase: 'failed', error }));
        },
      });
    download.attach(subscription);
    return download;
  }

  private onEvent(download: FileDownload, request: DownloadRequest, event: HttpEvent<Blob>): void {
    switch (event.type) {
      case HttpEventType.ResponseHeader: {
        const length = Number(event.headers.get('Content-Length'));
        download.update({ phase: 'receiving', total: Number.isFinite(length) && length > 0 ? length : null });
        break;
      }
      case HttpEventType.DownloadProgress:
        download.update({ phase: 'receiving', loaded: event.loaded, ...(event.total ? { total: event.total } : {}) });
        break;
      case HttpEventType.Response: {
        const response = event as HttpResponse<Blob>;
        const blob = response.body;
        if (!blob) {
          download.end({ phase: 'failed', error: 'Le fichier reçu est vide. Réessayez dans un instant.' });
          return;
        }
        const fileName = fileNameFromDisposition(response.headers.get('Content-Disposition'), request.fallbackName);
        this.save(blob, fileName);
        download.end({ phase: 'done', fileName, loaded: blob.size, total: blob.size });
        break;
      }
      default:
        break;
    }
  }
}

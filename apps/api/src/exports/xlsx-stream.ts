import { Logger, ServiceUnavailableException } from '@nestjs/common';
import type { Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { abortOnClientGone } from '../pdf/pdf-renderer';
import { RenderQueue } from '../pdf/render-queue';
import { french } from '../common/errors';

/** A cell: a plain value, or a number/date with its own Excel format. */
export type XlsxCell = string | number | boolean | Date | null | { value: number | Date; numFmt: string };

export interface XlsxRow {
  values: XlsxCell[];
  /** Styling of the whole row. */
  kind?: 'title' | 'subtitle' | 'section' | 'header' | 'total';
}

export interface XlsxColumn {
  key: string;
  width: number;
  /** Excel number format of the column's numbers and dates ('dd/mm/yyyy', 'hh:mm', '0', '0.00'). */
  numFmt?: string;
}

export interface XlsxSheet {
  name: string;
  columns: XlsxColumn[];
  /** Row number of the table header: frozen above, repeated on printed pages, auto-filter. */
  headerRow?: number;
  autoFilter?: boolean;
  landscape?: boolean;
  /** Left part of the printed footer (the funder line); the right part is "Page &P / &N". */
  footer?: string;
}

/** What a document builder writes into: sheets, then their rows, with backpressure. */
export interface XlsxSink {
  sheet(sheet: XlsxSheet): void;
  rows(rows: XlsxRow[]): Promise<void>;
}

const WORKER_FILE = 'xlsx.worker.js';
const MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The worker script: beside this file in the sources, beside main.js in the bundle. */
function workerPath(): string {
  const candidates = [join(__dirname, WORKER_FILE), join(__dirname, 'exports', WORKER_FILE)];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`${WORKER_FILE} not found next to ${__dirname}`);
  return found;
}

/** "liste-presence-ludo-2026-01-01-2026-01-31.xlsx" as an attachment, with a UTF-8 name for browsers that read it. */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w.-]+/g, '-');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Writes an XLSX workbook with exceljs's streaming writer, in a worker thread,
 * straight to the HTTP response: the rows go to the worker in batches (each
 * acknowledged before the next, and held back while the client is slower than
 * the writer), the file's bytes come back and are written to the response as
 * they are produced. Nothing is sent before the first byte of the file, so an
 * error before that is an ordinary JSON error; after it, the connection is cut
 * (the browser reports a failed download, never a truncated file taken as good).
 * A client that goes away stops the reading and the worker.
 */
export class XlsxStreamer {
  private readonly logger = new Logger(XlsxStreamer.name);
  /** At most two workbooks written at once; twenty wait their turn for a minute at most. */
  private readonly slots = new RenderQueue({ concurrency: 2, maxWaiting: 20, waitTimeoutMs: 60_000 });

  async send(res: Response, fileName: string, build: (sink: XlsxSink) => Promise<void>): Promise<void> {
    // A client that leaves while waiting gives its place back.
    const release = await this.slots.acquire(abortOnClientGone(res)).catch(() => {
      throw new ServiceUnavailableException(french('Trop de fichiers Excel sont en cours de préparation : réessayez dans une minute.'));
    });
    const worker = new Worker(workerPath());
    let failed: Error | null = null;
    let pendingAck: { resolve: () => void; reject: (e: Error) => void } | null = null;
    let finished: { resolve: () => void; reject: (e: Error) => void } | null = null;
    let clientGone = false;
    let started = false;
    let inFlight: Promise<void> = Promise.resolve();

    const fail = (e: Error) => {
      failed ??= e;
      pendingAck?.reject(e);
      finished?.reject(e);
    };
    res.on('close', () => {
      if (!res.writableFinished) {
        clientGone = true;
        fail(new Error('client closed the connection'));
      }
    });
    worker.on('message', (msg: { type: string; data?: Uint8Array; message?: string }) => {
      if (msg.type === 'chunk' && msg.data) {
        if (!started) {
          started = true;
          res.status(200);
          res.setHeader('Content-Type', MIME);
          res.setHeader('Content-Disposition', attachmentHeader(fileName));
          res.setHeader('Cache-Control', 'no-store');
        }
        if (!clientGone) res.write(Buffer.from(msg.data.buffer, msg.data.byteOffset, msg.data.byteLength));
      } else if (msg.type === 'ack') {
        pendingAck?.resolve();
        pendingAck = null;
      } else if (msg.type === 'done') {
        finished?.resolve();
      } else if (msg.type === 'error') {
        fail(new Error(msg.message ?? 'xlsx worker error'));
      }
    });
    worker.on('error', (e) => fail(e));
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`xlsx worker exited with code ${code}`));
    });

    /** Waits while the response holds more than 1 MB the client has not read yet. */
    const drained = () =>
      res.writableLength < 1_000_000 || clientGone
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            res.once('drain', resolve);
            res.once('close', resolve);
          });

    const sink: XlsxSink = {
      sheet: (sheet) => {
        if (failed) throw failed;
        worker.postMessage({ type: 'sheet', sheet });
      },
      // One batch in flight: the caller reads the next rows while the worker writes these.
      rows: async (rows) => {
        if (failed) throw failed;
        await inFlight;
        await drained();
        if (failed) throw failed;
        inFlight = new Promise<void>((resolve, reject) => {
          pendingAck = { resolve, reject };
          worker.postMessage({ type: 'rows', rows });
        });
        // Rejections are rethrown by the next call or by the end of send(): not unhandled here.
        inFlight.catch(() => undefined);
      },
    };

    try {
      await build(sink);
      await inFlight;
      if (failed) throw failed;
      await new Promise<void>((resolve, reject) => {
        finished = { resolve, reject };
        worker.postMessage({ type: 'finish' });
      });
      res.end();
    } catch (e) {
      if (clientGone) {
        this.logger.log(`XLSX ${fileName}: the client left before the end`);
        return;
      }
      if (!started) throw e;
      this.logger.error(`XLSX ${fileName} failed after the first bytes: ${(e as Error).message}`);
      res.destroy(e as Error);
    } finally {
      release();
      await worker.terminate();
    }
  }
}

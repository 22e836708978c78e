import { HttpException, HttpStatus, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { french } from '../common/errors';

/** Names of stored files: chosen by the server, never by the client. */
const FILE_NAME = /^(logo|orig|funder)-[a-z0-9]+-[0-9a-f]{16}\.(png|jpeg|webp)$/;
/** Files being written: renamed to their name once complete, never served. */
const TEMP_PREFIX = '.upload-';

export const UPLOADS_READ_ONLY =
  'Le dossier des fichiers envoyés n’est pas accessible en écriture : le fichier n’a pas été enregistré. Prévenez l’administrateur de Pointage.';
export const UPLOADS_DISK_FULL =
  'Le disque du serveur est plein : le fichier n’a pas été enregistré. Prévenez l’administrateur de Pointage.';

export interface UploadFile {
  kind: 'logo' | 'orig' | 'funder';
  owner: string;
  ext: string;
  data: Buffer;
}

/**
 * A storage fault as the client sees it: 507 when the disk is full, else 503
 * (read-only, permissions, I/O error). Nothing was saved either way.
 */
function storageFault(e: unknown): HttpException {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOSPC' || code === 'EDQUOT') return new HttpException(french(UPLOADS_DISK_FULL), HttpStatus.INSUFFICIENT_STORAGE);
  return new HttpException(french(UPLOADS_READ_ONLY), HttpStatus.SERVICE_UNAVAILABLE);
}

/**
 * Uploaded images (structure logos and their originals, funder logos) in
 * DATA_DIR/uploads. File names carry a content hash, so they can be cached forever.
 *
 * A file is written under a temporary name, flushed, then renamed: a reader
 * never sees half a file, and a failed write (full disk) leaves nothing behind.
 */
@Injectable()
export class Uploads {
  private readonly logger = new Logger(Uploads.name);
  readonly dir: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.dir = join(config.dataDir, 'uploads');
    this.removeLeftovers();
  }

  /**
   * Saves the files, then runs `use` with their names (in order). If a write or
   * `use` fails, the files this call created are removed — a file of the same
   * name that was already there (same content) stays, it may be in use.
   * Storage faults are answered 507 (disk full) or 503, in French.
   */
  async store<T>(files: UploadFile[], use: (names: string[]) => Promise<T>): Promise<T> {
    const created: string[] = [];
    try {
      const names: string[] = [];
      for (const file of files) {
        const name = `${file.kind}-${file.owner}-${createHash('sha256').update(file.data).digest('hex').slice(0, 16)}.${file.ext}`;
        if (this.write(name, file.data)) created.push(name);
        names.push(name);
      }
      return await use(names);
    } catch (e) {
      for (const name of created) this.remove(name);
      if (e instanceof HttpException || !(e as NodeJS.ErrnoException)?.syscall) throw e;
      this.logger.warn(`Upload not saved: ${(e as Error).message}`);
      throw storageFault(e);
    }
  }

  /** Writes one file through a temporary name; false when a file of that name (same content) exists. */
  private write(name: string, data: Buffer): boolean {
    mkdirSync(this.dir, { recursive: true });
    const target = join(this.dir, name);
    if (existsSync(target)) return false;
    const temp = join(this.dir, `${TEMP_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
    try {
      const fd = openSync(temp, 'wx', 0o640);
      try {
        writeFileSync(fd, data);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, target);
      return true;
    } catch (e) {
      try {
        unlinkSync(temp);
      } catch {
        /* not created, or already gone */
      }
      throw e;
    }
  }

  /** Temporary files of a process that died while writing. */
  private removeLeftovers(): void {
    try {
      for (const f of readdirSync(this.dir)) if (f.startsWith(TEMP_PREFIX)) unlinkSync(join(this.dir, f));
    } catch {
      /* no folder yet, or not writable: the next upload says so */
    }
  }

  /** Removes a file no longer referenced (best effort: a leftover file harms nobody). */
  remove(name: string | null | undefined): void {
    if (!name || !FILE_NAME.test(name)) return;
    try {
      unlinkSync(join(this.dir, name));
    } catch (e) {
      this.logger.warn(`Could not remove upload ${name}: ${(e as Error).message}`);
    }
  }

  /** Absolute path of a public file, or 404. */
  pathOf(name: string): string {
    if (!FILE_NAME.test(name) || name.startsWith('orig-')) throw new NotFoundException(french('Fichier introuvable.'));
    const path = join(this.dir, name);
    if (!existsSync(path)) throw new NotFoundException(french('Fichier introuvable.'));
    return path;
  }

  static publicUrl(name: string): string {
    return `/api/public/files/${name}`;
  }
}

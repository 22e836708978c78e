import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';

/** Names of stored files: chosen by the server, never by the client. */
const FILE_NAME = /^(logo|orig|funder)-[a-z0-9]+-[0-9a-f]{16}\.(png|jpeg|webp)$/;

/**
 * Uploaded images (structure logos and their originals, funder logos) in
 * DATA_DIR/uploads. File names carry a content hash, so they can be cached forever.
 */
@Injectable()
export class Uploads {
  private readonly logger = new Logger(Uploads.name);
  readonly dir: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.dir = join(config.dataDir, 'uploads');
  }

  save(kind: 'logo' | 'orig' | 'funder', owner: string, ext: string, data: Buffer): string {
    const name = `${kind}-${owner}-${createHash('sha256').update(data).digest('hex').slice(0, 16)}.${ext}`;
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(join(this.dir, name), data, { mode: 0o640 });
    return name;
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
    if (!FILE_NAME.test(name) || name.startsWith('orig-')) throw new NotFoundException('Fichier introuvable.');
    const path = join(this.dir, name);
    if (!existsSync(path)) throw new NotFoundException('Fichier introuvable.');
    return path;
  }

  static publicUrl(name: string): string {
    return `/api/public/files/${name}`;
  }
}

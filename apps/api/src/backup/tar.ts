import { createHash } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, fsyncSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

/**
 * A minimal ustar writer and reader over node's zlib, for the backup archives.
 *
 * Why not the system `tar`: the local install also runs on Windows (no `tar`
 * everywhere, and not the same one), and the reader must accept only what the
 * writer produces — plain files under names it checks, no links, no absolute
 * paths, no `..` — which is easier to guarantee in 150 lines than through a tool's options.
 */

const BLOCK = 512;

export interface TarSource {
  /** Name inside the archive ('manifest.json', 'uploads/logo-….png'). */
  name: string;
  /** File on disk to copy into the archive. */
  path: string;
}

/** Something wrong with the archive itself: truncated, corrupted, or not one of ours. */
export class ArchiveError extends Error {
  override name = 'ArchiveError';
}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function splitName(name: string): { prefix: string; name: string } {
  if (Buffer.byteLength(name) <= 100) return { prefix: '', name };
  const cut = name.lastIndexOf('/');
  const prefix = name.slice(0, cut);
  const rest = name.slice(cut + 1);
  if (cut <= 0 || Buffer.byteLength(prefix) > 155 || Buffer.byteLength(rest) > 100) {
    throw new Error(`Nom trop long pour l'archive : ${name}`);
  }
  return { prefix, name: rest };
}

function header(entry: string, size: number, mtime: number): Buffer {
  const h = Buffer.alloc(BLOCK, 0);
  const { prefix, name } = splitName(entry);
  h.write(name, 0, 100, 'utf8');
  h.write(octal(0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(Math.floor(mtime / 1000), 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  h.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(octal(sum, 7) + ' ', 148, 'ascii');
  return h;
}

async function* tarStream(sources: TarSource[]): AsyncGenerator<Buffer> {
  for (const source of sources) {
    const stat = statSync(source.path);
    yield header(source.name, stat.size, stat.mtimeMs);
    let written = 0;
    for await (const chunk of createReadStream(source.path)) {
      written += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
    if (written !== stat.size) throw new Error(`Le fichier ${source.path} a changé pendant la sauvegarde.`);
    const pad = (BLOCK - (stat.size % BLOCK)) % BLOCK;
    if (pad) yield Buffer.alloc(pad, 0);
  }
  yield Buffer.alloc(BLOCK * 2, 0);
}

/** Writes the files into a new .tar.gz at `target` (which must not exist), flushed to disk. */
export async function writeTarGz(target: string, sources: TarSource[]): Promise<void> {
  await pipeline(Readable.from(tarStream(sources)), createGzip({ level: 6 }), createWriteStream(target, { flags: 'wx', mode: 0o600 }));
  const fd = openSync(target, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export interface ExtractedEntry {
  name: string;
  size: number;
  sha256: string;
}

function readString(h: Buffer, start: number, length: number): string {
  const field = h.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? length : end).toString('utf8');
}

function readOctal(h: Buffer, start: number, length: number): number {
  const text = readString(h, start, length).trim();
  if (!/^[0-7]+$/.test(text)) throw new ArchiveError('en-tête invalide');
  return parseInt(text, 8);
}

function checkHeader(h: Buffer): void {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (h[i] as number);
  if (sum !== readOctal(h, 148, 8)) throw new ArchiveError('en-tête endommagé');
}

/**
 * Extracts a .tar.gz into `dir`, accepting only plain files whose names pass
 * `accept` (each at most once), and returns each entry's size and SHA-256.
 * Anything else — a gzip or tar error, a truncated archive, a link, an
 * unexpected name — is an ArchiveError.
 */
export async function extractTarGz(archive: string, dir: string, accept: (name: string) => boolean): Promise<ExtractedEntry[]> {
  const entries: ExtractedEntry[] = [];
  const seen = new Set<string>();
  let buffer: Buffer = Buffer.alloc(0);
  let current: { fd: number; name: string; size: number; remaining: number; pad: number; hash: ReturnType<typeof createHash> } | null =
    null;
  let ended = false;
  const gunzip = createGunzip();
  const source = createReadStream(archive);
  source.on('error', (e) => gunzip.destroy(e));
  source.pipe(gunzip);
  try {
    for await (const chunk of gunzip) {
      if (ended) continue; // zero padding after the end blocks
      buffer = buffer.length ? Buffer.concat([buffer, chunk as Buffer]) : (chunk as Buffer);
      for (;;) {
        if (current) {
          if (current.remaining > 0) {
            const n = Math.min(current.remaining, buffer.length);
            if (n === 0) break;
            const part = buffer.subarray(0, n);
            writeSync(current.fd, part);
            current.hash.update(part);
            current.remaining -= n;
            buffer = buffer.subarray(n);
            continue;
          }
          if (buffer.length < current.pad) break;
          buffer = buffer.subarray(current.pad);
          closeSync(current.fd);
          entries.push({ name: current.name, size: current.size, sha256: current.hash.digest('hex') });
          current = null;
          continue;
        }
        if (buffer.length < BLOCK) break;
        const h = buffer.subarray(0, BLOCK);
        buffer = buffer.subarray(BLOCK);
        if (h.every((b) => b === 0)) {
          ended = true;
          break;
        }
        checkHeader(h);
        const type = String.fromCharCode(h[156] as number);
        const prefix = readString(h, 345, 155);
        const name = (prefix ? `${prefix}/` : '') + readString(h, 0, 100);
        if (type !== '0' && type !== '\0') throw new ArchiveError(`entrée inattendue ${name}`);
        if (!accept(name) || seen.has(name)) throw new ArchiveError(`fichier inattendu ${name}`);
        seen.add(name);
        const size = readOctal(h, 124, 12);
        const path = join(dir, name);
        mkdirSync(dirname(path), { recursive: true });
        current = {
          fd: openSync(path, 'wx', 0o600),
          name,
          size,
          remaining: size,
          pad: (BLOCK - (size % BLOCK)) % BLOCK,
          hash: createHash('sha256'),
        };
      }
    }
  } catch (e) {
    if (e instanceof ArchiveError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('Z_') || code === 'ERR_STREAM_PREMATURE_CLOSE')
      throw new ArchiveError('ce n’est pas une archive .tar.gz valide, ou elle est endommagée');
    throw e;
  } finally {
    if (current) closeSync(current.fd);
    source.destroy();
  }
  if (current || !ended) throw new ArchiveError('archive incomplète');
  return entries;
}

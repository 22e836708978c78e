import { BadRequestException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { LOGO_LIMITS } from '@pointage/contracts';
import type { Request } from 'express';
import sharp, { Metadata } from 'sharp';
import { french } from '../common/errors';

export type ImageType = 'png' | 'jpeg' | 'webp';

const TOO_BIG = `Le fichier dépasse ${LOGO_LIMITS.maxBytes / 1024 / 1024} Mo : réduisez l'image avant de l'envoyer.`;

/**
 * Reads a raw upload (the file is the request body) with a size cap: refused
 * from its Content-Length when announced, or as soon as the stream passes the
 * cap — never buffered whole beyond it.
 */
export async function readUpload(req: Request, maxBytes: number = LOGO_LIMITS.maxBytes): Promise<Buffer> {
  const announced = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(announced) && announced > maxBytes) {
    req.resume();
    throw new PayloadTooLargeException(french(TOO_BIG));
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      req.resume();
      throw new PayloadTooLargeException(french(TOO_BIG));
    }
    chunks.push(chunk);
  }
  if (size === 0) throw new BadRequestException(french('Aucun fichier reçu : choisissez une image.'));
  return Buffer.concat(chunks);
}

/** The image type from its first bytes — the file name and declared type are not trusted. */
export function sniffImageType(data: Buffer): ImageType | null {
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg';
  if (data.length >= 12 && data.toString('ascii', 0, 4) === 'RIFF' && data.toString('ascii', 8, 12) === 'WEBP') return 'webp';
  return null;
}

export interface InspectedImage {
  type: ImageType;
  width: number;
  height: number;
}

/**
 * Checks an upload is a PNG, JPEG or WebP of sane dimensions. The pixel count is
 * read from the header before any decoding, so a small file announcing
 * 40 000 × 40 000 pixels is refused without being decoded.
 */
export async function inspectImage(data: Buffer): Promise<InspectedImage> {
  const type = sniffImageType(data);
  if (!type) {
    throw new UnsupportedMediaTypeException(
      french('Format non accepté : envoyez une image PNG, JPEG ou WebP (les SVG et PDF ne sont pas acceptés).'),
    );
  }
  let meta: Metadata;
  try {
    meta = await sharp(data, { limitInputPixels: false, failOn: 'error' }).metadata();
  } catch {
    throw new BadRequestException(french('Cette image est illisible ou endommagée.'));
  }
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  const height = meta.autoOrient?.height ?? meta.height ?? 0;
  if (!width || !height) throw new BadRequestException(french('Cette image est illisible ou endommagée.'));
  if (width * height > LOGO_LIMITS.maxPixels) {
    throw new BadRequestException(
      french(`Image trop grande (${width} × ${height} pixels) : ${LOGO_LIMITS.maxPixels / 1_000_000} millions de pixels au plus.`),
    );
  }
  return { type, width, height };
}

export interface ResizedImage {
  data: Buffer;
  width: number;
  height: number;
}

/** Proportional resize to `width` (the height follows), re-encoded as PNG (metadata dropped). */
export async function resizeImage(data: Buffer, width: number): Promise<ResizedImage> {
  try {
    const { data: out, info } = await sharp(data, { limitInputPixels: LOGO_LIMITS.maxPixels })
      .rotate()
      .resize({ width, withoutEnlargement: false })
      .png({ compressionLevel: 9 })
      .toBuffer({ resolveWithObject: true });
    return { data: out, width: info.width, height: info.height };
  } catch {
    throw new BadRequestException(french('Cette image est illisible ou endommagée.'));
  }
}

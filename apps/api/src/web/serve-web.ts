import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import express, { NextFunction, Request, Response } from 'express';

/**
 * Serves the built Angular app from the same origin as the API. Paths under
 * /api are left to Nest (so unknown API routes answer a JSON 404); any other GET
 * without a file extension is a client-side route and gets index.html, so that
 * reloading /admin/familles works.
 */
export function serveWeb(webRoot: string) {
  const indexFile = join(webRoot, 'index.html');
  const staticFiles = express.static(webRoot, {
    index: false,
    fallthrough: true,
    setHeaders: (res, path) => {
      // Angular output files carry a content hash: cache them for a year.
      if (/-[A-Z0-9]{8,}\.(js|css)$/.test(path) || path.includes('/media/')) {
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      } else {
        res.setHeader('Cache-Control', 'public, max-age=3600');
      }
    },
  });
  let indexHtml: string | null = null;
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path === '/api' || req.path.startsWith('/api/')) {
      next();
      return;
    }
    staticFiles(req, res, () => {
      if (extname(req.path) !== '') {
        res.status(404).type('text/plain').send('Fichier introuvable.');
        return;
      }
      if (indexHtml === null) indexHtml = existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : '';
      res.setHeader('Cache-Control', 'no-cache');
      res.type('html').send(indexHtml);
    });
  };
}

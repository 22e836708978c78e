import { Inject, Injectable, Logger, NestMiddleware } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { requestContextStorage } from './request-context';

/**
 * Opens the request context and writes one log line per request when it ends:
 * method, route path without the query string (it may hold search terms, i.e.
 * names), status, duration, and the account id when authenticated. Never bodies,
 * never headers, so never passwords, tokens or personal data.
 */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  private readonly logger = new Logger('HTTP');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const requestId = randomUUID();
    const started = process.hrtime.bigint();
    if (this.config.logRequests) {
      res.on('finish', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        const user = (req as Request & { user?: { accountId?: number } }).user;
        this.logger.log(
          `${req.method} ${req.originalUrl.split('?')[0]} ${res.statusCode} ${ms.toFixed(1)}ms${user?.accountId ? ` account=${user.accountId}` : ''}`,
        );
      });
    }
    requestContextStorage.run({ req, requestId }, next);
  }
}

import { ArgumentsHost, BadRequestException, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { API_ERROR_CODES, type ApiError, type ApiErrorCode } from '@pointage/contracts';
import { driverCode, isDatabaseUnavailable, isForeignKeyViolation, isLostRace, isUniqueViolation } from '../database/driver-errors';
import { DATABASE_UNAVAILABLE_MESSAGE } from './database-unavailable';
import { french, isFrench } from './errors';

/** French defaults of the statuses, for exceptions whose message is not ours (not made by french()). */
const DEFAULT_MESSAGES: Record<number, string> = {
  400: 'Requête invalide.',
  401: 'Vous devez vous connecter.',
  403: "Vous n'avez pas accès à cette ressource.",
  404: 'Ressource introuvable.',
  405: 'Méthode non autorisée.',
  409: 'Conflit avec les données existantes.',
  413: 'Le contenu envoyé est trop volumineux.',
  415: "Ce type de contenu n'est pas accepté.",
  429: 'Trop de requêtes : réessayez dans quelques minutes.',
  500: 'Erreur interne du serveur. Réessayez ; si cela persiste, prévenez votre administrateur.',
  503: 'Service momentanément indisponible.',
};

/** Errors raised by Express's own body parser (http-errors), before Nest is involved. */
interface BodyParserError {
  type?: string;
  status?: number;
  statusCode?: number;
  /** Set by http-errors on client errors. */
  expose?: boolean;
  /** Node's code of the underlying error: Z_DATA_ERROR, ERR__ERROR_FORMAT_PADDING_1… for a corrupt compressed body. */
  code?: unknown;
}

/** A deadlock or lock wait that outlived the transaction's retries (or a Galera certification failure). */
const BUSY = 'Trop de modifications en même temps : réessayez dans un instant.';

const NOT_JSON = 'Le corps de la requête n’est pas du JSON valide.';
const BAD_COMPRESSION = 'Le corps de la requête est mal compressé : il n’a pas pu être décompressé.';

/** zlib (gzip, deflate) and brotli failures carry Z_* or ERR_* codes of Node's zlib. */
function isDecompressionError(e: BodyParserError): boolean {
  return typeof e.code === 'string' && /^(Z_|ERR__?(ERROR|BROTLI|ZLIB|BUFFER_TOO_LARGE))/.test(e.code);
}

/**
 * The JSON body parser's failures, given our message where they happen: Nest would turn
 * the parser's SyntaxError into a BadRequestException carrying the parser's English
 * message (which quotes the body) and nothing else to recognise it by. configureApp
 * registers this right after the JSON parser.
 */
export function jsonParseErrors(err: unknown, _req: Request, _res: Response, next: (err?: unknown) => void): void {
  const failed = typeof err === 'object' && err !== null && (err as BodyParserError).type === 'entity.parse.failed';
  next(failed ? new BadRequestException(french(NOT_JSON)) : err);
}

/** Seconds a client should wait: what the thrower said (`retryAfter` in the body), else a short default. */
function retryAfterSeconds(exception: unknown, status: number): number {
  const body = exception instanceof HttpException ? exception.getResponse() : null;
  const said = body && typeof body === 'object' ? (body as { retryAfter?: unknown }).retryAfter : undefined;
  if (typeof said === 'number' && Number.isFinite(said) && said > 0) return Math.ceil(said);
  return status === 429 ? 60 : 5;
}

/**
 * Every error leaves the API as {statusCode, message} with a French message and
 * no stack trace. Unexpected errors are logged with their stack, server-side only.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const error = this.describe(exception, req);
    if (res.headersSent) {
      res.end();
      return;
    }
    if (error.statusCode === 429 || error.statusCode === 503)
      res.setHeader('Retry-After', String(retryAfterSeconds(exception, error.statusCode)));
    res.status(error.statusCode).json(error);
  }

  private describe(exception: unknown, req: Request): ApiError {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      // Our messages are marked French when thrown (common/errors.ts): sent as they are, with
      // their code and field. Any other message is a framework's or a library's (Nest's
      // "Cannot GET /x", passport's "Unauthorized", multer's "File too large", the JSON
      // parser's, which quotes the body): replaced by the French default of its status.
      let message = DEFAULT_MESSAGES[status] ?? `Erreur ${status}.`;
      let code: ApiErrorCode | undefined;
      let field: string | undefined;
      if (isFrench(body)) {
        message = body.message;
        code = API_ERROR_CODES.find((known) => known === body.code);
        if (typeof body.field === 'string' && /^[A-Za-z][\w.]{0,60}$/.test(body.field)) field = body.field;
      }
      // Deliberate 5xx (503 when the database is down): one line, no stack.
      if (status >= 500) this.logger.warn(`${req.method} ${req.path}: ${status} ${message}`);
      return { statusCode: status, message, ...(code ? { code } : {}), ...(field ? { field } : {}) };
    }
    const bp = exception as BodyParserError;
    const bpStatus = bp && typeof bp === 'object' ? (bp.status ?? bp.statusCode) : undefined;
    // The body parser's errors: a `type` (entity.parse.failed…), or none when the stream
    // itself failed (a corrupt gzip/deflate/br body: http-errors' 400 around zlib's error).
    if (typeof bpStatus === 'number' && (typeof bp.type === 'string' || bp.expose === true)) {
      if (bp.type === 'entity.parse.failed') return { statusCode: 400, message: NOT_JSON };
      if (bp.type === 'entity.too.large') return { statusCode: 413, message: DEFAULT_MESSAGES[413] };
      if (bpStatus === 400 && isDecompressionError(bp)) return { statusCode: 400, message: BAD_COMPRESSION };
      if (bpStatus >= 400 && bpStatus < 500) return { statusCode: bpStatus, message: DEFAULT_MESSAGES[bpStatus] ?? DEFAULT_MESSAGES[400] };
    }
    if (isUniqueViolation(exception)) return { statusCode: HttpStatus.CONFLICT, message: 'Cet élément existe déjà.' };
    if (isForeignKeyViolation(exception)) {
      return { statusCode: HttpStatus.CONFLICT, message: 'Cet élément est utilisé ailleurs et ne peut pas être modifié ainsi.' };
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`${req.method} ${req.path}: 503 database unavailable (${driverCode(exception) || (exception as Error).message})`);
      return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, message: DATABASE_UNAVAILABLE_MESSAGE, code: 'database-unavailable' };
    }
    if (isLostRace(exception)) {
      // Transactions are retried (DatabaseService.transaction); this one lost every time.
      this.logger.warn(`${req.method} ${req.path}: 503 lost race (${driverCode(exception)})`);
      return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, message: BUSY };
    }
    const err = exception as Error;
    this.logger.error(`${req.method} ${req.path}: ${err?.message ?? String(exception)}`, err?.stack);
    return { statusCode: 500, message: DEFAULT_MESSAGES[500] };
  }
}

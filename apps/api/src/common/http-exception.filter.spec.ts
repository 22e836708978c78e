import { ArgumentsHost, BadRequestException, ConflictException, HttpException, Logger, NotFoundException } from '@nestjs/common';
import { french } from './errors';
import { AllExceptionsFilter, jsonParseErrors } from './http-exception.filter';

/** Runs the filter on an exception and returns what the client would receive. */
function answer(exception: unknown): { status: number; body: unknown; headers?: Record<string, string> } {
  const sent: { status: number; body: unknown; headers?: Record<string, string> } = { status: 0, body: undefined };
  const res = {
    headersSent: false,
    setHeader(name: string, value: string) {
      sent.headers = { ...sent.headers, [name]: value };
    },
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  const host = {
    switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({ method: 'POST', path: '/api/x' }) }),
  } as unknown as ArgumentsHost;
  new AllExceptionsFilter().catch(exception, host);
  return sent;
}

describe('AllExceptionsFilter', () => {
  it('answers a lost database connection 503 database-unavailable with Retry-After, never 500', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      const lost = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' });
      const r = answer(lost);
      expect(r.status).toBe(503);
      expect(r.body).toMatchObject({ statusCode: 503, code: 'database-unavailable' });
      expect(Number(r.headers?.['Retry-After'])).toBeGreaterThan(0);
    } finally {
      warn.mockRestore();
    }
  });

  it('answers a deadlock that outlived the retries 503 with a French message and Retry-After, never 500', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      for (const code of ['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']) {
        const r = answer(Object.assign(new Error('Deadlock found when trying to get lock; try restarting transaction'), { code }));
        expect(r.status).toBe(503);
        expect(r.body).toEqual({ statusCode: 503, message: 'Trop de modifications en même temps : réessayez dans un instant.' });
        expect(Number(r.headers?.['Retry-After'])).toBeGreaterThan(0);
      }
    } finally {
      warn.mockRestore();
    }
  });

  it('gives a 429 the Retry-After its thrower computed', () => {
    const r = answer(new HttpException(french('Trop de tentatives de connexion. Réessayez dans 3 minutes.', { retryAfter: 170 }), 429));
    expect(r).toEqual({
      status: 429,
      body: { statusCode: 429, message: 'Trop de tentatives de connexion. Réessayez dans 3 minutes.' },
      headers: { 'Retry-After': '170' },
    });
  });

  it('answers {statusCode, message} with the French message of the exception', () => {
    expect(answer(new NotFoundException(french('Membre introuvable.')))).toEqual({
      status: 404,
      body: { statusCode: 404, message: 'Membre introuvable.' },
    });
  });

  it('passes a known machine-readable code through', () => {
    const e = new ConflictException(french('Validation déjà en cours : patientez un instant.', { code: 'validation-in-progress' }));
    expect(answer(e)).toEqual({
      status: 409,
      body: { statusCode: 409, message: 'Validation déjà en cours : patientez un instant.', code: 'validation-in-progress' },
    });
  });

  it('drops codes the contract does not define, and fields that are not property paths', () => {
    expect(answer(new ConflictException(Object.assign(french('Déjà là.'), { code: 'internal-detail' }))).body).toEqual({
      statusCode: 409,
      message: 'Déjà là.',
    });
    expect(answer(new BadRequestException(french('Mauvais champ.', { field: '<script>' }))).body).toEqual({
      statusCode: 400,
      message: 'Mauvais champ.',
    });
  });

  it('keeps the message, code and field of an error marked French by french()', () => {
    const e = new BadRequestException(french('La date de fin est avant la date de début.', { field: 'to', code: 'stats-change-needed' }));
    expect(answer(e)).toEqual({
      status: 400,
      body: { statusCode: 400, message: 'La date de fin est avant la date de début.', code: 'stats-change-needed', field: 'to' },
    });
  });

  it('replaces every unmarked message by the French default of its status, French-looking or not', () => {
    expect(answer(new BadRequestException('Unexpected token } in JSON at position 3')).body).toEqual({
      statusCode: 400,
      message: 'Requête invalide.',
    });
    expect(answer(new NotFoundException('Cannot GET /api/nowhere')).body).toEqual({ statusCode: 404, message: 'Ressource introuvable.' });
    expect(answer(new HttpException('Unauthorized', 401)).body).toEqual({ statusCode: 401, message: 'Vous devez vous connecter.' });
    // French words and accents do not make a message ours: only french() does.
    expect(answer(new NotFoundException('Membre introuvable.')).body).toEqual({ statusCode: 404, message: 'Ressource introuvable.' });
    expect(answer(new ConflictException({ message: 'Déjà là, désolé.', code: 'validation-in-progress', field: 'name' })).body).toEqual({
      statusCode: 409,
      message: 'Conflit avec les données existantes.',
    });
    expect(answer(new HttpException('Je suis une théière.', 418)).body).toEqual({ statusCode: 418, message: 'Erreur 418.' });
  });

  it("gives the JSON parser's failures the French message, never the parser's text (which quotes the body)", () => {
    const parseFailure = Object.assign(new SyntaxError('Unexpected token é in JSON at position 12: {"password":"secret-é'), {
      type: 'entity.parse.failed',
      status: 400,
      expose: true,
    });
    let passed: unknown;
    jsonParseErrors(parseFailure, {} as never, {} as never, (e) => (passed = e));
    expect(passed).toBeInstanceOf(BadRequestException);
    expect(answer(passed).body).toEqual({ statusCode: 400, message: 'Le corps de la requête n’est pas du JSON valide.' });
    // Other errors go on as they are.
    const tooLarge = Object.assign(new Error('request entity too large'), { type: 'entity.too.large', status: 413 });
    jsonParseErrors(tooLarge, {} as never, {} as never, (e) => (passed = e));
    expect(passed).toBe(tooLarge);
    expect(answer(tooLarge).body).toEqual({ statusCode: 413, message: 'Le contenu envoyé est trop volumineux.' });
  });

  it('never shows an unexpected error to the client', () => {
    const spy = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      expect(answer(new Error('secret stack detail')).body).toEqual({
        statusCode: 500,
        message: 'Erreur interne du serveur. Réessayez ; si cela persiste, prévenez votre administrateur.',
      });
      // Logged server-side, with its stack.
      expect(spy).toHaveBeenCalledWith('POST /api/x: secret stack detail', expect.stringContaining('Error: secret stack detail'));
    } finally {
      spy.mockRestore();
    }
  });
});

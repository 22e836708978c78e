import { ArgumentsHost, BadRequestException, ConflictException, HttpException, Logger, NotFoundException } from '@nestjs/common';
import { AllExceptionsFilter } from './http-exception.filter';

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
    const r = answer(new HttpException({ message: 'Trop de tentatives de connexion. Réessayez dans 3 minutes.', retryAfter: 170 }, 429));
    expect(r).toEqual({
      status: 429,
      body: { statusCode: 429, message: 'Trop de tentatives de connexion. Réessayez dans 3 minutes.' },
      headers: { 'Retry-After': '170' },
    });
  });

  it('answers {statusCode, message} with the French message of the exception', () => {
    expect(answer(new NotFoundException('Membre introuvable.'))).toEqual({
      status: 404,
      body: { statusCode: 404, message: 'Membre introuvable.' },
    });
  });

  it('passes a known machine-readable code through', () => {
    const e = new ConflictException({ message: 'Validation déjà en cours : patientez un instant.', code: 'validation-in-progress' });
    expect(answer(e)).toEqual({
      status: 409,
      body: { statusCode: 409, message: 'Validation déjà en cours : patientez un instant.', code: 'validation-in-progress' },
    });
  });

  it('drops codes the contract does not define, and English messages', () => {
    expect(answer(new ConflictException({ message: 'Déjà là.', code: 'internal-detail' })).body).toEqual({
      statusCode: 409,
      message: 'Déjà là.',
    });
    expect(answer(new BadRequestException('Unexpected token } in JSON at position 3')).body).toEqual({
      statusCode: 400,
      message: 'Le corps de la requête n’est pas du JSON valide.',
    });
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

import { ConfigError } from '../config/config';
import { MigrationFailedError } from '../database/migration-guard';
import { describeStartupError } from './startup-errors';

describe('describeStartupError', () => {
  const ctx = { port: 3000, sqlitePath: '/data/pointage.sqlite', dbUrl: 'mysql://pointage:secret@db.local:3306/ludo' };

  it('passes configuration errors through', () => {
    expect(describeStartupError(new ConfigError('PORT="x" est invalide.'), ctx)).toBe('PORT="x" est invalide.');
  });

  it('passes a failed migration through: its message says whether the database was left as it was', () => {
    const line =
      "La migration X1 a échoué : Duplicate column name 'a'. La base est restée dans son état d'avant cette migration (…). Pointage ne démarre pas.";
    expect(
      describeStartupError(
        new MigrationFailedError(line, 'X1', true, Object.assign(new Error('Duplicate'), { code: 'ER_DUP_FIELDNAME' })),
        ctx,
      ),
    ).toBe(line);
  });

  it.each([
    [{ code: 'EADDRINUSE' }, /Le port 3000 est déjà utilisé .* PORT=3001/],
    [{ code: 'SQLITE_NOTADB' }, /\/data\/pointage\.sqlite est illisible ou endommagé/],
    [{ message: 'database disk image is malformed' }, /illisible ou endommagé/],
    [{ code: 'SQLITE_READONLY' }, /La base \/data\/pointage\.sqlite est en lecture seule \(SQLITE_READONLY\).*chattr -i/],
    [{ driverError: { code: 'SQLITE_READONLY' } }, /\/data\/pointage\.sqlite est en lecture seule/],
    [{ code: 'SQLITE_IOERR' }, /Impossible d'écrire dans la base/],
    [{ code: 'ER_ACCESS_DENIED_ERROR' }, /refuse la connexion de l'utilisateur « pointage » à la base « ludo »/],
    [{ code: 'ER_BAD_DB_ERROR' }, /La base « ludo » n'existe pas sur db\.local:3306/],
    [{ code: 'ECONNREFUSED' }, /db\.local:3306 est injoignable \(ECONNREFUSED\)/],
    [{ message: 'something odd\n    at stack' }, /^Démarrage impossible : something odd$/],
  ])('explains %o in one line', (error, expected) => {
    const line = describeStartupError(error, ctx);
    expect(line).toMatch(expected);
    expect(line).not.toContain('\n');
    // Never echo the database password.
    expect(line).not.toContain('secret');
  });
});

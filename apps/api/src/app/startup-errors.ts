import { ConfigError, sqliteReadOnlyMessage } from '../config/config';
import { MigrationFailedError } from '../database/migration-guard';

/**
 * Turns whatever failed at start-up into one line saying what is wrong and
 * what to do, for the person who launched Pointage. No stack trace.
 */
export function describeStartupError(error: unknown, context: { port?: number; sqlitePath?: string; dbUrl?: string }): string {
  if (error instanceof ConfigError || error instanceof MigrationFailedError) return error.message;
  const e = error as { code?: string; errno?: number; message?: string; driverError?: { code?: string; message?: string } };
  const code = e?.code ?? e?.driverError?.code ?? '';
  const message = e?.message ?? String(error);
  let host = '';
  let user = '';
  let database = '';
  if (context.dbUrl) {
    try {
      const u = new URL(context.dbUrl);
      host = `${u.hostname}:${u.port || '3306'}`;
      user = decodeURIComponent(u.username);
      database = u.pathname.slice(1);
    } catch {
      /* keep empty */
    }
  }
  switch (code) {
    case 'EADDRINUSE':
      return `Le port ${context.port} est déjà utilisé par un autre programme : arrêtez-le, ou lancez Pointage sur un autre port (par exemple PORT=${(context.port ?? 3000) + 1}).`;
    case 'EACCES':
      if (/listen/.test(message)) {
        return `Le port ${context.port} est réservé à l'administrateur du système : choisissez un port au-dessus de 1024 (par exemple PORT=3000).`;
      }
      return `Accès refusé : ${message}. Vérifiez les droits sur le dossier de données (DATA_DIR).`;
    case 'SQLITE_NOTADB':
    case 'SQLITE_CORRUPT':
      return `Le fichier de base de données ${context.sqlitePath} est illisible ou endommagé. Il n'a pas été modifié. Restaurez la dernière sauvegarde (voir docs/deployment.md) ou déplacez ce fichier pour repartir d'une base vide.`;
    case 'SQLITE_READONLY':
      return sqliteReadOnlyMessage(context.sqlitePath ?? 'SQLite', code);
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_IOERR':
      return `Impossible d'écrire dans la base ${context.sqlitePath} (${code}) : vérifiez les droits sur le dossier de données (DATA_DIR) et l'espace disque.`;
    case 'ER_ACCESS_DENIED_ERROR':
    case 'ER_DBACCESS_DENIED_ERROR':
      return `MariaDB refuse la connexion de l'utilisateur « ${user} » à la base « ${database} » : vérifiez l'utilisateur et le mot de passe dans DATABASE_URL.`;
    case 'ER_BAD_DB_ERROR':
      return `La base « ${database} » n'existe pas sur ${host} : créez-la (CREATE DATABASE ${database} CHARACTER SET utf8mb4;) ou corrigez DATABASE_URL.`;
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'ETIMEDOUT':
    case 'EAI_AGAIN':
    case 'EHOSTUNREACH':
      return `Le serveur MariaDB ${host} est injoignable (${code}) : vérifiez qu'il est démarré et que DATABASE_URL est correcte.`;
    case 'ENOSPC':
      return "Le disque est plein : libérez de l'espace puis relancez Pointage.";
  }
  if (/file is not a database|database disk image is malformed/i.test(message)) {
    return describeStartupError({ code: 'SQLITE_NOTADB' }, context);
  }
  return `Démarrage impossible : ${message.split('\n')[0]}`;
}

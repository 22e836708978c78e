// Instants are handled in UTC everywhere; local time is computed per structure.
process.env['TZ'] = 'UTC';

import { describeStartupError } from './app/startup-errors';
import { SHUTDOWN_DRAIN_MS, startServer } from './app/bootstrap';
import { AppConfig, loadConfig } from './config/config';

const FORCED_EXIT_MS = SHUTDOWN_DRAIN_MS + 5000;

async function main(): Promise<void> {
  let config: AppConfig | undefined;
  try {
    config = loadConfig(process.env);
    const server = await startServer(config);
    console.log(`\nPointage est démarré : ${server.url}  (base ${config.db.type}, données dans ${config.dataDir})\n`);

    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`${signal} reçu : arrêt en cours (les requêtes en cours se terminent)…`);
      // Requests in flight get SHUTDOWN_DRAIN_MS, then their connections are cut; should closing
      // the application or the database hang, exit anyway, well within Docker's stop_grace_period
      // (20 s in docker/compose.yaml).
      setTimeout(() => {
        console.error(`Arrêt forcé après ${FORCED_EXIT_MS / 1000} s.`);
        process.exit(1);
      }, FORCED_EXIT_MS).unref();
      server.close().then(
        () => process.exit(0),
        (e) => {
          console.error(`Erreur à l'arrêt : ${(e as Error).message}`);
          process.exit(1);
        },
      );
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
  } catch (e) {
    const line = describeStartupError(e, {
      port: config?.port,
      sqlitePath: config?.db.type === 'sqlite' ? config.db.path : undefined,
      dbUrl: config?.db.type === 'mariadb' ? config.db.url : undefined,
    });
    console.error(`Erreur : ${line}`);
    process.exit(1);
  }
}

void main();

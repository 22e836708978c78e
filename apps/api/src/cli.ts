// Command-line tasks of Pointage, run from the built bundle:
//   node dist/apps/api/cli.js migrate             (npm run db:migrate)
// Configuration comes from the same environment variables as the server.
process.env['TZ'] = 'UTC';

import { openDatabase } from './app/bootstrap';
import { describeStartupError } from './app/startup-errors';
import { AppConfig, loadConfig, prepareDataDir } from './config/config';

const COMMANDS: Record<string, (config: AppConfig) => Promise<void>> = {
  async migrate(config) {
    const ds = await openDatabase(config);
    const applied: { name: string }[] = await ds.query('SELECT name FROM migrations ORDER BY id');
    console.log(`Base ${config.db.type} à jour : ${applied.length} migration(s) appliquée(s).`);
    await ds.destroy();
  },
};

async function main(): Promise<void> {
  const [command] = process.argv.slice(2);
  const task = command ? COMMANDS[command] : undefined;
  if (!task) {
    console.error(`Usage : node dist/apps/api/cli.js <${Object.keys(COMMANDS).join('|')}>`);
    process.exit(2);
  }
  let config: AppConfig | undefined;
  try {
    config = loadConfig(process.env);
    prepareDataDir(config);
    await task(config);
  } catch (e) {
    console.error(
      `Erreur : ${describeStartupError(e, {
        sqlitePath: config?.db.type === 'sqlite' ? config.db.path : undefined,
        dbUrl: config?.db.type === 'mariadb' ? config.db.url : undefined,
      })}`,
    );
    process.exit(1);
  }
}

void main();

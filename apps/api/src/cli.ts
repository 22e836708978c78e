// Command-line tasks of Pointage, run from the built bundle:
//   node dist/apps/api/cli.js migrate             (npm run db:migrate)
//   node dist/apps/api/cli.js create-super-admin  (npm run cli -- create-super-admin; asks e-mail and password,
//                                                 again on a terminal when refused; piped answers refused: exit 2)
//   node dist/apps/api/cli.js seed [--structures N] [--families N] [--years N] [--seed N] [--today YYYY-MM-DD] [--into-existing]
//                                                 (npm run seed -- ...; fictional demo / benchmark data, see seed/seed-command.ts)
//   node dist/apps/api/cli.js backup [--to <file or folder>]     (npm run cli -- backup; database + uploads in one .tar.gz)
//   node dist/apps/api/cli.js restore <archive> [--force]        (npm run cli -- restore …; into an empty install; see backup/backup.ts)
// Configuration comes from the same environment variables as the server.
process.env['TZ'] = 'UTC';

import { HttpException } from '@nestjs/common';
import { createInterface } from 'node:readline';
import { openDatabase } from './app/bootstrap';
import { createSuperAdmin } from './setup/super-admins';
import { askSuperAdminCredentials, CliInputError } from './setup/super-admin-prompt';
import { seedCommand } from './seed/seed-command';
import { backupCommand, BackupError, restoreCommand } from './backup/backup';
import { describeStartupError } from './app/startup-errors';
import { AppConfig, loadConfig, prepareDataDir } from './config/config';

/**
 * Line-by-line questions on the terminal or on piped input. One readline
 * interface for the whole command, so piped answers are not lost between
 * questions; on a terminal, `hidden` answers (passwords) are not echoed.
 */
function prompter() {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY === true });
  const lines: string[] = [];
  const waiting: ((line: string | null) => void)[] = [];
  let closed = false;
  rl.on('line', (line) => (waiting.length ? waiting.shift()?.(line) : lines.push(line)));
  rl.on('close', () => {
    closed = true;
    while (waiting.length) waiting.shift()?.(null);
  });
  let muted = false;
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  const write = output._writeToOutput.bind(rl);
  output._writeToOutput = (text: string) => {
    if (!muted) write(text);
  };
  return {
    async ask(question: string, hidden = false): Promise<string> {
      process.stdout.write(question);
      muted = hidden && process.stdin.isTTY === true;
      const line = lines.length ? (lines.shift() as string) : closed ? null : await new Promise<string | null>((r) => waiting.push(r));
      if (muted) process.stdout.write('\n');
      muted = false;
      if (line === null) throw new Error('Saisie interrompue.');
      return line;
    },
    close: () => rl.close(),
  };
}

const COMMANDS: Record<string, (config: AppConfig) => Promise<void>> = {
  async 'create-super-admin'(config) {
    const input = prompter();
    let credentials: { email: string; password: string };
    try {
      credentials = await askSuperAdminCredentials(input, process.stdin.isTTY === true, (line) => console.log(line));
    } finally {
      input.close();
    }
    const { email, password } = credentials;
    const ds = await openDatabase(config);
    try {
      const account = await createSuperAdmin(ds, email, password, 'cli');
      console.log(`Super-administrateur ${account.email} créé.`);
    } finally {
      await ds.destroy();
    }
  },

  async migrate(config) {
    const ds = await openDatabase(config);
    const applied: { name: string }[] = await ds.query('SELECT name FROM migrations ORDER BY id');
    console.log(`Base ${config.db.type} à jour : ${applied.length} migration(s) appliquée(s).`);
    await ds.destroy();
  },

  seed: (config) => seedCommand(config, process.argv.slice(3)),

  backup: (config) => backupCommand(config, process.argv.slice(3), (line) => console.log(line)),

  restore: (config) => restoreCommand(config, process.argv.slice(3), (line) => console.log(line)),
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
    if (e instanceof BackupError) {
      console.error(`Erreur : ${e.message}`);
      process.exit(e.exitCode);
    }
    if (e instanceof CliInputError) {
      console.error(`Erreur : ${e.message}`);
      process.exit(e.exitCode);
    }
    if (e instanceof HttpException) {
      console.error(`Erreur : ${(e.getResponse() as { message?: string }).message ?? e.message}`);
      process.exit(1);
    }
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

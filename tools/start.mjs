#!/usr/bin/env node
// `npm start`: installs what is missing, builds what changed, then starts
// Pointage (API + web app) on http://localhost:3000 with an embedded SQLite
// database under ./data. On first start it creates the structure and its admin
// and prints the credentials. PORT, DATA_DIR and every variable of .env.example apply.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { checkNodeVersion, ensureBuilt, ensureInstalled, ROOT } from './lib/workspace.mjs';

checkNodeVersion();
await ensureInstalled();
ensureBuilt();

const env = { ...process.env, TZ: 'UTC' };
// A first local start shows a demo structure (fictional families and today's slots) unless told otherwise.
env.POINTAGE_DEMO ??= 'true';

const child = spawn(process.execPath, [join(ROOT, 'dist/apps/api/main.js')], { cwd: ROOT, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

#!/usr/bin/env node
// `npm run cli -- <command>` and `npm run db:migrate`: builds if needed, then runs
// the command-line tasks of the API bundle with the same environment as the server.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { checkNodeVersion, ensureBuilt, ensureInstalled, ROOT } from './lib/workspace.mjs';

checkNodeVersion();
await ensureInstalled();
ensureBuilt();
const result = spawnSync(process.execPath, [join(ROOT, 'dist/apps/api/cli.js'), ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, TZ: 'UTC' },
});
process.exit(result.status ?? 1);

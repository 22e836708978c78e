import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface InstallProgress {
  lockTopLevelCount(lock: unknown): number;
  installedCount(dir: string): number;
  formatDuration(ms: number): string;
  progressLine(elapsedMs: number, installed: number, total: number): string;
  introLines(firstInstall: boolean, total: number): string[];
}
const progress = require('./install-progress.cjs') as InstallProgress;

describe('what npm start says during npm ci', () => {
  it('counts the packages of the lockfile that land at the top of node_modules', () => {
    const lock = {
      packages: {
        '': { name: 'pointage' },
        'node_modules/a': {},
        'node_modules/@scope/b': {},
        'node_modules/a/node_modules/c': {},
        'node_modules/linked': { link: true },
        'libs/x': {},
      },
    };
    expect(progress.lockTopLevelCount(lock)).toBe(2);
    expect(progress.lockTopLevelCount({})).toBe(0);
  });

  it('counts what is in node_modules so far, scoped packages one by one, and nothing when the folder is not there yet', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pointage-progress-'));
    try {
      expect(progress.installedCount(join(dir, 'node_modules'))).toBe(0);
      for (const p of ['node_modules/a', 'node_modules/b', 'node_modules/@scope/c', 'node_modules/@scope/d', 'node_modules/.bin'])
        mkdirSync(join(dir, p), { recursive: true });
      writeFileSync(join(dir, 'node_modules/.package-lock.json'), '{}');
      expect(progress.installedCount(join(dir, 'node_modules'))).toBe(4);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says how long and how far, in French', () => {
    expect(progress.formatDuration(45_400)).toBe('45 s');
    expect(progress.formatDuration(125_000)).toBe('2 min 05 s');
    expect(progress.progressLine(80_000, 512, 1204)).toBe(
      '  … installation en cours depuis 1 min 20 s : 512 paquets sur 1\u202f204 en place',
    );
    // node_modules may hold more than the estimate: never "1 300 sur 1 204".
    expect(progress.progressLine(1000, 1300, 1204)).toContain('1\u202f204 paquets sur 1\u202f204');
    expect(progress.progressLine(1000, 3, 0)).toBe('  … installation en cours depuis 1 s : 3 paquets en place');
  });

  it('announces a first install differently from an update', () => {
    expect(progress.introLines(true, 1204).join('\n')).toMatch(
      /^Première installation : npm télécharge et installe les 1\u202f204 paquets/,
    );
    expect(progress.introLines(false, 1204)).toEqual([
      'Mise à jour des dépendances (package-lock.json a changé) : réinstallation des 1\u202f204 paquets (npm ci, quelques minutes)…',
    ]);
  });
});

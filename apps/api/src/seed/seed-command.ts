import { isValidLocalDate, LocalDate, zonedParts } from '@pointage/domain';
import { DataSource } from 'typeorm';
import { openDatabase } from '../app/bootstrap';
import type { AppConfig } from '../config/config';
import { openingRanges, WHOLE_DAY } from './generate';
import { rangeLabel, runSeed, SEED_PASSWORD, SeedOptions, SeedSummary } from './seed-runner';

export interface SeedArgs extends Omit<SeedOptions, 'intoStructureId'> {
  intoExisting: boolean;
}

export const SEED_USAGE =
  'Usage : node dist/apps/api/cli.js seed [--structures N] [--families N] [--years N] [--seed N] [--today AAAA-MM-JJ] [--into-existing]';

const LIMITS: Record<'structures' | 'families' | 'years' | 'seed', [number, number]> = {
  structures: [1, 1000],
  families: [0, 10_000],
  years: [1, 10],
  seed: [0, 2 ** 32 - 1],
};

/** Parses the command's options; a French error message for anything wrong. */
// eslint-disable-next-line no-restricted-syntax -- seed CLI, outside Nest DI (tests pass `now`)
export function parseSeedArgs(argv: string[], now = new Date()): SeedArgs | string {
  const args: SeedArgs = {
    structures: 1,
    families: 30,
    years: 1,
    seed: 42,
    today: zonedParts(now, 'Europe/Paris').date,
    intoExisting: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    const [flag, inline] = raw.includes('=') ? [raw.slice(0, raw.indexOf('=')), raw.slice(raw.indexOf('=') + 1)] : [raw, undefined];
    if (flag === '--into-existing') {
      args.intoExisting = true;
      continue;
    }
    const name = flag.replace(/^--/, '');
    if (!flag.startsWith('--') || !['structures', 'families', 'years', 'seed', 'today'].includes(name))
      return `Option inconnue : ${raw}\n${SEED_USAGE}`;
    const value = inline ?? argv[++i];
    if (value === undefined) return `L'option ${flag} demande une valeur.\n${SEED_USAGE}`;
    if (name === 'today') {
      if (!isValidLocalDate(value)) return `--today « ${value} » n'est pas une date valide (AAAA-MM-JJ).`;
      args.today = value;
      continue;
    }
    const key = name as keyof typeof LIMITS;
    const n = Number(value);
    const [min, max] = LIMITS[key];
    if (!/^\d+$/.test(value) || n < min || n > max) return `${flag} « ${value} » : indiquez un nombre entier entre ${min} et ${max}.`;
    args[key] = n;
  }
  return args;
}

function fmt(n: number): string {
  return n.toLocaleString('fr-FR');
}

/** The command's report: what was created, how to log in, how fast. */
export function describeSeed(summary: SeedSummary, args: { today: LocalDate; seed: number }): string {
  const t = summary.totals;
  const seconds = summary.ms / 1000;
  const lines = [
    '',
    `Données fictives créées (graine ${args.seed}, du ${summary.window.from} au ${summary.window.through}, aujourd'hui = ${args.today}) :`,
    `  structures créées : ${fmt(t.structures)}   familles : ${fmt(t.families)}   membres : ${fmt(t.members)}   identifiants : ${fmt(t.accounts)}`,
    `  créneaux : ${fmt(t.slots)}   présences : ${fmt(t.attendance)}   lignes écrites : ${fmt(t.rows)}`,
    `  durée : ${seconds.toFixed(1)} s (${fmt(Math.round(t.rows / Math.max(seconds, 0.001)))} lignes/s, ${fmt(Math.round(t.attendance / Math.max(seconds, 0.001)))} présences/s)`,
    '',
    `Créneaux : du mardi au samedi ${openingRanges(2).map(rangeLabel).join(', ')} (mercredi et samedi : ${openingRanges(3).map(rangeLabel).join(', ')}),`,
    `  fermé du 1er au 21 août et du 24 décembre au 1er janvier ; le ${args.today}, un seul créneau ${rangeLabel(WHOLE_DAY)} couvre toute la journée`,
    `  pour que la borne ait un créneau en cours à toute heure.`,
    '',
    `Mot de passe de tous les identifiants créés : ${SEED_PASSWORD}`,
  ];
  const shown = summary.structures.slice(0, 5);
  for (const s of shown) {
    const parts = [`  ${s.name} — borne /k/${s.slug}`];
    if (s.adminEmail) parts.push(`admin : ${s.adminEmail}`);
    if (s.firstFamilyEmail) parts.push(`familles : ${s.firstFamilyEmail} … (${s.families})`);
    lines.push(parts.join(' ; '));
  }
  if (summary.structures.length > shown.length)
    lines.push(`  … et ${summary.structures.length - shown.length} autres structures (mêmes modèles d'identifiants).`);
  return lines.join('\n');
}

/** `node dist/apps/api/cli.js seed ...` */
export async function seedCommand(config: AppConfig, argv: string[]): Promise<void> {
  const args = parseSeedArgs(argv);
  if (typeof args === 'string') {
    console.error(args);
    process.exit(2);
  }
  const ds: DataSource = await openDatabase(config);
  try {
    let intoStructureId: number | undefined;
    if (args.intoExisting) {
      const rows: { id: number }[] = await ds.query('SELECT MIN(id) AS id FROM structure');
      if (rows[0]?.id === null || rows[0]?.id === undefined) throw new Error("--into-existing : aucune structure n'existe encore.");
      intoStructureId = Number(rows[0].id);
    }
    console.log(
      intoStructureId !== undefined
        ? `Ajout de ${args.families} familles et ${args.years} an(s) d'historique à la structure n° ${intoStructureId} (base ${config.db.type})…`
        : `Création de ${args.structures} structure(s) de ${args.families} familles, ${args.years} an(s) d'historique (base ${config.db.type})…`,
    );
    const summary = await runSeed(ds, { ...args, intoStructureId }, { log: (line) => console.log(line) });
    console.log(describeSeed(summary, args));
  } finally {
    await ds.destroy();
  }
}

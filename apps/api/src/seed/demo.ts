import { zonedParts } from '@pointage/domain';
import type { Database } from '../database/database.service';
import { familyEmail, runSeed, SEED_PASSWORD, SeedSummary } from './seed-runner';

export const DEMO_FAMILIES = 25;
export const DEMO_YEARS = 1;
export const DEMO_SEED = 42;

/**
 * Demo data of a local install's first start (POINTAGE_DEMO, set by `npm start`):
 * fictional families, a year of slots and attendance added to the structure just
 * created — the seed's --into-existing. Returns the one line to print; a
 * failure is reported in that line, never fatal (the install works without demo data).
 */
export async function addDemoData(
  db: Database,
  structure: { id: number; slug: string; timeZone: string },
  /** The Clock's instant (FirstStartService): today for the demo slots and attendance. */
  now: Date,
): Promise<string> {
  try {
    const summary: SeedSummary = await runSeed(
      db.dataSource,
      {
        structures: 1,
        families: DEMO_FAMILIES,
        years: DEMO_YEARS,
        seed: DEMO_SEED,
        demo: true,
        today: zonedParts(now, structure.timeZone).date,
        intoStructureId: structure.id,
      },
      { transaction: (work) => db.transaction(work), now },
    );
    const s = summary.structures[0];
    const first = s.firstFamilyEmail ?? familyEmail(1, structure.slug);
    const last = first.replace(/^famille\.(\d+)@/, (_m, n: string) => `famille.${Number(n) + s.families - 1}@`);
    return (
      ` Données de démonstration ajoutées : ${s.families} familles fictives, ${s.slots} créneaux, ${s.attendance} présences ; ` +
      `borne : identifiants ${first} à ${last}, mot de passe ${SEED_PASSWORD}\n`
    );
  } catch (e) {
    return ` Données de démonstration non ajoutées : ${(e as Error).message}\n`;
  }
}

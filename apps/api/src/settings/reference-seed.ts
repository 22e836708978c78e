import { DEFAULT_AGE_BRACKETS, DEFAULT_REFERENCE_LISTS, REF_KINDS } from '@pointage/contracts';
import type { TenantTransaction } from '../tenancy/tenancy.service';
import { AgeBracket } from './entities/age-bracket.entity';
import { RefItem } from './entities/ref-item.entity';

/** Fills a new structure's reference lists and age brackets with the defaults of SPEC.md. */
export async function seedReferenceLists(tx: TenantTransaction): Promise<void> {
  const items = tx.repo(RefItem);
  for (const kind of REF_KINDS) {
    let position = 0;
    for (const entry of DEFAULT_REFERENCE_LISTS[kind]) {
      await items.insert({
        kind,
        label: entry.label,
        position: position++,
        active: true,
        isChild: entry.isChild ?? false,
        code: entry.code ?? null,
      });
    }
  }
  const brackets = tx.repo(AgeBracket);
  let position = 0;
  for (const [minAge, maxAge] of DEFAULT_AGE_BRACKETS) {
    await brackets.insert({ minAge, maxAge, position: position++ });
  }
}

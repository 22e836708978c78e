import { describeDifferences, SchemaSnapshot, TableShape } from './migration-guard';

const table = (parts: Partial<TableShape> = {}): TableShape => ({
  kind: 'table',
  columns: {},
  indexes: {},
  foreignKeys: {},
  other: {},
  ...parts,
});

describe('describeDifferences', () => {
  const before: SchemaSnapshot = {
    tables: {
      structure: table({ columns: { id: 'int(11) NOT NULL', name: 'varchar(100) NOT NULL' }, indexes: { PRIMARY: 'UNIQUE (id)' } }),
      old: table(),
    },
  };

  it('is empty for identical snapshots', () => {
    expect(describeDifferences(before, structuredClone(before))).toEqual([]);
  });

  it('names what was added, dropped or changed, in French', () => {
    const after: SchemaSnapshot = {
      tables: {
        structure: table({
          columns: { id: 'int(11) NOT NULL', name: 'varchar(200) NOT NULL', slots_version: 'int(11) NOT NULL DEFAULT 0' },
          indexes: { PRIMARY: 'UNIQUE (id)', IDX_name: '(name)' },
        }),
        throttle_key: table(),
      },
    };
    expect(describeDifferences(before, after)).toEqual([
      'table « old » supprimée',
      'colonne « structure.name » modifiée',
      'colonne « structure.slots_version » ajoutée',
      'index « structure.IDX_name » ajouté',
      'table « throttle_key » ajoutée',
    ]);
  });
});

/** Reference lists of a structure (PARAMÈTRES). */
export const REF_KINDS = ['sex', 'city', 'status', 'minima', 'qf'] as const;
export type RefKind = (typeof REF_KINDS)[number];

export const REF_KIND_LABELS: Record<RefKind, string> = {
  sex: 'Sexe',
  city: 'Ville de résidence',
  status: 'Statut',
  minima: 'Minima sociaux',
  qf: 'Quotient familial',
};

export interface RefItemDto {
  id: number;
  kind: RefKind;
  label: string;
  position: number;
  active: boolean;
  isChild: boolean;
  code: string | null;
}

export interface AgeBracketDto {
  id: number;
  minAge: number;
  maxAge: number;
  position: number;
}

/** Defaults seeded into every new structure (SPEC.md, "Reference lists"). */
export const DEFAULT_REFERENCE_LISTS: Record<RefKind, { label: string; code?: string; isChild?: boolean }[]> = {
  sex: [
    { label: 'Femme', code: 'female' },
    { label: 'Homme', code: 'male' },
  ],
  city: [{ label: 'Faches-Thumesnil' }, { label: 'Lille' }, { label: 'Ronchin' }, { label: 'Autres', code: 'other' }],
  status: [
    { label: 'Mère', code: 'mother' },
    { label: 'Père', code: 'father' },
    { label: 'Grand-mère', code: 'grandmother' },
    { label: 'Grand-père', code: 'grandfather' },
    { label: 'Assistant(e) maternelle', code: 'childminder' },
    { label: 'Enfant à charge', code: 'dependent_child', isChild: true },
    { label: 'Enfant gardé', code: 'minded_child', isChild: true },
  ],
  minima: [
    { label: 'Non', code: 'none' },
    { label: 'RSA', code: 'rsa' },
    { label: 'AAH', code: 'aah' },
    { label: 'AEH', code: 'aeh' },
    { label: 'Minimum vieillesse', code: 'aspa' },
  ],
  qf: [
    { label: '0 à 480 €' },
    { label: '481 à 581 €' },
    { label: '582 à 683 €' },
    { label: '684 à 792 €' },
    { label: '793 à 963 €' },
    { label: 'Plus de 964 €' },
  ],
};

export const DEFAULT_AGE_BRACKETS: [number, number][] = [
  [0, 2],
  [3, 6],
  [7, 11],
  [12, 17],
  [18, 54],
  [55, 99],
];

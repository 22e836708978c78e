/**
 * Avatars a member can pick (no photos of children): Twemoji animal faces,
 * CC-BY 4.0 (Twitter, Inc. and contributors), shipped in apps/web/public/avatars.
 * Without an avatar, the member's initials are shown.
 */
export const AVATARS = [
  { key: 'chien', label: 'Chien' },
  { key: 'chat', label: 'Chat' },
  { key: 'souris', label: 'Souris' },
  { key: 'hamster', label: 'Hamster' },
  { key: 'lapin', label: 'Lapin' },
  { key: 'renard', label: 'Renard' },
  { key: 'ours', label: 'Ours' },
  { key: 'panda', label: 'Panda' },
  { key: 'koala', label: 'Koala' },
  { key: 'tigre', label: 'Tigre' },
  { key: 'lion', label: 'Lion' },
  { key: 'vache', label: 'Vache' },
  { key: 'cochon', label: 'Cochon' },
  { key: 'grenouille', label: 'Grenouille' },
  { key: 'singe', label: 'Singe' },
  { key: 'poule', label: 'Poule' },
  { key: 'pingouin', label: 'Pingouin' },
  { key: 'poussin', label: 'Poussin' },
  { key: 'hibou', label: 'Hibou' },
  { key: 'abeille', label: 'Abeille' },
  { key: 'papillon', label: 'Papillon' },
  { key: 'tortue', label: 'Tortue' },
  { key: 'pieuvre', label: 'Pieuvre' },
  { key: 'dauphin', label: 'Dauphin' },
  { key: 'baleine', label: 'Baleine' },
  { key: 'licorne', label: 'Licorne' },
  { key: 'coccinelle', label: 'Coccinelle' },
  { key: 'girafe', label: 'Girafe' },
  { key: 'elephant', label: 'Éléphant' },
  { key: 'herisson', label: 'Hérisson' },
  { key: 'perroquet', label: 'Perroquet' },
  { key: 'escargot', label: 'Escargot' },
] as const;

export const AVATAR_KEYS: readonly string[] = AVATARS.map((a) => a.key);

export function avatarUrl(key: string): string {
  return `/avatars/${key}.svg`;
}

import { readFileSync } from 'node:fs';

/** Direct API calls for test setup (the flows under test go through the browser). */
export async function api<T = Record<string, unknown>>(
  baseUrl: string,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<T> {
  const res = await fetch(baseUrl + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} -> ${res.status} ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

export async function loginToken(baseUrl: string, login: string, password: string, structure?: string): Promise<string> {
  return (
    await api<{ accessToken: string }>(baseUrl, 'POST', '/api/auth/login', null, { login, password, ...(structure ? { structure } : {}) })
  ).accessToken;
}

/** The first administrator's password, as the first start of a local install wrote it. */
export function firstRunAdminPassword(dataDir: string): string {
  return /Mot de passe : (\S+)/.exec(readFileSync(`${dataDir}/first-run-credentials.txt`, 'utf8'))?.[1] ?? '';
}

export type ReferenceLists = Record<string, { id: number; label: string }[]>;

/** The structure's reference lists, and the id of an item by list and label. */
export async function referenceIds(
  baseUrl: string,
  token: string,
): Promise<{ ref: ReferenceLists; id: (kind: string, label: string) => number }> {
  const ref = await api<ReferenceLists>(baseUrl, 'GET', '/api/reference', token);
  return { ref, id: (kind, label) => (ref[kind].find((i) => i.label === label) as { id: number }).id };
}

/** Today's date in Paris, and yesterday's. */
export function parisDates(): { today: string; yesterday: string; minutes: number } {
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const parts = Object.fromEntries(f.formatToParts(new Date()).map((p) => [p.type, p.value]));
  const today = `${parts['year']}-${parts['month']}-${parts['day']}`;
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return { today, yesterday: d.toISOString().slice(0, 10), minutes: Number(parts['hour']) * 60 + Number(parts['minute']) };
}

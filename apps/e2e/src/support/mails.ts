import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Waits for a mail to `to` written by the app's file transport under DATA_DIR/mails and returns its raw text. */
export async function waitForMail(dataDir: string, to: string, timeoutMs = 10_000): Promise<string> {
  const started = Date.now();
  for (;;) {
    try {
      for (const f of readdirSync(join(dataDir, 'mails')).sort().reverse()) {
        const raw = readFileSync(join(dataDir, 'mails', f), 'utf8');
        if (new RegExp(`^To: .*${to.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'mi').test(raw)) return raw;
      }
    } catch {
      /* folder not there yet */
    }
    if (Date.now() - started > timeoutMs) throw new Error(`no mail to ${to}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The reset link in a mail (quoted-printable soft line breaks undone). */
export function resetLinkOf(raw: string): string {
  const body = raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const m = /(https?:\/\/[^\s"<>]+\/reinitialiser\?token=[A-Za-z0-9_-]+)/.exec(body);
  if (!m) throw new Error('no reset link in mail');
  return m[1];
}

import { AUDIT_ACTIONS, FamilyDetail } from '@pointage/contracts';
import { FRENCH_WEEKDAYS, formatFrenchDate, formatHm, isoWeekday, zonedParts } from '@pointage/domain';
import { Attendance } from '../attendance/entities/attendance.entity';
import { AuditEntry } from '../audit/entities/audit-entry.entity';
import { Account } from '../auth/entities/account.entity';
import { html, SafeHtml } from '../pdf/html';
import { Structure } from '../tenancy/entities/structure.entity';

/** Everything stored about a family (GDPR right of access), read once for both formats. */
export interface FamilyExportData {
  exportedAt: Date;
  structure: Structure;
  detail: FamilyDetail;
  label: (refId: number) => string;
  attendance: Attendance[];
  accounts: Account[];
  auditRows: AuditEntry[];
  /** The installation's funder line (FEDER obligation), printed at the foot of the readable export. */
  footerText: string;
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** "2026-10-20" -> "mardi 20 octobre 2026" */
export function frenchLongDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${FRENCH_WEEKDAYS[isoWeekday(date) - 1]} ${d === 1 ? '1er' : d} ${MONTHS[m - 1]} ${y}`;
}

/** "mardi 20 octobre 2026, 14:00–16:00" */
export function frenchSlot(date: string, startMinute: number, endMinute: number): string {
  return `${frenchLongDate(date)}, ${formatHm(startMinute)}–${formatHm(endMinute)}`;
}

/** An instant on the structure's wall clock: "20/10/2026 à 14:03". */
function frenchInstant(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone);
  return `${formatFrenchDate(p.date)} à ${formatHm(p.minutes)}`;
}

const SOURCES: Record<string, string> = { kiosk: 'borne', acting: "l'équipe pour la famille", retro: "saisie a posteriori par l'équipe" };

/** The JSON export (shape kept stable for those who read it). */
export function exportJson(d: FamilyExportData): Record<string, unknown> {
  const { detail, label } = d;
  return {
    exportedAt: d.exportedAt.toISOString(),
    structure: d.structure.name,
    family: {
      id: detail.id,
      name: detail.name,
      email: detail.email,
      quotientFamilial: label(detail.qfId),
      minimaSociaux: label(detail.minimaId),
      archived: detail.archived,
      createdAt: detail.createdAt,
    },
    members: detail.members.map((m) => ({
      id: m.id,
      lastName: m.lastName,
      firstName: m.firstName,
      sex: label(m.sexId),
      birthDate: m.birthDate,
      city: label(m.cityId),
      status: label(m.statusId),
      minimaSociaux: label(m.minimaId),
      quotientFamilial: label(m.qfId),
      avatar: m.avatar,
      registeredOn: m.registeredOn,
      archived: m.archived,
      login: m.login,
    })),
    logins: d.accounts.map((a) => ({
      email: a.email,
      memberId: a.memberId,
      createdAt: a.createdAt.toISOString(),
      lastLoginAt: a.lastLoginAt?.toISOString() ?? null,
    })),
    attendance: d.attendance.map((a) => ({
      memberId: a.memberId,
      date: a.slot?.date,
      slot: a.slot ? `${a.slot.startMinute}-${a.slot.endMinute}` : null,
      slotTime: a.slot ? `${formatHm(a.slot.startMinute)}-${formatHm(a.slot.endMinute)}` : null,
      arrivedAt: a.arrivedAt.toISOString(),
      source: a.source,
      snapshot: {
        sex: label(a.sexId),
        city: label(a.cityId),
        status: label(a.statusId),
        minimaSociaux: label(a.minimaId),
        quotientFamilial: label(a.qfId),
      },
    })),
    auditLog: d.auditRows.map((r) => ({
      at: r.at.toISOString(),
      action: r.action,
      actor: r.actorLabel,
      actingAs: r.actingAs,
      targetType: r.targetType,
      targetId: r.targetId,
    })),
  };
}

const STYLE = `
body { font-family: 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif; font-size: 11pt; color: #111; margin: 2em; }
h1 { font-size: 18pt; margin: 0 0 .3em; }
h2 { font-size: 13pt; margin: 1.6em 0 .5em; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1em; }
th, td { border: 1px solid #bbb; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #eef0f3; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 1em; }
dt { font-weight: bold; }
dd { margin: 0; }
.muted { color: #555; }
footer { margin-top: 2em; font-size: 9pt; color: #555; }
@media print { body { margin: 0; font-size: 10pt; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
`;

/** The readable export: a self-contained French HTML page, printable (no script, no remote resource). */
export function exportHtml(d: FamilyExportData): string {
  const { detail, label } = d;
  const tz = d.structure.timeZone;
  const yes = (v: boolean) => (v ? 'oui' : 'non');
  const names = new Map(detail.members.map((m) => [m.id, `${m.firstName} ${m.lastName}`]));
  const familyLogin = d.accounts.find((a) => a.memberId === null);
  const body: SafeHtml = html`<!doctype html>
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'" />
        <title>Données de la famille ${detail.name} — ${d.structure.name}</title>
        <style>
          ${STYLE}
        </style>
      </head>
      <body>
        <header>
          <h1>Données personnelles de la famille ${detail.name}</h1>
          <p class="muted">${d.structure.name} — export du ${frenchInstant(d.exportedAt, tz)} (droit d'accès, RGPD).</p>
        </header>
        <main>
          <section>
            <h2>Famille</h2>
            <dl>
              <dt>Nom</dt>
              <dd>${detail.name}</dd>
              <dt>Identifiant (e-mail)</dt>
              <dd>${detail.email ?? 'aucun'}</dd>
              <dt>Quotient familial</dt>
              <dd>${label(detail.qfId)}</dd>
              <dt>Minima sociaux</dt>
              <dd>${label(detail.minimaId)}</dd>
              <dt>Créée le</dt>
              <dd>${frenchInstant(new Date(detail.createdAt), tz)}</dd>
              <dt>Archivée</dt>
              <dd>${yes(detail.archived)}</dd>
              <dt>Anonymisée</dt>
              <dd>${yes(detail.anonymised)}</dd>
            </dl>
          </section>
          <section>
            <h2>Membres (${detail.members.length})</h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">Nom</th>
                  <th scope="col">Prénom</th>
                  <th scope="col">Sexe</th>
                  <th scope="col">Date de naissance</th>
                  <th scope="col">Ville de résidence</th>
                  <th scope="col">Statut</th>
                  <th scope="col">Minima sociaux</th>
                  <th scope="col">Quotient familial</th>
                  <th scope="col">Inscrit(e) le</th>
                  <th scope="col">Identifiant</th>
                  <th scope="col">Archivé(e)</th>
                </tr>
              </thead>
              <tbody>
                ${detail.members.map(
                  (m) =>
                    html`<tr>
                      <td>${m.lastName}</td>
                      <td>${m.firstName}</td>
                      <td>${label(m.sexId)}</td>
                      <td>${formatFrenchDate(m.birthDate)}</td>
                      <td>${label(m.cityId)}</td>
                      <td>${label(m.statusId)}</td>
                      <td>${label(m.minimaId)}</td>
                      <td>${label(m.qfId)}</td>
                      <td>${formatFrenchDate(m.registeredOn)}</td>
                      <td>${m.login ?? '—'}</td>
                      <td>${yes(m.archived)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </section>
          <section>
            <h2>Identifiants de connexion (${d.accounts.length})</h2>
            ${d.accounts.length
              ? html`<table>
                  <thead>
                    <tr>
                      <th scope="col">E-mail</th>
                      <th scope="col">De qui</th>
                      <th scope="col">Créé le</th>
                      <th scope="col">Dernière connexion</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${d.accounts.map(
                      (a) =>
                        html`<tr>
                          <td>${a.email}</td>
                          <td>${a.memberId === null ? 'la famille' : (names.get(a.memberId) ?? `membre n° ${a.memberId}`)}</td>
                          <td>${frenchInstant(a.createdAt, tz)}</td>
                          <td>${a.lastLoginAt ? frenchInstant(a.lastLoginAt, tz) : 'jamais'}</td>
                        </tr>`,
                    )}
                  </tbody>
                </table>`
              : html`<p>Aucun identifiant${familyLogin ? '' : ' (supprimés à l’anonymisation ou jamais créés)'}.</p>`}
          </section>
          <section>
            <h2>Présences (${d.attendance.length})</h2>
            ${d.attendance.length
              ? html`<table>
                  <thead>
                    <tr>
                      <th scope="col">Créneau</th>
                      <th scope="col">Membre</th>
                      <th scope="col">Arrivée</th>
                      <th scope="col">Enregistrée par</th>
                      <th scope="col">Attributs au moment de la présence</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${d.attendance.map(
                      (a) =>
                        html`<tr>
                          <td>${a.slot ? frenchSlot(a.slot.date, a.slot.startMinute, a.slot.endMinute) : '—'}</td>
                          <td>${names.get(a.memberId) ?? `membre n° ${a.memberId}`}</td>
                          <td>${formatHm(zonedParts(a.arrivedAt, tz).minutes)}</td>
                          <td>${SOURCES[a.source] ?? a.source}</td>
                          <td>
                            ${label(a.sexId)}, ${label(a.cityId)}, ${label(a.statusId)}, minima : ${label(a.minimaId)}, QF :
                            ${label(a.qfId)}
                          </td>
                        </tr>`,
                    )}
                  </tbody>
                </table>`
              : html`<p>Aucune présence enregistrée.</p>`}
          </section>
          <section>
            <h2>Journal (${d.auditRows.length})</h2>
            ${d.auditRows.length
              ? html`<table>
                  <thead>
                    <tr>
                      <th scope="col">Quand</th>
                      <th scope="col">Action</th>
                      <th scope="col">Par</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${d.auditRows.map(
                      (r) =>
                        html`<tr>
                          <td>${frenchInstant(r.at, tz)}</td>
                          <td>${AUDIT_ACTIONS[r.action] ?? r.action}</td>
                          <td>${r.actorLabel}${r.actingAs ? html` (pour ${r.actingAs})` : ''}</td>
                        </tr>`,
                    )}
                  </tbody>
                </table>`
              : html`<p>Aucune entrée.</p>`}
          </section>
        </main>
        <footer>${d.footerText}</footer>
      </body>
    </html> `;
  return body.toString();
}

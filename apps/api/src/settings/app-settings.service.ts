import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { DEFAULT_FOOTER_TEXT, InstallationSettings, MailSettings, PublicAppSettings } from '@pointage/contracts';
import type { Request } from 'express';
import { AuditService } from '../audit/audit.service';
import { Database } from '../database/database.service';
import { DEFAULT_SMTP_PORT, MailService, parseSettings, SETTING_MAIL, StoredMailSettings } from '../mail/mail.service';
import type { SaveMailSettingsDto } from './dto/settings.dto';
import { AppSetting } from './entities/app-setting.entity';
import { FunderLogo } from './entities/funder-logo.entity';
import { inspectImage, readUpload, resizeImage } from './images';
import { Uploads } from './uploads';
import { french } from '../common/errors';

export const SETTING_FOOTER_TEXT = 'footer_text';

/** Installation-wide settings (not owned by a structure): the funder footer and logos. */
@Injectable()
export class AppSettingsService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly uploads: Uploads,
    private readonly mail: MailService,
  ) {}

  async publicSettings(): Promise<PublicAppSettings> {
    const footer = await this.db.manager.findOneBy(AppSetting, { key: SETTING_FOOTER_TEXT });
    const logos = await this.db.manager.find(FunderLogo, { order: { position: 'ASC', id: 'ASC' } });
    return {
      footerText: footer?.value ?? DEFAULT_FOOTER_TEXT,
      funderLogos: logos.map((l) => ({ id: l.id, url: Uploads.publicUrl(l.file), alt: l.alt })),
      mailConfigured: await this.mail.configured(),
    };
  }

  // ---------------------------------------------------------------- mail

  /** The SMTP server of the settings, without its password. */
  async mailSettings(): Promise<MailSettings> {
    const s = await this.mail.settings();
    return {
      source: await this.mail.route(),
      host: s?.host ?? '',
      port: s?.port ?? null,
      security: s?.security ?? 'starttls',
      user: s?.user ?? '',
      passwordSet: !!s?.password,
      from: s?.from ?? '',
    };
  }

  /** Saves (or, with an empty host, clears) the SMTP server; an empty password keeps the stored one. */
  async saveMail(dto: SaveMailSettingsDto): Promise<MailSettings> {
    await this.db.transaction(async (em) => {
      if (!dto.host) {
        await em.delete(AppSetting, { key: SETTING_MAIL });
        await this.audit.record(em, { action: 'installation.mail_saved', structureId: null, details: { cleared: true } });
        return;
      }
      const previous = await em.findOneBy(AppSetting, { key: SETTING_MAIL });
      const previousPassword = previous ? (parseSettings(previous.value)?.password ?? '') : '';
      const user = dto.user ?? '';
      const stored: StoredMailSettings = {
        host: dto.host,
        port: dto.port ?? DEFAULT_SMTP_PORT[dto.security],
        security: dto.security,
        user,
        // No user, no password: a password left from an earlier user would be sent to nobody.
        password: user ? dto.password || previousPassword : '',
        from: dto.from ?? '',
      };
      await em.upsert(AppSetting, { key: SETTING_MAIL, value: JSON.stringify(stored) }, ['key']);
      // What changed, never the password itself.
      await this.audit.record(em, {
        action: 'installation.mail_saved',
        structureId: null,
        details: {
          host: stored.host,
          port: stored.port,
          security: stored.security,
          user: stored.user,
          passwordChanged: !!dto.password && !!user,
        },
      });
    });
    this.mail.forget();
    return this.mailSettings();
  }

  /** Sends a test mail through the configuration in force; a failure is a 422 with the reason in French. */
  async sendTestMail(to: string): Promise<{ message: string }> {
    const route = await this.mail.route();
    try {
      await this.mail.send({
        to,
        subject: 'Pointage — e-mail de test',
        text: 'Bonjour,\n\nCet e-mail de test confirme que Pointage peut envoyer des e-mails (liens de réinitialisation des mots de passe).\n',
        html: '<p>Bonjour,</p><p>Cet e-mail de test confirme que Pointage peut envoyer des e-mails (liens de réinitialisation des mots de passe).</p>',
      });
    } catch (e) {
      throw new UnprocessableEntityException(french(`L'e-mail de test n'a pas pu être envoyé : ${mailFailure(e)}`));
    }
    await this.audit.recordAlone({ action: 'installation.mail_tested', structureId: null, details: { route } });
    return {
      message:
        route === 'file'
          ? "Aucun serveur d'envoi n'est configuré : l'e-mail de test a seulement été écrit dans le dossier DATA_DIR/mails du serveur."
          : `E-mail de test envoyé à ${to}. Vérifiez qu'il est bien arrivé (pensez aux courriers indésirables).`,
    };
  }

  async saveFooter(footerText: string): Promise<InstallationSettings> {
    await this.db.transaction(async (em) => {
      await em.upsert(AppSetting, { key: SETTING_FOOTER_TEXT, value: footerText }, ['key']);
      await this.audit.record(em, { action: 'installation.footer_saved', structureId: null });
    });
    return this.publicSettings();
  }

  /** A funder logo, resized to 300 px wide at most for footers. */
  async addFunderLogo(req: Request, alt: string): Promise<InstallationSettings> {
    const data = await readUpload(req);
    const image = await inspectImage(data);
    const resized = await resizeImage(data, Math.min(image.width, 300));
    // The file is removed again if the database write fails.
    await this.uploads.store([{ kind: 'funder', owner: 'all', ext: 'png', data: resized.data }], ([file]) =>
      this.db.transaction(async (em) => {
        const position = (await em.count(FunderLogo)) + 1;
        const logo = await em.save(
          FunderLogo,
          em.create(FunderLogo, { file, alt, position, width: resized.width, height: resized.height }),
        );
        await this.audit.record(em, {
          action: 'installation.funder_logo_added',
          targetType: 'funder_logo',
          targetId: logo.id,
          structureId: null,
        });
      }),
    );
    return this.publicSettings();
  }

  async removeFunderLogo(id: number): Promise<InstallationSettings> {
    const logo = await this.db.manager.findOneBy(FunderLogo, { id });
    if (!logo) throw new NotFoundException(french('Logo introuvable.'));
    await this.db.transaction(async (em) => {
      await em.delete(FunderLogo, { id });
      await this.audit.record(em, {
        action: 'installation.funder_logo_removed',
        targetType: 'funder_logo',
        targetId: id,
        structureId: null,
      });
    });
    this.uploads.remove(logo.file);
    return this.publicSettings();
  }
}

/** The reason of an SMTP failure, in French, with the server's own words when it gave some. */
export function mailFailure(e: unknown): string {
  const err = e as { code?: string; responseCode?: number; response?: string; message?: string };
  const server = err.response ? ` (réponse du serveur : ${err.response.slice(0, 200)})` : '';
  // nodemailer reports socket failures as ESOCKET/ECONNECTION with the system error in the message.
  const system = /\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)\b/.exec(err.message ?? '')?.[1];
  const code =
    system === 'ENOTFOUND' || system === 'EAI_AGAIN' ? 'EDNS' : system === 'ETIMEDOUT' ? 'ETIMEDOUT' : system ? 'ECONNECTION' : err.code;
  switch (code) {
    case 'EAUTH':
      return `le serveur a refusé l'identifiant ou le mot de passe${server}.`;
    case 'ECONNECTION':
      return `la connexion au serveur SMTP a été refusée ou coupée : vérifiez le serveur, le port et la sécurité${server}.`;
    case 'ETIMEDOUT':
      return "le serveur SMTP n'a pas répondu à temps : vérifiez le serveur et le port.";
    case 'EDNS':
      return "le nom du serveur SMTP est introuvable : vérifiez l'orthographe.";
    case 'ETLS':
      return `la négociation TLS a échoué : vérifiez la sécurité choisie (aucune, STARTTLS ou TLS)${server}.`;
    case 'EENVELOPE':
      return `le serveur a refusé l'expéditeur ou le destinataire${server}.`;
    case 'EMESSAGE':
      return `le serveur a refusé le message${server}.`;
    default:
      return `erreur d'envoi${server || (err.message ? ` (${err.message.slice(0, 200)})` : '')}.`;
  }
}

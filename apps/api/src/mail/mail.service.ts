import { MailerService } from '@nestjs-modules/mailer';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { MailSecurity } from '@pointage/contracts';
import { createTransport, Transporter } from 'nodemailer';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import { AppSetting } from '../settings/entities/app-setting.entity';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** The app_setting key of the SMTP server set by the super-admin (JSON of StoredMailSettings). */
export const SETTING_MAIL = 'mail_smtp';

/** The SMTP server of the installation settings, as stored (password included: it never leaves the server). */
export interface StoredMailSettings {
  host: string;
  port: number;
  security: MailSecurity;
  user: string;
  password: string;
  from: string;
}

/** Where a mail goes: the installation settings' SMTP server, else the environment's (SMTP_URL), else files. */
export type MailRoute = 'settings' | 'environment' | 'file';

/** Port of each security when the super-admin leaves it empty. */
export const DEFAULT_SMTP_PORT: Record<MailSecurity, number> = { none: 25, starttls: 587, tls: 465 };

/** nodemailer options of the settings: STARTTLS required when asked, implicit TLS on `tls`, nothing on `none`. */
export function smtpOptions(s: StoredMailSettings) {
  return {
    host: s.host,
    port: s.port,
    secure: s.security === 'tls',
    requireTLS: s.security === 'starttls',
    ignoreTLS: s.security === 'none',
    auth: s.user ? { user: s.user, pass: s.password } : undefined,
    // A wrong host must not hold a request (or the test button) for minutes.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  };
}

/**
 * Sends the application's mails. The SMTP server of the installation settings
 * (super-admin) wins over the environment (MAIL_TRANSPORT, SMTP_URL): the
 * environment configures by default, the settings page overrides it.
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger(MailService.name);
  /**
   * The settings as last read, with the stored text they came from: each use
   * reads the row again (mails are rare) and rebuilds the transport when the
   * text changed, so a save made through another replica applies at once.
   */
  private cache: { raw: string | null; settings: StoredMailSettings | null; transport: Transporter | null } | null = null;

  constructor(
    private readonly mailer: MailerService,
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleDestroy(): void {
    this.forget();
  }

  async settings(): Promise<StoredMailSettings | null> {
    return (await this.current()).settings;
  }

  /** Called after the settings changed. */
  forget(): void {
    this.cache?.transport?.close();
    this.cache = null;
  }

  async route(): Promise<MailRoute> {
    if ((await this.current()).settings) return 'settings';
    return this.config.mail.transport === 'smtp' ? 'environment' : 'file';
  }

  /** False while mails only land in DATA_DIR/mails. */
  async configured(): Promise<boolean> {
    return (await this.route()) !== 'file';
  }

  /** Sends a mail; failures are logged (without the address) and re-thrown. */
  async send(mail: OutgoingMail): Promise<void> {
    try {
      const { settings, transport } = await this.current();
      if (settings && transport) await transport.sendMail({ ...mail, from: settings.from || this.config.mail.from });
      else await this.mailer.sendMail(mail);
    } catch (e) {
      this.logger.error(`Mail "${mail.subject}" could not be sent: ${(e as Error).message}`);
      throw e;
    }
  }

  private async current(): Promise<{ settings: StoredMailSettings | null; transport: Transporter | null }> {
    const row = await this.db.manager.findOneBy(AppSetting, { key: SETTING_MAIL });
    const raw = row?.value ?? null;
    if (this.cache && this.cache.raw === raw) return this.cache;
    this.forget();
    const settings = raw !== null ? parseSettings(raw) : null;
    this.cache = { raw, settings, transport: settings ? createTransport(smtpOptions(settings)) : null };
    return this.cache;
  }
}

/** The stored settings, or null when the row is unreadable (then the environment applies). */
export function parseSettings(value: string): StoredMailSettings | null {
  try {
    const v = JSON.parse(value) as Partial<StoredMailSettings>;
    if (!v.host || typeof v.port !== 'number') return null;
    return {
      host: v.host,
      port: v.port,
      security: v.security ?? 'starttls',
      user: v.user ?? '',
      password: v.password ?? '',
      from: v.from ?? '',
    };
  } catch {
    return null;
  }
}

/** Minimal HTML escaping for the few values put into mail bodies. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

import { MailerService } from '@nestjs-modules/mailer';
import { Injectable, Logger } from '@nestjs/common';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

@Injectable()
export class MailService {
  private readonly logger = new Logger(MailService.name);

  constructor(private readonly mailer: MailerService) {}

  /** Sends a mail; failures are logged (without the address) and re-thrown. */
  async send(mail: OutgoingMail): Promise<void> {
    try {
      await this.mailer.sendMail(mail);
    } catch (e) {
      this.logger.error(`Mail "${mail.subject}" could not be sent: ${(e as Error).message}`);
      throw e;
    }
  }
}

/** Minimal HTML escaping for the few values put into mail bodies. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

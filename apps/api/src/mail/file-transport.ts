import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Transport, SentMessageInfo } from 'nodemailer';
import type MailMessage from 'nodemailer/lib/mailer/mail-message';

/**
 * A nodemailer transport that writes each message as an .eml file in a folder
 * (development, tests, local installs without SMTP). Tests read these files.
 */
export function fileTransport(dir: string): Transport<SentMessageInfo> {
  let counter = 0;
  return {
    name: 'pointage-file',
    version: '1.0.0',
    send(mail: MailMessage, callback: (err: Error | null, info: SentMessageInfo) => void) {
      mail.message.build((err, raw) => {
        if (err) return callback(err, null as unknown as SentMessageInfo);
        try {
          mkdirSync(dir, { recursive: true });
          // eslint-disable-next-line no-restricted-syntax -- a unique, sortable file name, not a business rule
          const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${++counter}.eml`);
          writeFileSync(file, raw, { mode: 0o600 });
          callback(null, { envelope: mail.message.getEnvelope(), messageId: mail.message.messageId(), file } as SentMessageInfo);
        } catch (e) {
          callback(e as Error, null as unknown as SentMessageInfo);
        }
      });
    },
  };
}

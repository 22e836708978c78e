import { ConflictException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Account, STAFF_REALM } from '../auth/entities/account.entity';
import { hashPassword, passwordProblem } from '../auth/passwords';
import { AuditEntry } from '../audit/entities/audit-entry.entity';
import { ConfigError } from '../config/config';
import { normaliseLogin, EMAIL_PATTERN } from '@pointage/contracts';
import { french } from '../common/errors';

/**
 * Creates a super-admin account (start-up from POINTAGE_SUPERADMIN_*, or the
 * CLI). Refuses weak passwords and invalid e-mails with a clear message.
 */
export async function createSuperAdmin(ds: DataSource, emailRaw: string, password: string, via: string): Promise<Account> {
  const email = normaliseLogin(emailRaw);
  if (!EMAIL_PATTERN.test(email)) throw new ConfigError(`« ${emailRaw} » n'est pas une adresse e-mail valide.`);
  const problem = passwordProblem(password, email);
  if (problem) throw new ConfigError(`Mot de passe du super-administrateur refusé : ${problem}`);
  const passwordHash = await hashPassword(password);
  return ds.transaction(async (em) => {
    if (await em.existsBy(Account, { realm: STAFF_REALM, email })) {
      throw new ConflictException(french(`Un compte ${email} existe déjà.`));
    }
    // eslint-disable-next-line no-restricted-syntax -- also run by the CLI, outside Nest DI
    const now = new Date();
    const account = await em.save(
      Account,
      em.create(Account, {
        role: 'super-admin',
        email,
        realm: STAFF_REALM,
        passwordHash,
        displayName: 'Super-administrateur',
        structureId: null,
        familyId: null,
        tokenVersion: 0,
        active: true,
        createdAt: now,
        passwordChangedAt: now,
        lastLoginAt: null,
      }),
    );
    await em.save(
      AuditEntry,
      em.create(AuditEntry, {
        at: now,
        structureId: null,
        actorAccountId: null,
        actorLabel: via,
        actorRole: null,
        actingAs: null,
        action: 'superadmin.created',
        targetType: 'account',
        targetId: String(account.id),
        details: null,
        ip: null,
      }),
    );
    return account;
  });
}

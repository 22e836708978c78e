import {
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  UnauthorizedException,
  BadRequestException,
} from '@nestjs/common';
import { FORGOT_PASSWORD_MESSAGE, LoginResponse, PASSWORD_CHANGED_MESSAGE, ResetPasswordResponse, SessionInfo } from '@pointage/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { EntityManager, IsNull, LessThan, MoreThan } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { printableText } from '../common/validation';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import { escapeHtml, MailService } from '../mail/mail.service';
import { Family } from '../families/entities/family.entity';
import { EMAIL_TAKEN } from '../families/email-taken';
import { Structure } from '../tenancy/entities/structure.entity';
import { Tenancy } from '../tenancy/tenancy.service';
import { TenantContext } from '../tenancy/tenant-context';
import { ChangePasswordDto, ForgotPasswordDto, LoginDto, ResetPasswordDto } from './dto/auth.dto';
import { Account, familyRealm, STAFF_REALM } from './entities/account.entity';
import { PasswordResetToken } from './entities/password-reset-token.entity';
import { LoginThrottle, tooManyRequests } from './login-throttle';
import { RevokedToken } from './entities/revoked-token.entity';
import { assertPasswordAcceptable, burnPasswordCheck, hashPassword, verifyPassword } from './passwords';
import type { Principal } from '../common/principal';
import { IssuedToken, TokenService, toSessionInfo } from './token.service';
import { french } from '../common/errors';

export const BAD_CREDENTIALS = 'Identifiant ou mot de passe incorrect.';
const RESET_LINK_INVALID = "Ce lien n'est plus valable (déjà utilisé ou expiré) : demandez-en un nouveau.";
const RESET_TOKEN_TTL_MS = 60 * 60_000;

/** A login as typed, fit for the audit log: no control characters, at most 64 characters. */
export function auditLabel(login: string): string {
  const clean = printableText(login);
  return clean.length > 64 ? `${clean.slice(0, 63)}…` : clean;
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly db: Database,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    private readonly context: TenantContext,
    private readonly mail: MailService,
    private readonly tenancy: Tenancy,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The principal an account has when it acts as itself. */
  async ownPrincipal(account: Account): Promise<Omit<Principal, 'expiresAt'>> {
    let structureName: string | null = null;
    if (account.structureId !== null) {
      structureName = (await this.db.manager.findOneBy(Structure, { id: account.structureId }))?.name ?? null;
    }
    return {
      accountId: account.id,
      accountRole: account.role,
      login: account.email,
      displayName: account.displayName,
      role: account.role,
      structureId: account.structureId,
      structureName,
      familyId: account.familyId,
      acting: false,
      actingAs: null,
    };
  }

  private async realmFor(structureSlug: string | undefined): Promise<{ realm: string; structure: Structure | null } | null> {
    if (!structureSlug) return { realm: STAFF_REALM, structure: null };
    const structure = await this.db.manager.findOneBy(Structure, { slug: structureSlug });
    return structure ? { realm: familyRealm(structure.id), structure } : null;
  }

  async login(dto: LoginDto): Promise<LoginResponse> {
    const ip = this.context.ip() ?? 'unknown';
    // Reserved before the (slow) verification, so that concurrent attempts cannot all get through.
    const attempt = await this.throttle.reserveLogin(dto.login, ip);
    let account: Account | null = null;
    let ok = false;
    try {
      const realm = await this.realmFor(dto.structure);
      account = realm ? await this.db.manager.findOneBy(Account, { realm: realm.realm, email: dto.login }) : null;
      ok = account ? await verifyPassword(account.passwordHash, dto.password) : (await burnPasswordCheck(dto.password), false);
    } catch (e) {
      // Not a wrong password (the database failed): the attempt does not count.
      await attempt.succeeded();
      throw e;
    }
    if (!account || !ok || !account.active) {
      attempt.failed();
      // Only a real account's structure sees the failure; an unknown login is
      // recorded installation-wide, shortened, so that nobody can write text
      // into a structure's log by logging in with it.
      await this.audit.recordAlone({
        action: 'auth.login_failed',
        actor: { accountId: null, label: account ? account.email : auditLabel(dto.login), role: null },
        structureId: account?.structureId ?? null,
      });
      throw new UnauthorizedException(french(BAD_CREDENTIALS));
    }
    await attempt.succeeded();
    const user: Account = account;
    if (user.structureId !== null) {
      const structure = await this.db.manager.findOneBy(Structure, { id: user.structureId });
      if (!structure?.active) {
        throw new ForbiddenException(french('Cette structure est désactivée : contactez votre fédération.'));
      }
    }
    if (user.familyId !== null && user.structureId !== null) {
      const family = await this.tenancy.publicRepo(user.structureId, Family).findOneBy({ id: user.familyId });
      if (!family || family.archived) {
        throw new ForbiddenException(french("Cette famille est archivée : adressez-vous à l'équipe de la ludothèque."));
      }
    }
    await this.db.transaction(async (em) => {
      await em.update(Account, { id: user.id }, { lastLoginAt: this.clock.now() });
      await this.audit.record(em, {
        action: 'auth.login',
        targetType: 'account',
        targetId: user.id,
        actor: { accountId: user.id, label: user.email, role: user.role },
        structureId: user.structureId,
      });
    });
    const issued = await this.tokens.issue(await this.ownPrincipal(user), user.tokenVersion);
    return {
      accessToken: issued.accessToken,
      role: user.role,
      structureId: user.structureId,
      displayName: user.displayName,
      session: issued.session,
    };
  }

  /** A session for an account that has just been created (kiosk registration). */
  async sessionFor(account: Account): Promise<LoginResponse> {
    const issued = await this.tokens.issue(await this.ownPrincipal(account), account.tokenVersion);
    return {
      accessToken: issued.accessToken,
      role: account.role,
      structureId: account.structureId,
      displayName: account.displayName,
      session: issued.session,
    };
  }

  /** At most 10 kiosk registrations per address in 15 minutes (junk data, not passwords, is the risk). */
  throttleRegistration(): Promise<void> {
    return this.throttle.registration(this.context.ip() ?? 'unknown');
  }

  /**
   * Runs `work`, which may answer 409 "adresse déjà utilisée". That answer tells
   * whether an address has an account, so it is rationed: 10 per client (address,
   * or account when signed in) in 15 minutes, each one audited. Kept rather than
   * hidden because a family at the kiosk must learn that it already has an
   * account (docs/security.md, "Account enumeration").
   */
  async rationEmailConflicts<T>(structureId: number, work: () => Promise<T>): Promise<T> {
    const principal = this.context.optionalPrincipal();
    const client = principal ? `account:${principal.accountId}` : `ip:${this.context.ip() ?? 'unknown'}`;
    await this.throttle.assertEmailProbeAllowed(client);
    try {
      return await work();
    } catch (e) {
      if (e instanceof ConflictException && e.message === EMAIL_TAKEN) {
        await this.throttle.emailConflict(client);
        await this.audit.recordAlone({
          action: 'auth.email_conflict',
          structureId,
          ...(principal ? {} : { actor: { accountId: null, label: 'borne (inscription)', role: null } }),
        });
      }
      throw e;
    }
  }

  me(principal: Principal): SessionInfo {
    return toSessionInfo(principal);
  }

  async changePassword(principal: Principal, dto: ChangePasswordDto): Promise<IssuedToken & { message: string }> {
    if (principal.acting) {
      throw new ForbiddenException(french("Impossible de changer un mot de passe en agissant pour le compte d'un autre."));
    }
    // Someone holding a stolen session must not be able to guess the password through this door.
    const wait = await this.throttle.passwordCheckWait(principal.accountId);
    if (wait > 0) throw tooManyRequests(`Trop d'essais de l'ancien mot de passe. Réessayez dans ${Math.ceil(wait / 60)} minutes.`, wait);
    const account = await this.db.manager.findOneByOrFail(Account, { id: principal.accountId });
    if (!(await verifyPassword(account.passwordHash, dto.currentPassword))) {
      const exhausted = await this.throttle.passwordCheckFailed(account.id);
      await this.db.transaction(async (em) => {
        await this.audit.record(em, { action: 'auth.password_change_failed', targetType: 'account', targetId: account.id });
        if (exhausted) {
          // Bumping the version ends every session of the account: the real owner logs in again.
          await em.increment(Account, { id: account.id }, 'tokenVersion', 1);
          await this.audit.record(em, { action: 'auth.sessions_ended', targetType: 'account', targetId: account.id });
        }
      });
      if (exhausted)
        throw new UnauthorizedException(french("Trop d'essais de l'ancien mot de passe : la session est fermée, reconnectez-vous."));
      throw new BadRequestException(french("L'ancien mot de passe est incorrect."));
    }
    if (dto.newPassword === dto.currentPassword) {
      throw new BadRequestException(french("Le nouveau mot de passe doit être différent de l'ancien."));
    }
    assertPasswordAcceptable(dto.newPassword, account.email);
    const passwordHash = await hashPassword(dto.newPassword);
    const tokenVersion = await this.db.transaction(async (em) => {
      // Bumping the version revokes every other session of the account.
      await em.increment(Account, { id: account.id }, 'tokenVersion', 1);
      await em.update(Account, { id: account.id }, { passwordHash, passwordChangedAt: this.clock.now() });
      await this.audit.record(em, { action: 'auth.password_changed', targetType: 'account', targetId: account.id });
      return (await em.findOneByOrFail(Account, { id: account.id })).tokenVersion;
    });
    const issued = await this.tokens.issue({ ...principal }, tokenVersion);
    return { ...issued, message: PASSWORD_CHANGED_MESSAGE };
  }

  /**
   * Always answers the same. The work (lookup, token, mail) happens after the
   * answer, so that neither the reply nor its timing tells whether the address exists.
   */
  forgotPassword(dto: ForgotPasswordDto): { message: string } {
    const ip = this.context.ip() ?? 'unknown';
    void this.sendResetLink(dto, ip).catch((e) => this.logger.error(`Reset link not sent: ${(e as Error).message}`));
    return { message: FORGOT_PASSWORD_MESSAGE };
  }

  private async sendResetLink(dto: ForgotPasswordDto, ip: string): Promise<void> {
    // Against mail bombing: a few links per e-mail address, and a cap per client address whatever the e-mail.
    if (!(await this.throttle.resetMailAllowed(dto.email, ip))) return;
    const realm = await this.realmFor(dto.structure);
    if (!realm) return;
    const account = await this.db.manager.findOneBy(Account, { realm: realm.realm, email: dto.email });
    if (!account || !account.active) return;
    const token = randomBytes(32).toString('base64url');
    await this.db.transaction(async (em) => {
      const now = this.clock.now();
      // A new link replaces the previous ones.
      await em.update(PasswordResetToken, { accountId: account.id, usedAt: IsNull() }, { usedAt: now });
      await em.insert(PasswordResetToken, {
        accountId: account.id,
        tokenHash: sha256(token),
        expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS),
        usedAt: null,
        createdAt: now,
      });
      await this.audit.record(em, {
        action: 'auth.password_reset_requested',
        targetType: 'account',
        targetId: account.id,
        actor: { accountId: null, label: account.email, role: null },
        structureId: account.structureId,
      });
    });
    const link = `${this.config.publicUrl}/reinitialiser?token=${token}`;
    await this.mail.send({
      to: account.email,
      subject: 'Pointage — réinitialisation de votre mot de passe',
      text:
        `Bonjour,\n\nPour choisir un nouveau mot de passe Pointage (identifiant : ${account.email}), ouvrez ce lien dans l'heure :\n\n${link}\n\n` +
        `Le lien ne fonctionne qu'une fois. Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.\n`,
      html:
        `<p>Bonjour,</p><p>Pour choisir un nouveau mot de passe Pointage (identifiant : <b>${escapeHtml(account.email)}</b>), ` +
        `ouvrez ce lien dans l'heure :</p><p><a href="${escapeHtml(link)}">Choisir un nouveau mot de passe</a></p>` +
        `<p>Le lien ne fonctionne qu'une fois. Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.</p>`,
    });
  }

  async resetPassword(dto: ResetPasswordDto): Promise<ResetPasswordResponse> {
    const tokenHash = sha256(dto.token);
    const found = await this.db.manager.findOne(PasswordResetToken, {
      where: { tokenHash, usedAt: IsNull(), expiresAt: MoreThan(this.clock.now()) },
      relations: { account: true },
    });
    if (!found?.account || !found.account.active) throw new BadRequestException(french(RESET_LINK_INVALID));
    const account = found.account;
    assertPasswordAcceptable(dto.password, account.email);
    const passwordHash = await hashPassword(dto.password);
    await this.db.transaction(async (em) => {
      // Single use, even under two concurrent clicks: only one update finds it unused.
      const claimed = await em.update(PasswordResetToken, { id: found.id, usedAt: IsNull() }, { usedAt: this.clock.now() });
      if (!claimed.affected) throw new BadRequestException(french(RESET_LINK_INVALID));
      await em.increment(Account, { id: account.id }, 'tokenVersion', 1);
      await em.update(Account, { id: account.id }, { passwordHash, passwordChangedAt: this.clock.now() });
      await this.audit.record(em, {
        action: 'auth.password_reset',
        targetType: 'account',
        targetId: account.id,
        actor: { accountId: account.id, label: account.email, role: account.role },
        structureId: account.structureId,
      });
    });
    let structureSlug: string | null = null;
    if (account.role === 'family' && account.structureId !== null) {
      structureSlug = (await this.db.manager.findOneBy(Structure, { id: account.structureId }))?.slug ?? null;
    }
    return { message: 'Votre mot de passe a été modifié. Vous pouvez vous connecter.', role: account.role, structureSlug };
  }

  async endActing(principal: Principal): Promise<{ message: string }> {
    if (!principal.acting) throw new BadRequestException(french("Vous n'agissez pour le compte de personne."));
    await this.db.transaction(async (em) => {
      await this.revoke(em, principal);
      await this.audit.record(em, {
        action: 'acting.end',
        targetType: principal.role === 'family' ? 'family' : 'structure',
        targetId: principal.role === 'family' ? principal.familyId : principal.structureId,
      });
    });
    return { message: 'Vous avez repris votre propre compte.' };
  }

  /** Ends this session (this token only; the account's other sessions go on). */
  async logout(principal: Principal): Promise<{ message: string }> {
    await this.db.transaction(async (em) => {
      await this.revoke(em, principal);
      await this.audit.record(em, { action: 'auth.logout', targetType: 'account', targetId: principal.accountId });
    });
    return { message: 'Vous êtes déconnecté.' };
  }

  /** Puts the caller's token on the deny list until it would have expired, and forgets expired ones. */
  private async revoke(em: EntityManager, principal: Principal): Promise<void> {
    if (!principal.tokenId) return;
    // The JWT library checks expiry against the system clock, so the deny list does too (not the Clock).
    // eslint-disable-next-line no-restricted-syntax -- token expiry is measured by the system clock
    const now = new Date();
    await em.delete(RevokedToken, { expiresAt: LessThan(now) });
    const expiresAt = new Date(Math.max(principal.expiresAt * 1000, now.getTime()));
    await em.createQueryBuilder().insert().into(RevokedToken).values({ jti: principal.tokenId, expiresAt }).orIgnore().execute();
  }
}

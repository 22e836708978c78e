import { ForbiddenException, HttpException, HttpStatus, Inject, Injectable, Logger, UnauthorizedException, BadRequestException } from '@nestjs/common';
import {
  FORGOT_PASSWORD_MESSAGE,
  LoginResponse,
  PASSWORD_CHANGED_MESSAGE,
  ResetPasswordResponse,
  SessionInfo,
} from '@pointage/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { IsNull, MoreThan } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import { escapeHtml, MailService } from '../mail/mail.service';
import { Family } from '../families/entities/family.entity';
import { Structure } from '../tenancy/entities/structure.entity';
import { Tenancy } from '../tenancy/tenancy.service';
import { TenantContext } from '../tenancy/tenant-context';
import { ChangePasswordDto, ForgotPasswordDto, LoginDto, ResetPasswordDto } from './dto/auth.dto';
import { Account, familyRealm, STAFF_REALM } from './entities/account.entity';
import { PasswordResetToken } from './entities/password-reset-token.entity';
import { LoginThrottle } from './login-throttle';
import { assertPasswordAcceptable, burnPasswordCheck, hashPassword, verifyPassword } from './passwords';
import type { Principal } from './principal';
import { IssuedToken, TokenService, toSessionInfo } from './token.service';

export const BAD_CREDENTIALS = 'Identifiant ou mot de passe incorrect.';
const RESET_LINK_INVALID = "Ce lien n'est plus valable (déjà utilisé ou expiré) : demandez-en un nouveau.";
const RESET_TOKEN_TTL_MS = 60 * 60_000;

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
    const wait = this.throttle.retryAfter(dto.login, ip);
    if (wait > 0) {
      const minutes = Math.ceil(wait / 60);
      throw new HttpException(
        { message: `Trop de tentatives de connexion. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`, retryAfter: wait },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const realm = await this.realmFor(dto.structure);
    const account = realm ? await this.db.manager.findOneBy(Account, { realm: realm.realm, email: dto.login }) : null;
    const ok = account ? await verifyPassword(account.passwordHash, dto.password) : (await burnPasswordCheck(dto.password), false);
    if (!account || !ok || !account.active) {
      this.throttle.fail(dto.login, ip);
      await this.audit.recordAlone({
        action: 'auth.login_failed',
        actor: { accountId: null, label: dto.login, role: null },
        structureId: realm?.structure?.id ?? account?.structureId ?? null,
      });
      throw new UnauthorizedException(BAD_CREDENTIALS);
    }
    if (account.structureId !== null) {
      const structure = await this.db.manager.findOneBy(Structure, { id: account.structureId });
      if (!structure?.active) {
        throw new ForbiddenException('Cette structure est désactivée : contactez votre fédération.');
      }
    }
    if (account.familyId !== null && account.structureId !== null) {
      const family = await this.tenancy.publicRepo(account.structureId, Family).findOneBy({ id: account.familyId });
      if (!family || family.archived) {
        throw new ForbiddenException("Cette famille est archivée : adressez-vous à l'équipe de la ludothèque.");
      }
    }
    this.throttle.succeed(dto.login, ip);
    await this.db.transaction(async (em) => {
      await em.update(Account, { id: account.id }, { lastLoginAt: new Date() });
      await this.audit.record(em, {
        action: 'auth.login',
        targetType: 'account',
        targetId: account.id,
        actor: { accountId: account.id, label: account.email, role: account.role },
        structureId: account.structureId,
      });
    });
    const issued = await this.tokens.issue(await this.ownPrincipal(account), account.tokenVersion);
    return { accessToken: issued.accessToken, role: account.role, structureId: account.structureId, displayName: account.displayName, session: issued.session };
  }

  /** A session for an account that has just been created (kiosk registration). */
  async sessionFor(account: Account): Promise<LoginResponse> {
    const issued = await this.tokens.issue(await this.ownPrincipal(account), account.tokenVersion);
    return { accessToken: issued.accessToken, role: account.role, structureId: account.structureId, displayName: account.displayName, session: issued.session };
  }

  /** At most 10 kiosk registrations per address in 15 minutes (junk data, not passwords, is the risk). */
  throttleRegistration(): void {
    const ip = this.context.ip() ?? 'unknown';
    const wait = this.throttle.retryAfter('registration', ip);
    if (wait > 0) {
      throw new HttpException({ message: `Trop d'inscriptions depuis cet appareil. Réessayez dans ${Math.ceil(wait / 60)} minutes.` }, HttpStatus.TOO_MANY_REQUESTS);
    }
    this.throttle.fail('registration', ip);
  }

  me(principal: Principal): SessionInfo {
    return toSessionInfo(principal);
  }

  async changePassword(principal: Principal, dto: ChangePasswordDto): Promise<IssuedToken & { message: string }> {
    if (principal.acting) {
      throw new ForbiddenException("Impossible de changer un mot de passe en agissant pour le compte d'un autre.");
    }
    const account = await this.db.manager.findOneByOrFail(Account, { id: principal.accountId });
    if (!(await verifyPassword(account.passwordHash, dto.currentPassword))) {
      throw new BadRequestException("L'ancien mot de passe est incorrect.");
    }
    if (dto.newPassword === dto.currentPassword) {
      throw new BadRequestException("Le nouveau mot de passe doit être différent de l'ancien.");
    }
    assertPasswordAcceptable(dto.newPassword, account.email);
    const passwordHash = await hashPassword(dto.newPassword);
    const tokenVersion = await this.db.transaction(async (em) => {
      // Bumping the version revokes every other session of the account.
      await em.increment(Account, { id: account.id }, 'tokenVersion', 1);
      await em.update(Account, { id: account.id }, { passwordHash, passwordChangedAt: new Date() });
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
    // Reuse the login throttle against mail bombing: at most 10 links per address and IP in 15 minutes.
    if (this.throttle.retryAfter(`reset:${dto.email}`, ip) > 0) return;
    this.throttle.fail(`reset:${dto.email}`, ip);
    const realm = await this.realmFor(dto.structure);
    if (!realm) return;
    const account = await this.db.manager.findOneBy(Account, { realm: realm.realm, email: dto.email });
    if (!account || !account.active) return;
    const token = randomBytes(32).toString('base64url');
    await this.db.transaction(async (em) => {
      // A new link replaces the previous ones.
      await em.update(PasswordResetToken, { accountId: account.id, usedAt: IsNull() }, { usedAt: new Date() });
      await em.insert(PasswordResetToken, {
        accountId: account.id,
        tokenHash: sha256(token),
        expiresAt: new Date(Date.now() + RESET_TOKEN_TTL_MS),
        usedAt: null,
        createdAt: new Date(),
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
      where: { tokenHash, usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      relations: { account: true },
    });
    if (!found?.account || !found.account.active) throw new BadRequestException(RESET_LINK_INVALID);
    const account = found.account;
    assertPasswordAcceptable(dto.password, account.email);
    const passwordHash = await hashPassword(dto.password);
    await this.db.transaction(async (em) => {
      // Single use, even under two concurrent clicks: only one update finds it unused.
      const claimed = await em.update(PasswordResetToken, { id: found.id, usedAt: IsNull() }, { usedAt: new Date() });
      if (!claimed.affected) throw new BadRequestException(RESET_LINK_INVALID);
      await em.increment(Account, { id: account.id }, 'tokenVersion', 1);
      await em.update(Account, { id: account.id }, { passwordHash, passwordChangedAt: new Date() });
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
    if (!principal.acting) throw new BadRequestException("Vous n'agissez pour le compte de personne.");
    await this.audit.recordAlone({ action: 'acting.end', targetType: principal.role === 'family' ? 'family' : 'structure', targetId: principal.role === 'family' ? principal.familyId : principal.structureId });
    return { message: 'Vous avez repris votre propre compte.' };
  }
}

import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { AdminAccountSummary, AdminCredentialsResponse, ActingResponse, StructureSummary } from '@pointage/contracts';
import { isValidTimeZone } from '@pointage/domain';
import { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../database/driver-errors';
import { AuditService } from '../audit/audit.service';
import { Account, STAFF_REALM } from '../auth/entities/account.entity';
import { generatePassword, hashPassword } from '../auth/passwords';
import { TokenService } from '../auth/token.service';
import { Clock } from '../common/clock';
import { Database } from '../database/database.service';
import { seedReferenceLists } from '../settings/reference-seed';
import { CreateAdminDto, CreateStructureDto, UpdateStructureDto } from './dto/structure.dto';
import { Structure } from '../tenancy/entities/structure.entity';
import { TenantContext } from '../tenancy/tenant-context';
import { TenantTransaction } from '../tenancy/tenancy.service';
import { french } from '../common/errors';

/** "Ludothèque du Chemin Rouge" -> "ludotheque-du-chemin-rouge" */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/g, '');
  return slug || 'structure';
}

function toAdminSummary(a: Account): AdminAccountSummary {
  return { id: a.id, email: a.email, displayName: a.displayName, active: a.active, lastLoginAt: a.lastLoginAt?.toISOString() ?? null };
}

/**
 * Structures and their admin accounts: the super-admin's back office. Creating
 * a structure seeds its reference lists in the same transaction.
 */
@Injectable()
export class StructuresService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly tokens: TokenService,
    private readonly context: TenantContext,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<StructureSummary[]> {
    const structures = await this.db.manager.find(Structure, { order: { name: 'ASC' } });
    const admins = await this.db.manager.find(Account, { where: { role: 'admin' }, order: { email: 'ASC' } });
    return structures.map((s) =>
      this.toSummary(
        s,
        admins.filter((a) => a.structureId === s.id),
      ),
    );
  }

  private toSummary(s: Structure, admins: Account[]): StructureSummary {
    return {
      id: s.id,
      name: s.name,
      slug: s.slug,
      timeZone: s.timeZone,
      active: s.active,
      createdAt: s.createdAt.toISOString(),
      admins: admins.map(toAdminSummary),
    };
  }

  private async get(id: number, em: EntityManager = this.db.manager): Promise<Structure> {
    const s = await em.findOneBy(Structure, { id });
    if (!s) throw new NotFoundException(french('Structure introuvable.'));
    return s;
  }

  async summary(id: number): Promise<StructureSummary> {
    const s = await this.get(id);
    const admins = await this.db.manager.find(Account, { where: { role: 'admin', structureId: id }, order: { email: 'ASC' } });
    return this.toSummary(s, admins);
  }

  /** Creates a structure with its default reference lists (also used at first start). */
  async create(dto: CreateStructureDto, em?: EntityManager): Promise<Structure> {
    const timeZone = dto.timeZone ?? 'Europe/Paris';
    if (!isValidTimeZone(timeZone)) throw new BadRequestException(french(`Fuseau horaire inconnu : ${timeZone}.`));
    const work = async (tx: EntityManager) => {
      let slug = dto.slug ?? slugify(dto.name);
      if (await tx.existsBy(Structure, { slug })) {
        if (dto.slug) throw new ConflictException(french(`L'identifiant « ${slug} » est déjà utilisé par une autre structure.`));
        let n = 2;
        while (await tx.existsBy(Structure, { slug: `${slug}-${n}` })) n++;
        slug = `${slug}-${n}`;
      }
      const structure = await tx.save(
        Structure,
        tx.create(Structure, { name: dto.name, slug, timeZone, active: true, createdAt: this.clock.now() }),
      );
      await seedReferenceLists(new TenantTransaction(tx, structure.id));
      await this.audit.record(tx, {
        action: 'structure.created',
        targetType: 'structure',
        targetId: structure.id,
        structureId: structure.id,
      });
      return structure;
    };
    try {
      return em ? await work(em) : await this.db.transaction(work);
    } catch (e) {
      if (isUniqueViolation(e)) throw new ConflictException(french('Une structure avec cet identifiant existe déjà.'));
      throw e;
    }
  }

  async update(id: number, dto: UpdateStructureDto): Promise<StructureSummary> {
    if (dto.timeZone !== undefined && !isValidTimeZone(dto.timeZone))
      throw new BadRequestException(french(`Fuseau horaire inconnu : ${dto.timeZone}.`));
    await this.db.transaction(async (em) => {
      const s = await this.get(id, em);
      const changes: Record<string, unknown> = {};
      if (dto.name !== undefined && dto.name !== s.name) changes['name'] = dto.name;
      if (dto.active !== undefined && dto.active !== s.active) changes['active'] = dto.active;
      if (dto.timeZone !== undefined && dto.timeZone !== s.timeZone) changes['timeZone'] = dto.timeZone;
      if (Object.keys(changes).length === 0) return;
      await em.update(Structure, { id }, changes);
      await this.audit.record(em, {
        action: 'structure.updated',
        targetType: 'structure',
        targetId: id,
        structureId: id,
        details: changes,
      });
    });
    return this.summary(id);
  }

  /** Creates an admin account for a structure with a random password, returned once. */
  async createAdmin(structureId: number, dto: CreateAdminDto): Promise<AdminCredentialsResponse> {
    const structure = await this.get(structureId);
    const password = generatePassword();
    const passwordHash = await hashPassword(password);
    try {
      const account = await this.db.transaction(async (em) => {
        if (await em.existsBy(Account, { realm: STAFF_REALM, email: dto.email })) {
          throw new ConflictException(french('Cette adresse e-mail est déjà utilisée par un autre compte.'));
        }
        const now = this.clock.now();
        const created = await em.save(
          Account,
          em.create(Account, {
            role: 'admin',
            email: dto.email,
            realm: STAFF_REALM,
            passwordHash,
            displayName: dto.displayName ?? `Équipe ${structure.name}`,
            structureId,
            familyId: null,
            tokenVersion: 0,
            active: true,
            createdAt: now,
            passwordChangedAt: now,
            lastLoginAt: null,
          }),
        );
        await this.audit.record(em, { action: 'admin.created', targetType: 'account', targetId: created.id, structureId });
        return created;
      });
      return { account: toAdminSummary(account), password };
    } catch (e) {
      if (isUniqueViolation(e)) throw new ConflictException(french('Cette adresse e-mail est déjà utilisée par un autre compte.'));
      throw e;
    }
  }

  /** New random password for an admin account (shown once); its sessions stop working. */
  async resetAdminPassword(accountId: number): Promise<AdminCredentialsResponse> {
    const account = await this.db.manager.findOneBy(Account, { id: accountId, role: 'admin' });
    if (!account) throw new NotFoundException(french('Compte administrateur introuvable.'));
    const password = generatePassword();
    const passwordHash = await hashPassword(password);
    await this.db.transaction(async (em) => {
      await em.increment(Account, { id: accountId }, 'tokenVersion', 1);
      await em.update(Account, { id: accountId }, { passwordHash, passwordChangedAt: this.clock.now() });
      await this.audit.record(em, {
        action: 'admin.password_reset',
        targetType: 'account',
        targetId: accountId,
        structureId: account.structureId,
      });
    });
    return { account: toAdminSummary(account), password };
  }

  /** A token with which the super-admin acts as the admin of a structure (audited at start and end). */
  async actAsAdmin(structureId: number): Promise<ActingResponse> {
    const principal = this.context.principal();
    const structure = await this.get(structureId);
    const account = await this.db.manager.findOneByOrFail(Account, { id: principal.accountId });
    const actingAs = `administrateur de ${structure.name}`;
    await this.audit.recordAlone({
      action: 'acting.start',
      targetType: 'structure',
      targetId: structure.id,
      structureId: structure.id,
      details: { as: 'admin' },
    });
    return this.tokens.issue(
      {
        accountId: account.id,
        accountRole: account.role,
        login: account.email,
        displayName: account.displayName,
        role: 'admin',
        structureId: structure.id,
        structureName: structure.name,
        familyId: null,
        acting: true,
        actingAs,
      },
      account.tokenVersion,
    );
  }
}

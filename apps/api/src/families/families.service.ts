import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import {
  CreateFamilyResponse,
  DuplicateMatch,
  FamilyAttendanceRow,
  FAMILY_DELETE_REFUSED,
  FamilyDetail,
  FamilyPage,
  MemberDto,
  MemberSummary,
  Page,
  type ApiErrorCode,
} from '@pointage/contracts';
import { ageAt, latestBirthForAge, searchKey, zonedParts } from '@pointage/domain';
import { EntityManager, In, IsNull, MoreThanOrEqual } from 'typeorm';
import { Attendance } from '../attendance/entities/attendance.entity';
import { AuditService } from '../audit/audit.service';
import { AuditEntry } from '../audit/entities/audit-entry.entity';
import { Account, familyRealm } from '../auth/entities/account.entity';
import { PasswordResetToken } from '../auth/entities/password-reset-token.entity';
import { assertPasswordAcceptable, generatePassword, hashPassword } from '../auth/passwords';
import { Clock } from '../common/clock';
import { Database } from '../database/database.service';
import { AppSettingsService } from '../settings/app-settings.service';
import { RefItem } from '../settings/entities/ref-item.entity';
import { Slot } from '../slots/entities/slot.entity';
import { Structure } from '../tenancy/entities/structure.entity';
import { isUniqueViolation } from '../database/driver-errors';
import { Tenancy, TenantTransaction } from '../tenancy/tenancy.service';
import {
  AdminMemberInputDto,
  AdminUpdateMemberDto,
  CreateFamilyDto,
  DuplicateCheckDto,
  FamilyQueryDto,
  LoginInputDto,
  MemberInputDto,
  MemberQueryDto,
  PageQueryDto,
  StatsChangeMode,
  UpdateFamilyDto,
  UpdateMemberDto,
} from './dto/family.dto';
import { Family } from './entities/family.entity';
import { Member } from './entities/member.entity';
import { exportHtml, exportJson, FamilyExportData } from './family-export';
import { assertNoDuplicates, findDuplicates } from './family-duplicates';
import { rawInstant, rawLocalDate } from '../database/raw-values';
import { checkBirthDate, checkReferences, checkRegistrationDate, STAT_FIELDS, StatField } from './member-rules';

const FAMILY_NOT_FOUND = 'Famille introuvable.';
const MEMBER_NOT_FOUND = 'Membre introuvable.';
import { EMAIL_TAKEN } from './email-taken';
import { french } from '../common/errors';
const ANONYMISED = 'Cette famille a été anonymisée : elle ne peut plus être modifiée.';
const ANONYMISED_STAYS_ARCHIVED = 'Cette famille a été anonymisée : elle reste archivée et ne peut pas être désarchivée.';
const STATS_CHANGE_NEEDED =
  "Précisez s'il s'agit d'une correction (les présences passées sont corrigées) ou d'un changement à partir d'aujourd'hui (les présences passées gardent l'ancienne valeur).";
const FAMILY_NO_CORRECTION =
  "Seule l'équipe de la ludothèque peut corriger les présences passées : une modification faite par la famille s'applique à partir d'aujourd'hui.";

/** LIKE pattern with `!` as escape character (the same on SQLite and MariaDB). */
export function likePattern(search: string): string {
  return `%${searchKey(search).replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

export interface MemberWrite {
  input: MemberInputDto | AdminMemberInputDto;
  registeredOn?: string;
}

/**
 * Families and members of the caller's structure. Everything goes through the
 * tenancy scope; a family session only ever reaches its own family.
 */
@Injectable()
export class FamiliesService {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly appSettings: AppSettingsService,
  ) {}

  private async timeZone(em: EntityManager, structureId: number): Promise<string> {
    return (await em.findOneByOrFail(Structure, { id: structureId })).timeZone;
  }

  // ---------------------------------------------------------------- reading

  async list(q: FamilyQueryDto): Promise<FamilyPage> {
    const base = () =>
      this.tenancy.repo(Family).query('f', (qb) => {
        if (q.search) {
          qb.andWhere(
            "(f.searchName LIKE :q ESCAPE '!' OR EXISTS (SELECT 1 FROM member m WHERE m.family_id = f.id AND m.search_name LIKE :q ESCAPE '!'))",
            { q: likePattern(q.search) },
          );
        }
        if (q.archived !== 'all') qb.andWhere('f.archived = :archived', { archived: q.archived === 'true' });
        return qb;
      });
    const total = await base().getCount();
    const order = q.order === 'desc' ? 'DESC' : 'ASC';
    const sortExpr = q.sort === 'createdAt' ? 'f.created_at' : q.sort === 'memberCount' ? 'member_count' : 'f.search_name';
    const rows: { id: number }[] = await base()
      .select('f.id', 'id')
      .addSelect('(SELECT COUNT(*) FROM member mc WHERE mc.family_id = f.id AND mc.archived = 0)', 'member_count')
      .addSelect('f.search_name', 'search_name')
      .addSelect('f.created_at', 'created_at')
      .orderBy(sortExpr, order)
      .addOrderBy('f.id', 'ASC')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getRawMany();
    const ids = rows.map((r) => Number(r.id));
    const families = ids.length ? await this.tenancy.repo(Family).find({ where: { id: In(ids) }, relations: { members: true } }) : [];
    const accounts = ids.length ? await this.familyAccounts(this.db.manager, ids) : [];
    const byId = new Map(families.map((f) => [f.id, f]));
    const items = ids
      .map((id) => byId.get(id))
      .filter((f): f is Family => !!f)
      .map((f) => {
        const active = (f.members ?? []).filter((m) => !m.archived).sort((a, b) => a.id - b.id);
        return {
          id: f.id,
          name: f.name,
          email: accounts.find((a) => a.familyId === f.id && a.memberId === null)?.email ?? null,
          memberCount: active.length,
          memberNames: active.map((m) => m.firstName).join(', '),
          archived: f.archived,
          anonymised: f.anonymisedAt !== null,
          createdAt: f.createdAt.toISOString(),
        };
      });
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  /**
   * The members table: search, filters (status, city, age today) and sort
   * applied in SQL on the structure's members, labels joined from the lists.
   */
  async members(q: MemberQueryDto): Promise<Page<MemberSummary>> {
    if (q.ageMin !== undefined && q.ageMax !== undefined && q.ageMin > q.ageMax) {
      throw new BadRequestException(french("L'âge minimum doit être inférieur ou égal à l'âge maximum."));
    }
    const structure = await this.db.manager.findOneByOrFail(Structure, { id: this.tenancy.structureId() });
    const today = zonedParts(this.clock.now(), structure.timeZone).date;
    const order = q.order === 'desc' ? 'DESC' : 'ASC';
    const sorts: Record<MemberQueryDto['sort'], [string, 'ASC' | 'DESC']> = {
      lastName: ['m.search_name', order],
      firstName: ['m.first_name', order],
      birthDate: ['m.birth_date', order],
      // Youngest first when ascending by age: latest birth dates first.
      age: ['m.birth_date', order === 'ASC' ? 'DESC' : 'ASC'],
      familyName: ['f.search_name', order],
      sex: ['sx.label', order],
      status: ['st.label', order],
      city: ['ci.label', order],
      minima: ['mi.label', order],
      qf: ['qf.position', order],
      registeredOn: ['m.registered_on', order],
    };
    const [sortExpr, sortOrder] = sorts[q.sort];
    const qb = this.tenancy.repo(Member).query('m', (b) => {
      b.innerJoin('m.family', 'f')
        .innerJoin('m.sex', 'sx')
        .innerJoin('m.status', 'st')
        .innerJoin('m.city', 'ci')
        .innerJoin('m.minima', 'mi')
        .innerJoin('m.qf', 'qf');
      if (q.search) b.andWhere("m.searchName LIKE :q ESCAPE '!'", { q: likePattern(q.search) });
      if (q.archived !== 'all') b.andWhere('m.archived = :archived', { archived: q.archived === 'true' });
      if (q.statusId !== undefined) b.andWhere('m.statusId = :statusId', { statusId: q.statusId });
      if (q.cityId !== undefined) b.andWhere('m.cityId = :cityId', { cityId: q.cityId });
      if (q.ageMin !== undefined) b.andWhere('m.birthDate <= :bornBy', { bornBy: latestBirthForAge(today, q.ageMin) });
      if (q.ageMax !== undefined) b.andWhere('m.birthDate > :bornAfter', { bornAfter: latestBirthForAge(today, q.ageMax + 1) });
      return b;
    });
    const total = await qb.clone().getCount();
    const rows = await qb
      .select([
        'm.id AS id',
        'm.family_id AS family_id',
        'f.name AS family_name',
        'm.last_name AS last_name',
        'm.first_name AS first_name',
        'm.birth_date AS birth_date',
        'm.registered_on AS registered_on',
        'm.archived AS archived',
        'sx.label AS sex',
        'st.label AS status',
        'ci.label AS city',
        'mi.label AS minima',
        'qf.label AS qf',
      ])
      .orderBy(sortExpr, sortOrder)
      .addOrderBy('m.search_name', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getRawMany<Record<string, unknown>>();
    return {
      items: rows.map((r) => {
        const birthDate = rawLocalDate(r['birth_date']);
        return {
          id: Number(r['id']),
          familyId: Number(r['family_id']),
          familyName: String(r['family_name']),
          lastName: String(r['last_name']),
          firstName: String(r['first_name']),
          birthDate,
          age: ageAt(birthDate, today),
          sex: String(r['sex']),
          status: String(r['status']),
          city: String(r['city']),
          minima: String(r['minima']),
          qf: String(r['qf']),
          registeredOn: rawLocalDate(r['registered_on']),
          archived: Boolean(Number(r['archived'])),
        };
      }),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  private familyAccounts(em: EntityManager, familyIds: number[]): Promise<Account[]> {
    return em.find(Account, { where: { structureId: this.tenancy.structureId(), role: 'family', familyId: In(familyIds) } });
  }

  async detail(
    familyId: number,
    options: { includeArchived: boolean } = { includeArchived: true },
    em?: EntityManager,
  ): Promise<FamilyDetail> {
    const tx = em ? new TenantTransaction(em, this.tenancy.structureId()) : null;
    const families = tx ? tx.repo(Family) : this.tenancy.repo(Family);
    const family = await families.get(familyId, FAMILY_NOT_FOUND, { relations: { members: true } });
    const manager = em ?? this.db.manager;
    const accounts = await this.familyAccounts(manager, [familyId]);
    const attendance = tx ? tx.repo(Attendance) : this.tenancy.repo(Attendance);
    const counts: { member_id: number; n: number }[] = await attendance
      .query('a', (qb) =>
        qb
          .select('a.member_id', 'member_id')
          .addSelect('COUNT(*)', 'n')
          .where('a.familyId = :fid', { fid: familyId })
          .groupBy('a.member_id'),
      )
      .getRawMany();
    const withAttendance = new Set(counts.filter((c) => Number(c.n) > 0).map((c) => Number(c.member_id)));
    const members = (family.members ?? [])
      .filter((m) => options.includeArchived || !m.archived)
      .sort((a, b) => a.id - b.id)
      .map((m) => this.toMemberDto(m, accounts, withAttendance));
    return {
      id: family.id,
      name: family.name,
      email: accounts.find((a) => a.memberId === null)?.email ?? null,
      qfId: family.qfId,
      minimaId: family.minimaId,
      archived: family.archived,
      anonymised: family.anonymisedAt !== null,
      createdAt: family.createdAt.toISOString(),
      members,
      hasAttendance: withAttendance.size > 0,
    };
  }

  private toMemberDto(m: Member, accounts: Account[], withAttendance: Set<number>): MemberDto {
    return {
      id: m.id,
      familyId: m.familyId,
      lastName: m.lastName,
      firstName: m.firstName,
      sexId: m.sexId,
      birthDate: m.birthDate,
      cityId: m.cityId,
      statusId: m.statusId,
      minimaId: m.minimaId,
      qfId: m.qfId,
      avatar: m.avatar,
      registeredOn: m.registeredOn,
      archived: m.archived,
      login: accounts.find((a) => a.memberId === m.id)?.email ?? null,
      hasAttendance: withAttendance.has(m.id),
    };
  }

  private async memberDto(memberId: number): Promise<MemberDto> {
    const member = await this.tenancy.repo(Member).get(memberId, MEMBER_NOT_FOUND);
    const detail = await this.detail(member.familyId);
    return detail.members.find((m) => m.id === memberId) as MemberDto;
  }

  // ---------------------------------------------------------------- writing

  private async createAccount(
    tx: TenantTransaction,
    familyId: number,
    memberId: number | null,
    email: string,
    passwordHash: string,
    displayName: string,
  ): Promise<Account> {
    const realm = familyRealm(tx.structureId);
    if (await tx.em.existsBy(Account, { realm, email })) throw new ConflictException(french(EMAIL_TAKEN));
    const now = this.clock.now();
    return tx.em.save(
      Account,
      tx.em.create(Account, {
        role: 'family',
        email,
        realm,
        passwordHash,
        displayName,
        structureId: tx.structureId,
        familyId,
        memberId,
        tokenVersion: 0,
        active: true,
        createdAt: now,
        passwordChangedAt: now,
        lastLoginAt: null,
      }),
    );
  }

  /** Validates and inserts a member; its own login (adults only) if asked. */
  private async insertMember(
    tx: TenantTransaction,
    family: Family,
    write: MemberWrite,
    timeZone: string,
    loginHash: string | null,
  ): Promise<Member> {
    const { input } = write;
    checkBirthDate(input.birthDate, timeZone, this.clock.now());
    if (write.registeredOn) checkRegistrationDate(write.registeredOn, timeZone, this.clock.now());
    const refs = await checkReferences(tx.repo(RefItem), input);
    const now = this.clock.now();
    const member = await tx.repo(Member).insert({
      familyId: family.id,
      lastName: input.lastName,
      firstName: input.firstName,
      searchName: searchKey(`${input.lastName} ${input.firstName}`),
      sexId: input.sexId,
      birthDate: input.birthDate,
      cityId: input.cityId,
      statusId: input.statusId,
      minimaId: input.minimaId,
      qfId: input.qfId,
      avatar: input.avatar ?? null,
      registeredOn: write.registeredOn ?? zonedParts(this.clock.now(), timeZone).date,
      archived: false,
      createdAt: now,
      updatedAt: now,
    });
    if (input.login) {
      if (refs.get(input.statusId)?.isChild)
        throw new BadRequestException(french('Seul un membre adulte peut avoir son propre identifiant.'));
      if (!loginHash) throw new BadRequestException(french('Indiquez le mot de passe du nouvel identifiant.'));
      await this.createAccount(tx, family.id, member.id, input.login.email, loginHash, `${input.firstName} ${input.lastName}`);
    }
    return member;
  }

  /** Hashes passwords before the transaction (argon2 is slow; the SQLite write queue must not wait for it). */
  private async loginHash(login: LoginInputDto | null | undefined): Promise<string | null> {
    if (!login?.password) return null;
    assertPasswordAcceptable(login.password, login.email);
    return hashPassword(login.password);
  }

  async create(dto: CreateFamilyDto): Promise<CreateFamilyResponse> {
    const generated = dto.password ? null : generatePassword();
    const password = dto.password ?? (generated as string);
    assertPasswordAcceptable(password, dto.email);
    const familyHash = await hashPassword(password);
    const memberHashes = await Promise.all(dto.members.map((m) => this.loginHash(m.login)));
    const id = await this.guardUnique(() =>
      this.tenancy.transaction(async (tx) => {
        const family = await this.insertFamily(tx, dto);
        await this.createAccount(tx, family.id, null, dto.email, familyHash, `Famille ${dto.name}`);
        const timeZone = await this.timeZone(tx.em, tx.structureId);
        for (const [i, m] of dto.members.entries()) {
          await this.insertMember(tx, family, { input: m, registeredOn: m.registeredOn }, timeZone, memberHashes[i]);
        }
        await assertNoDuplicates(tx, family.id, dto.members, dto.confirmDuplicates, 'admin');
        await this.audit.record(tx.em, {
          action: 'family.created',
          targetType: 'family',
          targetId: family.id,
          details: { members: dto.members.length },
        });
        return family.id;
      }),
    );
    return { family: await this.detail(id), password: generated };
  }

  /** Kiosk registration: the structure is the kiosk's; returns the new family's id and account. */
  async register(
    structureId: number,
    dto: {
      name: string;
      email: string;
      password: string;
      qfId: number;
      minimaId: number;
      members: MemberInputDto[];
      confirmDuplicates?: boolean;
    },
  ): Promise<Account> {
    assertPasswordAcceptable(dto.password, dto.email);
    const familyHash = await hashPassword(dto.password);
    const memberHashes = await Promise.all(dto.members.map((m) => this.loginHash(m.login)));
    return this.guardUnique(() =>
      this.tenancy.systemTransaction(structureId, async (tx) => {
        const family = await this.insertFamily(tx, dto);
        const account = await this.createAccount(tx, family.id, null, dto.email, familyHash, `Famille ${dto.name}`);
        const timeZone = await this.timeZone(tx.em, tx.structureId);
        for (const [i, m] of dto.members.entries()) await this.insertMember(tx, family, { input: m }, timeZone, memberHashes[i]);
        await assertNoDuplicates(tx, family.id, dto.members, dto.confirmDuplicates, 'kiosk');
        await this.audit.record(tx.em, {
          action: 'family.registered',
          targetType: 'family',
          targetId: family.id,
          structureId,
          actor: { accountId: account.id, label: account.email, role: 'family' },
          details: { members: dto.members.length },
        });
        return account;
      }),
    );
  }

  private async insertFamily(tx: TenantTransaction, dto: { name: string; qfId: number; minimaId: number }): Promise<Family> {
    await checkReferences(tx.repo(RefItem), { qfId: dto.qfId, minimaId: dto.minimaId });
    const now = this.clock.now();
    return tx.repo(Family).insert({
      name: dto.name,
      searchName: searchKey(dto.name),
      qfId: dto.qfId,
      minimaId: dto.minimaId,
      archived: false,
      anonymisedAt: null,
      createdAt: now,
      updatedAt: now,
    });
  }

  private async guardUnique<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      if (isUniqueViolation(e)) throw new ConflictException(french(EMAIL_TAKEN));
      throw e;
    }
  }

  private async mutableFamily(tx: TenantTransaction, familyId: number): Promise<Family> {
    const family = await tx.repo(Family).get(familyId, FAMILY_NOT_FOUND);
    if (family.anonymisedAt) throw new ConflictException(french(ANONYMISED));
    return family;
  }

  /**
   * Applies changed statistical attributes to the attendance snapshots of a
   * member: all of them for a correction, those of today's and later slots for
   * a change from today. Without changes nothing is asked.
   */
  private async applyStatsChange(
    tx: TenantTransaction,
    memberId: number,
    changed: Partial<Record<StatField, number>>,
    mode: StatsChangeMode | undefined,
    timeZone: string,
  ): Promise<void> {
    if (Object.keys(changed).length === 0) return;
    const attendance = tx.repo(Attendance);
    if (!(await attendance.exists({ memberId }))) return;
    // The code, not the wording, tells the web app to ask « correction ou changement ? ».
    if (!mode) throw new BadRequestException(french(STATS_CHANGE_NEEDED, { code: 'stats-change-needed' satisfies ApiErrorCode }));
    if (mode === 'correction') {
      await attendance.update({ memberId }, changed);
      return;
    }
    const today = zonedParts(this.clock.now(), timeZone).date;
    const slotIds = (await tx.repo(Slot).find({ where: { date: MoreThanOrEqual(today) }, select: { id: true } })).map((s) => s.id);
    if (slotIds.length) await attendance.update({ memberId, slotId: In(slotIds) }, changed);
  }

  async update(familyId: number, dto: UpdateFamilyDto): Promise<FamilyDetail> {
    await this.guardUnique(() =>
      this.tenancy.transaction(async (tx) => {
        const family = await this.mutableFamily(tx, familyId);
        const household: Partial<Record<'qfId' | 'minimaId', number>> = {};
        if (dto.qfId !== undefined && dto.qfId !== family.qfId) household.qfId = dto.qfId;
        if (dto.minimaId !== undefined && dto.minimaId !== family.minimaId) household.minimaId = dto.minimaId;
        await checkReferences(tx.repo(RefItem), household, { qfId: family.qfId, minimaId: family.minimaId });
        const changes: Partial<Family> = { updatedAt: this.clock.now() };
        if (dto.name !== undefined) Object.assign(changes, { name: dto.name, searchName: searchKey(dto.name) });
        Object.assign(changes, household);
        await tx.repo(Family).update({ id: familyId }, changes);
        if (Object.keys(household).length) {
          const timeZone = await this.timeZone(tx.em, tx.structureId);
          const members = await tx.repo(Member).findBy({ familyId });
          for (const m of members) {
            const changed: Partial<Record<StatField, number>> = {};
            for (const [k, v] of Object.entries(household) as [StatField, number][]) if (m[k] !== v) changed[k] = v;
            if (!Object.keys(changed).length) continue;
            await tx.repo(Member).update({ id: m.id }, { ...changed, updatedAt: this.clock.now() });
            await this.applyStatsChange(tx, m.id, changed, dto.statsChange, timeZone);
          }
        }
        if (dto.email !== undefined) {
          const account = await tx.em.findOneBy(Account, { structureId: tx.structureId, familyId, memberId: IsNull(), role: 'family' });
          if (account && account.email !== dto.email) {
            if (await tx.em.existsBy(Account, { realm: familyRealm(tx.structureId), email: dto.email }))
              throw new ConflictException(french(EMAIL_TAKEN));
            await tx.em.update(Account, { id: account.id }, { email: dto.email });
          }
        }
        await this.audit.record(tx.em, {
          action: 'family.updated',
          targetType: 'family',
          targetId: familyId,
          details: { fields: Object.keys(dto) },
        });
      }),
    );
    return this.detail(familyId);
  }

  async setPassword(familyId: number, password: string | undefined): Promise<{ password: string | null }> {
    const generated = password ? null : generatePassword();
    const account = await this.db.manager.findOneBy(Account, {
      structureId: this.tenancy.structureId(),
      familyId,
      memberId: IsNull(),
      role: 'family',
    });
    if (!account) throw new NotFoundException(french(FAMILY_NOT_FOUND));
    const chosen = password ?? (generated as string);
    assertPasswordAcceptable(chosen, account.email);
    const passwordHash = await hashPassword(chosen);
    await this.tenancy.transaction(async (tx) => {
      await this.mutableFamily(tx, familyId);
      await tx.em.increment(Account, { id: account.id }, 'tokenVersion', 1);
      await tx.em.update(Account, { id: account.id }, { passwordHash, passwordChangedAt: this.clock.now() });
      await this.audit.record(tx.em, { action: 'family.password_set', targetType: 'family', targetId: familyId });
    });
    return { password: generated };
  }

  async setArchived(familyId: number, archived: boolean): Promise<FamilyDetail> {
    await this.tenancy.transaction(async (tx) => {
      const family = await tx.repo(Family).get(familyId, FAMILY_NOT_FOUND);
      // An anonymised family stays archived: it has no identity left to come back with.
      if (!archived && family.anonymisedAt) throw new ConflictException(french(ANONYMISED_STAYS_ARCHIVED));
      await tx.repo(Family).update({ id: familyId }, { archived, updatedAt: this.clock.now() });
      // An archived family leaves the kiosk: its open sessions end.
      if (archived) await tx.em.increment(Account, { structureId: tx.structureId, familyId }, 'tokenVersion', 1);
      await this.audit.record(tx.em, {
        action: archived ? 'family.archived' : 'family.unarchived',
        targetType: 'family',
        targetId: familyId,
      });
    });
    return this.detail(familyId);
  }

  async remove(familyId: number): Promise<void> {
    await this.tenancy.transaction(async (tx) => {
      await tx.repo(Family).get(familyId, FAMILY_NOT_FOUND);
      if (await tx.repo(Attendance).exists({ familyId })) throw new ConflictException(french(FAMILY_DELETE_REFUSED));
      await this.deleteAccounts(tx, { familyId });
      await tx.repo(Member).delete({ familyId });
      await tx.repo(Family).delete({ id: familyId });
      await this.audit.record(tx.em, { action: 'family.deleted', targetType: 'family', targetId: familyId });
    });
  }

  private async deleteAccounts(tx: TenantTransaction, where: { familyId?: number; memberId?: number }): Promise<Account[]> {
    const accounts = await tx.em.findBy(Account, { structureId: tx.structureId, role: 'family', ...where });
    if (accounts.length) {
      const ids = accounts.map((a) => a.id);
      await tx.em.delete(PasswordResetToken, { accountId: In(ids) });
      await tx.em.delete(Account, { id: In(ids) });
    }
    return accounts;
  }

  // ---------------------------------------------------------------- members

  async addMember(familyId: number, input: AdminMemberInputDto, byFamily: boolean): Promise<MemberDto> {
    const hash = await this.loginHash(input.login);
    const memberId = await this.guardUnique(() =>
      this.tenancy.transaction(async (tx) => {
        const family = await this.mutableFamily(tx, familyId);
        if (byFamily && family.archived) throw new ForbiddenException(french('Cette famille est archivée.'));
        const timeZone = await this.timeZone(tx.em, tx.structureId);
        const member = await this.insertMember(
          tx,
          family,
          { input, registeredOn: byFamily ? undefined : input.registeredOn },
          timeZone,
          hash,
        );
        await this.audit.record(tx.em, { action: 'member.created', targetType: 'member', targetId: member.id, details: { familyId } });
        return member.id;
      }),
    );
    return this.memberDto(memberId);
  }

  /**
   * `familyId` set when a family edits its own member: another family's member
   * is not found, and a change of statistical attributes always applies from
   * today (only the structure's team may rewrite past attendance).
   */
  async updateMember(memberId: number, dto: AdminUpdateMemberDto | UpdateMemberDto, familyId?: number): Promise<MemberDto> {
    if (familyId !== undefined && dto.statsChange === 'correction') throw new ForbiddenException(french(FAMILY_NO_CORRECTION));
    const statsChange: StatsChangeMode | undefined = familyId !== undefined ? 'from-today' : dto.statsChange;
    const hash = await this.loginHash(dto.login);
    await this.guardUnique(() =>
      this.tenancy.transaction(async (tx) => {
        const member = await tx.repo(Member).findOneBy(familyId !== undefined ? { id: memberId, familyId } : { id: memberId });
        if (!member) throw new NotFoundException(french(MEMBER_NOT_FOUND));
        const family = await this.mutableFamily(tx, member.familyId);
        if (familyId !== undefined && member.archived) throw new NotFoundException(french(MEMBER_NOT_FOUND));
        const timeZone = await this.timeZone(tx.em, tx.structureId);
        if (dto.birthDate !== undefined) checkBirthDate(dto.birthDate, timeZone, this.clock.now());
        const registeredOn = 'registeredOn' in dto ? dto.registeredOn : undefined;
        if (registeredOn !== undefined) checkRegistrationDate(registeredOn, timeZone, this.clock.now());
        const stats: Partial<Record<StatField, number>> = {};
        for (const f of STAT_FIELDS) if (dto[f] !== undefined) stats[f] = dto[f];
        const refs = await checkReferences(tx.repo(RefItem), stats, member);
        const changed: Partial<Record<StatField, number>> = {};
        for (const f of STAT_FIELDS) if (stats[f] !== undefined && stats[f] !== member[f]) changed[f] = stats[f];

        const lastName = dto.lastName ?? member.lastName;
        const firstName = dto.firstName ?? member.firstName;
        await tx.repo(Member).update(
          { id: memberId },
          {
            lastName,
            firstName,
            searchName: searchKey(`${lastName} ${firstName}`),
            ...changed,
            ...(dto.birthDate !== undefined ? { birthDate: dto.birthDate } : {}),
            ...(dto.avatar !== undefined ? { avatar: dto.avatar } : {}),
            ...(registeredOn !== undefined ? { registeredOn } : {}),
            updatedAt: this.clock.now(),
          },
        );
        await this.applyStatsChange(tx, memberId, changed, statsChange, timeZone);

        if (dto.login !== undefined) {
          const existing = await tx.em.findOneBy(Account, { structureId: tx.structureId, memberId, role: 'family' });
          if (dto.login === null) {
            if (existing) await this.deleteAccounts(tx, { memberId });
          } else {
            const statusId = changed.statusId ?? member.statusId;
            const status = refs.get(statusId) ?? (await tx.repo(RefItem).findOneBy({ id: statusId }));
            if (status?.isChild) throw new BadRequestException(french('Seul un membre adulte peut avoir son propre identifiant.'));
            if (existing) {
              if (existing.email !== dto.login.email) {
                if (await tx.em.existsBy(Account, { realm: familyRealm(tx.structureId), email: dto.login.email }))
                  throw new ConflictException(french(EMAIL_TAKEN));
              }
              await tx.em.update(
                Account,
                { id: existing.id },
                { email: dto.login.email, ...(hash ? { passwordHash: hash, passwordChangedAt: this.clock.now() } : {}) },
              );
              if (hash) await tx.em.increment(Account, { id: existing.id }, 'tokenVersion', 1);
            } else {
              if (!hash) throw new BadRequestException(french('Indiquez le mot de passe du nouvel identifiant.'));
              await this.createAccount(tx, family.id, memberId, dto.login.email, hash, `${firstName} ${lastName}`);
            }
          }
        }
        await this.audit.record(tx.em, {
          action: 'member.updated',
          targetType: 'member',
          targetId: memberId,
          details: {
            fields: Object.keys(dto).filter((k) => k !== 'login'),
            statsChange: Object.keys(changed).length ? (statsChange ?? null) : null,
          },
        });
      }),
    );
    return this.memberDto(memberId);
  }

  async setMemberArchived(memberId: number, archived: boolean): Promise<MemberDto> {
    await this.tenancy.transaction(async (tx) => {
      const member = await tx.repo(Member).get(memberId, MEMBER_NOT_FOUND);
      await this.mutableFamily(tx, member.familyId);
      await tx.repo(Member).update({ id: memberId }, { archived, updatedAt: this.clock.now() });
      await this.audit.record(tx.em, {
        action: archived ? 'member.archived' : 'member.unarchived',
        targetType: 'member',
        targetId: memberId,
      });
    });
    return this.memberDto(memberId);
  }

  async removeMember(memberId: number): Promise<void> {
    await this.tenancy.transaction(async (tx) => {
      await tx.repo(Member).get(memberId, MEMBER_NOT_FOUND);
      if (await tx.repo(Attendance).exists({ memberId })) throw new ConflictException(french(FAMILY_DELETE_REFUSED));
      await this.deleteAccounts(tx, { memberId });
      await tx.repo(Member).delete({ id: memberId });
      await this.audit.record(tx.em, { action: 'member.deleted', targetType: 'member', targetId: memberId });
    });
  }

  // ---------------------------------------------------------------- GDPR

  /** Everything stored about a family, for its right of access (audited). */
  async export(familyId: number): Promise<Record<string, unknown>> {
    return exportJson(await this.gatherExport(familyId, 'json'));
  }

  /** The same data as a readable, printable French HTML page (audited). */
  async exportHtml(familyId: number): Promise<string> {
    return exportHtml(await this.gatherExport(familyId, 'html'));
  }

  private async gatherExport(familyId: number, format: 'json' | 'html'): Promise<FamilyExportData> {
    const detail = await this.detail(familyId);
    const structure = await this.db.manager.findOneByOrFail(Structure, { id: this.tenancy.structureId() });
    const refs = new Map((await this.tenancy.repo(RefItem).find()).map((r) => [r.id, r.label]));
    const label = (id: number) => refs.get(id) ?? String(id);
    const attendance = await this.tenancy
      .repo(Attendance)
      .find({ where: { familyId }, relations: { slot: true }, order: { arrivedAt: 'ASC' } });
    const memberIds = detail.members.map((m) => String(m.id));
    const accounts = await this.familyAccounts(this.db.manager, [familyId]);
    const auditRows = await this.db.manager
      .createQueryBuilder(AuditEntry, 'a')
      .where('a.structureId = :sid', { sid: structure.id })
      .andWhere(
        "((a.targetType = 'family' AND a.targetId = :fid) OR (a.targetType = 'member' AND a.targetId IN (:...mids)) OR a.actorAccountId IN (:...aids))",
        { fid: String(familyId), mids: memberIds.length ? memberIds : ['-'], aids: accounts.length ? accounts.map((a) => a.id) : [-1] },
      )
      .orderBy('a.at', 'ASC')
      .getMany();
    await this.db.transaction((em) =>
      this.audit.record(em, { action: 'family.exported', targetType: 'family', targetId: familyId, details: { format } }),
    );
    const footerText = format === 'html' ? (await this.appSettings.publicSettings()).footerText : '';
    return { exportedAt: this.clock.now(), structure, detail, label, attendance, accounts, auditRows, footerText };
  }

  /**
   * Erases the identity of a family (names, e-mails and logins, birth dates
   * reduced to the year) and keeps its attendance and statistical attributes.
   * Irreversible; confirmed by typing the family's name; audited.
   */
  async anonymise(familyId: number, confirmName: string): Promise<FamilyDetail> {
    await this.tenancy.transaction(async (tx) => {
      const family = await this.mutableFamily(tx, familyId);
      if (searchKey(confirmName) !== family.searchName) {
        throw new BadRequestException(french(`Pour confirmer, tapez exactement le nom de la famille : « ${family.name} ».`));
      }
      await this.anonymiseIn(tx, familyId, {});
    });
    return this.detail(familyId);
  }

  /** The anonymisation itself, inside the caller's transaction (also used by the retention list). */
  async anonymiseIn(tx: TenantTransaction, familyId: number, details: Record<string, unknown>): Promise<void> {
    const now = this.clock.now();
    const members = await tx.repo(Member).find({ where: { familyId }, order: { id: 'ASC' } });
    for (const [i, m] of members.entries()) {
      await tx.repo(Member).update(
        { id: m.id },
        {
          lastName: 'Anonyme',
          firstName: `Membre ${i + 1}`,
          searchName: searchKey(`anonyme membre ${i + 1}`),
          birthDate: `${m.birthDate.slice(0, 4)}-01-01`,
          avatar: null,
          archived: true,
          updatedAt: now,
        },
      );
    }
    const removed = await this.deleteAccounts(tx, { familyId });
    // The audit trail keeps what happened, not who: e-mails of the family's logins are erased from it.
    if (removed.length) {
      await tx.em.update(AuditEntry, { actorAccountId: In(removed.map((a) => a.id)) }, { actorLabel: 'compte supprimé (anonymisation)' });
      await tx.em.update(
        AuditEntry,
        { structureId: tx.structureId, actorLabel: In(removed.map((a) => a.email)) },
        { actorLabel: 'compte supprimé (anonymisation)' },
      );
    }
    // Nor for whom the team acted: "famille DUPONT" in the trail becomes "famille anonymisée".
    const family = await tx.repo(Family).get(familyId, FAMILY_NOT_FOUND);
    await tx.em.update(AuditEntry, { structureId: tx.structureId, actingAs: `famille ${family.name}` }, { actingAs: 'famille anonymisée' });
    const anonymousName = `Famille anonymisée n° ${familyId}`;
    await tx
      .repo(Family)
      .update(
        { id: familyId },
        { name: anonymousName, searchName: searchKey(anonymousName), archived: true, anonymisedAt: now, updatedAt: now },
      );
    await this.audit.record(tx.em, {
      action: 'family.anonymised',
      targetType: 'family',
      targetId: familyId,
      details: { members: members.length, ...details },
    });
  }

  // ---------------------------------------------------------------- duplicates and history

  /** Members already registered with the name and birth date of the new ones (back office). */
  duplicates(dto: DuplicateCheckDto): Promise<DuplicateMatch[]> {
    return findDuplicates(this.tenancy.repo(Member), dto.members);
  }

  /** A family's attendance, newest first (slot date, start, arrival), paged in SQL. */
  async attendanceHistory(familyId: number, q: PageQueryDto): Promise<Page<FamilyAttendanceRow>> {
    await this.tenancy.repo(Family).get(familyId, FAMILY_NOT_FOUND);
    const base = () =>
      this.tenancy
        .repo(Attendance)
        .query('a', (qb) => qb.innerJoin('a.slot', 's').innerJoin('a.member', 'm').andWhere('a.familyId = :fid', { fid: familyId }));
    const total = await base().getCount();
    const rows = await base()
      .select([
        'a.id AS id',
        's.date AS date',
        's.start_minute AS start_minute',
        's.end_minute AS end_minute',
        'a.arrived_at AS arrived_at',
        'm.id AS member_id',
        'm.last_name AS last_name',
        'm.first_name AS first_name',
      ])
      .orderBy('s.date', 'DESC')
      .addOrderBy('s.start_minute', 'DESC')
      .addOrderBy('a.arrived_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getRawMany<Record<string, unknown>>();
    return {
      items: rows.map((r) => ({
        id: Number(r['id']),
        date: rawLocalDate(r['date']),
        startMinute: Number(r['start_minute']),
        endMinute: Number(r['end_minute']),
        arrivedAt: rawInstant(r['arrived_at']).toISOString(),
        memberId: Number(r['member_id']),
        lastName: String(r['last_name']),
        firstName: String(r['first_name']),
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}

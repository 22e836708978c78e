import { Injectable, NotFoundException } from '@nestjs/common';
import { RetentionAnonymiseResponse, RetentionPage, RetentionSettings } from '@pointage/contracts';
import { addYears, zonedParts, zonedToInstant } from '@pointage/domain';
import { In, SelectQueryBuilder } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { Database } from '../database/database.service';
import { Structure } from '../tenancy/entities/structure.entity';
import { Tenancy } from '../tenancy/tenancy.service';
import { PageQueryDto } from './dto/family.dto';
import { Family } from './entities/family.entity';
import { FamiliesService } from './families.service';
import { rawInstant, rawLocalDate, sqlInstant } from '../database/raw-values';
import { french } from '../common/errors';

/**
 * GDPR retention (decision 9). A family is inactive for N years when, with
 * cutoff = today (structure's time zone) minus N years, it is not anonymised,
 * none of its attendance is on a slot dated on or after the cutoff, and the
 * family, its members and its logins were neither created, changed nor used
 * (last login) since the cutoff's midnight. Listed for anonymisation; never
 * anonymised without an admin's explicit confirmation.
 */
@Injectable()
export class RetentionService {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly families: FamiliesService,
  ) {}

  private async structure(): Promise<Structure> {
    return this.db.manager.findOneByOrFail(Structure, { id: this.tenancy.structureId() });
  }

  private cutoff(structure: Structure): { date: string; instant: string } | null {
    if (structure.retentionYears <= 0) return null;
    const date = addYears(zonedParts(this.clock.now(), structure.timeZone).date, -structure.retentionYears);
    return { date, instant: sqlInstant(zonedToInstant(date, 0, structure.timeZone)) };
  }

  /** The inactive families, as conditions on the scoped family alias `f` (correlated subqueries keyed by f.id). */
  private inactive(qb: SelectQueryBuilder<Family>, cut: { date: string; instant: string }): SelectQueryBuilder<Family> {
    return qb
      .andWhere('f.anonymisedAt IS NULL')
      .andWhere('f.created_at < :cutInstant AND f.updated_at < :cutInstant', { cutInstant: cut.instant })
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM member rm WHERE rm.family_id = f.id AND (rm.updated_at >= :cutInstant OR rm.created_at >= :cutInstant))',
      )
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM attendance ra INNER JOIN slot rs ON rs.id = ra.slot_id WHERE ra.family_id = f.id AND rs.date >= :cutDate)',
        { cutDate: cut.date },
      )
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM account rc WHERE rc.family_id = f.id AND (rc.last_login_at >= :cutInstant OR rc.created_at >= :cutInstant))',
      );
  }

  async settings(): Promise<RetentionSettings> {
    return { years: (await this.structure()).retentionYears };
  }

  async setYears(years: number): Promise<RetentionSettings> {
    const id = this.tenancy.structureId();
    await this.db.transaction(async (em) => {
      const before = await em.findOneByOrFail(Structure, { id });
      await em.update(Structure, { id }, { retentionYears: years });
      await this.audit.record(em, {
        action: 'retention.updated',
        targetType: 'structure',
        targetId: id,
        details: { from: before.retentionYears, to: years },
      });
    });
    return { years };
  }

  async list(q: PageQueryDto): Promise<RetentionPage> {
    const structure = await this.structure();
    const cut = this.cutoff(structure);
    if (!cut) return { items: [], total: 0, page: q.page, pageSize: q.pageSize, years: structure.retentionYears, cutoff: null };
    const base = () => this.tenancy.repo(Family).query('f', (qb) => this.inactive(qb, cut));
    const total = await base().getCount();
    const rows = await base()
      .select(['f.id AS id', 'f.name AS name', 'f.archived AS archived', 'f.updated_at AS updated_at'])
      .addSelect('(SELECT COUNT(*) FROM member cm WHERE cm.family_id = f.id)', 'member_count')
      .addSelect(
        '(SELECT MAX(ls.date) FROM attendance la INNER JOIN slot ls ON ls.id = la.slot_id WHERE la.family_id = f.id)',
        'last_attendance',
      )
      .addSelect('(SELECT MAX(um.updated_at) FROM member um WHERE um.family_id = f.id)', 'member_updated')
      .addSelect('(SELECT MAX(lc.last_login_at) FROM account lc WHERE lc.family_id = f.id)', 'last_login')
      .orderBy('f.updated_at', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getRawMany<Record<string, unknown>>();
    return {
      items: rows.map((r) => {
        const instants = [r['updated_at'], r['member_updated'], r['last_login']]
          .filter((v) => v !== null && v !== undefined)
          .map((v) => rawInstant(v).toISOString())
          .sort();
        return {
          id: Number(r['id']),
          name: String(r['name']),
          memberCount: Number(r['member_count']),
          archived: Boolean(Number(r['archived'])),
          lastAttendance: r['last_attendance'] === null || r['last_attendance'] === undefined ? null : rawLocalDate(r['last_attendance']),
          lastActivity: instants[instants.length - 1],
        };
      }),
      total,
      page: q.page,
      pageSize: q.pageSize,
      years: structure.retentionYears,
      cutoff: cut.date,
    };
  }

  /**
   * Anonymises the chosen families, each in a transaction of its own (decision 9):
   * an id not of the structure is a 404 before anything is done; a family that
   * became active meanwhile, or is not listed, is skipped and named in the answer; the others are done and audited one by one.
   */
  async anonymise(familyIds: number[]): Promise<RetentionAnonymiseResponse> {
    const structure = await this.structure();
    const cut = this.cutoff(structure);
    const known = await this.tenancy.repo(Family).count({ id: In(familyIds) });
    if (known !== familyIds.length) throw new NotFoundException(french('Famille introuvable.'));
    const result: RetentionAnonymiseResponse = { anonymised: [], skipped: [] };
    for (const id of familyIds) {
      const done = cut
        ? await this.tenancy.transaction(async (tx) => {
            const still = await tx
              .repo(Family)
              .query('f', (qb) => this.inactive(qb, cut).andWhere('f.id = :id', { id }))
              .getCount();
            if (!still) return false;
            await this.families.anonymiseIn(tx, id, { retentionYears: structure.retentionYears, cutoff: cut.date });
            return true;
          })
        : false;
      (done ? result.anonymised : result.skipped).push(id);
    }
    return result;
  }
}

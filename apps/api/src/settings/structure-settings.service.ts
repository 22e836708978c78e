import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import {
  AgeBracketDto,
  KioskStructureInfo,
  LOGO_LIMITS,
  LogoInfo,
  PublicStructureSummary,
  REF_KINDS,
  RefItemDto,
  RefKind,
  ReferenceLists,
  ReferenceOptions,
  WelcomeSettings,
} from '@pointage/contracts';
import { ageBracketProblem, searchKey } from '@pointage/domain';
import type { Request } from 'express';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Attendance } from '../attendance/entities/attendance.entity';
import { AuditService } from '../audit/audit.service';
import { Database } from '../database/database.service';
import { Family } from '../families/entities/family.entity';
import { Member } from '../families/entities/member.entity';
import { Structure } from '../tenancy/entities/structure.entity';
import { ScopedRepository } from '../tenancy/scoped-repository';
import { Tenancy, TenantTransaction } from '../tenancy/tenancy.service';
import { SaveAgeBracketsDto, SaveRefListDto } from './dto/settings.dto';
import { AgeBracket } from './entities/age-bracket.entity';
import { RefItem } from './entities/ref-item.entity';
import { inspectImage, readUpload, resizeImage } from './images';
import { UploadFile, Uploads } from './uploads';
import { french } from '../common/errors';

/** The member (and snapshot) column that points to each kind of list. */
type RefUsage = { members: number; families: number; attendance: number };

const COLUMN: Record<RefKind, 'sexId' | 'cityId' | 'statusId' | 'minimaId' | 'qfId'> = {
  sex: 'sexId',
  city: 'cityId',
  status: 'statusId',
  minima: 'minimaId',
  qf: 'qfId',
};

export function toRefItemDto(i: RefItem): RefItemDto {
  return { id: i.id, kind: i.kind, label: i.label, position: i.position, active: i.active, isChild: i.isChild, code: i.code };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n > 1 ? 's' : ''}`;
}

/**
 * PARAMÈTRES of the caller's structure: reference lists, age brackets, welcome
 * message and logo; plus the public face of structures for the kiosk.
 */
@Injectable()
export class StructureSettingsService {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly uploads: Uploads,
  ) {}

  /** How many members, families and attendance snapshots use each entry. */
  private async usage(tx?: TenantTransaction): Promise<Map<number, RefUsage>> {
    const repo = <T extends Member | Family | Attendance>(entity: new () => T): ScopedRepository<T> =>
      tx ? tx.repo(entity) : this.tenancy.repo(entity);
    const result = new Map<number, RefUsage>();
    const add = (id: number, field: keyof RefUsage, n: number) => {
      const entry = result.get(id) ?? { members: 0, families: 0, attendance: 0 };
      entry[field] += n;
      result.set(id, entry);
    };
    for (const column of Object.values(COLUMN)) {
      for (const [entity, field] of [
        [Member, 'members'],
        [Attendance, 'attendance'],
      ] as const) {
        const rows: { id: number; n: string | number }[] = await (repo(entity as new () => Member) as ScopedRepository<Member>)
          .query('x', (qb) => qb.select(`x.${column}`, 'id').addSelect('COUNT(*)', 'n').groupBy(`x.${column}`))
          .getRawMany();
        for (const r of rows) add(Number(r.id), field, Number(r.n));
      }
    }
    for (const column of ['qfId', 'minimaId'] as const) {
      const rows: { id: number; n: string | number }[] = await repo(Family)
        .query('x', (qb) => qb.select(`x.${column}`, 'id').addSelect('COUNT(*)', 'n').groupBy(`x.${column}`))
        .getRawMany();
      for (const r of rows) add(Number(r.id), 'families', Number(r.n));
    }
    return result;
  }

  async lists(): Promise<ReferenceLists> {
    const items = await this.tenancy.repo(RefItem).find({ order: { kind: 'ASC', position: 'ASC' } });
    const usage = await this.usage();
    const out = Object.fromEntries(REF_KINDS.map((k) => [k, [] as ReferenceLists[RefKind]])) as unknown as ReferenceLists;
    for (const i of items) {
      const u = usage.get(i.id);
      const usedBy = u ?? { members: 0, families: 0, attendance: 0 };
      out[i.kind].push({ ...toRefItemDto(i), usage: usedBy.members + usedBy.families + usedBy.attendance, usedBy });
    }
    out.ageBrackets = await this.ageBrackets();
    return out;
  }

  /** Active entries of each list, for member forms. */
  async options(repo: ScopedRepository<RefItem> = this.tenancy.repo(RefItem)): Promise<ReferenceOptions> {
    const items = await repo.find({ where: { active: true }, order: { kind: 'ASC', position: 'ASC' } });
    const out = Object.fromEntries(REF_KINDS.map((k) => [k, [] as RefItemDto[]])) as unknown as ReferenceOptions;
    for (const i of items) out[i.kind].push(toRefItemDto(i));
    return out;
  }

  async saveList(kind: RefKind, dto: SaveRefListDto): Promise<ReferenceLists[RefKind]> {
    const seen = new Map<string, string>();
    for (const item of dto.items) {
      const key = searchKey(item.label);
      if (seen.has(key)) throw new BadRequestException(french(`L'entrée « ${item.label} » apparaît deux fois dans la liste.`));
      seen.set(key, item.label);
      if (kind !== 'status' && item.isChild) throw new BadRequestException(french('Seuls les statuts peuvent être marqués « enfant ».'));
    }
    if (!dto.items.some((i) => i.active)) throw new BadRequestException(french('La liste doit garder au moins une entrée active.'));
    if (kind === 'sex' && dto.items.length > 10) throw new BadRequestException(french('La liste des sexes est limitée à 10 entrées.'));

    await this.tenancy.transaction(async (tx) => {
      const repo = tx.repo(RefItem);
      const existing = await repo.findBy({ kind });
      const byId = new Map(existing.map((e) => [e.id, e]));
      for (const item of dto.items) {
        if (item.id !== undefined && !byId.has(item.id)) throw new NotFoundException(french('Entrée de liste introuvable.'));
      }
      const kept = new Set(dto.items.filter((i) => i.id !== undefined).map((i) => i.id));
      const removed = existing.filter((e) => !kept.has(e.id));
      if (removed.length) {
        const usage = await this.usage(tx);
        for (const r of removed) {
          const u = usage.get(r.id);
          if (u && u.members + u.families + u.attendance > 0) {
            const who =
              u.members > 0
                ? plural(u.members, 'membre')
                : u.families > 0
                  ? plural(u.families, 'famille')
                  : plural(u.attendance, 'présence');
            throw new ConflictException(french(`« ${r.label} » est utilisé par ${who} : vous pouvez le désactiver, pas le supprimer.`));
          }
        }
        for (const r of removed) await repo.delete({ id: r.id });
      }
      // Two passes so that swapping two labels does not trip the unique index.
      for (const item of dto.items) if (item.id !== undefined) await repo.update({ id: item.id }, { label: `\u0000tmp-${item.id}` });
      let position = 0;
      for (const item of dto.items) {
        const values = {
          label: item.label,
          active: item.active,
          position: position++,
          isChild: kind === 'status' ? (item.isChild ?? false) : false,
        };
        if (item.id !== undefined) await repo.update({ id: item.id }, values);
        else await repo.insert({ kind, code: null, ...values });
      }
      await this.audit.record(tx.em, {
        action: 'settings.list_saved',
        targetType: 'list',
        targetId: kind,
        details: { entries: dto.items.length, removed: removed.length },
      });
    });
    return (await this.lists())[kind];
  }

  async ageBrackets(): Promise<AgeBracketDto[]> {
    const rows = await this.tenancy.repo(AgeBracket).find({ order: { position: 'ASC' } });
    return rows.map((b) => ({ id: b.id, minAge: b.minAge, maxAge: b.maxAge, position: b.position }));
  }

  async saveAgeBrackets(dto: SaveAgeBracketsDto): Promise<AgeBracketDto[]> {
    const problem = ageBracketProblem(dto.brackets);
    if (problem) throw new BadRequestException(french(problem));
    const sorted = [...dto.brackets].sort((a, b) => a.minAge - b.minAge);
    await this.tenancy.transaction(async (tx) => {
      const repo = tx.repo(AgeBracket);
      await repo.delete({});
      let position = 0;
      for (const b of sorted) await repo.insert({ minAge: b.minAge, maxAge: b.maxAge, position: position++ });
      await this.audit.record(tx.em, {
        action: 'settings.age_brackets_saved',
        targetType: 'list',
        targetId: 'age',
        details: { brackets: sorted.length },
      });
    });
    return this.ageBrackets();
  }

  private async structure(): Promise<Structure> {
    return this.db.manager.findOneByOrFail(Structure, { id: this.tenancy.structureId() });
  }

  private logoInfo(s: Structure): LogoInfo | null {
    if (!s.logoFile || !s.logoWidth || !s.logoHeight) return null;
    return {
      url: Uploads.publicUrl(s.logoFile),
      width: s.logoWidth,
      height: s.logoHeight,
      originalWidth: s.logoOriginalWidth ?? s.logoWidth,
      originalHeight: s.logoOriginalHeight ?? s.logoHeight,
    };
  }

  async welcome(): Promise<WelcomeSettings> {
    const s = await this.structure();
    return { message: s.welcomeMessage ?? '', logo: this.logoInfo(s) };
  }

  async saveWelcome(message: string): Promise<WelcomeSettings> {
    const id = this.tenancy.structureId();
    await this.db.transaction(async (em) => {
      await em.update(Structure, { id }, { welcomeMessage: message });
      await this.audit.record(em, { action: 'settings.welcome_saved', targetType: 'structure', targetId: id });
    });
    return this.welcome();
  }

  /**
   * Stores an uploaded logo (original kept) and a display version of at most the
   * default width. Nothing is left behind when a file or the database write fails.
   */
  async uploadLogo(req: Request): Promise<LogoInfo> {
    const id = this.tenancy.structureId();
    const data = await readUpload(req);
    const image = await inspectImage(data);
    const resized = await resizeImage(data, Math.min(image.width, LOGO_LIMITS.defaultWidth));
    return this.replaceLogo(
      id,
      [
        { kind: 'orig', owner: `s${id}`, ext: image.type, data },
        { kind: 'logo', owner: `s${id}`, ext: 'png', data: resized.data },
      ],
      ([originalFile, logoFile]) => ({
        logoFile,
        logoWidth: resized.width,
        logoHeight: resized.height,
        logoOriginalFile: originalFile,
        logoOriginalWidth: image.width,
        logoOriginalHeight: image.height,
      }),
    );
  }

  /** Proportional resize of the kept original to a new width. */
  async resizeLogo(width: number): Promise<LogoInfo> {
    const s = await this.structure();
    if (!s.logoOriginalFile) throw new NotFoundException(french("Aucun logo n'a été envoyé."));
    const original = readFileSync(join(this.uploads.dir, s.logoOriginalFile));
    const resized = await resizeImage(original, width);
    return this.replaceLogo(s.id, [{ kind: 'logo', owner: `s${s.id}`, ext: 'png', data: resized.data }], ([logoFile]) => ({
      logoFile,
      logoWidth: resized.width,
      logoHeight: resized.height,
    }));
  }

  async removeLogo(): Promise<void> {
    const id = this.tenancy.structureId();
    await this.replaceLogo(id, [], () => ({
      logoFile: null,
      logoWidth: null,
      logoHeight: null,
      logoOriginalFile: null,
      logoOriginalWidth: null,
      logoOriginalHeight: null,
    }));
  }

  /** Saves the new files and points the structure at them in one step: either both happen, or neither is left. */
  private async replaceLogo(id: number, files: UploadFile[], changesFor: (names: string[]) => Partial<Structure>): Promise<LogoInfo> {
    const before = await this.db.manager.findOneByOrFail(Structure, { id });
    const changes = await this.uploads.store(files, async (names) => {
      const changes = changesFor(names);
      await this.db.transaction(async (em) => {
        await em.update(Structure, { id }, changes);
        await this.audit.record(em, {
          action: 'settings.logo_saved',
          targetType: 'structure',
          targetId: id,
          details: { width: changes.logoWidth ?? null },
        });
      });
      return changes;
    });
    // Old files go once the new ones are referenced.
    if (changes.logoFile !== undefined && before.logoFile !== changes.logoFile) this.uploads.remove(before.logoFile);
    if (changes.logoOriginalFile !== undefined && before.logoOriginalFile !== changes.logoOriginalFile)
      this.uploads.remove(before.logoOriginalFile);
    const after = await this.db.manager.findOneByOrFail(Structure, { id });
    return this.logoInfo(after) ?? { url: '', width: 0, height: 0, originalWidth: 0, originalHeight: 0 };
  }

  // --- Public face of the structures (kiosk, before login)

  async publicStructures(): Promise<PublicStructureSummary[]> {
    const rows = await this.db.manager.find(Structure, { where: { active: true }, order: { name: 'ASC' } });
    return rows.map((s) => ({ name: s.name, slug: s.slug }));
  }

  async activeStructureBySlug(slug: string): Promise<Structure> {
    const s = await this.db.manager.findOneBy(Structure, { slug, active: true });
    if (!s) throw new NotFoundException(french('Ludothèque introuvable : vérifiez l’adresse de la borne.'));
    return s;
  }

  async kioskInfo(slug: string): Promise<KioskStructureInfo> {
    const s = await this.activeStructureBySlug(slug);
    return {
      id: s.id,
      name: s.name,
      slug: s.slug,
      timeZone: s.timeZone,
      welcomeMessage: s.welcomeMessage ?? '',
      logoUrl: s.logoFile ? Uploads.publicUrl(s.logoFile) : null,
    };
  }

  /** Active list entries of a structure, for the kiosk registration form (before login). */
  async publicOptions(slug: string): Promise<ReferenceOptions> {
    const s = await this.activeStructureBySlug(slug);
    return this.options(this.tenancy.publicRepo(s.id, RefItem));
  }
}

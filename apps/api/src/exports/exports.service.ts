import { BadRequestException, Injectable } from '@nestjs/common';
import { AttendanceListRow } from '@pointage/contracts';
import { formatTimeRange } from '@pointage/domain';
import type { Response } from 'express';
import { AttendanceListService } from '../attendance-list/attendance-list.service';
import { AttendanceListDto, SignInSheetDto } from '../attendance-list/dto/attendance-list.dto';
import { Family } from '../families/entities/family.entity';
import { abortOnClientGone, DocumentBrandingService, PdfDocument, PdfRenderer } from '../pdf';
import { Slot } from '../slots/entities/slot.entity';
import { Clock } from '../common/clock';
import { AppSettingsService } from '../settings/app-settings.service';
import { StatisticsRequestDto } from '../statistics/dto/statistics.dto';
import { StatisticsService } from '../statistics/statistics.service';
import { Structure } from '../tenancy/entities/structure.entity';
import { Tenancy } from '../tenancy/tenancy.service';
import { attendanceListPdf, signInSheetPdf } from './attendance-list.pdf';
import { assertExportable } from './export-limits';
import { writeAttendanceListXlsx } from './attendance-list.xlsx';
import { statisticsPdf } from './statistics.pdf';
import { writeStatisticsXlsx } from './statistics.xlsx';
import { attachmentHeader, XlsxStreamer } from './xlsx-stream';
import { french } from '../common/errors';

/** "statistiques-ludo-2026-01-01-2026-12-31.pdf" */
export function exportFileName(
  kind: 'statistiques' | 'liste-presence' | 'emargement',
  slug: string,
  from: string,
  to: string,
  ext: 'pdf' | 'xlsx',
): string {
  return `${kind}-${slug}-${from}-${to}.${ext}`;
}

/** Builds the export documents from the same services as the screens. */
@Injectable()
export class ExportsService {
  private readonly xlsx = new XlsxStreamer();

  constructor(
    private readonly statistics: StatisticsService,
    private readonly list: AttendanceListService,
    private readonly appSettings: AppSettingsService,
    private readonly tenancy: Tenancy,
    private readonly clock: Clock,
    private readonly pdf: PdfRenderer,
    private readonly branding: DocumentBrandingService,
  ) {}

  /** Renders a document and answers it as a download (the render stops if the client leaves). */
  private async sendPdf(res: Response, fileName: string, doc: PdfDocument): Promise<void> {
    const buffer = await this.pdf.render(doc, { signal: abortOnClientGone(res) });
    res.status(200);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', attachmentHeader(fileName));
    res.setHeader('Cache-Control', 'no-store');
    res.end(buffer);
  }

  async statisticsPdf(dto: StatisticsRequestDto, res: Response): Promise<void> {
    const report = await this.statistics.report(dto);
    const branding = await this.branding.load();
    const structure = await this.structure();
    await this.sendPdf(
      res,
      exportFileName('statistiques', structure.slug, dto.from, dto.to, 'pdf'),
      statisticsPdf(report, branding, this.clock.now()),
    );
  }

  async attendanceListPdf(dto: AttendanceListDto, res: Response): Promise<void> {
    const list = await this.list.resolve(dto);
    const total = await this.list.count(list);
    assertExportable(total, 'pdf');
    const rows: AttendanceListRow[] = [];
    for await (const chunk of this.list.chunks(list)) rows.push(...chunk);
    const branding = await this.branding.load();
    await this.sendPdf(
      res,
      exportFileName('liste-presence', list.structure.slug, list.scope.from, list.scope.to, 'pdf'),
      attendanceListPdf(list, rows, branding, this.clock.now()),
    );
  }

  async signInSheetPdf(dto: SignInSheetDto, res: Response): Promise<void> {
    const slot = await this.tenancy.repo(Slot).findOneBy({ id: dto.slotId });
    if (!slot) throw new BadRequestException(french("Ce créneau n'existe pas dans votre structure.", { field: 'slotId' }));
    const families = await this.tenancy.repo(Family).find({ where: { archived: false }, relations: { members: true } });
    const sheet = families
      .map((f) => ({
        name: f.name,
        members: (f.members ?? [])
          .filter((m) => !m.archived)
          .sort((a, b) => a.lastName.localeCompare(b.lastName, 'fr') || a.firstName.localeCompare(b.firstName, 'fr') || a.id - b.id)
          .map((m) => ({ lastName: m.lastName, firstName: m.firstName })),
      }))
      .filter((f) => f.members.length > 0)
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    const branding = await this.branding.load();
    const structure = await this.structure();
    await this.sendPdf(
      res,
      exportFileName('emargement', structure.slug, slot.date, slot.date, 'pdf'),
      signInSheetPdf(
        { date: slot.date, label: formatTimeRange(slot.startMinute, slot.endMinute) },
        sheet,
        dto.spareRows ?? 10,
        branding,
        this.clock.now(),
      ),
    );
  }

  private structure(): Promise<Structure> {
    const reader = this.tenancy.reader();
    return reader.em.findOneByOrFail(Structure, { id: reader.structureId });
  }

  async statisticsXlsx(dto: StatisticsRequestDto, res: Response): Promise<void> {
    const { report, inscrits } = await this.statistics.reportWithInscrits(dto);
    const structure = await this.structure();
    const footer = (await this.appSettings.publicSettings()).footerText;
    await this.xlsx.send(res, exportFileName('statistiques', structure.slug, dto.from, dto.to, 'xlsx'), (sink) =>
      writeStatisticsXlsx(sink, report, inscrits, structure.timeZone, footer),
    );
  }

  async attendanceListXlsx(dto: AttendanceListDto, res: Response): Promise<void> {
    const list = await this.list.resolve(dto);
    const total = await this.list.count(list);
    assertExportable(total, 'xlsx');
    const footer = (await this.appSettings.publicSettings()).footerText;
    await this.xlsx.send(res, exportFileName('liste-presence', list.structure.slug, list.scope.from, list.scope.to, 'xlsx'), (sink) =>
      writeAttendanceListXlsx(sink, list, total, this.clock.now(), footer, this.list.chunks(list)),
    );
  }
}

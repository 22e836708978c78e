import { BadRequestException, Injectable } from '@nestjs/common';
import { ATTENDANCE_LIST_LIMITS } from '@pointage/contracts';
import type { Response } from 'express';
import { AttendanceListService } from '../attendance-list/attendance-list.service';
import { AttendanceListDto } from '../attendance-list/dto/attendance-list.dto';
import { Clock } from '../common/clock';
import { AppSettingsService } from '../settings/app-settings.service';
import { StatisticsRequestDto } from '../statistics/dto/statistics.dto';
import { StatisticsService } from '../statistics/statistics.service';
import { Structure } from '../tenancy/entities/structure.entity';
import { Tenancy } from '../tenancy/tenancy.service';
import { writeAttendanceListXlsx } from './attendance-list.xlsx';
import { writeStatisticsXlsx } from './statistics.xlsx';
import { XlsxStreamer } from './xlsx-stream';

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
  ) {}

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
    if (total > ATTENDANCE_LIST_LIMITS.xlsxRows) {
      throw new BadRequestException({
        message: `Cette liste compte ${total.toLocaleString('fr-FR')} présences : l'export Excel est limité à ${ATTENDANCE_LIST_LIMITS.xlsxRows.toLocaleString('fr-FR')} lignes. Choisissez une période plus courte.`,
        field: 'to',
      });
    }
    const footer = (await this.appSettings.publicSettings()).footerText;
    await this.xlsx.send(res, exportFileName('liste-presence', list.structure.slug, list.scope.from, list.scope.to, 'xlsx'), (sink) =>
      writeAttendanceListXlsx(sink, list, total, this.clock.now(), footer, this.list.chunks(list)),
    );
  }
}

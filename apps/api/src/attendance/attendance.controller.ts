import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  ActingResponse,
  AttendanceSheet,
  CounterInfo,
  DayAttendance,
  KioskStatus,
  PresentNow,
  RetroAttendanceResponse,
  ValidateAttendanceResponse,
} from '@pointage/contracts';
import { Public, Roles } from '../common/access.decorators';
import { idPipe } from '../common/id.pipe';
import { DayQueryDto, RemoveAttendanceDto } from '../slots/dto/slots.dto';
import { AttendanceService } from './attendance.service';
import { CheckInService } from './check-in.service';
import { RetroAttendanceDto, ValidateAttendanceDto } from './dto/attendance.dto';

@ApiTags('attendance')
@Controller()
export class AttendanceController {
  constructor(
    private readonly attendance: AttendanceService,
    private readonly checkIn: CheckInService,
  ) {}

  /** The kiosk home page: slot, closed or open, present counter. Polled by the kiosk. */
  @Public()
  @Get('public/structures/:slug/kiosk')
  kioskStatus(@Param('slug') slug: string): Promise<KioskStatus> {
    return this.attendance.kioskStatus(slug);
  }

  /** The fiche de présence of the logged-in family (or of the family an admin acts for). */
  @Roles('family')
  @Get('family/sheet')
  sheet(): Promise<AttendanceSheet> {
    return this.attendance.sheet();
  }

  /** VALIDER: idempotent by the client's key. */
  @Roles('family')
  @Post('family/attendance')
  @HttpCode(200)
  validate(@Body() dto: ValidateAttendanceDto): Promise<ValidateAttendanceResponse> {
    return this.checkIn.validate(dto.key, dto.memberIds);
  }

  @Roles('admin')
  @Get('attendance/counter')
  counter(): Promise<CounterInfo> {
    return this.attendance.counterInfo();
  }

  /** Who is here now (admin home, polled). */
  @Roles('admin')
  @Get('attendance/present')
  presentNow(): Promise<PresentNow> {
    return this.attendance.presentNow();
  }

  @Roles('admin')
  @Post('attendance/counter/reset')
  @HttpCode(200)
  resetCounter(): Promise<CounterInfo> {
    return this.attendance.resetCounter();
  }

  /** "Pointer pour cette famille": a family token marked with the admin as actor (audited). */
  @Roles('admin')
  @Post('families/:id/act')
  @HttpCode(200)
  actForFamily(@Param('id', idPipe()) id: number): Promise<ActingResponse> {
    return this.attendance.actForFamily(id);
  }

  @Roles('admin')
  @Get('attendance/day')
  day(@Query() q: DayQueryDto): Promise<DayAttendance> {
    return this.attendance.day(q.date);
  }

  @Roles('admin')
  @Post('attendance/retro')
  @HttpCode(200)
  retro(@Body() dto: RetroAttendanceDto): Promise<RetroAttendanceResponse> {
    return this.attendance.retro(dto.slotId, dto.memberIds, dto.arrivalTime);
  }

  @Roles('admin')
  @Post('attendance/:id/remove')
  @HttpCode(204)
  remove(@Param('id', idPipe()) id: number, @Body() dto: RemoveAttendanceDto): Promise<void> {
    return this.attendance.remove(id, dto.reason);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { InstallationSettings, MailSettings } from '@pointage/contracts';
import type { Request } from 'express';
import { Roles } from '../common/access.decorators';
import { idPipe } from '../common/id.pipe';
import { AppSettingsService } from './app-settings.service';
import { FunderLogoQueryDto, SaveInstallationSettingsDto, SaveMailSettingsDto, TestMailDto } from './dto/settings.dto';

/** Installation-wide settings of the super-admin: the funder footer shown on every page. */
@ApiTags('super-admin')
@Roles('super-admin')
@Controller('super-admin')
export class InstallationSettingsController {
  constructor(private readonly settings: AppSettingsService) {}

  @Get('settings')
  get(): Promise<InstallationSettings> {
    return this.settings.publicSettings();
  }

  @Put('settings')
  save(@Body() dto: SaveInstallationSettingsDto): Promise<InstallationSettings> {
    return this.settings.saveFooter(dto.footerText);
  }

  /** The SMTP server of the installation (overrides the environment's MAIL_TRANSPORT, SMTP_URL); the password is never returned. */
  @Get('settings/mail')
  mail(): Promise<MailSettings> {
    return this.settings.mailSettings();
  }

  @Put('settings/mail')
  saveMail(@Body() dto: SaveMailSettingsDto): Promise<MailSettings> {
    return this.settings.saveMail(dto);
  }

  /** Sends a test mail to the address typed by the super-admin, through the configuration in force. */
  @Post('settings/mail/test')
  @HttpCode(200)
  testMail(@Body() dto: TestMailDto): Promise<{ message: string }> {
    return this.settings.sendTestMail(dto.to);
  }

  /** The image is the request body; its alternative text is the `alt` query parameter. */
  @Post('funder-logos')
  @ApiConsumes('image/png', 'image/jpeg', 'image/webp')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  addLogo(@Req() req: Request, @Query() q: FunderLogoQueryDto): Promise<InstallationSettings> {
    return this.settings.addFunderLogo(req, q.alt);
  }

  @Delete('funder-logos/:id')
  removeLogo(@Param('id', idPipe()) id: number): Promise<InstallationSettings> {
    return this.settings.removeFunderLogo(id);
  }
}

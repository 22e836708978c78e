import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { AgeBracketDto, LogoInfo, ReferenceLists, RefKind, WelcomeSettings } from '@pointage/contracts';
import type { Request } from 'express';
import { Roles } from '../common/access.decorators';
import { ResizeLogoDto, SaveAgeBracketsDto, SaveRefListDto, SaveWelcomeDto } from './dto/settings.dto';
import { RefKindPipe } from './ref-kind.pipe';
import { StructureSettingsService } from './structure-settings.service';

/** PARAMÈTRES of the caller's structure. */
@ApiTags('settings')
@Roles('admin')
@Controller('settings')
export class SettingsController {
  constructor(private readonly settings: StructureSettingsService) {}

  @Get('lists')
  lists(): Promise<ReferenceLists> {
    return this.settings.lists();
  }

  /** Saves a whole ordered list: new entries without id, missing ones deleted (refused if in use). */
  @Put('lists/:kind')
  saveList(@Param('kind', RefKindPipe) kind: RefKind, @Body() dto: SaveRefListDto): Promise<ReferenceLists[RefKind]> {
    return this.settings.saveList(kind, dto);
  }

  @Put('age-brackets')
  saveAgeBrackets(@Body() dto: SaveAgeBracketsDto): Promise<AgeBracketDto[]> {
    return this.settings.saveAgeBrackets(dto);
  }

  @Get('welcome')
  welcome(): Promise<WelcomeSettings> {
    return this.settings.welcome();
  }

  @Put('welcome')
  saveWelcome(@Body() dto: SaveWelcomeDto): Promise<WelcomeSettings> {
    return this.settings.saveWelcome(dto.message);
  }

  /** The image file is the request body (Content-Type image/png, image/jpeg or image/webp), 5 MB at most. */
  @Put('logo')
  @ApiConsumes('image/png', 'image/jpeg', 'image/webp')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  uploadLogo(@Req() req: Request): Promise<LogoInfo> {
    return this.settings.uploadLogo(req);
  }

  @Post('logo/resize')
  @HttpCode(200)
  resizeLogo(@Body() dto: ResizeLogoDto): Promise<LogoInfo> {
    return this.settings.resizeLogo(dto.width);
  }

  @Delete('logo')
  @HttpCode(204)
  removeLogo(): Promise<void> {
    return this.settings.removeLogo();
  }
}

import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { LoginResponse, MessageResponse, ResetPasswordResponse, SessionInfo } from '@pointage/contracts';
import { Public, Roles } from '../common/access.decorators';
import { TenantContext } from '../tenancy/tenant-context';
import { AuthService } from './auth.service';
import { ChangePasswordDto, ForgotPasswordDto, LoginDto, ResetPasswordDto } from './dto/auth.dto';
import type { IssuedToken } from './token.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly context: TenantContext,
  ) {}

  /** Back-office login without `structure`; kiosk (family) login with the structure's slug. */
  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() dto: LoginDto): Promise<LoginResponse> {
    return this.auth.login(dto);
  }

  @Roles('super-admin', 'admin', 'family')
  @Get('me')
  me(): SessionInfo {
    return this.auth.me(this.context.principal());
  }

  /** Changes the caller's own password; other sessions stop working; a fresh token is returned. */
  @Roles('super-admin', 'admin', 'family')
  @Post('password')
  @HttpCode(200)
  changePassword(@Body() dto: ChangePasswordDto): Promise<IssuedToken & MessageResponse> {
    return this.auth.changePassword(this.context.principal(), dto);
  }

  @Public()
  @Post('forgot')
  @HttpCode(202)
  forgot(@Body() dto: ForgotPasswordDto): MessageResponse {
    return this.auth.forgotPassword(dto);
  }

  @Public()
  @Post('reset')
  @HttpCode(200)
  reset(@Body() dto: ResetPasswordDto): Promise<ResetPasswordResponse> {
    return this.auth.resetPassword(dto);
  }

  /** Ends this session: its token is refused from then on (the account's other sessions go on). */
  @Roles('super-admin', 'admin', 'family')
  @Post('logout')
  @HttpCode(200)
  logout(): Promise<MessageResponse> {
    return this.auth.logout(this.context.principal());
  }

  /** Ends acting for somebody else (audited); the client then goes back to its own token. */
  @Roles('admin', 'family')
  @Post('act/end')
  @HttpCode(200)
  endActing(): Promise<MessageResponse> {
    return this.auth.endActing(this.context.principal());
  }
}

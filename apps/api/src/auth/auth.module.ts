import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AuditModule } from '../audit/audit.module';
import { MailModule } from '../mail/mail.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { LoginThrottle } from './login-throttle';
import { TokenService } from './token.service';

// Not @Global: every module that uses its providers imports it (issue 15 item 4).
@Module({
  imports: [PassportModule, JwtModule.register({}), AuditModule, MailModule],
  controllers: [AuthController],
  providers: [AuthService, JwtStrategy, LoginThrottle, TokenService],
  exports: [AuthService, TokenService, LoginThrottle],
})
export class AuthModule {}

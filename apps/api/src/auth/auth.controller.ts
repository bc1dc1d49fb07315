import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type FastifyReply, type FastifyRequest } from 'fastify';

import { ApiProblemResponse } from '../common/errors/api-problem.decorator';
import { Public, SESSION_COOKIE, SignedIn } from './access.decorators';
import { CurrentSessionId, CurrentUser, RequestInfo, type RequestMeta, type SessionUser } from './actor';
import { AuthService } from './auth.service';
import { ChangePasswordDto, LoginDto, MeDto, toMeDto } from './dto/auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Log in; sets the HttpOnly session cookie' })
  @ApiOkResponse({ type: MeDto })
  @ApiProblemResponse(401, 'Wrong email or password.')
  @ApiProblemResponse(429, 'Too many failed attempts; see Retry-After.')
  async login(
    @Body() body: LoginDto,
    @RequestInfo() meta: RequestMeta,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeDto> {
    const { token, expiresAt, user } = await this.auth.login(
      body.email,
      body.password,
      meta.ip,
      meta.userAgent,
    );
    void reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https',
      path: '/',
      expires: expiresAt,
    });
    const me = await this.auth.me(user.id);
    return toMeDto(me.user, me.memberships);
  }

  @Post('logout')
  @HttpCode(204)
  @SignedIn({ duringPasswordChange: true })
  @ApiOperation({ summary: 'End the session (it cannot be used again)' })
  @ApiNoContentResponse()
  async logout(
    @CurrentSessionId() sessionId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(sessionId);
    void reply.clearCookie(SESSION_COOKIE, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https',
    });
  }

  @Get('me')
  @SignedIn({ duringPasswordChange: true })
  @ApiOperation({ summary: 'The logged-in user and the brands they belong to' })
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentUser() user: SessionUser): Promise<MeDto> {
    const me = await this.auth.me(user.id);
    return toMeDto(me.user, me.memberships);
  }

  @Post('password')
  @HttpCode(200)
  @SignedIn({ duringPasswordChange: true })
  @ApiOperation({ summary: 'Set a new password (required after a one-time password); ends other sessions' })
  @ApiOkResponse({ type: MeDto })
  async changePassword(
    @CurrentUser() user: SessionUser,
    @CurrentSessionId() sessionId: string,
    @Body() body: ChangePasswordDto,
  ): Promise<MeDto> {
    await this.auth.changePassword(user, sessionId, body.currentPassword, body.newPassword);
    const me = await this.auth.me(user.id);
    return toMeDto(me.user, me.memberships);
  }
}

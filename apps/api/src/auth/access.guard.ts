import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type FastifyRequest } from 'fastify';

import { isUuid } from '@fanfare/shared';

import { ApiKeysService } from '../api-keys/api-keys.service';
import { Forbidden, NotFound, Unauthenticated } from '../common/errors/domain-error';
import { MembersRepository } from '../members/members.repository';
import { type FanClaims, invalidToken, WidgetAuthService } from '../widget/widget-auth.service';
import { ACCESS_RULE, type AccessRule, SESSION_COOKIE } from './access.decorators';
import { AuthService } from './auth.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one gate for every route (registered globally). Routes without an access rule are refused:
 * forgetting a decorator fails closed, and a test proves no route lacks one.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('AccessGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly apiKeys: ApiKeysService,
    private readonly members: MembersRepository,
    private readonly widgetAuth: WidgetAuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!rule) {
      this.logger.error(
        `Route ${request.method} ${request.routeOptions.url ?? request.url} has no access rule`,
      );
      throw new Forbidden();
    }
    switch (rule.kind) {
      case 'public':
        return true;
      case 'signed-in':
        await this.requireSession(request, rule.duringPasswordChange);
        return true;
      case 'brand':
        await this.requireBrandAccess(request, rule);
        return true;
      case 'widget':
        await this.requireWidget(request, rule.fan);
        return true;
    }
  }

  private async requireWidget(request: FastifyRequest, fanRule: 'required' | 'optional'): Promise<void> {
    await this.widgetAuth.countAddress(request.ip);
    const brand = await this.widgetAuth.brandOf(request);
    if (!brand) {
      throw new Unauthenticated(
        'publishable_key_invalid',
        'Name the brand with its publishable widget key: ?pk=pk_… (the key is unknown or missing).',
      );
    }
    const header = request.headers.authorization;
    let fan: FanClaims | null = null;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!match?.[1]) throw invalidToken('send it as "Authorization: Bearer <token>"');
      fan = await this.widgetAuth.verifyFanToken(brand.id, match[1]);
      await this.widgetAuth.countFan(brand.id, fan.customerId);
    } else if (fanRule === 'required') {
      throw new Unauthenticated(
        'fan_token_required',
        "This needs the fan's token: Authorization: Bearer <JWT signed by the shop's backend>.",
      );
    }
    request.widget = { brand, fan };
  }

  private async requireSession(request: FastifyRequest, duringPasswordChange: boolean): Promise<void> {
    if (bearerToken(request) !== undefined) {
      throw new Forbidden('session_required', 'API keys cannot do this; log in as a user.');
    }
    const token = request.cookies[SESSION_COOKIE];
    const active = token ? await this.auth.authenticate(token) : null;
    if (!active) {
      throw new Unauthenticated('unauthenticated', 'Log in first: the session is missing, expired or ended.');
    }
    // Cookies ride along on cross-site requests that SameSite=Lax still lets through; refuse those writes.
    if (!SAFE_METHODS.has(request.method) && request.headers['sec-fetch-site'] === 'cross-site') {
      throw new Forbidden('cross_site_request', 'Cross-site requests cannot change data.');
    }
    const { user, session } = active;
    if (user.mustChangePassword && !duringPasswordChange) {
      throw new Forbidden('password_change_required', 'Set a new password before you continue.');
    }
    request.actor = {
      type: 'user',
      user: { id: user.id, email: user.email, name: user.name, mustChangePassword: user.mustChangePassword },
      sessionId: session.id,
      role: null,
    };
  }

  private async requireBrandAccess(
    request: FastifyRequest,
    rule: Extract<AccessRule, { kind: 'brand' }>,
  ): Promise<void> {
    const brandId = (request.params as Record<string, string | undefined>).brandId;
    if (brandId === undefined || !isUuid(brandId)) {
      throw new NotFound('Brand');
    }
    const secret = bearerToken(request);
    if (secret !== undefined) {
      const key = await this.apiKeys.authenticate(secret);
      if (!key) {
        throw new Unauthenticated('invalid_api_key', 'The API key is unknown or was revoked.');
      }
      if (key.brandId !== brandId) {
        throw new NotFound('Brand');
      }
      if (rule.scopes === 'no-keys') {
        throw new Forbidden('session_required', 'API keys cannot do this; log in as a member of the brand.');
      }
      if (rule.scopes !== 'any-key' && !rule.scopes.some((scope) => key.scopes.includes(scope))) {
        throw new Forbidden(
          'insufficient_scope',
          `This needs an API key with the scope ${rule.scopes.join(' or ')}.`,
        );
      }
      request.actor = { type: 'api_key', keyId: key.id, keyName: key.name, brandId, scopes: key.scopes };
      return;
    }
    await this.requireSession(request, false);
    const actor = request.actor;
    if (actor?.type !== 'user') {
      throw new Unauthenticated();
    }
    const membership = await this.members.findRole(brandId, actor.user.id);
    if (!membership) {
      // Same answer as for a brand that does not exist: ids of other tenants reveal nothing.
      throw new NotFound('Brand');
    }
    if (!rule.roles.includes(membership.role)) {
      throw new Forbidden(
        'insufficient_role',
        `This needs the role ${rule.roles.join(' or ')} in this brand.`,
      );
    }
    request.actor = { ...actor, role: membership.role };
  }
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) {
    throw new Unauthenticated('invalid_authorization', 'The Authorization header must be "Bearer sk_…".');
  }
  return match[1];
}

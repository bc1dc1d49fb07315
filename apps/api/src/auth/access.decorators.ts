import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiQuery } from '@nestjs/swagger';

import { type ApiKeyScope, LOCALES, type Role } from '@fanfare/shared';

import { ApiProblemResponse } from '../common/errors/api-problem.decorator';

export const ACCESS_RULE = 'fanfare:access';
export const SESSION_COOKIE = 'fanfare_session';

/**
 * Every route states who may call it. The access guard refuses routes that state nothing, and a
 * test walks all controllers to prove each route carries one of these decorators.
 */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'signed-in'; duringPasswordChange: boolean }
  | { kind: 'brand'; roles: readonly Role[]; scopes: readonly ApiKeyScope[] | 'any-key' | 'no-keys' }
  | { kind: 'widget'; fan: 'required' | 'optional' };

/** Anyone, without credentials. */
export const Public = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/** Any logged-in admin user; not tied to a brand. */
export const SignedIn = (
  options: { duringPasswordChange?: boolean } = {},
): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, {
      kind: 'signed-in',
      duringPasswordChange: options.duringPasswordChange ?? false,
    } satisfies AccessRule),
    ApiCookieAuth('session'),
    ApiProblemResponse(400, 'The request is not valid; errors[] names each field.'),
    ApiProblemResponse(401, 'Not logged in.'),
  );

/**
 * A route under `/brands/{brandId}`: members with one of `roles`, or that brand's API keys with
 * one of `scopes` ('any-key': every key of the brand; 'no-keys': sessions only).
 */
export const BrandAccess = (rule: {
  roles: readonly Role[];
  scopes?: readonly ApiKeyScope[] | 'any-key' | 'no-keys';
}): MethodDecorator & ClassDecorator => {
  const scopes = rule.scopes ?? 'no-keys';
  return applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'brand', roles: rule.roles, scopes } satisfies AccessRule),
    ApiCookieAuth('session'),
    ...(scopes === 'no-keys' ? [] : [ApiBearerAuth('apiKey')]),
    ApiProblemResponse(400, 'The request is not valid; errors[] names each field.'),
    ApiProblemResponse(401, 'No valid session or API key.'),
    ApiProblemResponse(403, `Allowed for ${rule.roles.join(', ')}${keyNote(scopes)}.`),
    ApiProblemResponse(404, 'No such brand, or not a member of it.'),
  );
};

function keyNote(scopes: readonly ApiKeyScope[] | 'any-key' | 'no-keys'): string {
  if (scopes === 'no-keys') return '';
  if (scopes === 'any-key') return ' and any API key of the brand';
  return ` and API keys with ${scopes.join(' or ')}`;
}

/**
 * A widget route: the brand's publishable key in `?pk=`, and a fan token (`Authorization: Bearer`)
 * that is required, or optional (public data without it, the fan's view with it).
 */
export const WidgetAccess = (options: { fan: 'required' | 'optional' }): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'widget', fan: options.fan } satisfies AccessRule),
    ApiBearerAuth('fanToken'),
    ApiQuery({ name: 'pk', required: true, description: "The brand's publishable widget key (pk_…)" }),
    ApiQuery({
      name: 'locale',
      required: false,
      enum: LOCALES,
      description: "Texts' language; default: the brand's",
    }),
    ApiProblemResponse(401, 'Unknown publishable key; a fan token missing (where required) or not valid.'),
    ApiProblemResponse(429, 'Too many requests from this address or for this fan; see Retry-After.'),
  );

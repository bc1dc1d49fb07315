import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type FastifyRequest } from 'fastify';

import { type ApiKeyScope, type Role } from '@fanfare/shared';

import { Unauthenticated } from '../common/errors/domain-error';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  mustChangePassword: boolean;
}

/** Who is calling: set by the access guard, read by controllers through `@CurrentActor()`. */
export type Actor =
  | { type: 'user'; user: SessionUser; sessionId: string; role: Role | null }
  | { type: 'api_key'; keyId: string; keyName: string; brandId: string; scopes: ApiKeyScope[] };

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
}

/** Owners and managers see what analysts and keys do not: codes, addresses, download links. */
export function isOwnerOrManager(actor: Actor): boolean {
  return actor.type === 'user' && (actor.role === 'owner' || actor.role === 'manager');
}

export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<FastifyRequest>().actor;
  if (!actor) {
    throw new Unauthenticated();
  }
  return actor;
});

/** The logged-in user; for routes that only sessions reach. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): SessionUser => {
  const actor = context.switchToHttp().getRequest<FastifyRequest>().actor;
  if (actor?.type !== 'user') {
    throw new Unauthenticated();
  }
  return actor.user;
});

/** The id of the caller's session; for routes that only sessions reach. */
export const CurrentSessionId = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const actor = context.switchToHttp().getRequest<FastifyRequest>().actor;
  if (actor?.type !== 'user') {
    throw new Unauthenticated();
  }
  return actor.sessionId;
});

/** What the audit log needs about a request. */
export interface RequestMeta {
  requestId: string;
  ip: string;
  userAgent: string | null;
}

export const RequestInfo = createParamDecorator((_data: unknown, context: ExecutionContext): RequestMeta => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  const userAgent = request.headers['user-agent'];
  return {
    requestId: String(request.id),
    ip: request.ip,
    userAgent: userAgent ? userAgent.slice(0, 500) : null,
  };
});

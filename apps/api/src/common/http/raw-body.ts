import { applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { errorCodes, type FastifyInstance, type FastifyRequest } from 'fastify';

/** The largest signed delivery a raw-body route takes: WhatsApp sends up to 3 MB. */
export const RAW_BODY_LIMIT_BYTES = 4 * 1024 * 1024;
/** CloudEvents' JSON media types: read only by raw-body routes (the generic webhook). */
export const CLOUDEVENTS_TYPES = [
  'application/cloudevents+json',
  'application/cloudevents-batch+json',
] as const;

interface RawBodyRouteConfig {
  rawBody?: boolean;
}

/**
 * Marks a route that needs the exact bytes it was sent (signed webhook deliveries: the signature
 * covers the raw body, and re-serialised JSON would not match as soon as a comment holds an "ä").
 * Such a route gets `request.body` as a Buffer of up to RAW_BODY_LIMIT_BYTES, JSON or CloudEvents.
 */
export const AcceptsRawBody = (): MethodDecorator =>
  applyDecorators(RouteConfig({ rawBody: true } satisfies RawBodyRouteConfig));

/** The raw body of a route marked with `@AcceptsRawBody()`; an empty buffer when none was sent. */
export function rawBodyOf(request: FastifyRequest): Buffer {
  return Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
}

/**
 * Fastify's JSON parsing (with its prototype-poisoning guards) for every route within the app's
 * body limit, and the raw bytes for routes that asked for them. CloudEvents types are refused
 * with 415 elsewhere.
 */
export function registerJsonParsers(fastify: FastifyInstance, bodyLimitBytes: number): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser(['application/json']);
  fastify.addContentTypeParser(
    ['application/json', ...CLOUDEVENTS_TYPES],
    { parseAs: 'buffer', bodyLimit: Math.max(bodyLimitBytes, RAW_BODY_LIMIT_BYTES) },
    (request: FastifyRequest, body: string | Buffer, done: (error: Error | null, body?: unknown) => void) => {
      const raw = typeof body === 'string' ? Buffer.from(body) : body;
      const config = request.routeOptions.config as RawBodyRouteConfig | undefined;
      if (config?.rawBody === true) {
        done(null, raw);
        return;
      }
      const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (type !== 'application/json') {
        done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(type));
        return;
      }
      if (raw.length > bodyLimitBytes) {
        done(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
        return;
      }
      // Fastify's parser answers through `done`; the promise type it declares is never one.
      void parseJson(request, raw.toString('utf8'), done);
    },
  );
}

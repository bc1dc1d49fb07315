import { applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { errorCodes, type FastifyInstance, type FastifyRequest } from 'fastify';

/** The text bodies a route marked with `@AcceptsTextBody()` reads, as strings. */
export const TEXT_BODY_TYPES = ['text/csv', 'text/plain'] as const;

interface TextBodyRouteConfig {
  textBody?: boolean;
}

/**
 * Marks a route that reads `text/csv` and `text/plain` bodies (as a string, within the app's body
 * limit). Every other route keeps answering such bodies with 415: JSON is what this API reads.
 */
export const AcceptsTextBody = (): MethodDecorator =>
  applyDecorators(RouteConfig({ textBody: true } satisfies TextBodyRouteConfig));

/** One parser for the text types, which refuses them on routes that did not ask for them. */
export function registerTextBodyParsers(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser(['text/plain']);
  fastify.addContentTypeParser(
    [...TEXT_BODY_TYPES],
    { parseAs: 'string' },
    (request: FastifyRequest, body: string | Buffer, done: (error: Error | null, body?: unknown) => void) => {
      const config = request.routeOptions.config as TextBodyRouteConfig | undefined;
      if (config?.textBody !== true) {
        done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(request.headers['content-type']));
        return;
      }
      done(null, typeof body === 'string' ? body : body.toString('utf8'));
    },
  );
}

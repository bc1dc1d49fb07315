import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

import { applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { errorCodes, type FastifyInstance, type FastifyRequest } from 'fastify';

/** The text bodies a route marked with `@AcceptsTextBody()` reads, as strings. */
export const TEXT_BODY_TYPES = ['text/csv', 'text/plain'] as const;

interface TextBodyRouteConfig {
  textBody?: boolean;
  /** For `@AcceptsStreamedBody()`: the largest body the route takes, in bytes. */
  streamedBodyLimit?: number;
}

/**
 * Marks a route that reads `text/csv` and `text/plain` bodies (as a string, within the app's body
 * limit). Every other route keeps answering such bodies with 415: JSON is what this API reads.
 */
export const AcceptsTextBody = (): MethodDecorator =>
  applyDecorators(RouteConfig({ textBody: true } satisfies TextBodyRouteConfig));

/**
 * Marks a route that reads a `text/csv` or `text/plain` body as a stream, beyond the app's body
 * limit (file imports): the handler gets `request.body` as a Readable (see `streamedBodyOf`) that
 * it must read itself. A body declared larger than `limitBytes` is refused with 413 before a byte
 * is read; one that turns out larger fails the stream with the same 413 error.
 */
export const AcceptsStreamedBody = (limitBytes: number): MethodDecorator =>
  applyDecorators(RouteConfig({ streamedBodyLimit: limitBytes } satisfies TextBodyRouteConfig));

/** The body of a `@AcceptsStreamedBody()` route, or null when it came as something else (JSON). */
export function streamedBodyOf(body: unknown): Readable | null {
  return body instanceof LimitedBody ? body : null;
}

/**
 * One parser for the text types: a stream for streamed routes, a string for text routes, 415
 * everywhere else. Strings are read as Fastify reads them (content length checked first, then
 * every chunk), within the app's body limit.
 */
export function registerTextBodyParsers(fastify: FastifyInstance): void {
  const bodyLimit = fastify.initialConfig.bodyLimit ?? 1024 * 1024;
  fastify.removeContentTypeParser(['text/plain']);
  fastify.addContentTypeParser(
    [...TEXT_BODY_TYPES],
    (request: FastifyRequest, payload: Readable, done: (error: Error | null, body?: unknown) => void) => {
      const config = request.routeOptions.config as TextBodyRouteConfig | undefined;
      const declared = Number(request.headers['content-length']);
      if (config?.streamedBodyLimit !== undefined) {
        if (declared > config.streamedBodyLimit) {
          done(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
          return;
        }
        done(null, payload.pipe(new LimitedBody(config.streamedBodyLimit, payload)));
        return;
      }
      if (config?.textBody !== true) {
        done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(request.headers['content-type']));
        return;
      }
      readText(payload, declared, bodyLimit, done);
    },
  );
  // A streamed body the handler did not read to its end (it answered early: 400, 403, 413) is
  // read and dropped, as Node does with unread bodies, so the connection stays usable.
  fastify.addHook('onResponse', (request, _reply, done) => {
    if (request.body instanceof LimitedBody) request.body.discardRest();
    done();
  });
}

/** A request body passed through as it arrives, failing with 413 past its limit. */
class LimitedBody extends Transform {
  private received = 0;

  constructor(
    private readonly limit: number,
    private readonly source: Readable,
  ) {
    super();
    // An aborted upload ends the body with the error instead of leaving its reader waiting.
    source.on('error', (error: Error) => this.destroy(error));
  }

  /** Reads what is left of the request and drops it; past the limit, closes the connection. */
  discardRest(): void {
    if (this.source.readableEnded || this.source.destroyed) return;
    this.source.unpipe(this);
    this.source.on('data', (chunk: Buffer) => {
      this.received += chunk.length;
      if (this.received > this.limit) this.source.destroy();
    });
    this.source.resume();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.received += chunk.length;
    if (this.received > this.limit) {
      callback(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
      return;
    }
    callback(null, chunk);
  }
}

function readText(
  payload: Readable,
  declared: number,
  limit: number,
  done: (error: Error | null, body?: unknown) => void,
): void {
  if (declared > limit) {
    done(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
    return;
  }
  const decoder = new StringDecoder('utf8');
  let text = '';
  let received = 0;
  const finish = (error: Error | null): void => {
    payload.removeListener('data', onData);
    payload.removeListener('end', onEnd);
    payload.removeListener('error', onError);
    if (error) {
      done(error);
      return;
    }
    if (!Number.isNaN(declared) && received !== declared) {
      done(new errorCodes.FST_ERR_CTP_INVALID_CONTENT_LENGTH());
      return;
    }
    done(null, text + decoder.end());
  };
  const onData = (chunk: Buffer): void => {
    received += chunk.length;
    if (received > limit) {
      finish(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
      return;
    }
    text += decoder.write(chunk);
  };
  const onEnd = (): void => finish(null);
  const onError = (error: Error & { statusCode?: number }): void => {
    if (!(typeof error.statusCode === 'number' && error.statusCode >= 400)) error.statusCode = 400;
    finish(error);
  };
  payload.on('data', onData);
  payload.on('end', onEnd);
  payload.on('error', onError);
  payload.resume();
}

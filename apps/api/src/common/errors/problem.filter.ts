import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';

import { DomainError } from './domain-error';
import { PROBLEM_CONTENT_TYPE, type Problem, problem } from './problem';

/**
 * Turns every error into problem+json: domain errors, Nest's HTTP exceptions, Fastify's own
 * errors (malformed JSON, 413, 415), database constraint violations, and — as a 500 with the
 * request id to quote — anything unexpected, which is logged but never described to the client.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<FastifyRequest>();
    const reply = context.getResponse<FastifyReply>();
    const body = this.toProblem(exception, request);
    if (exception instanceof DomainError && exception.extras.headers) {
      void reply.headers(exception.extras.headers);
    }
    void reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
  }

  toProblem(exception: unknown, request: FastifyRequest): Problem {
    const extras = { instance: request.url.split('?')[0] ?? '/', requestId: String(request.id) };
    if (exception instanceof DomainError) {
      return problem(exception.status, exception.code, exception.message, {
        ...extras,
        ...(exception.extras.errors ? { errors: exception.extras.errors } : {}),
      });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 404) {
        return problem(404, 'not_found', `No route matches ${request.method} ${extras.instance}.`, extras);
      }
      // Nest turns Fastify's JSON SyntaxError into a BadRequestException carrying the parser's message.
      if (status === 400 && /JSON/.test(exception.message)) {
        return problem(400, 'malformed_json', 'The request body is not valid JSON.', extras);
      }
      if (status === 413) {
        return problem(413, 'payload_too_large', 'The request body is larger than this API accepts.', extras);
      }
      if (status === 415) {
        return problem(415, 'unsupported_media_type', 'Send the request body as application/json.', extras);
      }
      return problem(status, httpCode(status), httpDetail(exception), extras);
    }
    const fastifyError = asFastifyClientError(exception);
    if (fastifyError) {
      return problem(fastifyError.status, fastifyError.code, fastifyError.detail, extras);
    }
    if (exception instanceof QueryFailedError) {
      const mapped = mapDatabaseError(exception as { driverError?: unknown });
      if (mapped) {
        return problem(mapped.status, mapped.code, mapped.detail, extras);
      }
    }
    this.logger.error(
      { err: exception, requestId: extras.requestId, method: request.method, url: request.url },
      'Unexpected error',
    );
    return problem(
      500,
      'internal_error',
      `Something went wrong on our side. Quote request id ${extras.requestId} when you report it.`,
      extras,
    );
  }
}

function httpCode(status: number): string {
  switch (status) {
    case 400:
      return 'bad_request';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 405:
      return 'method_not_allowed';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    case 429:
      return 'too_many_requests';
    default:
      return status >= 500 ? 'internal_error' : 'bad_request';
  }
}

function httpDetail(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  if (typeof response === 'object' && response !== null && 'message' in response) {
    const message = response.message;
    if (typeof message === 'string') return message;
    if (Array.isArray(message)) return message.join('; ');
  }
  return exception.message;
}

interface ClientError {
  status: number;
  code: string;
  detail: string;
}

/** Fastify's own request errors (body parsing, limits, content types) carry a 4xx statusCode. */
function asFastifyClientError(exception: unknown): ClientError | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const { statusCode, code, message } = exception as {
    statusCode?: unknown;
    code?: unknown;
    message?: unknown;
  };
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) {
    if (exception instanceof SyntaxError) {
      return { status: 400, code: 'malformed_json', detail: 'The request body is not valid JSON.' };
    }
    return undefined;
  }
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status: 413,
        code: 'payload_too_large',
        detail: 'The request body is larger than this API accepts.',
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        code: 'unsupported_media_type',
        detail: 'Send the request body as application/json.',
      };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        status: 400,
        code: 'malformed_json',
        detail: 'The request says it is JSON but its body is empty.',
      };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case undefined:
      if (exception instanceof SyntaxError || code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
        return { status: 400, code: 'malformed_json', detail: 'The request body is not valid JSON.' };
      }
      break;
    default:
      break;
  }
  return {
    status: statusCode,
    code: statusCode === 415 ? 'unsupported_media_type' : 'bad_request',
    detail: typeof message === 'string' ? message : 'The request could not be read.',
  };
}

function mapDatabaseError(error: { driverError?: unknown }): ClientError | undefined {
  const code = (error.driverError as { code?: string } | undefined)?.code;
  switch (code) {
    case '23505':
      return { status: 409, code: 'conflict', detail: 'This conflicts with an existing record.' };
    case '23503':
      return { status: 409, code: 'conflict', detail: 'This refers to a record that does not exist.' };
    case '23514':
      return { status: 409, code: 'conflict', detail: 'This would break a rule of the data.' };
    case '22021': // a NUL byte or an invalid character in text
    case '22P05':
      return {
        status: 400,
        code: 'bad_request',
        detail: 'A text in the request holds a character that cannot be stored.',
      };
    case '22P02':
      return { status: 400, code: 'bad_request', detail: 'A value in the request has the wrong format.' };
    default:
      return undefined;
  }
}

import { existsSync } from 'node:fs';
import { type IncomingMessage } from 'node:http';
import path from 'node:path';

import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import { type ModuleMetadata } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import helmet from 'helmet';
import { type Logger } from 'pino';

import { uuidv7 } from '@fanfare/shared';

import { AppModule } from './app.module';
import { SESSION_COOKIE } from './auth/access.decorators';
import { PROBLEM_CONTENT_TYPE, problem } from './common/errors/problem';
import { ProblemFilter } from './common/errors/problem.filter';
import { registerJsonParsers } from './common/http/raw-body';
import { registerTextBodyParsers } from './common/http/text-body';
import { StrictValidationPipe } from './common/http/validation.pipe';
import { PinoNestLogger } from './common/logging/logger';
import { type RuntimeConfig } from './config/config.module';
import { WidgetAuthService } from './widget/widget-auth.service';

export const API_PREFIX = 'api/v1';

/** Builds the Nest app on Fastify with the whole request pipeline; `main.ts` and tests share it. */
export async function createApp(
  config: RuntimeConfig,
  logger: Logger,
  extraImports: NonNullable<ModuleMetadata['imports']> = [],
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (request: IncomingMessage) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && /^[A-Za-z0-9._:-]{8,100}$/.test(incoming) ? incoming : uuidv7();
    },
    requestIdLogLabel: 'requestId',
    return503OnClosing: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, extraImports),
    adapter,
    {
      logger: new PinoNestLogger(logger),
      abortOnError: false,
      // Fastify's own JSON parser only; other body types are refused with 415 below.
      bodyParser: false,
    },
  );
  await configureApp(app, config);
  return app;
}

/** Global prefix, validation, errors, security headers, cookies, docs and the static front ends. */
export async function configureApp(app: NestFastifyApplication, config: RuntimeConfig): Promise<void> {
  setRoutePrefix(app);
  app.useGlobalPipes(new StrictValidationPipe());
  app.useGlobalFilters(new ProblemFilter());

  await app.register(fastifyCookie);
  // Security headers on every response. Helmet's middleware is built once (the Fastify plugin
  // rebuilds it, CSP parsing included, on every request).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // The widget script is embedded on brands' own sites.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      securityHeaders(request.raw, reply.raw, (error?: unknown) =>
        done(error instanceof Error ? error : undefined),
      );
    });

  await registerWidgetCors(app);

  const fastify = app.getHttpAdapter().getInstance();
  // JSON is the body this API reads; text/csv and text/plain only where a route accepts them
  // (coupon code uploads), raw bytes where a route verifies a signature over them (webhooks).
  // Anything else is answered with 415.
  registerJsonParsers(fastify, config.bodyLimitBytes);
  registerTextBodyParsers(fastify);
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', String(request.id));
  });

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    yamlDocumentUrl: 'api/docs-yaml',
    customSiteTitle: 'Fanfare API',
  });

  serveFrontEnds(app, config);
  await app.init();
}

/**
 * CORS only on the widget API, and only for the origins the brand (named by `?pk=`, which preflights
 * carry too) allows. Other origins get no CORS headers, so browsers keep their pages out.
 */
async function registerWidgetCors(app: NestFastifyApplication): Promise<void> {
  const widgetAuth = app.get(WidgetAuthService);
  await app.register(fastifyCors, {
    delegator: (request, callback) => {
      const pathname = request.url.split('?')[0] ?? '';
      if (!pathname.startsWith(WIDGET_API_PATH)) {
        callback(null, { origin: false });
        return;
      }
      widgetAuth.brandOf(request).then(
        (brand) =>
          callback(null, {
            origin: brand?.origins ?? false,
            methods: ['GET', 'POST'],
            allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
            exposedHeaders: ['Retry-After', 'X-Request-Id'],
            maxAge: 600,
          }),
        (error: Error) => callback(error),
      );
    },
  });
}

const WIDGET_API_PATH = `/${API_PREFIX}/widget/`;

/** `/api/v1` for the API; health and readiness stay at `/api/health` and `/api/ready`. */
export function setRoutePrefix(app: NestFastifyApplication): void {
  app.setGlobalPrefix(API_PREFIX, { exclude: ['api/health', 'api/ready'] });
}

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const options = new DocumentBuilder()
    .setTitle('Fanfare API')
    .setDescription(
      'Social CRM loyalty platform. Errors are RFC 9457 problem details (application/problem+json). ' +
        'Brand-scoped routes accept a member session (cookie) or, where stated, the brand’s API key as ' +
        '`Authorization: Bearer sk_…`. Lists are cursor-paginated (`limit`, `cursor` → `nextCursor`).',
    )
    .setVersion('1.0')
    .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }, 'session')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A brand API key (sk_…)' }, 'apiKey')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          "A fan token: HS256 JWT signed by the brand's backend with its widget secret (kid: wk_…)",
      },
      'fanToken',
    )
    .build();
  return SwaggerModule.createDocument(app, options, {
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
}

/** The admin SPA at `/` (history routing falls back to index.html) and the widget at `/widget.js`. */
function serveFrontEnds(app: NestFastifyApplication, config: RuntimeConfig): void {
  const fastify = app.getHttpAdapter().getInstance();
  const adminIndex = path.join(config.adminDistDir, 'index.html');
  const hasAdmin = existsSync(adminIndex);
  if (hasAdmin) {
    void fastify.register(fastifyStatic, {
      root: config.adminDistDir,
      prefix: '/',
      wildcard: false,
      index: false,
    });
  }
  if (existsSync(path.join(config.widgetDistDir, 'widget.js'))) {
    void fastify.register(fastifyStatic, {
      root: config.widgetDistDir,
      prefix: '/',
      wildcard: false,
      decorateReply: !hasAdmin,
      index: false,
    });
  }
  if (config.seedDemo && existsSync(path.join(config.demoSiteDir, 'index.html'))) {
    // The demo shop and the admin's widget preview: plain pages that embed /widget.js.
    void fastify.register(fastifyStatic, {
      root: config.demoSiteDir,
      prefix: '/demo/',
      redirect: true,
      decorateReply: false,
      index: ['index.html'],
      // The preview is framed by the admin (same origin); every other page stays unframeable.
      setHeaders: (response, filePath) => {
        if (path.basename(filePath) === 'preview.html') {
          const policy = String(response.getHeader('content-security-policy') ?? '');
          response.setHeader(
            'content-security-policy',
            policy.replace("frame-ancestors 'none'", "frame-ancestors 'self'"),
          );
          response.setHeader('x-frame-options', 'SAMEORIGIN');
        }
      },
    });
  }
  fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    if (!hasAdmin || pathname.startsWith('/api/') || pathname === '/api' || path.extname(pathname) !== '') {
      return reply
        .status(404)
        .header('content-type', PROBLEM_CONTENT_TYPE)
        .send(
          problem(404, 'not_found', `No route matches GET ${pathname}.`, {
            instance: pathname,
            requestId: String(request.id),
          }),
        );
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', config.adminDistDir);
  });
}

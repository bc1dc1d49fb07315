import { Controller, Get, Module } from '@nestjs/common';

import { Public } from '../src/auth/access.decorators';
import { startTestApp, type TestApp } from './support/test-app';

/** A route that fails like a bug would: the answer must not leak what went wrong. */
@Controller('probe')
class FailingProbeController {
  @Get('boom')
  @Public()
  boom(): never {
    throw new Error('relation "secret_table" does not exist at /srv/app/src/secret.ts:42');
  }
}

@Module({ controllers: [FailingProbeController] })
class FailingProbeModule {}

import { PROBLEM } from './support/http';

describe('API foundation: the request pipeline', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ imports: [FailingProbeModule] });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers health and readiness outside the versioned prefix', async () => {
    await t.http().get('/api/health').expect(200, { status: 'ok' });
    const ready = await t.http().get('/api/ready').expect(200);
    expect(ready.body).toEqual({ status: 'ready', database: 'up', migrations: 'applied' });
  });

  it('answers unknown routes with a problem+json 404', async () => {
    for (const [method, path] of [
      ['get', '/api/v1/nowhere'],
      ['post', '/api/v1/nowhere'],
      ['delete', '/api/v1/brands'],
      ['get', '/api/nowhere'],
    ] as const) {
      const response = await t.http()[method](path).expect(404);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body).toMatchObject({ status: 404, code: 'not_found', title: 'Not Found' });
      expect(response.body.instance).toBe(path);
    }
  });

  it('rejects malformed JSON with a 400 problem', async () => {
    const response = await t
      .http()
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send('{"email": "a@b.de",')
      .expect(400);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body).toMatchObject({ code: 'malformed_json', status: 400 });
  });

  it('rejects bodies that are not JSON with 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const response = await t
        .http()
        .post('/api/v1/auth/login')
        .set('content-type', type)
        .send('email=a')
        .expect(415);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body.code).toBe('unsupported_media_type');
    }
  });

  it('rejects bodies over the limit with 413', async () => {
    const big = JSON.stringify({ email: 'a@b.de', password: 'x'.repeat(t.config.bodyLimitBytes) });
    const response = await t
      .http()
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send(big)
      .expect(413);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body.code).toBe('payload_too_large');
  });

  it('names each invalid field and rejects unknown fields', async () => {
    const response = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'not-an-email', password: '', isAdmin: true })
      .expect(400);
    expect(response.body.code).toBe('validation_failed');
    const fields = (response.body.errors as Array<{ field: string; reason: string }>).map(
      (error) => error.field,
    );
    expect(fields).toEqual(expect.arrayContaining(['email', 'password', 'isAdmin']));
    expect(response.body.errors).toContainEqual({ field: 'isAdmin', reason: 'is not a known field' });
  });

  it('rejects a JSON body that is not an object', async () => {
    const response = await t
      .http()
      .post('/api/v1/auth/login')
      .send([{ email: 'a@b.de' }])
      .expect(400);
    expect(response.body.errors).toEqual([{ field: '', reason: 'the body must be a JSON object' }]);
  });

  it('answers unexpected errors with a 500 that carries the request id and leaks nothing', async () => {
    const response = await t
      .http()
      .get('/api/v1/probe/boom')
      .set('x-request-id', 'trace-12345678')
      .expect(500);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body).toMatchObject({ status: 500, code: 'internal_error', requestId: 'trace-12345678' });
    const text = JSON.stringify(response.body);
    expect(text).not.toMatch(/secret_table|secret\.ts|at \//);
    expect(response.headers['x-request-id']).toBe('trace-12345678');
    const logged = t.logs.find((line) => line.requestId === 'trace-12345678' && line.level === 50);
    expect(logged).toBeDefined();
    expect(JSON.stringify(logged)).toContain('secret_table');
  });

  it('gives every request an id, logs it, and sets security headers', async () => {
    const response = await t.http().get('/api/health').expect(200);
    const id = response.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(t.logs.some((line) => line.requestId === id && line.msg === 'request completed')).toBe(true);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['strict-transport-security']).toBeDefined();
  });

  it('serves the OpenAPI document and its UI', async () => {
    const json = await t.http().get('/api/docs-json').expect(200);
    expect(json.body.info.title).toBe('Fanfare API');
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/brands/{brandId}/api-keys']),
    );
    const ui = await t.http().get('/api/docs').expect(200);
    expect(ui.text).toContain('swagger');
  });
});

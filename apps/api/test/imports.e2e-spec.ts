import { once } from 'node:events';
import { type IncomingMessage, request as httpRequest } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import { uuidv7 } from '@fanfare/shared';

import { type CreatedApiKeyDto } from '../src/api-keys/dto/api-key.dto';
import { EventsService } from '../src/events/events.service';
import { type ImportDetailDto, type ImportPageDto } from '../src/imports/dto/import.dto';
import { ImportBooker } from '../src/imports/import-booker';
import { ImportsRepository } from '../src/imports/imports.repository';
import { LedgerCheckRepository } from '../src/ledger/ledger-check.repository';
import { PROBLEM, type Problem, tag, uniqueEmail } from './support/http';
import { addMember, createBrand, login } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** An import, or the problem answered instead. */
type ImportAnswer = ImportDetailDto & Partial<Pick<Problem, 'code' | 'detail' | 'errors'>>;

interface Answer<T> {
  status: number;
  body: T;
  headers: Headers;
}

/** A full garbage collection, so that memory figures count what is held, not what is left over. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

describe('event imports', () => {
  let t: TestApp;
  let owner: string;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await login(t);
  });
  afterAll(async () => {
    await t.close();
  });

  /** A brand with one active campaign: 10 points per Instagram comment with #SoMeParade, 1 per euro spent, 1 per video view. */
  async function brandWithCampaign(): Promise<string> {
    const brandId = await createBrand(t, owner, `Import ${tag()}`);
    await t
      .http()
      .post(`/api/v1/brands/${brandId}/campaigns`)
      .set('Cookie', owner)
      .send({
        name: 'Always on',
        startsAt: new Date(Date.now() - 400 * DAY).toISOString(),
        status: 'active',
        rules: [
          {
            name: 'Comment with #SoMeParade',
            trigger: { eventType: 'comment', channels: ['instagram'] },
            conditions: [{ property: 'hashtags', op: 'contains', value: 'SoMeParade' }],
            award: { kind: 'fixed', points: 10 },
            limits: [],
          },
          {
            name: 'Purchase',
            trigger: { eventType: 'purchase' },
            conditions: [],
            award: { kind: 'per_unit', property: 'amount', pointsPerUnit: 1, rounding: 'floor' },
            limits: [],
          },
          {
            name: 'Video view',
            trigger: { eventType: 'video_view' },
            conditions: [],
            award: { kind: 'fixed', points: 1 },
            limits: [],
          },
        ],
      })
      .expect(201);
    return brandId;
  }

  async function upload(
    brandId: string,
    csv: string | Buffer,
    options: { cookie?: string; bearer?: string; filename?: string; contentType?: string } = {},
  ): Promise<Answer<ImportAnswer>> {
    const query = options.filename ? `?filename=${encodeURIComponent(options.filename)}` : '';
    const response = await fetch(`${t.url}/api/v1/brands/${brandId}/imports${query}`, {
      method: 'POST',
      headers: {
        'content-type': options.contentType ?? 'text/csv',
        ...(options.bearer
          ? { authorization: `Bearer ${options.bearer}` }
          : { cookie: options.cookie ?? owner }),
      },
      body: csv,
    });
    return {
      status: response.status,
      body: (await response.json()) as ImportAnswer,
      headers: response.headers,
    };
  }

  async function getImport(
    brandId: string,
    importId: string,
    cookie = owner,
  ): Promise<Answer<ImportDetailDto>> {
    const response = await fetch(`${t.url}/api/v1/brands/${brandId}/imports/${importId}`, {
      headers: { cookie },
    });
    return {
      status: response.status,
      body: (await response.json()) as ImportDetailDto,
      headers: response.headers,
    };
  }

  /** Sends the chunks as a chunked request body, each when the socket has taken the one before. */
  async function streamedUpload(path: string, chunks: Iterable<Buffer>): Promise<Answer<ImportDetailDto>> {
    const request = httpRequest(`${t.url}${path}`, {
      method: 'POST',
      headers: { cookie: owner, 'content-type': 'text/csv' },
    });
    const answered = once(request, 'response') as Promise<[IncomingMessage]>;
    for (const chunk of chunks) {
      if (!request.write(chunk)) await once(request, 'drain');
    }
    request.end();
    const [response] = await answered;
    let text = '';
    for await (const part of response) text += (part as Buffer).toString();
    return {
      status: response.statusCode ?? 0,
      body: JSON.parse(text) as ImportDetailDto,
      headers: new Headers(),
    };
  }

  /** Polls the import until the job has finished with it. */
  async function finished(brandId: string, importId: string, timeoutMs = 60_000): Promise<ImportDetailDto> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { body } = await getImport(brandId, importId);
      if (body.status === 'done' || body.status === 'failed') return body;
      if (Date.now() > deadline)
        throw new Error(`import ${importId} still ${body.status} after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async function balances(brandId: string): Promise<Record<string, number>> {
    const rows: Array<{ external_id: string; balance: string }> = await t.dataSource.query(
      `SELECT i.external_id, f.balance FROM fan f JOIN fan_identity i ON i.brand_id = f.brand_id AND i.fan_id = f.id
        WHERE f.brand_id = $1 ORDER BY i.external_id`,
      [brandId],
    );
    return Object.fromEntries(rows.map((row) => [row.external_id, Number(row.balance)]));
  }

  async function count(sql: string, params: unknown[]): Promise<number> {
    const [row] = await t.dataSource.query<Array<{ n: number }>>(sql, params);
    return row?.n ?? -1;
  }

  async function expectConsistent(brandId: string): Promise<void> {
    const report = await new LedgerCheckRepository(t.dataSource).check(brandId);
    expect(report.problems).toEqual([]);
  }

  const at = (daysAgo: number, hour = 10): string =>
    new Date(Math.floor(Date.now() / DAY) * DAY - daysAgo * DAY + hour * HOUR).toISOString();
  const TAGGED = '"{""hashtags"":[""someparade""]}"';

  function mixedFile(): string {
    return [
      'id,type,channel,occurred_at,fan_external_id,fan_handle,properties',
      `c-1,comment,instagram,${at(30)},anna,@anna,${TAGGED}`,
      `c-2,comment,instagram,${at(29)},ben,@ben,${TAGGED}`,
      `c-3,tweet,instagram,${at(28)},anna,,`,
      `c-4,comment,instagram,27.11.2025 10:15,anna,,`,
      `c-5,comment,,${at(27)},anna,,`,
      `c-6,comment,instagram,${at(26)},anna,,"{""hashtags"": ["`,
      `c-1,comment,instagram,${at(25)},anna,,${TAGGED}`,
      `c-7,comment,instagram,${at(24)},anna,,"{""hashtags"":[""other""]}"`,
      '',
    ].join('\n');
  }

  it('reports each bad row with its line and reason and books the good ones once', async () => {
    const brandId = await brandWithCampaign();
    const first = await upload(brandId, mixedFile(), { filename: 'history.csv' });
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({
      filename: 'history.csv',
      rowsTotal: 8,
      rowsValid: 3,
      rowsRejected: 5,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as string,
    });
    expect(['queued', 'running', 'done']).toContain(first.body.status);
    expect(first.body.errorSample.map((row) => [row.line, row.id, row.errors.map((e) => e.field)])).toEqual([
      [4, 'c-3', ['type']],
      [5, 'c-4', ['occurred_at']],
      [6, 'c-5', ['channel']],
      [7, 'c-6', ['properties']],
      [8, 'c-1', ['id']],
    ]);
    expect(first.body.errorSample[4]?.errors[0]?.reason).toMatch(/repeats the id of line 2/);

    const done = await finished(brandId, first.body.id);
    expect(done).toMatchObject({
      status: 'done',
      rowsBooked: 3,
      outcomes: { awarded: 2, no_match: 1, capped: 0, retracted: 0, duplicate: 0, rejected: 0 },
      points: 20,
      error: null,
    });
    expect(done.finishedAt).not.toBeNull();
    expect(await balances(brandId)).toEqual({ anna: 10, ben: 10 });
    expect(
      await count('SELECT count(*)::int AS n FROM event_import_row WHERE brand_id = $1', [brandId]),
    ).toBe(0);
    await expectConsistent(brandId);

    // The report as CSV: RFC 4180 with CRLF, a row per refused line.
    const csv = await fetch(`${t.url}/api/v1/brands/${brandId}/imports/${first.body.id}/errors.csv`, {
      headers: { cookie: owner },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await csv.text();
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('line,id,reasons');
    expect(lines.slice(1, 6).map((line) => line.split(',').slice(0, 2).join(','))).toEqual([
      '4,c-3',
      '5,c-4',
      '6,c-5',
      '7,c-6',
      '8,c-1',
    ]);
    expect(lines[4]).toMatch(/properties: is not valid JSON/);
    expect(lines[6]).toBe('');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);

    // The same file again: the earlier import, and nothing booked twice.
    const ledgerBefore = await count('SELECT count(*)::int AS n FROM ledger_entry WHERE brand_id = $1', [
      brandId,
    ]);
    const again = await upload(brandId, mixedFile(), { filename: 'again.csv' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      id: first.body.id,
      filename: 'history.csv',
      status: 'done',
      rowsBooked: 3,
    });
    expect(await balances(brandId)).toEqual({ anna: 10, ben: 10 });
    expect(await count('SELECT count(*)::int AS n FROM ledger_entry WHERE brand_id = $1', [brandId])).toBe(
      ledgerBefore,
    );
    expect(await count('SELECT count(*)::int AS n FROM event_import WHERE brand_id = $1', [brandId])).toBe(1);

    // A corrected file (bad rows fixed, good rows left in) books only what is new.
    const corrected = mixedFile()
      .replace('tweet', 'comment')
      .replace('27.11.2025 10:15', at(27, 11))
      .replace(`c-5,comment,,`, `c-5,comment,instagram,`)
      .replace('"{""hashtags"": ["', TAGGED);
    const fixed = await upload(brandId, corrected);
    expect(fixed.status).toBe(202);
    expect(fixed.body).toMatchObject({ rowsTotal: 8, rowsValid: 7, rowsRejected: 1 });
    const fixedDone = await finished(brandId, fixed.body.id);
    expect(fixedDone.outcomes).toMatchObject({ duplicate: 3, no_match: 3, awarded: 1 });
    // c-3, c-4 and c-5 have no hashtag: no match; c-6 earns 10.
    expect(await balances(brandId)).toEqual({ anna: 20, ben: 10 });

    const list = await fetch(`${t.url}/api/v1/brands/${brandId}/imports?limit=1`, {
      headers: { cookie: owner },
    });
    const page = (await list.json()) as ImportPageDto;
    expect(page.items.map((item) => item.id)).toEqual([fixed.body.id]);
    expect(page.nextCursor).not.toBeNull();
    const next = await fetch(
      `${t.url}/api/v1/brands/${brandId}/imports?limit=1&cursor=${encodeURIComponent(page.nextCursor!)}`,
      { headers: { cookie: owner } },
    );
    const secondPage = (await next.json()) as ImportPageDto;
    expect(secondPage.items.map((item) => item.id)).toEqual([first.body.id]);
    expect(secondPage.nextCursor).toBeNull();
    await expectConsistent(brandId);

    const audit: Array<{ action: string; target_label: string }> = await t.dataSource.query(
      `SELECT action, target_label FROM audit_log WHERE brand_id = $1 AND action = 'event_import.created' ORDER BY id`,
      [brandId],
    );
    expect(audit).toEqual([
      { action: 'event_import.created', target_label: 'history.csv' },
      { action: 'event_import.created', target_label: null },
    ]);
  });

  it('books retractions: of a row in the file, of an event sent before, and of one that comes later', async () => {
    const brandId = await brandWithCampaign();
    const sent = await t
      .http()
      .post(`/api/v1/brands/${brandId}/events`)
      .set('Cookie', owner)
      .send({
        id: 'api-1',
        type: 'comment',
        channel: 'instagram',
        occurredAt: at(12),
        fan: { externalId: 'cara' },
        properties: { hashtags: ['someparade'] },
      })
      .expect(200);
    expect(sent.body).toMatchObject({ status: 'awarded', points: 10 });

    const file = [
      'id,type,channel,occurred_at,fan_external_id,properties,retracts',
      `c-1,comment,instagram,${at(10)},anna,${TAGGED},`,
      `c-2,comment,instagram,${at(9)},ben,${TAGGED},`,
      `r-1,retract,,${at(8)},,,c-1`,
      `r-2,retract,,${at(8, 11)},,,api-1`,
      `r-3,retract,,${at(7)},,,c-9`,
      `r-4,retract,,${at(7, 11)},,,`,
      `c-3,comment,instagram,${at(6)},anna,${TAGGED},c-2`,
      '',
    ].join('\n');
    const answer = await upload(brandId, file);
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ rowsTotal: 7, rowsValid: 5, rowsRejected: 2 });
    expect(answer.body.errorSample.map((row) => [row.line, row.id, row.errors.map((e) => e.field)])).toEqual([
      [7, 'r-4', ['retracts']],
      [8, 'c-3', ['retracts']],
    ]);
    const done = await finished(brandId, answer.body.id);
    expect(done).toMatchObject({ status: 'done', rowsBooked: 5, error: null });
    expect(done.outcomes).toMatchObject({ awarded: 2, retracted: 3, duplicate: 0, rejected: 0 });
    // Net points: c-1 and c-2 earned 10 each; r-1 and r-2 took back 10 each (c-1's and api-1's);
    // c-9 had earned nothing yet.
    expect(done.points).toBe(0);
    expect(await balances(brandId)).toEqual({ anna: 0, ben: 10, cara: 0 });

    // The event retracted before it arrived earns nothing when it comes.
    const late = await t
      .http()
      .post(`/api/v1/brands/${brandId}/events`)
      .set('Cookie', owner)
      .send({
        id: 'c-9',
        type: 'comment',
        channel: 'instagram',
        occurredAt: at(11),
        fan: { externalId: 'dora' },
        properties: { hashtags: ['someparade'] },
      })
      .expect(200);
    expect(late.body).toMatchObject({ points: 0 });
    expect(late.body.status).not.toBe('awarded');
    expect((await balances(brandId)).dora ?? 0).toBe(0);
    await expectConsistent(brandId);
  });

  it('reads semicolons, a byte order mark, CRLF, decimal commas, rows without ids and unattributed rows', async () => {
    const brandId = await brandWithCampaign();
    const csv = Buffer.from(
      [
        '\uFEFFtype;channel;occurred_at;fan_external_id;fan_display_name;prop.amount;prop.currency',
        `purchase;store;${at(10)};kundin-1;"Müller; Anna";24,90;EUR`,
        `purchase;store;${at(9)};kundin-1;"Müller; Anna";5;EUR`,
        `purchase;store;${at(9)};kundin-1;"Anna Müller";5;EUR`,
        `like;instagram;${at(8)};;;;`,
        ';;;;;;',
        `purchase;web;${at(7)};kundin-2;"Zeile mit`,
        `Umbruch";12,5;EUR`,
        '',
      ].join('\r\n'),
    );
    const answer = await upload(brandId, csv);
    expect(answer.status).toBe(202);
    // Five data rows: the row of semicolons only is blank.
    expect(answer.body).toMatchObject({ rowsTotal: 5, rowsValid: 4, rowsRejected: 1 });
    // Line 4 says what line 3 says (only the name differs): the same event, without an id column.
    expect(answer.body.errorSample).toEqual([
      {
        line: 4,
        id: expect.stringMatching(/^import:[0-9a-f]{32}$/) as string,
        errors: [
          expect.objectContaining({
            field: 'id',
            reason: expect.stringMatching(/^repeats line 3/) as string,
          }),
        ],
      },
    ]);
    const done = await finished(brandId, answer.body.id);
    expect(done.outcomes).toMatchObject({ awarded: 3, no_match: 1 });
    expect(done.points).toBe(24 + 5 + 12);
    expect(await balances(brandId)).toEqual({ 'kundin-1': 29, 'kundin-2': 12 });
    const names: Array<{ display_name: string }> = await t.dataSource.query(
      `SELECT display_name FROM fan WHERE brand_id = $1 ORDER BY display_name`,
      [brandId],
    );
    expect(names.map((row) => row.display_name)).toEqual(['Müller; Anna', 'Zeile mit\nUmbruch']);
    const unattributed = await count(
      `SELECT count(*)::int AS n FROM engagement_event WHERE brand_id = $1 AND fan_id IS NULL AND type = 'like'`,
      [brandId],
    );
    expect(unattributed).toBe(1);
    await expectConsistent(brandId);
  });

  it('refuses a header without the required columns with 400 and stores nothing', async () => {
    const brandId = await brandWithCampaign();
    const answer = await upload(
      brandId,
      'id,type,when,fan_external_id\nx-1,like,2025-01-01T00:00:00Z,anna\n',
    );
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(PROBLEM);
    expect(answer.body.code).toBe('validation_failed');
    expect(answer.body.errors).toEqual([
      { field: 'when', reason: expect.stringMatching(/not a column/) as string },
      { field: 'channel', reason: expect.stringMatching(/required column/) as string },
      { field: 'occurred_at', reason: expect.stringMatching(/required column/) as string },
    ]);
    const empty = await upload(brandId, '');
    expect(empty.status).toBe(400);
    const broken = await upload(brandId, `type,channel,occurred_at\nlike,x,"${at(1)}\nlike,x,${at(1)}\n`);
    expect(broken.status).toBe(400);
    expect(broken.body.code).toBe('malformed_csv');
    expect(await count('SELECT count(*)::int AS n FROM event_import WHERE brand_id = $1', [brandId])).toBe(0);
    expect(
      await count('SELECT count(*)::int AS n FROM event_import_row WHERE brand_id = $1', [brandId]),
    ).toBe(0);
    expect(
      await count('SELECT count(*)::int AS n FROM engagement_event WHERE brand_id = $1', [brandId]),
    ).toBe(0);
  });

  it('takes text/csv only, and refuses a declared size over the limit with 413', async () => {
    const brandId = await brandWithCampaign();
    const json = await upload(brandId, JSON.stringify({ events: [] }), { contentType: 'application/json' });
    expect(json.status).toBe(415);
    const tooLarge = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(`${t.url}/api/v1/brands/${brandId}/imports`, {
        method: 'POST',
        headers: { cookie: owner, 'content-type': 'text/csv', 'content-length': String(600 * 1024 * 1024) },
      });
      request.on('response', (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => {
          resolve({ status: response.statusCode ?? 0, body });
          request.destroy();
        });
      });
      request.on('error', reject);
      request.write('type,channel,occurred_at\n');
    });
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.body)).toMatchObject({ code: 'payload_too_large' });
  });

  it('lets analysts read imports but not import, API keys with events:write import, and hides other brands', async () => {
    const brandId = await brandWithCampaign();
    const analyst = await addMember(t, owner, brandId, uniqueEmail('analyst'), 'analyst');
    const created = await upload(brandId, mixedFile());
    expect(created.status).toBe(202);

    const refused = await upload(brandId, mixedFile(), { cookie: analyst.cookie });
    expect(refused.status).toBe(403);
    expect((await getImport(brandId, created.body.id, analyst.cookie)).status).toBe(200);
    const listed = await fetch(`${t.url}/api/v1/brands/${brandId}/imports`, {
      headers: { cookie: analyst.cookie },
    });
    expect(listed.status).toBe(200);
    const errors = await fetch(`${t.url}/api/v1/brands/${brandId}/imports/${created.body.id}/errors.csv`, {
      headers: { cookie: analyst.cookie },
    });
    expect(errors.status).toBe(200);

    const key = async (scopes: string[]): Promise<string> => {
      const response = await t
        .http()
        .post(`/api/v1/brands/${brandId}/api-keys`)
        .set('Cookie', owner)
        .send({ name: `Key ${tag()}`, scopes })
        .expect(201);
      return (response.body as CreatedApiKeyDto).secret;
    };
    const reportsKey = await key(['reports:read']);
    expect((await upload(brandId, 'type,channel,occurred_at\n', { bearer: reportsKey })).status).toBe(403);
    const eventsKey = await key(['events:write']);
    const byKey = await upload(brandId, `type,channel,occurred_at,fan_external_id\nlike,x,${at(3)},kay\n`, {
      bearer: eventsKey,
    });
    expect(byKey.status).toBe(202);
    expect(byKey.body.createdBy).toMatch(/^Key /);
    await finished(brandId, byKey.body.id);

    // Another brand's import is not there, whoever asks.
    const otherBrand = await createBrand(t, owner, `Other ${tag()}`);
    expect((await getImport(otherBrand, created.body.id)).status).toBe(404);
    const otherErrors = await fetch(
      `${t.url}/api/v1/brands/${otherBrand}/imports/${created.body.id}/errors.csv`,
      {
        headers: { cookie: owner },
      },
    );
    expect(otherErrors.status).toBe(404);
    const strangerBrand = await createBrand(t, owner, `Stranger ${tag()}`);
    const stranger = await getImport(strangerBrand, created.body.id, analyst.cookie);
    expect(stranger.status).toBe(404);
    await finished(brandId, created.body.id);
  });

  it('resumes where it stopped and books a batch interrupted after the engine exactly once', async () => {
    const brandId = await brandWithCampaign();
    const repository = t.app.get(ImportsRepository);
    const booker = t.app.get(ImportBooker);
    const events = t.app.get(EventsService);
    // An import staged as an upload leaves it, but not queued: this test drives the booking itself.
    const id = uuidv7();
    await repository.create(brandId, id, 'resume.csv', 'test');
    const rows = Array.from({ length: 2500 }, (_, i) => ({
      line: i + 2,
      eventId: `r-${i}`,
      occurredAt: new Date(Date.now() - DAY + i * 1000),
      event: {
        id: `r-${i}`,
        type: 'video_view',
        channel: 'youtube',
        occurredAt: new Date(Date.now() - DAY + i * 1000).toISOString(),
        fan: { externalId: `fan-${i % 10}` },
      },
    }));
    const counts = { bytes: 1, rowsTotal: 2500, rowsValid: 2500, rowsRejected: 0 };
    await repository.stage(brandId, id, rows, [], counts);
    await repository.received(brandId, id, 'f'.repeat(64), counts, 'queued');

    // A job that booked the first 1000 through the engine and stopped before recording them.
    await events.ingest(brandId, { events: rows.slice(0, 1000).map((row) => row.event) });

    // A job that books one batch and pauses (as at a shutdown), then the rest.
    expect(await booker.book(brandId, id, 0)).toBe('paused');
    const paused = await getImport(brandId, id);
    expect(paused.body.rowsBooked).toBeGreaterThanOrEqual(1000);
    const done = await finished(brandId, id);
    expect(done).toMatchObject({
      status: 'done',
      rowsBooked: 2500,
      outcomes: { awarded: 1500, duplicate: 1000 },
    });
    const all = await balances(brandId);
    expect(Object.values(all).reduce((sum, balance) => sum + balance, 0)).toBe(2500);
    await expectConsistent(brandId);
  });

  it('lets one job at a time hold an import, and gives it up after five failed attempts in a row', async () => {
    const brandId = await brandWithCampaign();
    const repository = t.app.get(ImportsRepository);
    const booker = t.app.get(ImportBooker);
    const id = uuidv7();
    await repository.create(brandId, id, 'lease.csv', 'test');
    const counts = { bytes: 1, rowsTotal: 1, rowsValid: 1, rowsRejected: 0 };
    await repository.stage(
      brandId,
      id,
      [
        {
          line: 2,
          eventId: 'lease-1',
          occurredAt: new Date(Date.now() - DAY),
          event: {
            id: 'lease-1',
            type: 'video_view',
            channel: 'youtube',
            occurredAt: new Date(Date.now() - DAY).toISOString(),
            fan: { externalId: 'leaseholder' },
          },
        },
      ],
      [],
      counts,
    );
    await repository.received(brandId, id, 'e'.repeat(64), counts, 'queued');

    // Two jobs at once: one takes the lease, the other is told the import is busy and books nothing.
    const claims = await Promise.all([
      repository.claim(brandId, id, 120),
      repository.claim(brandId, id, 120),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await booker.book(brandId, id)).toBe('busy');
    expect((await getImport(brandId, id)).body).toMatchObject({ status: 'running', rowsBooked: 0 });

    // Failed attempts count up (the lease is let go each time); the fifth in a row gives up.
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect(await repository.failed(brandId, id, `attempt ${attempt} failed`, 5)).toBe('running');
    }
    expect(await repository.failed(brandId, id, 'attempt 5 failed', 5)).toBe('failed');
    expect((await getImport(brandId, id)).body).toMatchObject({
      status: 'failed',
      error: 'attempt 5 failed',
      rowsBooked: 0,
    });
    expect(await booker.book(brandId, id)).toBe('busy');
  });

  it('streams a file of 200,000 rows with flat memory and books every row', async () => {
    const brandId = await brandWithCampaign();
    const ROWS = 200_000;
    const mb = (value: number): number => Math.round(value / 1024 / 1024);
    // Rows of about 250 bytes: a 48 MB file, so that holding it would show.
    const padding = 'x'.repeat(180);
    const start = Date.now() - 300 * DAY;
    collectGarbage();
    const baseline = process.memoryUsage();
    let retainedPeak = 0;
    let rssPeak = 0;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    }, 50);
    let bytes = 0;
    /** The file, made as the server reads it: the test holds no more of it than the server does. */
    function* file(): Generator<Buffer> {
      for (let sent = 0; sent < ROWS;) {
        if (sent % 20_000 === 0) {
          // Client and server share this process: what survives a collection is what either holds.
          collectGarbage();
          const usage = process.memoryUsage();
          retainedPeak = Math.max(retainedPeak, usage.heapUsed + usage.arrayBuffers);
        }
        const lines =
          sent === 0 ? ['id,type,channel,occurred_at,fan_external_id,fan_display_name,prop.n'] : [];
        for (let i = 0; i < 1000 && sent < ROWS; i += 1, sent += 1) {
          const occurred = new Date(start + sent * 60_000).toISOString();
          lines.push(`big-${sent},video_view,youtube,${occurred},fan-${sent % 5000},${padding},${sent}`);
        }
        const chunk = Buffer.from(`${lines.join('\n')}\n`);
        bytes += chunk.length;
        yield chunk;
      }
    }
    try {
      const uploadStarted = Date.now();
      // node:http rather than fetch: fetch reads a streamed request body ahead of the socket (it held
      // the whole file here), where http's write() says when to wait.
      const response = await streamedUpload(`/api/v1/brands/${brandId}/imports?filename=big.csv`, file());
      const answer = response.body;
      const uploadMs = Date.now() - uploadStarted;
      const uploadRssPeak = rssPeak;
      expect(response.status).toBe(202);
      expect(answer).toMatchObject({ rowsTotal: ROWS, rowsValid: ROWS, rowsRejected: 0, bytes });
      // Memory does not follow the file: the upload holds a batch of rows at a time, never the file.
      const retainedGrowth = mb(retainedPeak - baseline.heapUsed - baseline.arrayBuffers);
      const rssGrowth = mb(uploadRssPeak - baseline.rss);
      expect(retainedGrowth).toBeLessThan(mb(bytes) / 2);
      expect(rssGrowth).toBeLessThan(150);

      const bookingStarted = Date.now();
      const done = await finished(brandId, answer.id, 600_000);
      const bookingMs = Date.now() - bookingStarted;
      expect(done).toMatchObject({
        status: 'done',
        rowsBooked: ROWS,
        outcomes: { awarded: ROWS, duplicate: 0, rejected: 0 },
        points: ROWS,
      });
      const [sum] = await t.dataSource.query<Array<{ total: string }>>(
        'SELECT sum(balance) AS total FROM fan WHERE brand_id = $1',
        [brandId],
      );
      expect(Number(sum?.total)).toBe(ROWS);
      expect(
        await count('SELECT count(*)::int AS n FROM event_import_row WHERE brand_id = $1', [brandId]),
      ).toBe(0);
      // Figures for the closing notes, not assertions: tests do not time.
      process.stdout.write(
        `imports: ${ROWS} rows, ${mb(bytes)} MB: upload ${uploadMs} ms (${Math.round(ROWS / (uploadMs / 1000))} rows/s), ` +
          `booking ${bookingMs} ms (${Math.round(ROWS / (bookingMs / 1000))} rows/s); during the upload ` +
          `+${retainedGrowth} MB held after collections, RSS +${rssGrowth} MB at its peak\n`,
      );
      await expectConsistent(brandId);
    } finally {
      clearInterval(sampler);
    }
  }, 900_000);
});

import { type ActiveFansReport, type OverviewReport } from '@fanfare/shared';
import { get as httpGet } from 'node:http';

import { parse } from 'csv-parse/sync';

import { AnalyticsService } from '../src/reports/analytics.service';
import { addMember, createBrand, login } from './support/sessions';
import { bodyOf, PROBLEM, tag, uniqueEmail } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

const DAY = 86_400_000;

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const isoDay = (at: Date) => at.toISOString().slice(0, 10);

interface Event {
  id: string;
  type: string;
  channel: string;
  occurredAt: string;
  fan: { externalId: string };
  properties?: Record<string, unknown>;
}

describe('active-fan reports', () => {
  let t: TestApp;
  let owner: string;

  beforeAll(async () => {
    // Three parts whatever the machine's cores, so the parallel export is what the large-brand test reads.
    t = await startTestApp({ config: { exportParallelism: 3 } });
    owner = await login(t);
  });
  afterAll(async () => {
    await t.close();
  });

  async function ingest(brandId: string, events: Event[]): Promise<void> {
    for (let i = 0; i < events.length; i += 500) {
      await t
        .http()
        .post(`/api/v1/brands/${brandId}/events`)
        .set('Cookie', owner)
        .send({ events: events.slice(i, i + 500) })
        .expect(200);
    }
  }

  async function get<T>(brandId: string, path: string, cookie = owner): Promise<T> {
    return bodyOf<T>(
      await t.http().get(`/api/v1/brands/${brandId}/${path}`).set('Cookie', cookie).expect(200),
    );
  }

  async function fanOf(brandId: string, channel: string, externalId: string): Promise<string> {
    const rows: Array<{ fan_id: string }> = await t.dataSource.query(
      'SELECT fan_id FROM fan_identity WHERE brand_id = $1 AND channel = $2 AND external_id = $3',
      [brandId, channel, externalId],
    );
    return rows[0]!.fan_id;
  }

  async function campaign(brandId: string): Promise<string> {
    const response = await t
      .http()
      .post(`/api/v1/brands/${brandId}/campaigns`)
      .set('Cookie', owner)
      .send({
        name: 'Kommentare',
        startsAt: '2020-01-01T00:00:00Z',
        status: 'active',
        rules: [
          {
            name: 'Comment',
            trigger: { eventType: 'comment' },
            conditions: [],
            award: { kind: 'fixed', points: 10 },
            limits: [],
          },
        ],
      })
      .expect(201);
    return bodyOf<{ id: string }>(response).id;
  }

  /**
   * The definitions, straight from the stored events, fans and ledger (no rollups): for each day
   * of the range, fans with a counted event (or, for a campaign, an award) in the window ending
   * with it, and fans counted in total (first seen on or before it, not merged, not yet erased).
   */
  async function bruteForce(
    brandId: string,
    from: string,
    to: string,
    filter: { channel?: string; campaignId?: string } = {},
  ): Promise<Array<{ day: string; active: number; total: number }>> {
    const rows: Array<{ day: string; active: number; total: number }> = await t.dataSource.query(
      `WITH b AS (SELECT time_zone AS tz, active_window_days AS n, engagement_types AS types FROM brand WHERE id = $1),
            days AS (SELECT d::date AS day FROM generate_series($2::date, $3::date, interval '1 day') AS d),
            fans AS (
              SELECT f.id, (f.first_seen_at AT TIME ZONE b.tz)::date AS first_day,
                     (f.erased_at AT TIME ZONE b.tz)::date AS erased_day
                FROM fan f, b WHERE f.brand_id = $1 AND f.merged_into_id IS NULL),
            activity AS (
              SELECT e.fan_id, (e.occurred_at AT TIME ZONE b.tz)::date AS day
                FROM engagement_event e, b
               WHERE e.brand_id = $1 AND e.fan_id IS NOT NULL AND e.type <> 'retract' AND $5::uuid IS NULL
                 AND ($4::text IS NULL OR e.channel = $4)
                 AND (e.type = ANY(b.types) OR (e.type LIKE 'custom:%' AND 'custom' = ANY(b.types)))
              UNION ALL
              SELECT coalesce(f.merged_into_id, f.id), (l.occurred_at AT TIME ZONE b.tz)::date
                FROM ledger_entry l JOIN fan f ON f.brand_id = l.brand_id AND f.id = l.fan_id, b
               WHERE l.brand_id = $1 AND l.kind = 'earn' AND l.campaign_id = $5::uuid),
            holders AS (
              SELECT fans.id, CASE WHEN $4::text IS NULL THEN fans.first_day
                                   ELSE (SELECT min((e.occurred_at AT TIME ZONE b.tz)::date) FROM engagement_event e, b
                                          WHERE e.brand_id = $1 AND e.fan_id = fans.id AND e.channel = $4) END AS first_day,
                     fans.erased_day
                FROM fans)
       SELECT days.day::text AS day,
              (SELECT count(DISTINCT a.fan_id) FROM activity a JOIN fans ON fans.id = a.fan_id, b
                WHERE a.day <= days.day AND a.day > days.day - b.n
                  AND (fans.erased_day IS NULL OR days.day < fans.erased_day))::int AS active,
              (SELECT count(*) FROM holders h
                WHERE h.first_day <= days.day AND (h.erased_day IS NULL OR days.day < h.erased_day))::int AS total
         FROM days ORDER BY days.day`,
      [brandId, from, to, filter.channel ?? null, filter.campaignId ?? null],
    );
    return rows;
  }

  async function series(brandId: string, from: string, to: string, filter = ''): Promise<ActiveFansReport> {
    return get<ActiveFansReport>(brandId, `reports/active-fans?from=${from}&to=${to}${filter}`);
  }

  it('counts active and total fans by the definitions: window edges, DST, first seen mid-window', async () => {
    const brandId = await createBrand(t, owner, `Berlin ${tag()}`);
    await t
      .http()
      .put(`/api/v1/brands/${brandId}/analytics-settings`)
      .set('Cookie', owner)
      .send({ activeWindowDays: 3, engagementTypes: ['comment', 'like'] })
      .expect(200);
    await t.app.get(AnalyticsService).rebuild(brandId);
    const ev = (id: string, fan: string, at: string, type = 'comment', channel = 'instagram'): Event => ({
      id,
      type,
      channel,
      occurredAt: at,
      fan: { externalId: fan },
    });
    await ingest(brandId, [
      // Berlin switches to summer time on 2026-03-29 at 02:00. 23:30 local on the 28th (UTC+1) is
      // still the 28th; 00:30 local on the 30th (UTC+2) is 22:30 UTC on the 29th.
      ev('a1', 'anna', '2026-03-28T22:30:00Z'), // 23:30 on 03-28
      ev('b1', 'ben', '2026-03-29T22:30:00Z'), // 00:30 on 03-30
      ev('c1', 'cara', '2026-03-31T10:00:00Z', 'signup', 'web'), // first seen, not counted
      ev('c2', 'cara', '2026-04-02T10:00:00Z', 'like', 'web'),
    ]);
    const report = await series(brandId, '2026-03-27', '2026-04-05');
    const brute = await bruteForce(brandId, '2026-03-27', '2026-04-05');
    expect(report.points.map((p) => [p.period, p.activeFans, p.totalFans])).toEqual([
      ['2026-03-27', 0, 0],
      ['2026-03-28', 1, 1], // anna, on the 28th by Berlin's calendar
      ['2026-03-29', 1, 1],
      ['2026-03-30', 2, 2], // anna's third day; ben's first
      ['2026-03-31', 1, 3], // anna's window is over; cara first seen, not active
      ['2026-04-01', 1, 3],
      ['2026-04-02', 1, 3], // ben out after three days; cara in
      ['2026-04-03', 1, 3],
      ['2026-04-04', 1, 3],
      ['2026-04-05', 0, 3],
    ]);
    expect(report.points.map((p) => [p.period, p.activeFans, p.totalFans])).toEqual(
      brute.map((b) => [b.day, b.active, b.total]),
    );
    expect(report.points[4]!.ratio).toBeCloseTo(1 / 3, 6);
    expect(report.points.find((p) => p.period === '2026-03-31')!.newFans).toBe(1);
    expect(report.points.find((p) => p.period === '2026-04-02')!.returningFans).toBe(1);

    // Weeks (Monday first) and months take the value on their last day within the range.
    const weekly = await series(brandId, '2026-03-27', '2026-04-05', '&granularity=week');
    expect(weekly.points.map((p) => [p.period, p.periodEnd, p.activeFans, p.totalFans, p.newFans])).toEqual([
      ['2026-03-23', '2026-03-29', 1, 1, 1],
      ['2026-03-30', '2026-04-05', 0, 3, 2],
    ]);
    const monthly = await series(brandId, '2026-03-01', '2026-04-05', '&granularity=month');
    expect(monthly.points.map((p) => [p.period, p.periodEnd, p.activeFans, p.totalFans])).toEqual([
      ['2026-03-01', '2026-03-31', 1, 3],
      ['2026-04-01', '2026-04-05', 0, 3],
    ]);
    // Per channel: fans active on it / fans holding it.
    const web = await series(brandId, '2026-04-01', '2026-04-02', '&channel=web');
    expect(web.points.map((p) => [p.activeFans, p.totalFans])).toEqual([
      [0, 1],
      [1, 1],
    ]);
  });

  it('counts merged fans once and erased fans until the day of erasure', async () => {
    const brandId = await createBrand(t, owner, `Merge ${tag()}`);
    const today = new Date();
    const at = (daysAgo: number) => new Date(today.getTime() - daysAgo * DAY).toISOString();
    await ingest(brandId, [
      { id: 'm1', type: 'comment', channel: 'instagram', occurredAt: at(5), fan: { externalId: 'mia' } },
      { id: 'm2', type: 'comment', channel: 'facebook', occurredAt: at(40), fan: { externalId: 'mia.fb' } },
      { id: 'e1', type: 'comment', channel: 'instagram', occurredAt: at(3), fan: { externalId: 'emil' } },
    ]);
    const mia = await fanOf(brandId, 'instagram', 'mia');
    const miaFacebook = await fanOf(brandId, 'facebook', 'mia.fb');
    const emil = await fanOf(brandId, 'instagram', 'emil');
    const to = isoDay(new Date(today.getTime() + DAY)); // tomorrow (UTC) ≥ today in Berlin
    const from = isoDay(new Date(today.getTime() - 60 * DAY));
    const before = await get<OverviewReport>(brandId, `reports/overview?from=${from}&to=${to}`);
    expect(before.current.totalFans).toBe(3);
    await t
      .http()
      .post(`/api/v1/brands/${brandId}/fans/${mia}/merge`)
      .set('Cookie', owner)
      .send({ fanId: miaFacebook })
      .expect(200);
    await t.http().post(`/api/v1/brands/${brandId}/fans/${emil}/erase`).set('Cookie', owner).expect(200);
    const report = await series(brandId, from, to);
    expect(report.points.map((p) => [p.period, p.activeFans, p.totalFans])).toEqual(
      (await bruteForce(brandId, from, to)).map((b) => [b.day, b.active, b.total]),
    );
    // Mia from her first (Facebook) day on, once; Emil until today, when he was erased.
    const last = report.points.at(-1)!;
    expect([last.activeFans, last.totalFans]).toEqual([1, 1]);
    // Her first day is the brand's (Berlin) date of that event, which is not always the UTC date.
    const firstDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(
      new Date(today.getTime() - 40 * DAY),
    );
    expect(report.points.find((p) => p.period === firstDay)!.totalFans).toBe(1);
    expect(report.points[report.points.findIndex((p) => p.period === firstDay) - 1]!.totalFans).toBe(0);
  });

  it.each([11, 23, 37])(
    'equals a brute-force count on random data (seed %i), also after a rebuild',
    async (seed) => {
      const rand = random(seed);
      const brandId = await createBrand(t, owner, `Zufall ${tag()}`);
      const campaignId = await campaign(brandId);
      const now = Date.now();
      const types = ['comment', 'like', 'share', 'signup', 'video_view', 'custom:quiz', 'purchase'];
      const channels = ['instagram', 'facebook', 'web', 'store'];
      const fans = Array.from({ length: 30 }, (_, i) => `fan-${seed}-${i}`);
      const events: Event[] = Array.from({ length: 240 }, (_, i) => ({
        id: `ev-${seed}-${i}`,
        type: types[Math.floor(rand() * types.length)]!,
        channel: channels[Math.floor(rand() * channels.length)]!,
        occurredAt: new Date(now - Math.floor(rand() * 80 * DAY)).toISOString(),
        fan: { externalId: fans[Math.floor(rand() * fans.length)]! },
      }));
      // Out of order, in three deliveries.
      await ingest(brandId, events.slice(0, 100));
      await ingest(brandId, events.slice(100, 180));
      await ingest(brandId, events.slice(180));
      const fanIds: Array<{ fan_id: string }> = await t.dataSource.query(
        'SELECT DISTINCT fan_id FROM fan_identity WHERE brand_id = $1 ORDER BY fan_id',
        [brandId],
      );
      const ids = fanIds.map((row) => row.fan_id);
      await t
        .http()
        .post(`/api/v1/brands/${brandId}/fans/${ids[0]}/merge`)
        .set('Cookie', owner)
        .send({ fanId: ids[1] })
        .expect(200);
      await t.http().post(`/api/v1/brands/${brandId}/fans/${ids[2]}/erase`).set('Cookie', owner).expect(200);

      const from = isoDay(new Date(now - 90 * DAY));
      const to = isoDay(new Date(now + DAY));
      const compare = async () => {
        for (const filter of [{}, { channel: 'instagram' }, { campaignId }]) {
          const query =
            'channel' in filter
              ? `&channel=${filter.channel}`
              : 'campaignId' in filter
                ? `&campaignId=${campaignId}`
                : '';
          const report = await series(brandId, from, to, query);
          const brute = await bruteForce(brandId, from, to, filter);
          expect(report.points.map((p) => [p.period, p.activeFans, p.totalFans])).toEqual(
            brute.map((b) => [b.day, b.active, b.total]),
          );
        }
      };
      await compare();
      // A new definition: rebuilt from scratch, still exact.
      await t
        .http()
        .put(`/api/v1/brands/${brandId}/analytics-settings`)
        .set('Cookie', owner)
        .send({ activeWindowDays: 7, engagementTypes: ['comment', 'custom'] })
        .expect(200);
      await t.app.get(AnalyticsService).rebuild(brandId);
      expect((await get<{ state: string }>(brandId, 'analytics-settings')).state).toBe('current');
      await compare();
      // Folding the rollup rows changes no answer.
      const before = await series(brandId, from, to);
      await t.app.get(AnalyticsService).compact(brandId);
      expect(await series(brandId, from, to)).toEqual(before);
    },
  );

  it('exports parse back to the reports; excel-de and pseudonymize do what they say', async () => {
    const brandId = await createBrand(t, owner, `Export ${tag()}`);
    const now = Date.now();
    await campaign(brandId);
    await ingest(
      brandId,
      Array.from({ length: 40 }, (_, i) => ({
        id: `x-${i}`,
        type: i % 3 === 0 ? 'signup' : 'comment',
        channel: i % 2 === 0 ? 'instagram' : 'web',
        occurredAt: new Date(now - (i % 20) * 3 * DAY).toISOString(),
        fan: { externalId: `Jörg-${i % 12}` },
      })),
    );
    const from = isoDay(new Date(now - 30 * DAY));
    const to = isoDay(new Date(now + DAY));
    const report = await series(brandId, from, to);
    const csv = await t
      .http()
      .get(`/api/v1/brands/${brandId}/reports/active-fans.csv?from=${from}&to=${to}`)
      .set('Cookie', owner)
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(csv.headers['content-disposition']).toMatch(
      /attachment; filename="fanfare-export-.*-active-fans-day-.*\.csv"/,
    );
    expect(csv.text).toContain('\r\n');
    const rows = parse<Record<string, string>>(csv.text, { columns: true });
    expect(rows.map((r) => [r.period, Number(r.active_fans), Number(r.total_fans)])).toEqual(
      report.points.map((p) => [p.period, p.activeFans, p.totalFans]),
    );

    const fansCsv = await t
      .http()
      .get(`/api/v1/brands/${brandId}/reports/fans.csv?to=${to}`)
      .set('Cookie', owner)
      .expect(200);
    const fans = parse<Record<string, string>>(fansCsv.text, { columns: true });
    const last = report.points.at(-1)!;
    expect(fans).toHaveLength(last.totalFans);
    expect(fans.filter((f) => f.active === 'true')).toHaveLength(last.activeFans);
    expect(fans.some((f) => (f.identities ?? '').includes('Jörg-'))).toBe(true);

    const excel = await t
      .http()
      .get(`/api/v1/brands/${brandId}/reports/fans.csv?to=${to}&format=excel-de&pseudonymize=true`)
      .set('Cookie', owner)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const bytes = excel.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      'fan_id;identities;first_seen;last_active;counted_events_in_window;active;balance;lifetime_points;tier',
    );
    const pseudonymous = parse<Record<string, string>>(text, { columns: true, delimiter: ';' });
    expect(pseudonymous).toHaveLength(fans.length);
    expect(text).not.toContain('Jörg');
    const realIds = new Set(fans.map((f) => f.fan_id));
    for (const row of pseudonymous) {
      expect(row.fan_id).toMatch(/^[0-9a-f]{32}$/);
      expect(realIds.has(row.fan_id)).toBe(false);
    }
    // The same key every time: exports can be joined.
    const again = await t
      .http()
      .get(`/api/v1/brands/${brandId}/reports/fans.csv?to=${to}&pseudonymize=true`)
      .set('Cookie', owner)
      .expect(200);
    const againIds = parse<Record<string, string>>(again.text, { columns: true })
      .map((r) => r.fan_id)
      .sort();
    expect(againIds).toEqual(pseudonymous.map((r) => r.fan_id).sort());
    const ratio = await t
      .http()
      .get(`/api/v1/brands/${brandId}/reports/active-fans.csv?from=${to}&to=${to}&format=excel-de`)
      .set('Cookie', owner)
      .expect(200);
    expect(ratio.text).toContain(`;${String(last.ratio).replace('.', ',')};`);

    const ledger = await t
      .http()
      .get(`/api/v1/brands/${brandId}/reports/ledger.csv?from=${isoDay(new Date(now - 90 * DAY))}&to=${to}`)
      .set('Cookie', owner)
      .expect(200);
    const entries = parse<Record<string, string>>(ledger.text, { columns: true });
    const overview = await get<OverviewReport>(
      brandId,
      `reports/overview?from=${isoDay(new Date(now - 90 * DAY))}&to=${to}`,
    );
    expect(entries.reduce((sum, e) => sum + Number(e.points), 0)).toBe(overview.current.pointsIssued);
  });

  it('streams an export of 200,000 fans from parallel parts in chunks, every fan once, without buffering the file', async () => {
    const brandId = await createBrand(t, owner, `Gross ${tag()}`);
    await t.dataSource.query(
      `INSERT INTO fan (brand_id, id, display_name, first_seen_at, last_active_at)
       SELECT $1, gen_random_uuid(), 'Fan ' || n, now() - interval '10 days', now() - interval '1 day'
         FROM generate_series(1, 200000) AS n`,
      [brandId],
    );
    // As autovacuum would after such a load: without statistics the foreign-key checks of the
    // events below scan the whole table for every row.
    await t.dataSource.query('ANALYZE fan');
    // Every fiftieth fan has two counted events in the window; every fourth an identity, every
    // thousandth one whose handle needs quoting and holds a line break.
    await t.dataSource.query(
      `INSERT INTO engagement_event (brand_id, id, external_id, fan_id, type, channel, occurred_at, status, outcome)
       SELECT $1, gen_random_uuid(), 'big-' || f.id || '-' || k, f.id, 'comment', 'instagram',
              now() - interval '2 days', 'no_match', '{}'
         FROM (SELECT id, row_number() OVER (ORDER BY display_name) AS n FROM fan WHERE brand_id = $1) f,
              generate_series(1, 2) AS k
        WHERE f.n % 50 = 0`,
      [brandId],
    );
    await t.dataSource.query(
      `INSERT INTO fan_identity (brand_id, id, fan_id, channel, external_id, handle)
       SELECT $1, gen_random_uuid(), f.id, 'instagram', 'ig-' || f.n,
              CASE WHEN f.n % 1000 = 0 THEN 'Fan, "' || f.n || '"' || chr(10) || 'zweite Zeile' END
         FROM (SELECT id, row_number() OVER (ORDER BY display_name) AS n FROM fan WHERE brand_id = $1) f
        WHERE f.n % 4 = 0`,
      [brandId],
    );
    const expected = new Map<string, { events: number; identities: string }>(
      (
        await t.dataSource.query<{ id: string; events: number; identities: string | null }[]>(
          `SELECT f.id, coalesce(e.n, 0)::int AS events, i.identities
             FROM fan f
             LEFT JOIN (SELECT fan_id, count(*) AS n FROM engagement_event WHERE brand_id = $1 GROUP BY fan_id) e
                    ON e.fan_id = f.id
             LEFT JOIN (SELECT fan_id, string_agg(channel || ':' || coalesce(handle, external_id), ' | ') AS identities
                          FROM fan_identity WHERE brand_id = $1 GROUP BY fan_id) i
                    ON i.fan_id = f.id
            WHERE f.brand_id = $1`,
          [brandId],
        )
      ).map((row) => [row.id, { events: row.events, identities: row.identities ?? '' }]),
    );

    const to = isoDay(new Date(Date.now() + DAY));
    const { headers, chunks, body, noHugeChunk } = await new Promise<{
      headers: Record<string, unknown>;
      chunks: number;
      body: Buffer;
      noHugeChunk: boolean;
    }>((resolve, reject) => {
      httpGet(
        `${t.url}/api/v1/brands/${brandId}/reports/fans.csv?to=${to}`,
        { headers: { cookie: owner } },
        (res) => {
          const pieces: Buffer[] = [];
          let largest = 0;
          res.on('data', (chunk: Buffer) => {
            pieces.push(chunk);
            largest = Math.max(largest, chunk.length);
          });
          res.on('end', () =>
            resolve({
              headers: res.headers,
              chunks: pieces.length,
              body: Buffer.concat(pieces),
              noHugeChunk: largest < 1024 * 1024,
            }),
          );
          res.on('error', reject);
        },
      ).on('error', reject);
    });
    expect(headers['content-length']).toBeUndefined();
    expect(headers['transfer-encoding']).toBe('chunked');
    // Many pieces, none of them anywhere near the whole file (~15 MB).
    expect(chunks).toBeGreaterThan(100);
    expect(noHugeChunk).toBe(true);

    const text = body.toString('utf8');
    // Records end in CRLF; the line break inside a quoted handle stays a bare LF.
    expect(text.split('\r\n')).toHaveLength(200_002); // the header, one line per fan, and the empty rest
    expect(text.match(/\n/g)).toHaveLength(200_001 + 200);
    const rows = parse<Record<string, string>>(text, { columns: true });
    expect(rows).toHaveLength(200_000);
    expect(new Set(rows.map((row) => row.fan_id)).size).toBe(200_000);
    const mismatches = rows.filter((row) => {
      const fan = expected.get(row.fan_id ?? '');
      return (
        fan === undefined ||
        Number(row.counted_events_in_window) !== fan.events ||
        row.active !== String(fan.events > 0) ||
        row.identities !== fan.identities
      );
    });
    expect(mismatches).toEqual([]);
    expect(rows.filter((row) => row.active === 'true')).toHaveLength(4_000);
    expect(rows.filter((row) => row.identities?.includes('Fan, "')).length).toBe(200);
  });

  it('refuses bad ranges with problems and writes nothing', async () => {
    const brandId = await createBrand(t, owner, `Range ${tag()}`);
    for (const query of [
      'from=2026-02-30&to=2026-03-01',
      'from=2026-03-02&to=2026-03-01',
      'from=2020-01-01&to=2026-01-01',
      'from=yesterday',
      'granularity=hour',
      'channel=myspace',
    ]) {
      const response = await t
        .http()
        .get(`/api/v1/brands/${brandId}/reports/active-fans?${query}`)
        .set('Cookie', owner)
        .expect(400);
      expect(response.headers['content-type']).toMatch(PROBLEM);
    }
    await t
      .http()
      .get(`/api/v1/brands/${brandId}/reports/fans.csv?from=2026-03-02&to=2026-03-01`)
      .set('Cookie', owner)
      .expect(400);
    await t
      .http()
      .get(`/api/v1/brands/${brandId}/reports/cohorts?from=2026-13`)
      .set('Cookie', owner)
      .expect(400);
    await t
      .http()
      .put(`/api/v1/brands/${brandId}/analytics-settings`)
      .set('Cookie', owner)
      .send({ activeWindowDays: 0, engagementTypes: ['comment'] })
      .expect(400);
    await t
      .http()
      .put(`/api/v1/brands/${brandId}/analytics-settings`)
      .set('Cookie', owner)
      .send({ activeWindowDays: 30, engagementTypes: ['teleport'] })
      .expect(400);
    expect(
      await get<{ activeWindowDays: number; state: string }>(brandId, 'analytics-settings'),
    ).toMatchObject({
      activeWindowDays: 30,
      state: 'current',
    });
  });

  it('lets analysts and reports:read keys read and export, not write; other brands never show', async () => {
    const brandId = await createBrand(t, owner, `Access ${tag()}`);
    const other = await createBrand(t, owner, `Other ${tag()}`);
    await ingest(other, [
      {
        id: 'o1',
        type: 'comment',
        channel: 'instagram',
        occurredAt: new Date().toISOString(),
        fan: { externalId: 'olga' },
      },
    ]);
    const analyst = await addMember(t, owner, brandId, uniqueEmail('analyst'), 'analyst');
    const analystCookie = analyst.cookie;
    const to = isoDay(new Date(Date.now() + DAY));
    const overview = await get<OverviewReport>(brandId, `reports/overview?to=${to}`, analystCookie);
    expect(overview.current.totalFans).toBe(0);
    await t.http().get(`/api/v1/brands/${brandId}/reports/fans.csv`).set('Cookie', analystCookie).expect(200);
    await t
      .http()
      .put(`/api/v1/brands/${brandId}/analytics-settings`)
      .set('Cookie', analystCookie)
      .send({ activeWindowDays: 7, engagementTypes: ['comment'] })
      .expect(403);
    const key = async (scopes: string[]) =>
      bodyOf<{ secret: string }>(
        await t
          .http()
          .post(`/api/v1/brands/${brandId}/api-keys`)
          .set('Cookie', owner)
          .send({ name: `K ${tag()}`, scopes })
          .expect(201),
      ).secret;
    const reader = await key(['reports:read']);
    const writer = await key(['events:write']);
    await t
      .http()
      .get(`/api/v1/brands/${brandId}/reports/channels`)
      .set('Authorization', `Bearer ${reader}`)
      .expect(200);
    await t
      .http()
      .get(`/api/v1/brands/${brandId}/reports/channels`)
      .set('Authorization', `Bearer ${writer}`)
      .expect(403);
    await t
      .http()
      .get(`/api/v1/brands/${other}/reports/channels`)
      .set('Authorization', `Bearer ${reader}`)
      .expect(404);
    const csv = await t
      .http()
      .get(`/api/v1/brands/${brandId}/reports/fans.csv?to=${to}`)
      .set('Authorization', `Bearer ${reader}`)
      .expect(200);
    expect(csv.text).not.toContain('olga');
    expect(parse<Record<string, string>>(csv.text, { columns: true }).length).toBe(0);
  });
});

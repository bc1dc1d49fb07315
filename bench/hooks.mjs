#!/usr/bin/env node
// `npm run bench:hooks`: how many signed Meta deliveries per second the inbox takes, beside a
// raw-PostgreSQL baseline, in one run. Starts an embedded PostgreSQL (durable commits) and the built
// API as a separate process, then:
//   1. baseline: single-row INSERTs of the same bodies into a table shaped like the inbox, each its
//      own commit, from CLIENTS concurrent connections (pool of 8), for the same number of rows;
//   2. receive: CLIENTS concurrent senders POST signed deliveries (one Page comment each, ~700 bytes,
//      non-ASCII text) to /api/v1/hooks/meta/{brand} — deliveries/s, p50 and p99 of the answer;
//   3. process: how long the job queue takes to book them all (deliveries/s and events/s);
//   4. batched deliveries: 200 deliveries of 100 comments each (Meta batches up to 1000) — received
//      per second and events booked per second.
// Results are printed and written to bench/results/hooks-<timestamp>.json.
import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import os from 'node:os';
import {
  BENCH_ADMIN,
  createBrandWithCampaign,
  login,
  percentile,
  runConcurrently,
  startApi,
  startScratchDatabase,
  writeResults,
} from './support.mjs';

const require = createRequire(import.meta.url);
const { Pool } = require('pg');

const DELIVERIES = Number(process.argv[2] ?? 5000);
const CLIENTS = 50;
const BATCHED = 200;
const PER_BATCH = 100;
const APP_SECRET = 'benchappsecret0123456789abcdef';
const PAGE = '104000000000001';

let n = 0;
const comment = (seconds) => {
  n += 1;
  return {
    field: 'feed',
    value: {
      item: 'comment',
      verb: 'add',
      from: { id: String(900000 + (n % 20000)), name: `Fan ${n % 20000} Müller` },
      post_id: `${PAGE}_${n % 50}`,
      comment_id: `${n % 50}_${n}`,
      parent_id: `${PAGE}_${n % 50}`,
      created_time: seconds,
      message: `Sooo lecker! Schöne Grüße 🎂 #Kuchenliebe #Fanfare ${n}`,
    },
  };
};
const delivery = (changes) => {
  const seconds = Math.floor(Date.now() / 1000);
  return Buffer.from(
    JSON.stringify({
      object: 'page',
      entry: [{ id: PAGE, time: seconds, changes: Array.from({ length: changes }, () => comment(seconds)) }],
    }),
  );
};
const sign = (body) => `sha256=${createHmac('sha256', APP_SECRET).update(body).digest('hex')}`;

const db = await startScratchDatabase('fanfare-bench-hooks-');
let api;
try {
  // 1. Baseline: the same bodies, one committed INSERT each, into a table shaped like the inbox.
  const pool = new Pool({ connectionString: db.url, max: 8 });
  await pool.query(`CREATE TABLE bench_inbox (brand_id uuid, id uuid, source text, delivery_key text, received_at timestamptz
    DEFAULT now(), content_type text, body bytea, body_bytes int, status text DEFAULT 'pending',
    PRIMARY KEY (brand_id, id), UNIQUE (brand_id, source, delivery_key))`);
  const brand = '00000000-0000-7000-8000-000000000001';
  const bodies = Array.from({ length: DELIVERIES }, () => delivery(1));
  const baselineStart = performance.now();
  await runConcurrently(DELIVERIES, CLIENTS, (i) =>
    pool.query(
      `INSERT INTO bench_inbox (brand_id, id, source, delivery_key, content_type, body, body_bytes)
       VALUES ($1, $2, 'meta', $3, 'application/json', $4, $5) ON CONFLICT DO NOTHING`,
      [brand, crypto.randomUUID(), `k${i}`, bodies[i], bodies[i].length],
    ),
  );
  const baselineRate = DELIVERIES / ((performance.now() - baselineStart) / 1000);
  await pool.query('DROP TABLE bench_inbox');
  await pool.end();
  console.log(`baseline: ${DELIVERIES} single-row INSERTs = ${Math.round(baselineRate)} rows/s`);

  // The API, as a separate process on the same database.
  api = await startApi({ databaseUrl: db.url, admin: BENCH_ADMIN });
  const { base } = api;
  const { call } = await login(base, BENCH_ADMIN.email, BENCH_ADMIN.password);
  const brandId = await createBrandWithCampaign(call, {
    name: 'Bench Hooks',
    slug: `hooks-${Date.now()}`,
    campaign: 'Comments',
    startsAt: new Date(Date.now() - 86_400_000),
    rules: [
      {
        name: 'Comment with #Kuchenliebe',
        trigger: { eventType: 'comment', channels: ['facebook'] },
        conditions: [{ property: 'hashtags', op: 'contains', value: 'kuchenliebe' }],
        award: { kind: 'fixed', points: 10 },
        limits: [{ window: 'day', max: 3 }],
      },
    ],
  });
  await call('PUT', `/api/v1/brands/${brandId}/connections/meta`, {
    appSecret: APP_SECRET,
    pageIds: [PAGE],
    instagramIds: [],
    whatsappIds: [],
  });
  const post = async (body) => {
    const response = await fetch(`${base}/api/v1/hooks/meta/${brandId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body) },
      body,
    });
    if (response.status !== 200) throw new Error(`delivery: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
  };
  const statusCounts = async () => {
    const rows = new Map();
    let cursor = null;
    // The log, newest first, page by page.
    do {
      const page = await call(
        'GET',
        `/api/v1/brands/${brandId}/connections/deliveries?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
      );
      for (const item of page.items) rows.set(item.id, item);
      cursor = page.nextCursor;
    } while (cursor);
    return [...rows.values()];
  };
  const poll = new Pool({ connectionString: db.url, max: 1 });
  /** Waits until the job queue has processed every delivery stored so far. */
  const waitProcessed = async () => {
    for (;;) {
      const { rows } = await poll.query(
        `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending FROM hook_delivery WHERE brand_id = $1`,
        [brandId],
      );
      if (rows[0].pending === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };

  // 2 + 3. Single-comment deliveries from concurrent senders, then their processing.
  const deliveries = Array.from({ length: DELIVERIES }, () => delivery(1));
  const receiveStart = performance.now();
  const times = await runConcurrently(DELIVERIES, CLIENTS, (i) => post(deliveries[i]));
  const receiveSeconds = (performance.now() - receiveStart) / 1000;
  await waitProcessed();
  const processSeconds = (performance.now() - receiveStart) / 1000;
  const receiveRate = DELIVERIES / receiveSeconds;
  console.log(
    `receive: ${DELIVERIES} deliveries in ${receiveSeconds.toFixed(1)} s = ${Math.round(receiveRate)}/s, p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms`,
  );
  console.log(
    `processed: all booked ${processSeconds.toFixed(1)} s after the first = ${Math.round(DELIVERIES / processSeconds)} deliveries/s`,
  );

  // 4. Batched deliveries (100 comments each).
  const batches = Array.from({ length: BATCHED }, () => delivery(PER_BATCH));
  const batchStart = performance.now();
  const batchTimes = await runConcurrently(BATCHED, 10, (i) => post(batches[i]));
  const batchReceive = (performance.now() - batchStart) / 1000;
  await waitProcessed();
  const batchProcess = (performance.now() - batchStart) / 1000;
  console.log(
    `batched: ${BATCHED} × ${PER_BATCH} comments received in ${batchReceive.toFixed(1)} s (${Math.round(BATCHED / batchReceive)} deliveries/s, p50 ${percentile(batchTimes, 50).toFixed(1)} ms); booked in ${batchProcess.toFixed(1)} s = ${Math.round((BATCHED * PER_BATCH) / batchProcess)} events/s`,
  );
  const log = await statusCounts();
  const failed = log.filter((item) => item.status !== 'processed');
  if (failed.length > 0)
    throw new Error(`${failed.length} deliveries not processed: ${JSON.stringify(failed[0])}`);
  const booked = log.reduce((sum, item) => sum + (item.summary?.events ?? 0), 0);
  const sent = DELIVERIES + BATCHED * PER_BATCH;
  if (log.length !== DELIVERIES + BATCHED || booked !== sent) {
    throw new Error(`the log lists ${log.length} deliveries with ${booked} events; ${sent} events were sent`);
  }
  await poll.end();

  const results = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model },
    baseline: { rows: DELIVERIES, rowsPerSecond: Math.round(baselineRate) },
    receive: {
      deliveries: DELIVERIES,
      clients: CLIENTS,
      perSecond: Math.round(receiveRate),
      ratioToBaseline: Number((receiveRate / baselineRate).toFixed(2)),
      p50Ms: Number(percentile(times, 50).toFixed(1)),
      p99Ms: Number(percentile(times, 99).toFixed(1)),
      processedPerSecond: Math.round(DELIVERIES / processSeconds),
    },
    batched: {
      deliveries: BATCHED,
      commentsEach: PER_BATCH,
      receivedPerSecond: Math.round(BATCHED / batchReceive),
      eventsBookedPerSecond: Math.round((BATCHED * PER_BATCH) / batchProcess),
    },
    eventsInLog: booked,
  };
  console.log(
    `\ninbox: ${results.receive.perSecond} deliveries/s (${results.receive.ratioToBaseline} of the raw INSERT baseline ${results.baseline.rowsPerSecond}/s), p99 ${results.receive.p99Ms} ms`,
  );
  await writeResults('hooks', results);
} finally {
  await api?.stop();
  await db.stop();
}

#!/usr/bin/env node
// `npm run bench:ingest`: event ingestion throughput, beside a raw-PostgreSQL baseline, in one run.
// Starts an embedded PostgreSQL (durable commits) and the built API as a separate process, then:
//   1. baseline: the same number of rows inserted straight into a table through pg, 1000 per INSERT;
//   2. batches: 200 × 1000 events through HTTP (100,000 fans, three active rules with caps);
//   3. single events: 50 concurrent clients for 20 s — events/s, p50 and p99 latency;
//   4. for scale, the same clients against GET /api/health (the HTTP stack alone).
// Results are printed and written to bench/results/ingest-<timestamp>.json.
import http from 'node:http';
import os from 'node:os';
import { createRequire } from 'node:module';
import {
  BENCH_ADMIN,
  createBrandWithCampaign,
  BENCH_RULES,
  cpuSeconds,
  login,
  percentile,
  postgresCpuSeconds,
  runConcurrently,
  startApi,
  startScratchDatabase,
  writeResults,
} from './support.mjs';

const require = createRequire(import.meta.url);
const { Client } = require('pg');

const BATCHES = Number(process.argv[2] ?? 200);
const BATCH_SIZE = 1000;
const FANS = 100_000;
const SINGLE_CLIENTS = 50;
const SINGLE_SECONDS = 20;

/** CPU seconds used so far by the API process, by each PostgreSQL process, and by this load generator. */
const cpuNow = () => {
  const own = process.cpuUsage();
  return {
    api: api ? cpuSeconds(api.pid) : 0,
    postgres: postgresCpuSeconds(),
    client: (own.user + own.system) / 1e6,
  };
};
const cpuPerEvent = (before, after, events) => {
  let postgres = 0;
  for (const [pid, cpu] of after.postgres) postgres += cpu - (before.postgres.get(pid) ?? 0);
  const perEvent = (seconds) => Math.round((seconds / events) * 1e6);
  return {
    api: perEvent(after.api - before.api),
    postgres: perEvent(postgres),
    client: perEvent(after.client - before.client),
  };
};

const db = await startScratchDatabase('fanfare-bench-');
let api;
try {
  // 1. Baseline: raw multi-row INSERTs into a table shaped like the events table.
  const client = new Client({ connectionString: db.url });
  await client.connect();
  await client.query(`CREATE TABLE bench_event (brand_id uuid, id uuid, external_id text, fan_id uuid, type text,
    channel text, occurred_at timestamptz, properties jsonb, status text, points bigint, outcome jsonb,
    PRIMARY KEY (brand_id, id), UNIQUE (brand_id, external_id))`);
  const brand = '00000000-0000-7000-8000-000000000001';
  const baselineStart = performance.now();
  for (let b = 0; b < BATCHES; b += 1) {
    const values = [];
    const params = [];
    for (let i = 0; i < BATCH_SIZE; i += 1) {
      const n = b * BATCH_SIZE + i;
      params.push(
        crypto.randomUUID(),
        `base-${n}`,
        crypto.randomUUID(),
        JSON.stringify({ hashtags: ['SoMeParade'] }),
      );
      const p = params.length;
      values.push(
        `('${brand}', $${p - 3}, $${p - 2}, $${p - 1}, 'comment', 'instagram', now(), $${p}, 'awarded', 10, '{}')`,
      );
    }
    await client.query(`INSERT INTO bench_event VALUES ${values.join(',')}`, params);
  }
  const baselineSeconds = (performance.now() - baselineStart) / 1000;
  const baselineRate = (BATCHES * BATCH_SIZE) / baselineSeconds;
  await client.query('DROP TABLE bench_event');
  await client.end();
  console.log(
    `baseline: ${BATCHES * BATCH_SIZE} rows in ${baselineSeconds.toFixed(1)} s = ${Math.round(baselineRate)} rows/s`,
  );

  // The API, as a separate process on the same database.
  api = await startApi({
    databaseUrl: db.url,
    admin: BENCH_ADMIN,
    env: { FANFARE_BODY_LIMIT_BYTES: String(8 * 1024 * 1024) },
  });
  const { port } = api;
  const { call } = await login(api.base, BENCH_ADMIN.email, BENCH_ADMIN.password);
  const brandId = await createBrandWithCampaign(call, {
    name: 'Bench Bakery',
    slug: `bench-${Date.now()}`,
    campaign: 'Bench',
    startsAt: new Date(Date.now() - 86_400_000),
    rules: BENCH_RULES,
  });
  const { secret } = await call('POST', `/api/v1/brands/${brandId}/api-keys`, {
    name: 'bench',
    scopes: ['events:write'],
  });
  // The load generator shares the machine's two cores with the API and PostgreSQL, so it uses
  // node:http with kept-alive connections: fetch() costs several times more CPU per request.
  const agent = new http.Agent({ keepAlive: true, maxSockets: SINGLE_CLIENTS });
  const ingestPath = `/api/v1/brands/${brandId}/events`;
  const timed = (method, requestPath, payload, headers) =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const request = http.request(
        { host: '127.0.0.1', port, path: requestPath, method, agent, headers },
        (response) => {
          const chunks = [];
          response.on('data', (chunk) => chunks.push(chunk));
          response.on('end', () => {
            if (response.statusCode !== 200) {
              reject(new Error(`${requestPath}: ${response.statusCode} ${Buffer.concat(chunks).toString()}`));
            } else {
              resolve(performance.now() - started);
            }
          });
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(payload);
    });
  const send = (body) => {
    const payload = JSON.stringify(body);
    return timed('POST', ingestPath, payload, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(payload),
      authorization: `Bearer ${secret}`,
    });
  };
  /** The same clients for `seconds` against one request: requests/s and latency percentiles. */
  const load = async (seconds, once) => {
    const latencies = [];
    const deadline = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: SINGLE_CLIENTS }, async () => {
        while (performance.now() < deadline) latencies.push(await once());
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      count: latencies.length,
      seconds: elapsed,
      rate: latencies.length / elapsed,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
    };
  };
  const kinds = ['comment', 'comment', 'purchase', 'share'];
  let serial = 0;
  const event = () => {
    serial += 1;
    const type = kinds[serial % kinds.length];
    return {
      id: `e-${serial}`,
      type,
      channel: type === 'purchase' ? 'store' : 'instagram',
      occurredAt: new Date(Date.now() - (serial % 3_600_000)).toISOString(),
      fan: { externalId: `fan-${Math.floor(Math.random() * FANS)}` },
      properties:
        type === 'purchase'
          ? { amount: 5 + (serial % 40), currency: 'EUR' }
          : { hashtags: ['SoMeParade', 'Brot'] },
    };
  };

  // 2. Batches of 1000 through HTTP, two requests in flight.
  const batchCpuBefore = cpuNow();
  const batchStart = performance.now();
  await runConcurrently(BATCHES, 2, () => send({ events: Array.from({ length: BATCH_SIZE }, event) }));
  const batchSeconds = (performance.now() - batchStart) / 1000;
  const batchRate = (BATCHES * BATCH_SIZE) / batchSeconds;
  const batchCpu = cpuPerEvent(batchCpuBefore, cpuNow(), BATCHES * BATCH_SIZE);
  console.log(
    `batches:  ${BATCHES * BATCH_SIZE} events in ${batchSeconds.toFixed(1)} s = ${Math.round(batchRate)} events/s (${(batchRate / baselineRate).toFixed(2)} of the baseline)`,
  );
  console.log(`          CPU per event (µs): ${JSON.stringify(batchCpu)}`);

  // 3. Single events from 50 concurrent clients.
  const cpuBefore = cpuNow();
  const singles = await load(SINGLE_SECONDS, () => send(event()));
  singles.cpuMicrosecondsPerEvent = cpuPerEvent(cpuBefore, cpuNow(), singles.count);
  console.log(
    `singles:  ${singles.count} events in ${singles.seconds.toFixed(1)} s = ${Math.round(singles.rate)} events/s, p50 ${singles.p50.toFixed(1)} ms, p99 ${singles.p99.toFixed(1)} ms`,
  );
  console.log(`          CPU per event (µs): ${JSON.stringify(singles.cpuMicrosecondsPerEvent)}`);

  // 4. For scale: the same clients against GET /api/health — the HTTP stack alone (Fastify, Nest,
  // the load generator), no authentication and no database, on the same two cores.
  const floor = await load(10, () => timed('GET', '/api/health', undefined, {}));
  console.log(
    `http floor (GET /api/health): ${Math.round(floor.rate)} requests/s, p50 ${floor.p50.toFixed(1)} ms, p99 ${floor.p99.toFixed(1)} ms`,
  );

  const result = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
    baseline: { rows: BATCHES * BATCH_SIZE, seconds: baselineSeconds, rowsPerSecond: baselineRate },
    batches: {
      events: BATCHES * BATCH_SIZE,
      batchSize: BATCH_SIZE,
      seconds: batchSeconds,
      eventsPerSecond: batchRate,
      ratioToBaseline: batchRate / baselineRate,
      cpuMicrosecondsPerEvent: batchCpu,
    },
    singles: {
      clients: SINGLE_CLIENTS,
      events: singles.count,
      seconds: singles.seconds,
      eventsPerSecond: singles.rate,
      p50Ms: singles.p50,
      p99Ms: singles.p99,
      cpuMicrosecondsPerEvent: singles.cpuMicrosecondsPerEvent,
    },
    httpFloor: {
      clients: SINGLE_CLIENTS,
      request: 'GET /api/health',
      requestsPerSecond: floor.rate,
      p50Ms: floor.p50,
      p99Ms: floor.p99,
    },
  };
  await writeResults('ingest', result);
} finally {
  await api?.stop();
  await db.stop();
}

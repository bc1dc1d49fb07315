#!/usr/bin/env node
// `npm run bench:imports`: a CSV event import of 1,000,000 rows (or the count given), beside a
// raw-PostgreSQL baseline, in one run. Starts an embedded PostgreSQL (durable commits) and the
// built API as a separate process, then:
//   1. baseline: the same rows, as CSV, through `COPY … FROM STDIN` into a table shaped like the
//      staging table — what PostgreSQL alone takes in;
//   2. upload: POST …/imports with the file streamed as it is made (node:http, waiting for the socket
//      to drain) — rows/s until the 202, and the API process's peak RSS meanwhile;
//   3. booking: from the 202 until the import is done (the job puts every row through the earning
//      engine) — rows/s, and CPU per row of the API process and of PostgreSQL.
// Results are printed and written to bench/results/imports-<timestamp>.json.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const { EmbeddedDatabase } = require(
  path.join(root, 'apps/api/dist/apps/api/src/database/embedded-database.js'),
);
const { Client } = require('pg');
const { from: copyFrom } = require('pg-copy-streams');

const ROWS = Number(process.argv[2] ?? 1_000_000);
const FANS = 100_000;
const CHUNK_ROWS = 1000;
const PASSWORD = 'bench-password-1234';
const HEADER = 'id,type,channel,occurred_at,fan_external_id,fan_handle,prop.amount,properties';
const TAGGED = '"{""hashtags"":[""SoMeParade""],""text_length"":42}"';
const START = Date.now() - 365 * 86_400_000;

/** Row n of the file: comments, purchases and shares of 100,000 fans over the past year (~100 bytes). */
function row(n) {
  const occurred = new Date(START + Math.floor((n * 31_536_000_000) / ROWS)).toISOString();
  const fan = `fan-${(n * 7919) % FANS}`;
  switch (n % 4) {
    case 0:
    case 1:
      return `imp-${n},comment,instagram,${occurred},${fan},@${fan},,${TAGGED}`;
    case 2:
      return `imp-${n},purchase,store,${occurred},${fan},,${(n % 90) + 10}.50,`;
    default:
      return `imp-${n},share,instagram,${occurred},${fan},@${fan},,`;
  }
}

/** The file in chunks of a thousand rows, made as it is read. */
function* file() {
  for (let n = 0; n < ROWS; n += CHUNK_ROWS) {
    const lines = n === 0 ? [HEADER] : [];
    for (let i = n; i < Math.min(ROWS, n + CHUNK_ROWS); i += 1) lines.push(row(i));
    yield Buffer.from(`${lines.join('\n')}\n`);
  }
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const TICKS = 100;
const cpuOf = (pid) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
};
const rssOf = (pid) => {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith('VmRSS:'));
    return Number(line?.split(/\s+/)[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
};
const postgresCpu = () => {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') total += cpuOf(entry);
    } catch {
      // gone meanwhile
    }
  }
  return total;
};
const mb = (bytes) => Math.round(bytes / 1024 / 1024);

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fanfare-bench-imports-'));
const db = await EmbeddedDatabase.start({ dataDir });
let server;
try {
  // 1. Baseline: the rows through COPY into a table shaped like event_import_row.
  const client = new Client({ connectionString: db.url });
  await client.connect();
  await client.query(`CREATE TABLE bench_import_row (id text, type text, channel text, occurred_at timestamptz,
    fan_external_id text, fan_handle text, amount numeric, properties json)`);
  const baselineStart = performance.now();
  const copy = client.query(copyFrom('COPY bench_import_row FROM STDIN (FORMAT csv, HEADER true)'));
  for (const chunk of file()) {
    if (!copy.write(chunk)) await once(copy, 'drain');
  }
  copy.end();
  await once(copy, 'finish');
  const baselineSeconds = (performance.now() - baselineStart) / 1000;
  await client.query('DROP TABLE bench_import_row');
  await client.end();
  console.log(
    `baseline (COPY FROM STDIN): ${ROWS} rows in ${baselineSeconds.toFixed(1)} s = ${Math.round(ROWS / baselineSeconds)} rows/s`,
  );

  // The API, as a separate process on the same database.
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [path.join(root, 'apps/api/dist/apps/api/src/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: db.url,
      FANFARE_SESSION_SECRET: 'bench-session-secret-that-is-long-enough',
      FANFARE_ADMIN_EMAIL: 'bench@example.com',
      FANFARE_ADMIN_PASSWORD: PASSWORD,
      FANFARE_SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; ; i += 1) {
    try {
      if ((await fetch(`${base}/api/ready`)).ok) break;
    } catch {
      // starting
    }
    if (i > 600) throw new Error('the API did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@example.com', password: PASSWORD }),
  });
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const call = async (method, url, body) => {
    const response = await fetch(`${base}${url}`, {
      method,
      headers: { 'content-type': 'application/json', cookie },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const brandId = (
    await call('POST', '/api/v1/brands', {
      name: 'Bench Imports',
      slug: `bench-imports-${Date.now()}`,
      timeZone: 'Europe/Berlin',
      locale: 'de',
    })
  ).id;
  await call('POST', `/api/v1/brands/${brandId}/campaigns`, {
    name: 'Bench',
    startsAt: new Date(START - 86_400_000).toISOString(),
    status: 'active',
    rules: [
      {
        name: 'Comment #SoMeParade',
        trigger: { eventType: 'comment', channels: ['instagram'] },
        conditions: [{ property: 'hashtags', op: 'contains', value: 'SoMeParade' }],
        award: { kind: 'fixed', points: 10 },
        limits: [{ window: 'day', max: 3 }],
      },
      {
        name: 'Purchase',
        trigger: { eventType: 'purchase' },
        conditions: [],
        award: { kind: 'per_unit', property: 'amount', pointsPerUnit: 1, rounding: 'floor' },
        limits: [{ window: 'day', max: 5 }],
      },
      {
        name: 'Share',
        trigger: { eventType: 'share', channels: ['instagram'] },
        conditions: [],
        award: { kind: 'fixed', points: 5 },
        limits: [{ window: 'week', max: 2 }],
      },
    ],
  });

  // 2. Upload: the file streamed as it is made; node:http waits for the socket (fetch would read
  // a streamed body ahead and hold it).
  const rssBefore = rssOf(server.pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, rssOf(server.pid));
  }, 100);
  const cpuBeforeUpload = { api: cpuOf(server.pid), postgres: postgresCpu() };
  const uploadStart = performance.now();
  const request = http.request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: `/api/v1/brands/${brandId}/imports?filename=bench.csv`,
    headers: { cookie, 'content-type': 'text/csv' },
  });
  const answered = once(request, 'response');
  let bytes = 0;
  for (const chunk of file()) {
    bytes += chunk.length;
    if (!request.write(chunk)) await once(request, 'drain');
  }
  request.end();
  const [response] = await answered;
  let text = '';
  for await (const part of response) text += part;
  const uploadSeconds = (performance.now() - uploadStart) / 1000;
  const uploadRssPeak = rssPeak;
  if (response.statusCode !== 202) throw new Error(`upload: ${response.statusCode} ${text}`);
  const created = JSON.parse(text);
  const cpuAfterUpload = { api: cpuOf(server.pid), postgres: postgresCpu() };
  console.log(
    `upload: ${ROWS} rows (${mb(bytes)} MB) in ${uploadSeconds.toFixed(1)} s = ${Math.round(ROWS / uploadSeconds)} rows/s; ` +
      `API RSS ${mb(rssBefore)} → peak ${mb(uploadRssPeak)} MB`,
  );

  // 3. Booking: until the import is done.
  const bookingStart = performance.now();
  let current = created;
  let lastPrint = 0;
  while (current.status !== 'done' && current.status !== 'failed') {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    current = await call('GET', `/api/v1/brands/${brandId}/imports/${created.id}`);
    if (performance.now() - lastPrint > 15_000) {
      lastPrint = performance.now();
      console.log(`  booking: ${current.rowsBooked} of ${current.rowsValid} rows`);
    }
  }
  const bookingSeconds = (performance.now() - bookingStart) / 1000;
  clearInterval(sampler);
  const cpuAfterBooking = { api: cpuOf(server.pid), postgres: postgresCpu() };
  if (current.status !== 'done') throw new Error(`import ${current.status}: ${current.error}`);
  const perRow = (seconds) => Math.round((seconds / ROWS) * 1e6);
  console.log(
    `booking: ${current.rowsBooked} rows in ${bookingSeconds.toFixed(1)} s = ${Math.round(ROWS / bookingSeconds)} rows/s ` +
      `(${JSON.stringify(current.outcomes)}, ${current.points} points); API RSS peak ${mb(rssPeak)} MB`,
  );
  const results = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      memoryGb: Math.round(os.totalmem() / 1e9),
    },
    rows: ROWS,
    bytes,
    baseline: { seconds: baselineSeconds, rowsPerSecond: ROWS / baselineSeconds },
    upload: {
      seconds: uploadSeconds,
      rowsPerSecond: ROWS / uploadSeconds,
      ratioToBaseline: ROWS / uploadSeconds / (ROWS / baselineSeconds),
      apiRssBeforeMb: mb(rssBefore),
      apiRssPeakMb: mb(uploadRssPeak),
      cpuMicrosecondsPerRow: {
        api: perRow(cpuAfterUpload.api - cpuBeforeUpload.api),
        postgres: perRow(cpuAfterUpload.postgres - cpuBeforeUpload.postgres),
      },
    },
    booking: {
      seconds: bookingSeconds,
      rowsPerSecond: ROWS / bookingSeconds,
      outcomes: current.outcomes,
      points: current.points,
      apiRssPeakMb: mb(rssPeak),
      cpuMicrosecondsPerRow: {
        api: perRow(cpuAfterBooking.api - cpuAfterUpload.api),
        postgres: perRow(cpuAfterBooking.postgres - cpuAfterUpload.postgres),
      },
    },
  };
  mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  const out = path.join(root, `bench/results/imports-${results.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`written to ${path.relative(root, out)}`);
} finally {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
  await db.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

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
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import {
  BENCH_ADMIN,
  createBrandWithCampaign,
  BENCH_RULES,
  cpuSeconds,
  login,
  postgresCpuSeconds,
  startApi,
  startScratchDatabase,
  writeResults,
} from './support.mjs';

const require = createRequire(import.meta.url);
const { Client } = require('pg');
const { from: copyFrom } = require('pg-copy-streams');

const ROWS = Number(process.argv[2] ?? 1_000_000);
const FANS = 100_000;
const CHUNK_ROWS = 1000;
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
/** CPU seconds of all PostgreSQL processes so far. */
const postgresCpu = () => {
  let total = 0;
  for (const seconds of postgresCpuSeconds().values()) total += seconds;
  return total;
};
const mb = (bytes) => Math.round(bytes / 1024 / 1024);

const db = await startScratchDatabase('fanfare-bench-imports-');
let api;
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
  api = await startApi({ databaseUrl: db.url, admin: BENCH_ADMIN });
  const { port, pid } = api;
  const { cookie, call } = await login(api.base, BENCH_ADMIN.email, BENCH_ADMIN.password);
  const brandId = await createBrandWithCampaign(call, {
    name: 'Bench Imports',
    slug: `bench-imports-${Date.now()}`,
    campaign: 'Bench',
    startsAt: new Date(START - 86_400_000),
    rules: BENCH_RULES,
  });

  // 2. Upload: the file streamed as it is made; node:http waits for the socket (fetch would read
  // a streamed body ahead and hold it).
  const rssBefore = rssOf(pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, rssOf(pid));
  }, 100);
  const cpuBeforeUpload = { api: cpuSeconds(pid), postgres: postgresCpu() };
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
  const cpuAfterUpload = { api: cpuSeconds(pid), postgres: postgresCpu() };
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
  const cpuAfterBooking = { api: cpuSeconds(pid), postgres: postgresCpu() };
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
  await writeResults('imports', results, { at: results.date });
} finally {
  await api?.stop();
  await db.stop();
}

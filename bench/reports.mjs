#!/usr/bin/env node
// `npm run bench:reports`: the report endpoints on the brand `npm run seed:large` filled (1,000,000 fans,
// 10,000,000 events), over HTTP, beside a raw-PostgreSQL baseline in the same run.
// Uses the app's database as the CLI picks it (DATABASE_URL, or the embedded database in FANFARE_DATA_DIR,
// default .data/) and starts the built API on it as a separate process, logged in as the seed's owner. Then:
//   1. overview (last 30 days), active fans (365 days by day), channels (30 days), cohorts (12 months):
//      one warm-up and RUNS timed requests each — p50, min, max;
//   2. the fans.csv export (last 30 days), streamed: rows counted by their CRLF while they arrive, bytes,
//      time, rows/s, and the API process's memory (VmRSS / VmHWM from /proc, every 50 ms) before and during;
//   3. baseline: count(DISTINCT fan_id) of the last 30 days' events straight through pg.
// Targets: overview and the 365-day series ≤ 200 ms each (p50); fans.csv ≥ 200,000 rows/s with flat memory.
// Results are printed and written to bench/results/reports-<timestamp>.json.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { apiDist, cpuSeconds, EmbeddedDatabase, login, startApi, writeResults } from './support.mjs';

const require = createRequire(import.meta.url);
const { loadConfig } = require(path.join(apiDist, 'config/config.js'));
const { Client } = require('pg');

// As in apps/api/src/cli/seed-large.ts, which creates them.
const BRAND_SLUG = 'large-benchmark';
const OWNER = { email: 'bench-owner@example.com', password: 'bench-owner-password' };

const RUNS = 7;
const EXPORT_RUNS = 3;
const TARGET_MS = 200;
const TARGET_ROWS_PER_SECOND = 200_000;
/** Memory counts as flat when the export raises the API's resident set by less than this. */
const FLAT_MEMORY_MIB = 64;

const summary = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p50: sorted[Math.floor((sorted.length - 1) / 2)],
    min: sorted[0],
    max: sorted.at(-1),
    runs: values,
  };
};

/** Resident set and its high-water mark of a process, in MiB. */
const memoryOf = (pid) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kib('VmRSS') / 1024, hwm: kib('VmHWM') / 1024 };
};

/** Calendar day `offset` days from `day` (YYYY-MM-DD). */
const addDays = (day, offset) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
};
const addMonths = (month, offset) => {
  const date = new Date(`${month}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + offset);
  return date.toISOString().slice(0, 7);
};

const config = loadConfig();
const db =
  config.databaseUrl === undefined ? await EmbeddedDatabase.start({ dataDir: config.dataDir }) : undefined;
const databaseUrl = config.databaseUrl ?? db.url;
const pg = new Client({ connectionString: databaseUrl, application_name: 'fanfare bench:reports' });
let api;
let exitCode = 0;
try {
  await pg.connect();
  const {
    rows: [{ migrated }],
  } = await pg.query(`SELECT to_regclass('brand') IS NOT NULL AS migrated`);
  const {
    rows: [brand],
  } = migrated
    ? await pg.query(
        `SELECT b.id, b.time_zone, b.analytics_state,
                (SELECT count(*) FROM fan WHERE brand_id = b.id)::int AS fans
           FROM brand b WHERE b.slug = $1`,
        [BRAND_SLUG],
      )
    : { rows: [] };
  if (brand === undefined || brand.fans === 0) {
    process.stderr.write(
      `No brand "${BRAND_SLUG}" with fans in ${config.databaseUrl ? 'DATABASE_URL' : config.dataDir}: ` +
        'run npm run seed:large first.\n',
    );
    exitCode = 1;
  } else {
    await bench(brand);
  }
} catch (error) {
  process.stderr.write(`${error.stack ?? error}\n`);
  exitCode = 1;
} finally {
  await api?.stop();
  await pg.end().catch(() => undefined);
  await db?.stop();
}
process.exit(exitCode);

async function bench(brand) {
  const {
    rows: [{ events }],
  } = await pg.query('SELECT count(*)::int AS events FROM engagement_event WHERE brand_id = $1', [brand.id]);
  process.stdout.write(
    `Brand "${BRAND_SLUG}" (${brand.id}): ${brand.fans.toLocaleString('en')} fans, ${events.toLocaleString('en')} events\n`,
  );
  if (brand.analytics_state !== 'current') {
    process.stdout.write(`Note: its report rollups are "${brand.analytics_state}"; figures may be off.\n`);
  }

  api = await startApi({
    databaseUrl,
    // Sessions of this run only; the API refuses DATABASE_URL without a secret.
    sessionSecret: config.sessionSecret,
    env: { HOST: '127.0.0.1' },
    startupSeconds: 120,
  });
  const { port, pid } = api;
  const { cookie } = await login(api.base, OWNER.email, OWNER.password).catch((error) => {
    throw new Error(`${error.message}: run npm run seed:large again to reset the account`);
  });

  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  /** One GET; resolves with the time to the last byte and what `onChunk` made of the body. */
  const get = (requestPath, onChunk) =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const request = http.get(
        { host: '127.0.0.1', port, path: requestPath, agent, headers: { cookie } },
        (response) => {
          const chunks = [];
          response.on('data', (chunk) => (onChunk ? onChunk(chunk) : chunks.push(chunk)));
          response.on('end', () => {
            const ms = performance.now() - started;
            if (response.statusCode !== 200) {
              const body = Buffer.concat(chunks).toString();
              reject(
                new Error(
                  `${requestPath}: ${response.statusCode} ${body.slice(0, 500)}` +
                    (response.statusCode === 404
                      ? ' (is the API built with the report endpoints? npm run build)'
                      : ''),
                ),
              );
            } else {
              resolve({ ms, body: onChunk ? undefined : Buffer.concat(chunks) });
            }
          });
          response.on('error', reject);
        },
      );
      request.on('error', reject);
    });

  const today = new Intl.DateTimeFormat('en-CA', { timeZone: brand.time_zone }).format(new Date());
  const month = today.slice(0, 7);
  const reports = `/api/v1/brands/${brand.id}/reports`;
  const last30 = `from=${addDays(today, -29)}&to=${today}`;
  const cases = [
    { name: 'overview (30 days)', path: `${reports}/overview?${last30}`, targetMs: TARGET_MS },
    {
      name: 'active-fans (365 days, by day)',
      path: `${reports}/active-fans?from=${addDays(today, -364)}&to=${today}&granularity=day`,
      targetMs: TARGET_MS,
    },
    { name: 'channels (30 days)', path: `${reports}/channels?${last30}` },
    { name: 'cohorts (12 months)', path: `${reports}/cohorts?from=${addMonths(month, -11)}&to=${month}` },
  ];
  const results = [];
  for (const c of cases) {
    const first = await get(c.path);
    JSON.parse(first.body.toString()); // a report, not an error page
    const times = [];
    for (let i = 0; i < RUNS; i += 1) times.push((await get(c.path)).ms);
    const timing = summary(times);
    const result = {
      ...c,
      warmUpMs: first.ms,
      ...timing,
      pass: c.targetMs === undefined ? null : timing.p50 <= c.targetMs,
    };
    results.push(result);
    process.stdout.write(
      `${c.name.padEnd(32)} p50 ${timing.p50.toFixed(1)} ms (min ${timing.min.toFixed(1)}, max ${timing.max.toFixed(1)}, first ${first.ms.toFixed(1)})\n`,
    );
  }

  // The export: streamed, rows counted as they arrive, the API's memory sampled meanwhile.
  const exportPath = `${reports}/fans.csv?${last30}`;
  const exportOnce = async () => {
    let lines = 0;
    let bytes = 0;
    let lastByte = 0;
    let firstByteMs = null;
    const before = memoryOf(pid);
    const cpuBefore = cpuSeconds(pid);
    let peak = before.rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, memoryOf(pid).rss);
    }, 50);
    const started = performance.now();
    try {
      const { ms } = await get(exportPath, (chunk) => {
        firstByteMs ??= performance.now() - started;
        bytes += chunk.length;
        // A CRLF may be split across chunks.
        if (chunk[0] === 0x0a && lastByte === 0x0d) lines += 1;
        for (let i = chunk.indexOf(0x0a, 1); i !== -1; i = chunk.indexOf(0x0a, i + 1)) {
          if (chunk[i - 1] === 0x0d) lines += 1;
        }
        lastByte = chunk[chunk.length - 1];
      });
      const after = memoryOf(pid);
      peak = Math.max(peak, after.rss);
      const rows = lines - 1; // the header
      return {
        rows,
        bytes,
        seconds: ms / 1000,
        firstByteMs,
        rowsPerSecond: rows / (ms / 1000),
        apiCpuSeconds: cpuSeconds(pid) - cpuBefore,
        rssBeforeMiB: before.rss,
        rssPeakMiB: peak,
        rssGrowthMiB: peak - before.rss,
        hwmBeforeMiB: before.hwm,
        hwmAfterMiB: after.hwm,
      };
    } finally {
      clearInterval(sampler);
    }
  };
  const exportWarmUp = await exportOnce();
  const exportRuns = [];
  for (let i = 0; i < EXPORT_RUNS; i += 1) exportRuns.push(await exportOnce());
  const rate = summary(exportRuns.map((run) => run.rowsPerSecond));
  const growth = Math.max(exportWarmUp.rssGrowthMiB, ...exportRuns.map((run) => run.rssGrowthMiB));
  const median = exportRuns.find((run) => run.rowsPerSecond === rate.p50);
  const exportResult = {
    name: 'fans.csv (30 days)',
    path: exportPath,
    warmUp: exportWarmUp,
    runs: exportRuns,
    rowsPerSecondP50: rate.p50,
    maxRssGrowthMiB: growth,
    pass: rate.p50 >= TARGET_ROWS_PER_SECOND && growth < FLAT_MEMORY_MIB,
  };
  process.stdout.write(
    `${'fans.csv (30 days)'.padEnd(32)} ${median.rows.toLocaleString('en')} rows, ${(median.bytes / 2 ** 20).toFixed(1)} MiB ` +
      `in ${median.seconds.toFixed(2)} s = ${Math.round(rate.p50).toLocaleString('en')} rows/s (p50 of ${EXPORT_RUNS}); ` +
      `API RSS ${median.rssBeforeMiB.toFixed(0)} MiB before, peak ${median.rssPeakMiB.toFixed(0)} MiB\n`,
  );

  // Baseline: the count behind "active fans" straight through pg, on the same database and machine.
  const baselineSql = `SELECT count(DISTINCT fan_id) FROM engagement_event
                        WHERE brand_id = $1 AND occurred_at >= now() - interval '30 days'`;
  await pg.query(baselineSql, [brand.id]);
  const baselineTimes = [];
  let activeFans = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    const { rows } = await pg.query(baselineSql, [brand.id]);
    baselineTimes.push(performance.now() - started);
    activeFans = Number(rows[0].count);
  }
  const baseline = { sql: baselineSql.replace(/\s+/g, ' '), result: activeFans, ...summary(baselineTimes) };
  process.stdout.write(
    `${'baseline: pg count(DISTINCT)'.padEnd(32)} p50 ${baseline.p50.toFixed(1)} ms (${activeFans.toLocaleString('en')} fans)\n`,
  );

  const mark = (pass) => (pass === null ? '' : pass ? 'PASS' : 'MISS');
  const rows = [
    ['', 'p50', 'min', 'max', 'target', ''],
    ...results.map((r) => [
      r.name,
      `${r.p50.toFixed(1)} ms`,
      `${r.min.toFixed(1)} ms`,
      `${r.max.toFixed(1)} ms`,
      r.targetMs === undefined ? '' : `≤ ${r.targetMs} ms`,
      mark(r.pass),
    ]),
    [
      'fans.csv (30 days)',
      `${Math.round(rate.p50).toLocaleString('en')} rows/s`,
      `${Math.round(rate.min).toLocaleString('en')}`,
      `${Math.round(rate.max).toLocaleString('en')}`,
      `≥ ${TARGET_ROWS_PER_SECOND.toLocaleString('en')} rows/s, RSS +< ${FLAT_MEMORY_MIB} MiB`,
      mark(exportResult.pass),
    ],
    [
      '  API memory during the export',
      `+${growth.toFixed(0)} MiB`,
      `${median.rssBeforeMiB.toFixed(0)} MiB before`,
      `${median.rssPeakMiB.toFixed(0)} MiB peak`,
      '',
      '',
    ],
    [
      'baseline: pg count(DISTINCT) 30 d',
      `${baseline.p50.toFixed(1)} ms`,
      `${baseline.min.toFixed(1)} ms`,
      `${baseline.max.toFixed(1)} ms`,
      '',
      '',
    ],
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  process.stdout.write(
    `\n${rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')).join('\n')}\n`,
  );

  const result = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
    brand: { id: brand.id, fans: brand.fans, events, timeZone: brand.time_zone, today },
    runsPerReport: RUNS,
    reports: results,
    export: exportResult,
    baseline,
    targets: {
      reportP50Ms: TARGET_MS,
      exportRowsPerSecond: TARGET_ROWS_PER_SECOND,
      flatMemoryMiB: FLAT_MEMORY_MIB,
    },
  };
  process.stdout.write('\n');
  // In the repository's style, so that `npm test`'s format check passes with results committed.
  await writeResults('reports', result, { prettier: true });
}

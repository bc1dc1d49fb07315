// What the benchmarks in bench/ share: a scratch embedded PostgreSQL, the built API started as a separate
// process (and stopped), logging in, JSON calls, concurrent runs with their answer times, percentiles, CPU
// readings from /proc, and writing the results to bench/results/<name>-<timestamp>.json.
// The API must be built first (npm run build): the benchmarks' npm scripts do that.
// BENCH_API_NODE_ARGS adds Node options to the API process, e.g. to profile it:
//   BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" node bench/imports.mjs 50000
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The repository's root. */
export const root = path.resolve(import.meta.dirname, '..');
/** The built API's sources (apps/api/src compiled). */
export const apiDist = path.join(root, 'apps/api/dist/apps/api/src');

const require = createRequire(import.meta.url);
export const { EmbeddedDatabase } = require(path.join(apiDist, 'database/embedded-database.js'));

/** The administrator `startApi({ admin: BENCH_ADMIN })` creates on a fresh database. */
export const BENCH_ADMIN = { email: 'bench@example.com', password: 'bench-password-1234' };

/** A TCP port free on 127.0.0.1 at the moment. */
export const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** The `p`th percentile (0–100) of `sorted`, in ascending order: the value at rank ⌊n·p/100⌋. */
export const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

/** Runs `task(i)` for i = 0 … total - 1, `clients` at a time; the answer times in ms, ascending. */
export async function runConcurrently(total, clients, task) {
  const times = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        const i = next;
        next += 1;
        const started = performance.now();
        await task(i);
        times.push(performance.now() - started);
      }
    }),
  );
  return times.sort((a, b) => a - b);
}

/**
 * An embedded PostgreSQL (durable commits) in a new temporary folder named from `prefix`;
 * `stop()` stops it and removes the folder.
 */
export async function startScratchDatabase(prefix) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    const db = await EmbeddedDatabase.start({ dataDir });
    return {
      url: db.url,
      stop: async () => {
        await db.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Starts the built API as a separate process on a free port of 127.0.0.1 against `databaseUrl`, without the
 * demo brand and logging warnings only, and waits until /api/ready answers. `admin` ({ email, password }) is
 * created as the administrator on a fresh database; `env` is added to (and overrides) the environment.
 * Returns { base, port, pid, stop }; `stop()` ends the process and waits for it.
 */
export async function startApi({ databaseUrl, admin, sessionSecret, env = {}, startupSeconds = 60 }) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.join(apiDist, 'main.js')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      FANFARE_SESSION_SECRET: sessionSecret ?? 'bench-session-secret-that-is-long-enough',
      ...(admin && { FANFARE_ADMIN_EMAIL: admin.email, FANFARE_ADMIN_PASSWORD: admin.password }),
      FANFARE_SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  };
  try {
    for (let i = 0; ; i += 1) {
      try {
        if ((await fetch(`${base}/api/ready`)).ok) break;
      } catch {
        // starting
      }
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`the API exited with ${child.exitCode ?? child.signalCode}`);
      }
      if (i > startupSeconds * 10) throw new Error(`the API did not start within ${startupSeconds} s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, port, pid: child.pid, stop };
}

/**
 * Logs in to the API at `base`. Returns the session `cookie` and `call(method, url, body)`, which sends `body`
 * as JSON with that cookie and answers with the parsed response (null for 204), throwing on an error status.
 */
export async function login(base, email, password) {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`login as ${email} failed (${response.status})`);
  const cookie = response.headers.get('set-cookie').split(';')[0];
  const call = async (method, url, body) => {
    const answer = await fetch(`${base}${url}`, {
      method,
      headers: { 'content-type': 'application/json', cookie },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!answer.ok) throw new Error(`${method} ${url}: ${answer.status} ${await answer.text()}`);
    return answer.status === 204 ? null : answer.json();
  };
  return { cookie, call };
}

/** CPU seconds (user + system) process `pid` has used so far; 0 once it is gone. */
export const cpuSeconds = (pid, { reapedChildren = false } = {}) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime, stime (and cutime, cstime: children that exited and were waited for), in clock ticks
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (reapedChildren ? ticks + Number(fields[13]) + Number(fields[14]) : ticks) / 100;
  } catch {
    return 0;
  }
};

/**
 * CPU seconds of every PostgreSQL process so far, by pid — per process, so that a connection closed
 * meanwhile does not subtract its CPU from a sum. A backend that exits takes its CPU with it; the
 * postmaster, which waits for it, then counts it among its children's, so that is included too.
 */
export const postgresCpuSeconds = () => {
  const byPid = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres')
        byPid.set(entry, cpuSeconds(entry, { reapedChildren: true }));
    } catch {
      // gone meanwhile
    }
  }
  return byPid;
};

/**
 * Writes `results` as JSON to bench/results/<name>-<at>.json (`at`, an ISO timestamp, with ':' and '.' as
 * '-'; by default `results.at`), formatted by Prettier when `prettier` is set and Prettier is at hand, and
 * prints where. Returns the file's path.
 */
export async function writeResults(name, results, { at = results.at, prettier = false } = {}) {
  mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  const file = path.join(root, 'bench/results', `${name}-${at.replace(/[:.]/g, '-')}.json`);
  let text = `${JSON.stringify(results, null, 2)}\n`;
  if (prettier) {
    try {
      const { format, resolveConfig } = await import('prettier');
      text = await format(text, { ...(await resolveConfig(file)), filepath: file });
    } catch {
      // without Prettier, as JSON.stringify wrote it
    }
  }
  writeFileSync(file, text);
  console.log(`written to ${path.relative(root, file)}`);
  return file;
}

/** The rules of the ingestion and import benchmarks: comments with #SoMeParade, purchases by the euro, shares. */
export const BENCH_RULES = [
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
];

/**
 * Creates a brand (Europe/Berlin, German) with one active campaign of `rules` that started at
 * `startsAt`; answers the brand's id.
 */
export async function createBrandWithCampaign(call, { name, slug, campaign, startsAt, rules }) {
  const brandId = (
    await call('POST', '/api/v1/brands', { name, slug, timeZone: 'Europe/Berlin', locale: 'de' })
  ).id;
  await call('POST', `/api/v1/brands/${brandId}/campaigns`, {
    name: campaign,
    startsAt: startsAt.toISOString(),
    status: 'active',
    rules,
  });
  return brandId;
}

// Shared by the browser e2e tests: the built Fanfare server on a fresh data directory (embedded
// PostgreSQL), ready when /api/ready answers, stopped with SIGTERM; and headless Debian Chromium.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';

import { chromium } from 'playwright-core';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const RESULTS_DIR = path.join(ROOT, 'test-results');
const SERVER_ENTRY = path.join(ROOT, 'apps/api/dist/apps/api/src/main.js');
const CHROMIUM = '/usr/bin/chromium';
const READY_TIMEOUT_MS = 120_000;

async function freePort() {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address();
  probe.close();
  await once(probe, 'close');
  return port;
}

/** Starts the server with the given owner; returns its base URL and a stop function. */
export async function startServer({ name, ownerEmail, ownerPassword }) {
  await mkdir(RESULTS_DIR, { recursive: true });
  const dataDir = await mkdtemp(path.join(tmpdir(), `fanfare-${name}-`));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = createWriteStream(path.join(RESULTS_DIR, `${name}-server.log`));
  const server = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      FANFARE_DATA_DIR: dataDir,
      FANFARE_ADMIN_EMAIL: ownerEmail,
      FANFARE_ADMIN_PASSWORD: ownerPassword,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = once(server, 'exit');
  server.stdout.pipe(log, { end: false });
  server.stderr.pipe(log, { end: false });

  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    }
    log.end();
    await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      await stop();
      throw new Error(`The server exited with code ${server.exitCode} before it was ready; see ${log.path}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/ready`);
      if (response.status === 200) return { baseUrl, stop };
      lastProblem = `GET /api/ready answered ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`The server was not ready within ${READY_TIMEOUT_MS / 1000} s (${lastProblem})`);
}

/**
 * For a test file: starts the server (fresh data directory) and Chromium before its tests and stops
 * both after them. Read `baseUrl` and `browser` from the returned object inside the tests.
 */
export function serverAndBrowser({ name, ownerEmail, ownerPassword }) {
  const suite = { baseUrl: undefined, browser: undefined };
  let stop;
  before(async () => {
    const started = await startServer({ name, ownerEmail, ownerPassword });
    suite.baseUrl = started.baseUrl;
    stop = started.stop;
    suite.browser = await launchChromium();
  });
  after(async () => {
    await suite.browser?.close();
    await stop?.();
  });
  return suite;
}

export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A full-page screenshot in test-results/. */
export async function shot(page, name) {
  await page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`), fullPage: true });
}

/** A same-origin JSON call from inside the logged-in page, so the session cookie goes along. */
export function callAsUser(page, method, url, body, headers = {}) {
  return page.evaluate(
    async ({ method, url, body, headers }) => {
      const response = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    },
    { method, url, body, headers },
  );
}

/** Reads a notification and closes it: notifications sit over the page header's buttons. */
export async function dismissNotice(page, text) {
  const notice = page.getByRole('alert').filter({ hasText: text });
  await notice.waitFor();
  await notice.getByRole('button', { name: 'Close' }).click();
  await notice.waitFor({ state: 'detached' });
}

/**
 * A page in a fresh browser context (English, Berlin time), signed in through the login form; it
 * waits for the dashboard. `acceptDownloads` for tests that download files.
 */
export async function signedInPage(browser, baseUrl, { email, password, viewport, acceptDownloads = false }) {
  const context = await browser.newContext({
    viewport,
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
    acceptDownloads,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${baseUrl}/`);
  await page.waitForURL(/\/login$/);
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/brands\/[^/]+\/dashboard$/);
  return page;
}

// The built server as a person runs it: first start on an empty data directory (embedded
// PostgreSQL, migrations, first owner, demo brand), a clean stop on Ctrl-C (SIGINT), and a second
// start that keeps the data. Also: a bad configuration stops the start with a clear message.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';

const root = path.resolve(import.meta.dirname, '..');
const MAIN = path.join(root, 'apps/api/dist/apps/api/src/main.js');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fanfare-server-e2e-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function startServer(env) {
  const child = spawn(process.execPath, [MAIN], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', FANFARE_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, output: () => output };
}

async function waitReady(base, server) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${base}/api/ready`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    if (server.child.exitCode !== null) throw new Error(`server exited early:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server not ready in time:\n${server.output()}`);
}

async function login(base, email, password) {
  return fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
}

test('first start prints a one-time login, Ctrl-C stops cleanly, the next start keeps the data', async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const first = startServer({ PORT: String(port), LOG_LEVEL: 'info' });
  await waitReady(base, first);
  const banner = first.output();
  const match = /one-time password: (\S+)/.exec(banner);
  assert.ok(match, `the first start prints the generated password:\n${banner}`);
  assert.match(banner, /Log in as admin@fanfare\.local/);
  assert.match(banner, /Demo brand "Bäckerei Sonnenschein" created/);

  const loggedIn = await login(base, 'admin@fanfare.local', match[1]);
  assert.equal(loggedIn.status, 200);
  assert.equal((await loggedIn.json()).user.mustChangePassword, true);
  const cookie = loggedIn.headers.get('set-cookie').split(';')[0];
  const changed = await fetch(`${base}/api/v1/auth/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ currentPassword: match[1], newPassword: 'my-own-password-2026' }),
  });
  assert.equal(changed.status, 200);

  // The admin SPA and the widget are served by the same process.
  const page = await fetch(`${base}/settings/api-keys`, { headers: { accept: 'text/html' } });
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<div id="root">/);
  assert.equal((await fetch(`${base}/widget.js`)).status, 200);

  first.child.kill('SIGINT');
  const stopped = await first.exited;
  assert.deepEqual(stopped, { code: 0, signal: null }, first.output());
  assert.match(first.output(), /Stopped cleanly/);
  assert.equal(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid')), false, 'PostgreSQL was stopped');

  const second = startServer({ PORT: String(port) });
  await waitReady(base, second);
  assert.doesNotMatch(second.output(), /one-time password/);
  const again = await login(base, 'admin@fanfare.local', 'my-own-password-2026');
  assert.equal(again.status, 200, 'the changed password survived the restart');
  const me = await again.json();
  assert.equal(me.memberships.length, 1);
  assert.equal(me.memberships[0].brand.name, 'Bäckerei Sonnenschein');
  second.child.kill('SIGTERM');
  assert.deepEqual(await second.exited, { code: 0, signal: null }, second.output());
});

test('a bad configuration stops the start and names each variable', async () => {
  const server = startServer({ PORT: 'eighty', LOG_LEVEL: 'loud', FANFARE_DATA_DIR: dataDir });
  const { code } = await server.exited;
  assert.equal(code, 78);
  assert.match(server.output(), /PORT: must be a whole number/);
  assert.match(server.output(), /LOG_LEVEL: must be one of/);
});

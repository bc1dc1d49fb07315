#!/usr/bin/env node
// `npm test`: lint, typecheck and every project's tests through Nx, then one summary line.
// Test runners write JSON results to test-results/unit/; the summary adds them up.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const resultsDir = path.join(root, 'test-results', 'unit');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const env = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_SKIP_NX_CACHE: 'true',
  FORCE_COLOR: '0',
};
const nx = path.join(root, 'node_modules', '.bin', 'nx');
const started = Date.now();

function step(title, args) {
  process.stdout.write(`\n== ${title}\n`);
  const result = spawnSync(nx, args, { cwd: root, env, stdio: 'inherit' });
  return result.status === 0;
}

process.stdout.write('\n== format (prettier --check)\n');
const formatted =
  spawnSync(path.join(root, 'node_modules', '.bin', 'prettier'), ['--check', '.', '--log-level', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  }).status === 0;
const checksPassed =
  step('lint and typecheck', [
    'run-many',
    '-t',
    'lint',
    'typecheck',
    '--outputStyle=stream',
    '--skipNxCache',
  ]) && formatted;
const testsPassed =
  checksPassed && step('tests', ['run-many', '-t', 'test', '--outputStyle=stream', '--skipNxCache']);

let passed = 0;
let failed = 0;
let skipped = 0;
const perProject = [];
for (const file of existsSync(resultsDir) ? readdirSync(resultsDir) : []) {
  const report = JSON.parse(readFileSync(path.join(resultsDir, file), 'utf8'));
  // Jest and Vitest JSON reports share these fields.
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  perProject.push(
    `${path.basename(file, '.json')}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`,
  );
}
const seconds = ((Date.now() - started) / 1000).toFixed(0);
process.stdout.write(`\n${perProject.join('\n')}\n(${seconds}s)\n`);
if (!checksPassed) {
  process.stdout.write(`format, lint or typecheck failed: tests were not run (${seconds}s)\n`);
}
// A runner that crashed before reporting still counts as a failure.
const reportedFailures = failed === 0 && !(checksPassed && testsPassed) ? 1 : failed;
process.stdout.write(
  `tests: ${passed} passed, ${reportedFailures} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
);
process.exit(checksPassed && testsPassed && failed === 0 ? 0 : 1);

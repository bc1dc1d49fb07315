#!/usr/bin/env node
// `npm run dev`: the API recompiles and restarts on change (tsc --watch + node --watch) and the
// admin runs on Vite's dev server with hot reload at http://localhost:5173 (API calls proxied).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const env = { ...process.env, NX_DAEMON: 'false' };

const built = spawnSync(bin('nx'), ['run-many', '-t', 'build', '-p', 'shared', 'api', 'widget'], {
  cwd: root,
  env,
  stdio: 'inherit',
});
if (built.status !== 0) process.exit(built.status ?? 1);

const children = [
  spawn(bin('tsc'), ['-w', '--preserveWatchOutput', '-p', 'apps/api/tsconfig.build.json'], {
    cwd: root,
    env,
    stdio: 'inherit',
  }),
  spawn(process.execPath, ['--watch', 'apps/api/dist/apps/api/src/main.js'], {
    cwd: root,
    env,
    stdio: 'inherit',
  }),
  spawn(bin('vite'), [], { cwd: path.join(root, 'apps', 'admin'), env, stdio: 'inherit' }),
];
const stop = (signal) => {
  for (const child of children) child.kill(signal);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
for (const child of children) {
  child.on('exit', (code) => {
    if (code !== 0 && code !== null) {
      stop('SIGTERM');
      process.exitCode = code;
    }
  });
}

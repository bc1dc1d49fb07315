/**
 * The only place that reads the environment. `loadConfig` validates every variable at start-up
 * and fails with one message naming each bad or missing variable, so a misconfigured deployment
 * never half-starts.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface AppConfig {
  port: number;
  host: string;
  /** Unset: Fanfare starts its own embedded PostgreSQL in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  /** Unset on the embedded database: generated once and kept in `dataDir`. */
  sessionSecret: string | undefined;
  sessionTtlHours: number;
  logLevel: LogLevel;
  bodyLimitBytes: number;
  trustProxy: boolean;
  dbPoolSize: number;
  /** Connections one large export reads with in parallel (fans.csv); exports have twice as many of their own. */
  exportParallelism: number;
  /** Days the raw bodies of webhook deliveries are kept (the delivery log stays). */
  hookRetentionDays: number;
  /** Outbound webhooks: the wait after each failed attempt (before jitter); then the delivery fails. */
  webhookRetryScheduleMs: number[];
  /** Days outbound webhook messages and their delivery log are kept once no delivery is pending. */
  webhookRetentionDays: number;
  /**
   * Whether outbound webhooks may reach loopback, private, link-local and other non-public
   * addresses. Off in deployments (an endpoint URL must not reach internal services); on by
   * default on the embedded database, i.e. on a developer's machine.
   */
  webhookPrivateNetworks: boolean;
  /** Widget API requests per minute: per fan (token subject) and per client address. */
  widgetRateLimit: { perFan: number; perAddress: number };
  /** Whether the first start creates the demo brand (default: on the embedded database only). */
  seedDemo: boolean;
  /** Served at `/`; absent in API-only deployments. */
  adminDistDir: string;
  widgetDistDir: string;
  /** The demo shop page served at `/demo` where the demo is enabled. */
  demoSiteDir: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** About three days: 30 s, 2 min, 10 min, 30 min, 1 h, 3 h, 6 h, 12 h, 24 h, 24 h. */
export const DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS = [
  30_000, 120_000, 600_000, 1_800_000, 3_600_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000, 86_400_000,
];
const MAX_WEBHOOK_RETRY_MS = 7 * 86_400_000;

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): AppConfig {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
      problems.push(`${name}: must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const boolean = (name: string, fallback: boolean): boolean => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
    problems.push(`${name}: must be true or false (got "${raw}")`);
    return fallback;
  };

  const port = integer('PORT', 3000, 0, 65535);
  const host = read('HOST') ?? '0.0.0.0';

  const databaseUrl = read('DATABASE_URL');
  if (databaseUrl !== undefined) {
    try {
      const url = new URL(databaseUrl);
      if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
        problems.push(`DATABASE_URL: must be a postgres:// or postgresql:// URL (got "${url.protocol}")`);
      }
    } catch {
      problems.push(
        'DATABASE_URL: is not a valid URL (expected postgres://user:password@host:5432/database)',
      );
    }
  }

  const dataDir = path.resolve(cwd, read('FANFARE_DATA_DIR') ?? '.data');

  const adminEmail = read('FANFARE_ADMIN_EMAIL')?.toLowerCase();
  if (adminEmail !== undefined && !EMAIL_PATTERN.test(adminEmail)) {
    problems.push(`FANFARE_ADMIN_EMAIL: is not an email address (got "${adminEmail}")`);
  }
  const adminPassword = env.FANFARE_ADMIN_PASSWORD === '' ? undefined : env.FANFARE_ADMIN_PASSWORD;
  if (adminPassword !== undefined && (adminPassword.length < 12 || adminPassword.length > 200)) {
    problems.push('FANFARE_ADMIN_PASSWORD: must be 12 to 200 characters long');
  }

  const sessionSecret = read('FANFARE_SESSION_SECRET');
  if (sessionSecret !== undefined && sessionSecret.length < 32) {
    problems.push('FANFARE_SESSION_SECRET: must be at least 32 characters (e.g. `openssl rand -base64 48`)');
  }
  if (sessionSecret === undefined && databaseUrl !== undefined) {
    problems.push(
      'FANFARE_SESSION_SECRET: is required with DATABASE_URL (it is generated only for the embedded database)',
    );
  }

  const rawLevel = read('LOG_LEVEL')?.toLowerCase() ?? 'info';
  const logLevel = (LOG_LEVELS as readonly string[]).includes(rawLevel) ? (rawLevel as LogLevel) : 'info';
  if (logLevel !== rawLevel) {
    problems.push(`LOG_LEVEL: must be one of ${LOG_LEVELS.join(', ')} (got "${rawLevel}")`);
  }

  const bodyLimitBytes = integer('FANFARE_BODY_LIMIT_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024);
  const sessionTtlHours = integer('FANFARE_SESSION_TTL_HOURS', 12, 1, 24 * 30);
  const dbPoolSize = integer('FANFARE_DB_POOL_SIZE', 8, 1, 100);
  const hookRetentionDays = integer('FANFARE_HOOK_RETENTION_DAYS', 14, 1, 365);
  const exportParallelism = integer(
    'FANFARE_EXPORT_PARALLELISM',
    Math.min(4, os.availableParallelism()),
    1,
    16,
  );
  const trustProxy = boolean('FANFARE_TRUST_PROXY', false);
  const webhookRetryScheduleMs = (() => {
    const raw = read('FANFARE_WEBHOOK_RETRY_SCHEDULE_MS');
    if (raw === undefined) return [...DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS];
    const parts = raw.split(',').map((part) => part.trim());
    const valid = (part: string): boolean =>
      /^\d+$/.test(part) && Number(part) >= 1 && Number(part) <= MAX_WEBHOOK_RETRY_MS;
    if (parts.length > 30 || !parts.every(valid)) {
      problems.push(
        `FANFARE_WEBHOOK_RETRY_SCHEDULE_MS: must be 1 to 30 comma-separated milliseconds, each from 1 to ${MAX_WEBHOOK_RETRY_MS} (got "${raw}")`,
      );
      return [...DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS];
    }
    return parts.map(Number);
  })();
  const webhookRetentionDays = integer('FANFARE_WEBHOOK_RETENTION_DAYS', 30, 1, 365);
  const webhookPrivateNetworks = boolean('FANFARE_WEBHOOK_PRIVATE_NETWORKS', databaseUrl === undefined);
  const widgetRateLimit = {
    perFan: integer('FANFARE_WIDGET_RATE_PER_FAN', 120, 1, 100_000),
    perAddress: integer('FANFARE_WIDGET_RATE_PER_ADDRESS', 600, 1, 1_000_000),
  };
  const seedDemo = boolean('FANFARE_SEED_DEMO', databaseUrl === undefined);

  if (problems.length > 0) {
    throw new ConfigError(problems);
  }

  const workspaceRoot = findWorkspaceRoot(__dirname) ?? cwd;
  return {
    port,
    host,
    databaseUrl,
    dataDir,
    adminEmail,
    adminPassword,
    sessionSecret,
    sessionTtlHours,
    logLevel,
    bodyLimitBytes,
    trustProxy,
    dbPoolSize,
    exportParallelism,
    hookRetentionDays,
    webhookRetryScheduleMs,
    webhookRetentionDays,
    webhookPrivateNetworks,
    widgetRateLimit,
    seedDemo,
    adminDistDir: path.join(workspaceRoot, 'apps', 'admin', 'dist'),
    widgetDistDir: path.join(workspaceRoot, 'apps', 'widget', 'dist'),
    demoSiteDir: path.join(workspaceRoot, 'apps', 'api', 'demo-site'),
  };
}

/** The workspace root holds nx.json; the app runs from its sources or from apps/api/dist. */
function findWorkspaceRoot(from: string): string | undefined {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'nx.json'))) {
      return dir;
    }
  }
  return undefined;
}

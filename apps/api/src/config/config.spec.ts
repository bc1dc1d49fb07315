import { ConfigError, loadConfig } from './config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env, '/srv/fanfare');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('has working defaults for a local run on the embedded database', () => {
    const config = loadConfig({}, '/srv/fanfare');
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      dataDir: '/srv/fanfare/.data',
      logLevel: 'info',
      bodyLimitBytes: 1024 * 1024,
      seedDemo: true,
      trustProxy: false,
    });
  });

  it('names every bad variable and why, in one error', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x@y/z',
      FANFARE_ADMIN_EMAIL: 'not-an-email',
      FANFARE_ADMIN_PASSWORD: 'short',
      FANFARE_SESSION_SECRET: 'too-short',
      LOG_LEVEL: 'loud',
      FANFARE_BODY_LIMIT_BYTES: '-1',
      FANFARE_TRUST_PROXY: 'maybe',
    });
    const named = problems.map((problem) => problem.split(':')[0]);
    expect(named).toEqual([
      'PORT',
      'DATABASE_URL',
      'FANFARE_ADMIN_EMAIL',
      'FANFARE_ADMIN_PASSWORD',
      'FANFARE_SESSION_SECRET',
      'LOG_LEVEL',
      'FANFARE_BODY_LIMIT_BYTES',
      'FANFARE_TRUST_PROXY',
    ]);
    expect(problems[0]).toContain('"eighty"');
  });

  it('requires a session secret with an external database', () => {
    expect(problemsOf({ DATABASE_URL: 'postgres://u:p@db:5432/fanfare' })).toEqual([
      expect.stringMatching(/^FANFARE_SESSION_SECRET: is required with DATABASE_URL/),
    ]);
    const config = loadConfig(
      { DATABASE_URL: 'postgres://u:p@db:5432/fanfare', FANFARE_SESSION_SECRET: 's'.repeat(40) },
      '/srv',
    );
    expect(config.seedDemo).toBe(false);
    expect(config.databaseUrl).toBe('postgres://u:p@db:5432/fanfare');
  });

  it('normalises the admin email and reads numbers and flags', () => {
    const config = loadConfig(
      {
        FANFARE_ADMIN_EMAIL: 'Owner@Example.COM',
        PORT: '8080',
        FANFARE_TRUST_PROXY: 'true',
        FANFARE_DATA_DIR: '/var/lib/fanfare',
      },
      '/srv',
    );
    expect(config).toMatchObject({
      adminEmail: 'owner@example.com',
      port: 8080,
      trustProxy: true,
      dataDir: '/var/lib/fanfare',
    });
  });

  it('reads the outbound webhook retry schedule, about three days by default', () => {
    const schedule = loadConfig({}, '/srv').webhookRetryScheduleMs;
    expect(schedule).toHaveLength(10);
    const days = schedule.reduce((sum, ms) => sum + ms, 0) / 86_400_000;
    expect(days).toBeGreaterThan(2.5);
    expect(days).toBeLessThan(3.5);
    expect(
      loadConfig({ FANFARE_WEBHOOK_RETRY_SCHEDULE_MS: '100, 200,400' }, '/srv').webhookRetryScheduleMs,
    ).toEqual([100, 200, 400]);
    for (const bad of ['0', '1,,2', '1,x', '-5', String(8 * 86_400_000)]) {
      expect(problemsOf({ FANFARE_WEBHOOK_RETRY_SCHEDULE_MS: bad })).toEqual([
        expect.stringMatching(/^FANFARE_WEBHOOK_RETRY_SCHEDULE_MS: /),
      ]);
    }
  });
});

/**
 * `npm run seed:large`: the benchmark brand "Large Brand (benchmark)" — 1,000,000 fans and
 * 10,000,000 engagement events over the last 365 days — in the database the app uses (DATABASE_URL,
 * or the embedded database in FANFARE_DATA_DIR). The brand, its owner, tier ladder, campaigns and
 * reward go through the app's services; fans, identities, events, the ledger, tier changes and
 * redemptions are written straight in SQL (INSERT … SELECT over generate_series, with random() under
 * a fixed setseed, so every run draws the same shapes relative to its start), in sorted chunks.
 * Then the report rollups are rebuilt and the ledger is checked.
 *
 * The data keeps every invariant ingestion keeps: awards follow the rules and their caps in time
 * order (events over a cap are `capped`, as ingestion would answer), cause keys name event and rule,
 * balances and lifetime points are the sums of the ledger, tiers follow the ladder, first seen / last
 * active are the earliest / latest event, campaigns' issued points match their entries.
 *
 * A second run replaces the brand: its rows are deleted first, biggest tables first, in an order the
 * foreign keys allow. Options for smaller runs: `--fans N --events N --days N`.
 */
import 'reflect-metadata';

import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';

import { type Channel, type RuleDefinition, type TierDefinition, uuidv7 } from '@fanfare/shared';

import { AppModule } from '../app.module';
import { BrandsService } from '../brands/brands.service';
import { CampaignsService } from '../campaigns/campaigns.service';
import { createLogger, PinoNestLogger } from '../common/logging/logger';
import { ConfigError, loadConfig } from '../config/config';
import { type RuntimeConfig } from '../config/config.module';
import { resolveSessionSecret } from '../config/session-secret';
import { createDataSource, runMigrations } from '../database/data-source';
import { EmbeddedDatabase } from '../database/embedded-database';
import { Transactions } from '../database/transactions';
import { FirstStartService } from '../demo/first-start.service';
import { LedgerCheckRepository } from '../ledger/ledger-check.repository';
import { MembersRepository } from '../members/members.repository';
import { rebuildAnalytics } from '../reports/analytics-rebuild';
import { RewardsService } from '../rewards/rewards.service';
import { TiersService } from '../tiers/tiers.service';
import { hashPassword } from '../users/passwords';
import { UsersRepository } from '../users/users.repository';

export const LARGE_BRAND = {
  name: 'Large Brand (benchmark)',
  slug: 'large-benchmark',
  timeZone: 'Europe/Berlin',
  locale: 'de',
} as const;

/** The owner `npm run bench:reports` logs in as (also in the README; a benchmark account, not a secret). */
export const BENCH_OWNER = { email: 'bench-owner@example.com', password: 'bench-owner-password' } as const;

const SEED = 0.20261127;
/** New fans per day at the end of the year are 1 + GROWTH times those at its start. */
const GROWTH = 3;
/** Spread of the fans' activity (log-normal weights): many fans with a few events, some with hundreds. */
const ACTIVITY_SIGMA = 1.55;
const MAX_ACTIVITY_WEIGHT = 800;
/** Share of weekday events moved to the weekend that follows. */
const WEEKEND_SHIFT = 0.12;
/** Events arrive a little after they happen. */
const MAX_DELIVERY_SECONDS = 90;
const CHUNK_ROWS = 1_000_000;

type SeedChannel = Extract<
  Channel,
  'instagram' | 'facebook' | 'x' | 'tiktok' | 'youtube' | 'whatsapp' | 'web' | 'store'
>;

/** How often each channel is a fan's first one. */
const PRIMARY_CHANNEL: Record<SeedChannel, number> = {
  instagram: 30,
  facebook: 16,
  x: 6,
  tiktok: 14,
  youtube: 8,
  whatsapp: 6,
  web: 12,
  store: 8,
};
const CHANNELS = Object.keys(PRIMARY_CHANNEL) as SeedChannel[];

/** What fans do on each channel, by weight (a fan's first event on the web is its signup). */
const EVENT_MIX: Record<SeedChannel, Record<string, number>> = {
  instagram: { like: 36, comment: 24, share: 8, mention: 7, post: 5, follow: 6, video_view: 8 },
  facebook: { like: 38, comment: 22, share: 10, check_in: 5, review: 5, follow: 5, video_view: 8 },
  x: { like: 40, comment: 25, share: 20, mention: 10, follow: 5 },
  tiktok: { like: 35, comment: 15, share: 10, follow: 5, video_view: 20 },
  youtube: { video_view: 40, like: 25, comment: 20, follow: 15 },
  whatsapp: { chat: 75, survey_response: 15, referral: 10 },
  web: {
    purchase: 35,
    review: 12,
    survey_response: 8,
    referral: 5,
    'custom:newsletter_click': 25,
    'custom:quiz_completed': 15,
  },
  store: { purchase: 75, check_in: 15, 'custom:receipt_upload': 10 },
};

const TIERS: TierDefinition[] = [
  { name: 'Bronze', threshold: 0, multiplier: 1, perks: 'Newsletter mit Vorabinfos' },
  { name: 'Silber', threshold: 250, multiplier: 1, perks: 'Versand gratis' },
  { name: 'Gold', threshold: 1000, multiplier: 1, perks: 'Einladung zum Fan-Abend' },
];

const REWARD = {
  nameDe: 'Gutschein 5 € (PDF)',
  nameEn: '€5 voucher (PDF)',
  costPoints: 150,
  downloadUrl: 'https://example.com/large-benchmark/gutschein-5.pdf',
  /** Share of the fans who reach the cost that redeem it once. */
  takeUp: 0.4,
  createdBy: 'widget',
} as const;

/** Every event type has at most one rule, so an event earns at most one award. */
const CAMPAIGNS: ReadonlyArray<{ name: string; description: string; rules: RuleDefinition[] }> = [
  {
    name: 'Social-Parade',
    description: 'Kommentare mit #LargeParade, Erwähnungen und geteilte Beiträge',
    rules: [
      {
        name: 'Kommentar mit #LargeParade',
        trigger: { eventType: 'comment', channels: ['instagram', 'facebook', 'tiktok', 'x', 'youtube'] },
        conditions: [{ property: 'hashtags', op: 'contains', value: 'LargeParade' }],
        award: { kind: 'fixed', points: 10 },
        limits: [{ window: 'day', max: 3 }],
      },
      {
        name: 'Erwähnung',
        trigger: { eventType: 'mention', channels: ['instagram', 'x'] },
        conditions: [],
        award: { kind: 'fixed', points: 5 },
        limits: [{ window: 'day', max: 2 }],
      },
      {
        name: 'Beitrag geteilt',
        trigger: { eventType: 'share', channels: ['x', 'tiktok', 'youtube'] },
        conditions: [],
        award: { kind: 'fixed', points: 5 },
        limits: [{ window: 'week', max: 3 }],
      },
    ],
  },
  {
    name: 'Einkauf & Bewertung',
    description: 'Ein Punkt pro Euro, Bewertungen und Besuche in der Filiale',
    rules: [
      {
        name: 'Einkauf',
        trigger: { eventType: 'purchase', channels: ['store', 'web'] },
        conditions: [],
        award: { kind: 'per_unit', property: 'amount', pointsPerUnit: 1, unit: 1, rounding: 'floor' },
        limits: [],
      },
      {
        name: 'Bewertung',
        trigger: { eventType: 'review' },
        conditions: [],
        award: { kind: 'fixed', points: 50 },
        limits: [{ window: 'month', max: 1 }],
      },
      {
        name: 'Check-in',
        trigger: { eventType: 'check_in', channels: ['store', 'facebook'] },
        conditions: [],
        award: { kind: 'fixed', points: 20 },
        limits: [{ window: 'day', max: 1 }],
      },
    ],
  },
  {
    name: 'Community',
    description: 'Empfehlungen, Umfragen und das Wochenquiz',
    rules: [
      {
        name: 'Empfehlung',
        trigger: { eventType: 'referral' },
        conditions: [],
        award: { kind: 'fixed', points: 100 },
        limits: [{ window: 'month', max: 3 }],
      },
      {
        name: 'Umfrage',
        trigger: { eventType: 'survey_response' },
        conditions: [],
        award: { kind: 'fixed', points: 25 },
        limits: [{ window: 'month', max: 2 }],
      },
      {
        name: 'Wochenquiz',
        trigger: { eventType: 'custom:quiz_completed', channels: ['web'] },
        conditions: [],
        award: { kind: 'fixed', points: 15 },
        limits: [{ window: 'week', max: 1 }],
      },
    ],
  },
];

const GIVEN_NAMES = (
  'Anna Ben Clara David Emma Felix Greta Hannes Ida Jonas Lea Leon Mia Noah Paula Paul Sophie Theo ' +
  'Lina Elias Marie Finn Hanna Luca Emilia Mats Lara Ali Ayse Mehmet Olga Piotr Sara Tom Julia Max ' +
  'Nina Jan Laura Tim'
).split(' ');
const FAMILY_NAMES = (
  'Mueller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein ' +
  'Wolf Schroeder Neumann Schwarz Braun Zimmermann Krueger Hartmann Lange Werner Krause Lehmann ' +
  'Koehler Yilmaz Kaya Nowak Kowalski'
).split(' ');

interface Options {
  fans: number;
  events: number;
  days: number;
}

interface Step {
  label: string;
  seconds: number;
}

interface SeedRuleRow {
  no: number;
  ruleId: string;
  campaignId: string;
  version: number;
  definition: RuleDefinition;
}

const steps: Step[] = [];

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  process.stdout.write(`  ${label} … `);
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  steps.push({ label, seconds });
  process.stdout.write(`${seconds.toFixed(1)} s\n`);
  return result;
}

const sqlText = (value: string): string => `'${value.replace(/'/g, "''")}'`;
const sqlTextArray = (values: readonly string[]): string => `ARRAY[${values.map(sqlText).join(', ')}]`;

/** A CASE that picks one of `options` by their weights for a uniform random number `random`. */
function weightedCase(random: string, options: ReadonlyArray<readonly [string, number]>): string {
  const total = options.reduce((sum, [, weight]) => sum + weight, 0);
  let cumulative = 0;
  const whens = options.slice(0, -1).map(([value, weight]) => {
    cumulative += weight;
    return `WHEN ${random} < ${cumulative / total} THEN ${value}`;
  });
  return `CASE ${whens.join(' ')} ELSE ${options[options.length - 1]![0]} END`;
}

/**
 * Nested SELECTs, innermost first, each over the one before as `p`. OFFSET 0 keeps PostgreSQL from
 * merging them: merged, a column's expression is copied into every place that uses it, and a column
 * built on another is then computed dozens of times per row.
 */
function layered(innermost: string, ...selects: string[]): string {
  return selects.reduce((inner, select) => `SELECT ${select} FROM (${inner} OFFSET 0) AS p`, innermost);
}

/** The ladder's tier for points (SQL), as `tierFor` in @fanfare/shared. */
function tierSql(points: string): string {
  const tiers = [...TIERS].sort((a, b) => b.threshold - a.threshold);
  return `CASE ${tiers.map((tier) => `WHEN ${points} >= ${tier.threshold} THEN ${sqlText(tier.name)}`).join(' ')} END`;
}

/** Whether event columns (`type`, `channel`, `properties`) match a rule, as `matchRule` decides it. */
function matchSql(rule: RuleDefinition): string {
  const parts = [`type = ${sqlText(rule.trigger.eventType)}`];
  if (rule.trigger.channels !== undefined && rule.trigger.channels.length > 0) {
    parts.push(`channel = ANY(${sqlTextArray(rule.trigger.channels)})`);
  }
  for (const condition of rule.conditions) {
    if (
      condition.op !== 'contains' ||
      typeof condition.value !== 'string' ||
      condition.property.includes('.')
    ) {
      throw new Error(`seed-large renders only "contains" on a top-level list (rule ${rule.name})`);
    }
    parts.push(`properties -> ${sqlText(condition.property)} ? ${sqlText(condition.value)}`);
  }
  return parts.join(' AND ');
}

/** The award's points for the event (SQL) and the award's `detail`, as `computeAward` writes them. */
function awardSql(rule: RuleDefinition): { points: string; detail: string } {
  const { award } = rule;
  if (award.kind === 'fixed') {
    return {
      points: String(award.points),
      detail: sqlText(`fixed ${award.points} point${award.points === 1 ? '' : 's'}`),
    };
  }
  const unit = award.unit ?? 1;
  if (award.maxPoints !== undefined) throw new Error(`seed-large renders no maxPoints (rule ${rule.name})`);
  const value = `(properties ->> ${sqlText(award.property)})::numeric`;
  const points = `${award.rounding}(${value} / ${unit} * ${award.pointsPerUnit})::bigint`;
  const per = `${award.pointsPerUnit} point${award.pointsPerUnit === 1 ? '' : 's'} per ${unit === 1 ? 'unit' : `${unit} units`}`;
  const rounding = { floor: 'rounded down', round: 'rounded', ceil: 'rounded up' }[award.rounding];
  return {
    points,
    detail: `${sqlText(`${award.property} `)} || to_char(${value}, 'FM999999990.00') || ' ' || (properties ->> 'currency') || ${sqlText(` × ${per}, ${rounding} = `)} || ${points}`,
  };
}

/** Calendar bucket of a rule's cap window for `ts` in the brand's zone (SQL). */
function windowSql(rule: RuleDefinition, zone: string): string {
  const limit = rule.limits[0];
  if (rule.limits.length > 1) throw new Error(`seed-large renders one limit per rule (rule ${rule.name})`);
  if (limit === undefined) return 'NULL::date';
  const local = `(ts AT TIME ZONE ${sqlText(zone)})`;
  switch (limit.window) {
    case 'day':
      return `${local}::date`;
    case 'week':
    case 'month':
      return `date_trunc(${sqlText(limit.window)}, ${local})::date`;
    case 'campaign':
    case 'lifetime':
      return "DATE '1970-01-01'";
  }
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { fans: 1_000_000, events: 10_000_000, days: 365 };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i]?.replace(/^--/, '');
    const value = Number(argv[i + 1]);
    if (
      (name !== 'fans' && name !== 'events' && name !== 'days') ||
      !Number.isSafeInteger(value) ||
      value < 1
    ) {
      throw new UsageError(`Usage: seed-large [--fans N] [--events N] [--days N] (got "${argv.join(' ')}")`);
    }
    options[name] = value;
  }
  if (options.events < options.fans)
    throw new UsageError('--events must be at least --fans (every fan has an event)');
  return options;
}

class UsageError extends Error {}

async function main(options: Options): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  // The seed prints its own progress; the app's info logs would only interleave with it.
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  process.stdout.write(
    `Seeding "${LARGE_BRAND.name}": ${options.fans.toLocaleString('en')} fans, ` +
      `${options.events.toLocaleString('en')} events over ${options.days} days\n`,
  );
  const embedded =
    config.databaseUrl === undefined
      ? await timed(`starting the embedded PostgreSQL in ${config.dataDir}`, () =>
          EmbeddedDatabase.start({ dataDir: config.dataDir, log: (message) => logger.info(message) }),
        )
      : undefined;
  const databaseUrl = config.databaseUrl ?? embedded!.url;
  const client = new Client({ connectionString: databaseUrl, application_name: 'fanfare seed:large' });
  try {
    await timed('migrations', () => runMigrations(databaseUrl));
    await client.connect();
    const query = async (sql: string, params: unknown[] = []): Promise<unknown[]> =>
      (await client.query(sql, params)).rows as unknown[];

    const [existing] = (await query('SELECT id FROM brand WHERE slug = $1', [LARGE_BRAND.slug])) as Array<{
      id: string;
    }>;
    if (existing !== undefined) await removeBrand(query, existing.id);

    const runtime: RuntimeConfig = {
      ...config,
      databaseUrl,
      sessionSecret: await resolveSessionSecret(config),
      embeddedDatabase: embedded !== undefined,
    };
    const setup = await timed('brand, owner, tiers, campaigns and reward (through the app)', () =>
      createBrand(runtime, logger),
    );
    const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    await load(query, setup, options, now);

    const rebuild = await timed('report rollups (rebuildAnalytics)', () =>
      rebuildAnalytics(query, setup.brandId).catch((error: unknown) => {
        throw new Error(
          `Rebuilding the report rollups failed: ${error instanceof Error ? error.message : String(error)}. ` +
            'Everything else is written; the brand stays "recalculating", which the running API retries every minute.',
          { cause: error },
        );
      }),
    );
    process.stdout.write(
      `    ${rebuild.fanActivityRows.toLocaleString('en')} fan_activity rows, ` +
        `${rebuild.deltaRows.toLocaleString('en')} analytics_delta rows\n`,
    );
    await timed('VACUUM ANALYZE of the rollups', () =>
      query('VACUUM (ANALYZE) fan_activity, analytics_delta'),
    );
    const problems = await verify(query, databaseUrl, setup.brandId);
    await printSummary(query, setup.brandId, now, options);
    const total = (performance.now() - started) / 1000;
    process.stdout.write(`\nTotal: ${formatDuration(total)}.\n`);
    process.stdout.write(
      `Log in as ${BENCH_OWNER.email} / ${BENCH_OWNER.password}; then \`npm run bench:reports\`.\n`,
    );
    if (problems > 0) process.exitCode = 1;
  } catch (error) {
    process.stdout.write('\n');
    throw error;
  } finally {
    await client.end().catch(() => undefined);
    await embedded?.stop();
  }
}

type Query = (sql: string, params?: unknown[]) => Promise<unknown[]>;

/**
 * Deletes the brand and everything in it: first every table that names a fan (biggest first, one
 * statement each), then the fans and the brand, whose other tables cascade; then VACUUM, so that the
 * new rows reuse the space. About a minute for the full-size brand.
 */
async function removeBrand(query: Query, brandId: string): Promise<void> {
  process.stdout.write(`Replacing the existing brand ${brandId}:\n`);
  const tables = (await query(
    `SELECT c.conrelid::regclass::text AS name
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      WHERE c.contype = 'f' AND c.confrelid = 'fan'::regclass AND c.conrelid <> 'fan'::regclass
      GROUP BY 1 ORDER BY max(t.reltuples) DESC`,
  )) as Array<{ name: string }>;
  for (const { name } of tables) {
    // Redemptions and coupon codes name each other: both go in one statement.
    const sql =
      name === 'redemption'
        ? 'WITH r AS (DELETE FROM redemption WHERE brand_id = $1) DELETE FROM reward_code WHERE brand_id = $1'
        : `DELETE FROM ${name} WHERE brand_id = $1`;
    await timed(`deleting from ${name}`, () => query(sql, [brandId]));
  }
  // Nothing names these fans any more (every foreign key to a fan includes its brand), so a superuser
  // skips the per-row key checks, which would otherwise visit every dead row just deleted: about ten
  // times faster. The brand's own delete runs with triggers, for its cascades.
  const superuser = await isSuperuser(query);
  await timed('deleting the fans and the brand', async () => {
    await query('BEGIN');
    if (superuser) await query('SET LOCAL session_replication_role = replica');
    await query('UPDATE fan SET merged_into_id = NULL WHERE brand_id = $1 AND merged_into_id IS NOT NULL', [
      brandId,
    ]);
    await query('DELETE FROM fan WHERE brand_id = $1', [brandId]);
    if (superuser) await query('SET LOCAL session_replication_role = origin');
    await query('DELETE FROM brand WHERE id = $1', [brandId]);
    await query('COMMIT');
  });
  await timed('VACUUM of the emptied tables', () =>
    query(`VACUUM fan, ${tables.map((table) => table.name).join(', ')}`),
  );
}

async function isSuperuser(query: Query): Promise<boolean> {
  const [role] = (await query('SELECT rolsuper FROM pg_roles WHERE rolname = current_user')) as Array<{
    rolsuper: boolean;
  }>;
  return role?.rolsuper === true;
}

interface Setup {
  brandId: string;
  rewardId: string;
  rules: SeedRuleRow[];
}

/** What goes through the app's services: the brand and its owner, the ladder, the campaigns, the reward. */
async function createBrand(runtime: RuntimeConfig, logger: ReturnType<typeof createLogger>): Promise<Setup> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(runtime), {
    logger: new PinoNestLogger(logger),
  });
  try {
    const actor = { type: 'system', label: 'seed:large' } as const;
    const users = app.get(UsersRepository);
    // An empty installation gets its first owner (and demo) as a first start would, so that the
    // bench account does not stand in for it.
    const first = await app.get(FirstStartService).run();
    if (first.owner) {
      process.stdout.write(
        `\n    This was an empty installation: first owner ${first.owner.email}` +
          (first.owner.generated ? ` with the one-time password ${first.owner.password}` : '') +
          '\n  ',
      );
    }
    const tx = app.get(Transactions);
    const passwordHash = await hashPassword(BENCH_OWNER.password);
    const owner = await tx.run(async () => {
      const found = await users.findByEmail(BENCH_OWNER.email);
      if (found) {
        await users.setPassword(found.id, passwordHash, false);
        return found;
      }
      return users.insert({
        id: uuidv7(),
        email: BENCH_OWNER.email,
        name: 'Bench owner',
        passwordHash,
        mustChangePassword: false,
      });
    });
    const brand = await app.get(BrandsService).createOwnedBy(owner.id, LARGE_BRAND, false, actor, null);
    // The installation's first owner sees the brand in the admin too.
    const oldest = await users.findOldest();
    if (oldest && oldest.id !== owner.id) {
      await app.get(MembersRepository).insert({ brandId: brand.id, userId: oldest.id, role: 'owner' });
    }
    await app.get(TiersService).replace(brand.id, { basis: 'lifetime', tiers: TIERS }, actor, null);
    const startsAt = new Date(Date.now() - 400 * 86_400_000).toISOString();
    const rules: SeedRuleRow[] = [];
    for (const campaign of CAMPAIGNS) {
      const view = await app.get(CampaignsService).create(
        brand.id,
        {
          name: campaign.name,
          description: campaign.description,
          startsAt,
          status: 'active',
          rules: campaign.rules,
        },
        actor,
        null,
      );
      for (const { rule } of view.rules) {
        rules.push({
          no: rules.length + 1,
          ruleId: rule.id,
          campaignId: view.campaign.id,
          version: rule.version,
          definition: rule.definition,
        });
      }
    }
    const types = rules.map((rule) => rule.definition.trigger.eventType);
    if (new Set(types).size !== types.length) throw new Error('seed-large: two rules match one event type');
    const reward = await app.get(RewardsService).create(
      brand.id,
      {
        nameDe: REWARD.nameDe,
        nameEn: REWARD.nameEn,
        costPoints: REWARD.costPoints,
        kind: 'download',
        downloadUrl: REWARD.downloadUrl,
        perFanLimit: 1,
        perFanPeriod: 'lifetime',
      },
      actor,
      null,
    );
    return { brandId: brand.id, rewardId: reward.reward.id, rules };
  } finally {
    await app.close();
  }
}

/** Everything of the brand's history, in SQL on one connection (temporary tables are per session). */
async function load(query: Query, setup: Setup, options: Options, now: Date): Promise<void> {
  const { brandId } = setup;
  const zone = LARGE_BRAND.timeZone;
  const tz = sqlText(zone);
  const nowSql = `${sqlText(now.toISOString())}::timestamptz`;
  const latest = `(${nowSql} - interval '1 second')`;
  const today = `(${nowSql} AT TIME ZONE ${tz})::date`;
  const brand = `${sqlText(brandId)}::uuid`;
  const { fans, events, days } = options;
  const extra = events - fans;
  const channelIndex = (channel: SeedChannel): number => CHANNELS.indexOf(channel);

  // Until the rollups are rebuilt below, the brand's reports are stale; should the seed stop before
  // that, the API's upkeep job rebuilds brands in this state within a minute of running.
  await query(`UPDATE brand SET analytics_state = 'recalculating' WHERE id = ${brand}`);

  // One process reads every table from its start and draws the numbers in that order: reproducible.
  await query(`SET max_parallel_workers_per_gather = 0`);
  await query(`SET synchronize_seqscans = off`);
  await query(`SET work_mem = '1GB'`);
  await query(`SET maintenance_work_mem = '1GB'`);
  await query(`SET synchronous_commit = off`); // a crash loses the last chunk of a seed, which is re-run anyway
  await query(`SET temp_buffers = '2GB'`);
  // Time-ordered ids like the app's UUIDv7, for a given instant: the seed's rows go in in that order.
  await query(`CREATE OR REPLACE FUNCTION pg_temp.uuidv7_at(at timestamptz) RETURNS uuid LANGUAGE sql VOLATILE AS $$
    SELECT (lpad(to_hex(floor(extract(epoch FROM at) * 1000)::bigint), 12, '0') || '7'
            || lpad(to_hex(floor(random() * 4096)::int), 3, '0') || to_hex(8 + floor(random() * 4)::int)
            || lpad(to_hex(floor(random() * 4096)::int), 3, '0')
            || lpad(to_hex(floor(random() * 281474976710656)::bigint), 12, '0'))::uuid $$`);
  // Local hour of an interaction: an evening peak, a lunch peak, and the rest of the waking day. One
  // expression without FROM, so that PostgreSQL inlines it (a function call per row costs ten times more).
  await query(`CREATE OR REPLACE FUNCTION pg_temp.seed_hour(m float8, u1 float8, u2 float8) RETURNS float8
    LANGUAGE sql IMMUTABLE AS $$
    SELECT mod(greatest(0, CASE WHEN m < 0.5 THEN 20 + 2.2 * sqrt(-2 * ln(1 - u1)) * cos(2 * pi() * u2)
                                WHEN m < 0.8 THEN 12.5 + 1.6 * sqrt(-2 * ln(1 - u1)) * cos(2 * pi() * u2)
                                ELSE 7 + 16 * u1 END)::numeric, 24)::float8 $$`);
  await query(`SELECT setseed(${SEED})`);

  process.stdout.write('Drawing the history (temporary tables):\n');
  await timed(`fans (${fans.toLocaleString('en')})`, async () => {
    await query(`CREATE TEMP TABLE seed_fan_draw AS
      SELECT n, least(${days - 1}, floor(${days} * (sqrt(1 + 2 * ${GROWTH} * r_first * (1 + ${GROWTH} / 2.0)) - 1) / ${GROWTH}))::int AS day,
             pg_temp.seed_hour(r_m, r_t1, r_t2) AS hour,
             least(${MAX_ACTIVITY_WEIGHT}, exp(${ACTIVITY_SIGMA} * sqrt(-2 * ln(1 - r_w1)) * cos(2 * pi() * r_w2))) AS weight,
             r_span,
             ${weightedCase(
               'r_ch',
               CHANNELS.map((channel) => [String(channelIndex(channel)), PRIMARY_CHANNEL[channel]] as const),
             )} AS ch0,
             (ARRAY[1, 2, 3, 5, 6, 7])[1 + floor(r_step * 6)::int] AS step,
             CASE WHEN r_ids < 0.6 THEN 1 WHEN r_ids < 0.9 THEN 2 ELSE 3 END AS identities,
             (${sqlTextArray(GIVEN_NAMES)})[1 + floor(r_given * ${GIVEN_NAMES.length})::int] AS given,
             (${sqlTextArray(FAMILY_NAMES)})[1 + floor(r_family * ${FAMILY_NAMES.length})::int] AS family
        FROM (SELECT n, random() AS r_first, random() AS r_m, random() AS r_t1, random() AS r_t2, random() AS r_w1,
                     random() AS r_w2, random() AS r_span, random() AS r_ch, random() AS r_step, random() AS r_ids,
                     random() AS r_given, random() AS r_family
                FROM generate_series(1, ${fans}) AS n OFFSET 0) AS d`);
    // Each fan's number of events: 1 + its share of the rest by weight; they add up to exactly --events.
    await query(
      `CREATE TEMP TABLE seed_fan AS ${layered(
        'SELECT * FROM seed_fan_draw',
        `p.*, CASE WHEN n = ${fans} THEN ${extra}
                 ELSE least(${extra}, floor(sum(weight) OVER (ORDER BY n) / sum(weight) OVER () * ${extra})) END::bigint AS ord_end,
            ((${today} - ${days - 1} + day) + make_interval(secs => hour * 3600)) AT TIME ZONE ${tz} AS t`,
        // Today's hours that lie ahead squeeze into the part of the day that has passed.
        `p.*, (ord_end - coalesce(lag(ord_end) OVER (ORDER BY n), 0) + 1)::int AS cnt,
            CASE WHEN t > ${nowSql} - interval '1 minute'
                 THEN ${today}::timestamp AT TIME ZONE ${tz}
                      + hour / 24 * (${nowSql} - interval '1 minute' - ${today}::timestamp AT TIME ZONE ${tz})
                 ELSE t END AS first_seen`,
        `n, pg_temp.uuidv7_at(first_seen) AS id, first_seen, cnt, given, family, ch0, (ch0 + step) % 8 AS ch1,
            (ch0 + 2 * step) % 8 AS ch2, least(identities, cnt)::int AS identities,
            first_seen + power(r_span, 3.0 / ln(cnt + 2)) * (${nowSql} - first_seen) AS span_end`,
      )} ORDER BY n`,
    );
    await query('DROP TABLE seed_fan_draw');
  });

  const typeByChannel = `CASE channel ${CHANNELS.map(
    (channel) =>
      `WHEN ${sqlText(channel)} THEN ${weightedCase(
        'r_type',
        Object.entries(EVENT_MIX[channel]).map(([type, weight]) => [sqlText(type), weight] as const),
      )}`,
  ).join(' ')} END`;
  const post = `'p' || (1 + floor(r_p1 * 3000))::int`;
  const amount = `round(least(400, greatest(3, exp(3.0 + 0.6 * sqrt(-2 * ln(1 - r_p1)) * cos(2 * pi() * r_p2))))::numeric, 2)`;
  const properties = `CASE type
      WHEN 'comment' THEN jsonb_build_object('postId', ${post}, 'textLength', (3 + floor(r_p3 * 280))::int, 'hashtags',
        CASE WHEN r_p2 < 0.5 THEN '["LargeParade", "Sommer"]'::jsonb WHEN r_p2 < 0.7 THEN '["Sommer"]'::jsonb ELSE '[]'::jsonb END)
      WHEN 'like' THEN jsonb_build_object('postId', ${post})
      WHEN 'share' THEN jsonb_build_object('postId', ${post})
      WHEN 'mention' THEN jsonb_build_object('postId', ${post})
      WHEN 'post' THEN jsonb_build_object('postId', ${post}, 'media', CASE WHEN r_p2 < 0.6 THEN 'image' ELSE 'video' END)
      WHEN 'video_view' THEN jsonb_build_object('videoId', 'v' || (1 + floor(r_p1 * 400))::int,
                                                'watchedSeconds', (3 + floor(r_p3 * r_p3 * 600))::int)
      WHEN 'purchase' THEN jsonb_build_object('amount', ${amount}, 'currency', 'EUR')
      WHEN 'custom:receipt_upload' THEN jsonb_build_object('amount', ${amount}, 'currency', 'EUR')
      WHEN 'review' THEN jsonb_build_object('rating', (1 + floor(power(r_p1, 0.35) * 4.999))::int, 'productId', 'sku-' || (1 + floor(r_p2 * 250))::int)
      WHEN 'check_in' THEN jsonb_build_object('storeId', 'filiale-' || (1 + floor(r_p1 * 40))::int)
      WHEN 'referral' THEN jsonb_build_object('referredEmailDomain', 'example.com')
      WHEN 'survey_response' THEN jsonb_build_object('surveyId', 'nps', 'score', floor(r_p1 * 11)::int)
      WHEN 'chat' THEN jsonb_build_object('messages', (1 + floor(r_p1 * 12))::int)
      WHEN 'custom:newsletter_click' THEN jsonb_build_object('newsletter', 'nl-' || to_char(ts AT TIME ZONE ${tz}, 'IYYY-IW'))
      WHEN 'custom:quiz_completed' THEN jsonb_build_object('quizId', 'quiz-' || to_char(ts AT TIME ZONE ${tz}, 'IYYY-IW'),
                                                           'score', floor(r_p1 * 11)::int)
      ELSE '{}'::jsonb END`;

  await timed(`events (${events.toLocaleString('en')})`, () =>
    query(
      `CREATE TEMP TABLE seed_event AS ${layered(
        `SELECT f.n, f.id AS fan_id, f.first_seen, f.span_end, f.identities, f.ch0, f.ch1, f.ch2, g.k, random() AS r_pos,
              random() AS r_shift, random() AS r_m, random() AS r_t1, random() AS r_t2, random() AS r_slot,
              random() AS r_type, random() AS r_p1, random() AS r_p2, random() AS r_p3, random() AS r_recv
         FROM seed_fan f CROSS JOIN LATERAL generate_series(0, f.cnt - 1) AS g(k)`,
        // A day within the fan's active span, and one of its identities' channels (each at least once).
        `p.*, ((first_seen + r_pos * (span_end - first_seen)) AT TIME ZONE ${tz})::date AS pos_day,
            (${sqlTextArray(CHANNELS)})[1 + (ARRAY[ch0, ch1, ch2])[1 + CASE WHEN k < identities THEN k
              ELSE (CASE WHEN r_slot < 0.65 THEN 0 WHEN r_slot < 0.9 THEN 1 ELSE 2 END) % identities END]] AS channel`,
        // Some weekday activity moves to the weekend after it.
        `p.*, extract(isodow FROM pos_day)::int AS dow`,
        `p.*, CASE WHEN dow <= 5 AND r_shift < ${WEEKEND_SHIFT} AND pos_day + (7 - dow) <= ${today}
                 THEN pos_day + (6 - dow) + CASE WHEN r_shift < ${WEEKEND_SHIFT / 2} THEN 1 ELSE 0 END
                 ELSE pos_day END AS day`,
        `p.*, (day + make_interval(secs => pg_temp.seed_hour(r_m, r_t1, r_t2) * 3600)) AT TIME ZONE ${tz} AS t1`,
        // Nothing in the future, nothing before the fan's first event (its first sight): an hour that
        // would fall outside (on the first day, or later today) keeps the plain position in the span.
        `p.*, CASE WHEN k = 0 THEN first_seen
                 WHEN t1 > first_seen AND t1 <= ${latest} THEN t1
                 ELSE first_seen + r_pos * (least(span_end, ${latest}) - first_seen) END AS ts,
            CASE WHEN k = 0 AND channel = 'web' THEN 'signup' ELSE ${typeByChannel} END AS type`,
        `n, fan_id, k, ts, channel, type, ${properties} AS properties,
       least(${latest}, ts + make_interval(secs => 1 + floor(r_recv * ${MAX_DELIVERY_SECONDS}))) AS received_at`,
      )}`,
    ),
  );

  const { rules } = setup;
  await query(`CREATE TEMP TABLE seed_rule (no int PRIMARY KEY, rule_id uuid, campaign_id uuid, version int, name text,
                 max int, win text)`);
  await query(
    `INSERT INTO seed_rule SELECT * FROM unnest($1::int[], $2::uuid[], $3::uuid[], $4::int[], $5::text[], $6::int[], $7::text[])`,
    [
      rules.map((rule) => rule.no),
      rules.map((rule) => rule.ruleId),
      rules.map((rule) => rule.campaignId),
      rules.map((rule) => rule.version),
      rules.map((rule) => rule.definition.name),
      rules.map((rule) => rule.definition.limits[0]?.max ?? null),
      rules.map((rule) => rule.definition.limits[0]?.window ?? null),
    ],
  );
  const ruleNo = `CASE ${rules.map((rule) => `WHEN ${matchSql(rule.definition)} THEN ${rule.no}`).join(' ')} END`;
  const byRule = (render: (rule: SeedRuleRow) => string): string =>
    `CASE rule_no ${rules.map((rule) => `WHEN ${rule.no} THEN ${render(rule)}`).join(' ')} END`;
  await timed('rules and caps, in time order', async () => {
    // Ingestion books events in the order they arrive: the first ones within a cap window earn. The
    // rank within the window is taken over the matching events alone (a narrow sort), then joined back.
    await query(`CREATE TEMP TABLE seed_match AS
      SELECT n, k, rule_no, row_number() OVER (PARTITION BY n, rule_no, win ORDER BY ts, k) AS nth
        FROM (SELECT n, k, ts, rule_no, ${byRule((rule) => windowSql(rule.definition, zone))} AS win
                FROM (SELECT n, k, ts, ${ruleNo} AS rule_no FROM seed_event OFFSET 0) AS p
               WHERE rule_no IS NOT NULL OFFSET 0) AS p`);
    // No ORDER BY: the rows leave the window ordered by seq already, and sorting them again would
    // spill gigabytes to disk for nothing.
    await query(
      `CREATE TEMP TABLE seed_scored AS ${layered(
        'SELECT e.*, m.rule_no, m.nth FROM seed_event e LEFT JOIN seed_match m ON m.n = e.n AND m.k = e.k',
        `p.*, ${byRule((rule) => awardSql(rule.definition).points)} AS base,
            ${byRule((rule) => awardSql(rule.definition).detail)} AS detail,
            ${byRule((rule) => String(rule.definition.limits[0]?.max ?? 'NULL'))} AS cap,
            row_number() OVER (ORDER BY ts, n, k) AS seq`,
        `p.*, rule_no IS NOT NULL AND (cap IS NULL OR nth <= cap) AS earns`,
        `n, fan_id, k, seq, ts, received_at, channel, type, properties, rule_no,
       CASE WHEN earns THEN 'awarded' WHEN rule_no IS NULL THEN 'no_match' ELSE 'capped' END AS status,
       CASE WHEN earns THEN base ELSE 0 END::bigint AS points, CASE WHEN earns THEN detail END AS detail,
       pg_temp.uuidv7_at(received_at) AS event_id`,
      )}`,
    );
    await query('DROP TABLE seed_match');
    await query('DROP TABLE seed_event');
    await query('CREATE INDEX ON seed_scored (seq)');
    await query('ANALYZE seed_scored');
  });

  await timed('fan totals, awards with running sums, tier changes, redemptions', async () => {
    await query(`CREATE TEMP TABLE seed_fan_channel AS
      SELECT n, channel, min(received_at) AS first_received FROM seed_scored GROUP BY n, channel`);
    await query(`CREATE TEMP TABLE seed_fan_total AS
      SELECT n, min(ts) AS first_ts, max(ts) AS last_ts, min(received_at) AS first_received,
             max(received_at) AS last_received, sum(points)::bigint AS earned, count(*) AS events
        FROM seed_scored GROUP BY n`);
    await query(`CREATE TEMP TABLE seed_award AS
      SELECT a.*, a.after_sum - a.points AS before_sum
        FROM (SELECT n, fan_id, k, seq, event_id, ts, received_at, rule_no, points, detail,
                     sum(points) OVER (PARTITION BY n ORDER BY ts, k ROWS UNBOUNDED PRECEDING) AS after_sum
                FROM seed_scored WHERE status = 'awarded') AS a
       ORDER BY seq`);
    await query(`CREATE TEMP TABLE seed_tier_change AS
      SELECT t.n, NULL::text AS from_tier, ${tierSql('coalesce(a.points, 0)')} AS to_tier, t.first_received AS changed_at
        FROM seed_fan_total t LEFT JOIN seed_award a ON a.n = t.n AND a.k = 0
      UNION ALL
      SELECT n, ${tierSql('before_sum')}, ${tierSql('after_sum')}, received_at
        FROM seed_award WHERE k > 0 AND ${tierSql('before_sum')} <> ${tierSql('after_sum')}`);
    await query(`CREATE TEMP TABLE seed_redemption AS
      SELECT n, fan_id, at, pg_temp.uuidv7_at(at) AS id
        FROM (SELECT n, fan_id, least(${latest}, received_at + r_delay * interval '14 days') AS at, r_pick
                FROM (SELECT e.*, random() AS r_pick, random() AS r_delay
                        FROM (SELECT DISTINCT ON (n) n, fan_id, received_at FROM seed_award
                               WHERE after_sum >= ${REWARD.costPoints} ORDER BY n, ts, k) AS e OFFSET 0) AS c) AS r
       WHERE r_pick < ${REWARD.takeUp}
       ORDER BY at`);
  });

  // As a superuser (the embedded database is run as one) the seed writes with triggers off, as
  // pg_restore --disable-triggers does: the foreign keys then cost nothing per row (about a third of
  // the time), the analytics triggers append nothing the rebuild below would not replace, and every
  // key is checked afterwards in one pass (verify). Elsewhere the triggers run: slower, same rows.
  const triggersOff = await isSuperuser(query);
  if (triggersOff) await query('SET session_replication_role = replica');
  process.stdout.write(
    `Writing the brand's tables${triggersOff ? ' (triggers off, keys checked after)' : ''}:\n`,
  );
  const email = (channel: string): string =>
    `CASE WHEN ${channel} IN ('web', 'store') THEN lower(f.given || '.' || f.family || '.' || f.n) || '@example.com' END`;
  await timed('fan', () =>
    query(`INSERT INTO fan (brand_id, id, display_name, email, balance, lifetime_points, tier_name, tier_changed_at,
                            first_seen_at, last_active_at, created_at, updated_at)
      SELECT ${brand}, f.id, f.given || ' ' || f.family, ${email(`(${sqlTextArray(CHANNELS)})[1 + f.ch0]`)},
             t.earned - coalesce(r.points, 0), t.earned, ${tierSql('t.earned')}, tc.changed_at, t.first_ts, t.last_ts,
             t.first_received, greatest(t.last_received, r.at)
        FROM seed_fan f
        JOIN seed_fan_total t ON t.n = f.n
        LEFT JOIN (SELECT n, at, ${REWARD.costPoints} AS points FROM seed_redemption) AS r ON r.n = f.n
        LEFT JOIN (SELECT n, max(changed_at) AS changed_at FROM seed_tier_change GROUP BY n) AS tc ON tc.n = f.n
       ORDER BY f.id`),
  );
  const externalId = `CASE i.channel
      WHEN 'instagram' THEN 'ig-' || f.n WHEN 'facebook' THEN 'fb-' || f.n WHEN 'x' THEN 'x-' || f.n
      WHEN 'tiktok' THEN 'tt-' || f.n WHEN 'youtube' THEN 'yt-' || f.n WHEN 'whatsapp' THEN '49151' || lpad(f.n::text, 8, '0')
      WHEN 'web' THEN 'kunde-' || f.n ELSE 'karte-' || lpad(f.n::text, 8, '0') END`;
  await timed('fan_identity', () =>
    query(`INSERT INTO fan_identity (brand_id, id, fan_id, channel, external_id, handle, display_name, email, source, created_at)
      SELECT ${brand}, pg_temp.uuidv7_at(c.first_received), f.id, i.channel, ${externalId},
             CASE WHEN i.channel NOT IN ('web', 'store', 'whatsapp') THEN '@' || lower(f.given || '.' || f.family) || f.n END,
             f.given || ' ' || f.family, ${email('i.channel')}, 'first_sight', c.first_received
        FROM seed_fan f
       CROSS JOIN LATERAL (VALUES (0, f.ch0), (1, f.ch1), (2, f.ch2)) AS s(slot, ch)
       CROSS JOIN LATERAL (SELECT (${sqlTextArray(CHANNELS)})[1 + s.ch] AS channel) AS i
        JOIN seed_fan_channel c ON c.n = f.n AND c.channel = i.channel
       WHERE s.slot < f.identities
       ORDER BY c.first_received`),
  );

  const total = events;
  const chunks = Math.ceil(total / CHUNK_ROWS);
  const outcome = `jsonb_build_object('id', s.external_id, 'status', s.status, 'points', s.points, 'fanId', s.fan_id,
      'awards', CASE WHEN s.status = 'awarded'
                     THEN jsonb_build_array(jsonb_build_object('ruleId', r.rule_id, 'campaignId', r.campaign_id, 'points', s.points))
                     ELSE '[]'::jsonb END)
    || CASE WHEN s.status = 'capped'
            THEN jsonb_build_object('reasons', jsonb_build_array(r.name || ': the limit of ' || r.max || ' per ' || r.win || ' is reached'))
            ELSE '{}'::jsonb END`;
  await timed(`engagement_event, in ${chunks} chunks in time order`, async () => {
    for (let chunk = 0; chunk < chunks; chunk += 1) {
      await query(`INSERT INTO engagement_event (brand_id, id, external_id, fan_id, type, channel, occurred_at, received_at,
                                                 properties, status, points, outcome)
        SELECT ${brand}, s.event_id, s.external_id, s.fan_id, s.type, s.channel, s.ts, s.received_at, s.properties, s.status,
               s.points, ${outcome}
          FROM (SELECT s.*, s.channel || '-' || s.seq AS external_id FROM seed_scored s
                 WHERE s.seq > ${chunk * CHUNK_ROWS} AND s.seq <= ${(chunk + 1) * CHUNK_ROWS}) AS s
          LEFT JOIN seed_rule r ON r.no = s.rule_no
         ORDER BY s.seq`);
    }
  });
  const [awardCount] = (await query('SELECT count(*)::int AS count FROM seed_award')) as Array<{
    count: number;
  }>;
  const awardChunks = Math.ceil((awardCount?.count ?? 0) / CHUNK_ROWS);
  await timed(`ledger_entry (earn), in ${awardChunks} chunks in time order`, async () => {
    await query('CREATE INDEX ON seed_award (seq)');
    const bounds = (await query(
      `SELECT seq FROM (SELECT seq, row_number() OVER (ORDER BY seq) AS i FROM seed_award) AS a
        WHERE i % ${CHUNK_ROWS} = 0 ORDER BY seq`,
    )) as Array<{ seq: string }>;
    const edges = [0, ...bounds.map((row) => Number(row.seq)), Number.MAX_SAFE_INTEGER];
    for (let i = 0; i + 1 < edges.length; i += 1) {
      await query(`INSERT INTO ledger_entry (brand_id, id, fan_id, kind, points, cause_key, event_id, campaign_id, rule_id,
                                             rule_version, occurred_at, reason, explanation, created_at)
        SELECT ${brand}, pg_temp.uuidv7_at(a.received_at), a.fan_id, 'earn', a.points,
               'event:' || a.event_id || ':rule:' || r.rule_id, a.event_id, r.campaign_id, r.rule_id, r.version, a.ts, a.detail,
               jsonb_build_object('rule', r.name, 'ruleVersion', r.version, 'basePoints', a.points, 'multiplier', 1,
                                  'tier', CASE WHEN a.k = 0 THEN NULL ELSE ${tierSql('a.before_sum')} END, 'detail', a.detail),
               a.received_at
          FROM seed_award a JOIN seed_rule r ON r.no = a.rule_no
         WHERE a.seq > ${edges[i]} AND a.seq <= ${edges[i + 1]}
         ORDER BY a.seq`);
    }
  });
  await timed('redemption and ledger_entry (redeem)', async () => {
    await query(`INSERT INTO redemption (brand_id, id, fan_id, reward_id, points, status, created_by, created_at, fulfilled_at)
      SELECT ${brand}, id, fan_id, ${sqlText(setup.rewardId)}::uuid, ${REWARD.costPoints}, 'fulfilled',
             ${sqlText(REWARD.createdBy)}, at, at
        FROM seed_redemption ORDER BY at`);
    await query(`INSERT INTO ledger_entry (brand_id, id, fan_id, kind, points, cause_key, occurred_at, reason, explanation,
                                           actor_label, created_at)
      SELECT ${brand}, pg_temp.uuidv7_at(at), fan_id, 'redeem', -${REWARD.costPoints}, 'redeem:' || id, at,
             ${sqlText(`Redeemed ${REWARD.nameDe}`)},
             jsonb_build_object('redemptionId', id, 'rewardId', ${sqlText(setup.rewardId)}, 'rewardNameDe', ${sqlText(REWARD.nameDe)},
                                'rewardNameEn', ${sqlText(REWARD.nameEn)}),
             ${sqlText(REWARD.createdBy)}, at
        FROM seed_redemption ORDER BY at`);
  });
  await timed('fan_tier_change', () =>
    query(`INSERT INTO fan_tier_change (brand_id, id, fan_id, from_tier, to_tier, changed_at, cause)
      SELECT ${brand}, pg_temp.uuidv7_at(c.changed_at), f.id, c.from_tier, c.to_tier, c.changed_at, 'points'
        FROM seed_tier_change c JOIN seed_fan f ON f.n = c.n
       ORDER BY c.changed_at`),
  );
  await timed('campaign points issued, brand start', async () => {
    await query(`UPDATE campaign c SET points_issued = s.points, updated_at = now()
        FROM (SELECT r.campaign_id, sum(a.points) AS points FROM seed_award a JOIN seed_rule r ON r.no = a.rule_no
               GROUP BY r.campaign_id) AS s
       WHERE c.brand_id = ${brand} AND c.id = s.campaign_id`);
    // The brand existed when its history happened.
    await query(
      `UPDATE brand SET created_at = least(created_at, (SELECT min(first_ts) FROM seed_fan_total)) WHERE id = ${brand}`,
    );
  });
  if (triggersOff) await query('RESET session_replication_role');
  // Settled, as autovacuum would leave them a while later (it would otherwise run during the first
  // benchmark): visibility map set for index-only scans, statistics for the planner.
  await timed('VACUUM ANALYZE', () =>
    query('VACUUM (ANALYZE) fan, fan_identity, engagement_event, ledger_entry, fan_tier_change, redemption'),
  );
}

/**
 * The ledger check of `npm run verify:ledger` on the brand, the foreign keys of what was written, and
 * first seen / last active against the events.
 */
async function verify(query: Query, databaseUrl: string, brandId: string): Promise<number> {
  const dataSource = createDataSource(databaseUrl, 1);
  await dataSource.initialize();
  try {
    const report = await timed('ledger check (balances, lifetime points, issued points, reversals)', () =>
      new LedgerCheckRepository(dataSource).check(brandId),
    );
    const [activity] = (await timed('first seen / last active against the events', () =>
      query(
        `SELECT count(*)::int AS wrong FROM fan f
           JOIN (SELECT fan_id, min(occurred_at) AS first, max(occurred_at) AS last FROM engagement_event
                  WHERE brand_id = $1 GROUP BY fan_id) AS e ON e.fan_id = f.id
          WHERE f.brand_id = $1 AND (f.first_seen_at <> e.first OR f.last_active_at <> e.last)`,
        [brandId],
      ),
    )) as Array<{ wrong: number }>;
    const [keys] = (await timed('foreign keys of the rows written', () =>
      query(
        `SELECT (SELECT count(*) FROM engagement_event e WHERE e.brand_id = $1
                    AND NOT EXISTS (SELECT FROM fan f WHERE f.brand_id = $1 AND f.id = e.fan_id))
              + (SELECT count(*) FROM fan_identity i WHERE i.brand_id = $1
                    AND NOT EXISTS (SELECT FROM fan f WHERE f.brand_id = $1 AND f.id = i.fan_id))
              + (SELECT count(*) FROM fan_tier_change c WHERE c.brand_id = $1
                    AND NOT EXISTS (SELECT FROM fan f WHERE f.brand_id = $1 AND f.id = c.fan_id))
              + (SELECT count(*) FROM redemption r WHERE r.brand_id = $1
                    AND (NOT EXISTS (SELECT FROM fan f WHERE f.brand_id = $1 AND f.id = r.fan_id)
                         OR NOT EXISTS (SELECT FROM reward w WHERE w.brand_id = $1 AND w.id = r.reward_id)))
              + (SELECT count(*) FROM ledger_entry l WHERE l.brand_id = $1
                    AND (NOT EXISTS (SELECT FROM fan f WHERE f.brand_id = $1 AND f.id = l.fan_id)
                         OR (l.campaign_id IS NOT NULL
                             AND NOT EXISTS (SELECT FROM campaign c WHERE c.brand_id = $1 AND c.id = l.campaign_id))
                         OR (l.rule_id IS NOT NULL
                             AND NOT EXISTS (SELECT FROM reward_rule r WHERE r.brand_id = $1 AND r.id = l.rule_id))))
                AS dangling`,
        [brandId],
      ),
    )) as Array<{ dangling: string }>;
    const problems = [...report.problems];
    if (Number(keys?.dangling ?? 0) > 0)
      problems.push(`${keys?.dangling} rows name a fan, reward, campaign or rule that does not exist`);
    if ((activity?.wrong ?? 0) > 0)
      problems.push(`${activity?.wrong} fans whose first seen / last active differ from their events`);
    process.stdout.write(
      problems.length === 0
        ? `    consistent: ${report.fans.toLocaleString('en')} fans, ${report.entries.toLocaleString('en')} ledger entries, ${report.campaigns} campaigns\n`
        : `    ${problems.length} problem(s):\n${problems.map((p) => `      - ${p}`).join('\n')}\n`,
    );
    return problems.length;
  } finally {
    await dataSource.destroy();
  }
}

/** The shape of what was drawn, from the temporary tables. */
async function printSummary(query: Query, brandId: string, now: Date, options: Options): Promise<void> {
  const [counts] = (await query(
    `SELECT (SELECT count(*) FROM fan WHERE brand_id = $1)::int AS fans,
            (SELECT count(*) FROM fan_identity WHERE brand_id = $1)::int AS identities,
            (SELECT count(*) FROM engagement_event WHERE brand_id = $1)::int AS events,
            (SELECT count(*) FROM ledger_entry WHERE brand_id = $1)::int AS entries,
            (SELECT count(*) FROM redemption WHERE brand_id = $1)::int AS redemptions,
            (SELECT count(*) FROM fan_tier_change WHERE brand_id = $1)::int AS tier_changes`,
    [brandId],
  )) as Array<Record<'fans' | 'identities' | 'events' | 'entries' | 'redemptions' | 'tier_changes', number>>;
  const [perFan] = (await query(
    `SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY events) AS p50,
            percentile_disc(0.9) WITHIN GROUP (ORDER BY events) AS p90,
            percentile_disc(0.99) WITHIN GROUP (ORDER BY events) AS p99, max(events) AS max,
            avg((events <= 3)::int) AS up_to_3, sum((events >= 100)::int) AS hundreds
       FROM seed_fan_total`,
  )) as Array<Record<'p50' | 'p90' | 'p99' | 'max' | 'up_to_3' | 'hundreds', string>>;
  const share = async (column: string): Promise<string> => {
    const rows = (await query(
      `SELECT ${column} AS key, count(*)::float8 / sum(count(*)) OVER () AS share FROM seed_scored GROUP BY 1 ORDER BY 2 DESC`,
    )) as Array<{ key: string; share: number }>;
    return rows.map((row) => `${row.key} ${(row.share * 100).toFixed(1)}%`).join(', ');
  };
  const weekday = (await query(
    `SELECT to_char(ts AT TIME ZONE ${sqlText(LARGE_BRAND.timeZone)}, 'ID Dy') AS key, count(*)::float8 / sum(count(*)) OVER () AS share
       FROM seed_scored GROUP BY 1 ORDER BY 1`,
  )) as Array<{ key: string; share: number }>;
  const hours = (await query(
    `SELECT extract(hour FROM ts AT TIME ZONE ${sqlText(LARGE_BRAND.timeZone)})::int AS hour, count(*)::float8 / sum(count(*)) OVER () AS share
       FROM seed_scored GROUP BY 1 ORDER BY 2 DESC LIMIT 3`,
  )) as Array<{ hour: number; share: number }>;
  const months = (await query(
    `SELECT to_char(first_ts AT TIME ZONE ${sqlText(LARGE_BRAND.timeZone)}, 'YYYY-MM') AS month, count(*)::int AS fans
       FROM seed_fan_total GROUP BY 1 ORDER BY 1`,
  )) as Array<{ month: string; fans: number }>;
  const [active] = (await query(
    `SELECT count(DISTINCT fan_id)::int AS fans FROM engagement_event
      WHERE brand_id = $1 AND occurred_at >= $2::timestamptz - interval '30 days' AND type NOT IN ('signup', 'video_view')`,
    [brandId, now],
  )) as Array<{ fans: number }>;
  const tiers = (await query(
    `SELECT tier_name AS key, count(*)::float8 / sum(count(*)) OVER () AS share FROM fan WHERE brand_id = $1 GROUP BY 1 ORDER BY 2 DESC`,
    [brandId],
  )) as Array<{ key: string; share: number }>;
  const pct = (rows: Array<{ key: string; share: number }>): string =>
    rows.map((row) => `${row.key} ${(row.share * 100).toFixed(1)}%`).join(', ');
  const c = counts!;
  const p = perFan!;
  process.stdout.write(
    [
      '',
      `Brand "${LARGE_BRAND.name}" (${brandId}), ${options.days} days up to ${now.toISOString()}:`,
      `  ${c.fans.toLocaleString('en')} fans, ${c.identities.toLocaleString('en')} identities, ${c.events.toLocaleString('en')} events, ` +
        `${c.entries.toLocaleString('en')} ledger entries, ${c.redemptions.toLocaleString('en')} redemptions, ` +
        `${c.tier_changes.toLocaleString('en')} tier changes`,
      `  events per fan: p50 ${p.p50}, p90 ${p.p90}, p99 ${p.p99}, max ${p.max}; ` +
        `${(Number(p.up_to_3) * 100).toFixed(1)}% of fans have 1–3, ${Number(p.hundreds).toLocaleString('en')} have 100 or more`,
      `  outcome: ${await share('status')}`,
      `  channels: ${await share('channel')}`,
      `  types: ${await share('type')}`,
      `  weekdays: ${pct(weekday)}; busiest hours: ${hours.map((h) => `${h.hour}h ${(h.share * 100).toFixed(1)}%`).join(', ')}`,
      `  new fans per month: ${months.map((m) => `${m.month} ${m.fans.toLocaleString('en')}`).join(', ')}`,
      `  fans with a counted event in the last 30 days: ${active!.fans.toLocaleString('en')} ` +
        `(${((active!.fans / c.fans) * 100).toFixed(1)}%)`,
      `  tiers: ${pct(tiers)}`,
      '',
      'Time per step:',
      ...steps.map((step) => `  ${step.label.padEnd(70)} ${formatDuration(step.seconds).padStart(9)}`),
    ].join('\n') + '\n',
  );
}

function formatDuration(seconds: number): string {
  return seconds < 60
    ? `${seconds.toFixed(1)} s`
    : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

let options: Options;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(64);
}
main(options).catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n` +
      'If the brand was half written, run `npm run seed:large` again: it replaces it.\n',
  );
  process.exit(1);
});

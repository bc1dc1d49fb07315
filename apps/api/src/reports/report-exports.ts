import { hkdfSync } from 'node:crypto';
import { type Readable } from 'node:stream';

import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify';
import { escapeLiteral, Pool, type PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';

import { type ActiveFansReport, dayNumber, dayString, type ExportFormat } from '@fanfare/shared';

import { APP_CONFIG, type RuntimeConfig } from '../config/config.module';
import { type DayRange } from './report-range';
import { MergedCsv } from './csv-records';
import { type AnalyticsSettingsRecord } from './reports.repository';

export interface ExportOptions {
  format: ExportFormat;
  pseudonymize: boolean;
}

export interface CsvFile {
  filename: string;
  stream: Readable;
}

/** UTF-8 byte order mark: tells Excel the file is UTF-8. */
const BOM = '\uFEFF';

/** Below this many fans a brand's fans.csv comes from one query; from it on, from several in parallel. */
export const PARALLEL_EXPORT_MIN_FANS = 100_000;

/** A column of a COPY export: its header and the SQL that gives it. */
type Column = readonly [name: string, sql: string];

/** Fan ids `[from, to)` of one part of a parallel export; null is open-ended. */
interface IdRange {
  from: string | null;
  to: string | null;
}

/**
 * The report exports: RFC 4180 CSV in UTF-8, streamed. The per-fan and ledger exports are
 * PostgreSQL's `COPY … TO STDOUT` piped to the response, so memory stays flat however many rows.
 * `excel-de` uses semicolons, decimal commas and a byte order mark; `pseudonymize` replaces fan
 * ids with a keyed hash (HMAC-SHA256 with a key of the brand's, stable across exports) and leaves
 * out names, handles, emails and free text.
 */
@Injectable()
export class ReportExports implements OnModuleDestroy {
  private readonly logger = new Logger('ReportExports');
  /**
   * The large exports' own connections, apart from the pool that serves ingestion and the rest of
   * the API: enough for two exports at full parallelism at once; a third waits for one to finish.
   */
  private readonly pool: Pool;
  /** Exports take their connections one export at a time (see `open`). */
  private opening: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
  ) {
    const main = (dataSource.driver as unknown as { master: Pool }).master;
    this.pool = new Pool({
      ...main.options,
      max: 2 * config.exportParallelism,
      application_name: 'fanfare-export',
    });
    this.pool.on('error', (error) => this.logger.warn(`export connection lost: ${error.message}`));
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }

  activeFans(brand: AnalyticsSettingsRecord, report: ActiveFansReport, options: ExportOptions): CsvFile {
    const excel = options.format === 'excel-de';
    const number = (value: number | null) =>
      value === null ? '' : excel ? String(value).replace('.', ',') : String(value);
    const csv = stringify({
      delimiter: excel ? ';' : ',',
      record_delimiter: 'windows',
      bom: excel,
      header: true,
      columns: ['period', 'period_end', 'active_fans', 'total_fans', 'ratio', 'new_fans', 'returning_fans'],
    });
    for (const point of report.points) {
      csv.write([
        point.period,
        point.periodEnd,
        point.activeFans,
        point.totalFans,
        number(point.ratio),
        point.newFans,
        point.returningFans,
      ]);
    }
    csv.end();
    const filter = report.channel
      ? `-${report.channel}`
      : report.campaignId
        ? `-campaign-${report.campaignId}`
        : '';
    return {
      filename: filename(brand, `active-fans${filter}-${report.granularity}`, report),
      stream: csv,
    };
  }

  /**
   * One row per fan. A large brand's fans are cut into ranges of ids, each exported by its own
   * connection on the same snapshot, and the rows of all arrive as they come: the file holds every
   * fan once, in no particular order, in a fraction of the time one query would take.
   */
  async fans(
    brandId: string,
    brand: AnalyticsSettingsRecord,
    range: DayRange,
    options: ExportOptions,
  ): Promise<CsvFile> {
    const q = escapeLiteral;
    const zone = q(brand.timeZone);
    const brandLit = `${q(brandId)}::uuid`;
    const windowStart = dayString(dayNumber(range.to) - brand.windowDays + 1);
    const end = `(${q(dayString(dayNumber(range.to) + 1))}::timestamp AT TIME ZONE ${zone})`;
    const start = `(${q(windowStart)}::timestamp AT TIME ZONE ${zone})`;
    const types = `ARRAY[${brand.engagementTypes.map(q).join(', ') || "''"}]::text[]`;
    const identities = options.pseudonymize
      ? `string_agg(DISTINCT i.channel, ' | ')`
      : // Unordered: sorting every fan's identities took longer than the rest of the aggregate.
        `string_agg(i.channel || ':' || coalesce(i.handle, i.external_id), ' | ')`;
    // Local date and time to the second. date_trunc's text is what to_char would give, at half its cost.
    const localTime = (column: string) => `date_trunc('second', ${column} AT TIME ZONE ${zone})`;
    const columns: Column[] = [
      ['fan_id', this.fanIdExpression('f.id', brandId, options)],
      ['identities', 'ids.identities'],
      ['first_seen', localTime('f.first_seen_at')],
      ['last_active', localTime('f.last_active_at')],
      ['counted_events_in_window', 'coalesce(w.n, 0)'],
      ['active', '(w.n IS NOT NULL)::text'],
      ['balance', 'f.balance'],
      ['lifetime_points', 'f.lifetime_points'],
      ['tier', 'f.tier_name'],
    ];
    const sql = ({ from, to }: IdRange) => {
      const ids = (column: string) =>
        `${from ? ` AND ${column} >= ${q(from)}::uuid` : ''}${to ? ` AND ${column} < ${q(to)}::uuid` : ''}`;
      return `
        WITH w AS (
               SELECT e.fan_id, count(*) AS n
                 FROM engagement_event e
                WHERE e.brand_id = ${brandLit} AND e.fan_id IS NOT NULL AND e.type <> 'retract'
                  AND e.occurred_at >= ${start} AND e.occurred_at < ${end}
                  AND (e.type = ANY(${types}) OR (e.type LIKE 'custom:%' AND 'custom' = ANY(${types})))${ids('e.fan_id')}
                GROUP BY e.fan_id),
             ids AS (
               SELECT i.fan_id, ${identities} AS identities
                 FROM fan_identity i WHERE i.brand_id = ${brandLit}${ids('i.fan_id')}
                GROUP BY i.fan_id)
        SELECT ${columns.map(([name, value]) => `${value} AS ${name}`).join(', ')}
          FROM fan f
          LEFT JOIN w ON w.fan_id = f.id
          LEFT JOIN ids ON ids.fan_id = f.id
         WHERE f.brand_id = ${brandLit} AND f.merged_into_id IS NULL AND f.first_seen_at < ${end}
           AND (f.erased_at IS NULL OR f.erased_at >= ${end})${ids('f.id')}`;
    };
    const { first, clients } = await this.open(async (client) => {
      const { rows } = await client.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM fan WHERE brand_id = $1',
        [brandId],
      );
      return (rows[0]?.n ?? 0) >= PARALLEL_EXPORT_MIN_FANS ? this.config.exportParallelism : 1;
    });
    try {
      const ranges = await this.idRanges(first, brandId, clients.length);
      const parts = clients.map((client, i) => ({ client, sql: sql(ranges[i] ?? { from: null, to: null }) }));
      return { filename: filename(brand, 'fans', range), stream: this.copy(parts, columns, options) };
    } catch (error) {
      for (const client of clients) client.release(toError(error));
      throw error;
    }
  }

  async ledger(
    brandId: string,
    brand: AnalyticsSettingsRecord,
    range: DayRange,
    options: ExportOptions,
  ): Promise<CsvFile> {
    const q = escapeLiteral;
    const zone = q(brand.timeZone);
    const brandLit = `${q(brandId)}::uuid`;
    const start = `(${q(range.from)}::timestamp AT TIME ZONE ${zone})`;
    const end = `(${q(dayString(dayNumber(range.to) + 1))}::timestamp AT TIME ZONE ${zone})`;
    const localTime = (column: string) => `date_trunc('second', ${column} AT TIME ZONE ${zone})`;
    const columns: Column[] = [
      ['entry_id', 'l.id'],
      ['fan_id', this.fanIdExpression('coalesce(f.merged_into_id, f.id)', brandId, options)],
      ['kind', 'l.kind'],
      ['points', 'l.points'],
      ['occurred_at', localTime('l.occurred_at')],
      ['booked_at', localTime('l.created_at')],
      ['campaign_id', 'l.campaign_id'],
      ['campaign', 'c.name'],
      ['rule_id', 'l.rule_id'],
      ['event_id', options.pseudonymize ? 'NULL' : 'e.external_id'],
      ['reason', options.pseudonymize ? 'NULL' : 'l.reason'],
    ];
    const sql = `
      SELECT ${columns.map(([name, value]) => `${value} AS ${name}`).join(', ')}
        FROM ledger_entry l
        JOIN fan f ON f.brand_id = l.brand_id AND f.id = l.fan_id
        LEFT JOIN campaign c ON c.brand_id = l.brand_id AND c.id = l.campaign_id
        LEFT JOIN engagement_event e ON e.brand_id = l.brand_id AND e.id = l.event_id
       WHERE l.brand_id = ${brandLit} AND l.occurred_at >= ${start} AND l.occurred_at < ${end}
       ORDER BY l.occurred_at, l.id`;
    const { first } = await this.open(() => Promise.resolve(1));
    return {
      filename: filename(brand, 'ledger', range),
      stream: this.copy([{ client: first, sql }], columns, options),
    };
  }

  /** The brand's pseudonymisation key: derived from the server secret, the same for every export. */
  pseudonymKey(brandId: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.config.sessionSecret, brandId, 'fanfare:pseudonym', 32));
  }

  private fanIdExpression(column: string, brandId: string, options: ExportOptions): string {
    if (!options.pseudonymize) return column;
    const key = `decode(${escapeLiteral(this.pseudonymKey(brandId).toString('hex'))}, 'hex')`;
    return `left(encode(hmac(convert_to(${column}::text, 'UTF8'), ${key}, 'sha256'), 'hex'), 32)`;
  }

  /**
   * Connections for one export, each in a read-only REPEATABLE READ transaction on the same
   * snapshot, so that parts read by different connections fit together. `parts` decides, on the
   * first, how many. One export takes its connections at a time: two taking theirs one by one
   * could each hold some and wait for the rest forever.
   */
  private open(
    parts: (first: PoolClient) => Promise<number>,
  ): Promise<{ first: PoolClient; clients: PoolClient[] }> {
    const opened = this.opening.then(async () => {
      const first = await this.pool.connect();
      const clients = [first];
      try {
        await first.query(BEGIN);
        const count = Math.min(await parts(first), this.config.exportParallelism);
        if (count === 1) return { first, clients };
        const { rows } = await first.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot');
        const snapshot = escapeLiteral(rows[0]?.snapshot ?? '');
        while (clients.length < count) {
          const client = await this.pool.connect();
          clients.push(client);
          await client.query(`${BEGIN}; SET TRANSACTION SNAPSHOT ${snapshot}`);
        }
        return { first, clients };
      } catch (error) {
        for (const client of clients) client.release(toError(error));
        throw error;
      }
    });
    this.opening = opened.catch(() => undefined);
    return opened;
  }

  /** `parts` ranges of the brand's fan ids of about the same number of fans each. */
  private async idRanges(client: PoolClient, brandId: string, parts: number): Promise<IdRange[]> {
    if (parts === 1) return [{ from: null, to: null }];
    const { rows } = await client.query<{ id: string }>(
      `SELECT f.id FROM generate_series(1, $2 - 1) AS part(n),
              LATERAL (SELECT id FROM fan
                        WHERE brand_id = $1
                        ORDER BY id
                       OFFSET (SELECT count(*) FROM fan WHERE brand_id = $1) * part.n / $2 LIMIT 1) f
        ORDER BY part.n`,
      [brandId, parts],
    );
    const bounds = [null, ...rows.map((row) => row.id), null];
    return bounds.slice(1).map((to, i) => ({ from: bounds[i] ?? null, to }));
  }

  /**
   * Streams `COPY (sql) TO STDOUT` of every part as one CSV file with a header line. Each
   * connection commits and goes back to the pool when its part is done; one left in the middle
   * of a COPY (the download was aborted, or a part failed) is closed rather than reused.
   */
  private copy(
    parts: readonly { client: PoolClient; sql: string }[],
    columns: readonly Column[],
    options: ExportOptions,
  ): Readable {
    const excel = options.format === 'excel-de';
    const delimiter = excel ? ';' : ',';
    const copies = parts.map(({ client, sql }) => ({
      client,
      source: client.query(copyTo(`COPY (${sql}) TO STDOUT WITH (FORMAT csv, DELIMITER '${delimiter}')`)),
    }));
    const head = `${excel ? BOM : ''}${columns.map(([name]) => name).join(delimiter)}\r\n`;
    const file = new MergedCsv(
      copies.map(({ source }) => source),
      head,
    );
    const released = new Set<PoolClient>();
    const release = (client: PoolClient, error?: Error) => {
      if (released.has(client)) return;
      released.add(client);
      client.release(error);
    };
    copies.forEach(({ client, source }) => {
      source.on('end', () => {
        client.query('COMMIT').then(
          () => release(client),
          (error: unknown) => release(client, toError(error)),
        );
      });
    });
    file.on('close', () => {
      copies.forEach(({ client, source }) => {
        if (!source.readableEnded) release(client, new Error('export ended early'));
      });
    });
    return file;
  }
}

const BEGIN = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL datestyle = 'ISO, YMD'";

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function filename(brand: AnalyticsSettingsRecord, kind: string, range: { from: string; to: string }): string {
  return `fanfare-${brand.slug}-${kind}-${range.from}-to-${range.to}.csv`;
}

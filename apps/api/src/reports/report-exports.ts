import { hkdfSync } from 'node:crypto';
import { type Readable, Transform, type TransformCallback } from 'node:stream';

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify';
import { type Pool, type PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';

import { type ActiveFansReport, dayNumber, dayString, type ExportFormat } from '@fanfare/shared';

import { APP_CONFIG, type RuntimeConfig } from '../config/config.module';
import { type DayRange } from './report-range';
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

/** Turns COPY's line ends (LF) into RFC 4180's CRLF, line breaks inside quoted fields included. */
class CrlfLines extends Transform {
  constructor(private readonly prefix: string) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const parts: Buffer[] = [];
    if (!this.started) {
      this.started = true;
      if (this.prefix) parts.push(Buffer.from(this.prefix));
    }
    let start = 0;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) {
      if (i > start) parts.push(chunk.subarray(start, i));
      parts.push(CRLF);
      start = i + 1;
    }
    if (start < chunk.length) parts.push(chunk.subarray(start));
    done(null, Buffer.concat(parts));
  }

  override _flush(done: TransformCallback): void {
    if (!this.started && this.prefix) this.push(Buffer.from(this.prefix));
    done();
  }

  private started = false;
}

const CRLF = Buffer.from('\r\n');

/**
 * The report exports: RFC 4180 CSV in UTF-8, streamed. The per-fan and ledger exports are
 * PostgreSQL's `COPY … TO STDOUT` piped to the response, so memory stays flat however many rows.
 * `excel-de` uses semicolons, decimal commas and a byte order mark; `pseudonymize` replaces fan
 * ids with a keyed hash (HMAC-SHA256 with a key of the brand's, stable across exports) and leaves
 * out names, handles, emails and free text.
 */
@Injectable()
export class ReportExports {
  private readonly pool: Pool;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
  ) {
    this.pool = (dataSource.driver as unknown as { master: Pool }).master;
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

  async fans(
    brandId: string,
    brand: AnalyticsSettingsRecord,
    range: DayRange,
    options: ExportOptions,
  ): Promise<CsvFile> {
    const client = await this.pool.connect();
    const q = (value: string) => client.escapeLiteral(value);
    const zone = q(brand.timeZone);
    const brandLit = `${q(brandId)}::uuid`;
    const windowStart = dayString(dayNumber(range.to) - brand.windowDays + 1);
    const end = `(${q(dayString(dayNumber(range.to) + 1))}::timestamp AT TIME ZONE ${zone})`;
    const start = `(${q(windowStart)}::timestamp AT TIME ZONE ${zone})`;
    const types = `ARRAY[${brand.engagementTypes.map(q).join(', ') || "''"}]::text[]`;
    const fanId = this.fanIdExpression('f.id', brandId, options, q);
    const identities = options.pseudonymize
      ? `string_agg(DISTINCT i.channel, ' | ')`
      : // Unordered: sorting every fan's identities took longer than the rest of the aggregate.
        `string_agg(i.channel || ':' || coalesce(i.handle, i.external_id), ' | ')`;
    const sql = `
      WITH w AS (
             SELECT e.fan_id, count(*) AS n
               FROM engagement_event e
              WHERE e.brand_id = ${brandLit} AND e.fan_id IS NOT NULL AND e.type <> 'retract'
                AND e.occurred_at >= ${start} AND e.occurred_at < ${end}
                AND (e.type = ANY(${types}) OR (e.type LIKE 'custom:%' AND 'custom' = ANY(${types})))
              GROUP BY e.fan_id),
           ids AS (
             SELECT i.fan_id, ${identities} AS identities
               FROM fan_identity i WHERE i.brand_id = ${brandLit}
              GROUP BY i.fan_id)
      SELECT ${fanId} AS fan_id,
             coalesce(ids.identities, '') AS identities,
             to_char(f.first_seen_at AT TIME ZONE ${zone}, 'YYYY-MM-DD HH24:MI:SS') AS first_seen,
             to_char(f.last_active_at AT TIME ZONE ${zone}, 'YYYY-MM-DD HH24:MI:SS') AS last_active,
             coalesce(w.n, 0) AS counted_events_in_window,
             (w.n IS NOT NULL)::text AS active,
             f.balance, f.lifetime_points, coalesce(f.tier_name, '') AS tier
        FROM fan f
        LEFT JOIN w ON w.fan_id = f.id
        LEFT JOIN ids ON ids.fan_id = f.id
       WHERE f.brand_id = ${brandLit} AND f.merged_into_id IS NULL AND f.first_seen_at < ${end}
         AND (f.erased_at IS NULL OR f.erased_at >= ${end})`;
    return { filename: filename(brand, 'fans', range), stream: this.copy(client, sql, options) };
  }

  async ledger(
    brandId: string,
    brand: AnalyticsSettingsRecord,
    range: DayRange,
    options: ExportOptions,
  ): Promise<CsvFile> {
    const client = await this.pool.connect();
    const q = (value: string) => client.escapeLiteral(value);
    const zone = q(brand.timeZone);
    const brandLit = `${q(brandId)}::uuid`;
    const start = `(${q(range.from)}::timestamp AT TIME ZONE ${zone})`;
    const end = `(${q(dayString(dayNumber(range.to) + 1))}::timestamp AT TIME ZONE ${zone})`;
    const fanId = this.fanIdExpression('coalesce(f.merged_into_id, f.id)', brandId, options, q);
    const sql = `
      SELECT l.id AS entry_id, ${fanId} AS fan_id, l.kind, l.points,
             to_char(l.occurred_at AT TIME ZONE ${zone}, 'YYYY-MM-DD HH24:MI:SS') AS occurred_at,
             to_char(l.created_at AT TIME ZONE ${zone}, 'YYYY-MM-DD HH24:MI:SS') AS booked_at,
             l.campaign_id, coalesce(c.name, '') AS campaign, l.rule_id,
             ${options.pseudonymize ? "''" : "coalesce(e.external_id, '')"} AS event_id,
             ${options.pseudonymize ? "''" : 'l.reason'} AS reason
        FROM ledger_entry l
        JOIN fan f ON f.brand_id = l.brand_id AND f.id = l.fan_id
        LEFT JOIN campaign c ON c.brand_id = l.brand_id AND c.id = l.campaign_id
        LEFT JOIN engagement_event e ON e.brand_id = l.brand_id AND e.id = l.event_id
       WHERE l.brand_id = ${brandLit} AND l.occurred_at >= ${start} AND l.occurred_at < ${end}
       ORDER BY l.occurred_at, l.id`;
    return { filename: filename(brand, 'ledger', range), stream: this.copy(client, sql, options) };
  }

  /** The brand's pseudonymisation key: derived from the server secret, the same for every export. */
  pseudonymKey(brandId: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.config.sessionSecret, brandId, 'fanfare:pseudonym', 32));
  }

  private fanIdExpression(
    column: string,
    brandId: string,
    options: ExportOptions,
    q: (value: string) => string,
  ): string {
    if (!options.pseudonymize) return `${column}::text`;
    const key = `decode(${q(this.pseudonymKey(brandId).toString('hex'))}, 'hex')`;
    return `left(encode(hmac(convert_to(${column}::text, 'UTF8'), ${key}, 'sha256'), 'hex'), 32)`;
  }

  /** Streams `COPY (sql) TO STDOUT` as CSV; the connection goes back to the pool when done, or is closed. */
  private copy(client: PoolClient, sql: string, options: ExportOptions): Readable {
    const excel = options.format === 'excel-de';
    const source = client.query(
      copyTo(`COPY (${sql}) TO STDOUT WITH (FORMAT csv, HEADER true, DELIMITER '${excel ? ';' : ','}')`),
    );
    const out = new CrlfLines(excel ? BOM : '');
    let released = false;
    const release = (error?: Error) => {
      if (released) return;
      released = true;
      // A connection left in the middle of a COPY is closed rather than reused.
      client.release(error ?? (source.readableEnded ? undefined : true));
    };
    source.on('error', (error) => {
      release(error);
      out.destroy(error);
    });
    source.on('end', () => release());
    out.on('close', () => {
      if (!source.readableEnded) {
        source.destroy();
        release(new Error('export aborted'));
      }
    });
    source.pipe(out);
    return out;
  }
}

function filename(brand: AnalyticsSettingsRecord, kind: string, range: { from: string; to: string }): string {
  return `fanfare-${brand.slug}-${kind}-${range.from}-to-${range.to}.csv`;
}

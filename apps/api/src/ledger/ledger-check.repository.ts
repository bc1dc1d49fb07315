import { type DataSource } from 'typeorm';

export interface LedgerCheckReport {
  brands: number;
  fans: number;
  entries: number;
  campaigns: number;
  problems: string[];
}

/**
 * The ledger's invariants over a whole database, as SQL: every fan's balance is the sum of its
 * entries and its lifetime points the sum of its earnings net of reversals; every campaign's issued
 * points match its entries; no entry is reversed for more than it booked. Used by
 * `npm run verify:ledger` and after the test suites that book points.
 */
export class LedgerCheckRepository {
  constructor(private readonly dataSource: DataSource) {}

  async check(brandId?: string): Promise<LedgerCheckReport> {
    // The brand filter for a table alias (or none: the whole database).
    const scope = (alias?: string): string =>
      brandId === undefined ? 'TRUE' : `${alias ? `${alias}.` : ''}brand_id = $1`;
    const params = brandId === undefined ? [] : [brandId];
    const q = async <T>(sql: string): Promise<T[]> => this.dataSource.query<T[]>(sql, params);
    const [counts] = await q<{ brands: string; fans: string; entries: string; campaigns: string }>(`
      SELECT (SELECT count(DISTINCT brand_id) FROM fan WHERE ${scope()}) AS brands,
             (SELECT count(*) FROM fan WHERE ${scope()}) AS fans,
             (SELECT count(*) FROM ledger_entry WHERE ${scope()}) AS entries,
             (SELECT count(*) FROM campaign WHERE ${scope()}) AS campaigns`);
    const problems: string[] = [];
    const balances = await q<{ brand_id: string; id: string; balance: string; ledger: string }>(`
      SELECT f.brand_id, f.id, f.balance, coalesce(l.total, 0) AS ledger
        FROM fan f
        LEFT JOIN (SELECT brand_id, fan_id, sum(points) AS total FROM ledger_entry WHERE ${scope()} GROUP BY 1, 2) l
          ON l.brand_id = f.brand_id AND l.fan_id = f.id
       WHERE ${scope('f')} AND f.balance <> coalesce(l.total, 0)
       LIMIT 20`);
    for (const row of balances) {
      problems.push(
        `fan ${row.id} (brand ${row.brand_id}): balance ${row.balance} but its entries sum to ${row.ledger}`,
      );
    }
    // Lifetime points follow merges: a survivor's count its own and its merged fans' earnings.
    const lifetimes = await q<{ brand_id: string; id: string; lifetime_points: string; earned: string }>(`
      SELECT f.brand_id, f.id, f.lifetime_points,
             CASE WHEN f.merged_into_id IS NOT NULL THEN 0 ELSE coalesce(l.earned, 0) END AS earned
        FROM fan f
        LEFT JOIN (SELECT e.brand_id, coalesce(o.merged_into_id, o.id) AS fan_id, sum(e.points) AS earned
                     FROM ledger_entry e JOIN fan o ON o.brand_id = e.brand_id AND o.id = e.fan_id
                    WHERE ${scope('e')} AND e.kind IN ('earn', 'reverse') GROUP BY 1, 2) l
          ON l.brand_id = f.brand_id AND l.fan_id = f.id
       WHERE ${scope('f')}
         AND f.lifetime_points <> CASE WHEN f.merged_into_id IS NOT NULL THEN 0 ELSE coalesce(l.earned, 0) END
       LIMIT 20`);
    for (const row of lifetimes) {
      problems.push(
        `fan ${row.id} (brand ${row.brand_id}): lifetime points ${row.lifetime_points} but earnings net of reversals are ${row.earned}`,
      );
    }
    const campaigns = await q<{ brand_id: string; id: string; points_issued: string; ledger: string }>(`
      SELECT c.brand_id, c.id, c.points_issued, coalesce(l.total, 0) AS ledger
        FROM campaign c
        LEFT JOIN (SELECT brand_id, campaign_id, sum(points) AS total FROM ledger_entry
                    WHERE ${scope()} AND kind IN ('earn', 'reverse') AND campaign_id IS NOT NULL GROUP BY 1, 2) l
          ON l.brand_id = c.brand_id AND l.campaign_id = c.id
       WHERE ${scope('c')} AND c.points_issued <> coalesce(l.total, 0)
       LIMIT 20`);
    for (const row of campaigns) {
      problems.push(
        `campaign ${row.id} (brand ${row.brand_id}): ${row.points_issued} points issued but its entries sum to ${row.ledger}`,
      );
    }
    const reversals = await q<{ id: string; problem: string }>(`
      SELECT r.id, CASE WHEN e.id IS NULL THEN 'reverses no entry'
                        WHEN coalesce(ef.merged_into_id, ef.id) <> r.fan_id THEN 'reverses another fan''s entry'
                        ELSE 'takes back more than the entry booked' END AS problem
        FROM ledger_entry r
        LEFT JOIN ledger_entry e ON e.brand_id = r.brand_id AND e.id = r.reverses_entry_id
        LEFT JOIN fan ef ON ef.brand_id = e.brand_id AND ef.id = e.fan_id
       WHERE ${scope('r')} AND r.kind = 'reverse'
         AND (e.id IS NULL OR coalesce(ef.merged_into_id, ef.id) <> r.fan_id OR -r.points > e.points)
       LIMIT 20`);
    for (const row of reversals) problems.push(`reversal ${row.id} ${row.problem}`);
    return {
      brands: Number(counts?.brands ?? 0),
      fans: Number(counts?.fans ?? 0),
      entries: Number(counts?.entries ?? 0),
      campaigns: Number(counts?.campaigns ?? 0),
      problems,
    };
  }
}

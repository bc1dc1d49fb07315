/** One SQL statement with its parameters ($1, $2, … in `sql`). */
export interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * Runs several data-modifying statements (INSERT/UPDATE … RETURNING) as one: each becomes a CTE of
 * a single statement, so they cost one round trip and run in one snapshot; foreign keys between
 * them are checked when the whole statement ends. Answers how many rows each one returned.
 * The statements must not read what the others write. `query` runs the one statement (e.g.
 * `Transactions.prepared`).
 */
export async function runCombined(
  query: (sql: string, params: unknown[]) => Promise<Array<Record<string, number>>>,
  statements: readonly Statement[],
): Promise<number[]> {
  if (statements.length === 0) return [];
  const params: unknown[] = [];
  const parts = statements.map((statement, index) => {
    const offset = params.length;
    params.push(...statement.params);
    // Parameters are renumbered after the ones before; the statements hold no other `$<digit>`.
    const sql = statement.sql.replace(/\$(\d+)/g, (_match, n: string) => `$${Number(n) + offset}`);
    return `s${index} AS (${sql})`;
  });
  const counts = statements.map((_statement, index) => `(SELECT count(*) FROM s${index})::int AS c${index}`);
  const rows = await query(`WITH ${parts.join(',\n')}\nSELECT ${counts.join(', ')}`, params);
  return statements.map((_statement, index) => rows[0]?.[`c${index}`] ?? 0);
}

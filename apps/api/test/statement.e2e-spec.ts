import { runCombined } from '../src/database/statement';
import { startTestApp, type TestApp } from './support/test-app';

describe('runCombined', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { seedDemo: false } });
    await t.dataSource.query('CREATE TABLE combined_a (id int PRIMARY KEY, label text)');
    await t.dataSource.query(
      'CREATE TABLE combined_b (id int PRIMARY KEY REFERENCES combined_a (id), n int)',
    );
  });
  afterAll(async () => {
    await t.close();
  });
  const query = (sql: string, params: unknown[]): Promise<Array<Record<string, number>>> =>
    t.dataSource.query(sql, params);

  it('runs statements as one, with their parameters renumbered, and counts what each returned', async () => {
    const counts = await runCombined(query, [
      {
        sql: 'INSERT INTO combined_a SELECT * FROM unnest($1::int[], $2::text[]) ON CONFLICT DO NOTHING RETURNING id',
        params: [
          [1, 2, 3],
          ['one', 'two', 'three'],
        ],
      },
      // References rows inserted by the statement before: foreign keys are checked at the end.
      { sql: 'INSERT INTO combined_b SELECT unnest($1::int[]), $2 RETURNING id', params: [[1, 3], 10] },
      { sql: 'UPDATE combined_a SET label = $2 WHERE id = $1 RETURNING id', params: [99, 'none'] },
    ]);
    expect(counts).toEqual([3, 2, 0]);
    expect(await t.dataSource.query('SELECT id, n FROM combined_b ORDER BY id')).toEqual([
      { id: 1, n: 10 },
      { id: 3, n: 10 },
    ]);
    expect(
      await runCombined(query, [
        {
          sql: 'INSERT INTO combined_a VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING id',
          params: [3, 'again'],
        },
      ]),
    ).toEqual([0]);
    expect(await runCombined(query, [])).toEqual([]);
  });

  it('changes nothing when one of the statements fails', async () => {
    await expect(
      runCombined(query, [
        { sql: 'INSERT INTO combined_a VALUES ($1, $2) RETURNING id', params: [7, 'seven'] },
        { sql: 'INSERT INTO combined_b VALUES ($1, $2) RETURNING id', params: [8, 1] },
      ]),
    ).rejects.toThrow(/foreign key/);
    expect(await t.dataSource.query('SELECT id FROM combined_a WHERE id = 7')).toEqual([]);
  });
});

import {
  activityDeltas,
  type AnalyticsDelta,
  dayNumber,
  dayString,
  monthStartDay,
  netDeltas,
  unionDays,
  weekStartDay,
} from './activity';

/** A metric's value on each day from `from` to `to`: the running sum of its changes. */
function running(deltas: AnalyticsDelta[], dim: string, metric: string, from: number, to: number): number[] {
  const byDay = new Map<number, number>();
  for (const d of deltas) {
    if (d.dim !== dim || d.metric !== metric) continue;
    const day = dayNumber(d.day);
    byDay.set(day, (byDay.get(day) ?? 0) + d.delta);
  }
  let sum = 0;
  for (const [day, delta] of byDay) if (day < from) sum += delta;
  const out: number[] = [];
  for (let day = from; day <= to; day += 1) {
    sum += byDay.get(day) ?? 0;
    out.push(sum);
  }
  return out;
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('day numbers', () => {
  it('round-trips calendar days and finds weeks and months', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayString(dayNumber('2026-03-29'))).toBe('2026-03-29');
    expect(dayString(weekStartDay(dayNumber('2026-11-29')))).toBe('2026-11-23'); // a Sunday
    expect(dayString(weekStartDay(dayNumber('2026-11-23')))).toBe('2026-11-23'); // a Monday
    expect(dayString(monthStartDay(dayNumber('2024-02-29')))).toBe('2024-02-01');
    expect(dayString(weekStartDay(dayNumber('1969-12-31')))).toBe('1969-12-29');
  });
});

describe('activityDeltas', () => {
  const d = dayNumber;

  it('counts a fan active for the window after each activity day, once on overlapping days', () => {
    const deltas = activityDeltas(
      '',
      { firstDay: d('2026-01-01'), days: [d('2026-01-01'), d('2026-01-03')] },
      3,
      null,
    );
    // Active 01-01…01-05 (the second day's window runs to 01-05), then not.
    expect(running(deltas, '', 'active', d('2025-12-31'), d('2026-01-07'))).toEqual([0, 1, 1, 1, 1, 1, 0, 0]);
  });

  it('stops counting the fan from the day of erasure', () => {
    const deltas = activityDeltas(
      'ch:instagram',
      { firstDay: d('2026-01-01'), days: [d('2026-01-02'), d('2026-01-10')] },
      30,
      d('2026-01-05'),
    );
    expect(running(deltas, 'ch:instagram', 'active', d('2026-01-01'), d('2026-01-12'))).toEqual([
      0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0,
    ]);
    expect(running(deltas, 'ch:instagram', 'total', d('2026-01-01'), d('2026-01-06'))).toEqual([
      1, 1, 1, 1, 0, 0,
    ]);
    expect(
      activityDeltas('', { firstDay: d('2026-01-05'), days: [d('2026-01-05')] }, 30, d('2026-01-05')),
    ).toEqual([]);
  });

  it('marks returning days, weeks and months after the first, and the cohort months', () => {
    const deltas = activityDeltas(
      '',
      {
        firstDay: d('2026-01-30'),
        days: [d('2026-01-30'), d('2026-01-31'), d('2026-02-02'), d('2026-03-01')],
      },
      30,
      null,
    );
    const of = (metric: string) =>
      deltas.filter((x) => x.metric === metric).map((x) => `${x.dim}|${x.day}|${x.delta}`);
    expect(of('ret_d')).toEqual(['|2026-01-31|1', '|2026-02-02|1', '|2026-03-01|1']);
    // 01-30 and 01-31 are in the week of Monday 01-26; 02-02 and 03-01 start later weeks. Each
    // counts on the fan's first active day in the week or month.
    expect(of('ret_w')).toEqual(['|2026-02-02|1', '|2026-03-01|1']);
    expect(of('ret_m')).toEqual(['|2026-02-02|1', '|2026-03-01|1']);
    expect(of('co_active')).toEqual([
      'co:2026-01-01|2026-01-01|1',
      'co:2026-01-01|2026-02-01|1',
      'co:2026-01-01|2026-03-01|1',
    ]);
  });

  it.each([1, 2, 3, 4, 5])('adds up to a brute-force count of active fans (seed %i)', (seed) => {
    const rand = random(seed);
    const start = d('2026-01-01');
    const span = 120;
    const windowDays = 1 + Math.floor(rand() * 40);
    const fans = Array.from({ length: 60 }, () => {
      const firstDay = start + Math.floor(rand() * span);
      const days = unionDays(
        [],
        Array.from({ length: Math.floor(rand() * 8) }, () => firstDay + Math.floor(rand() * (span / 2))),
      );
      const erasedDay = rand() < 0.2 ? firstDay + Math.floor(rand() * span) : null;
      return { firstDay, days, erasedDay };
    });
    const all = fans.flatMap((fan) => activityDeltas('', fan, windowDays, fan.erasedDay));
    const series = running(all, '', 'active', start - 5, start + 2 * span);
    const brute = series.map((_, i) => {
      const day = start - 5 + i;
      return fans.filter(
        (fan) =>
          (fan.erasedDay === null || day < fan.erasedDay) &&
          fan.days.some((active) => active <= day && day < active + windowDays),
      ).length;
    });
    expect(series).toEqual(brute);
  });
});

describe('netDeltas', () => {
  it('keeps only what changed between two states of a fan', () => {
    const d = dayNumber;
    const before = activityDeltas('', { firstDay: d('2026-01-01'), days: [d('2026-01-01')] }, 30, null);
    const after = activityDeltas(
      '',
      { firstDay: d('2026-01-01'), days: unionDays([d('2026-01-01')], [d('2026-01-10')]) },
      30,
      null,
    );
    const net = netDeltas(before, after).filter((x) => x.metric === 'active');
    // Was active 01-01…01-30; now 01-01…02-08: nine more days at the end.
    expect(net.map((x) => `${x.day}|${x.delta}`).sort()).toEqual(['2026-01-31|1', '2026-02-09|-1']);
  });
});

import { expiryCutoff, localDate, timeZoneOffsetMs, windowEnd, windowStart } from './windows';

const HOUR_MS = 60 * 60 * 1000;

function iso(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}

function start(window: 'day' | 'week' | 'month', at: string, zone: string): string | null {
  return iso(windowStart(window, new Date(at), zone));
}

function end(window: 'day' | 'week' | 'month', at: string, zone: string): string | null {
  return iso(windowEnd(window, new Date(at), zone));
}

function dayLengthHours(at: string, zone: string): number {
  const from = windowStart('day', new Date(at), zone) as Date;
  const to = windowEnd('day', new Date(at), zone) as Date;
  return (to.getTime() - from.getTime()) / HOUR_MS;
}

describe('localDate', () => {
  it('gives the calendar date in the zone, not in UTC', () => {
    expect(localDate(new Date('2026-03-09T03:30:00Z'), 'America/New_York')).toBe('2026-03-08');
    expect(localDate(new Date('2026-05-01T18:30:00Z'), 'Asia/Kolkata')).toBe('2026-05-02');
    expect(localDate(new Date('2026-05-01T18:29:59Z'), 'Asia/Kolkata')).toBe('2026-05-01');
    expect(localDate(new Date('2026-12-31T23:30:00Z'), 'Europe/Berlin')).toBe('2027-01-01');
    expect(localDate(new Date('2026-01-01T00:00:00Z'), 'UTC')).toBe('2026-01-01');
  });

  it('rejects invalid dates and unknown zones', () => {
    expect(() => localDate(new Date('nope'), 'UTC')).toThrow(RangeError);
    expect(() => localDate(new Date(), 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('timeZoneOffsetMs', () => {
  it('knows half-hour and 45-minute offsets', () => {
    expect(timeZoneOffsetMs(new Date('2026-01-15T00:00:00Z'), 'Asia/Kolkata')).toBe(5.5 * HOUR_MS);
    expect(timeZoneOffsetMs(new Date('2026-01-15T00:00:00Z'), 'Pacific/Chatham')).toBe(13.75 * HOUR_MS);
    expect(timeZoneOffsetMs(new Date('2026-07-15T00:00:00Z'), 'Pacific/Chatham')).toBe(12.75 * HOUR_MS);
    expect(timeZoneOffsetMs(new Date('2026-07-15T00:00:00Z'), 'America/New_York')).toBe(-4 * HOUR_MS);
  });
});

describe('windowStart and windowEnd in Europe/Berlin', () => {
  const zone = 'Europe/Berlin';

  it('makes 29 March 2026 (clocks go forward) a 23-hour day', () => {
    expect(start('day', '2026-03-29T12:00:00Z', zone)).toBe('2026-03-28T23:00:00.000Z');
    expect(end('day', '2026-03-29T12:00:00Z', zone)).toBe('2026-03-29T22:00:00.000Z');
    expect(dayLengthHours('2026-03-29T12:00:00Z', zone)).toBe(23);
    // Either side of the jump from 02:00 to 03:00 the day is the same.
    expect(start('day', '2026-03-29T00:59:59Z', zone)).toBe('2026-03-28T23:00:00.000Z');
    expect(start('day', '2026-03-29T01:00:00Z', zone)).toBe('2026-03-28T23:00:00.000Z');
  });

  it('switches days exactly at local midnight before the spring change', () => {
    // 23:59:59.999 on Saturday 28 March, then 00:00 on Sunday.
    expect(start('day', '2026-03-28T22:59:59.999Z', zone)).toBe('2026-03-27T23:00:00.000Z');
    expect(start('day', '2026-03-28T23:00:00.000Z', zone)).toBe('2026-03-28T23:00:00.000Z');
  });

  it('makes 25 October 2026 (clocks go back) a 25-hour day, including both 02:30s', () => {
    expect(start('day', '2026-10-25T12:00:00Z', zone)).toBe('2026-10-24T22:00:00.000Z');
    expect(end('day', '2026-10-25T12:00:00Z', zone)).toBe('2026-10-25T23:00:00.000Z');
    expect(dayLengthHours('2026-10-25T12:00:00Z', zone)).toBe(25);
    expect(start('day', '2026-10-25T00:30:00Z', zone)).toBe('2026-10-24T22:00:00.000Z'); // 02:30 CEST
    expect(start('day', '2026-10-25T01:30:00Z', zone)).toBe('2026-10-24T22:00:00.000Z'); // 02:30 CET
  });

  it('switches days exactly at local midnight after the autumn change', () => {
    expect(start('day', '2026-10-25T22:59:59.999Z', zone)).toBe('2026-10-24T22:00:00.000Z');
    expect(start('day', '2026-10-25T23:00:00.000Z', zone)).toBe('2026-10-25T23:00:00.000Z');
  });

  it('starts weeks on the ISO Monday, also across a clock change and a new year', () => {
    // Sunday 29 March 2026 belongs to the week from Monday 23 March (still winter time).
    expect(start('week', '2026-03-29T21:59:59Z', zone)).toBe('2026-03-22T23:00:00.000Z');
    expect(end('week', '2026-03-29T21:59:59Z', zone)).toBe('2026-03-29T22:00:00.000Z');
    // Monday 00:00 local opens a new week.
    expect(start('week', '2026-03-29T22:00:00Z', zone)).toBe('2026-03-29T22:00:00.000Z');
    // Friday 1 January 2027 belongs to the week from Monday 28 December 2026.
    expect(start('week', '2027-01-01T10:00:00Z', zone)).toBe('2026-12-27T23:00:00.000Z');
    expect(end('week', '2027-01-01T10:00:00Z', zone)).toBe('2027-01-03T23:00:00.000Z');
  });

  it('starts months on the 1st at local midnight', () => {
    expect(start('month', '2026-03-31T21:59:59Z', zone)).toBe('2026-02-28T23:00:00.000Z');
    expect(end('month', '2026-03-31T21:59:59Z', zone)).toBe('2026-03-31T22:00:00.000Z');
    expect(start('month', '2026-03-31T22:00:00Z', zone)).toBe('2026-03-31T22:00:00.000Z');
    expect(start('month', '2026-12-31T23:30:00Z', zone)).toBe('2026-12-31T23:00:00.000Z');
    expect(end('month', '2026-12-15T12:00:00Z', zone)).toBe('2026-12-31T23:00:00.000Z');
  });
});

describe('windowStart and windowEnd in other zones', () => {
  it('America/New_York: 8 March 2026 has 23 hours, 1 November 25', () => {
    expect(start('day', '2026-03-09T03:59:59Z', 'America/New_York')).toBe('2026-03-08T05:00:00.000Z');
    expect(end('day', '2026-03-08T12:00:00Z', 'America/New_York')).toBe('2026-03-09T04:00:00.000Z');
    expect(dayLengthHours('2026-03-08T12:00:00Z', 'America/New_York')).toBe(23);
    expect(dayLengthHours('2026-11-01T12:00:00Z', 'America/New_York')).toBe(25);
  });

  it('Asia/Kolkata: midnight at 18:30 UTC', () => {
    expect(start('day', '2026-05-01T18:29:59Z', 'Asia/Kolkata')).toBe('2026-04-30T18:30:00.000Z');
    expect(start('day', '2026-05-01T18:30:00Z', 'Asia/Kolkata')).toBe('2026-05-01T18:30:00.000Z');
    expect(start('month', '2026-05-20T00:00:00Z', 'Asia/Kolkata')).toBe('2026-04-30T18:30:00.000Z');
  });

  it('Australia/Lord_Howe: half-hour clock changes give days of 24.5 and 23.5 hours', () => {
    expect(start('day', '2026-04-05T02:00:00Z', 'Australia/Lord_Howe')).toBe('2026-04-04T13:00:00.000Z');
    expect(end('day', '2026-04-05T02:00:00Z', 'Australia/Lord_Howe')).toBe('2026-04-05T13:30:00.000Z');
    expect(dayLengthHours('2026-04-05T02:00:00Z', 'Australia/Lord_Howe')).toBe(24.5);
    expect(dayLengthHours('2026-10-04T02:00:00Z', 'Australia/Lord_Howe')).toBe(23.5);
  });

  it('Pacific/Chatham: +13:45 to +12:45 on 5 April 2026', () => {
    // 00:00 UTC is 13:45 local on 5 April, after the change at 03:45 → 02:45.
    expect(start('day', '2026-04-05T00:00:00Z', 'Pacific/Chatham')).toBe('2026-04-04T10:15:00.000Z');
    expect(end('day', '2026-04-05T00:00:00Z', 'Pacific/Chatham')).toBe('2026-04-05T11:15:00.000Z');
    expect(dayLengthHours('2026-04-05T00:00:00Z', 'Pacific/Chatham')).toBe(25);
    expect(start('day', '2026-04-05T11:14:59Z', 'Pacific/Chatham')).toBe('2026-04-04T10:15:00.000Z');
    expect(start('day', '2026-04-05T11:15:00Z', 'Pacific/Chatham')).toBe('2026-04-05T11:15:00.000Z');
  });

  it('America/Santiago: a day whose midnight does not exist starts when the clocks jump', () => {
    // On 6 September 2026 clocks go from 00:00 straight to 01:00 (-04:00 → -03:00).
    expect(start('day', '2026-09-06T04:30:00Z', 'America/Santiago')).toBe('2026-09-06T04:00:00.000Z');
    expect(end('day', '2026-09-05T12:00:00Z', 'America/Santiago')).toBe('2026-09-06T04:00:00.000Z');
    expect(start('day', '2026-09-06T03:59:59Z', 'America/Santiago')).toBe('2026-09-05T04:00:00.000Z');
    expect(dayLengthHours('2026-09-06T12:00:00Z', 'America/Santiago')).toBe(23);
  });

  it('America/Santiago: when clocks go back from 00:00 to 23:00, the repeated hour is still Saturday', () => {
    expect(start('day', '2026-04-05T03:30:00Z', 'America/Santiago')).toBe('2026-04-04T03:00:00.000Z');
    expect(start('day', '2026-04-05T04:00:00Z', 'America/Santiago')).toBe('2026-04-05T04:00:00.000Z');
    expect(dayLengthHours('2026-04-04T12:00:00Z', 'America/Santiago')).toBe(25);
  });
});

describe('campaign and lifetime windows', () => {
  const at = new Date('2026-05-01T12:00:00Z');

  it('campaign windows start with the campaign, and need its start', () => {
    const startsAt = new Date('2026-04-01T08:00:00Z');
    const result = windowStart('campaign', at, 'Europe/Berlin', startsAt);
    expect(result?.toISOString()).toBe('2026-04-01T08:00:00.000Z');
    expect(result).not.toBe(startsAt);
    expect(() => windowStart('campaign', at, 'Europe/Berlin')).toThrow(/campaign start/);
    expect(windowEnd('campaign', at, 'Europe/Berlin')).toBeNull();
  });

  it('lifetime windows have no bounds', () => {
    expect(windowStart('lifetime', at, 'Europe/Berlin')).toBeNull();
    expect(windowEnd('lifetime', at, 'Europe/Berlin')).toBeNull();
  });

  it('rejects invalid instants and unknown zones', () => {
    expect(() => windowStart('day', new Date('nope'), 'UTC')).toThrow(RangeError);
    expect(() => windowStart('day', at, 'Not/AZone')).toThrow(RangeError);
  });
});

describe('window invariants over a year of instants', () => {
  const zones = [
    'Europe/Berlin',
    'America/New_York',
    'Asia/Kolkata',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'America/Santiago',
  ];

  it.each(zones)(
    '%s: every instant lies in its day, week and month, each starting on its first local day',
    (zone) => {
      const problems: string[] = [];
      const from = Date.parse('2026-01-01T00:00:00Z');
      // Steps of 7 h 13 min 17 s drift through every hour of the day and every day of the week.
      const step = 7 * HOUR_MS + 13 * 60_000 + 17_000;
      for (let t = from; t < from + 366 * 24 * HOUR_MS; t += step) {
        const at = new Date(t);
        const date = localDate(at, zone);
        for (const window of ['day', 'week', 'month'] as const) {
          const first = windowStart(window, at, zone) as Date;
          const next = windowEnd(window, at, zone) as Date;
          const firstDate = localDate(first, zone);
          const expectedFirstDate =
            window === 'day' ? date : window === 'month' ? `${date.slice(0, 7)}-01` : firstDate; // checked below: a Monday within the last 7 days
          const fine =
            first.getTime() <= t &&
            t < next.getTime() &&
            firstDate === expectedFirstDate &&
            // Both boundaries are the very first instant of their local day.
            localDate(new Date(first.getTime() - 1), zone) !== firstDate &&
            localDate(new Date(next.getTime() - 1), zone) !== localDate(next, zone) &&
            (window !== 'week' ||
              (new Date(`${firstDate}T00:00:00Z`).getUTCDay() === 1 &&
                Date.parse(`${date}T00:00:00Z`) - Date.parse(`${firstDate}T00:00:00Z`) < 7 * 24 * HOUR_MS));
          if (!fine) {
            problems.push(`${window} of ${at.toISOString()}: ${first.toISOString()} – ${next.toISOString()}`);
          }
        }
      }
      expect(problems).toEqual([]);
    },
  );
});

describe('expiryCutoff', () => {
  it('is the start of the local day N days before today', () => {
    // 15 April 2026, 10:00 in Berlin (summer time): 30 days back is 16 March, winter time.
    const { cutoff, date } = expiryCutoff(new Date('2026-04-15T08:00:00Z'), 30, 'Europe/Berlin');
    expect(date).toBe('2026-03-16');
    expect(cutoff.toISOString()).toBe('2026-03-15T23:00:00.000Z');
  });

  it('uses the local date, not the UTC one, just after local midnight', () => {
    // 00:30 on 1 April in Berlin is still 31 March in UTC.
    const { date } = expiryCutoff(new Date('2026-03-31T22:30:00Z'), 1, 'Europe/Berlin');
    expect(date).toBe('2026-03-31');
  });

  it('crosses month and year ends and handles zones west of UTC', () => {
    const { cutoff, date } = expiryCutoff(new Date('2026-01-10T12:00:00Z'), 365, 'America/New_York');
    expect(date).toBe('2025-01-10');
    expect(cutoff.toISOString()).toBe('2025-01-10T05:00:00.000Z');
  });

  it('starts a day that skips midnight at the transition', () => {
    // Santiago springs forward at midnight: 7 September 2025 begins at 01:00 local (04:00 UTC).
    const { cutoff } = expiryCutoff(new Date('2025-09-08T15:00:00Z'), 1, 'America/Santiago');
    expect(cutoff.toISOString()).toBe('2025-09-07T04:00:00.000Z');
  });

  it('refuses a number of days that is not a positive whole number', () => {
    expect(() => expiryCutoff(new Date(), 0, 'UTC')).toThrow(RangeError);
    expect(() => expiryCutoff(new Date(), 1.5, 'UTC')).toThrow(RangeError);
  });
});

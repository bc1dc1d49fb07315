import { DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS } from '../config/config';
import { retryDelayMs } from './retry-schedule';

describe('retryDelayMs', () => {
  const schedule = [30_000, 120_000, 600_000];

  it('follows the schedule, one step per failed attempt, then gives up', () => {
    expect(retryDelayMs(schedule, 1, 0.5)).toBe(30_000);
    expect(retryDelayMs(schedule, 2, 0.5)).toBe(120_000);
    expect(retryDelayMs(schedule, 3, 0.5)).toBe(600_000);
    expect(retryDelayMs(schedule, 4, 0.5)).toBeNull();
  });

  it('spreads each wait by ±20 %', () => {
    expect(retryDelayMs(schedule, 1, 0)).toBe(24_000);
    expect(retryDelayMs(schedule, 1, 0.999_999)).toBeCloseTo(36_000, -1);
    for (let i = 0; i < 1000; i += 1) {
      const delay = retryDelayMs(schedule, 2) ?? 0;
      expect(delay).toBeGreaterThanOrEqual(96_000);
      expect(delay).toBeLessThanOrEqual(144_000);
    }
  });

  it('gives up after about three days on the default schedule', () => {
    let total = 0;
    let attempts = 1;
    for (let delay = retryDelayMs(DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS, attempts, 0.5); delay !== null;) {
      total += delay;
      attempts += 1;
      delay = retryDelayMs(DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS, attempts, 0.5);
    }
    expect(attempts).toBe(11);
    expect(total / 86_400_000).toBeCloseTo(2.95, 1);
  });
});

import { describe, expect, it } from 'vitest';

import { hasPending, readSummary } from './delivery-summary';

describe('delivery summaries', () => {
  it('reads what a processed delivery came to, outcomes in a fixed order and without zeros', () => {
    const summary = readSummary({
      test: false,
      events: 4,
      outcomes: { no_match: 1, awarded: 2, capped: 0, duplicate: 1 },
      points: 20,
      skipped: 1,
      skippedItems: [{ path: 'entry[0].changes[1]', reason: 'a reaction on a comment' }],
      rejectedItems: [{ id: 'meta:c:1', reasons: ['occurredAt is too far in the future'] }],
      links: [
        { linked: true, code: 'FAN-7K2Q9M', fanId: 'f1', identityId: 'i1', mergedFanId: null },
        { linked: false, code: 'FAN-AAAAAA', reason: 'unknown code' },
      ],
    });
    expect(summary).toEqual({
      test: false,
      events: 4,
      outcomes: [
        { outcome: 'awarded', count: 2 },
        { outcome: 'no_match', count: 1 },
        { outcome: 'duplicate', count: 1 },
      ],
      points: 20,
      skipped: 1,
      skippedItems: [{ path: 'entry[0].changes[1]', reason: 'a reaction on a comment' }],
      rejectedItems: [{ id: 'meta:c:1', reasons: ['occurredAt is too far in the future'] }],
      links: [
        { linked: true, code: 'FAN-7K2Q9M', fanId: 'f1' },
        { linked: false, code: 'FAN-AAAAAA', reason: 'unknown code' },
      ],
      previewed: null,
    });
  });

  it('counts the events a test delivery would book', () => {
    const summary = readSummary({ test: true, events: 1, outcomes: {}, points: 0, preview: [{ id: 'x' }] });
    expect(summary?.test).toBe(true);
    expect(summary?.previewed).toBe(1);
    expect(summary?.outcomes).toEqual([]);
    expect(summary?.links).toEqual([]);
  });

  it('has no summary while pending or failed, and survives fields of the wrong kind', () => {
    expect(readSummary(null)).toBeNull();
    const odd = readSummary({ events: '3', outcomes: [], links: 'x', skippedItems: [null, 3] });
    expect(odd).toMatchObject({ events: 0, outcomes: [], links: [], skippedItems: [] });
  });

  it('keeps asking while any delivery is pending', () => {
    expect(hasPending([{ status: 'processed' }, { status: 'pending' }])).toBe(true);
    expect(hasPending([{ status: 'processed' }, { status: 'failed' }])).toBe(false);
    expect(hasPending([])).toBe(false);
  });
});

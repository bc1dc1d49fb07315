import { ValidationFailed } from '../common/errors/domain-error';
import { contentId, type ImportColumns, propertyValue, readHeader, readRow } from './import-rows';

const NOW = new Date('2026-03-01T12:00:00Z');
const COMMA = { decimalComma: false };
const HEADER = [
  'id',
  'type',
  'channel',
  'occurred_at',
  'fan_external_id',
  'fan_handle',
  'fan_display_name',
  'fan_email',
  'properties',
  'prop.amount',
];

function row(values: Partial<Record<string, string>>, header: readonly string[] = HEADER): string[] {
  return header.map((column) => values[column] ?? '');
}

function headerErrors(fields: string[]): Array<{ field: string; reason: string }> {
  try {
    readHeader(fields);
  } catch (error) {
    if (error instanceof ValidationFailed) return error.extras.errors ?? [];
    throw error;
  }
  return [];
}

describe('readHeader', () => {
  it('finds the columns in any order, case and spacing aside', () => {
    const columns = readHeader([' Type ', 'OCCURRED_AT', 'channel', 'prop.Amount', 'id']);
    expect(columns).toEqual<ImportColumns>({
      known: { type: 0, occurred_at: 1, channel: 2, id: 4 },
      properties: [{ name: 'Amount', index: 3 }],
      count: 5,
    });
  });

  it('names each required column that is missing', () => {
    expect(headerErrors(['id', 'type'])).toEqual([
      { field: 'channel', reason: expect.stringContaining('required column') },
      { field: 'occurred_at', reason: expect.stringContaining('required column') },
    ]);
  });

  it('refuses unknown, repeated, nameless and prototype-reaching columns', () => {
    const errors = headerErrors([
      'type',
      'channel',
      'occurred_at',
      'fan_extrenal_id',
      'Type',
      '',
      'prop.',
      'prop.__proto__',
    ]);
    expect(errors.map((error) => error.field)).toEqual([
      'fan_extrenal_id',
      'Type',
      'column 6',
      'prop.',
      'prop.__proto__',
    ]);
    expect(errors[0]?.reason).toMatch(/prop\.<name>/);
  });
});

describe('readRow', () => {
  const columns = readHeader(HEADER);

  it('reads a full row into the event POST …/events takes', () => {
    const result = readRow(
      row({
        id: 'order-1',
        type: 'purchase',
        channel: 'store',
        occurred_at: '2026-02-01T10:00:00+01:00',
        fan_external_id: ' cust-42 ',
        fan_handle: '@anna',
        fan_email: 'Anna@Example.com',
        properties: '{"items":3,"amount":1}',
        'prop.amount': '24.90',
      }),
      columns,
      COMMA,
      NOW,
    );
    expect(result).toEqual({
      ok: true,
      eventId: 'order-1',
      occurredAt: new Date('2026-02-01T09:00:00Z'),
      event: {
        id: 'order-1',
        type: 'purchase',
        channel: 'store',
        occurredAt: '2026-02-01T10:00:00+01:00',
        fan: { externalId: 'cust-42', handle: '@anna', email: 'Anna@Example.com' },
        // prop.<name> columns win over the JSON's keys.
        properties: { items: 3, amount: 24.9 },
      },
    });
  });

  it('leaves an event without fan columns unattributed', () => {
    const result = readRow(
      row({ id: 'm-1', type: 'mention', channel: 'instagram', occurred_at: '2026-02-01T10:00:00Z' }),
      columns,
      COMMA,
      NOW,
    );
    expect(result).toMatchObject({ ok: true, event: { id: 'm-1', type: 'mention' } });
    expect(result.ok && 'fan' in result.event).toBe(false);
  });

  it('names the columns of every reason, by the rules of the events API', () => {
    const result = readRow(
      row({
        id: 'x-1',
        type: 'tweet',
        occurred_at: '27.11.2025 10:15',
        fan_handle: '@anna',
        fan_email: 'not-an-email',
        properties: '{"hashtags": [',
      }),
      columns,
      COMMA,
      NOW,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.eventId).toBe('x-1');
    expect(result.errors.map((error) => error.field).sort()).toEqual(
      ['channel', 'fan_email', 'fan_external_id', 'occurred_at', 'properties', 'type'].sort(),
    );
    expect(result.errors.find((error) => error.field === 'properties')?.reason).toMatch(/not valid JSON/);
    expect(result.errors.find((error) => error.field === 'occurred_at')?.reason).toMatch(/ISO 8601/);
  });

  it('refuses properties that are not an object, and prototype poisoning', () => {
    for (const properties of ['[1,2]', '"text"', '{"__proto__":{"admin":true}}']) {
      const result = readRow(
        row({ id: 'p', type: 'like', channel: 'x', occurred_at: '2026-02-01T10:00:00Z', properties }),
        columns,
        COMMA,
        NOW,
      );
      expect(result).toMatchObject({ ok: false, errors: [{ field: 'properties' }] });
    }
  });

  it('refuses a row whose number of values differs from the header', () => {
    const result = readRow(['a', 'like', 'x'], columns, COMMA, NOW);
    expect(result).toMatchObject({ ok: false, eventId: 'a', errors: [{ field: 'row' }] });
    if (!result.ok)
      expect(result.errors[0]?.reason).toMatch(/has 3 values but the header row has 10 columns/);
  });

  it('refuses text that is not UTF-8 or holds NUL characters, by column', () => {
    const result = readRow(
      row({
        id: 'bad\u0000id',
        type: 'like',
        channel: 'x',
        occurred_at: '2026-02-01T10:00:00Z',
        fan_handle: 'M\uFFFDller',
      }),
      columns,
      COMMA,
      NOW,
    );
    expect(result).toMatchObject({
      ok: false,
      errors: [
        { field: 'id', reason: expect.stringMatching(/NUL/) },
        { field: 'fan_handle', reason: expect.stringMatching(/UTF-8/) },
        // A handle without the external id it belongs to.
        { field: 'fan_external_id' },
      ],
    });
  });

  it('refuses events in the future, as the API does', () => {
    const result = readRow(
      row({ id: 'f', type: 'like', channel: 'x', occurred_at: '2026-03-01T13:00:00Z' }),
      columns,
      COMMA,
      NOW,
    );
    expect(result).toMatchObject({
      ok: false,
      errors: [{ field: 'occurred_at', reason: expect.stringMatching(/future/) }],
    });
  });

  it('reads retractions with a retracts column', () => {
    const header = ['id', 'type', 'channel', 'occurred_at', 'retracts'];
    const retraction = readRow(
      ['r-1', 'retract', 'instagram', '2026-02-02T10:00:00Z', 'c-1'],
      readHeader(header),
      COMMA,
      NOW,
    );
    expect(retraction).toMatchObject({
      ok: true,
      event: { id: 'r-1', type: 'retract', retracts: 'c-1', occurredAt: '2026-02-02T10:00:00Z' },
    });
    const misplaced = readRow(
      ['c-2', 'comment', 'instagram', '2026-02-02T10:00:00Z', 'c-1'],
      readHeader(header),
      COMMA,
      NOW,
    );
    expect(misplaced).toMatchObject({ ok: false, errors: [{ field: 'retracts' }] });
  });

  describe('without an id column', () => {
    const header = ['type', 'channel', 'occurred_at', 'fan_external_id', 'fan_display_name', 'prop.amount'];
    const noIds = readHeader(header);
    const read = (values: string[]) => readRow(values, noIds, COMMA, NOW);

    it('identifies an event by what it says, not by its place in the file or the fan’s name', () => {
      const first = read(['purchase', 'store', '2026-02-01T10:00:00Z', 'c-1', 'Anna', '10']);
      const renamed = read(['purchase', 'store', '2026-02-01T11:00:00+01:00', 'c-1', 'Anna B.', '10']);
      const other = read(['purchase', 'store', '2026-02-01T10:00:00Z', 'c-1', 'Anna', '11']);
      expect(first.ok && renamed.ok && other.ok).toBe(true);
      if (!first.ok || !renamed.ok || !other.ok) return;
      expect(first.eventId).toMatch(/^import:[0-9a-f]{32}$/);
      expect(renamed.eventId).toBe(first.eventId);
      expect(other.eventId).not.toBe(first.eventId);
      expect(first.event.id).toBe(first.eventId);
    });
  });
});

describe('contentId', () => {
  it('does not depend on the order of property keys', () => {
    const at = new Date('2026-02-01T10:00:00Z');
    const a = contentId({ type: 'like', channel: 'x', properties: { a: 1, b: { c: 2, d: 3 } } }, at);
    const b = contentId({ type: 'like', channel: 'x', properties: { b: { d: 3, c: 2 }, a: 1 } }, at);
    expect(a).toBe(b);
  });
});

describe('propertyValue', () => {
  it('reads numbers and booleans that look like them, and leaves the rest text', () => {
    expect(propertyValue('24.90', COMMA)).toBe(24.9);
    expect(propertyValue('-3', COMMA)).toBe(-3);
    expect(propertyValue('0', COMMA)).toBe(0);
    expect(propertyValue('TRUE', COMMA)).toBe(true);
    expect(propertyValue('false', COMMA)).toBe(false);
    expect(propertyValue('007', COMMA)).toBe('007');
    expect(propertyValue('17841400000000001', COMMA)).toBe('17841400000000001');
    expect(propertyValue('1e5', COMMA)).toBe('1e5');
    expect(propertyValue('24,90', COMMA)).toBe('24,90');
    expect(propertyValue('1.234,50', { decimalComma: true })).toBe('1.234,50');
  });

  it('reads decimal commas in files that use semicolons', () => {
    expect(propertyValue('24,90', { decimalComma: true })).toBe(24.9);
  });
});

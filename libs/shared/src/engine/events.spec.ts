import {
  CHANNELS,
  EVENT_TYPES,
  isChannel,
  isEventType,
  isTooFarInFuture,
  MAX_FUTURE_SKEW_MS,
  propertiesByteLength,
  readProperty,
} from './events';

describe('isEventType', () => {
  it('accepts every built-in type', () => {
    for (const type of EVENT_TYPES) {
      expect(isEventType(type)).toBe(true);
    }
  });

  it('accepts custom types of 1–50 lower-case characters after custom:', () => {
    expect(isEventType('custom:newsletter_open')).toBe(true);
    expect(isEventType('custom:a')).toBe(true);
    expect(isEventType('custom:9-lives')).toBe(true);
    expect(isEventType(`custom:${'a'.repeat(50)}`)).toBe(true);
    expect(isEventType(`custom:${'a'.repeat(51)}`)).toBe(false);
  });

  it('rejects unknown, mis-cased and malformed types', () => {
    for (const value of [
      '',
      'Like',
      'retract',
      'custom:',
      'custom:_x',
      'custom:-x',
      'custom:Upper',
      'custom:a b',
      'custom:a.b',
      'custom:x\n',
      'CUSTOM:x',
      ' like',
    ]) {
      expect(isEventType(value)).toBe(false);
    }
    expect(isEventType(undefined)).toBe(false);
    expect(isEventType(42)).toBe(false);
  });
});

describe('isChannel', () => {
  it('knows the channels and nothing else', () => {
    for (const channel of CHANNELS) {
      expect(isChannel(channel)).toBe(true);
    }
    expect(isChannel('twitter')).toBe(false);
    expect(isChannel('Facebook')).toBe(false);
    expect(isChannel('google')).toBe(false);
    expect(isChannel('toString')).toBe(false);
    expect(isChannel(null)).toBe(false);
  });
});

describe('readProperty', () => {
  const properties = {
    amount: 12.5,
    order: { total: '19.99', items: [{ sku: 'A-1' }], nothing: null },
    hashtags: ['SoMeParade'],
    'dotted.key': 'flat',
  };

  it('reads top-level and nested own properties', () => {
    expect(readProperty(properties, 'amount')).toBe(12.5);
    expect(readProperty(properties, 'order.total')).toBe('19.99');
    expect(readProperty(properties, 'order.nothing')).toBeNull();
    expect(readProperty(properties, 'order.items.0.sku')).toBe('A-1');
    expect(readProperty(properties, 'hashtags')).toEqual(['SoMeParade']);
  });

  it('answers undefined for missing paths and for stepping into primitives', () => {
    expect(readProperty(properties, 'missing')).toBeUndefined();
    expect(readProperty(properties, 'order.missing.deeper')).toBeUndefined();
    expect(readProperty(properties, 'amount.value')).toBeUndefined();
    expect(readProperty(properties, 'order.nothing.x')).toBeUndefined();
    expect(readProperty(properties, '')).toBeUndefined();
    expect(readProperty(properties, 'order..total')).toBeUndefined();
    expect(readProperty(properties, 'dotted.key')).toBeUndefined();
    expect(readProperty(null, 'a')).toBeUndefined();
  });

  it('never reaches prototypes or inherited members', () => {
    expect(readProperty(properties, '__proto__')).toBeUndefined();
    expect(readProperty(properties, 'constructor')).toBeUndefined();
    expect(readProperty(properties, 'constructor.prototype')).toBeUndefined();
    expect(readProperty(properties, 'toString')).toBeUndefined();
    expect(readProperty(properties, 'hasOwnProperty')).toBeUndefined();
    expect(readProperty(properties, 'order.__proto__.toString')).toBeUndefined();
    expect(readProperty(Object.create({ inherited: 1 }) as object, 'inherited')).toBeUndefined();
  });

  it('ignores own __proto__, constructor and prototype keys that JSON.parse creates', () => {
    const parsed = JSON.parse(
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}, "prototype": 5}',
    ) as Record<string, unknown>;
    expect(Object.prototype.hasOwnProperty.call(parsed, '__proto__')).toBe(true);
    expect(readProperty(parsed, '__proto__')).toBeUndefined();
    expect(readProperty(parsed, '__proto__.polluted')).toBeUndefined();
    expect(readProperty(parsed, 'constructor.prototype.x')).toBeUndefined();
    expect(readProperty(parsed, 'prototype')).toBeUndefined();
  });

  it('reads data keys that shadow Object.prototype names', () => {
    const data = { hasOwnProperty: 'mine', valueOf: 3 };
    expect(readProperty(data, 'hasOwnProperty')).toBe('mine');
    expect(readProperty(data, 'valueOf')).toBe(3);
  });

  it('reads array elements by index only, not length or methods', () => {
    expect(readProperty({ tags: ['a', 'b'] }, 'tags.1')).toBe('b');
    expect(readProperty({ tags: ['a', 'b'] }, 'tags.length')).toBeUndefined();
    expect(readProperty({ tags: ['a', 'b'] }, 'tags.map')).toBeUndefined();
    expect(readProperty({ tags: ['a', 'b'] }, 'tags.01')).toBeUndefined();
    expect(readProperty({ text: 'hello' }, 'text.length')).toBeUndefined();
  });

  it('works on objects without a prototype', () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare.amount = 5;
    expect(readProperty(bare, 'amount')).toBe(5);
  });
});

describe('event limits', () => {
  it('measures properties in UTF-8 bytes of their JSON', () => {
    expect(propertiesByteLength({})).toBe(2);
    expect(propertiesByteLength({ a: 'ä' })).toBe('{"a":"ä"}'.length + 1);
    expect(propertiesByteLength({ text: 'x'.repeat(16 * 1024) })).toBeGreaterThan(16 * 1024);
  });

  it('rejects occurredAt only beyond five minutes in the future', () => {
    const now = new Date('2026-05-01T12:00:00Z');
    expect(isTooFarInFuture(new Date(now.getTime() + MAX_FUTURE_SKEW_MS), now)).toBe(false);
    expect(isTooFarInFuture(new Date(now.getTime() + MAX_FUTURE_SKEW_MS + 1), now)).toBe(true);
    expect(isTooFarInFuture(new Date('2020-01-01T00:00:00Z'), now)).toBe(false);
  });
});

import { isUuid, uuidv7, uuidv7Time } from './uuidv7';

describe('uuidv7', () => {
  it('produces RFC 9562 version 7 ids with the variant bits set', () => {
    const id = uuidv7();
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
  });

  it('encodes the creation time in the first 48 bits', () => {
    // Later than any id generated so far: earlier times are clamped to keep ids increasing.
    const at = Date.now() + 3_600_000 + 123;
    expect(uuidv7Time(uuidv7(at)).getTime()).toBe(at);
  });

  it('never goes backwards when the clock does', () => {
    const first = uuidv7(Date.now() + 7_200_000);
    const afterClockStep = uuidv7(Date.now());
    expect(afterClockStep > first).toBe(true);
  });

  it('sorts in generation order, also within one millisecond', () => {
    const at = Date.now() + 10_800_000;
    const ids = Array.from({ length: 5000 }, () => uuidv7(at));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

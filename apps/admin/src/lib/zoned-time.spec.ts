import { describe, expect, it } from 'vitest';

import { fromZonedInput, toZonedInput } from './zoned-time';

describe('zoned datetime-local values', () => {
  it('shows an instant on the zone’s wall clock', () => {
    expect(toZonedInput('2026-06-01T08:30:00Z', 'Europe/Berlin')).toBe('2026-06-01T10:30');
    expect(toZonedInput('2026-01-15T08:30:00Z', 'Europe/Berlin')).toBe('2026-01-15T09:30');
    expect(toZonedInput(null, 'Europe/Berlin')).toBe('');
  });

  it('reads a wall-clock time in the zone back as the same instant', () => {
    expect(fromZonedInput('2026-06-01T10:30', 'Europe/Berlin')).toBe('2026-06-01T08:30:00.000Z');
    expect(fromZonedInput('2026-01-15T09:30', 'Europe/Berlin')).toBe('2026-01-15T08:30:00.000Z');
    expect(fromZonedInput('2026-03-01T00:00', 'America/New_York')).toBe('2026-03-01T05:00:00.000Z');
  });

  it('refuses text that is not a time', () => {
    expect(fromZonedInput('', 'UTC')).toBeNull();
    expect(fromZonedInput('tomorrow', 'UTC')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';

import { formatCount, formatShare, formatSignedNumber, formatSignedShare } from './numbers';

// Intl puts a narrow no-break space before "%" in German; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('analytics numbers', () => {
  it('writes counts and shares the way each language does', () => {
    expect(formatCount(12345, 'en')).toBe('12,345');
    expect(formatCount(12345, 'de')).toBe('12.345');
    expect(formatShare(0.1234, 'en')).toBe('12.3%');
    expect(plain(formatShare(0.1234, 'de'))).toBe('12,3 %');
    expect(formatShare(null, 'en')).toBe('—');
  });

  it('signs changes, but not a change of zero', () => {
    expect(formatSignedShare(0.125, 'en')).toBe('+12.5%');
    expect(plain(formatSignedShare(-0.5, 'de'))).toBe('-50 %');
    expect(formatSignedShare(0, 'en')).toBe('0%');
    expect(formatSignedNumber(2.5, 'de')).toBe('+2,5');
    expect(formatSignedNumber(-20, 'en')).toBe('-20');
  });
});

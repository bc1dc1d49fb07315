import { type RewardSettings, settingsErrors, stockLevel } from './reward-settings';

const physical: RewardSettings = {
  kind: 'physical',
  downloadUrl: null,
  stock: 20,
  perFanLimit: null,
  perFanPeriod: null,
  availableFrom: null,
  availableUntil: null,
};

function fields(settings: Partial<RewardSettings>): string[] {
  return settingsErrors({ ...physical, ...settings }).map((error) => error.field);
}

describe('settingsErrors', () => {
  it('accepts a consistent reward', () => {
    expect(fields({})).toEqual([]);
    expect(fields({ kind: 'download', downloadUrl: 'https://example.com/book.pdf' })).toEqual([]);
    expect(fields({ kind: 'coupon', stock: null, perFanLimit: 1, perFanPeriod: 'month' })).toEqual([]);
  });

  it('names each field that does not fit', () => {
    expect(fields({ kind: 'download' })).toEqual(['downloadUrl']);
    expect(fields({ downloadUrl: 'https://example.com/x' })).toEqual(['downloadUrl']);
    expect(fields({ kind: 'coupon' })).toEqual(['stock']);
    expect(fields({ perFanLimit: 2 })).toEqual(['perFanPeriod']);
    expect(fields({ perFanPeriod: 'lifetime' })).toEqual(['perFanPeriod']);
    const at = new Date('2026-06-01T00:00:00Z');
    expect(fields({ availableFrom: at, availableUntil: at })).toEqual(['availableUntil']);
  });
});

describe('stockLevel', () => {
  it("reads a coupon's stock from its pool and flags low stock at the threshold", () => {
    const coupon = { kind: 'coupon' as const, stock: null, lowStockThreshold: 5 };
    expect(stockLevel(coupon, { available: 6, assigned: 0 })).toEqual({ stockLeft: 6, lowStock: false });
    expect(stockLevel(coupon, { available: 5, assigned: 1 })).toEqual({ stockLeft: 5, lowStock: true });
    expect(stockLevel({ ...physical, lowStockThreshold: 20 }, null)).toEqual({
      stockLeft: 20,
      lowStock: true,
    });
    expect(stockLevel({ ...physical, stock: null, lowStockThreshold: 0 }, null)).toEqual({
      stockLeft: null,
      lowStock: false,
    });
  });
});

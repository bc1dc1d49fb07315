import { type FieldError } from '../common/errors/domain-error';
import { type PerFanPeriod, type RewardKind } from './entities/reward.entity';

/** The settings of a reward that depend on each other, as they will be stored. */
export interface RewardSettings {
  kind: RewardKind;
  downloadUrl: string | null;
  stock: number | null;
  perFanLimit: number | null;
  perFanPeriod: PerFanPeriod | null;
  availableFrom: Date | null;
  availableUntil: Date | null;
}

/**
 * What does not fit together, by field: a download link for and only for downloads, no own stock
 * for coupons (their stock is the code pool), a period with and only with a per-fan limit, and an
 * availability window that ends after it starts. The table's checks say the same.
 */
export function settingsErrors(settings: RewardSettings): FieldError[] {
  const errors: FieldError[] = [];
  if (settings.kind === 'download' && settings.downloadUrl === null) {
    errors.push({ field: 'downloadUrl', reason: 'is required for a download reward' });
  }
  if (settings.kind !== 'download' && settings.downloadUrl !== null) {
    errors.push({
      field: 'downloadUrl',
      reason: `is only for download rewards: leave it out or null for a ${settings.kind} reward`,
    });
  }
  if (settings.kind === 'coupon' && settings.stock !== null) {
    errors.push({
      field: 'stock',
      reason: 'must be null for a coupon reward: its stock is the pool of codes that nobody holds yet',
    });
  }
  if (settings.perFanLimit !== null && settings.perFanPeriod === null) {
    errors.push({ field: 'perFanPeriod', reason: 'is required with perFanLimit: lifetime or month' });
  }
  if (settings.perFanLimit === null && settings.perFanPeriod !== null) {
    errors.push({ field: 'perFanPeriod', reason: 'only goes with perFanLimit: set both, or neither' });
  }
  if (
    settings.availableFrom !== null &&
    settings.availableUntil !== null &&
    settings.availableUntil.getTime() <= settings.availableFrom.getTime()
  ) {
    errors.push({ field: 'availableUntil', reason: 'must be after availableFrom' });
  }
  return errors;
}

/** A coupon reward's code pool. */
export interface CodeCounts {
  available: number;
  assigned: number;
}

export interface StockLevel {
  /** What can still be redeemed; null: unlimited. */
  stockLeft: number | null;
  /** A threshold is set and what is left has come down to it. */
  lowStock: boolean;
}

/** A coupon's stock is its unassigned codes; any other kind's is its own stock. */
export function stockLevel(
  reward: { kind: RewardKind; stock: number | null; lowStockThreshold: number | null },
  codes: CodeCounts | null,
): StockLevel {
  const stockLeft = reward.kind === 'coupon' ? (codes?.available ?? 0) : reward.stock;
  return {
    stockLeft,
    lowStock:
      reward.lowStockThreshold !== null && stockLeft !== null && stockLeft <= reward.lowStockThreshold,
  };
}

// How a reward reads in the catalogue: its name in the UI language first, and what is left of it.
import type { RewardDto } from '@/lib/api/types';

export interface RewardNames {
  /** The name in the UI language. */
  primary: string;
  /** The name in the other language. */
  secondary: string;
}

export function rewardNames(reward: Pick<RewardDto, 'nameDe' | 'nameEn'>, language: string): RewardNames {
  return language.startsWith('de')
    ? { primary: reward.nameDe, secondary: reward.nameEn }
    : { primary: reward.nameEn, secondary: reward.nameDe };
}

export type StockState = 'unlimited' | 'soldOut' | 'low' | 'ok';

export function stockState(reward: Pick<RewardDto, 'stockLeft' | 'lowStock'>): StockState {
  if (reward.stockLeft === null) {
    return 'unlimited';
  }
  if (reward.stockLeft <= 0) {
    return 'soldOut';
  }
  return reward.lowStock ? 'low' : 'ok';
}

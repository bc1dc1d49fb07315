import { describe, expect, it } from 'vitest';

import { rewardNames, stockState } from './reward-display';

describe('rewardNames', () => {
  const reward = { nameDe: 'Gratis Kaffee', nameEn: 'Free coffee' };

  it('puts the name in the UI language first', () => {
    expect(rewardNames(reward, 'de')).toEqual({ primary: 'Gratis Kaffee', secondary: 'Free coffee' });
    expect(rewardNames(reward, 'en')).toEqual({ primary: 'Free coffee', secondary: 'Gratis Kaffee' });
    expect(rewardNames(reward, 'de-AT').primary).toBe('Gratis Kaffee');
  });
});

describe('stockState', () => {
  it('tells unlimited, sold out, low and plenty apart', () => {
    expect(stockState({ stockLeft: null, lowStock: false })).toBe('unlimited');
    expect(stockState({ stockLeft: 0, lowStock: true })).toBe('soldOut');
    expect(stockState({ stockLeft: 3, lowStock: true })).toBe('low');
    expect(stockState({ stockLeft: 30, lowStock: false })).toBe('ok');
  });
});

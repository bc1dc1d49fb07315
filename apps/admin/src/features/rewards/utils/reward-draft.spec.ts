import { describe, expect, it } from 'vitest';

import type { RewardDto } from '@/lib/api/types';

import { draftErrors, fromReward, newRewardDraft, toRewardBody } from './reward-draft';

const toteBag: RewardDto = {
  id: '0190b3c4-0000-7000-8000-000000000010',
  nameDe: 'Stofftasche',
  nameEn: 'Tote bag',
  descriptionDe: 'Aus Baumwolle',
  descriptionEn: 'Cotton',
  imageUrl: null,
  costPoints: 500,
  kind: 'physical',
  downloadUrl: null,
  stock: 20,
  perFanLimit: 1,
  perFanPeriod: 'month',
  minTier: 'Gold',
  availableFrom: '2026-06-01T08:00:00.000Z',
  availableUntil: null,
  active: true,
  lowStockThreshold: 5,
  position: 0,
  codesAvailable: null,
  codesAssigned: null,
  stockLeft: 20,
  lowStock: false,
  createdAt: '2026-05-01T08:00:00.000Z',
  updatedAt: '2026-05-01T08:00:00.000Z',
};

describe('reward drafts', () => {
  it('edit the window on the brand’s wall clock and send instants', () => {
    const draft = fromReward(toteBag, 'Europe/Berlin');
    expect(draft.availableFrom).toBe('2026-06-01T10:00');
    expect(draft.availableUntil).toBe('');
    const body = toRewardBody({ ...draft, availableUntil: '2026-06-30T23:59' }, 'Europe/Berlin');
    expect(body.availableFrom).toBe('2026-06-01T08:00:00.000Z');
    expect(body.availableUntil).toBe('2026-06-30T21:59:00.000Z');
  });

  it('round-trip every field of a saved reward', () => {
    const body = toRewardBody(fromReward(toteBag, 'UTC'), 'UTC');
    expect(body).toEqual({
      nameDe: 'Stofftasche',
      nameEn: 'Tote bag',
      descriptionDe: 'Aus Baumwolle',
      descriptionEn: 'Cotton',
      imageUrl: null,
      costPoints: 500,
      kind: 'physical',
      downloadUrl: null,
      stock: 20,
      perFanLimit: 1,
      perFanPeriod: 'month',
      minTier: 'Gold',
      availableFrom: '2026-06-01T08:00:00.000Z',
      availableUntil: null,
      active: true,
      lowStockThreshold: 5,
    });
  });

  it('send empty numbers as unlimited and no period without a per-fan limit', () => {
    const body = toRewardBody(
      { ...newRewardDraft(), kind: 'custom', nameDe: ' Kurs ', nameEn: 'Class', costPoints: 100 },
      'UTC',
    );
    expect(body).toMatchObject({
      nameDe: 'Kurs',
      stock: null,
      perFanLimit: null,
      perFanPeriod: null,
      lowStockThreshold: null,
      availableFrom: null,
    });
  });

  it('clear what does not apply to the kind: stock for coupons, the link for all but downloads', () => {
    const draft = { ...fromReward(toteBag, 'UTC'), downloadUrl: 'https://example.com/book.pdf' };
    expect(toRewardBody({ ...draft, kind: 'coupon' }, 'UTC')).toMatchObject({
      stock: null,
      downloadUrl: null,
    });
    expect(toRewardBody({ ...draft, kind: 'download' }, 'UTC')).toMatchObject({
      stock: 20,
      downloadUrl: 'https://example.com/book.pdf',
    });
  });

  it('require both names, the cost and a download link for downloads', () => {
    expect(draftErrors({ ...newRewardDraft(), kind: 'download' })).toEqual({
      nameDe: 'required',
      nameEn: 'required',
      costPoints: 'required',
      downloadUrl: 'required',
    });
    expect(draftErrors(fromReward(toteBag, 'UTC'))).toEqual({});
  });

  it('flag fractions and a window that ends before it starts', () => {
    const errors = draftErrors({
      ...fromReward(toteBag, 'UTC'),
      stock: 2.5,
      availableFrom: '2026-06-02T10:00',
      availableUntil: '2026-06-01T10:00',
    });
    expect(errors).toEqual({ stock: 'wholeNumber', availableUntil: 'untilBeforeFrom' });
  });
});

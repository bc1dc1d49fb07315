// The reward form's working copy and the body it becomes. Field names are the API's, so the problem's
// `errors[]` land on the fields; the availability window is edited on the brand's wall clock
// (see lib/zoned-time).
import type { CreateRewardDto, PerFanPeriod, RewardDto, RewardKind } from '@/lib/api/types';
import { fromZonedInput, toZonedInput } from '@/lib/zoned-time';

export const REWARD_KINDS: RewardKind[] = ['coupon', 'download', 'physical', 'custom'];
export const PER_FAN_PERIODS: PerFanPeriod[] = ['lifetime', 'month'];

/** A number input's value: a number, or the text typed so far ('' for none). */
export type NumberDraft = number | string;

export interface RewardDraft {
  nameDe: string;
  nameEn: string;
  descriptionDe: string;
  descriptionEn: string;
  imageUrl: string;
  costPoints: NumberDraft;
  kind: RewardKind;
  downloadUrl: string;
  stock: NumberDraft;
  perFanLimit: NumberDraft;
  perFanPeriod: PerFanPeriod;
  minTier: string | null;
  availableFrom: string;
  availableUntil: string;
  active: boolean;
  lowStockThreshold: NumberDraft;
}

export type RewardDraftError = 'required' | 'wholeNumber' | 'untilBeforeFrom';

export function newRewardDraft(): RewardDraft {
  return {
    nameDe: '',
    nameEn: '',
    descriptionDe: '',
    descriptionEn: '',
    imageUrl: '',
    costPoints: '',
    kind: 'coupon',
    downloadUrl: '',
    stock: '',
    perFanLimit: '',
    perFanPeriod: 'lifetime',
    minTier: null,
    availableFrom: '',
    availableUntil: '',
    active: true,
    lowStockThreshold: '',
  };
}

const numberDraft = (value: number | null | undefined): NumberDraft => value ?? '';

export function fromReward(reward: RewardDto, timeZone: string): RewardDraft {
  return {
    nameDe: reward.nameDe,
    nameEn: reward.nameEn,
    descriptionDe: reward.descriptionDe,
    descriptionEn: reward.descriptionEn,
    imageUrl: reward.imageUrl ?? '',
    costPoints: reward.costPoints,
    kind: reward.kind,
    downloadUrl: reward.downloadUrl ?? '',
    stock: numberDraft(reward.stock),
    perFanLimit: numberDraft(reward.perFanLimit),
    perFanPeriod: reward.perFanPeriod ?? 'lifetime',
    minTier: reward.minTier,
    availableFrom: toZonedInput(reward.availableFrom, timeZone),
    availableUntil: toZonedInput(reward.availableUntil, timeZone),
    active: reward.active,
    lowStockThreshold: numberDraft(reward.lowStockThreshold),
  };
}

/** The typed number; null when nothing is typed (unlimited, no limit, no warning). */
function toNumberOrNull(value: NumberDraft): number | null {
  if (typeof value === 'number') {
    return value;
  }
  const trimmed = value.trim();
  return trimmed === '' ? null : Number(trimmed);
}

const textOrNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

function instant(text: string, timeZone: string): string | null {
  if (text.trim() === '') {
    return null;
  }
  // An unreadable time goes out as typed, so the API names the field.
  return fromZonedInput(text, timeZone) ?? text;
}

/**
 * The whole reward as the API takes it, for creating and for changing (a PATCH with every field).
 * Fields that do not apply to the kind are cleared: coupons have no stock of their own (the code
 * pool is their stock) and only download rewards have a link.
 */
export function toRewardBody(draft: RewardDraft, timeZone: string): CreateRewardDto {
  const perFanLimit = toNumberOrNull(draft.perFanLimit);
  return {
    nameDe: draft.nameDe.trim(),
    nameEn: draft.nameEn.trim(),
    descriptionDe: draft.descriptionDe.trim(),
    descriptionEn: draft.descriptionEn.trim(),
    imageUrl: textOrNull(draft.imageUrl),
    costPoints: toNumberOrNull(draft.costPoints) ?? 0,
    kind: draft.kind,
    downloadUrl: draft.kind === 'download' ? textOrNull(draft.downloadUrl) : null,
    stock: draft.kind === 'coupon' ? null : toNumberOrNull(draft.stock),
    perFanLimit,
    perFanPeriod: perFanLimit === null ? null : draft.perFanPeriod,
    minTier: draft.minTier,
    availableFrom: instant(draft.availableFrom, timeZone),
    availableUntil: instant(draft.availableUntil, timeZone),
    active: draft.active,
    lowStockThreshold: toNumberOrNull(draft.lowStockThreshold),
  };
}

function isWholeOrEmpty(value: NumberDraft): boolean {
  const number = toNumberOrNull(value);
  return number === null || Number.isInteger(number);
}

/** What the form can tell before asking the API; the API checks the same and more. */
export function draftErrors(draft: RewardDraft): Partial<Record<keyof RewardDraft, RewardDraftError>> {
  const errors: Partial<Record<keyof RewardDraft, RewardDraftError>> = {};
  if (draft.nameDe.trim() === '') {
    errors.nameDe = 'required';
  }
  if (draft.nameEn.trim() === '') {
    errors.nameEn = 'required';
  }
  if (toNumberOrNull(draft.costPoints) === null) {
    errors.costPoints = 'required';
  }
  if (draft.kind === 'download' && draft.downloadUrl.trim() === '') {
    errors.downloadUrl = 'required';
  }
  for (const field of ['costPoints', 'stock', 'perFanLimit', 'lowStockThreshold'] as const) {
    if (!errors[field] && !isWholeOrEmpty(draft[field])) {
      errors[field] = 'wholeNumber';
    }
  }
  const from = fromZonedInput(draft.availableFrom, 'UTC');
  const until = fromZonedInput(draft.availableUntil, 'UTC');
  if (from && until && until <= from) {
    errors.availableUntil = 'untilBeforeFrom';
  }
  return errors;
}

// What a delivery in the log came to, read from the API's `summary` (a free-form object in the
// contract, so every field is checked before it is shown), and the small rules of the log: badge
// colours, the outcomes worth a badge, and whether the log should keep asking.
import { CHANNELS } from '@fanfare/shared';
import type { TFunction } from 'i18next';

import type { HookDeliveryDto, HookDeliveryStatus } from '@/lib/api/types';

/** Outcome statuses of booked events, in the order the log lists them. */
export const OUTCOMES = ['awarded', 'no_match', 'capped', 'rejected', 'retracted', 'duplicate'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface SkippedItem {
  path: string;
  reason: string;
}

export interface RejectedItem {
  id: string | null;
  reasons: string[];
}

/** Why a code did not link, as the API names it (older log entries have only the English reason). */
export const LINK_FAILURES = ['unknown_code', 'wrong_channel', 'used', 'expired', 'fan_gone'] as const;
export type LinkFailure = (typeof LINK_FAILURES)[number];

export type LinkOutcome =
  | { linked: true; code: string; fanId: string | null }
  | {
      linked: false;
      code: string;
      failure: LinkFailure | null;
      reason: string;
      channels: { expected: string; got: string } | null;
    };

export interface DeliverySummary {
  test: boolean;
  events: number;
  outcomes: Array<{ outcome: Outcome; count: number }>;
  points: number;
  skipped: number;
  skippedItems: SkippedItem[];
  rejectedItems: RejectedItem[];
  links: LinkOutcome[];
  /** Test deliveries: how many events would have been booked. */
  previewed: number | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function readLink(value: unknown): LinkOutcome[] {
  if (!isRecord(value)) return [];
  const code = text(value.code) ?? '';
  if (value.linked === true) return [{ linked: true, code, fanId: text(value.fanId) }];
  const failure = LINK_FAILURES.find((known) => known === value.failure) ?? null;
  const channels = isRecord(value.channels) ? value.channels : null;
  const expected = text(channels?.expected);
  const got = text(channels?.got);
  return [
    {
      linked: false,
      code,
      failure,
      reason: text(value.reason) ?? '',
      channels: expected !== null && got !== null ? { expected, got } : null,
    },
  ];
}

/** Why a code did not link, in the UI language; the API's English reason for older log entries. */
export function linkFailureText(link: Extract<LinkOutcome, { linked: false }>, t: TFunction): string {
  const channel = (value: string) => {
    const known = CHANNELS.find((candidate) => candidate === value);
    return known ? t(`campaigns.channels.${known}`) : value;
  };
  switch (link.failure) {
    case 'unknown_code':
      return t('connections.log.linkFailure.unknownCode');
    case 'wrong_channel':
      return link.channels
        ? t('connections.log.linkFailure.wrongChannel', {
            expected: channel(link.channels.expected),
            got: channel(link.channels.got),
          })
        : link.reason;
    case 'used':
      return t('connections.log.linkFailure.used');
    case 'expired':
      return t('connections.log.linkFailure.expired');
    case 'fan_gone':
      return t('connections.log.linkFailure.fanGone');
    case null:
      return link.reason;
  }
}

/** The summary of a processed delivery; null while it is pending or when it failed. */
export function readSummary(summary: HookDeliveryDto['summary']): DeliverySummary | null {
  if (!isRecord(summary)) return null;
  const outcomes = isRecord(summary.outcomes) ? summary.outcomes : {};
  return {
    test: summary.test === true,
    events: count(summary.events),
    outcomes: OUTCOMES.map((outcome) => ({ outcome, count: count(outcomes[outcome]) })).filter(
      (entry) => entry.count > 0,
    ),
    points: count(summary.points),
    skipped: count(summary.skipped),
    skippedItems: list(summary.skippedItems).flatMap((item) =>
      isRecord(item) ? [{ path: text(item.path) ?? '', reason: text(item.reason) ?? '' }] : [],
    ),
    rejectedItems: list(summary.rejectedItems).flatMap((item) =>
      isRecord(item)
        ? [
            {
              id: text(item.id),
              reasons: list(item.reasons).flatMap((reason) => (typeof reason === 'string' ? [reason] : [])),
            },
          ]
        : [],
    ),
    links: list(summary.links).flatMap(readLink),
    previewed: Array.isArray(summary.preview) ? summary.preview.length : null,
  };
}

export function deliveryStatusColour(status: HookDeliveryStatus): string {
  switch (status) {
    case 'pending':
      return 'yellow';
    case 'processed':
      return 'teal';
    case 'failed':
      return 'red';
  }
}

/** A pending delivery is still on the job queue: its row will change within seconds. */
export function hasPending(deliveries: readonly Pick<HookDeliveryDto, 'status'>[]): boolean {
  return deliveries.some((delivery) => delivery.status === 'pending');
}

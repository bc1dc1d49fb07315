// What a delivery in the log came to, read from the API's `summary` (a free-form object in the
// contract, so every field is checked before it is shown), and the small rules of the log: badge
// colours, the outcomes worth a badge, and whether the log should keep asking.
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

export type LinkOutcome =
  { linked: true; code: string; fanId: string | null } | { linked: false; code: string; reason: string };

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
  return value.linked === true
    ? [{ linked: true, code, fanId: text(value.fanId) }]
    : [{ linked: false, code, reason: text(value.reason) ?? '' }];
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

/**
 * Engagement events as the earning engine sees them: the event types and channels Fanfare knows, the
 * facts a rule is evaluated against, and safe reads of an event's free-form `properties`.
 */

export const EVENT_TYPES = [
  'follow',
  'like',
  'comment',
  'share',
  'mention',
  'post',
  'review',
  'check_in',
  'purchase',
  'referral',
  'survey_response',
  'chat',
  'video_view',
  'signup',
] as const;
export type BuiltInEventType = (typeof EVENT_TYPES)[number];
export type EventType = BuiltInEventType | `custom:${string}`;

export const CHANNELS = [
  'facebook',
  'instagram',
  'x',
  'youtube',
  'tiktok',
  'whatsapp',
  'linkedin',
  'web',
  'store',
  'email',
  'other',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** A brand's own event types: `custom:` plus a lower-case name of 1–50 characters. */
export const CUSTOM_EVENT_TYPE_PATTERN = /^custom:[a-z0-9][a-z0-9_-]{0,49}$/;

/** Limits on an incoming event, shared by the API's validation and the admin's simulator form. */
export const MAX_PROPERTIES_BYTES = 16 * 1024;
export const MAX_EVENT_ID_LENGTH = 200;
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;

const BUILT_IN_EVENT_TYPES: ReadonlySet<string> = new Set(EVENT_TYPES);
const KNOWN_CHANNELS: ReadonlySet<string> = new Set(CHANNELS);

export function isEventType(value: unknown): value is EventType {
  return (
    typeof value === 'string' && (BUILT_IN_EVENT_TYPES.has(value) || CUSTOM_EVENT_TYPE_PATTERN.test(value))
  );
}

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && KNOWN_CHANNELS.has(value);
}

/** What a rule is evaluated against: the event without its sender id and fan identity. */
export interface EngagementEventFacts {
  type: string;
  channel: Channel;
  occurredAt: Date;
  properties: Record<string, unknown>;
}

/** Size of `properties` as the API receives it (UTF-8 JSON), to compare with MAX_PROPERTIES_BYTES. */
export function propertiesByteLength(properties: unknown): number {
  return new TextEncoder().encode(JSON.stringify(properties) ?? '').length;
}

/** True when `occurredAt` lies further in the future than senders' clocks may plausibly drift. */
export function isTooFarInFuture(occurredAt: Date, now: Date): boolean {
  return occurredAt.getTime() - now.getTime() > MAX_FUTURE_SKEW_MS;
}

/** Segments that would reach into an object's prototype instead of its data. */
export const FORBIDDEN_PATH_SEGMENTS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

const ARRAY_INDEX = /^(?:0|[1-9][0-9]{0,8})$/;

/**
 * Reads a dotted path (`order.total`, `items.0.sku`) from event properties. Only the data's own
 * properties are visible: inherited members (`toString`), prototype segments and array `length`
 * read as undefined, so a rule can never observe or reach anything but the sender's JSON.
 */
export function readProperty(properties: unknown, path: string): unknown {
  if (path.length === 0) {
    return undefined;
  }
  let current: unknown = properties;
  for (const segment of path.split('.')) {
    if (segment.length === 0 || FORBIDDEN_PATH_SEGMENTS.has(segment)) {
      return undefined;
    }
    if (typeof current !== 'object' || current === null) {
      return undefined;
    }
    if (Array.isArray(current) && !ARRAY_INDEX.test(segment)) {
      return undefined;
    }
    if (!Object.prototype.hasOwnProperty.call(current, segment)) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/**
 * Reads the body of POST …/events into events the engine can process, or per-event reasons why
 * not. A batch is never all-or-nothing: valid events go on, invalid ones come back `rejected`.
 */
import {
  type Channel,
  isChannel,
  isEventType,
  MAX_EVENT_ID_LENGTH,
  MAX_FUTURE_SKEW_MS,
  MAX_PROPERTIES_BYTES,
} from '@fanfare/shared';

import { type FieldError, ValidationFailed } from '../common/errors/domain-error';

export const MAX_BATCH = 1000;

export interface FanRef {
  externalId: string;
  handle: string | null;
  displayName: string | null;
  email: string | null;
}

export interface IncomingEvent {
  kind: 'event';
  index: number;
  id: string;
  type: string;
  channel: Channel;
  occurredAt: Date;
  fan: FanRef | null;
  properties: Record<string, unknown>;
}

export interface IncomingRetraction {
  kind: 'retract';
  index: number;
  id: string;
  retracts: string;
  occurredAt: Date;
}

export interface RejectedEvent {
  kind: 'rejected';
  index: number;
  /** The sender's id when it was readable. */
  id: string | null;
  errors: FieldError[];
}

export type ParsedEvent = IncomingEvent | IncomingRetraction | RejectedEvent;

const EVENT_FIELDS = new Set(['id', 'type', 'channel', 'occurredAt', 'fan', 'properties']);
const RETRACT_FIELDS = new Set(['id', 'type', 'retracts', 'occurredAt']);
const FAN_FIELDS = new Set(['externalId', 'handle', 'displayName', 'email']);
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** The body: one event, or `{ events: [...] }`. Shape errors of the body itself are a 400. */
export function readBody(body: unknown): { batch: boolean; items: unknown[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ValidationFailed([{ field: '', reason: 'the body must be an event or { "events": [...] }' }]);
  }
  if (!('events' in body)) {
    return { batch: false, items: [body] };
  }
  const extra = Object.keys(body).filter((key) => key !== 'events');
  if (extra.length > 0) {
    throw new ValidationFailed(extra.map((field) => ({ field, reason: 'is not a known field' })));
  }
  const { events } = body;
  if (!Array.isArray(events)) {
    throw new ValidationFailed([{ field: 'events', reason: 'must be an array of events' }]);
  }
  if (events.length === 0) {
    throw new ValidationFailed([{ field: 'events', reason: 'must hold at least one event' }]);
  }
  if (events.length > MAX_BATCH) {
    throw new ValidationFailed([
      { field: 'events', reason: `holds ${events.length} events; send at most ${MAX_BATCH} per request` },
    ]);
  }
  return { batch: true, items: events };
}

export function parseEvent(raw: unknown, index: number, now: Date, prefix: string): ParsedEvent {
  const errors: FieldError[] = [];
  const field = (name: string): string => `${prefix}${name}`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      kind: 'rejected',
      index,
      id: null,
      errors: [{ field: prefix.replace(/\.$/, ''), reason: 'must be an object' }],
    };
  }
  const input = raw as Record<string, unknown>;
  const id = typeof input.id === 'string' ? input.id : null;
  if (id === null || id.trim() === '') {
    errors.push({ field: field('id'), reason: 'is required: the sender’s unique id of the event' });
  } else if (id.length > MAX_EVENT_ID_LENGTH) {
    errors.push({ field: field('id'), reason: `must be at most ${MAX_EVENT_ID_LENGTH} characters` });
  }
  const occurredAt = readTime(input.occurredAt, now, field('occurredAt'), errors);

  if (input.type === 'retract') {
    unknownFields(input, RETRACT_FIELDS, prefix, errors);
    if (
      typeof input.retracts !== 'string' ||
      input.retracts === '' ||
      input.retracts.length > MAX_EVENT_ID_LENGTH
    ) {
      errors.push({ field: field('retracts'), reason: 'must be the id of the event to retract' });
    }
    if (errors.length > 0 || id === null) {
      return { kind: 'rejected', index, id, errors };
    }
    return { kind: 'retract', index, id, retracts: input.retracts as string, occurredAt: occurredAt ?? now };
  }

  unknownFields(input, EVENT_FIELDS, prefix, errors);
  if (typeof input.type !== 'string' || !isEventType(input.type)) {
    errors.push({
      field: field('type'),
      reason:
        'must be one of follow, like, comment, share, mention, post, review, check_in, purchase, referral, survey_response, chat, video_view, signup, custom:<name> or retract',
    });
  }
  if (typeof input.channel !== 'string' || !isChannel(input.channel)) {
    errors.push({
      field: field('channel'),
      reason:
        'must be one of facebook, instagram, x, youtube, tiktok, whatsapp, linkedin, web, store, email, other',
    });
  }
  if (input.occurredAt === undefined) {
    errors.push({ field: field('occurredAt'), reason: 'is required (ISO 8601)' });
  }
  const fan = readFan(input.fan, field('fan'), errors);
  let properties: Record<string, unknown> = {};
  if (input.properties !== undefined) {
    if (
      typeof input.properties !== 'object' ||
      input.properties === null ||
      Array.isArray(input.properties)
    ) {
      errors.push({ field: field('properties'), reason: 'must be an object' });
    } else {
      const json = JSON.stringify(input.properties);
      if (Buffer.byteLength(json) > MAX_PROPERTIES_BYTES) {
        errors.push({
          field: field('properties'),
          reason: `must be at most ${MAX_PROPERTIES_BYTES / 1024} KB as JSON`,
        });
      } else if (json.includes('\\u0000')) {
        errors.push({ field: field('properties'), reason: 'must not contain NUL characters' });
      }
    }
    if (errors.every((error) => error.field !== field('properties')) && isPlainObject(input.properties)) {
      properties = input.properties;
    }
  }
  if (errors.length > 0 || id === null || occurredAt === null) {
    return { kind: 'rejected', index, id, errors };
  }
  return {
    kind: 'event',
    index,
    id,
    type: input.type as string,
    channel: input.channel as Channel,
    occurredAt,
    fan,
    properties,
  };
}

function unknownFields(
  input: Record<string, unknown>,
  known: Set<string>,
  prefix: string,
  errors: FieldError[],
): void {
  for (const key of Object.keys(input)) {
    if (!known.has(key)) {
      errors.push({ field: `${prefix}${key}`, reason: 'is not a known field' });
    }
  }
}

function readTime(value: unknown, now: Date, field: string, errors: FieldError[]): Date | null {
  if (value === undefined) return null;
  if (typeof value !== 'string' || !ISO_8601.test(value) || Number.isNaN(Date.parse(value))) {
    errors.push({
      field,
      reason: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-11-27T10:15:00Z',
    });
    return null;
  }
  const at = new Date(value);
  if (at.getTime() > now.getTime() + MAX_FUTURE_SKEW_MS) {
    errors.push({ field, reason: 'lies more than 5 minutes in the future' });
    return null;
  }
  return at;
}

function readFan(value: unknown, field: string, errors: FieldError[]): FanRef | null {
  if (value === undefined || value === null) {
    // Unattributed (e.g. an Instagram mention without an author): stored, earns nothing.
    return null;
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    errors.push({ field, reason: 'must be an object with externalId' });
    return null;
  }
  const fan = value as Record<string, unknown>;
  for (const key of Object.keys(fan)) {
    if (!FAN_FIELDS.has(key)) errors.push({ field: `${field}.${key}`, reason: 'is not a known field' });
  }
  const text = (name: string, max: number, required: boolean): string | null => {
    const raw = fan[name];
    if (raw === undefined || raw === null) {
      if (required) errors.push({ field: `${field}.${name}`, reason: 'is required' });
      return null;
    }
    if (typeof raw !== 'string' || raw.trim() === '' || raw.length > max || raw.includes('\u0000')) {
      errors.push({
        field: `${field}.${name}`,
        reason: `must be a non-empty string of at most ${max} characters`,
      });
      return null;
    }
    return raw.trim();
  };
  const externalId = text('externalId', 200, true);
  const handle = text('handle', 100, false);
  const displayName = text('displayName', 200, false);
  const email = text('email', 254, false);
  if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    errors.push({ field: `${field}.email`, reason: 'must be an email address' });
  }
  return externalId === null
    ? null
    : { externalId, handle, displayName, email: email?.toLowerCase() ?? null };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

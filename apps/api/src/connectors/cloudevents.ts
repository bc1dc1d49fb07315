/**
 * CloudEvents 1.0 in the HTTP binding's structured and batch modes (JSON), read into Fanfare's own
 * event inputs, so a sender that already emits CloudEvents can post them unchanged. Only the envelope
 * is checked here; the mapped events then go through the events API's own validation, so there is one
 * set of rules for what an event may hold. Binary mode (ce-* headers) and data_base64 are not read.
 */
import { createHash } from 'node:crypto';

import { EVENT_TYPES, isEventType, MAX_EVENT_ID_LENGTH } from '@fanfare/shared';

import { type FieldError } from '../common/errors/domain-error';

export const CLOUDEVENTS_JSON = 'application/cloudevents+json';
export const CLOUDEVENTS_BATCH_JSON = 'application/cloudevents-batch+json';

/** An event or retraction in Fanfare's format, handed to the events API's validation unchanged. */
export type FanfareEventInput = Record<string, unknown>;

export type CloudEventResult =
  { ok: true; event: FanfareEventInput } | { ok: false; index: number; errors: FieldError[] };

/** The envelope attributes Fanfare reads; extension attributes are ignored. */
interface Envelope {
  id: string;
  source: string;
  type: string;
  time: string | undefined;
  subject: string | undefined;
  data: Record<string, unknown>;
}

const SPEC_VERSION = '1.0';
const RETRACT = 'retract';
const CUSTOM_SEGMENT = 'custom';
// RFC 3339 date-time, which CloudEvents requires of `time`.
const RFC_3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/** 'structured' | 'batch' | 'fanfare' from a Content-Type value; parameters such as charset are ignored. */
export function bodyKind(contentType: string | undefined): 'structured' | 'batch' | 'fanfare' {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType === CLOUDEVENTS_JSON) return 'structured';
  if (mediaType === CLOUDEVENTS_BATCH_JSON) return 'batch';
  return 'fanfare';
}

/**
 * Turns a structured (one object) or batch (array) CloudEvents body into Fanfare event inputs, one
 * result per CloudEvent, in order. An envelope error refuses only its own event, as in a Fanfare batch.
 *
 * - id: `{source}|{id}`, since source + id is what CloudEvents makes unique; when that is longer than a
 *   Fanfare id may be, `ce:` + its SHA-256 hex, so a redelivery still maps to the same id.
 * - type, first rule that applies:
 *   1. `data.type`, verbatim: for senders whose CloudEvents types follow their own naming
 *      (`com.shop.order.paid` with data.type `purchase`);
 *   2. the last dot segment of `type` when it is a Fanfare type or `retract`:
 *      `com.example.social.comment` → comment, `dev.fanfare.check_in` → check_in,
 *      `com.example.custom:unboxing` → custom:unboxing;
 *   3. `….custom.<name>` → `custom:<name>`: `com.example.custom.unboxing` → custom:unboxing.
 *   Anything else is refused rather than guessed: `com.example.comment.created` ends in a verb, and
 *   reading it as `custom:created` would award points for the wrong thing.
 * - occurredAt: `time` in UTC, else `receivedAt`.
 * - data.channel, data.fan and data.properties pass through; `subject` becomes the fan
 *   (`{ externalId: subject }`) when data.fan is absent and data.channel is given. Other data members
 *   are ignored.
 * - a retraction reads only data.retracts: the CloudEvents id of the event to reverse, from the same
 *   source, mapped to its Fanfare id by the id rule above.
 */
export function fromCloudEvents(
  body: unknown,
  contentType: 'structured' | 'batch',
  receivedAt: Date,
): CloudEventResult[] {
  const shapeError = bodyShapeError(body, contentType);
  if (shapeError !== null) {
    return [{ ok: false, index: 0, errors: [{ field: '', reason: shapeError }] }];
  }
  const items: unknown[] = Array.isArray(body) ? body : [body];
  return items.map((item, index) => fromCloudEvent(item, index, receivedAt));
}

function bodyShapeError(body: unknown, contentType: 'structured' | 'batch'): string | null {
  if (contentType === 'batch') {
    return Array.isArray(body)
      ? null
      : `a ${CLOUDEVENTS_BATCH_JSON} body must be a JSON array of CloudEvents`;
  }
  return isRecord(body)
    ? null
    : `a ${CLOUDEVENTS_JSON} body must be one CloudEvent (a JSON object); send several as ${CLOUDEVENTS_BATCH_JSON}`;
}

function fromCloudEvent(item: unknown, index: number, receivedAt: Date): CloudEventResult {
  if (!isRecord(item)) {
    return { ok: false, index, errors: [{ field: '', reason: 'must be a CloudEvent (a JSON object)' }] };
  }
  const envelope = readEnvelope(item);
  if (!('id' in envelope)) {
    return { ok: false, index, errors: envelope.errors };
  }
  const type = fanfareType(envelope);
  if (typeof type !== 'string') {
    return { ok: false, index, errors: [type] };
  }
  return { ok: true, event: toFanfareEvent(envelope, type, receivedAt) };
}

/** The envelope, or every reason it is not a CloudEvent Fanfare reads. */
function readEnvelope(event: Record<string, unknown>): Envelope | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (event.specversion !== SPEC_VERSION) {
    errors.push({
      field: 'specversion',
      reason:
        event.specversion === undefined
          ? 'is required and must be "1.0"'
          : 'must be "1.0": only CloudEvents 1.0 is accepted',
    });
  }
  const id = requiredText(event, 'id', errors);
  const source = requiredText(event, 'source', errors);
  const type = requiredText(event, 'type', errors);
  const time = readTime(event.time, errors);
  const subject = optionalText(event, 'subject', errors);
  if (event.data_base64 !== undefined) {
    errors.push({
      field: 'data_base64',
      reason: 'is not accepted: send the data as a JSON object in `data` (datacontenttype application/json)',
    });
  }
  const data = readData(event.data, errors);
  return errors.length > 0 ? { errors } : { id, source, type, time, subject, data };
}

function requiredText(event: Record<string, unknown>, name: string, errors: FieldError[]): string {
  const value = event[name];
  if (typeof value !== 'string' || value === '') {
    errors.push({ field: name, reason: 'is required: a non-empty string' });
    return '';
  }
  return value;
}

function optionalText(
  event: Record<string, unknown>,
  name: string,
  errors: FieldError[],
): string | undefined {
  const value = event[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') {
    errors.push({ field: name, reason: 'must be a non-empty string when given' });
    return undefined;
  }
  return value;
}

/** `time` in UTC ISO 8601, the form the events API reads; RFC 3339 also allows `t`, `z` and offsets. */
function readTime(value: unknown, errors: FieldError[]): string | undefined {
  if (value === undefined) return undefined;
  const at = typeof value === 'string' && RFC_3339.test(value) ? Date.parse(value.toUpperCase()) : NaN;
  if (Number.isNaN(at)) {
    errors.push({ field: 'time', reason: 'must be an RFC 3339 timestamp, e.g. 2026-11-27T10:15:00Z' });
    return undefined;
  }
  return new Date(at).toISOString();
}

function readData(value: unknown, errors: FieldError[]): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) {
    errors.push({
      field: 'data',
      reason: 'must be a JSON object such as { "channel", "fan", "properties" }',
    });
    return {};
  }
  return value;
}

/** The Fanfare type by the rules in fromCloudEvents' comment, or why there is none. */
function fanfareType(envelope: Envelope): string | FieldError {
  const declared = envelope.data.type;
  if (declared !== undefined) {
    return typeof declared === 'string' && declared !== ''
      ? declared
      : { field: 'data.type', reason: 'must be a Fanfare event type such as comment or custom:<name>' };
  }
  const segments = envelope.type.split('.');
  const last = segments.at(-1) ?? '';
  if (isEventType(last) || last === RETRACT) return last;
  if (segments.length >= 2 && segments.at(-2) === CUSTOM_SEGMENT && last !== '') return `custom:${last}`;
  return {
    field: 'type',
    reason: `names no Fanfare event type: end it in one of ${[...EVENT_TYPES, RETRACT].join(', ')} (e.g. com.example.social.comment), in .custom.<name>, or give data.type`,
  };
}

function toFanfareEvent(envelope: Envelope, type: string, receivedAt: Date): FanfareEventInput {
  const id = fanfareId(envelope.source, envelope.id);
  const occurredAt = envelope.time ?? receivedAt.toISOString();
  const { data } = envelope;
  if (type === RETRACT) {
    return { id, type, retracts: retractedId(envelope.source, data.retracts), occurredAt };
  }
  return withoutUndefined({
    id,
    type,
    channel: data.channel,
    occurredAt,
    // An explicit `fan: null` means unattributed, so only an absent fan falls back to the subject.
    fan: data.fan !== undefined ? data.fan : subjectAsFan(envelope),
    properties: data.properties,
  });
}

/** source + id, hashed when too long, so the same CloudEvent always has the same Fanfare id. */
function fanfareId(source: string, id: string): string {
  const key = `${source}|${id}`;
  return key.length <= MAX_EVENT_ID_LENGTH ? key : `ce:${createHash('sha256').update(key).digest('hex')}`;
}

/** A CloudEvents id maps like the event's own; anything else is left for the events API to refuse. */
function retractedId(source: string, retracts: unknown): unknown {
  return typeof retracts === 'string' && retracts !== '' ? fanfareId(source, retracts) : retracts;
}

/** CloudEvents' subject is the actor in practice; it names a fan only together with a channel. */
function subjectAsFan(envelope: Envelope): { externalId: string } | undefined {
  return envelope.data.channel !== undefined && envelope.subject !== undefined
    ? { externalId: envelope.subject }
    : undefined;
}

function withoutUndefined(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

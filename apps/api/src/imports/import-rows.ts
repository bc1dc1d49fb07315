/**
 * Reads the rows of an event import (CSV) into Fanfare events, checked by the same rules as
 * POST …/events (`parseEvent`), with the reasons named by the file's columns. Pure: reading the
 * stream and storing rows are the reader's and the service's jobs.
 */
import { createHash } from 'node:crypto';

import { FORBIDDEN_PATH_SEGMENTS } from '@fanfare/shared';

import { type FieldError, ValidationFailed } from '../common/errors/domain-error';
import { parseEvent } from '../events/event-input';

/** Columns every import needs. */
export const REQUIRED_COLUMNS = ['type', 'channel', 'occurred_at'] as const;
/** Columns an import may have besides the required ones and `prop.<name>`. */
export const OPTIONAL_COLUMNS = [
  'id',
  'fan_external_id',
  'fan_handle',
  'fan_display_name',
  'fan_email',
  'properties',
  'retracts',
] as const;
export const PROPERTY_PREFIX = 'prop.';
/** Events without an `id` get `import:` and a hash of what they say (see `contentId`). */
export const CONTENT_ID_PREFIX = 'import:';

type KnownColumn = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];
const KNOWN: ReadonlySet<string> = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]);

/** Where each column of the header is. */
export interface ImportColumns {
  known: Partial<Record<KnownColumn, number>>;
  /** `prop.<name>` columns: the property name and the column. */
  properties: Array<{ name: string; index: number }>;
  count: number;
}

/** How the file writes its values: German Excel files (semicolons) write decimal commas. */
export interface RowFormat {
  decimalComma: boolean;
}

export type ImportRow =
  | { ok: true; eventId: string; occurredAt: Date; event: Record<string, unknown> }
  | { ok: false; eventId: string | null; errors: FieldError[] };

/** The engine's field names → the file's column names, so reasons name what the user sees. */
const COLUMN_OF_FIELD: Record<string, string> = {
  id: 'id',
  type: 'type',
  channel: 'channel',
  occurredAt: 'occurred_at',
  fan: 'fan_external_id',
  'fan.externalId': 'fan_external_id',
  'fan.handle': 'fan_handle',
  'fan.displayName': 'fan_display_name',
  'fan.email': 'fan_email',
  properties: 'properties',
  retracts: 'retracts',
};

/** The header row: the required columns present, each column once, nothing unknown. */
export function readHeader(fields: readonly string[]): ImportColumns {
  const errors: FieldError[] = [];
  const columns: ImportColumns = { known: {}, properties: [], count: fields.length };
  const seen = new Set<string>();
  fields.forEach((raw, index) => {
    const name = raw.trim();
    const lower = name.toLowerCase();
    if (name === '') {
      errors.push({ field: `column ${index + 1}`, reason: 'has no name in the header row' });
      return;
    }
    const key = lower.startsWith(PROPERTY_PREFIX)
      ? `${PROPERTY_PREFIX}${name.slice(PROPERTY_PREFIX.length)}`
      : lower;
    if (seen.has(key)) {
      errors.push({ field: name, reason: 'appears twice in the header row' });
      return;
    }
    seen.add(key);
    if (lower.startsWith(PROPERTY_PREFIX)) {
      const property = name.slice(PROPERTY_PREFIX.length).trim();
      if (property === '') {
        errors.push({ field: name, reason: 'names no property: write prop.<name>, e.g. prop.amount' });
      } else if (FORBIDDEN_PATH_SEGMENTS.has(property)) {
        errors.push({ field: name, reason: 'is not a property name events may have' });
      } else {
        columns.properties.push({ name: property, index });
      }
    } else if (KNOWN.has(lower)) {
      columns.known[lower as KnownColumn] = index;
    } else {
      errors.push({
        field: name,
        reason: `is not a column of an event import; known columns are ${[...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS].join(', ')}, and prop.<name> for a property`,
      });
    }
  });
  for (const required of REQUIRED_COLUMNS) {
    if (columns.known[required] === undefined) {
      errors.push({ field: required, reason: 'is a required column and missing from the header row' });
    }
  }
  if (errors.length > 0) {
    throw new ValidationFailed(errors, 'The header row of the file is not valid; nothing was imported.');
  }
  return columns;
}

/**
 * One data row as the event it stands for, or the reasons it is not one. Values are trimmed and an
 * empty value is a missing one.
 */
export function readRow(
  fields: readonly string[],
  columns: ImportColumns,
  format: RowFormat,
  now: Date,
): ImportRow {
  const cell = (column: KnownColumn): string | undefined => {
    const index = columns.known[column];
    const value = index === undefined ? undefined : fields[index]?.trim();
    return value === '' ? undefined : value;
  };
  const givenId = cell('id');
  if (fields.length !== columns.count) {
    return {
      ok: false,
      eventId: givenId ?? null,
      errors: [
        {
          field: 'row',
          reason: `has ${fields.length} values but the header row has ${columns.count} columns (a delimiter inside a value that is not quoted?)`,
        },
      ],
    };
  }
  const errors: FieldError[] = [];
  fields.forEach((value, index) => {
    if (value.includes('\uFFFD')) {
      errors.push({
        field: columnName(columns, index),
        reason: 'is not valid UTF-8 text (save the file as UTF-8)',
      });
    } else if (value.includes('\u0000')) {
      errors.push({
        field: columnName(columns, index),
        reason: 'holds a NUL character, which cannot be stored',
      });
    }
  });
  // parseEvent needs an id; the content id is made once the event has been read.
  const id = givenId ?? `${CONTENT_ID_PREFIX}pending`;
  const type = cell('type');
  const occurredAt = cell('occurred_at');
  const retracts = cell('retracts');
  let raw: Record<string, unknown>;
  if (type === 'retract') {
    raw = { id, type, retracts, occurredAt };
  } else {
    if (retracts !== undefined) {
      errors.push({ field: 'retracts', reason: 'is only for rows of type retract' });
    }
    raw = { id, type, channel: cell('channel'), occurredAt };
    const fan = readFan(cell);
    if (fan) raw.fan = fan;
    const properties = readProperties(fields, columns, format, cell('properties'), errors);
    if (properties) raw.properties = properties;
  }
  const parsed = parseEvent(raw, 0, now, '');
  if (parsed.kind === 'rejected') {
    errors.push(
      ...parsed.errors.map((error) => ({
        field: COLUMN_OF_FIELD[error.field] ?? error.field,
        reason: error.reason,
      })),
    );
  }
  if (errors.length > 0 || parsed.kind === 'rejected') {
    return { ok: false, eventId: givenId ?? null, errors };
  }
  const eventId = givenId ?? contentId(raw, parsed.occurredAt);
  return { ok: true, eventId, occurredAt: parsed.occurredAt, event: { ...raw, id: eventId } };
}

/**
 * The id of an event whose row has none: a hash of what it says — type, channel, time, the fan's
 * external id, properties (and, for a retraction, what it retracts) — not of where it stands in
 * the file. So a corrected file sent again (bad rows fixed, good ones left in) books only what it
 * did not book before; the fan's name, handle and email are not part of it, so fixing those
 * books nothing twice either.
 */
export function contentId(raw: Record<string, unknown>, occurredAt: Date): string {
  const fan = raw.fan as { externalId?: unknown } | undefined;
  const identity = [
    raw.type,
    raw.channel ?? null,
    occurredAt.toISOString(),
    fan?.externalId ?? null,
    canonicalJson(raw.properties ?? {}),
    raw.retracts ?? null,
  ];
  const digest = createHash('sha256').update(JSON.stringify(identity)).digest('hex');
  return `${CONTENT_ID_PREFIX}${digest.slice(0, 32)}`;
}

/** A `prop.<name>` value: numbers and booleans when they look like them, otherwise the text. */
export function propertyValue(text: string, format: RowFormat): string | number | boolean {
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  // No leading zeros ("007" is an id, not seven) and no more digits than a double holds exactly.
  if (/^-?(0|[1-9]\d{0,14})(\.\d{1,15})?$/.test(text)) return Number(text);
  if (format.decimalComma && /^-?(0|[1-9]\d{0,14}),\d{1,15}$/.test(text))
    return Number(text.replace(',', '.'));
  return text;
}

function readFan(cell: (column: KnownColumn) => string | undefined): Record<string, string> | null {
  const fan: Record<string, string> = {};
  const fields = [
    ['externalId', 'fan_external_id'],
    ['handle', 'fan_handle'],
    ['displayName', 'fan_display_name'],
    ['email', 'fan_email'],
  ] as const;
  for (const [field, column] of fields) {
    const value = cell(column);
    if (value !== undefined) fan[field] = value;
  }
  // Without any fan column the event is unattributed; a handle without an external id is an error.
  return Object.keys(fan).length > 0 ? fan : null;
}

function readProperties(
  fields: readonly string[],
  columns: ImportColumns,
  format: RowFormat,
  json: string | undefined,
  errors: FieldError[],
): Record<string, unknown> | null {
  let properties: Record<string, unknown> | null = null;
  if (json !== undefined) {
    let value: unknown;
    try {
      value = parseJson(json);
    } catch (error) {
      errors.push({ field: 'properties', reason: `is not valid JSON (${(error as Error).message})` });
      return null;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      errors.push({ field: 'properties', reason: 'must be a JSON object, e.g. {"hashtags":["summer"]}' });
      return null;
    }
    properties = value as Record<string, unknown>;
  }
  for (const { name, index } of columns.properties) {
    const text = fields[index]?.trim() ?? '';
    if (text === '') continue;
    properties ??= {};
    properties[name] = propertyValue(text, format);
  }
  return properties;
}

/**
 * JSON.parse, refusing what the API's JSON parser refuses as prototype poisoning (`__proto__`,
 * `constructor.prototype`). The checking reviver is slow, so it runs only where those words occur.
 */
function parseJson(json: string): unknown {
  if (!json.includes('__proto__') && !json.includes('constructor')) return JSON.parse(json);
  return JSON.parse(json, (key: string, value: unknown) => {
    const poisoned =
      key === '__proto__' ||
      (key === 'constructor' &&
        typeof value === 'object' &&
        value !== null &&
        Object.hasOwn(value, 'prototype'));
    if (poisoned) throw new SyntaxError(`the key ${key} is not allowed`);
    return value;
  });
}

function columnName(columns: ImportColumns, index: number): string {
  for (const [name, at] of Object.entries(columns.known)) if (at === index) return name;
  const property = columns.properties.find((column) => column.index === index);
  return property ? `${PROPERTY_PREFIX}${property.name}` : `column ${index + 1}`;
}

/** JSON with object keys sorted, so that equal values give equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

import { CsvError, parse } from 'csv-parse/sync';

import { type FieldError } from '../common/errors/domain-error';

/**
 * Reads a coupon code upload — CSV (first column), plain text (one code per line) or a JSON list —
 * into the codes to store and what was wrong with the rest, by line. Storing is the service's job.
 */

export const MAX_CODES_PER_UPLOAD = 100_000;
export const MAX_CODE_LENGTH = 200;
/** How many duplicate or already stored codes an answer shows. */
export const CODE_SAMPLE_SIZE = 20;
/** How many rejected lines an answer lists (the count covers all of them). */
export const MAX_REJECTED_LISTED = 100;

export type UploadFormat = 'csv' | 'lines' | 'json';

export interface RejectedLine {
  /** 1-based: the line of the file, or the position in a JSON list. */
  line: number;
  reason: string;
}

export interface CodeUpload {
  /** Valid codes, each once, in the order of the upload. */
  codes: string[];
  /** Non-blank entries, valid or not: what the per-upload maximum counts. */
  entries: number;
  blankLines: number;
  duplicates: { count: number; sample: string[] };
  rejected: RejectedLine[];
  /** Whether a first CSV row `code` was read as a header and skipped. */
  headerSkipped: boolean;
}

/** The upload could not be read at all (malformed CSV, a JSON body of the wrong shape). */
export interface UnreadableUpload {
  errors: FieldError[];
}

interface Entry {
  line: number;
  value: unknown;
}

/** C0 and C1 controls and DEL (Unicode category Cc), and the Unicode line and paragraph separators. */
const CONTROL_CHARACTERS = /[\p{Cc}\u2028\u2029]/u;
const JSON_KEYS: ReadonlySet<string> = new Set(['codes']);

export function readCodeUpload(format: UploadFormat, body: unknown): CodeUpload | UnreadableUpload {
  const entries =
    format === 'csv' ? csvEntries(body) : format === 'lines' ? lineEntries(body) : jsonEntries(body);
  if ('errors' in entries) return entries;
  const skipHeader = format === 'csv' && isHeader(entries.items[0]);
  return classify(skipHeader ? entries.items.slice(1) : entries.items, skipHeader);
}

export function isUnreadable(upload: CodeUpload | UnreadableUpload): upload is UnreadableUpload {
  return 'errors' in upload;
}

/** Why a trimmed code cannot be stored, or null when it can. */
export function codeProblem(code: string): string | null {
  if ([...code].length > MAX_CODE_LENGTH) return `is longer than ${MAX_CODE_LENGTH} characters`;
  if (CONTROL_CHARACTERS.test(code))
    return 'contains a control character (a tab, a line break inside quotes…)';
  if (code.includes('\uFFFD')) return 'is not valid UTF-8 text (save the file as UTF-8)';
  return null;
}

function classify(items: readonly Entry[], headerSkipped: boolean): CodeUpload {
  const seen = new Set<string>();
  const duplicateSample = new Set<string>();
  const upload: CodeUpload = {
    codes: [],
    entries: 0,
    blankLines: 0,
    duplicates: { count: 0, sample: [] },
    rejected: [],
    headerSkipped,
  };
  for (const { line, value } of items) {
    if (typeof value !== 'string') {
      upload.entries += 1;
      upload.rejected.push({ line, reason: 'is not a text' });
      continue;
    }
    const code = value.trim();
    if (code === '') {
      upload.blankLines += 1;
      continue;
    }
    upload.entries += 1;
    const problem = codeProblem(code);
    if (problem !== null) {
      upload.rejected.push({ line, reason: problem });
    } else if (seen.has(code)) {
      upload.duplicates.count += 1;
      if (duplicateSample.size < CODE_SAMPLE_SIZE) duplicateSample.add(code);
    } else {
      seen.add(code);
      upload.codes.push(code);
    }
  }
  upload.duplicates.sample = [...duplicateSample];
  return upload;
}

function isHeader(entry: Entry | undefined): boolean {
  return typeof entry?.value === 'string' && entry.value.trim().toLowerCase() === 'code';
}

/** Lines split on any line break; a final line break does not make a blank last line. */
function lineEntries(body: unknown): { items: Entry[] } | UnreadableUpload {
  if (typeof body !== 'string') return notText();
  const lines = body.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return { items: lines.map((value, index) => ({ line: index + 1, value })) };
}

/**
 * Records of the first column. Columns are separated by commas or semicolons (as Excel writes
 * CSV in German locales); a code holding either is quoted. A record starts on the line after the
 * one the previous record ended on, which gives quoted multi-line records their first line.
 */
function csvEntries(body: unknown): { items: Entry[] } | UnreadableUpload {
  if (typeof body !== 'string') return notText();
  const items: Entry[] = [];
  let previousEnd = 0;
  try {
    parse(body, {
      bom: true,
      delimiter: [',', ';'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      // Collects each record's first column with its line; nothing else is kept.
      on_record: (record: string[], context) => {
        items.push({ line: previousEnd + 1, value: record[0] ?? '' });
        previousEnd = context.lines;
        return null;
      },
    });
  } catch (error) {
    if (error instanceof CsvError) {
      const { lines } = error;
      return {
        errors: [
          {
            field: '',
            reason: `the CSV cannot be read${typeof lines === 'number' ? ` at line ${lines}` : ''}: ${error.message}`,
          },
        ],
      };
    }
    throw error;
  }
  return { items };
}

function jsonEntries(body: unknown): { items: Entry[] } | UnreadableUpload {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { errors: [{ field: '', reason: 'the body must be a JSON object with codes' }] };
  }
  const errors: FieldError[] = Object.keys(body)
    .filter((key) => !JSON_KEYS.has(key))
    .map((key) => ({ field: key, reason: 'is not a known field' }));
  const { codes } = body as { codes?: unknown };
  if (!Array.isArray(codes)) errors.push({ field: 'codes', reason: 'must be a list of codes' });
  if (errors.length > 0 || !Array.isArray(codes)) return { errors };
  return { items: codes.map((value: unknown, index) => ({ line: index + 1, value })) };
}

function notText(): UnreadableUpload {
  return { errors: [{ field: '', reason: 'the body must be text' }] };
}

/** How a body of this content type is read; JSON for anything else (the parser allowed it in). */
export function uploadFormat(contentType: string | undefined): UploadFormat {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType === 'text/csv') return 'csv';
  if (mediaType === 'text/plain') return 'lines';
  return 'json';
}

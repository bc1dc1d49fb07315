// One sentence per ledger entry, in the UI language, built from what the API stored with it: the rule,
// campaign and tier multiplier of an award, the expiry window, the retracted event, the person who
// adjusted. The API's own `reason` (English, or the manager's words) fills in where nothing else is known.
import type { TFunction } from 'i18next';

import type { LedgerEntryDto } from '@/lib/api/types';
import { formatDate } from '@/lib/format';

import { formatNumber, ruleLabel } from './rule-label';

export interface SentenceOptions {
  language: string;
  timeZone: string;
}

type Explanation = Record<string, unknown>;

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** Numbers may come as JSON numbers or as strings (bigint amounts are stored as text). */
function numeric(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value;
  }
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) {
    return Number(value);
  }
  return null;
}

function record(value: unknown): Explanation | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Explanation) : null;
}

const UUID_AT_END = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\s*$/i;

/**
 * Long ids are shortened in sentences as in the audit log; the stored details keep the whole id. The
 * tail matters: ids made in the same millisecond (UUIDv7) share their first digits.
 */
function shortId(id: string): string {
  return id.length > 13 ? `${id.slice(0, 8)}…${id.slice(-4)}` : id;
}

function withActor(sentence: string, actor: string | null, t: TFunction): string {
  return actor ? t('fans.ledger.sentences.byActor', { sentence, actor }) : sentence;
}

function describeEarn(entry: LedgerEntryDto, explanation: Explanation, t: TFunction, language: string) {
  const count = Math.abs(entry.points);
  const points = formatNumber(count, language);
  const name = entry.ruleName ?? text(explanation['rule']);
  if (name === null) {
    return t('fans.ledger.sentences.earnUnknownRule', { count, points });
  }
  const rule = ruleLabel(
    { name, version: entry.ruleVersion ?? numeric(explanation['ruleVersion']), campaign: entry.campaignName },
    t,
  );
  const sentence = t('fans.ledger.sentences.earn', { count, points, rule });
  const base = numeric(explanation['basePoints']);
  const multiplier = numeric(explanation['multiplier']);
  if (base === null || multiplier === null || multiplier === 1) {
    return sentence;
  }
  const tier = text(explanation['tier']);
  const figures = { base: formatNumber(base, language), multiplier: formatNumber(multiplier, language) };
  const detail = tier
    ? t('fans.ledger.sentences.calculationWithTier', { ...figures, tier })
    : t('fans.ledger.sentences.calculation', figures);
  return t('fans.ledger.sentences.withDetail', { sentence, detail });
}

function describeExpiry(
  entry: LedgerEntryDto,
  explanation: Explanation,
  t: TFunction,
  options: SentenceOptions,
) {
  const expiry = record(explanation['expiry']);
  const days = numeric(expiry?.['days']);
  const earnedBefore = text(expiry?.['earnedBefore']);
  if (days === null || earnedBefore === null) {
    return t('fans.ledger.sentences.expireFallback', { reason: entry.reason });
  }
  const sentence = t('fans.ledger.sentences.expire', {
    count: days,
    days: formatNumber(days, options.language),
    date: formatDate(earnedBefore, options.language, options.timeZone),
  });
  const used = numeric(explanation['alreadyUsed']);
  const lots = numeric(explanation['expiredLots']);
  if (used === null || lots === null || used <= 0) {
    return sentence;
  }
  const detail = t('fans.ledger.sentences.expireUsed', {
    used: formatNumber(used, options.language),
    lots: formatNumber(lots, options.language),
  });
  return t('fans.ledger.sentences.withDetail', { sentence, detail });
}

function describeReversal(entry: LedgerEntryDto, explanation: Explanation, t: TFunction) {
  const event = text(explanation['original']) ?? entry.eventExternalId;
  if (event === null) {
    return t('fans.ledger.sentences.reverseFallback', { reason: entry.reason });
  }
  if (entry.ruleName === null) {
    return t('fans.ledger.sentences.reverse', { event });
  }
  const rule = ruleLabel({ name: entry.ruleName, campaign: entry.campaignName }, t);
  return t('fans.ledger.sentences.reverseOfRule', { event, rule });
}

/** A merge moves the balance by a pair of entries: out of the merged fan, into the survivor. */
function describeMergeTransfer(entry: LedgerEntryDto, t: TFunction) {
  const other = UUID_AT_END.exec(entry.reason)?.[1];
  const fan = other ? shortId(other) : null;
  const sentence =
    entry.points >= 0
      ? fan
        ? t('fans.ledger.sentences.mergedIn', { fan })
        : t('fans.ledger.sentences.mergedInUnknown')
      : fan
        ? t('fans.ledger.sentences.mergedOut', { fan })
        : t('fans.ledger.sentences.mergedOutUnknown');
  return withActor(sentence, entry.actor, t);
}

/** What the entry means, as one sentence in the UI language. */
export function describeLedgerEntry(entry: LedgerEntryDto, t: TFunction, options: SentenceOptions): string {
  const explanation = entry.explanation ?? {};
  switch (entry.kind) {
    case 'earn':
      return describeEarn(entry, explanation, t, options.language);
    case 'redeem':
      return withActor(t('fans.ledger.sentences.redeem', { reason: entry.reason }), entry.actor, t);
    case 'refund':
      return withActor(t('fans.ledger.sentences.refund', { reason: entry.reason }), entry.actor, t);
    case 'expire':
      return describeExpiry(entry, explanation, t, options);
    case 'reverse':
      return describeReversal(entry, explanation, t);
    case 'adjust':
      if (explanation['merge'] === true) {
        return describeMergeTransfer(entry, t);
      }
      return entry.actor
        ? t('fans.ledger.sentences.adjust', { actor: entry.actor, reason: entry.reason })
        : t('fans.ledger.sentences.adjustAnonymous', { reason: entry.reason });
  }
}

// What an event in the fan's timeline was and what came of it, in the UI language: its type and
// channel, a one-line outcome, one line per rule that awarded (or took back) points, and the reasons
// why it earned nothing or less. The API gives those reasons in English; the ones the engine writes
// are recognised and translated, anything else is shown as sent.
import { CHANNELS, EVENT_TYPES, LIMIT_WINDOWS } from '@fanfare/shared';
import type { TFunction } from 'i18next';

import { formatDateTime } from '@/lib/format';

import type { FanEventDto } from '../api/get-fan-events';
import { formatNumber, ruleLabel } from './rule-label';

export interface EventSentenceOptions {
  language: string;
  timeZone: string;
}

export interface EventOutcomeText {
  summary: string;
  /** One line per rule that booked points for the event (negative for a retraction). */
  awards: string[];
  /** Why it earned nothing or less. */
  reasons: string[];
}

const RETRACTION_TYPE = 'retract';
const CUSTOM_PREFIX = 'custom:';

function includes<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** "Comment", "Custom: newsletter_optin", "Retraction"; an unknown type as sent. */
export function eventTypeLabel(type: string, t: TFunction): string {
  if (type === RETRACTION_TYPE) {
    return t('fans.events.retraction');
  }
  if (includes(EVENT_TYPES, type)) {
    return t(`campaigns.eventTypes.${type}`);
  }
  if (type.startsWith(CUSTOM_PREFIX) && type.length > CUSTOM_PREFIX.length) {
    return t('fans.events.customType', { name: type.slice(CUSTOM_PREFIX.length) });
  }
  return type;
}

/** "Instagram"; an unknown channel as sent. */
export function channelLabel(channel: string | null, t: TFunction): string {
  if (channel === null) {
    return t('fans.events.noChannel');
  }
  return includes(CHANNELS, channel) ? t(`campaigns.channels.${channel}`) : channel;
}

const reasonPatterns: Array<{
  pattern: RegExp;
  translate: (match: string[], t: TFunction) => string | null;
}> = [
  {
    pattern: /^(.+): the limit of (\d+) per (\w+) is reached$/,
    translate: ([, rule = '', max = '', window = ''], t) =>
      includes(LIMIT_WINDOWS, window)
        ? t('fans.events.reasons.limit', {
            rule: t('fans.ruleLabel.plain', { name: rule }),
            max,
            window: t(`campaigns.windows.${window}`),
          })
        : null,
  },
  {
    pattern: /^(.+): cooling down \((\d+) s between awards\)$/,
    translate: ([, rule = '', seconds = ''], t) =>
      t('fans.events.reasons.cooldown', {
        rule: t('fans.ruleLabel.plain', { name: rule }),
        count: Number(seconds),
        seconds,
      }),
  },
  {
    pattern: /^(.+): the campaign budget is used up$/,
    translate: ([, rule = ''], t) =>
      t('fans.events.reasons.budget', { rule: t('fans.ruleLabel.plain', { name: rule }) }),
  },
  {
    pattern: /^(.+): (\S+) is missing: no points$/,
    translate: ([, rule = '', property = ''], t) =>
      t('fans.events.reasons.missingProperty', { rule: t('fans.ruleLabel.plain', { name: rule }), property }),
  },
  {
    pattern: /^(.+): (\S+) is (?:not a number|negative) \((.*)\): no points$/,
    translate: ([, rule = '', property = '', value = ''], t) =>
      t('fans.events.reasons.unusableProperty', {
        rule: t('fans.ruleLabel.plain', { name: rule }),
        property,
        value,
      }),
  },
  {
    pattern: /^(\d+) of (\d+) points were already spent and could not be taken back$/,
    translate: ([, spent = '', points = ''], t) => t('fans.events.reasons.alreadySpent', { spent, points }),
  },
  {
    pattern: /^retracted before it arrived$/,
    translate: (_, t) => t('fans.events.reasons.retractedBeforeArrival'),
  },
  {
    pattern: /^unattributed: the event names no fan$/,
    translate: (_, t) => t('fans.events.reasons.unattributed'),
  },
  {
    pattern: /^the original event has not arrived yet: it will earn nothing when it does$/,
    translate: (_, t) => t('fans.events.reasons.originalMissing'),
  },
];

/** A reason the engine wrote, in the UI language; one it does not know, as sent. */
export function translateReason(reason: string, t: TFunction): string {
  for (const { pattern, translate } of reasonPatterns) {
    const match = pattern.exec(reason);
    const translated = match ? translate([...match], t) : null;
    if (translated !== null) {
      return translated;
    }
  }
  return reason;
}

function describeAward(award: FanEventDto['awards'][number], t: TFunction, language: string): string {
  const count = Math.abs(award.points);
  const points = formatNumber(count, language);
  const rule = ruleLabel(
    { name: award.ruleName ?? award.ruleId, campaign: award.campaignName ?? award.campaignId },
    t,
  );
  return award.points < 0
    ? t('fans.events.takenBack', { count, points, rule })
    : t('fans.ledger.sentences.earn', { count, points, rule });
}

/**
 * Whether a later retraction undid the event. The event keeps the status it got on arrival (usually
 * `awarded`) and gains `retractedAt`; `retracted` as its status means it was retracted before it came.
 */
export function isRetracted(event: FanEventDto): boolean {
  return event.type !== RETRACTION_TYPE && (event.retractedAt !== null || event.status === 'retracted');
}

function summaryOf(event: FanEventDto, t: TFunction, options: EventSentenceOptions): string {
  if (event.retractedAt !== null && event.type !== RETRACTION_TYPE) {
    return t('fans.events.summary.retracted', {
      date: formatDateTime(event.retractedAt, options.language, options.timeZone),
    });
  }
  if (event.type === RETRACTION_TYPE) {
    if (event.retracts === null) {
      return t('fans.events.summary.retractionUnknown');
    }
    const count = Math.abs(event.points);
    return count > 0
      ? t('fans.events.summary.retraction', {
          count,
          points: formatNumber(count, options.language),
          event: event.retracts,
        })
      : t('fans.events.summary.retractionNothing', { event: event.retracts });
  }
  switch (event.status) {
    case 'awarded':
      return t('fans.events.summary.awarded', {
        count: event.points,
        points: formatNumber(event.points, options.language),
      });
    case 'no_match':
      return event.reasons.length > 0 ? t('fans.events.summary.nothing') : t('fans.events.summary.noMatch');
    case 'capped':
      return t('fans.events.summary.capped');
    case 'rejected':
      return t('fans.events.summary.rejected');
    case 'retracted':
      return t('fans.events.summary.retractedEarly');
  }
}

/** The event's outcome in words: a summary, what each rule booked, and why not more. */
export function describeFanEvent(
  event: FanEventDto,
  t: TFunction,
  options: EventSentenceOptions,
): EventOutcomeText {
  return {
    summary: summaryOf(event, t, options),
    awards: event.awards.map((award) => describeAward(award, t, options.language)),
    reasons: event.reasons.map((reason) => translateReason(reason, t)),
  };
}

/**
 * A short label for each entry of the fan's points history in the widget. Unlike the admin's ledger
 * sentences it names no person, no event or fan id and never shows a manager's reason: the fan sees
 * what happened, not who did it or why the shop booked it.
 */
import { type Locale } from '@fanfare/shared';

// Type only: the label must name every kind the ledger can hold (a new kind fails the type check).
import type { LedgerKind } from '../../ledger/entities/ledger-entry.entity';

export interface FanLedgerEntry {
  kind: string;
  /** Signed: positive adds to the balance. */
  points: number;
  /** The rule's name today (earn and reverse entries). */
  ruleName: string | null;
  campaignName: string | null;
  /** What the API stored for staff; read only where it is the booking's own wording (redemptions). */
  reason: string;
  explanation: Record<string, unknown> | null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

// Redemption entries are booked with the reward's names in both languages (`rewardNameDe`,
// `rewardNameEn`) beside `redemptionId` and `rewardId`; a caller may pass its own `rewardName`. Older
// entries have only the reason, `Redeemed <name>` / `Refund for <name>` with the German name.
const BOOKED_REWARD_NAME: Readonly<Record<'redeem' | 'refund', RegExp>> = {
  redeem: /^Redeemed (.+)$/s,
  refund: /^Refund for (.+)$/s,
};

const NAME_KEYS: Readonly<Record<Locale, readonly string[]>> = {
  de: ['rewardName', 'rewardNameDe', 'rewardNameEn'],
  en: ['rewardName', 'rewardNameEn', 'rewardNameDe'],
};

function rewardName(entry: FanLedgerEntry, kind: 'redeem' | 'refund', locale: Locale): string | null {
  const explanation = entry.explanation ?? {};
  for (const key of NAME_KEYS[locale]) {
    const name = text(explanation[key]);
    if (name !== null) return name;
  }
  const reward = explanation['reward'];
  const named =
    text(reward) ??
    (typeof reward === 'object' && reward !== null
      ? text((reward as Record<string, unknown>)['name'])
      : null);
  return named ?? text(BOOKED_REWARD_NAME[kind].exec(entry.reason.trim())?.[1]);
}

interface Labels {
  earned: string;
  redeemed: string;
  rewardRedeemed: string;
  refund: string;
  expired: string;
  reversed: string;
  pointsReversed: string;
  mergedIn: string;
  mergedOut: string;
  adjusted: string;
  added: string;
  deducted: string;
}

const LABELS: Readonly<Record<Locale, Labels>> = {
  en: {
    earned: 'Points earned',
    redeemed: 'Redeemed',
    rewardRedeemed: 'Reward redeemed',
    refund: 'Refund',
    expired: 'Points expired',
    reversed: 'Reversed',
    pointsReversed: 'Points reversed',
    mergedIn: 'Points from a merged account',
    mergedOut: 'Points moved to a merged account',
    adjusted: 'Adjustment by the shop',
    added: 'Points added',
    deducted: 'Points deducted',
  },
  de: {
    earned: 'Punkte gesammelt',
    redeemed: 'Eingelöst',
    rewardRedeemed: 'Prämie eingelöst',
    refund: 'Erstattung',
    expired: 'Punkte verfallen',
    reversed: 'Zurückgebucht',
    pointsReversed: 'Punkte zurückgebucht',
    mergedIn: 'Punkte aus einem zusammengeführten Konto',
    mergedOut: 'Punkte in ein zusammengeführtes Konto übertragen',
    adjusted: 'Korrektur durch den Shop',
    added: 'Punkte gutgeschrieben',
    deducted: 'Punkte abgezogen',
  },
};

function labelled(label: string, detail: string | null): string {
  return detail === null ? label : `${label}: ${detail}`;
}

type Describe = (entry: FanLedgerEntry, labels: Labels, locale: Locale) => string;

const DESCRIBE: Readonly<Record<LedgerKind, Describe>> = {
  // The rule's name is the brand's own wording for what the fan did ("Review on Google").
  earn: (entry, labels) =>
    text(entry.ruleName) ??
    text(entry.explanation?.['rule']) ??
    labelled(labels.earned, text(entry.campaignName)),
  redeem: (entry, labels, locale) => {
    const name = rewardName(entry, 'redeem', locale);
    return name === null ? labels.rewardRedeemed : labelled(labels.redeemed, name);
  },
  refund: (entry, labels, locale) => labelled(labels.refund, rewardName(entry, 'refund', locale)),
  expire: (_entry, labels) => labels.expired,
  reverse: (entry, labels) => {
    const rule = text(entry.ruleName);
    return rule === null ? labels.pointsReversed : labelled(labels.reversed, rule);
  },
  adjust: (entry, labels) => {
    // A merge moves the balance by a pair of adjustments: out of the merged fan, into the survivor.
    if (entry.explanation?.['merge'] === true) {
      return entry.points >= 0 ? labels.mergedIn : labels.mergedOut;
    }
    return labels.adjusted;
  },
};

function isLedgerKind(kind: string): kind is LedgerKind {
  return Object.prototype.hasOwnProperty.call(DESCRIBE, kind);
}

/**
 * The entry as a short label in the fan's language, e.g. "Review on Google", "Redeemed: Free
 * coffee", "Punkte verfallen". A kind the ledger does not know yet reads as points added or deducted.
 */
export function describeLedgerEntryForFan(entry: FanLedgerEntry, locale: Locale): string {
  const labels = LABELS[locale];
  if (isLedgerKind(entry.kind)) {
    return DESCRIBE[entry.kind](entry, labels, locale);
  }
  return entry.points < 0 ? labels.deducted : labels.added;
}

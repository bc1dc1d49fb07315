// Pieces shared by the ledger's and the event timeline's sentences: how a rule is named (quoted, with
// its version and campaign when known) and how numbers read in the UI language.
import type { TFunction } from 'i18next';

const numberFormats = new Map<string, Intl.NumberFormat>();

/** 1234 → "1,234" / "1.234"; multipliers keep up to two decimals (1.5 → "1,5"). */
export function formatNumber(value: number, language: string): string {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
    numberFormats.set(language, format);
  }
  return format.format(value);
}

export interface RuleRef {
  name: string;
  version?: number | null;
  campaign?: string | null;
}

/** “Comment with #SoMeParade” (v2) in campaign “SoMeParade” — or as much of it as is known. */
export function ruleLabel({ name, version, campaign }: RuleRef, t: TFunction): string {
  const rule =
    version === null || version === undefined
      ? t('fans.ruleLabel.plain', { name })
      : t('fans.ruleLabel.versioned', { name, version });
  return campaign ? t('fans.ruleLabel.inCampaign', { rule, campaign }) : rule;
}

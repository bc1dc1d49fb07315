// How an account came to belong to a fan, for the identities on the fan page: the API's `source`
// and, for verified links, its `proof` (a free-form object in the contract, so it is checked here).
import type { TFunction } from 'i18next';

import type { FanIdentityDto } from '@/lib/api/types';
import { formatDate } from '@/lib/format';

export type IdentityProof =
  | { method: 'code'; code: string; via: string | null; at: string | null }
  | { method: 'manual'; by: string | null; at: string | null };

/** Where a linking code can be found; any other place is "a signed delivery". */
const KNOWN_VIA = ['comment', 'message', 'mention', 'post'] as const;
type KnownVia = (typeof KNOWN_VIA)[number];

function isKnownVia(value: string | null): value is KnownVia {
  return value !== null && (KNOWN_VIA as readonly string[]).includes(value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export function readProof(proof: FanIdentityDto['proof']): IdentityProof | null {
  if (proof === null || typeof proof !== 'object') return null;
  const at = text(proof.at);
  if (proof.method === 'code') {
    return { method: 'code', code: text(proof.code) ?? '', via: text(proof.via), at };
  }
  if (proof.method === 'manual') {
    return { method: 'manual', by: text(proof.by), at };
  }
  return null;
}

/** A linked account is verified: the fan showed a code through it, or a manager vouched for it. */
export function isVerified(identity: Pick<FanIdentityDto, 'source'>): boolean {
  return identity.source === 'linked';
}

/** "Linked with code FAN-7K2Q9M in a comment on 27 Nov 2026" / "Linked by hand by anna@… on …". */
export function describeProof(
  proof: IdentityProof,
  t: TFunction,
  language: string,
  timeZone: string,
): string {
  const date = proof.at ? formatDate(proof.at, language, timeZone) : t('common.none');
  switch (proof.method) {
    case 'code':
      return t('fans.identities.proof.code', {
        code: proof.code,
        via: t(`fans.identities.proof.via.${isKnownVia(proof.via) ? proof.via : 'other'}`),
        date,
      });
    case 'manual':
      return t('fans.identities.proof.manual', { by: proof.by ?? t('common.none'), date });
  }
}

/** The identity's source in words, for sources other than a verified link. */
export function sourceLabel(source: string, t: TFunction): string {
  switch (source) {
    case 'first_sight':
      return t('fans.identities.sources.firstSight');
    case 'merge':
      return t('fans.identities.sources.merge');
    case 'erased':
      return t('fans.identities.sources.erased');
    case 'linked':
      return t('fans.identities.verified');
    default:
      return source;
  }
}

// Which actions the fan page offers, and the small rules around them: who may act on a fan, what
// counts as confirming an erasure, and how a failed merge is explained.
import type { TFunction } from 'i18next';

import { errorMessage } from '@/lib/api/error-message';
import { ApiError } from '@/lib/api/problem';
import type { FanDto, Role } from '@/lib/api/types';
import { permissionsOf } from '@/lib/current-brand';

export interface FanActions {
  adjust: boolean;
  merge: boolean;
  erase: boolean;
  export: boolean;
  /** Link an account by hand, or unlink one. */
  link: boolean;
}

/**
 * The API lets owners and managers adjust, merge, erase, export a fan and link or unlink its accounts
 * (the same roles as manual adjustments, hence one permission). An erased fan can still be exported,
 * but nothing else.
 */
export function fanActionsOf(role: Role | null, fan: Pick<FanDto, 'erasedAt'>): FanActions {
  const manager = permissionsOf(role).adjustPoints;
  const live = fan.erasedAt === null;
  return {
    adjust: manager && live,
    merge: manager && live,
    erase: manager && live,
    export: manager,
    link: manager && live,
  };
}

/** The typed word confirms the erasure when it is the word asked for, ignoring case and spaces. */
export function confirmsErasure(typed: string, word: string): boolean {
  return typed.trim().toLocaleUpperCase() === word.toLocaleUpperCase();
}

/** A failed merge in the UI language: the API's 409 codes get our words, the rest its `detail`. */
export function mergeErrorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'already_merged':
        return t('fans.merge.errors.alreadyMerged');
      case 'merge_conflict':
        return t('fans.merge.errors.conflict');
      case 'fan_erased':
        return t('fans.merge.errors.erased');
      default:
        if (error.status === 404) {
          return t('fans.merge.errors.notFound');
        }
    }
  }
  return errorMessage(error, t);
}

// One readable sentence for any failed request, in the UI language. Known problem codes get our own
// wording; other problems show the server's `detail`.
import type { TFunction } from 'i18next';

import { ApiError, retryAfterMinutes } from './problem';

function tooManyAttempts(error: ApiError, t: TFunction): string {
  return error.retryAfterSeconds === null
    ? t('errors.tooManyAttemptsLater')
    : t('errors.tooManyAttempts', { count: retryAfterMinutes(error.retryAfterSeconds) });
}

export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'invalid_credentials':
        return t('errors.invalidCredentials');
      case 'too_many_attempts':
        return tooManyAttempts(error, t);
      case 'last_owner':
        return t('errors.lastOwner');
      case 'password_change_required':
        return t('errors.passwordChangeRequired');
      case 'policy_blocked':
        return t('errors.policyBlocked');
      case 'invalid_transition':
        return t('errors.invalidTransition', { detail: error.problem?.detail ?? '' });
      case 'campaign_has_awards':
        return t('errors.campaignHasAwards');
      case 'budget_below_issued':
        return t('errors.budgetBelowIssued');
      case 'insufficient_balance':
        return t('errors.insufficientBalance');
      case 'already_cancelled':
        return t('errors.alreadyCancelled');
      case 'already_fulfilled':
        return t('errors.alreadyFulfilled');
      case 'reward_has_codes':
        return t('errors.rewardHasCodes');
      case 'not_a_coupon':
        return t('errors.notACoupon');
      case 'too_many_codes':
        return t('errors.tooManyCodes');
      case 'nothing_connected':
        return t('errors.nothingConnected');
      case 'secret_unreadable':
        return t('errors.secretUnreadable');
      case 'too_many_endpoints':
        return t('errors.tooManyEndpoints');
      case 'endpoint_disabled':
        return t('errors.endpointDisabled');
      case 'already_linked':
        return t('errors.alreadyLinked');
      case 'last_identity':
        return t('errors.lastIdentity');
      case 'fan_erased':
        return t('errors.fanErased');
      case 'import_too_large':
        return t('errors.importTooLarge');
      default:
        break;
    }
    if (error.status === 429) {
      return tooManyAttempts(error, t);
    }
    if (error.status >= 500 || !error.problem) {
      return t('errors.server', { status: error.status });
    }
    if (error.problem.detail) {
      return error.problem.detail;
    }
    return error.status === 403 ? t('errors.forbidden') : error.problem.title;
  }
  // fetch rejects with a TypeError when the server cannot be reached at all.
  if (error instanceof TypeError) {
    return t('errors.network');
  }
  return t('errors.unexpected');
}

// Shows a failed form submission: the API's per-field errors next to the fields, anything else
// (a conflict, a rate limit, the server being down) as a notification.
import type { UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';

import { errorMessage } from './api/error-message';
import { ApiError, fieldErrorsOf } from './api/problem';
import { notifyError } from './notify';

export function showFormError<Values extends object>(
  form: UseFormReturnType<Values>,
  error: unknown,
  t: TFunction,
): void {
  const fieldErrors = error instanceof ApiError ? fieldErrorsOf(error.problem) : {};
  const values = form.getValues();
  const onFields = Object.entries(fieldErrors).filter(([field]) => field in values);
  if (onFields.length > 0) {
    form.setErrors(Object.fromEntries(onFields));
  }
  if (onFields.length === 0 || onFields.length < Object.keys(fieldErrors).length) {
    notifyError(errorMessage(error, t));
  }
}

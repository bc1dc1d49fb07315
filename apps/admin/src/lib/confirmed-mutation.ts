// A destructive action on one item of a list (revoke, delete), asked about in a ConfirmDialog first.
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { errorMessage } from './api/error-message';
import { notifyError, notifySuccess } from './notify';

interface ConfirmedMutationOptions<TItem, TVariables> {
  /** What the mutation is called with for the item (usually its id). */
  variables: (item: TItem) => TVariables;
  /** The notice once it is done. */
  successMessage: (item: TItem) => string;
}

export interface ConfirmedMutation<TItem> {
  /** The item the dialog asks about; null while it is closed. */
  target: TItem | null;
  /** Opens the dialog for the item. */
  ask: (item: TItem) => void;
  /** The ConfirmDialog's state and handlers (title, message and label are the caller's). */
  dialogProps: { opened: boolean; loading: boolean; onConfirm: () => void; onClose: () => void };
}

/**
 * Runs `mutation` for the item the user confirmed, says how it went in a notice (the API's reason
 * when it failed) and closes the dialog either way.
 */
export function useConfirmedMutation<TItem, TVariables, TData>(
  mutation: UseMutationResult<TData, Error, TVariables>,
  { variables, successMessage }: ConfirmedMutationOptions<TItem, TVariables>,
): ConfirmedMutation<TItem> {
  const { t } = useTranslation();
  const [target, setTarget] = useState<TItem | null>(null);

  const confirm = () => {
    if (target === null) return;
    mutation.mutate(variables(target), {
      onSuccess: () => notifySuccess(successMessage(target)),
      onError: (error) => notifyError(errorMessage(error, t)),
      onSettled: () => setTarget(null),
    });
  };

  return {
    target,
    ask: setTarget,
    dialogProps: {
      opened: target !== null,
      loading: mutation.isPending,
      onConfirm: confirm,
      onClose: () => setTarget(null),
    },
  };
}

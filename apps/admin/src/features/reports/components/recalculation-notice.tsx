import { Alert, Loader } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import { queryKeys } from '@/lib/query-keys';

import { useAnalyticsSettings } from '../api/get-analytics-settings';

/**
 * Says so while the server rebuilds the reports after the analytics settings changed (the settings
 * are polled meanwhile), and reloads every report once the rebuild is done.
 */
export function RecalculationNotice({ brandId }: { brandId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useAnalyticsSettings(brandId);
  const state = settings.data?.state;
  const previousState = useRef(state);

  useEffect(() => {
    if (previousState.current === 'recalculating' && state === 'current') {
      void queryClient.invalidateQueries({ queryKey: queryKeys.reports(brandId) });
    }
    previousState.current = state;
  }, [state, brandId, queryClient]);

  // Without the settings (a failed request) the reports still work: nothing to say here.
  if (state !== 'recalculating') {
    return null;
  }
  return (
    <Alert
      color="blue"
      variant="light"
      icon={<Loader size={18} color="blue" aria-hidden />}
      title={t('analytics.recalculating.title')}
      role="status"
      data-testid="recalculation-notice"
    >
      {t('analytics.recalculating.text')}
    </Alert>
  );
}

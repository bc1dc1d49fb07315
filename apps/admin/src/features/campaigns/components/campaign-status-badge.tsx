import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { CampaignStatus } from '@/lib/api/types';

const colors: Record<CampaignStatus, string> = {
  draft: 'gray',
  active: 'teal',
  paused: 'yellow',
  ended: 'dark',
};

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status]} variant="light" data-testid="campaign-status">
      {t(`campaigns.status.${status}`)}
    </Badge>
  );
}

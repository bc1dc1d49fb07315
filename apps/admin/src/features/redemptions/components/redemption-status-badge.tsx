import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { RedemptionStatus } from '@/lib/api/types';

const colors: Record<RedemptionStatus, string> = {
  pending: 'yellow',
  fulfilled: 'teal',
  cancelled: 'gray',
};

export function RedemptionStatusBadge({ status }: { status: RedemptionStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status]} variant="light" data-testid="redemption-status">
      {t(`redemptions.status.${status}`)}
    </Badge>
  );
}

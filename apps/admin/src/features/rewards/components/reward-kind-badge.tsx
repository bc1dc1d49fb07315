import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { RewardKind } from '@/lib/api/types';

const colors: Record<RewardKind, string> = {
  coupon: 'grape',
  download: 'blue',
  physical: 'orange',
  custom: 'gray',
};

export function RewardKindBadge({ kind }: { kind: RewardKind }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[kind]} variant="light">
      {t(`rewards.kind.${kind}`)}
    </Badge>
  );
}

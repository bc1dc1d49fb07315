import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { formatNumber } from '../utils/rule-label';

/** "+10" in green, "−10" in red (a real minus sign), "0" plain; struck through when it no longer counts. */
export function SignedPoints({ points, struck = false }: { points: number; struck?: boolean }) {
  const { i18n } = useTranslation();
  const sign = points > 0 ? '+' : points < 0 ? '−' : '';
  return (
    <Text
      span
      fw={700}
      c={points > 0 ? 'teal.8' : points < 0 ? 'red.8' : 'dimmed'}
      td={struck ? 'line-through' : undefined}
    >
      {`${sign}${formatNumber(Math.abs(points), i18n.language)}`}
    </Text>
  );
}

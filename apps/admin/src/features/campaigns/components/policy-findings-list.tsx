import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconBan } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import type { PolicyFindingDto } from '@/lib/api/types';

/** Policy findings of one rule: blocks in red (the campaign cannot go live), warnings in yellow. */
export function PolicyFindingsList({ findings }: { findings: PolicyFindingDto[] }) {
  const { t } = useTranslation();
  if (findings.length === 0) {
    return null;
  }
  return (
    <Stack gap="xs" data-testid="policy-findings">
      {findings.map((finding) => {
        const block = finding.severity === 'block';
        return (
          <Alert
            key={`${finding.policy}-${finding.field ?? ''}`}
            color={block ? 'red' : 'yellow'}
            variant="light"
            icon={block ? <IconBan aria-hidden /> : <IconAlertTriangle aria-hidden />}
            title={`${block ? t('campaigns.rule.policyBlock') : t('campaigns.rule.policyWarn')}: ${t(`campaigns.policies.${finding.policy}`)}`}
            data-severity={finding.severity}
          >
            <Text size="sm">{finding.message}</Text>
            <Anchor href={finding.link} target="_blank" rel="noreferrer" size="sm">
              {t('campaigns.rule.policyLink')}
            </Anchor>
          </Alert>
        );
      })}
    </Stack>
  );
}

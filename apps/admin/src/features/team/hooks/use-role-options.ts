import { ROLES } from '@fanfare/shared';
import { useTranslation } from 'react-i18next';

import type { Role } from '@/lib/api/types';

const roles: readonly Role[] = ROLES;

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export function useRoleOptions() {
  const { t } = useTranslation();
  return roles.map((role) => ({
    value: role,
    label: t(`roles.${role}`),
    description: t(`roleDescriptions.${role}`),
  }));
}

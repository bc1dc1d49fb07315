import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';

import { i18n } from './i18n/i18n';

function closeButtonProps() {
  return { 'aria-label': i18n.t('common.close') };
}

export function notifySuccess(message: string): void {
  notifications.show({
    color: 'teal',
    message,
    icon: <IconCheck size={18} aria-hidden />,
    closeButtonProps: closeButtonProps(),
  });
}

export function notifyError(message: string): void {
  notifications.show({
    color: 'red',
    message,
    icon: <IconAlertTriangle size={18} aria-hidden />,
    autoClose: 8000,
    closeButtonProps: closeButtonProps(),
  });
}

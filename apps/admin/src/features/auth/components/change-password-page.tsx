import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

import { showFormError } from '@/lib/forms';
import { notifySuccess } from '@/lib/notify';
import { useSession } from '@/lib/session';

import { useChangePassword } from '../api/change-password';
import { AuthCard } from './auth-card';

const MIN_PASSWORD_LENGTH = 12;

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useSession();
  const mutation = useChangePassword();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: {
      currentPassword: (value) => (value ? null : t('auth.changePassword.fieldRequired')),
      newPassword: (value) =>
        value.length >= MIN_PASSWORD_LENGTH ? null : t('auth.changePassword.tooShort'),
      confirmPassword: (value, values) =>
        value === values.newPassword ? null : t('auth.changePassword.mismatch'),
    },
  });

  const submit = form.onSubmit(({ currentPassword, newPassword }) => {
    mutation.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          notifySuccess(t('auth.changePassword.success'));
          void navigate('/', { replace: true });
        },
        onError: (error) => showFormError(form, error, t),
      },
    );
  });

  return (
    <AuthCard
      title={t('auth.changePassword.title')}
      subtitle={
        user.mustChangePassword ? t('auth.changePassword.required') : t('auth.changePassword.voluntary')
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <PasswordInput
            label={t('auth.changePassword.current')}
            autoComplete="current-password"
            required
            data-autofocus
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label={t('auth.changePassword.new')}
            description={t('auth.changePassword.newHint')}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label={t('auth.changePassword.confirm')}
            autoComplete="new-password"
            required
            {...form.getInputProps('confirmPassword')}
          />
          <Group justify="flex-end" mt="xs">
            {!user.mustChangePassword && (
              <Button variant="default" onClick={() => void navigate(-1)}>
                {t('auth.changePassword.back')}
              </Button>
            )}
            <Button type="submit" loading={mutation.isPending}>
              {t('auth.changePassword.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthCard>
  );
}

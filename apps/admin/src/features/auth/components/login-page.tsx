import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router-dom';

import { LoadingState } from '@/components/loading-state';
import { errorMessage } from '@/lib/api/error-message';
import { ApiError, fieldErrorsOf } from '@/lib/api/problem';

import { useMe } from '../api/get-me';
import { useLogin } from '../api/login';
import { useReturnPath } from '../hooks/use-return-path';
import { AuthCard } from './auth-card';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const returnPath = useReturnPath();
  const me = useMe();
  const loginMutation = useLogin();
  const [formError, setFormError] = useState<unknown>(null);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (value.trim() ? null : t('auth.login.emailRequired')),
      password: (value) => (value ? null : t('auth.login.passwordRequired')),
    },
  });

  if (me.isPending) {
    return <LoadingState fullScreen />;
  }
  if (me.data) {
    return <Navigate to={returnPath} replace />;
  }

  const submit = form.onSubmit((values) => {
    setFormError(null);
    loginMutation.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onSuccess: () => void navigate(returnPath, { replace: true }),
        onError: (error) => {
          const fieldErrors = error instanceof ApiError ? fieldErrorsOf(error.problem) : {};
          form.setErrors(fieldErrors);
          if (Object.keys(fieldErrors).length === 0) {
            setFormError(error);
          }
        },
      },
    );
  });

  return (
    <AuthCard title={t('auth.login.title')} subtitle={t('auth.login.subtitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {formError !== null && (
            <Alert
              color="red"
              icon={<IconAlertTriangle aria-hidden />}
              role="alert"
              data-testid="login-error"
            >
              {errorMessage(formError, t)}
            </Alert>
          )}
          <TextInput
            label={t('auth.login.email')}
            type="email"
            autoComplete="username"
            required
            data-autofocus
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('auth.login.password')}
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" fullWidth loading={loginMutation.isPending} mt="xs">
            {t('auth.login.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}

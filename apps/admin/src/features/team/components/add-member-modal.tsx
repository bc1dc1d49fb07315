import { Button, Group, Modal, Radio, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { SecretReveal } from '@/components/secret-reveal';
import type { AddedMemberDto, Role } from '@/lib/api/types';
import { showFormError } from '@/lib/forms';
import { notifySuccess } from '@/lib/notify';

import { useAddMember } from '../api/add-member';
import { useRoleOptions } from '../hooks/use-role-options';

interface AddMemberModalProps {
  brandId: string;
  opened: boolean;
  onClose: () => void;
}

interface FormValues {
  email: string;
  name: string;
  role: Role;
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Adds a member; a new user's one-time password is shown here once and forgotten on close. */
export function AddMemberModal({ brandId, opened, onClose }: AddMemberModalProps) {
  const { t } = useTranslation();
  const roleOptions = useRoleOptions();
  const mutation = useAddMember(brandId);
  const [added, setAdded] = useState<AddedMemberDto | null>(null);
  const form = useForm<FormValues>({
    initialValues: { email: '', name: '', role: 'manager' },
    validate: {
      email: (value) =>
        !value.trim()
          ? t('team.addDialog.emailRequired')
          : EMAIL_PATTERN.test(value.trim())
            ? null
            : t('team.addDialog.emailInvalid'),
    },
  });

  const close = () => {
    setAdded(null);
    form.reset();
    mutation.reset();
    onClose();
  };

  const submit = form.onSubmit((values) => {
    const name = values.name.trim();
    mutation.mutate(
      { email: values.email.trim(), role: values.role, ...(name ? { name } : {}) },
      {
        onSuccess: (result) => {
          if (result.oneTimePassword) {
            setAdded(result);
          } else {
            notifySuccess(
              t('team.addDialog.added', {
                email: result.member.email,
                role: t(`roles.${result.member.role}`),
              }),
            );
            close();
          }
        },
        onError: (error) => showFormError(form, error, t),
      },
    );
  });

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={added ? t('team.oneTimePassword.title') : t('team.addDialog.title')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
      closeOnClickOutside={!added}
    >
      {added?.oneTimePassword ? (
        <Stack>
          <SecretReveal
            label={t('team.oneTimePassword.label', { email: added.member.email })}
            secret={added.oneTimePassword}
            warning={t('team.oneTimePassword.text', { email: added.member.email })}
            testId="one-time-password"
          />
          <Group justify="flex-end">
            <Button onClick={close}>{t('team.oneTimePassword.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label={t('team.addDialog.email')}
              type="email"
              autoComplete="off"
              required
              data-autofocus
              {...form.getInputProps('email')}
            />
            <TextInput
              label={`${t('team.addDialog.name')} (${t('common.optional')})`}
              autoComplete="off"
              {...form.getInputProps('name')}
            />
            <Radio.Group label={t('team.addDialog.role')} required {...form.getInputProps('role')}>
              <Stack gap="sm" mt="xs">
                {roleOptions.map((option) => (
                  <Radio
                    key={option.value}
                    value={option.value}
                    label={option.label}
                    description={option.description}
                  />
                ))}
              </Stack>
            </Radio.Group>
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                {t('team.addDialog.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

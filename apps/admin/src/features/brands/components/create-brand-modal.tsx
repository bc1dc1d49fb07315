import { Button, Group, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

import { currentLanguage } from '@/lib/i18n/i18n';
import { showFormError } from '@/lib/forms';
import { notifySuccess } from '@/lib/notify';

import { useCreateBrand } from '../api/create-brand';
import { BrandFormFields, type BrandFormValues } from './brand-form-fields';
import { brandFormValidation } from './brand-form-validation';

interface CreateBrandModalProps {
  opened: boolean;
  onClose: () => void;
}

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function CreateBrandModal({ opened, onClose }: CreateBrandModalProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mutation = useCreateBrand();
  const form = useForm<BrandFormValues>({
    initialValues: { name: '', slug: '', timeZone: browserTimeZone(), locale: currentLanguage() },
    validate: brandFormValidation(t, true),
  });

  const close = () => {
    form.reset();
    mutation.reset();
    onClose();
  };

  const submit = form.onSubmit((values) => {
    const slug = values.slug.trim();
    mutation.mutate(
      {
        name: values.name.trim(),
        timeZone: values.timeZone,
        locale: values.locale,
        ...(slug ? { slug } : {}),
      },
      {
        onSuccess: (brand) => {
          notifySuccess(t('brands.create.created', { name: brand.name }));
          close();
          void navigate(`/brands/${brand.id}/dashboard`);
        },
        onError: (error) => showFormError(form, error, t),
      },
    );
  });

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('brands.create.title')}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <BrandFormFields form={form} slugOptional autoFocus />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('brands.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

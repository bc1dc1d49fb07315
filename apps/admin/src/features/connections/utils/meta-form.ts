// The Meta connection form: its values from the saved connection, the request body it sends, and
// the checks made before sending (the API checks the same and names the field when it disagrees).
import type { TFunction } from 'i18next';

import type { MetaConnectionDto, PutMetaConnectionDto } from '@/lib/api/types';

export interface MetaFormValues {
  appId: string;
  appSecret: string;
  pageIds: string[];
  instagramIds: string[];
  whatsappIds: string[];
}

export const META_ID_FIELDS = ['pageIds', 'instagramIds', 'whatsappIds'] as const;
export type MetaIdField = (typeof META_ID_FIELDS)[number];

/** Meta shows its ids as digits only; the API takes up to 30 of them and 100 ids per list. */
const META_ID = /^\d{1,30}$/;
export const MAX_META_IDS = 100;

export function isMetaId(value: string): boolean {
  return META_ID.test(value);
}

/** The App Secret is never sent back: the field starts empty, which means "keep it". */
export function metaFormValues(connection: MetaConnectionDto | null): MetaFormValues {
  return {
    appId: connection?.appId ?? '',
    appSecret: '',
    pageIds: connection?.pageIds ?? [],
    instagramIds: connection?.instagramIds ?? [],
    whatsappIds: connection?.whatsappIds ?? [],
  };
}

/** Empty App ID and App Secret are left out: the API keeps what it has. */
export function metaBody(values: MetaFormValues, newVerifyToken = false): PutMetaConnectionDto {
  const appId = values.appId.trim();
  const appSecret = values.appSecret.trim();
  return {
    ...(appId ? { appId } : {}),
    ...(appSecret ? { appSecret } : {}),
    pageIds: values.pageIds.map((id) => id.trim()),
    instagramIds: values.instagramIds.map((id) => id.trim()),
    whatsappIds: values.whatsappIds.map((id) => id.trim()),
    ...(newVerifyToken ? { newVerifyToken: true } : {}),
  };
}

function idsError(ids: readonly string[], t: TFunction): string | null {
  const bad = ids.find((id) => !isMetaId(id.trim()));
  return bad === undefined ? null : t('connections.meta.form.idInvalid', { id: bad });
}

/** Mantine form rules: the App Secret when connecting, digits-only ids. */
export function metaFormValidation(t: TFunction, connected: boolean) {
  return {
    appId: (value: string) =>
      value.trim() === '' || isMetaId(value.trim()) ? null : t('connections.meta.form.appIdInvalid'),
    appSecret: (value: string) =>
      connected || value.trim() !== '' ? null : t('connections.meta.form.appSecretRequired'),
    pageIds: (value: string[]) => idsError(value, t),
    instagramIds: (value: string[]) => idsError(value, t),
    whatsappIds: (value: string[]) => idsError(value, t),
  };
}

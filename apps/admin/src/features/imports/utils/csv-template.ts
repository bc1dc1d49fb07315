// The CSV format of an import, as the page explains it and the template shows it. The API's
// OpenAPI description is the reference; this is its example in a file a user can start from.

/** The columns, in the order the template has them; the first three are required. */
export const IMPORT_COLUMNS = [
  'id',
  'type',
  'channel',
  'occurred_at',
  'fan_external_id',
  'fan_handle',
  'fan_display_name',
  'fan_email',
  'properties',
] as const;

export type ImportColumn = (typeof IMPORT_COLUMNS)[number] | 'prop' | 'retracts';

export const REQUIRED_COLUMNS: ReadonlySet<ImportColumn> = new Set(['type', 'channel', 'occurred_at']);

/** The columns the page describes, `prop.<name>` and `retracts` included. */
export const DESCRIBED_COLUMNS: readonly ImportColumn[] = [
  'type',
  'channel',
  'occurred_at',
  'id',
  'fan_external_id',
  'fan_handle',
  'fan_display_name',
  'fan_email',
  'properties',
  'prop',
  'retracts',
];

/** A small file that imports as it stands: a purchase with an amount, and a tagged comment. */
export const TEMPLATE_CSV = [
  'id,type,channel,occurred_at,fan_external_id,fan_handle,fan_display_name,fan_email,properties,prop.amount',
  'order-1001,purchase,store,2025-11-27T10:15:00Z,cust-42,,Anna Beispiel,anna@example.com,,24.90',
  ',comment,instagram,2025-11-28T18:02:00+01:00,17841400000000001,@anna.backt,,,"{""hashtags"":[""someparade""]}",',
  '',
].join('\r\n');

export const TEMPLATE_FILENAME = 'fanfare-events-template.csv';

import { isISO31661Alpha2 } from 'class-validator';

import { type FieldError } from '../common/errors/domain-error';
import { type ShippingAddress } from './entities/redemption.entity';

/** Each field with its longest accepted length. */
const FIELDS: ReadonlyArray<[keyof ShippingAddress, number]> = [
  ['name', 200],
  ['street', 200],
  ['postalCode', 20],
  ['city', 100],
  ['country', 2],
];

/**
 * Reads a shipping address: every field a non-blank string within its length, no other fields,
 * `country` an ISO 3166-1 alpha-2 code (any case; stored upper case). Text is trimmed.
 */
export function readShippingAddress(
  value: unknown,
  field = 'shippingAddress',
): { address: ShippingAddress } | { errors: FieldError[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      errors: [{ field, reason: 'must be an object with name, street, postalCode, city and country' }],
    };
  }
  const input = value as Record<string, unknown>;
  const errors: FieldError[] = Object.keys(input)
    .filter((key) => !FIELDS.some(([name]) => name === key))
    .map((key) => ({ field: `${field}.${key}`, reason: 'is not a known field' }));
  const address: Record<string, string> = {};
  for (const [name, max] of FIELDS) {
    const raw = input[name];
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text === '') {
      errors.push({ field: `${field}.${name}`, reason: 'is required and must not be blank' });
    } else if (text.length > max) {
      errors.push({ field: `${field}.${name}`, reason: `must be at most ${max} characters` });
    } else {
      address[name] = text;
    }
  }
  const country = address.country?.toUpperCase();
  if (country !== undefined) {
    if (isISO31661Alpha2(country)) address.country = country;
    else
      errors.push({
        field: `${field}.country`,
        reason: 'must be an ISO 3166-1 alpha-2 country code such as DE',
      });
  }
  if (errors.length > 0) return { errors };
  return { address: address as unknown as ShippingAddress };
}

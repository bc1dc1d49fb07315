import { registerDecorator, ValidateIf, type ValidationOptions } from 'class-validator';

import { isIanaTimeZone } from '@fanfare/shared';

export function IsIanaTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIanaTimeZone',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `${String(propertyName)} must be an IANA time zone such as Europe/Berlin`,
        ...options,
      },
      validator: { validate: (value: unknown) => typeof value === 'string' && isIanaTimeZone(value) },
    });
}

/** Rejects strings that are empty once trimmed. */
export function NotBlank(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'notBlank',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must not be blank`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && value.trim().length > 0 },
    });
}

/**
 * For PATCH bodies: absent means "keep"; null is not a value the field can take (IsOptional
 * would let it through to the database).
 */
export const IfPresent = (): PropertyDecorator =>
  ValidateIf((_dto: object, value: unknown) => value !== undefined);

/** For PATCH bodies: absent means "keep", null means "none". */
export const IfValue = (): PropertyDecorator =>
  ValidateIf((_dto: object, value: unknown) => value !== undefined && value !== null);

/** An absolute https URL with a host and without credentials. */
export function isHttpsUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

export function IsHttpsUrl(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isHttpsUrl',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be an https URL`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isHttpsUrl(value) },
    });
}

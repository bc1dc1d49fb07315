import { registerDecorator, type ValidationOptions } from 'class-validator';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
export const MAX_ENDPOINT_URL_LENGTH = 2000;

/**
 * Where an endpoint may point: an absolute https URL with a host and without credentials (a
 * signature protects the body, not its confidentiality). Plain http only to this machine
 * (localhost, 127.0.0.1, [::1]), for local development and tests.
 */
export function isWebhookEndpointUrl(value: string): boolean {
  if (value.length > MAX_ENDPOINT_URL_LENGTH || /\s/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.hostname === '' || url.username !== '' || url.password !== '' || url.hash !== '') return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
}

export function IsWebhookEndpointUrl(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isWebhookEndpointUrl',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `${String(propertyName)} must be an https URL without credentials or fragment (http only for localhost)`,
        ...options,
      },
      validator: { validate: (value: unknown) => typeof value === 'string' && isWebhookEndpointUrl(value) },
    });
}

import { isWebhookEndpointUrl } from './endpoint-url';

describe('isWebhookEndpointUrl', () => {
  it.each([
    'https://example.com/hooks',
    'https://hooks.example.com:8443/fanfare?brand=1',
    'http://localhost:3000/hooks',
    'http://127.0.0.1:40111/',
    'http://[::1]:8080/hooks',
  ])('accepts %s', (url) => {
    expect(isWebhookEndpointUrl(url)).toBe(true);
  });

  it.each([
    'http://example.com/hooks',
    'http://10.0.0.1/hooks',
    'ftp://example.com/',
    'https://user:pass@example.com/',
    'https://example.com/#part',
    'https://',
    '/relative/path',
    'https://exa mple.com/',
    `https://example.com/${'a'.repeat(2000)}`,
    '',
  ])('refuses %s', (url) => {
    expect(isWebhookEndpointUrl(url)).toBe(false);
  });
});

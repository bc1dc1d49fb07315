import { readOrigins } from './widget-settings';

describe('readOrigins', () => {
  it('normalises origins and drops repeats', () => {
    expect(
      readOrigins([
        'https://Shop.Example/',
        'http://localhost:3000',
        'https://shop.example:443',
        ' https://a.b ',
      ]),
    ).toEqual({ origins: ['https://shop.example', 'http://localhost:3000', 'https://a.b'] });
    expect(readOrigins([])).toEqual({ origins: [] });
  });

  it('refuses paths, queries, credentials, wildcards and other schemes, naming each', () => {
    const result = readOrigins([
      'https://shop.example/path',
      'https://shop.example?x=1',
      'https://user:pw@shop.example',
      'https://*.shop.example',
      'ftp://shop.example',
      'shop.example',
      'https://ok.example',
    ]);
    expect(result).toEqual({
      errors: [0, 1, 2, 3, 4, 5].map((index) => ({
        field: `allowedOrigins.${index}`,
        reason: 'must be an origin such as https://shop.example (scheme, host and port only)',
      })),
    });
  });

  it('refuses more than 20 origins', () => {
    const many = Array.from({ length: 21 }, (_, index) => `https://s${index}.example`);
    expect(readOrigins(many)).toEqual({
      errors: [{ field: 'allowedOrigins', reason: 'must list at most 20 origins' }],
    });
  });
});

import { readShippingAddress } from './shipping-address';

const valid = {
  name: ' Anna Bäcker ',
  street: 'Hauptstr. 1',
  postalCode: '10115',
  city: 'Berlin',
  country: 'de',
};

describe('readShippingAddress', () => {
  it('trims the fields and upper-cases the country', () => {
    expect(readShippingAddress(valid)).toEqual({
      address: {
        name: 'Anna Bäcker',
        street: 'Hauptstr. 1',
        postalCode: '10115',
        city: 'Berlin',
        country: 'DE',
      },
    });
  });

  it('names every missing, blank, too long or unknown field', () => {
    const result = readShippingAddress({ ...valid, street: '  ', city: 'x'.repeat(101), phone: '123' });
    expect(result).toEqual({
      errors: [
        { field: 'shippingAddress.phone', reason: 'is not a known field' },
        { field: 'shippingAddress.street', reason: 'is required and must not be blank' },
        { field: 'shippingAddress.city', reason: 'must be at most 100 characters' },
      ],
    });
  });

  it('refuses a country that is no ISO 3166-1 alpha-2 code, and anything but an object', () => {
    expect(readShippingAddress({ ...valid, country: 'XX' })).toEqual({
      errors: [{ field: 'shippingAddress.country', reason: expect.stringContaining('ISO 3166-1') as string }],
    });
    expect(readShippingAddress('Hauptstr. 1')).toEqual({
      errors: [{ field: 'shippingAddress', reason: expect.stringContaining('must be an object') as string }],
    });
  });
});

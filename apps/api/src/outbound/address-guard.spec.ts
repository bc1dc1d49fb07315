import { type LookupAddress } from 'node:dns';

import { isPublicAddress, PrivateAddressError, privateLiteralHost, publicOnlyLookup } from './address-guard';

describe('isPublicAddress', () => {
  it.each([
    '93.184.215.14',
    '8.8.8.8',
    '1.1.1.1',
    '2606:4700:4700::1111',
    '[2a00:1450:4001:82b::200e]',
    '::ffff:8.8.8.8',
  ])('takes the public address %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'IPv6 loopback'],
    ['[::1]', 'bracketed IPv6 loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'IPv6 unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['fd00::1', 'IPv6 unique local'],
    ['fe80::1', 'IPv6 link-local'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['not-an-address', 'not an address'],
  ])('refuses %s (%s)', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });
});

describe('privateLiteralHost', () => {
  it('names a literal private host and passes public ones and names', () => {
    expect(privateLiteralHost(new URL('http://127.0.0.1:8080/x'))).toBe('127.0.0.1');
    expect(privateLiteralHost(new URL('https://[::1]/x'))).toBe('::1');
    expect(privateLiteralHost(new URL('https://169.254.169.254/latest/meta-data'))).toBe('169.254.169.254');
    // WHATWG URL parsing turns other spellings of an IPv4 address into the dotted form.
    expect(privateLiteralHost(new URL('http://2130706433/'))).toBe('127.0.0.1');
    expect(privateLiteralHost(new URL('http://0x7f.1/'))).toBe('127.0.0.1');
    expect(privateLiteralHost(new URL('https://8.8.8.8/hook'))).toBeNull();
    expect(privateLiteralHost(new URL('https://hooks.example.com/x'))).toBeNull();
  });
});

describe('publicOnlyLookup', () => {
  const resolve = (host: string, all: boolean): Promise<unknown> =>
    new Promise((done, fail) => {
      publicOnlyLookup(host, { all }, (error, address, family) => {
        if (error) fail(error);
        else done(all ? address : { address, family });
      });
    });

  it('refuses a name that resolves to this machine, for single and all-address lookups', async () => {
    await expect(resolve('localhost', false)).rejects.toThrow(PrivateAddressError);
    await expect(resolve('localhost', true)).rejects.toThrow(/localhost resolves to .*not a public address/);
  });

  it('answers literal public addresses in the shape the caller asked for', async () => {
    await expect(resolve('8.8.8.8', false)).resolves.toEqual({ address: '8.8.8.8', family: 4 });
    await expect(resolve('8.8.8.8', true)).resolves.toEqual([
      { address: '8.8.8.8', family: 4 },
    ] satisfies LookupAddress[]);
  });

  it('passes on resolver errors', async () => {
    await expect(resolve('no-such-host.invalid', false)).rejects.toMatchObject({
      code: expect.stringMatching(/^(ENOTFOUND|EAI_AGAIN)$/),
    });
  });
});

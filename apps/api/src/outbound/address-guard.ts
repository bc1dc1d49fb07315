import { lookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';

import ipaddr from 'ipaddr.js';

/**
 * Keeps outbound webhooks off the internal network: an endpoint URL must not make the server post
 * to its own loopback, to a private or link-local address (cloud metadata services live there),
 * or to any other address that is not public unicast. Checked on the addresses a name resolves to
 * at connect time, so a name that resolves differently later (DNS rebinding) gains nothing.
 */
export function isPublicAddress(address: string): boolean {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (!ipaddr.isValid(bare)) return false;
  // IPv4-mapped IPv6 addresses (::ffff:10.0.0.1) are judged as the IPv4 address they carry.
  return ipaddr.process(bare).range() === 'unicast';
}

export class PrivateAddressError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(
      host === address
        ? `${address} is not a public address; webhooks are not sent to internal networks.`
        : `${host} resolves to ${address}, not a public address; webhooks are not sent to internal networks.`,
    );
    this.name = 'PrivateAddressError';
  }
}

/** The host of a URL when it is an IP address that is not public; null otherwise. */
export function privateLiteralHost(url: URL): string | null {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return isIP(host) !== 0 && !isPublicAddress(host) ? host : null;
}

/**
 * A `lookup` for sockets that fails when a name resolves to any address that is not public.
 * Every address is checked, not only the first: the connection may try them all.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) {
      callback(error, '', 0);
      return;
    }
    const blocked = addresses.find((entry) => !isPublicAddress(entry.address));
    if (blocked) {
      callback(new PrivateAddressError(hostname, blocked.address), '', 0);
      return;
    }
    if (options.all) {
      (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
      return;
    }
    const first = addresses[0];
    if (!first) {
      callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
      return;
    }
    callback(null, first.address, first.family);
  });
};

import dns, { type LookupAddress } from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';

export interface AddressPolicy {
  /** UNSAFE: tests on loopback only (see CaptureLimits.allowLoopback). */
  allowLoopback: boolean;
}

/** The error a refused address gives, so callers can tell it from a DNS or connection failure. */
export class RefusedAddressError extends Error {
  readonly code = 'EREFUSEDADDRESS';
  constructor(readonly host: string) {
    super('refused: the host resolves to an address that is not public');
  }
}

/**
 * Public means ipaddr.js's 'unicast' range once an IPv4-mapped IPv6 address is unwrapped: private, link-local
 * (cloud metadata at 169.254.169.254), unique-local, CGNAT, reserved, multicast, unspecified and every
 * tunnelling prefix (6to4, Teredo, NAT64), which could wrap a private address, are all other ranges.
 */
export function isPublicAddress(ip: string, { allowLoopback }: AddressPolicy): boolean {
  if (!ipaddr.isValid(ip)) return false;
  const range = ipaddr.process(ip).range();
  return range === 'unicast' || (allowLoopback && range === 'loopback');
}

/**
 * Resolves a host (a name or a literal IP, IPv6 with or without brackets) and checks EVERY answer, so a name
 * that mixes a public and a private address is refused. Connect to the address returned, never to the name
 * again: a second lookup could answer differently (DNS rebinding).
 */
export async function resolvePublicAddress(host: string, policy: AddressPolicy): Promise<LookupAddress> {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  const family = net.isIP(bare);
  const answers = family ? [{ address: bare, family }] : await dns.promises.lookup(bare, { all: true });
  if (answers.length === 0 || answers.some((answer) => !isPublicAddress(answer.address, policy))) {
    throw new RefusedAddressError(bare);
  }
  return answers[0] as LookupAddress;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** A `lookup` for net.connect and http.request that refuses hosts with any non-public answer. */
export function createSafeLookup(policy: AddressPolicy) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    dns.lookup(hostname, { ...options, all: true }, (error, answers) => {
      if (error) return callback(error, '');
      if (answers.length === 0 || answers.some((answer) => !isPublicAddress(answer.address, policy))) {
        return callback(new RefusedAddressError(hostname), '');
      }
      const first = answers[0] as LookupAddress;
      if (options.all) callback(null, answers);
      else callback(null, first.address, first.family);
    });
  };
}

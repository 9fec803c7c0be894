import net from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  createSafeLookup,
  isPublicAddress,
  RefusedAddressError,
  resolvePublicAddress,
} from '../../src/capture/public-address.ts';

const SAFE = { allowLoopback: false };
const UNSAFE_LOOPBACK = { allowLoopback: true };

describe('which addresses a capture may reach', () => {
  it('allows public IPv4 and IPv6 addresses', () => {
    expect(isPublicAddress('1.1.1.1', SAFE)).toBe(true);
    expect(isPublicAddress('2606:4700::1111', SAFE)).toBe(true);
    expect(isPublicAddress('::ffff:1.1.1.1', SAFE)).toBe(true);
  });

  it('refuses loopback unless the unsafe test switch is on', () => {
    expect(isPublicAddress('127.0.0.1', SAFE)).toBe(false);
    expect(isPublicAddress('::1', SAFE)).toBe(false);
    expect(isPublicAddress('127.0.0.1', UNSAFE_LOOPBACK)).toBe(true);
    expect(isPublicAddress('::1', UNSAFE_LOOPBACK)).toBe(true);
  });

  it.each([
    '10.0.0.1',
    '192.168.1.1',
    '172.16.0.1',
    '169.254.169.254',
    'fd00::1',
    'fe80::1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::',
    '224.0.0.1',
    '255.255.255.255',
    '2002:a00:1::1', // 6to4 wrapping 10.0.0.1
    '2001:0:4136:e378:8000:63bf:3fff:fdd2', // Teredo
    '64:ff9b::a00:1', // NAT64 of 10.0.0.1
    'not an address',
  ])('always refuses %s, even with loopback allowed', (address) => {
    expect(isPublicAddress(address, UNSAFE_LOOPBACK)).toBe(false);
  });

  it('checks literal hosts, bracketed IPv6 included, without DNS', async () => {
    await expect(resolvePublicAddress('1.1.1.1', SAFE)).resolves.toEqual({ address: '1.1.1.1', family: 4 });
    await expect(resolvePublicAddress('[fd00::1]', UNSAFE_LOOPBACK)).rejects.toBeInstanceOf(
      RefusedAddressError,
    );
    await expect(resolvePublicAddress('169.254.169.254', UNSAFE_LOOPBACK)).rejects.toMatchObject({
      code: 'EREFUSEDADDRESS',
    });
  });

  it('refuses a name whose answers are not public, and a connection through the safe lookup', async () => {
    await expect(resolvePublicAddress('localhost', SAFE)).rejects.toBeInstanceOf(RefusedAddressError);
    const server = net.createServer((socket) => socket.end());
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as net.AddressInfo;
    const connect = (allowLoopback: boolean) =>
      new Promise<string>((done) => {
        const socket = net.connect({
          host: 'localhost',
          port,
          family: 4,
          lookup: createSafeLookup({ allowLoopback }),
        });
        socket.on('connect', () => done('connected'));
        socket.on('error', (error: NodeJS.ErrnoException) => done(error.code ?? 'error'));
      });
    try {
      expect(await connect(false)).toBe('EREFUSEDADDRESS');
      expect(await connect(true)).toBe('connected');
    } finally {
      server.close();
    }
  });
});

import type dgram from 'node:dgram';
import net from 'node:net';

import type { Protocol } from '../ports/protocol.ts';

export type { Protocol };

/** Binding here means every address, IPv4 and IPv6: "::" dual-stack, or "0.0.0.0" where there is no IPv6. */
export const EVERY_ADDRESS = '';

/** A bound socket kept open so that nobody else can take its port. */
export interface Held {
  readonly protocol: Protocol;
  /** The address it is bound to ("::" or "0.0.0.0" for every address). */
  readonly host: string;
  readonly port: number;
  /** The listening server, for TCP: reservation connects to it before it closes. */
  readonly server?: net.Server;
  /** The bound socket, for UDP: loopback confirmation sends it a datagram. */
  readonly socket?: dgram.Socket;
  close(): Promise<void>;
}

/** Errors that mean "this port is taken (or forbidden) here, try another". */
const BUSY_CODES = new Set(['EADDRINUSE', 'EACCES']);

export function isBusy(error: unknown): boolean {
  return BUSY_CODES.has((error as NodeJS.ErrnoException)?.code ?? '');
}

/** Binds one socket; port 0 lets the kernel choose. Rejects with the socket error. */
export function bind(protocol: Protocol, host: string, port: number): Promise<Held> {
  return protocol === 'tcp' ? listenTcp(host, port) : bindUdp(host, port);
}

/** Errors of a "::" bind that mean the machine has no IPv6, so "0.0.0.0" is every address. */
const NO_IPV6 = new Set(['EAFNOSUPPORT', 'EADDRNOTAVAIL']);

/** Set once a "::" bind has failed for want of IPv6: every address is then "0.0.0.0". */
let noIpv6 = false;

/**
 * Every address is "::" dual-stack, and "0.0.0.0" only where IPv6 is missing.
 *
 * A listen without a host binds "::" dual-stack too, and skips the address lookup a
 * named host costs: Node's lookup compiles its IPv6 pattern on first use (net.isIPv6,
 * about 10 ms of every step's start-up). Node falls back to "0.0.0.0" when that "::"
 * bind fails; EADDRINUSE is not among those failures (libuv reports it from listen(),
 * which gets no fallback), but so that no other "::" error can make a port count as
 * free on every address, a socket that did not land on "::" is closed and the bind
 * repeated with "::" named, whose error decides.
 */
async function listenTcp(host: string, port: number): Promise<Held> {
  if (host !== EVERY_ADDRESS) return listenTcpOn(host, port);
  if (noIpv6) return listenTcpOn('0.0.0.0', port);
  const unnamed = await listenTcpOn(undefined, port);
  if (unnamed.host === '::') return unnamed;
  await unnamed.close();
  return listenTcpOn('::', port).catch((error: NodeJS.ErrnoException) => {
    if (!NO_IPV6.has(error.code ?? '')) throw error;
    noIpv6 = true;
    return listenTcpOn('0.0.0.0', port);
  });
}

/** Listens on `host`; undefined is Node's default, "::" falling back to "0.0.0.0". */
function listenTcpOn(host: string | undefined, port: number): Promise<Held> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ ...(host === undefined ? {} : { host }), ipv6Only: false, port, backlog: 8, exclusive: true }, () => {
      server.off('error', reject);
      const address = server.address() as net.AddressInfo;
      resolve({ protocol: 'tcp', host: address.address, port: address.port, server, close: () => closeServer(server) });
    });
  });
}

/**
 * A listener closed already (a TIME_WAIT reservation closes them before its
 * self-connections) has no descriptor left: closing it again would only build an
 * ERR_SERVER_NOT_RUNNING error per socket, about 10 ms for 1000 of them.
 */
function closeServer(server: net.Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** dgram is loaded only when UDP is asked for: it is not needed to start. */
async function bindUdp(host: string, port: number): Promise<Held> {
  if (host !== EVERY_ADDRESS) return bindUdpOn(host, port);
  return bindUdpOn('::', port).catch((error: NodeJS.ErrnoException) => {
    if (NO_IPV6.has(error.code ?? '')) return bindUdpOn('0.0.0.0', port);
    throw error;
  });
}

function bindUdpOn(host: string, port: number): Promise<Held> {
  const { createSocket } = process.getBuiltinModule('node:dgram') as typeof dgram;
  return new Promise((resolve, reject) => {
    const socket = createSocket({ type: net.isIPv6(host) ? 'udp6' : 'udp4', ipv6Only: false });
    socket.once('error', (error) => {
      socket.close();
      reject(error);
    });
    socket.bind({ address: host, port, exclusive: true }, () => {
      socket.removeAllListeners('error');
      resolve({ protocol: 'udp', host, port: socket.address().port, socket, close: () => closeUdp(socket) });
    });
  });
}

function closeUdp(socket: dgram.Socket): Promise<void> {
  return new Promise((resolve) => {
    try {
      socket.close(() => resolve());
    } catch {
      resolve(); // already closed
    }
  });
}

export async function closeAll(held: Iterable<Held>): Promise<void> {
  await Promise.all([...held].map((h) => h.close()));
}

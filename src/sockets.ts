import dgram from 'node:dgram';
import net from 'node:net';

export type Protocol = 'tcp' | 'udp';

/** A bound socket kept open so that nobody else can take its port. */
export interface Held {
  readonly protocol: Protocol;
  readonly host: string;
  readonly port: number;
  /** The listening server, for TCP: reservation connects to it before it closes. */
  readonly server?: net.Server;
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

function listenTcp(host: string, port: number): Promise<Held> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    // ipv6Only false: on "::" the port must be free for IPv4 too.
    server.listen({ host, port, ipv6Only: false, backlog: 8, exclusive: true }, () => {
      server.off('error', reject);
      const bound = (server.address() as net.AddressInfo).port;
      resolve({ protocol: 'tcp', host, port: bound, server, close: () => closeServer(server) });
    });
  });
}

function closeServer(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

function bindUdp(host: string, port: number): Promise<Held> {
  return new Promise((resolve, reject) => {
    const type = net.isIPv6(host) ? 'udp6' : 'udp4';
    const socket = dgram.createSocket({ type, ipv6Only: false });
    socket.once('error', (error) => {
      socket.close();
      reject(error);
    });
    socket.bind({ address: host, port, exclusive: true }, () => {
      socket.removeAllListeners('error');
      const bound = socket.address().port;
      resolve({ protocol: 'udp', host, port: bound, close: () => closeUdp(socket) });
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

let wildcard: Promise<string> | undefined;

/** "::" where the host has IPv6 (a port free there is free on every address), else "0.0.0.0". */
export function wildcardHost(): Promise<string> {
  wildcard ??= bind('tcp', '::', 0).then(
    async (held) => {
      await held.close();
      return '::';
    },
    () => '0.0.0.0',
  );
  return wildcard;
}

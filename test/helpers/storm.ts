/**
 * Another program that walks the whole ephemeral range: bind(0) on every address
 * (TCP and UDP) until the kernel has no port left, then outgoing connections until
 * no source port is left. Reports the ports it got, per kind.
 */
import dgram from 'node:dgram';
import net from 'node:net';

type Bound = { port: number; close: () => Promise<void> };

function tcp(host: string, ipv6Only: boolean): Promise<Bound | undefined> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(undefined));
    server.listen({ host, port: 0, ipv6Only }, () =>
      resolve({ port: (server.address() as net.AddressInfo).port, close: () => new Promise((r) => server.close(() => r())) }),
    );
  });
}

function udp(host: string): Promise<Bound | undefined> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket({ type: net.isIPv6(host) ? 'udp6' : 'udp4', ipv6Only: false });
    socket.once('error', () => {
      socket.close();
      resolve(undefined);
    });
    socket.bind({ address: host, port: 0 }, () =>
      resolve({ port: socket.address().port, close: () => new Promise((r) => socket.close(() => r())) }),
    );
  });
}

function outgoing(port: number): Promise<(Bound & { socket: net.Socket }) | undefined> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('error', () => resolve(undefined));
    socket.once('connect', () => resolve({ port: socket.localPort!, socket, close: async () => void socket.destroy() }));
  });
}

/** Binds until refused, holding every socket so each call gets a new port; then lets them all go. */
async function walk(next: () => Promise<Bound | undefined>, limit = 70_000): Promise<number[]> {
  const held: Bound[] = [];
  for (let b = await next(); b && held.length < limit; b = await next()) held.push(b);
  await Promise.all(held.map((b) => b.close()));
  return held.map((b) => b.port);
}

export const STORM_KINDS = [
  'tcp ::1',
  'tcp 127.0.0.1',
  'tcp ::',
  'tcp :: ipv6-only',
  'tcp 0.0.0.0',
  'udp ::1',
  'udp 127.0.0.1',
  'udp ::',
  'udp 0.0.0.0',
  'connect',
] as const;

/** `target` is a port outside the ephemeral range where a listener takes the outgoing connections. */
export async function storm(target: number): Promise<Record<(typeof STORM_KINDS)[number], number[]>> {
  const listener = net.createServer((s) => s.resume());
  await new Promise<void>((r) => listener.listen({ host: '127.0.0.1', port: target }, () => r()));
  const got = {} as Record<(typeof STORM_KINDS)[number], number[]>;
  got['tcp ::1'] = await walk(() => tcp('::1', false));
  got['tcp 127.0.0.1'] = await walk(() => tcp('127.0.0.1', false));
  got['tcp ::'] = await walk(() => tcp('::', false));
  got['tcp :: ipv6-only'] = await walk(() => tcp('::', true));
  got['tcp 0.0.0.0'] = await walk(() => tcp('0.0.0.0', false));
  got['udp ::1'] = await walk(() => udp('::1'));
  got['udp 127.0.0.1'] = await walk(() => udp('127.0.0.1'));
  got['udp ::'] = await walk(() => udp('::'));
  got['udp 0.0.0.0'] = await walk(() => udp('0.0.0.0'));
  got.connect = await walk(() => outgoing(target));
  await new Promise((r) => listener.close(r));
  return got;
}

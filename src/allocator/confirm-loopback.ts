import type dgram from 'node:dgram';
import net from 'node:net';
import { afterPendingIO, connectToOwn } from './own-connection.ts';
import type { Held } from './sockets.ts';

const LOOPBACKS = ['127.0.0.1', '::1'];

/** How long a datagram to our own socket may take, from its send, before another program is taken to have it, ms. */
const UDP_WAIT_MS = 250;

/** The addresses a wildcard socket on `host` covers that another program may hold apart: the loopbacks and `also`. */
function addressesFor(host: string, also: readonly string[]): string[] {
  if (host !== '::' && host !== '0.0.0.0') return [];
  const covered = also.filter((a) => a !== '::' && a !== '0.0.0.0' && (host === '::' || net.isIPv4(a)));
  return [...new Set([...(host === '::' ? LOOPBACKS : LOOPBACKS.slice(0, 1)), ...covered])];
}

/**
 * On macOS and Windows a wildcard socket can coexist with another program's
 * socket on 127.0.0.1 or ::1, for TCP and UDP alike, or on any address the
 * wildcard covers. Reach each loopback address and each of `also` (addresses
 * asked for that the wildcard covers): if our own socket does not get the
 * connection (TCP) or the datagram (UDP), somebody else has that address and port.
 */
export async function confirmLoopback(held: Held, also: readonly string[] = []): Promise<boolean> {
  const addresses = addressesFor(held.host, also);
  const reach = held.server
    ? (a: string) => reachesOwnServer([held.server!], a, held.port)
    : held.socket
      ? (a: string) => reachesOwnSocket(held.socket!, a, held.port)
      : undefined;
  // One address at a time: a probe closes the connections it did not make, which a probe of another address may be waiting for.
  for (const address of reach ? addresses : []) if (!(await reach!(address))) return false;
  return true;
}

/**
 * confirmLoopback for every socket of one port. Its TCP wildcard listeners are confirmed
 * together: where two of ours share the port (macOS's `0.0.0.0` and dual-stack `::`), the
 * kernel hands a connection to 127.0.0.1 to either, and one that reaches any of them
 * reached us. A connection that reaches none of them reached another program.
 */
export async function confirmPort(held: readonly Held[], also: readonly string[] = []): Promise<boolean> {
  const listeners = held.filter((h) => h.server && addressesFor(h.host, also).length > 0);
  const rest = held.filter((h) => !listeners.includes(h));
  const addresses = [...new Set(listeners.flatMap((h) => addressesFor(h.host, also)))];
  const servers = listeners.map((h) => h.server!);
  for (const address of addresses) if (!(await reachesOwnServer(servers, address, listeners[0].port))) return false;
  const results = await Promise.all(rest.map((h) => confirmLoopback(h, also)));
  return results.every(Boolean);
}

/**
 * Refused counts as free: nobody listens on that address (or the machine lacks it).
 * Our probe is reset, not closed: a close would leave TIME_WAIT on the port itself
 * (where the server side closes first), and `reserve: none` promises none.
 */
async function reachesOwnServer(servers: readonly net.Server[], address: string, port: number): Promise<boolean> {
  const own = await connectToOwn(servers, address, port, 1000);
  if (own.outcome === 'ours') {
    own.client.resetAndDestroy();
    own.accepted.destroy();
  }
  return own.outcome !== 'elsewhere';
}

/**
 * Sends a datagram carrying a nonce to `address`:`port` and waits for our socket to
 * receive it. A socket bound to that exact address takes precedence over our
 * wildcard, so a datagram that does not arrive went to another program. An address
 * the machine lacks cannot be sent to, and counts as free.
 */
function reachesOwnSocket(socket: dgram.Socket, address: string, port: number): Promise<boolean> {
  const { createSocket } = process.getBuiltinModule('node:dgram') as typeof dgram;
  const nonce = `port-zero ${process.pid} ${port} ${Math.random()}`;
  return new Promise((resolve) => {
    const client = createSocket(net.isIPv6(address) ? 'udp6' : 'udp4');
    let finished = false;
    let timer: NodeJS.Timeout | undefined;
    const done = (result: boolean) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      socket.off('message', onMessage);
      client.close();
      resolve(result);
    };
    const onMessage = (message: Buffer) => {
      if (message.toString() === nonce) done(true);
    };
    socket.on('message', onMessage);
    client.on('error', () => done(true));
    client.send(nonce, port, address, (error) => {
      if (error) return done(true);
      if (finished) return; // the datagram arrived first
      // From the send on: a stalled process must not count its own late datagram as lost
      // (see afterPendingIO in own-connection.ts).
      timer = setTimeout(() => afterPendingIO(() => done(false)), UDP_WAIT_MS);
    });
  });
}

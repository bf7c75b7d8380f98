import net from 'node:net';
import { connectToOwn } from './own-connection.ts';
import type { Held } from './sockets.ts';

const LOOPBACKS = ['127.0.0.1', '::1'];

/**
 * On macOS and Windows a wildcard socket can coexist with another program's
 * listener on 127.0.0.1 or ::1, or on any address the wildcard covers. Connect
 * to each loopback address and to each of `also` (addresses asked for that the
 * wildcard covers): if our own server does not get the connection, somebody
 * else listens there.
 */
export async function confirmLoopback(held: Held, also: readonly string[] = []): Promise<boolean> {
  if (!held.server || (held.host !== '::' && held.host !== '0.0.0.0')) return true;
  const covered = also.filter((a) => a !== '::' && a !== '0.0.0.0' && (held.host === '::' || net.isIPv4(a)));
  const addresses = [...new Set([...(held.host === '::' ? LOOPBACKS : LOOPBACKS.slice(0, 1)), ...covered])];
  const results = await Promise.all(addresses.map((a) => reachesOwnServer(held.server!, a, held.port)));
  return results.every(Boolean);
}

/** Refused counts as free: nobody listens on that address (or the machine lacks it). */
async function reachesOwnServer(server: net.Server, address: string, port: number): Promise<boolean> {
  const own = await connectToOwn(server, address, port, 1000);
  if (own.outcome === 'ours') {
    own.accepted.destroy();
    own.client.destroy();
  }
  return own.outcome !== 'elsewhere';
}

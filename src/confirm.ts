import net from 'node:net';
import type { Held } from './sockets.ts';

const LOOPBACKS = ['127.0.0.1', '::1'];

/**
 * On macOS and Windows a wildcard socket can coexist with another program's
 * listener on 127.0.0.1 or ::1. Connect to each loopback address: if our own
 * server does not get the connection, somebody else listens there.
 */
export async function confirmLoopback(held: Held): Promise<boolean> {
  if (!held.server || (held.host !== '::' && held.host !== '0.0.0.0')) return true;
  const addresses = held.host === '::' ? LOOPBACKS : LOOPBACKS.slice(0, 1);
  const results = await Promise.all(addresses.map((a) => reachesOwnServer(held.server!, a, held.port)));
  return results.every(Boolean);
}

function reachesOwnServer(server: net.Server, address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    let done = false;
    const client = net.connect({ host: address, port });
    const onConnection = (socket: net.Socket) => {
      if (socket.remotePort !== client.localPort) return;
      finish(true);
      socket.destroy();
    };
    const finish = (ours: boolean) => {
      if (done) return;
      done = true;
      server.off('connection', onConnection);
      client.destroy();
      resolve(ours);
    };
    server.on('connection', onConnection);
    // Refused: nobody listens on that address (or it does not exist): not taken.
    client.once('error', () => finish(true));
    // Connected, but data from another listener's side or its close before ours accepts means it is not ours.
    client.once('connect', () => setTimeout(() => finish(false), 1000).unref());
  });
}

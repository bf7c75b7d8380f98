import net from 'node:net';
import type { Held } from './sockets.ts';

/**
 * Leaves each held TCP port in TIME_WAIT: connect to it, let the server side
 * close first, then close the client. For the next 60 s (Linux) no bind(0) and
 * no outgoing connection on the host gets the port, while a server that sets
 * SO_REUSEADDR still binds it at once. Must run before the listeners close.
 *
 * Each port costs one loopback TCP connection (handshake, accept, two closes):
 * kernel work that dominates the cost of a reserved batch.
 */
export async function reserveTimeWait(held: readonly Held[]): Promise<void> {
  await Promise.all(held.filter((h) => h.server).map((h) => connectAndCloseFirst(h)));
}

export function loopbackFor(host: string): string {
  return host === '::' || host === '0.0.0.0' || host === '' ? '127.0.0.1' : host;
}

function connectAndCloseFirst(held: Held): Promise<void> {
  const server = held.server!;
  return new Promise((resolve, reject) => {
    const accepted: net.Socket[] = [];
    let ours: number | undefined; // the client's port, known once it has connected
    const settle = () => {
      if (ours === undefined) return;
      for (const socket of accepted.splice(0)) {
        const peer = socket.remotePort; // read before destroy() drops the handle
        socket.destroy(); // the server side closes first: the TIME_WAIT entry is on the held port
        if (peer !== ours) continue; // someone else's connection, refused
        server.off('connection', onConnection);
        // On loopback the server's FIN has reached the client already, so this close completes the exchange.
        client.destroy();
        resolve();
        return;
      }
    };
    const onConnection = (socket: net.Socket) => {
      accepted.push(socket);
      settle();
    };
    server.on('connection', onConnection);
    const client = net.connect({ host: loopbackFor(held.host), port: held.port });
    client.once('connect', () => {
      ours = client.localPort;
      settle();
    });
    client.once('error', (error) => {
      server.off('connection', onConnection);
      reject(error);
    });
  });
}

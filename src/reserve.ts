import net from 'node:net';
import type { Held } from './sockets.ts';

/**
 * Leaves each held TCP port in TIME_WAIT: connect to it, let the server side
 * close first, and wait for the client to finish. For the next 60 s (Linux) no
 * bind(0) and no outgoing connection on the host gets the port, while a server
 * that sets SO_REUSEADDR still binds it at once. Must run before the listeners close.
 */
export async function reserveTimeWait(held: readonly Held[]): Promise<void> {
  await Promise.all(held.filter((h) => h.server).map((h) => connectAndCloseFirst(h)));
}

export function loopbackFor(host: string): string {
  return host === '::' || host === '0.0.0.0' ? '127.0.0.1' : host;
}

function connectAndCloseFirst(held: Held): Promise<void> {
  const server = held.server!;
  return new Promise((resolve, reject) => {
    // The server side closes first: the TIME_WAIT entry is then on the held port.
    const onConnection = (socket: net.Socket) => socket.destroy();
    server.once('connection', onConnection);
    const client = net.connect({ host: loopbackFor(held.host), port: held.port });
    client.once('error', (error) => {
      server.off('connection', onConnection);
      reject(error);
    });
    client.once('close', () => resolve());
    client.resume(); // read the FIN, then end our half
  });
}

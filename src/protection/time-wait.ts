import { AllocationError } from '../errors.ts';
import { connectToOwn } from '../allocator/own-connection.ts';
import type { Held } from '../allocator/sockets.ts';

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

async function connectAndCloseFirst(held: Held): Promise<void> {
  const own = await connectToOwn(held.server!, loopbackFor(held.host), held.port, 10_000);
  if (own.outcome !== 'ours')
    throw new AllocationError(
      `Port ${held.port} could not be reserved: its connection went ${own.outcome === 'refused' ? 'unanswered' : 'to another program'}`,
    );
  own.accepted.destroy(); // the server side closes first: the TIME_WAIT entry is on the held port
  // On loopback the server's FIN has reached the client already, so this close completes the exchange.
  own.client.destroy();
}

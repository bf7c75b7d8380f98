import net from 'node:net';
import { AllocationError } from '../errors.ts';
import { connectToOwn } from '../allocator/own-connection.ts';
import type { Held } from '../allocator/sockets.ts';

/**
 * How a TIME_WAIT entry is made on a port:
 * - 'self-connect' (Linux): close the port's listener, then connect from P to P on
 *   loopback. The simultaneous open makes one connection with itself; destroying it
 *   leaves one TIME_WAIT entry on (loopback:P, loopback:P). No second port is used.
 * - 'accepted' (macOS, Windows, where self-connect is unproven): connect to our own
 *   listener, let the accepted side close first, then the client. Needs a free
 *   source port for each connection.
 */
export type TimeWaitMethod = 'self-connect' | 'accepted';

export function defaultMethod(platform = process.platform): TimeWaitMethod {
  return platform === 'linux' ? 'self-connect' : 'accepted';
}

/** Self-connections in flight at once: two sockets per port and family, well under a default 1024-descriptor limit. */
const CHUNK = 256;
const CONNECT_WAIT_MS = 10_000;

/**
 * Leaves each held TCP port in TIME_WAIT on 127.0.0.1 and ::1. For the next 60 s
 * (Linux; 30 s macOS) no bind(0) on 127.0.0.1, ::1, 0.0.0.0 or :: (dual-stack or
 * IPv6-only) and no outgoing connection gets the port, while a server that sets
 * SO_REUSEADDR still binds it at once. A TIME_WAIT entry conflicts only with
 * addresses that overlap its own, hence both loopback families (measured on Linux 6.18).
 *
 * Must run while the batch is still bound. 'self-connect' closes the TCP listeners
 * itself; in the gap before its bind, another program may take the port: such
 * ports are returned as lost (the caller draws them again), never handed out.
 *
 * @returns the ports another program took during the reservation (empty as a rule).
 * @throws AllocationError naming the port and the real cause of any other failure.
 */
export async function reserveTimeWait(held: readonly Held[], method = defaultMethod()): Promise<number[]> {
  const byPort = new Map<number, Held[]>();
  for (const h of held) if (h.protocol === 'tcp') byPort.set(h.port, [...(byPort.get(h.port) ?? []), h]);
  const ports = [...byPort.entries()];
  const lost: number[] = [];
  for (let i = 0; i < ports.length; i += CHUNK) {
    const chunk = ports.slice(i, i + CHUNK);
    const results = await Promise.all(
      chunk.map(([port, sockets]) => (method === 'self-connect' ? selfConnectAll(port, sockets) : acceptAll(port, sockets))),
    );
    chunk.forEach(([port], j) => results[j] || lost.push(port));
  }
  return lost;
}

/** The loopback addresses to leave TIME_WAIT on for a socket bound to `host`; optional ones may be missing here. */
export function loopbacksFor(host: string): { address: string; required: boolean }[] {
  if (host === '::' || host === '')
    return [
      { address: '127.0.0.1', required: true },
      { address: '::1', required: false },
    ];
  if (host === '0.0.0.0') return [{ address: '127.0.0.1', required: true }];
  return [{ address: host, required: true }];
}

/** The loopback address to reach a server bound to `host`: the holder's, and the accepted method's first. */
export function loopbackFor(host: string): string {
  return loopbacksFor(host)[0].address;
}

function targets(sockets: readonly Held[]) {
  const seen = new Map<string, boolean>();
  for (const s of sockets) for (const t of loopbacksFor(s.host)) seen.set(t.address, (seen.get(t.address) ?? false) || t.required);
  return [...seen].map(([address, required]) => ({ address, required }));
}

/** False when another program took the port between our close and our bind. */
async function selfConnectAll(port: number, sockets: readonly Held[]): Promise<boolean> {
  for (const s of sockets) s.server!.close(); // the descriptor closes now; the callback comes later
  const outcomes = await Promise.all(targets(sockets).map(async (t) => ({ ...t, code: await selfConnect(t.address, port) })));
  for (const { address, required, code } of outcomes) {
    if (code === undefined) continue;
    if (code === 'EADDRINUSE') return false;
    if (!required && (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT' || code === 'ENETUNREACH')) continue; // no ::1 here
    throw new AllocationError(`Port ${port} could not be reserved: a TIME_WAIT self-connection on ${address} failed (${code})`);
  }
  return true;
}

/** Connects `address`:`port` to itself and destroys the connection; resolves with the error code, if any. */
function selfConnect(address: string, port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port, localAddress: address, localPort: port });
    const timer = setTimeout(() => finish('ETIMEDOUT'), CONNECT_WAIT_MS);
    function finish(code: string | undefined) {
      clearTimeout(timer);
      socket.destroy(); // after connect: a FIN, not a reset, so the entry stays in TIME_WAIT
      resolve(code);
    }
    socket.once('connect', () => finish(undefined));
    socket.once('error', (error: NodeJS.ErrnoException) => finish(error.code ?? error.message));
  });
}

/** The accepted-connection method; the listeners stay open (the caller closes them). */
async function acceptAll(port: number, sockets: readonly Held[]): Promise<boolean> {
  for (const s of sockets) {
    for (const { address, required } of loopbacksFor(s.host)) await acceptOne(s.server!, address, port, required);
  }
  return true;
}

async function acceptOne(server: net.Server, address: string, port: number, required: boolean): Promise<void> {
  const own = await connectToOwn(server, address, port, CONNECT_WAIT_MS);
  if (own.outcome === 'ours') {
    own.accepted.destroy(); // the server side closes first: the TIME_WAIT entry is on the held port
    // On loopback the server's FIN has reached the client already, so this close completes the exchange.
    own.client.destroy();
    return;
  }
  if (!required) return;
  const cause =
    own.outcome === 'elsewhere'
      ? 'its loopback connection reached another program'
      : own.code === 'EADDRNOTAVAIL'
        ? 'no source port was left for its loopback connection (EADDRNOTAVAIL): the ephemeral range is full'
        : `its loopback connection failed (${own.code})`;
  throw new AllocationError(`Port ${port} could not be reserved: ${cause}`);
}

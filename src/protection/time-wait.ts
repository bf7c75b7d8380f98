import net from 'node:net';
import { AllocationError } from '../errors.ts';
import { connectToOwn } from '../allocator/own-connection.ts';
import type { Held } from '../allocator/sockets.ts';
import { systemTool } from '../platform/system-tools.ts';
import type { Protection } from './protection.ts';
import { CHILD_ADDRESSES, CHILD_LINE, SelfConnectChild, type ChildFailure } from './self-connect-child.ts';

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

/** How 'self-connect' makes its connections; the defaults are right outside tests. */
export interface SelfConnectOptions {
  /**
   * The perl that makes them in one short-lived process (Linux), or null for
   * Node's own sockets. Default: /usr/bin/perl on Linux; where it is missing or
   * cannot start, Node's sockets make them.
   */
  program?: string | null;
  /** At most this long (ms) for that process, then it is killed and an AllocationError thrown. */
  waitMs?: number;
  /** Use that process from this many ports on (fewer: Node's sockets are faster). Default: CHILD_FROM (200). */
  childFrom?: number;
}

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
 * @throws AllocationError naming the port and the real cause of any other failure,
 *   or the perl process's failure once it has started (see SelfConnectChild).
 */
export async function reserveTimeWait(
  held: readonly Held[],
  method = defaultMethod(),
  options: SelfConnectOptions = {},
): Promise<number[]> {
  const byPort = new Map<number, Held[]>();
  for (const h of held) if (h.protocol === 'tcp') byPort.set(h.port, [...(byPort.get(h.port) ?? []), h]);
  const ports = [...byPort.entries()];
  if (method === 'self-connect') return selfConnectBatch(ports, options);
  return chunked(ports, ([port, sockets]) => acceptAll(port, sockets));
}

/** Runs `reserve` on CHUNK ports at a time; returns the ports it found lost. */
async function chunked(ports: [number, Held[]][], reserve: (entry: [number, Held[]]) => Promise<boolean>): Promise<number[]> {
  const lost: number[] = [];
  for (let i = 0; i < ports.length; i += CHUNK) {
    const chunk = ports.slice(i, i + CHUNK);
    const results = await Promise.all(chunk.map(reserve));
    chunk.forEach(([port], j) => results[j] || lost.push(port));
  }
  return lost;
}

/**
 * From this many ports on, the perl process makes the self-connections: starting it
 * costs 10-30 ms (Node forks its whole process, then perl starts), and each port
 * saves about 0.15 ms of Node's socket work (two connections), so below this
 * Node's own sockets are faster (measured on Linux 6.18, 2 cores).
 */
const CHILD_FROM = 200;

/**
 * Self-connections in one perl process for every port whose targets it knows (the
 * loopback addresses) in batches of CHILD_FROM ports or more; Node's own sockets
 * for the rest, and for all of them where perl is missing or does not start. The
 * process starts before the first listener closes, and each line of ports goes
 * to it as soon as their listeners are closed.
 */
async function selfConnectBatch(ports: [number, Held[]][], options: SelfConnectOptions): Promise<number[]> {
  const program = options.program === undefined ? (process.platform === 'linux' ? systemTool('perl') : null) : options.program;
  const plans = ports.map(([port, sockets]) => ({ port, sockets, targets: targets(sockets) }));
  const known = program ? plans.filter((p) => p.targets.every((t) => t.address in CHILD_ADDRESSES)) : [];
  const byChild = known.length >= (options.childFrom ?? CHILD_FROM) ? known : [];
  const inPerl = new Set(byChild);
  const byNode = plans.filter((p) => !inPerl.has(p));
  const lost: number[] = [];
  if (byChild.length > 0) {
    const failures = await inChild(program!, byChild, options.waitMs ?? CONNECT_WAIT_MS);
    // Undefined: it never started, so it touched no port.
    if (failures === undefined) byNode.push(...byChild);
    else for (const p of byChild) if (!judge(p.port, p.targets, failures.get(p.port) ?? [])) lost.push(p.port);
  }
  const viaNode = await chunked(
    byNode.map((p): [number, Held[]] => [p.port, p.sockets]),
    ([port, sockets]) => selfConnectAll(port, sockets),
  );
  return [...lost, ...viaNode];
}

/** The perl process's failed connections by port, or undefined when it never started. */
async function inChild(program: string, plans: readonly Plan[], waitMs: number): Promise<Map<number, ChildFailure[]> | undefined> {
  const child = new SelfConnectChild(program);
  try {
    for (const [key, group] of Map.groupBy(plans, (p) => p.targets.map((t) => t.address).join(' '))) {
      for (let i = 0; i < group.length; i += CHILD_LINE) {
        const line = group.slice(i, i + CHILD_LINE);
        for (const p of line) closeListeners(p.sockets);
        const ports = line.map((p) => p.port);
        child.send(key.split(' '), ports);
      }
    }
  } catch (error) {
    await child.stop();
    throw error;
  }
  const failures = await child.finish(waitMs);
  return failures && Map.groupBy(failures, (f) => f.port);
}

interface Plan {
  port: number;
  sockets: Held[];
  targets: Target[];
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

interface Target {
  address: string;
  required: boolean;
}

function targets(sockets: readonly Held[]): Target[] {
  const seen = new Map<string, boolean>();
  for (const s of sockets) for (const t of loopbacksFor(s.host)) seen.set(t.address, (seen.get(t.address) ?? false) || t.required);
  return [...seen].map(([address, required]) => ({ address, required }));
}

/** The descriptors close now (the callbacks come later); a listener closed already is left alone. */
function closeListeners(sockets: readonly Held[]) {
  for (const s of sockets) if (s.server!.listening) s.server!.close();
}

/** False when another program took the port between our close and our bind. */
async function selfConnectAll(port: number, sockets: readonly Held[]): Promise<boolean> {
  closeListeners(sockets);
  const targeted = targets(sockets);
  const failures = await Promise.all(targeted.map(async ({ address }) => ({ port, address, code: await selfConnect(address, port) })));
  return judge(port, targeted, failures);
}

/**
 * False when a self-connection found the port taken (EADDRINUSE); true when every
 * required one succeeded and any optional one failed only for want of ::1 here.
 * @throws AllocationError for any other failure.
 */
function judge(port: number, targeted: readonly Target[], failures: readonly { address: string; code?: string }[]): boolean {
  const failed = failures.filter((f): f is { address: string; code: string } => f.code !== undefined);
  if (failed.some((f) => f.code === 'EADDRINUSE')) return false;
  for (const { address, code } of failed) {
    const required = targeted.find((t) => t.address === address)?.required ?? true;
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

/**
 * The accepted-connection method; the listeners stay open (the caller closes them). Each
 * loopback address once per port, to whichever of the port's listeners the kernel hands
 * it (macOS: `0.0.0.0` or the dual-stack `::`, both ours).
 */
async function acceptAll(port: number, sockets: readonly Held[]): Promise<boolean> {
  const servers = sockets.map((s) => s.server!);
  for (const { address, required } of targets(sockets)) await acceptOne(servers, address, port, required);
  return true;
}

async function acceptOne(servers: readonly net.Server[], address: string, port: number, required: boolean): Promise<void> {
  const own = await connectToOwn(servers, address, port, CONNECT_WAIT_MS);
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

/** TIME_WAIT lasts 60 s on Linux, 30 s on macOS (fixed by each kernel). */
export function timeWaitSeconds(platform = process.platform): number {
  return platform === 'darwin' ? 30 : 60;
}

/** The TIME_WAIT reservation as a protection: nothing outlives the step, and nothing can be undone (it ends by itself). */
export function timeWaitProtection(): Protection {
  let used = false;
  return {
    mode: 'time-wait',
    protect: (held) => {
      used ||= held.some((h) => h.protocol === 'tcp');
      return reserveTimeWait(held);
    },
    settle: async () => {},
    describe: (now = Date.now()) => (used ? `TIME_WAIT until ${clock(now + timeWaitSeconds() * 1000)} UTC` : 'nothing'),
    state: () => undefined,
    undo: async () => {},
  };
}

/** `hh:mm:ss` of `ms` since the epoch, in UTC. */
function clock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

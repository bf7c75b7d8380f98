import { openSocketReader, type PortQuery, type SocketReader } from '../platform/socket-readers.ts';
import type { PortSocket, SocketProtocol } from '../platform/socket-table.ts';
import { belongingText, ownerText, seconds } from './describe.ts';
import { ownersOf } from './owner-facts.ts';
import type { JobIdentity, Owner } from './ownership.ts';
import { nextChange } from './socket-changes.ts';
import { ForeignListenerError, WaitTimeoutError, type SeenPort } from './wait-errors.ts';
import type { WaitTarget } from './wait-request.ts';

/** One port found ready. */
export interface PortReadiness {
  target: WaitTarget;
  /** From the start of the wait to the look that saw it, in ms. */
  ms: number;
  /** Where it listens: `tcp ::1`, `udp 127.0.0.1`, one per socket. */
  listening: string[];
  /** The owner named for it: the job's listener if any, else the first one's. */
  owner: Owner;
  /** The owner of each socket on the port (one server can listen on several addresses). */
  owners: Owner[];
}

export interface WaitLoopOptions {
  timeoutMs: number;
  job: JobIdentity;
  /** `fail`: a listener of someone else's ends the wait at once with ForeignListenerError; `report`: it counts as ready. */
  foreign: 'fail' | 'report';
  signal?: AbortSignal;
  /** Called for each port as it becomes ready, in the order they do. */
  onReady?: (ready: PortReadiness) => void;
  debug?: (message: string) => void;
  /** The socket table's reader; default: this OS's (tests and the benchmark pass their own). */
  reader?: SocketReader;
}

/** `tcp ::1` */
const where = (s: PortSocket) => `${s.protocol} ${s.address}`;

/** The sockets on `target`'s port, when every protocol it asks for has one; else undefined. */
function readySockets(target: WaitTarget, sockets: readonly PortSocket[]): PortSocket[] | undefined {
  const mine = sockets.filter((s) => s.port === target.port && target.protocols.includes(s.protocol));
  return target.protocols.every((p) => mine.some((s) => s.protocol === p)) ? mine : undefined;
}

/** The ports `targets` ask about, per protocol. */
function queryOf(targets: readonly WaitTarget[]): PortQuery {
  const ports = (protocol: SocketProtocol) => targets.filter((t) => t.protocols.includes(protocol)).map((t) => t.port);
  return { tcp: ports('tcp'), udp: ports('udp') };
}

/**
 * Watches the socket table until every target is ready, the time-out passes
 * (WaitTimeoutError, listing what was seen of each port), a port turns out to be held by
 * someone else's process (ForeignListenerError, at once, with `foreign: 'fail'`), or the
 * signal aborts (its reason is thrown). Owners are looked up once per port, when it
 * becomes ready. Returns one result per target, in the targets' order.
 */
export async function waitForTargets(targets: readonly WaitTarget[], options: WaitLoopOptions): Promise<PortReadiness[]> {
  const start = performance.now();
  const deadline = start + options.timeoutMs;
  const reader = options.reader ?? openSocketReader();
  const done = new Map<WaitTarget, PortReadiness>();
  let known: PortSocket[] = [];
  try {
    for (;;) {
      const pending = targets.filter((t) => !done.has(t));
      known = await nextChange(reader, queryOf(pending), known, deadline, options.signal);
      options.debug?.(`${seconds(performance.now() - start)}: ${known.map(where).join(', ') || 'nothing'} on the ports (${reader.source})`);
      await settle(pending, known, performance.now() - start, done, options);
      if (done.size === targets.length) return targets.map((t) => done.get(t)!);
      if (performance.now() >= deadline) throw await timedOut(targets, done, reader, options.timeoutMs);
    }
  } finally {
    reader.close();
  }
}

/** Records the targets this look found ready, with their owners; throws ForeignListenerError for those held by someone else. */
async function settle(
  pending: WaitTarget[],
  sockets: PortSocket[],
  ms: number,
  done: Map<WaitTarget, PortReadiness>,
  options: WaitLoopOptions,
) {
  const ready = pending.flatMap((target) => {
    const found = readySockets(target, sockets);
    return found ? [{ target, found }] : [];
  });
  if (ready.length === 0) return;
  const owners = await ownersOf(
    ready.flatMap((r) => r.found),
    options.job,
  );
  let next = 0;
  const results = ready.map(({ target, found }) => {
    const mine = owners.slice(next, (next += found.length));
    const owner = mine.find((o) => o.belongs === 'job') ?? mine.find((o) => o.belongs === 'foreign') ?? mine[0];
    return { target, ms, listening: found.map(where), owner, owners: mine };
  });
  const foreign = results.flatMap((r) => r.owners.filter((o) => o.belongs === 'foreign').map((owner) => ({ target: r.target, owner })));
  if (foreign.length && options.foreign === 'fail') throw new ForeignListenerError(foreign);
  for (const result of results) {
    done.set(result.target, result);
    options.onReady?.(result);
  }
}

/** The time-out's error: one more look at both protocols, to say for each port what is there. */
async function timedOut(targets: readonly WaitTarget[], done: Map<WaitTarget, PortReadiness>, reader: SocketReader, timeoutMs: number) {
  const ports = targets.map((t) => t.port);
  const sockets = await reader.read({ tcp: ports, udp: ports }).catch(() => [] as PortSocket[]);
  const seen: SeenPort[] = targets.map((target) => {
    const result = done.get(target);
    if (result) {
      const { owner } = result;
      return { target, ready: true, seen: `ready after ${seconds(result.ms)}, ${ownerText(owner)}: ${belongingText(owner)}` };
    }
    return {
      target,
      ready: false,
      seen: notReady(
        target,
        sockets.filter((s) => s.port === target.port),
      ),
    };
  });
  return new WaitTimeoutError(timeoutMs, seen);
}

/** `nothing listening`, `listening for udp only`, `tcp ready; nothing bound for udp`. */
function notReady(target: WaitTarget, onPort: PortSocket[]): string {
  const present = new Set(onPort.map((s) => s.protocol));
  const missing = target.protocols.filter((p) => !present.has(p));
  const noun = (p: SocketProtocol) => (p === 'tcp' ? 'nothing listening for tcp' : 'nothing bound for udp');
  if (present.size === 0) return target.protocols.length === 1 ? 'nothing listening' : 'nothing listening for tcp or udp';
  const others = [...present].filter((p) => !target.protocols.includes(p));
  if (others.length && missing.length === target.protocols.length)
    return `listening for ${others.join(' and ')} only, not ${missing.join(' or ')}`;
  return `${target.protocols.filter((p) => present.has(p)).join(' and ')} ready; ${missing.map(noun).join('; ')}`;
}

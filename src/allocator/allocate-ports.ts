import { AllocationError, PortZeroError } from '../errors.ts';
import { PortSet, type PortRange } from './port-range.ts';
import { ephemeralRange } from '../platform/ephemeral-range.ts';
import { reserveTimeWait } from '../protection/time-wait.ts';
import { readReservedPorts } from '../protection/kernel-list.ts';
import { bind, closeAll, EVERY_ADDRESS, isBusy, type Held, type Protocol } from './sockets.ts';
import { confirmLoopback } from './confirm-loopback.ts';
import { windowsExcludedPorts } from '../platform/windows-excluded.ts';

export type { Protocol } from './sockets.ts';
/**
 * Protects the chosen ports after their sockets close; called while the whole batch
 * is still bound. Resolves with the ports another program took meanwhile (drawn again).
 */
export type Protector = (held: readonly Held[]) => Promise<number[]>;
export type Reservation = 'none' | 'time-wait' | Protector;

export interface AllocateOptions {
  /** How many ports. */
  count: number;
  /** Each port is free for every protocol listed. Default: TCP. */
  protocols?: readonly Protocol[];
  /** Each port is free on every address listed. Default: every address (`::`, or `0.0.0.0` without IPv6). */
  hosts?: readonly string[];
  /** Draw from this range instead of letting the kernel choose. */
  range?: PortRange;
  /** Never hand these out, whoever proposes them. */
  exclude?: PortSet;
  /** One block of consecutive ports. */
  contiguous?: boolean;
  /**
   * Takes ownership of candidate ports beyond this process (a lease); false when
   * someone else owns one, and then the ports are skipped. Called while they are held.
   */
  claim?: (ports: readonly number[]) => Promise<boolean>;
  /** What protects the ports after the sockets close. Default: none. */
  reserve?: Reservation;
  /** Also check 127.0.0.1 and ::1, where a wildcard bind can coexist with them. Default: on macOS and Windows. */
  confirmLoopback?: boolean;
}

export interface Allocation {
  /** Distinct ports, in the order they were asked for (a contiguous block ascends). */
  readonly ports: number[];
  /** The addresses the ports were bound on. */
  readonly hosts: readonly string[];
  readonly protocols: readonly Protocol[];
  readonly reserve: Reservation;
}

/** A port bound on every host and protocol asked for, or not (then `held` is kept to steer the kernel away). */
interface Candidate {
  ports: number[];
  held: Held[];
  free: boolean;
}

/** Gives up after skipping this many taken, leased or excluded ports: the host is full. */
const MAX_SKIPPED = 20000;
/** Rounds of drawing again the ports another program took while they were being reserved. */
const MAX_REDRAWS = 5;

/**
 * Binds the whole batch, holds every socket until all ports are known, then
 * closes them all, so no port can be handed out twice within the batch. Ports lost
 * during the reservation are drawn again (a contiguous block as a whole).
 */
export async function allocatePorts(options: AllocateOptions): Promise<Allocation> {
  let { allocation, lost } = await allocateOnce(options);
  let seen = new PortSet(allocation.ports.map((p) => ({ low: p, high: p })));
  for (let round = 1; lost.length > 0; round++) {
    if (round > MAX_REDRAWS) {
      throw new AllocationError(
        `Another program took ports ${lost.join(' ')} between their check and their reservation, ${MAX_REDRAWS} times in a row; try again, or use reserve: kernel`,
      );
    }
    const exclude = (options.exclude ?? new PortSet()).union(seen);
    const again = await allocateOnce({ ...options, exclude, count: options.contiguous ? options.count : lost.length });
    seen = seen.union(new PortSet(again.allocation.ports.map((p) => ({ low: p, high: p }))));
    const fresh = [...again.allocation.ports];
    const ports = options.contiguous ? fresh : allocation.ports.map((p) => (lost.includes(p) ? fresh.shift()! : p));
    ({ allocation, lost } = { allocation: { ...allocation, ports }, lost: again.lost });
  }
  return allocation;
}

async function allocateOnce(options: AllocateOptions): Promise<{ allocation: Allocation; lost: number[] }> {
  const spec = await resolveSpec(options);
  const chosen: Candidate[] = [];
  const skipped: Held[] = [];
  try {
    const source = spec.contiguous ? blockSource(spec) : spec.range ? rangeSource(spec) : kernelSource(spec);
    while (chosen.length < spec.count && !(spec.contiguous && chosen.length > 0)) {
      const batch = await source(spec.count - chosen.length);
      if (!batch) break;
      await judge(spec, batch, chosen, skipped);
      if (skipped.length > MAX_SKIPPED) throw new AllocationError(`Gave up after skipping ${skipped.length} taken ports`);
    }
    const ports = chosen.flatMap((c) => c.ports);
    if (ports.length < spec.count) throw shortfall(spec, ports.length);
    const protect = spec.reserve === 'time-wait' ? reserveTimeWait : spec.reserve === 'none' ? undefined : spec.reserve;
    const lost = protect ? await protect(chosen.flatMap((c) => c.held)) : [];
    const bound = chosen[0].held.map((h) => h.host); // what "every address" turned out to be here
    return { allocation: { ports, hosts: [...new Set(bound)], protocols: spec.protocols, reserve: spec.reserve }, lost };
  } finally {
    await closeAll([...skipped, ...chosen.flatMap((c) => c.held)]);
  }
}

/**
 * Sorts a batch into chosen and skipped. Skipped sockets stay bound until the
 * end, so the kernel cannot offer those ports again; so do any not needed.
 */
async function judge(spec: Spec, batch: Candidate[], chosen: Candidate[], skipped: Held[]) {
  const asks = spec.claim !== undefined || spec.confirmLoopback;
  for (let i = 0; i < batch.length; i++) {
    const candidate = batch[i];
    const wanted = chosen.length < spec.count && !(spec.contiguous && chosen.length > 0);
    let taken: boolean;
    try {
      taken = wanted && candidate.free && !candidate.ports.some((p) => spec.exclude.has(p)) && (!asks || (await claimed(spec, candidate)));
    } catch (error) {
      for (const rest of batch.slice(i)) skipped.push(...rest.held); // still ours to close
      throw error;
    }
    if (taken) chosen.push(candidate);
    else skipped.push(...candidate.held);
  }
}

async function claimed(spec: Spec, candidate: Candidate): Promise<boolean> {
  if (spec.confirmLoopback && !(await confirmAll(candidate))) return false;
  return spec.claim ? spec.claim(candidate.ports) : true;
}

type Spec = Required<Omit<AllocateOptions, 'range' | 'claim'>> &
  Pick<AllocateOptions, 'range' | 'claim'> & {
    /** Every (protocol, host) a port must bind on, worked out once per batch. */
    pairs: { protocol: Protocol; host: string }[];
  };

async function resolveSpec(options: AllocateOptions): Promise<Spec> {
  if (!Number.isInteger(options.count) || options.count < 1) {
    throw new PortZeroError(`count must be a whole number of at least 1, got ${options.count}`);
  }
  const hosts = options.hosts?.length ? [...options.hosts] : [EVERY_ADDRESS];
  const protocols: Protocol[] = options.protocols?.length ? [...new Set(options.protocols)] : ['tcp'];
  let exclude = options.exclude ?? new PortSet();
  // Port 0 avoids Windows' excluded ranges, but a range or a contiguous block does not.
  if (process.platform === 'win32' && (options.range || options.contiguous)) {
    exclude = exclude.union(await windowsExcludedPorts(protocols));
  }
  // Port 0 skips the kernel's reserved-port list too; explicit binds to listed ports succeed.
  if (process.platform === 'linux' && (options.range || options.contiguous)) exclude = exclude.union(readReservedPorts());
  return {
    count: options.count,
    protocols,
    hosts,
    pairs: protocols.flatMap((protocol) => hosts.map((host) => ({ protocol, host }))),
    range: options.range,
    exclude,
    contiguous: options.contiguous ?? false,
    claim: options.claim,
    reserve: options.reserve ?? 'none',
    confirmLoopback: options.confirmLoopback ?? process.platform !== 'linux',
  };
}

async function confirmAll(candidate: Candidate): Promise<boolean> {
  const results = await Promise.all(candidate.held.map((h) => confirmLoopback(h)));
  return results.every(Boolean);
}

function shortfall(spec: Spec, found: number): AllocationError {
  const where = spec.range ? `range ${spec.range.low}-${spec.range.high}` : 'the ephemeral range';
  if (spec.count === 1) return new AllocationError(`No free port in ${where}`);
  if (spec.contiguous) {
    return new AllocationError(`No block of ${spec.count} consecutive free ports in ${where}`);
  }
  return new AllocationError(`Only ${found} of the ${spec.count} ports asked for ${found === 1 ? 'is' : 'are'} free in ${where}`);
}

/** Binds `port` on every (protocol, host) pair, holding what succeeds. Port 0 lets the first bind choose. */
async function bindEverywhere(spec: Spec, port: number): Promise<Candidate> {
  const [head, ...rest] = spec.pairs;
  const first = await bind(head.protocol, head.host, port).catch((error: unknown) => {
    if (port !== 0 && isBusy(error)) return undefined;
    throw explain(error, head.host, port);
  });
  if (!first) return { ports: [port], held: [], free: false };
  if (rest.length === 0) return { ports: [first.port], held: [first], free: true }; // the usual case: TCP, every address
  const others = await Promise.allSettled(rest.map((p) => bind(p.protocol, p.host, first.port)));
  const held = [first, ...fulfilled(others)];
  const failure = rejected(others).find((e) => !isBusy(e));
  if (failure) {
    await closeAll(held);
    throw explain(failure, '', first.port);
  }
  return { ports: [first.port], held, free: held.length === spec.pairs.length };
}

function fulfilled<T>(results: PromiseSettledResult<T>[]): T[] {
  return results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
}

function rejected<T>(results: PromiseSettledResult<T>[]): unknown[] {
  return results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
}

function explain(error: unknown, host: string, port: number): Error {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'EADDRNOTAVAIL') return new AllocationError(`Address ${host || 'asked for'} is not an address of this machine`);
  if (port === 0 && (code === 'EADDRINUSE' || code === 'EAGAIN')) {
    return new AllocationError('The kernel has no free ephemeral port left');
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** Draws the next batch of candidates, at most about `remaining`; undefined when there are no more. */
type Source = (remaining: number) => Promise<Candidate[] | undefined>;

/** The kernel picks; every socket stays bound, so it never offers the same port twice. */
function kernelSource(spec: Spec): Source {
  let size = 0;
  // When proposals keep being refused (leased, excluded), draw more at once instead of a few per round.
  return (remaining) => {
    size = size === 0 ? remaining : Math.min(Math.max(size * 2, remaining), 1024);
    return settleAll(Array.from({ length: size }, () => bindEverywhere(spec, 0)));
  };
}

/** Random order: lowest-first would make concurrent jobs collide on the same low ports. */
function rangeSource(spec: Spec): Source {
  const order = shuffled(spec.range!, spec.exclude);
  return async (remaining) => {
    while (order.length > 0) {
      const batch = await settleAll(order.splice(0, remaining).map((port) => bindEverywhere(spec, port)));
      // A range is walked once: a refused port need not be held.
      await closeAll(batch.filter((c) => !c.free).flatMap((c) => c.held));
      const free = batch.filter((c) => c.free);
      if (free.length > 0) return free;
    }
    return undefined;
  };
}

/** Random blocks of consecutive ports, in `range` or the ephemeral range, until one is wholly free. */
function blockSource(spec: Spec): Source {
  const range = spec.range ?? ephemeralRange();
  const bases = shuffled({ low: range.low, high: range.high - spec.count + 1 }, new PortSet());
  return async () => {
    for (let base = bases.pop(); base !== undefined; base = bases.pop()) {
      const ports = Array.from({ length: spec.count }, (_, i) => base + i);
      if (ports.some((p) => spec.exclude.has(p))) continue;
      const parts = await settleAll(ports.map((port) => bindEverywhere(spec, port)));
      const held = parts.flatMap((p) => p.held);
      if (parts.every((p) => p.free)) return [{ ports, held, free: true }];
      await closeAll(held);
    }
    return undefined;
  };
}

/** Like Promise.all, but closes what the other promises bound when one of them fails. */
async function settleAll(promises: Promise<Candidate>[]): Promise<Candidate[]> {
  try {
    return await Promise.all(promises);
  } catch (failure) {
    const results = await Promise.allSettled(promises);
    await closeAll(fulfilled(results).flatMap((c) => c.held));
    throw failure;
  }
}

function shuffled(range: PortRange, exclude: PortSet): number[] {
  const ports: number[] = [];
  if (range.high < range.low) return ports;
  for (let p = range.low; p <= range.high; p++) if (!exclude.has(p)) ports.push(p);
  for (let i = ports.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [ports[i], ports[j]] = [ports[j], ports[i]];
  }
  return ports;
}

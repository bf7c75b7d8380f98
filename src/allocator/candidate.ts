import { AllocationError } from '../errors.ts';
import type { PortSet, PortRange } from '../ports/port-set.ts';
import { bind, closeAll, isBusy, type Held, type Protocol } from './sockets.ts';
import type { Holder, Taken } from './taken.ts';

/** One (protocol, address) a port must bind on. */
export interface Pair {
  protocol: Protocol;
  host: string;
}

/** What a source needs to know about the request, worked out once per allocation. */
export interface Spec {
  count: number;
  protocols: Protocol[];
  /** Every (protocol, host) a port must bind on; the first one is bound first (with port 0 when the kernel chooses). */
  pairs: Pair[];
  range?: PortRange;
  exclude: PortSet;
  contiguous: boolean;
  /** Ports that live leases hold, asked before each round: never bound (see taken.ts). */
  taken: () => Taken;
  /** Why a leased port is refused, in the caller's words. */
  leasedRefusal: (holder: Holder) => string;
}

/** A port (or block) bound on every pair asked for, or not; a refused one keeps `held` to steer the kernel away. */
export interface Candidate {
  ports: number[];
  held: Held[];
  free: boolean;
  /** Why a refused candidate was refused, for the error when too few are found ("taken for udp on ::"). */
  refusal?: string;
}

/**
 * Draws the next round of candidates, at most about `remaining` ports' worth,
 * and does a bounded amount of work per call (at most 1024 binds or one block):
 * an empty array means "none free this round", undefined "nothing left to try".
 */
export type Source = (remaining: number) => Promise<Candidate[] | undefined>;

/** The most binds one round of a source makes at once. */
export const MAX_ROUND = 1024;

export function describePair(pair: Pair): string {
  return `${pair.protocol} on ${pair.host || 'every address'}`;
}

/**
 * Binds `port` on every pair, holding what succeeds. Port 0 lets the first bind
 * choose. Resolves with a refused candidate when the port is taken somewhere;
 * rejects on any other error (the kernel out of ephemeral ports, an address the
 * machine lacks), having closed what it bound.
 */
export async function bindEverywhere(spec: Spec, port: number): Promise<Candidate> {
  const [head, ...rest] = spec.pairs;
  const first = await bind(head.protocol, head.host, port).catch((error: unknown) => {
    if (port !== 0 && isBusy(error)) return undefined;
    throw explain(error, head.host, port);
  });
  if (!first) return { ports: [port], held: [], free: false, refusal: `taken for ${describePair(head)}` };
  if (rest.length === 0) return { ports: [first.port], held: [first], free: true }; // the usual case: TCP, every address
  const others = await Promise.allSettled(rest.map((p) => bind(p.protocol, p.host, first.port)));
  const held = [first, ...fulfilled(others)];
  const failure = rejected(others).find((e) => !isBusy(e));
  if (failure) {
    await closeAll(held);
    throw explain(failure, '', first.port);
  }
  const refusedOn = rest.find((_, i) => others[i].status === 'rejected');
  return { ports: [first.port], held, free: !refusedOn, refusal: refusedOn && `taken for ${describePair(refusedOn)}` };
}

/** bind(0) failed because the kernel has no ephemeral port left to give on that address. */
export class EphemeralExhausted extends AllocationError {
  override name = 'EphemeralExhausted';
}

function explain(error: unknown, host: string, port: number): Error {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'EADDRNOTAVAIL') return new AllocationError(`Address ${host || 'asked for'} is not an address of this machine`);
  if (port === 0 && (code === 'EADDRINUSE' || code === 'EAGAIN')) {
    return new EphemeralExhausted('The kernel has no free ephemeral port left');
  }
  return error instanceof Error ? error : new Error(String(error));
}

export function fulfilled<T>(results: PromiseSettledResult<T>[]): T[] {
  return results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
}

export function rejected<T>(results: PromiseSettledResult<T>[]): unknown[] {
  return results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
}

/** Like Promise.all, but closes what the other promises bound when one of them fails. */
export async function settleAll(promises: Promise<Candidate>[]): Promise<Candidate[]> {
  try {
    return await Promise.all(promises);
  } catch (failure) {
    const results = await Promise.allSettled(promises);
    await closeAll(fulfilled(results).flatMap((c) => c.held));
    throw failure;
  }
}

/** The ports of `ranges` in random order: lowest-first would make concurrent jobs collide on the same low ports. */
export function shuffled(ranges: readonly PortRange[]): number[] {
  const ports: number[] = [];
  for (const range of ranges) for (let p = range.low; p <= range.high; p++) ports.push(p);
  for (let i = ports.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [ports[i], ports[j]] = [ports[j], ports[i]];
  }
  return ports;
}

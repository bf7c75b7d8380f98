import { ACTION_VOCABULARY, PortZeroError } from '../errors.ts';
import { BAD_PORT_SET } from '../ports/bad-ports.ts';
import { PortSet } from '../ports/port-set.ts';
import type { Protocol } from '../ports/protocol.ts';
import { readReservedPorts } from '../platform/reserved-ports.ts';
import { windowsExcludedPorts } from '../platform/windows-excluded.ts';
import type { AllocateOptions } from './allocate-ports.ts';
import type { Spec } from './candidate.ts';
import { bindPairs, planHosts } from './hosts.ts';
import { NOTHING_TAKEN, type Holder } from './taken.ts';

/** Gives up after this long (ms) by default: a request that cannot be met ends in an error, never a hang. */
export const DEFAULT_TIME_LIMIT_MS = 10_000;

/** The sources' view of the request plus what only the allocator itself uses. */
export type Request = Spec &
  Required<Pick<AllocateOptions, 'confirmLoopback' | 'timeLimitMs' | 'vocabulary'>> &
  Pick<AllocateOptions, 'claim' | 'protect'> & {
    /** Addresses asked for that a wildcard in `pairs` covers: confirmed by connecting where both could bind. */
    covered: string[];
    /** The caller's own `exclude`, for messages: `exclude` adds `system` and the bad ports to it. */
    asked: PortSet;
    /** Ports the system keeps from explicit draws (Windows' excluded ranges, Linux's reserved-port list): part of `exclude`. */
    system: PortSet;
    /** Preferred ports, in the order to try them, each not excluded; empty when none were asked for. */
    preferred: number[];
    /** Hand out preferred ports only: no draw after them. */
    preferOnly: boolean;
    /** Look for other programs' bound-but-not-listening sockets before explicit binds (Linux). */
    probeForeign: boolean;
  };

/**
 * The request worked out once per allocation: the (protocol, address) pairs to bind,
 * every exclusion (the caller's, the system's lists where explicit binds could hit them,
 * and the Fetch standard's bad ports except those preferred one by one), the preferred
 * ports in order. @throws PortZeroError for a count that is not a whole number of at least 1.
 */
export async function resolveRequest(options: AllocateOptions): Promise<Request> {
  if (!Number.isInteger(options.count) || options.count < 1) {
    throw new PortZeroError(`count must be a whole number of at least 1, got ${options.count}`);
  }
  // A host list that can never be bound together ("0.0.0.0 ::") would refuse every port: fold it.
  const plan = planHosts(options.hosts ?? []);
  const protocols: Protocol[] = options.protocols?.length ? [...new Set(options.protocols)] : ['tcp'];
  const asked = options.exclude ?? new PortSet();
  const system = await systemExclusions(options, protocols);
  // A bad port named on its own among the preferred ones was asked for by number: the only way to get one.
  const named = PortSet.of((options.prefer ?? []).filter((r) => r.low === r.high).map((r) => r.low));
  const bad = new PortSet(BAD_PORT_SET.ranges.filter((r) => !named.has(r.low)));
  const exclude = asked.union(system).union(bad);
  const vocabulary = options.vocabulary ?? ACTION_VOCABULARY;
  return {
    count: options.count,
    protocols,
    pairs: bindPairs(protocols, plan.bind),
    covered: plan.covered,
    range: options.range,
    exclude,
    asked,
    system,
    preferred: preferredOrder(options, exclude),
    preferOnly: options.preferOnly ?? false,
    contiguous: options.contiguous ?? false,
    claim: options.claim,
    protect: options.protect,
    taken: options.taken ?? (() => NOTHING_TAKEN),
    leasedRefusal: (holder: Holder) => (holder === 'caller' ? vocabulary.ownLease : 'leased by another job'),
    confirmLoopback: options.confirmLoopback ?? process.platform !== 'linux',
    timeLimitMs: options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS,
    vocabulary,
    probeForeign: process.platform === 'linux' && protocols.includes('tcp'),
  };
}

/**
 * What the system keeps from ports chosen by number (a range, a block, preferred ports):
 * Windows' excluded ranges and Linux's reserved-port list. Port 0 avoids both, so the
 * kernel's own choice needs neither (and Windows' netsh is not run for it).
 */
async function systemExclusions(options: AllocateOptions, protocols: readonly Protocol[]): Promise<PortSet> {
  const byNumber = options.range !== undefined || options.contiguous === true || (options.prefer?.length ?? 0) > 0;
  if (!byNumber) return new PortSet();
  if (process.platform === 'win32') return windowsExcludedPorts(protocols);
  if (process.platform === 'linux') return readReservedPorts();
  return new PortSet();
}

/** The preferred ports in the order given, each once, without the excluded ones. */
function preferredOrder(options: AllocateOptions, exclude: PortSet): number[] {
  const ports = new Set<number>();
  for (const { low, high } of options.prefer ?? []) for (let port = low; port <= high; port++) if (!exclude.has(port)) ports.add(port);
  return [...ports];
}

import { ACTION_VOCABULARY, type Vocabulary } from '../errors.ts';
import { PortSet, rangeSize, type PortRange } from '../ports/port-set.ts';
import type { Protocol } from '../ports/protocol.ts';
import { ephemeralRange } from '../platform/ephemeral-range.ts';
import { readReservedPorts } from '../platform/reserved-ports.ts';
import { closeAll, type Held } from './sockets.ts';
import { confirmPort } from './confirm-loopback.ts';
import type { Candidate, Source } from './candidate.ts';
import { ForeignBinds } from './foreign-binds.ts';
import { gaveUp, lostTooOften, MAX_REDRAWS, MAX_ROUNDS, shortfall } from './messages.ts';
import { resolveRequest, type Request } from './request.ts';
import { exposedPorts, type Taken } from './taken.ts';
import { blockSource, kernelSource, preferSource, rangeSource } from './sources.ts';

/**
 * Protects the chosen ports after their sockets close; called while the whole batch
 * is still bound. Resolves with the ports another program took meanwhile (drawn again).
 * The allocator knows no mechanism by name: the caller passes one (see protection/).
 */
export type Protector = (held: readonly Held[]) => Promise<number[]>;
/**
 * A claim's verdict on one group of ports: leased to this allocation now, or refused
 * because a live lease holds one of its ports: the caller's own (an earlier allocation
 * of the same job, shell or process) or anyone else's.
 */
export type ClaimVerdict = 'granted' | 'leased-by-caller' | 'leased-by-other';
/** Leases groups of ports (see AllocateOptions.claim): resolves with one verdict per group. */
export type Claim = (groups: readonly (readonly number[])[]) => Promise<ClaimVerdict[]>;

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
   * Ports and runs to try first, in the order given, each taken only when free by every
   * rule (every address and protocol, leases, exclusions, the system's lists); then the
   * usual draw fills the rest, unless `preferOnly`. A bad port of the Fetch standard is
   * tried only when named on its own (`{ low: 6000, high: 6000 }`).
   */
  prefer?: readonly PortRange[];
  /** Hand out preferred ports only: no draw after them. Default: false. */
  preferOnly?: boolean;
  /**
   * Takes ownership of candidate ports beyond this process (a lease), each group (a
   * port, or a block) whole or not at all: one verdict per group; a group not granted
   * (a live lease holds one of its ports) is skipped. Called once per round
   * with every candidate of the round, while their sockets are held.
   */
  claim?: Claim;
  /** What protects the ports after the sockets close. Default: nothing. */
  protect?: Protector;
  /**
   * What live leases hold, asked before every round of the search: those ports are never
   * bound, and where the kernel's own choice could return one of them (see exposedPorts),
   * the allocator draws the ports itself instead. Default: nothing is leased.
   */
  taken?: () => Taken;
  /** Also check 127.0.0.1 and ::1, where a wildcard bind can coexist with them. Default: on macOS and Windows. */
  confirmLoopback?: boolean;
  /** Give up after this many ms with an AllocationError. Default: DEFAULT_TIME_LIMIT_MS (10 s). */
  timeLimitMs?: number;
  /** How errors name the settings to change. Default: the action's inputs (`'range'`). */
  vocabulary?: Vocabulary;
}

export interface Allocation {
  /** Distinct ports, in the order they were asked for (a contiguous block ascends). */
  readonly ports: number[];
  /** The addresses the ports were bound on. */
  readonly hosts: readonly string[];
  readonly protocols: readonly Protocol[];
}

export { DEFAULT_TIME_LIMIT_MS } from './request.ts';

/**
 * Binds the whole batch, holds every socket until all ports are known, then
 * closes them all, so no port can be handed out twice within the batch. Ports lost
 * during the reservation are drawn again (a contiguous block as a whole).
 *
 * Every request ends: each source walks a finite space (see sources.ts), and
 * the search stops after `timeLimitMs` or MAX_ROUNDS rounds, whichever comes
 * first. Throws AllocationError naming what refused the ports and what to
 * change; PortZeroError for a bad count; the socket error for anything else.
 */
export async function allocatePorts(options: AllocateOptions): Promise<Allocation> {
  let { allocation, lost } = await allocateOnce(options);
  let seen = PortSet.of(allocation.ports);
  for (let round = 1; lost.length > 0; round++) {
    if (round > MAX_REDRAWS) {
      throw lostTooOften(lost, options.vocabulary ?? ACTION_VOCABULARY);
    }
    const exclude = (options.exclude ?? new PortSet()).union(seen);
    const again = await allocateOnce({ ...options, exclude, count: options.contiguous ? options.count : lost.length });
    seen = seen.union(PortSet.of(again.allocation.ports));
    const fresh = [...again.allocation.ports];
    const ports = options.contiguous ? fresh : allocation.ports.map((p) => (lost.includes(p) ? fresh.shift()! : p));
    ({ allocation, lost } = { allocation: { ...allocation, ports }, lost: again.lost });
  }
  return allocation;
}

async function allocateOnce(options: AllocateOptions): Promise<{ allocation: Allocation; lost: number[] }> {
  const spec = await resolveRequest(options);
  const deadline = Date.now() + spec.timeLimitMs;
  const chosen: Candidate[] = [];
  const skipped: Held[] = [];
  const refusals = new Map<string, number>();
  const probe = new ForeignBinds(spec.probeForeign, deadline);
  try {
    const source = chooseSource(spec, probe);
    for (let round = 0; chosen.length < spec.count && !(spec.contiguous && chosen.length > 0); round++) {
      if (Date.now() > deadline || round >= MAX_ROUNDS) throw gaveUp(spec, chosen, refusals, round);
      const batch = await source(spec.count - chosen.length);
      if (!batch) break;
      await judge(spec, batch, chosen, skipped, refusals);
    }
    const ports = chosen.flatMap((c) => c.ports);
    if (ports.length < spec.count) throw shortfall(spec, ports.length, refusals);
    // Refused ports only steered the search: free them before reserving, whose loopback clients need ephemeral ports.
    await closeAll(skipped.splice(0));
    const lost = spec.protect ? await spec.protect(chosen.flatMap((c) => c.held)) : [];
    const bound = chosen[0].held.map((h) => h.host); // what "every address" turned out to be here
    return { allocation: { ports, hosts: [...new Set(bound)], protocols: spec.protocols }, lost };
  } finally {
    probe.close();
    await closeAll([...skipped, ...chosen.flatMap((c) => c.held)]);
  }
}

/**
 * Preferred ports first, when asked, then the usual draw (unless only preferred ports
 * may be handed out): the kernel's choice by default; explicit search where it cannot
 * serve: a `range`, a block, an `exclude` covering much of the ephemeral range (every
 * excluded proposal would stay bound, and each later bind(0) walks past all of them), or
 * leased ports the kernel could return (see exposedPorts).
 */
function chooseSource(spec: Request, probe: ForeignBinds): Source {
  if (spec.preferred.length) return preferSource(spec, spec.preferred, probe, spec.preferOnly ? undefined : drawSource(spec, probe));
  return drawSource(spec, probe);
}

function drawSource(spec: Request, probe: ForeignBinds): Source {
  if (spec.range) return (spec.contiguous ? blockSource : rangeSource)(spec, spec.range, probe);
  // Read only where it decides something: on Windows it costs a netsh run.
  let read: PortRange | undefined;
  const ephemeral = () => (read ??= ephemeralRange());
  // What the kernel's own choice skips and an explicit bind does not see: the reserved list.
  const reserved = () => readReservedPorts();
  if (spec.contiguous) return blockSource(spec, ephemeral(), probe, reserved());
  const explicit = (tried: readonly number[]) => rangeSource(spec, ephemeral(), probe, reserved().union(PortSet.of(tried)));
  // The caller's own exclusions may cover much of the range; the bad ports alone never do (they lie below 10081, a few a range).
  const excludedShare = spec.asked.size === 0 ? 0 : 1 - spec.exclude.countOutside(ephemeral()) / rangeSize(ephemeral());
  // A leased port that bind(0) could return would be bound before its lease is seen: draw past them instead.
  const leased = exposedPorts(spec.taken(), spec.pairs);
  const exposed = leased.length > 0 && leased.some((port) => port >= ephemeral().low && port <= ephemeral().high);
  return excludedShare >= 0.25 || exposed ? explicit([]) : kernelSource(spec, explicit);
}

/**
 * Sorts a batch into chosen and skipped, counting why each refused one was
 * refused. Skipped sockets stay bound until the end, so the kernel cannot offer
 * those ports again; so do any not needed. The free candidates are taken in
 * order, as many as are still needed at a time: confirmed (off Linux), then
 * claimed in one call; those refused make room for the next ones.
 */
async function judge(spec: Request, batch: Candidate[], chosen: Candidate[], skipped: Held[], refusals: Map<string, number>) {
  const settled = new Set<Candidate>();
  const refuse = (candidate: Candidate, why: string | undefined) => {
    settled.add(candidate);
    skipped.push(...candidate.held);
    if (why) refusals.set(why, (refusals.get(why) ?? 0) + candidate.ports.length);
  };
  const pool: Candidate[] = [];
  for (const candidate of batch) {
    const why = !candidate.free
      ? (candidate.refusal ?? 'taken')
      : candidate.ports.some((p) => spec.exclude.has(p))
        ? 'excluded'
        : undefined;
    if (why) refuse(candidate, why);
    else pool.push(candidate);
  }
  try {
    for (let needed = stillNeeded(spec, chosen); needed > 0 && pool.length > 0; needed = stillNeeded(spec, chosen)) {
      const taken = takeUpTo(pool, needed);
      if (taken.length === 0) break; // nothing left that fits
      const wanted = spec.confirmLoopback ? await confirmed(spec, taken, refuse) : taken;
      const verdicts: ClaimVerdict[] =
        spec.claim && wanted.length ? await spec.claim(wanted.map((c) => c.ports)) : wanted.map(() => 'granted');
      wanted.forEach((candidate, i) => {
        if (verdicts[i] === 'granted') chosen.push(candidate);
        else refuse(candidate, spec.leasedRefusal(verdicts[i] === 'leased-by-caller' ? 'caller' : 'other'));
      });
      for (const candidate of wanted) settled.add(candidate);
    }
  } finally {
    // Not needed, or left unjudged by a failure: still ours to close.
    for (const candidate of batch) if (!settled.has(candidate)) refuse(candidate, undefined);
  }
}

/** How many more ports the request needs; a block is complete once one is chosen. */
function stillNeeded(spec: Request, chosen: readonly Candidate[]): number {
  return spec.count - chosen.reduce((n, c) => n + c.ports.length, 0);
}

/** Removes from the front of `pool` the candidates that fit in `ports` ports, in order. */
function takeUpTo(pool: Candidate[], ports: number): Candidate[] {
  const taken: Candidate[] = [];
  for (let i = 0; i < pool.length && ports > 0;) {
    if (pool[i].ports.length > ports) i++;
    else {
      ports -= pool[i].ports.length;
      taken.push(...pool.splice(i, 1));
    }
  }
  return taken;
}

/** Loopback connections in flight at once while confirming: each needs a source port. */
const CONFIRM_CHUNK = 64;

/** The candidates that nothing else holds on a loopback or listed address; `refuse` gets the others. */
async function confirmed(spec: Request, wanted: Candidate[], refuse: (c: Candidate, why: string) => void): Promise<Candidate[]> {
  const kept: Candidate[] = [];
  for (let i = 0; i < wanted.length; i += CONFIRM_CHUNK) {
    const chunk = wanted.slice(i, i + CONFIRM_CHUNK);
    const results = await Promise.all(chunk.map((c) => confirmAll(spec, c)));
    chunk.forEach((c, j) => (results[j] ? kept.push(c) : refuse(c, 'taken on a loopback or listed address')));
  }
  return kept;
}

/** Each port of the candidate (a block has several) with every socket of ours on it. */
async function confirmAll(spec: Request, candidate: Candidate): Promise<boolean> {
  const byPort = Map.groupBy(candidate.held, (h) => h.port);
  const results = await Promise.all([...byPort.values()].map((held) => confirmPort(held, spec.covered)));
  return results.every(Boolean);
}

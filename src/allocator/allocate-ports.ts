import { ACTION_VOCABULARY, AllocationError, plural, PortZeroError, type Vocabulary } from '../errors.ts';
import { PortSet, rangeSize, type PortRange } from '../ports/port-set.ts';
import type { Protocol } from '../ports/protocol.ts';
import { ephemeralRange } from '../platform/ephemeral-range.ts';
import { readReservedPorts } from '../platform/reserved-ports.ts';
import { closeAll, EVERY_ADDRESS, type Held } from './sockets.ts';
import { confirmLoopback } from './confirm-loopback.ts';
import { windowsExcludedPorts } from '../platform/windows-excluded.ts';
import type { Candidate, Source, Spec } from './candidate.ts';
import { ForeignBinds } from './foreign-binds.ts';
import { planHosts } from './hosts.ts';
import { exposedPorts, NOTHING_TAKEN, type Holder, type Taken } from './taken.ts';
import { blockSource, kernelSource, rangeSource } from './sources.ts';

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

/** Gives up after this long (ms) by default: a request that cannot be met ends in an error, never a hang. */
export const DEFAULT_TIME_LIMIT_MS = 10_000;

/** At most this many rounds of a source (each at most 1024 binds or one block): the attempt bound. */
const MAX_ROUNDS = 4096;
/** Rounds of drawing again the ports another program took while they were being reserved. */
const MAX_REDRAWS = 5;

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
      throw new AllocationError(
        `Another program took ports ${lost.join(' ')} between their check and their reservation, ${MAX_REDRAWS} times in a row; ${retry(options.vocabulary ?? ACTION_VOCABULARY)}`,
      );
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
  const spec = await resolveSpec(options);
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
 * The kernel's choice by default; explicit search where it cannot serve: a
 * `range`, a block, or an `exclude` covering much of the ephemeral range (every
 * excluded proposal would stay bound, and each later bind(0) walks past all of them).
 */
function chooseSource(spec: Request, probe: ForeignBinds): Source {
  if (spec.range) return (spec.contiguous ? blockSource : rangeSource)(spec, spec.range, probe);
  const ephemeral = ephemeralRange();
  // What the kernel's own choice skips and an explicit bind does not see: the reserved list.
  const reserved = () => readReservedPorts();
  if (spec.contiguous) return blockSource(spec, ephemeral, probe, reserved());
  const explicit = (tried: readonly number[]) => rangeSource(spec, ephemeral, probe, reserved().union(PortSet.of(tried)));
  const excludedShare = 1 - spec.exclude.countOutside(ephemeral) / rangeSize(ephemeral);
  // A leased port that bind(0) could return would be bound before its lease is seen: draw past them instead.
  const exposed = exposedPorts(spec.taken(), spec.pairs).some((port) => port >= ephemeral.low && port <= ephemeral.high);
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

/** The sources' view of the request plus what only the allocator itself uses. */
type Request = Spec &
  Required<Pick<AllocateOptions, 'confirmLoopback' | 'timeLimitMs' | 'vocabulary'>> &
  Pick<AllocateOptions, 'claim' | 'protect'> & {
    /** Addresses asked for that a wildcard in `pairs` covers: confirmed by connecting where both could bind. */
    covered: string[];
    /** The caller's own `exclude`, for messages: `exclude` adds `system` to it. */
    asked: PortSet;
    /** Ports the system keeps from explicit draws (Windows' excluded ranges, Linux's reserved-port list): part of `exclude`. */
    system: PortSet;
    /** Look for other programs' bound-but-not-listening sockets before explicit binds (Linux). */
    probeForeign: boolean;
  };

async function resolveSpec(options: AllocateOptions): Promise<Request> {
  if (!Number.isInteger(options.count) || options.count < 1) {
    throw new PortZeroError(`count must be a whole number of at least 1, got ${options.count}`);
  }
  // A host list that can never be bound together ("0.0.0.0 ::") would refuse every port: fold it.
  const plan = planHosts(options.hosts ?? []);
  const hosts = plan.bind.length ? plan.bind : [EVERY_ADDRESS];
  const protocols: Protocol[] = options.protocols?.length ? [...new Set(options.protocols)] : ['tcp'];
  const asked = options.exclude ?? new PortSet();
  let system = new PortSet();
  // Port 0 avoids Windows' excluded ranges, but a range or a contiguous block does not.
  if (process.platform === 'win32' && (options.range || options.contiguous)) system = await windowsExcludedPorts(protocols);
  // Port 0 skips the kernel's reserved-port list; explicit binds to listed ports succeed, so a draw must skip them.
  if (process.platform === 'linux' && (options.range || options.contiguous)) system = readReservedPorts();
  const exclude = asked.union(system);
  const vocabulary = options.vocabulary ?? ACTION_VOCABULARY;
  return {
    count: options.count,
    protocols,
    pairs: protocols.flatMap((protocol) => hosts.map((host) => ({ protocol, host }))),
    covered: plan.covered,
    range: options.range,
    exclude,
    asked,
    system,
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

async function confirmAll(spec: Request, candidate: Candidate): Promise<boolean> {
  const results = await Promise.all(candidate.held.map((h) => confirmLoopback(h, spec.covered)));
  return results.every(Boolean);
}

function where(spec: Request): string {
  const { low, high } = spec.range ?? ephemeralRange();
  return spec.range ? `range ${low}-${high}` : `the ephemeral range ${low}-${high}`;
}

/** The main reasons ports were refused, most frequent first: "1890 excluded, 12 taken for udp on ::". */
function reasons(refusals: Map<string, number>): string {
  const top = [...refusals].sort((a, b) => b[1] - a[1]).slice(0, 3);
  return top.length ? ` (refused: ${top.map(([why, n]) => `${n} ${why}`).join(', ')})` : '';
}

/** What the user can change to get the ports. */
function remedy(spec: Request): string {
  const { name } = spec.vocabulary;
  if (spec.contiguous) return `ask for a smaller block, widen ${name('range')} or drop ${name('contiguous')}`;
  if (spec.range) return `widen ${name('range')}, shorten ${name('exclude')} or ask for fewer ports`;
  return `shorten ${name('exclude')}, ask for fewer ports, or set a ${name('range')} outside the ephemeral range`;
}

/** What to do when other programs keep taking the ports before they are reserved (the stronger reservation is Linux's). */
function retry(vocabulary: Vocabulary): string {
  return vocabulary.stronger && process.platform === 'linux' ? `try again, or ${vocabulary.stronger}` : 'try again';
}

/** Why ports on the system's lists were never tried. */
const SYSTEM_REFUSAL =
  process.platform === 'win32'
    ? "in Windows' excluded port ranges"
    : "on the kernel's reserved-port list (other jobs' ports, or an administrator's)";

function shortfall(spec: Request, found: number, refusals: Map<string, number>): AllocationError {
  const searched = spec.range ?? ephemeralRange();
  const held = rangeSize(searched) - spec.system.countOutside(searched);
  if (held > 0) refusals.set(SYSTEM_REFUSAL, held);
  // Only the user's own exclude is named: system lists are counted among the reasons above.
  const left = spec.asked.countOutside(searched);
  const why =
    spec.asked.size > 0 && left < spec.count ? ` (${spec.vocabulary.name('exclude')} leaves ${left} of its ports)` : reasons(refusals);
  if (spec.contiguous) {
    return new AllocationError(`No block of ${spec.count} consecutive free ports in ${where(spec)}${why}: ${remedy(spec)}`);
  }
  const asked = `${found} of the ${plural(spec.count, 'port')} asked for ${found === 1 || spec.count === 1 ? 'is' : 'are'}`;
  return new AllocationError(`Only ${asked} free in ${where(spec)}${why}: ${remedy(spec)}`);
}

function gaveUp(spec: Request, chosen: Candidate[], refusals: Map<string, number>, rounds: number): AllocationError {
  const found = chosen.flatMap((c) => c.ports).length;
  const seconds = (spec.timeLimitMs / 1000).toFixed(1);
  const bound = rounds >= MAX_ROUNDS ? `${rounds} rounds` : `${seconds} s`;
  return new AllocationError(
    `Gave up after ${bound} with ${found} of the ${spec.count} ports asked for in ${where(spec)}${reasons(refusals)}: ${remedy(spec)}`,
  );
}

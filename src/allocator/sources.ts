import { PortSet, type PortRange } from '../ports/port-set.ts';
import { closeAll } from './sockets.ts';
import {
  bindEverywhere,
  EphemeralExhausted,
  fulfilled,
  MAX_ROUND,
  rejected,
  settleAll,
  shuffled,
  type Candidate,
  type Source,
  type Spec,
} from './candidate.ts';
import { onlyTimeWait, socketStates, type ForeignBinds } from './foreign-binds.ts';
import type { Holder } from './taken.ts';

/** Why a port the probe found in use is refused. */
const FOREIGN = 'in use by another socket (bound, listening, connected or in TIME_WAIT)';

/**
 * The kernel picks (bind to port 0); every proposal stays bound, so it never
 * offers the same port twice. When the kernel runs out of ephemeral ports, or
 * keeps proposing excluded ones, the search goes on with `explicit(tried)`
 * over what is left, keeping what this source has found so far.
 */
export function kernelSource(spec: Spec, explicit: (tried: readonly number[]) => Source): Source {
  let size = 0;
  let excluded = 0;
  const tried: number[] = [];
  let next: Source | undefined;
  return async (remaining) => {
    if (next) return next(remaining);
    // When proposals keep being refused (leased, excluded), draw more at once instead of a few per round.
    size = size === 0 ? remaining : Math.min(Math.max(size * 2, remaining), MAX_ROUND);
    const results = await Promise.allSettled(Array.from({ length: size }, () => bindEverywhere(spec, 0)));
    const found = fulfilled(results);
    const failure = rejected(results).find((e) => !(e instanceof EphemeralExhausted));
    if (failure) {
      await closeAll(found.flatMap((c) => c.held));
      throw failure;
    }
    for (const c of found) {
      tried.push(c.ports[0]);
      if (spec.exclude.has(c.ports[0])) excluded++;
    }
    const leased = spec.taken().leased;
    const onLease = found.filter((c) => leased.has(c.ports[0]));
    // A leased port the kernel proposed anyway (its lease appeared since the search began) is let go at
    // once, before anything else, and the rest of the search skips leased ports by drawing them itself.
    if (onLease.length) await closeAll(onLease.flatMap((c) => c.held));
    // Every excluded proposal stays bound and each later bind(0) walks past it: past a few, search directly.
    if (found.length < size || excluded > spec.count + 64 || onLease.length) next = explicit(tried);
    return found.map((c) => (leased.has(c.ports[0]) ? refusedAsLeased(spec, c.ports, leased) : c));
  };
}

/** An unbound refused candidate for `ports`, at least one of which `leased` holds. */
function refusedAsLeased(spec: Spec, ports: number[], leased: ReadonlyMap<number, Holder>): Candidate {
  const holders = ports.map((p) => leased.get(p)).filter((h) => h !== undefined);
  return { ports, held: [], free: false, refusal: spec.leasedRefusal(holders.includes('other') ? 'other' : 'caller') };
}

/**
 * Pauses (ms) before each further pass over the ports a pass found in use. Another
 * allocator drawing from the same range holds each port it tries only while it judges
 * it (and the ports it drew beyond its need until it ends): a port refused for that
 * alone is free again a moment later, and one pass would lose it for good.
 */
const RETRY_PAUSES_MS = [20, 80];

/**
 * Explicit binds over `search` minus `exclude` and `skip`, in random order. Ports the
 * probe finds in use are refused unbound, and refused ports are closed at once: a range
 * is walked once, so nothing needs steering away. Ports found in use are tried again
 * after the walk, twice at most (see RETRY_PAUSES_MS), and only the last try's refusals
 * are reported, so each port is counted once.
 */
export function rangeSource(spec: Spec, search: PortRange, probe: ForeignBinds, skip = new PortSet()): Source {
  let order = shuffled(spec.exclude.union(skip).complementIn(search));
  let inUse: number[] = [];
  let pass = 0;
  let size = 0;
  return async (remaining) => {
    if (order.length === 0 && inUse.length > 0 && pass < RETRY_PAUSES_MS.length) {
      await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSES_MS[pass++]));
      order = shuffled(inUse.map((p) => ({ low: p, high: p })));
      inUse = [];
    }
    if (order.length === 0) return undefined;
    size = size === 0 ? remaining : Math.min(Math.max(size * 2, remaining), MAX_ROUND);
    const drawn = order.splice(-size);
    // Leased ports are never bound, nor probed: asked again each round, since a lease may appear at any time.
    const leased = spec.taken().leased;
    const ports = drawn.filter((p) => !leased.has(p));
    const foreign = await foreignPorts(spec, probe, ports, spec.range === undefined);
    const batch = await settleAll(ports.filter((p) => !foreign.has(p)).map((port) => bindEverywhere(spec, port)));
    await closeAll(batch.filter((c) => !c.free).flatMap((c) => c.held));
    const onLease = drawn.filter((p) => leased.has(p));
    if (pass < RETRY_PAUSES_MS.length) {
      inUse.push(...foreign, ...onLease, ...batch.filter((c) => !c.free).flatMap((c) => c.ports));
      return batch.filter((c) => c.free);
    }
    const refused = [...foreign].map((port) => ({ ports: [port], held: [], free: false, refusal: FOREIGN }));
    const leasedOnes = onLease.map((port) => refusedAsLeased(spec, [port], leased));
    return [...batch.map((c) => (c.free ? c : { ...c, held: [] })), ...refused, ...leasedOnes];
  };
}

/**
 * Random blocks of `count` consecutive ports until one is wholly free. Every
 * port found busy (excluded, in use, refused by a bind) rules out each block
 * that contains it; after the first refused block every socket the kernel
 * lists is learned at once (/proc on Linux). So a range with no such block ends after a few rounds instead
 * of trying every base.
 */
export function blockSource(spec: Spec, search: PortRange, probe: ForeignBinds, skip = new PortSet()): Source {
  const emulateKernel = spec.range === undefined;
  let busy = spec.exclude.union(skip);
  const learn = (ports: Iterable<number>) => (busy = busy.union(PortSet.of(ports)));
  let surveyed = false;
  let leaseTold = false;
  // One look at every socket the kernel lists, after the first refused block: cheaper than any more blocks.
  const survey = () => {
    if (surveyed) return;
    surveyed = true;
    const files = [...new Set(spec.pairs.map((p) => p.protocol))].flatMap((p) => [p, `${p}6`]);
    const states = socketStates(files);
    learn([...states].filter(([, seen]) => emulateKernel || !onlyTimeWait(seen)).map(([port]) => port));
  };
  return async () => {
    const leased = spec.taken().leased;
    const base = randomBase(busy.union(PortSet.of(leased.keys())).complementIn(search), spec.count);
    if (base === undefined) {
      const told = leaseTold;
      leaseTold = true;
      return told ? undefined : leasedBlock(spec, search, busy, leased);
    }
    const ports = Array.from({ length: spec.count }, (_, i) => base + i);
    const foreign = await foreignPorts(spec, probe, ports, emulateKernel);
    if (foreign.size > 0) {
      learn(foreign);
      survey();
      return [{ ports, held: [], free: false, refusal: FOREIGN }];
    }
    const parts = await settleAll(ports.map((port) => bindEverywhere(spec, port)));
    const held = parts.flatMap((p) => p.held);
    if (parts.every((p) => p.free)) return [{ ports, held, free: true }];
    await closeAll(held);
    const refused = parts.filter((p) => !p.free);
    learn(refused.map((p) => p.ports[0]));
    survey();
    return [{ ports, held: [], free: false, refusal: refused[0].refusal }];
  };
}

/**
 * When no block is free of leases, whether one would be without them: one refused
 * candidate saying a lease is in the way (so the error names leases), then the end.
 */
function leasedBlock(spec: Spec, search: PortRange, busy: PortSet, leased: ReadonlyMap<number, Holder>): Candidate[] | undefined {
  const base = randomBase(busy.complementIn(search), spec.count);
  if (base === undefined) return undefined;
  const ports = Array.from({ length: spec.count }, (_, i) => base + i);
  const hit = ports.filter((p) => leased.has(p));
  return hit.length ? [refusedAsLeased(spec, ports, leased)] : undefined;
}

/** A base chosen uniformly among those whose whole block lies in one of `runs`; undefined when none fits. */
function randomBase(runs: readonly PortRange[], count: number): number | undefined {
  const bases = runs.map((r) => Math.max(0, r.high - r.low + 2 - count));
  let pick = Math.floor(Math.random() * bases.reduce((a, b) => a + b, 0));
  for (let i = 0; i < runs.length; i++) {
    if (pick < bases[i]) return runs[i].low + pick;
    pick -= bases[i];
  }
  return undefined;
}

/**
 * The ports of `ports` the probe finds in use for any TCP pair. An explicit
 * `range` (`emulateKernel` false) keeps ports that are only in TIME_WAIT, as a
 * SO_REUSEADDR server binds them; a search standing in for the kernel's own
 * choice skips them, as bind(0) does: TIME_WAIT is what keeps it off other
 * jobs' reserved ports.
 */
async function foreignPorts(spec: Spec, probe: ForeignBinds, ports: readonly number[], emulateKernel: boolean): Promise<Set<number>> {
  const found = new Set<number>();
  for (const pair of spec.pairs) {
    if (pair.protocol !== 'tcp') continue;
    for (const port of await probe.busy(pair.host, ports)) found.add(port);
  }
  if (emulateKernel || found.size === 0) return found;
  const states = socketStates(['tcp', 'tcp6']);
  return new Set([...found].filter((port) => !onlyTimeWait(states.get(port))));
}

export type { Candidate };

/**
 * Preferred ports, in the order given (already without the excluded ones), bound by
 * number as many at a time as are still needed; a port in use or leased is skipped
 * unbound, never retried. Ports only in TIME_WAIT count as free, as for a `range`: a
 * SO_REUSEADDR server binds them at once. Once the list is walked, `then` (the usual
 * draw) serves the rest; without it, nothing is left to try.
 */
export function preferSource(spec: Spec, preferred: readonly number[], probe: ForeignBinds, then?: Source): Source {
  const order = [...preferred];
  return async (remaining) => {
    if (order.length === 0) return then?.(remaining);
    const drawn = order.splice(0, remaining);
    const leased = spec.taken().leased;
    const ports = drawn.filter((p) => !leased.has(p));
    const foreign = await foreignPorts(spec, probe, ports, false);
    const batch = await settleAll(ports.filter((p) => !foreign.has(p)).map((port) => bindEverywhere(spec, port)));
    await closeAll(batch.filter((c) => !c.free).flatMap((c) => c.held));
    const refused = [...foreign].map((port): Candidate => ({ ports: [port], held: [], free: false, refusal: FOREIGN }));
    const leasedOnes = drawn.filter((p) => leased.has(p)).map((port) => refusedAsLeased(spec, [port], leased));
    // In the order given: the judge takes free candidates from the front.
    const byPort = new Map([...batch.map((c) => (c.free ? c : { ...c, held: [] })), ...refused, ...leasedOnes].map((c) => [c.ports[0], c]));
    return drawn.map((port) => byPort.get(port)!);
  };
}

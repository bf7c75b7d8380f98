import { PortSet } from '../ports/port-set.ts';
import type { Pair } from './candidate.ts';

/** Who holds a leased port: the caller itself (an earlier allocation of its job, shell or process), or another. */
export type Holder = 'caller' | 'other';

/**
 * What the caller knows of ports that are not its to take (live leases), asked before
 * every round of a search so that no port of them is ever bound, not even for the
 * moment a probe takes: a probe listening on a leased port makes the owner's own server
 * fail to listen there (EADDRINUSE).
 */
export interface Taken {
  /** Every leased port the caller can see, with whose it is. */
  readonly leased: ReadonlyMap<number, Holder>;
  /** Leased ports that bind(0) skips on every address and protocol: they are on the kernel's reserved-port list. */
  readonly listed: PortSet;
  /** Leased ports that a TCP bind(0) on the loopback or wildcard addresses skips: in TIME_WAIT, or held by a holder. */
  readonly shielded: PortSet;
}

export const NOTHING_TAKEN: Taken = { leased: new Map(), listed: new PortSet(), shielded: new PortSet() };

/**
 * The addresses whose bind(0) the loopback TIME_WAIT entries and holder connections keep
 * off a port. Measured on Linux 6.18: a bind(0) on 127.0.0.2 or another address of the
 * machine gets such ports all the same.
 */
const SHIELDED_HOSTS = new Set(['', '::', '0.0.0.0', '127.0.0.1', '::1']);

/**
 * The leased ports the kernel's own choice (bind to port 0) could return for a bind on
 * one of `pairs`: not on the reserved-port list, and not shielded for that protocol and address.
 */
export function exposedPorts(taken: Taken, pairs: readonly Pair[]): number[] {
  const shielded = (pair: Pair, port: number) => pair.protocol === 'tcp' && SHIELDED_HOSTS.has(pair.host) && taken.shielded.has(port);
  return [...taken.leased.keys()].filter((port) => !taken.listed.has(port) && pairs.some((pair) => !shielded(pair, port)));
}

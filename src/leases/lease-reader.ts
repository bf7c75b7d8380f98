import fs from 'node:fs';
import path from 'node:path';
import type { ProcessIdentity } from '../platform/process-identity.ts';
import { leaseDirs } from './lease-location.ts';
import { legacyLeasePort } from './legacy-layout.ts';
import { livePorts, readRecord, recordToken, type LeaseOwner } from './lease-record.ts';

/**
 * Reading the leases of every account in a location: one directory read per account,
 * each record read once, anything but a record counting for nothing. What a record says
 * is parsed and judged (lease-record.ts), never trusted further.
 */

/** Who holds a leased port: the asking caller itself (an earlier allocation of its job, shell or process), or another. */
export type LeaseHolder = 'caller' | 'other';

/** The allocation asking: its owner, and its account's directory (the only one where its caller's leases can be). */
export interface Claimant {
  owner: LeaseOwner;
  own: string;
}

/**
 * The ports of `wanted` that a live lease of any account holds, in the location rooted at
 * `root`, each with who holds it ('other' when both do), leaving out the record of
 * `claimant` itself. A record outside the claimant's own directory is never the
 * caller's, whatever it says; a pending record (an allocation running now) is another's.
 * @throws the error of reading the root itself (see liveLeasedPorts for a caller that must not fail).
 */
export function leasedPorts(root: string, wanted: ReadonlySet<number>, claimant?: Claimant): Map<number, LeaseHolder> {
  const taken = new Map<number, LeaseHolder>();
  if (wanted.size === 0) return taken;
  for (const dir of leaseDirs(root)) {
    for (const name of readNames(dir)) {
      const token = recordToken(name);
      const legacy = token === undefined ? legacyLeasePort(name) : undefined;
      if (token !== undefined ? token === claimant?.owner.token : legacy === undefined || !wanted.has(legacy)) continue;
      const read = readRecord(path.join(dir, name));
      const mine = claimant !== undefined && dir === claimant.own && read.kind === 'record' && read.record.pending !== true;
      const holder = mine && sameProcess(read.record.owner.runner, claimant.owner.runner) ? 'caller' : 'other';
      for (const port of livePorts(read, name)) {
        if (wanted.has(port) && taken.get(port) !== 'other') taken.set(port, holder);
      }
    }
  }
  return taken;
}

/**
 * The ports of `ports` that any account holds a live lease for, in the location rooted at
 * `root`. Never throws for what others put there; an unreadable location holds no lease.
 */
export function liveLeasedPorts(root: string, ports: Iterable<number>): Set<number> {
  try {
    return new Set(leasedPorts(root, new Set(ports)).keys());
  } catch {
    return new Set();
  }
}

/** The same process: same pid and same start time (a pid alone may have been reused). */
export const sameProcess = (a: ProcessIdentity, b: ProcessIdentity) => a.pid === b.pid && a.start === b.start;

/** The names in another account's directory; none when it cannot be read (its leases are then invisible to us anyway). */
function readNames(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

import fs from 'node:fs';
import path from 'node:path';
import type { Holder } from '../allocator/taken.ts';
import type { ProcessIdentity } from '../platform/process-identity.ts';
import { leaseDirs, legacyOf, type LeaseLocation } from './lease-location.ts';
import { legacyLeasePort } from './legacy-layout.ts';
import { judgeRecord, leaseFilePorts, readRecord, recordToken, sameRunner, type LeaseOwner } from './lease-record.ts';

/**
 * Reading the leases of every account in a location: one directory read per account,
 * each record read once, anything but a record counting for nothing. What a record says
 * is parsed and judged (lease-record.ts), never trusted further.
 */

export type { Holder as LeaseHolder };

/** The allocation asking: its owner, and its account's directory (the only one where its caller's leases can be). */
export interface Claimant {
  owner: LeaseOwner;
  own: string;
}

/** A live lease on one port: whose it is, the reservation its record names, and when its record last changed (ms). */
export interface LiveLease {
  holder: Holder;
  reservation?: string;
  changed: number;
}

/**
 * The live leases in one directory, by port (only ports of `wanted`, when given),
 * leaving out the record of `claimant` itself. A record outside the claimant's own
 * directory is never the caller's, whatever it says; a pending record (an allocation
 * running now) is another's. A record's ports are matched against `wanted` before its
 * owner is judged: judging a process can cost a program run (macOS), so a claim judges
 * only the records that list a port it asks for.
 */
function readDirLeases(dir: string, claimant?: Claimant, wanted?: ReadonlySet<number>): Map<number, LiveLease> {
  const found = new Map<number, LiveLease>();
  for (const name of readNames(dir)) {
    const token = recordToken(name);
    const legacy = token === undefined ? legacyLeasePort(name) : undefined;
    if (token !== undefined ? token === claimant?.owner.token : legacy === undefined || (wanted && !wanted.has(legacy))) continue;
    const read = readRecord(path.join(dir, name));
    if (read.kind !== 'record') continue;
    const ports = leaseFilePorts(read, name).filter((port) => !wanted || wanted.has(port));
    if (ports.length === 0 || !judgeRecord(read.record, read.changed).live) continue;
    const mine = claimant !== undefined && dir === claimant.own && read.record.pending !== true;
    const holder: Holder = mine && sameRunner(read.record.owner, claimant.owner) ? 'caller' : 'other';
    const lease = { holder, reservation: read.record.reservation, changed: read.changed };
    for (const port of ports) merge(found, port, lease);
  }
  return found;
}

/** Keeps one lease per port: another's over the caller's, since another's is the one that must not be touched. */
function merge(into: Map<number, LiveLease>, port: number, lease: LiveLease) {
  if (into.get(port)?.holder !== 'other') into.set(port, lease);
}

/**
 * The ports of `wanted` that a live lease of any account holds, in the location rooted at
 * `root`, each with who holds it ('other' when both do), leaving out the record of
 * `claimant` itself.
 * @throws the error of reading the root itself (see liveLeasedPorts for a caller that must not fail).
 */
export function leasedPorts(
  location: Pick<LeaseLocation, 'root' | 'legacy'>,
  wanted: ReadonlySet<number>,
  claimant?: Claimant,
): Map<number, Holder> {
  const taken = new Map<number, Holder>();
  if (wanted.size === 0) return taken;
  for (const dir of leaseDirs(location)) {
    for (const [port, lease] of readDirLeases(dir, claimant, wanted)) if (taken.get(port) !== 'other') taken.set(port, lease.holder);
  }
  return taken;
}

/**
 * The ports of `ports` that any account holds a live lease for, in the location rooted at
 * `root`. Never throws for what others put there; an unreadable location holds no lease.
 */
export function liveLeasedPorts(root: string, ports: Iterable<number>): Set<number> {
  try {
    return new Set(leasedPorts({ root, ...legacyOf(root) }, new Set(ports)).keys());
  } catch {
    return new Set();
  }
}

/**
 * Every live lease in a location, kept current cheaply: each look lists the root and
 * stats each account's directory, and reads again only a directory that changed since
 * the last look (a record written or renamed into place changes its directory's times).
 * For avoiding leased ports during a search; a claim reads afresh (LeaseBook.claim).
 */
export class LeaseWatch {
  private readonly seen = new Map<string, { stamp: string; leases: Map<number, LiveLease> }>();
  private readonly location: Pick<LeaseLocation, 'root' | 'legacy'>;
  private readonly claimant?: Claimant;
  private dirs: { stamp: string; list: string[] } | undefined;

  constructor(location: Pick<LeaseLocation, 'root' | 'legacy'>, claimant?: Claimant) {
    this.location = location;
    this.claimant = claimant;
  }

  /** The directories to read: listed again only when the root itself has changed (an account's directory made). */
  private lookDirs(): string[] {
    const stamp = stampOf(this.location.root);
    if (this.dirs?.stamp !== stamp) this.dirs = { stamp, list: leaseDirs(this.location) };
    return this.dirs.list;
  }

  /** Every port a live lease holds now, with its lease. Never throws; an unreadable location holds none. */
  current(): Map<number, LiveLease> {
    const all = new Map<number, LiveLease>();
    let dirs: string[];
    try {
      dirs = this.lookDirs();
    } catch {
      return all;
    }
    for (const dir of dirs) {
      const stamp = stampOf(dir);
      let entry = this.seen.get(dir);
      if (!entry || entry.stamp !== stamp) this.seen.set(dir, (entry = { stamp, leases: readDirLeases(dir, this.claimant) }));
      for (const [port, lease] of entry.leases) merge(all, port, lease);
    }
    // A lease that ends by time or with its owner changes no directory, so a cached one stays avoided
    // for the rest of this search: that errs toward leaving a free port alone, and a claim judges afresh.
    return all;
  }
}

/** When a directory last changed, as far as lstat tells: its contents' times and identity. */
function stampOf(dir: string): string {
  try {
    const stat = fs.lstatSync(dir, { bigint: true });
    return `${stat.ino}:${stat.mtimeNs}:${stat.ctimeNs}`;
  } catch {
    return '';
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

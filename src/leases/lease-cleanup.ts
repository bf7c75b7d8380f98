import fs from 'node:fs';
import path from 'node:path';
import { isRunning, type ProcessIdentity } from '../platform/process-identity.ts';
import { assertOwnDir } from './lease-location.ts';
import { sameProcess } from './lease-reader.ts';
import { legacyLeasePort, legacyRecordWriter } from './legacy-layout.ts';
import {
  isLeaseFile,
  judgeRecord,
  leaseFilePorts,
  MAX_LEASE_MINUTES,
  readRecord,
  tempFileWriter,
  type RecordRead,
} from './lease-record.ts';

/**
 * Ending leases and tidying up, always in this account's own directory: other accounts'
 * files are never touched (their stale leases simply stop counting).
 */

/** A stale lease found by `sweepStale`: its port and the reservation its record named. */
export interface StaleLease {
  port: number;
  reservation?: string;
  why: string;
}

/** The lease files in this account's directory `own` (records, and 1.0.0's port files), with what each says. */
function* ownLeases(own: string): Generator<{ file: string; name: string; read: RecordRead }> {
  assertOwnDir(own);
  for (const name of fs.readdirSync(own)) {
    if (!isLeaseFile(name)) continue;
    const file = path.join(own, name);
    yield { file, name, read: readRecord(file) };
  }
}

/** Removes every lease file of `own` that `owned` picks; returns the ports they held, ascending. */
function removeOwned(own: string, owned: (read: RecordRead) => boolean): number[] {
  const held = new Set<number>();
  for (const { file, name, read } of ownLeases(own)) {
    if (!owned(read)) continue;
    fs.rmSync(file, { force: true });
    for (const port of leaseFilePorts(read, name)) held.add(port);
  }
  return [...held].sort((a, b) => a - b);
}

/**
 * The post step: removes the leases of allocation `token` from this account's directory
 * `own`. Returns the ports they held.
 * @throws LeaseError when `own` is not this account's directory; the fs error when it cannot be read.
 */
export function releaseLeases(own: string, token: string): number[] {
  return removeOwned(own, (read) => read.kind === 'record' && read.record.owner.token === token);
}

/** `port-zero release`: removes every lease in this account's directory owned by `owner` (same pid and start); returns their ports. */
export function releaseOwnedBy(own: string, owner: ProcessIdentity): number[] {
  return removeOwned(own, (read) => read.kind === 'record' && sameProcess(read.record.owner.runner, owner));
}

/**
 * Tidies this account's directory `own`: removes leases that are stale or corrupt (each
 * file judged once), temporary files and 1.0.0's records of processes that are gone.
 * Returns the stale leases it removed, one entry per port.
 */
export function sweepStale(own: string, warn: (message: string) => void): StaleLease[] {
  assertOwnDir(own);
  const names = fs.readdirSync(own);
  const stale: StaleLease[] = [];
  // 1.0.0 linked one record under many port names: each such file is read and judged once,
  // by file ID (bigint: NTFS file IDs are 64-bit). Only those: a record removed here frees
  // its file ID, and a record another job renames into place meanwhile may get it.
  const judged = new Map<bigint, Judged>();
  for (const name of names.filter(isLeaseFile)) {
    const file = path.join(own, name);
    // A record's read says itself when it is gone ('missing', judged live: left alone).
    const ino = legacyLeasePort(name) !== undefined ? fs.lstatSync(file, { bigint: true, throwIfNoEntry: false })?.ino : null;
    if (ino === undefined) continue;
    const verdict = (ino !== null && judged.get(ino)) || judgeFile(readRecord(file));
    if (ino !== null && !verdict.corrupt) judged.set(ino, verdict);
    if (verdict.live || !unlinkQuietly(file, warn)) continue;
    if (verdict.corrupt) warn(`Removed a corrupt lease ${file} (${verdict.why})`);
    for (const port of leaseFilePorts(verdict.read, name)) stale.push({ port, reservation: verdict.reservation, why: verdict.why });
  }
  sweepLeftovers(own, names, warn);
  return stale;
}

/**
 * Temporary files and 1.0.0's records among `names` (this account's directory `own`)
 * whose writing process is gone (killed mid-write), or unreadable and older than any lease can be.
 */
function sweepLeftovers(own: string, names: readonly string[], warn: (message: string) => void) {
  for (const name of names) {
    const pid = tempFileWriter(name) ?? legacyRecordWriter(name);
    if (pid === undefined) continue;
    const file = path.join(own, name);
    const read = readRecord(file);
    if (read.kind === 'missing') continue;
    const writer = read.kind === 'record' ? (read.record.allocator ?? { pid, start: null }) : { pid, start: null };
    const stat = fs.lstatSync(file, { throwIfNoEntry: false });
    const old = stat !== undefined && stat.ctimeMs + MAX_LEASE_MINUTES * 60_000 < Date.now();
    if (!isRunning(writer) || old) unlinkQuietly(file, warn);
  }
}

function unlinkQuietly(file: string, warn: (message: string) => void): boolean {
  try {
    fs.unlinkSync(file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return true;
    warn(`Cannot remove ${file} (${code})`);
    return false;
  }
}

/** A lease file's verdict, with what it said. */
interface Judged {
  read: RecordRead;
  live: boolean;
  why: string;
  corrupt?: boolean;
  reservation?: string;
}

function judgeFile(read: RecordRead): Judged {
  if (read.kind === 'missing') return { read, live: true, why: 'already gone' }; // nothing to remove
  if (read.kind === 'corrupt') return { read, live: false, why: read.why, corrupt: true };
  const verdict = judgeRecord(read.record, read.changed);
  return { read, live: verdict.live, why: verdict.live ? '' : verdict.why, reservation: read.record.reservation };
}

import fs from 'node:fs';
import { isRunning, processStart, type ProcessIdentity } from '../platform/process-identity.ts';
import { MAX_LEASE_MINUTES } from '../settings/constants.ts';

/**
 * The lease record: one file per allocation, listing its ports (format 2), or, in the
 * earlier layout, one record hard-linked as `<port>.lease` for each port (format 1,
 * still honoured). Records of other accounts are hostile input: they are read without
 * following links or blocking, size-capped, parsed, and judged by rules that a forger
 * cannot stretch (see `judgeRecord`).
 */

export interface LeaseOwner {
  /** Unique to one allocation; the post step releases only leases with its token. */
  token: string;
  run: string;
  job: string;
  /** The process whose exit ends the lease: the job's runner process, or the shell that ran the local command. */
  runner: ProcessIdentity;
  host: string;
}

/**
 * Format 2 lists its ports; format 1 (the earlier layout's `<port>.lease` files) names
 * none, its file name gives the port. Later fields are optional, so older records still parse.
 */
export interface LeaseRecord {
  version: 1 | 2;
  owner: LeaseOwner;
  /** ISO 8601; format 1 only (a format 2 record's file says when it was made: its ctime). */
  created?: string;
  /** Milliseconds since the epoch. */
  expires: number;
  /** Which reservation protects the ports after the step (a `reserve` mode), as given; absent in older records. */
  reservation?: string;
  /** The process that wrote the record, so a record left by an allocation killed mid-way can be told apart. */
  allocator?: ProcessIdentity;
  /** Format 2: the leased ports, as `formatPorts` writes them ("40000 40001 40100"; runs "40000-40009" are read too). */
  ports?: string;
  /** Format 2: the allocation is still running; the lease ends with `allocator` unless it is committed. */
  pending?: boolean;
}

/** A record of every port (65,535 of them, none adjacent) takes under 400 KiB; anything bigger is not a record. */
const MAX_RECORD_BYTES = 512 * 1024;
const MAX_LEASE_MS = MAX_LEASE_MINUTES * 60_000;
const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0; // absent on Windows, where lstat checks of the directories suffice
const O_NONBLOCK = fs.constants.O_NONBLOCK ?? 0;

export type RecordRead =
  | { kind: 'record'; record: LeaseRecord; /** Last inode change, ms: set by the kernel, not by the writer. */ changed: number }
  | { kind: 'missing' }
  | { kind: 'corrupt'; why: string };

/**
 * Reads a record without following a symbolic link (O_NOFOLLOW), without blocking on a
 * FIFO or device (O_NONBLOCK, then fstat must say regular file) and without reading more
 * than 512 KiB. Never throws: anything but a record is `missing` or `corrupt`.
 */
export function readRecord(file: string): RecordRead {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    return { kind: 'corrupt', why: code === 'ELOOP' ? 'a symbolic link' : `unreadable (${code})` };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { kind: 'corrupt', why: 'not a regular file' };
    if (stat.size > MAX_RECORD_BYTES) return { kind: 'corrupt', why: `larger than ${MAX_RECORD_BYTES} bytes` };
    // One byte more: a file that grew since fstat is caught by the parse. Not zero-filled:
    // only the `length` bytes read are ever looked at.
    const buffer = Buffer.allocUnsafe(stat.size + 1);
    const length = fs.readSync(fd, buffer, 0, buffer.length, 0);
    const text = buffer.toString('utf8', 0, length);
    const record = parseRecord(text);
    if (!record) return { kind: 'corrupt', why: length === 0 ? 'empty' : 'not a lease record' };
    return { kind: 'record', record, changed: stat.ctimeMs };
  } catch (error) {
    return { kind: 'corrupt', why: `unreadable (${(error as NodeJS.ErrnoException).code})` };
  } finally {
    fs.closeSync(fd);
  }
}

const isIdentity = (p: unknown): p is ProcessIdentity =>
  typeof p === 'object' &&
  p !== null &&
  Number.isInteger((p as ProcessIdentity).pid) &&
  ((p as ProcessIdentity).start === null || typeof (p as ProcessIdentity).start === 'string');

/** The record if `text` has its shape, else undefined. Unknown fields are dropped by never being read. */
export function parseRecord(text: string): LeaseRecord | undefined {
  try {
    const r = JSON.parse(text) as LeaseRecord;
    const valid =
      (r?.version === 1 || (r?.version === 2 && typeof r.ports === 'string' && parsePorts(r.ports) !== undefined)) &&
      Number.isFinite(r.expires) &&
      typeof r.owner?.token === 'string' &&
      isIdentity(r.owner.runner) &&
      (r.reservation === undefined || typeof r.reservation === 'string') &&
      (r.allocator === undefined || isIdentity(r.allocator));
    return valid ? r : undefined;
  } catch {
    return undefined;
  }
}

export function formatRecord(record: LeaseRecord): string {
  return JSON.stringify(record);
}

/**
 * Ports as a record keeps them: "40000 40001 40100", in the order given. Joined
 * natively, with no work per port in the step's own code; readers also take runs
 * ("40000-40009"), so a later writer may fold blocks.
 */
export function formatPorts(ports: readonly number[]): string {
  return ports.join(' ');
}

const PORT_ENTRY = /^(\d{1,5})(?:-(\d{1,5}))?$/;

/** The ports of `formatPorts` text, or undefined unless every entry is a port (1-65535) or an ascending run of them. */
export function parsePorts(text: string): number[] | undefined {
  const ports: number[] = [];
  for (const entry of text.split(' ')) {
    if (entry === '') continue;
    const m = PORT_ENTRY.exec(entry);
    if (!m) return undefined;
    const low = Number(m[1]);
    const high = m[2] === undefined ? low : Number(m[2]);
    if (low < 1 || high > 65535 || high < low) return undefined;
    for (let p = low; p <= high; p++) ports.push(p);
  }
  return ports;
}

export type Verdict = { live: true } | { live: false; why: string };

/**
 * A lease is live while unexpired and its runner process runs (pid and start time, so a
 * reused pid does not count). The expiry is capped at the record's last inode change
 * (ctime) + the longest `lease-minutes`: a forged expiry years ahead, or pid 1 as the
 * owner, blocks a port for at most that long. ctime, not mtime: utimes() can set mtime
 * to any date, while ctime is always the kernel's clock.
 */
export function judgeRecord(record: LeaseRecord, changed: number, now = Date.now()): Verdict {
  const expires = Math.min(record.expires, changed + MAX_LEASE_MS);
  if (expires <= now) return { live: false, why: `expired at ${new Date(expires).toISOString()}` };
  if (!ownerRuns(record.owner.runner)) return { live: false, why: `its owner process ${record.owner.runner.pid} is gone` };
  // A pending record outlives its allocation only when that was killed mid-way: it ends with it.
  if (record.pending && !ownerRuns(record.allocator ?? { pid: 0, start: null }))
    return { live: false, why: `its allocation (process ${record.allocator?.pid}) ended before it was committed` };
  return { live: true };
}

/**
 * Whether the owner process runs. On a host that hides other users' processes
 * (/proc mounted with hidepid) another account's process exists (kill() answers EPERM)
 * but its start time cannot be read; it then counts as running, and the capped expiry
 * bounds the lease.
 */
function ownerRuns(owner: ProcessIdentity): boolean {
  if (isRunning(owner)) return true;
  if (owner.start === null || !Number.isInteger(owner.pid) || owner.pid <= 0) return false;
  try {
    process.kill(owner.pid, 0);
    return false; // ours to see, and not the same process
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' && processStart(owner.pid) === null;
  }
}

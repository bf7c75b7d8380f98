import type fs from 'node:fs';
import { expandRanges, parsePortList } from '../ports/port-list.ts';
import { isRunning, pidNamespace, processStart, unseen, type ProcessIdentity } from '../platform/process-identity.ts';
import { NotARegularFileError, readRegularFile } from '../platform/safe-files.ts';
import { legacyLeasePort } from './legacy-layout.ts';

/**
 * The lease record: one file per allocation, `lease-<token>.json`, listing its ports
 * (format 2); 1.0.0's records (format 1, see legacy-layout.ts) still count. Records of
 * other accounts are hostile input: they are read without following links or blocking,
 * size-capped, parsed, and judged by rules that a forger cannot stretch (see `judgeRecord`).
 */

/** Leases and the holder end after this long unless released first: six hours, the longest a hosted job runs. */
export const DEFAULT_LEASE_MINUTES = 360;
/** No lease lasts longer than a week, whatever its record says. */
export const MAX_LEASE_MINUTES = 7 * 24 * 60;

/** An allocation's record: `lease-<token>.json`. */
const RECORD_FILE = /^lease-([\w-]+)\.json$/;
/** A record being written: `.tmp-<pid>-<token>.<n>`, renamed over the record at once. */
const TEMP_FILE = /^\.tmp-(\d+)-[\w.-]+$/;

/** The file name of allocation `token`'s record. */
export const recordFileName = (token: string) => `lease-${token}.json`;
/** The name of the `n`th temporary file this process writes for `token`'s record. */
export const tempFileName = (token: string, n: number) => `.tmp-${process.pid}-${token}.${n}`;
/** The token a record's file name carries, or undefined when `name` is not a record's. */
export const recordToken = (name: string) => RECORD_FILE.exec(name)?.[1];
/** The pid of the process writing a temporary record file, or undefined when `name` is not one. */
export const tempFileWriter = (name: string) => {
  const pid = TEMP_FILE.exec(name)?.[1];
  return pid === undefined ? undefined : Number(pid);
};
/** A lease file's name: a record, or a port file of 1.0.0. */
export const isLeaseFile = (name: string) => RECORD_FILE.test(name) || legacyLeasePort(name) !== undefined;

export interface LeaseOwner {
  /** Unique to one allocation; the post step releases only leases with its token. */
  token: string;
  run: string;
  job: string;
  /**
   * The process whose exit ends the lease: the job's runner process, or the shell that ran
   * the local command. Pid 0 when it could not be seen (see `unseen`): the lease then ends
   * only with its post step (or `port-zero release`) or its expiry.
   */
  runner: ProcessIdentity;
  host: string;
  /**
   * The job's RUNNER_TRACKING_ID, kept only when its runner could not be seen: what tells
   * two steps of one such job (whose runners both show as pid 0) from two jobs.
   */
  tracking?: string;
}

/**
 * Whether two owners are one runner: the same process (pid and start), or, where neither
 * runner could be seen, the same job by its RUNNER_TRACKING_ID (two unseen runners
 * without one are not known to be one).
 */
export function sameRunner(a: LeaseOwner, b: LeaseOwner): boolean {
  if (unseen(a.runner) || unseen(b.runner))
    return unseen(a.runner) && unseen(b.runner) && a.tracking !== undefined && a.tracking === b.tracking;
  return a.runner.pid === b.runner.pid && a.runner.start === b.runner.start;
}

/**
 * Format 2 lists its ports; format 1 (1.0.0's `<port>.lease` files) names none, its
 * file name gives the port. Later fields are optional, so older records still parse.
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
  /**
   * The pid namespace its processes (`owner.runner`, `allocator`) were named in (Linux,
   * see pidNamespace); absent in older records and off Linux. A reader in another
   * namespace cannot judge them, so for it the lease lasts until its expiry.
   */
  pidns?: string;
  /** Format 2: the leased ports, as `formatPorts` writes them ("40000 40001 40100"; runs "40000-40009" are read too). */
  ports?: string;
  /** Format 2: the allocation is still running; the lease ends with `allocator` unless it is committed. */
  pending?: boolean;
  /** Format 2: the name each port was handed out under, where the program names them (`{"web": 41234}`). */
  names?: Record<string, number>;
}

/** A record of every port (65,535 of them, none adjacent) takes under 400 KiB; anything bigger is not a record. */
const MAX_RECORD_BYTES = 512 * 1024;
const MAX_LEASE_MS = MAX_LEASE_MINUTES * 60_000;

export type RecordRead =
  | { kind: 'record'; record: LeaseRecord; /** Last inode change, ms: set by the kernel, not by the writer. */ changed: number }
  | { kind: 'missing' }
  | { kind: 'corrupt'; why: string };

/**
 * Reads a record as readRegularFile does (no link followed, no FIFO blocked on, at
 * most 512 KiB). Never throws: anything but a record is `missing` or `corrupt`.
 */
export function readRecord(file: string): RecordRead {
  let read: { text: string; stat: fs.Stats };
  try {
    read = readRegularFile(file, MAX_RECORD_BYTES);
  } catch (error) {
    if (error instanceof NotARegularFileError) return { kind: 'corrupt', why: error.why };
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    return { kind: 'corrupt', why: `unreadable (${code ?? (error as Error).message})` };
  }
  const record = parseRecord(read.text);
  if (!record) return { kind: 'corrupt', why: read.text.length === 0 ? 'empty' : 'not a lease record' };
  return { kind: 'record', record, changed: read.stat.ctimeMs };
}

const isIdentity = (p: unknown): p is ProcessIdentity =>
  typeof p === 'object' &&
  p !== null &&
  Number.isInteger((p as ProcessIdentity).pid) &&
  ((p as ProcessIdentity).start === null || typeof (p as ProcessIdentity).start === 'string');

/** `{"web": 41234}`: names of the allowed form, each to a port. */
function isNameMap(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.entries(value).every(
    ([name, port]) => /^[A-Za-z][\w-]{0,63}$/.test(name) && Number.isInteger(port) && port >= 1 && port <= 65535,
  );
}

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
      (r.names === undefined || isNameMap(r.names)) &&
      (r.allocator === undefined || isIdentity(r.allocator)) &&
      (r.pidns === undefined || typeof r.pidns === 'string') &&
      (r.owner.tracking === undefined || typeof r.owner.tracking === 'string');
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

/** The ports of `formatPorts` text, or undefined unless every entry is a port (1-65535) or an ascending run of them. */
export function parsePorts(text: string): number[] | undefined {
  const ranges = parsePortList(text);
  return ranges && expandRanges(ranges);
}

export type Verdict = { live: true } | { live: false; why: string };

/**
 * A lease is live while unexpired and its runner process runs (pid and start time, so a
 * reused pid does not count). The expiry is capped at the record's last inode change
 * (ctime) + the longest `lease-minutes`: a forged expiry years ahead, or pid 1 as the
 * owner, blocks a port for at most that long. ctime, not mtime: utimes() can set mtime
 * to any date, while ctime is always the kernel's clock.
 *
 * Where its processes cannot be judged, a lease lives until its expiry (or its post
 * step): a runner that could not be seen (pid 0, a step started by `docker exec`), and
 * any record written in another pid namespace, whose pids name other processes here.
 * That errs toward keeping a port, never toward handing a live job's port out again.
 */
export function judgeRecord(record: LeaseRecord, changed: number, now = Date.now()): Verdict {
  const expires = Math.min(record.expires, changed + MAX_LEASE_MS);
  if (expires <= now) return { live: false, why: `expired at ${new Date(expires).toISOString()}` };
  if (record.pidns !== undefined && record.pidns !== pidNamespace()) return { live: true };
  if (!unseen(record.owner.runner) && !ownerRuns(record.owner.runner))
    return { live: false, why: `its owner process ${record.owner.runner.pid} is gone` };
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

/**
 * The ports a lease file holds: the ports a format 2 record lists, or, for 1.0.0's
 * `<port>.lease` files, the port its `name` gives. None for anything but a record.
 */
export function leaseFilePorts(read: RecordRead, name: string): number[] {
  const legacy = legacyLeasePort(name);
  if (legacy !== undefined) return [legacy];
  if (read.kind !== 'record' || read.record.version !== 2) return [];
  return parsePorts(read.record.ports ?? '') ?? [];
}

/** The ports a lease file holds while it is live (see judgeRecord); none once it is not, or for anything but a record. */
export function livePorts(read: RecordRead, name: string): number[] {
  if (read.kind !== 'record' || !judgeRecord(read.record, read.changed).live) return [];
  return leaseFilePorts(read, name);
}

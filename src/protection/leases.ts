import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LeaseError } from '../errors.ts';
import { isRunning, type ProcessIdentity } from '../platform/process-identity.ts';
import { uniqueId } from '../unique-id.ts';

/**
 * Leases: one file per port in a directory every runner of the host shares.
 * A port with a live lease is never handed out again. A lease ends when its job's
 * post step releases it, when the job's runner process is gone, or at its expiry.
 *
 * Each allocation writes one owner record and hard-links it to `<port>.lease`
 * for every port: link() fails if the name exists, so creating a lease is atomic
 * and a lease file is never seen half-written.
 */

export interface LeaseOwner {
  /** Unique to one allocation; the post step releases only leases with its token. */
  token: string;
  run: string;
  job: string;
  /** The process whose exit ends the lease: the runner process that runs the job. */
  runner: ProcessIdentity;
  host: string;
}

interface LeaseRecord {
  version: 1;
  owner: LeaseOwner;
  created: string;
  /** Milliseconds since the epoch. */
  expires: number;
  /** What reserves the ports ('kernel', 'time-wait', ...), so a later job can undo a dead job's kernel-list entries. */
  reservation?: string;
}

export interface LeaseOptions {
  dir: string;
  owner: LeaseOwner;
  ttlMs: number;
  /** Recorded in the owner record as its `reservation`. */
  reservation?: string;
  /** Problems found in the directory (a corrupt lease, say), reported and not fatal. */
  warn?: (message: string) => void;
}

export const DEFAULT_LEASE_DIR = path.join(os.tmpdir(), 'port-zero-leases');
const LEASE_FILE = /^(\d{1,5})\.lease$/;
const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0; // absent on Windows, where the directory check suffices

/**
 * A new allocation's token, e.g. `1x2kq9c-4d2-2p5ds3k1x3-3mtw0ahk1z4`: unique across
 * processes and hosts (see uniqueId for why) and safe in a file name. Built without
 * node:crypto, which would cost every step about 10 ms of start-up; a token is not a
 * secret, and two equal tokens could not share a lease directory anyway, because the
 * owner record `.owner-<token>.json` is created exclusively.
 */
export function newToken(): string {
  return uniqueId();
}

export function newOwner(runner: ProcessIdentity, env = process.env): LeaseOwner {
  return {
    token: newToken(),
    run: [env.GITHUB_REPOSITORY, env.GITHUB_RUN_ID, env.GITHUB_RUN_ATTEMPT].filter(Boolean).join('/') || 'local',
    job: env.GITHUB_JOB ?? 'local',
    runner,
    host: os.hostname(),
  };
}

function leasePath(dir: string, port: number): string {
  return path.join(dir, `${port}.lease`);
}

/**
 * The directory lives somewhere shared, so it is treated as hostile: it must be a
 * real directory (not a link), ours, and not writable by others. Creates it if missing.
 */
export function openLeaseDir(dir: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw unusable(dir, error);
    try {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      stat = fs.lstatSync(dir);
    } catch (inner) {
      throw unusable(dir, inner);
    }
  }
  if (stat.isSymbolicLink()) throw new LeaseError(`Lease directory ${dir} is a symbolic link; refusing to follow it`);
  if (!stat.isDirectory()) throw new LeaseError(`Lease directory ${dir} is not a directory`);
  if (process.platform === 'win32') return;
  if (stat.uid !== process.getuid!()) throw new LeaseError(`Lease directory ${dir} belongs to another user (uid ${stat.uid})`);
  if (stat.mode & 0o022)
    throw new LeaseError(`Lease directory ${dir} is writable by other users (mode ${(stat.mode & 0o777).toString(8)})`);
}

function unusable(dir: string, error: unknown): LeaseError {
  return new LeaseError(`Lease directory ${dir} cannot be used: ${(error as Error).message}`);
}

/** The leases of one allocation: claims ports, and gives them all back if the allocation fails. */
export class LeaseBook {
  readonly dir: string;
  readonly owner: LeaseOwner;
  private readonly record: string;
  private readonly warn: (message: string) => void;
  private readonly claimed = new Set<number>();

  constructor(options: LeaseOptions) {
    openLeaseDir(options.dir);
    this.dir = options.dir;
    this.owner = options.owner;
    this.warn = options.warn ?? (() => {});
    this.record = path.join(this.dir, `.owner-${options.owner.token}.json`);
    const record: LeaseRecord = {
      version: 1,
      owner: options.owner,
      created: new Date().toISOString(),
      expires: Date.now() + options.ttlMs,
      ...(options.reservation && { reservation: options.reservation }),
    };
    try {
      writeExclusive(this.record, JSON.stringify(record));
    } catch (error) {
      throw unusable(this.dir, error);
    }
  }

  get ports(): number[] {
    return [...this.claimed];
  }

  /** Leases every port, or none of them (then false: one is someone else's). */
  claim = async (ports: readonly number[]): Promise<boolean> => {
    const done: number[] = [];
    for (const port of ports) {
      if (!this.claimOne(port)) {
        for (const p of done) this.unlinkOwn(p);
        return false;
      }
      done.push(port);
    }
    for (const port of done) this.claimed.add(port);
    return true;
  };

  private claimOne(port: number): boolean {
    const file = leasePath(this.dir, port);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        fs.linkSync(this.record, file);
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw unusable(this.dir, error);
      }
      // Only the process holding the port's socket can be here, so no other
      // allocator is judging the same lease: removing a stale one is safe.
      if (!reclaimIfStale(file, this.warn)) return false;
    }
    return false;
  }

  private unlinkOwn(port: number) {
    fs.rmSync(leasePath(this.dir, port), { force: true });
    this.claimed.delete(port);
  }

  /** The allocation is over: the lease files stay, the shared record name goes. */
  close(): void {
    fs.rmSync(this.record, { force: true });
  }

  /** The allocation failed: no lease of it may stay behind. */
  releaseAll(): void {
    for (const port of this.ports) this.unlinkOwn(port);
    this.close();
  }
}

function writeExclusive(file: string, content: string) {
  const flags = fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY | O_NOFOLLOW;
  const fd = fs.openSync(file, flags, 0o644);
  try {
    fs.writeSync(fd, content);
  } finally {
    fs.closeSync(fd);
  }
}

type LeaseRead = { kind: 'record'; record: LeaseRecord } | { kind: 'missing' } | { kind: 'corrupt'; why: string };
type LeaseState = { kind: 'live'; record: LeaseRecord } | { kind: 'stale'; why: string } | { kind: 'corrupt'; why: string };

/** Reads a lease without following links, trusting nothing in it beyond its shape. */
export function readLease(file: string): LeaseRead {
  let text: string;
  try {
    const fd = fs.openSync(file, fs.constants.O_RDONLY | O_NOFOLLOW);
    try {
      if (!fs.fstatSync(fd).isFile()) return { kind: 'corrupt', why: 'not a regular file' };
      text = fs.readFileSync(fd, 'utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'corrupt', why: code === 'ELOOP' ? 'a symbolic link' : `unreadable (${code})` };
  }
  const record = parseRecord(text);
  if (!record) return { kind: 'corrupt', why: text.length === 0 ? 'empty' : 'not a lease record' };
  return { kind: 'record', record };
}

/** Live while unexpired and its runner process runs. */
export function inspectLease(file: string, now = Date.now()): LeaseState {
  const read = readLease(file);
  if (read.kind === 'missing') return { kind: 'stale', why: 'already gone' };
  if (read.kind === 'corrupt') return read;
  const { record } = read;
  if (record.expires <= now) return { kind: 'stale', why: `expired at ${new Date(record.expires).toISOString()}` };
  if (!isRunning(record.owner.runner)) return { kind: 'stale', why: `its runner process ${record.owner.runner.pid} is gone` };
  return { kind: 'live', record };
}

function parseRecord(text: string): LeaseRecord | undefined {
  try {
    const r = JSON.parse(text) as LeaseRecord;
    const valid =
      r?.version === 1 &&
      typeof r.expires === 'number' &&
      typeof r.owner?.token === 'string' &&
      Number.isInteger(r.owner.runner?.pid) &&
      (r.owner.runner.start === null || typeof r.owner.runner.start === 'string') &&
      (r.reservation === undefined || typeof r.reservation === 'string');
    return valid ? r : undefined;
  } catch {
    return undefined;
  }
}

/** Removes a lease that is stale or corrupt (reporting the corrupt one); true if the port is free of leases now. */
function reclaimIfStale(file: string, warn: (message: string) => void): boolean {
  const state = inspectLease(file);
  if (state.kind === 'live') return false;
  return removeLease(file, state, warn);
}

/** Unlinks a lease that is not live; an entry that cannot be unlinked (a directory, say) is reported and left. */
function removeLease(file: string, state: LeaseState, warn: (message: string) => void): boolean {
  try {
    fs.unlinkSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return true;
    warn(`Cannot remove ${file} (${code}); its port is skipped`);
    return false;
  }
  if (state.kind === 'corrupt') warn(`Removed a corrupt lease ${file} (${state.why})`);
  return true;
}

/** The post step: removes exactly the leases of `token` among `ports`; others' leases stay. */
export function releaseLeases(dir: string, token: string, ports: readonly number[]): number {
  let released = 0;
  for (const port of ports) {
    const file = leasePath(dir, port);
    const read = readLease(file);
    if (read.kind === 'record' && read.record.owner.token === token) {
      fs.rmSync(file, { force: true });
      released++;
    }
  }
  return released;
}

/** Whether any live lease holds `port` in the lease directory `location`. */
export function hasLiveLease(location: string, port: number): boolean {
  return inspectLease(leasePath(location, port)).kind === 'live';
}

/** A stale lease that was removed: its port and the reservation its record named (absent in old records). */
export interface StaleLease {
  port: number;
  reservation?: string;
}

/** Removes every stale or corrupt lease in the directory; a file shared by many leases is judged once. */
export function sweepStale(dir: string, warn: (message: string) => void): StaleLease[] {
  // bigint: NTFS file IDs are 64-bit, and as doubles two records could share a key.
  const verdicts = new Map<bigint, LeaseState>();
  const removed: StaleLease[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!LEASE_FILE.test(name)) continue;
    const file = path.join(dir, name);
    const ino = fs.lstatSync(file, { bigint: true, throwIfNoEntry: false })?.ino;
    if (ino === undefined) continue;
    const state = verdicts.get(ino) ?? inspectLease(file);
    if (state.kind !== 'corrupt') verdicts.set(ino, state);
    if (state.kind === 'live') continue;
    const read = readLease(file); // before the unlink: what reserved the port
    if (!removeLease(file, state, warn)) continue;
    const reservation = read.kind === 'record' ? read.record.reservation : undefined;
    removed.push({ port: Number(LEASE_FILE.exec(name)![1]), ...(reservation && { reservation }) });
  }
  return removed;
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LeaseError } from '../errors.ts';
import { uniqueId } from '../unique-id.ts';
import { identify, isRunning, type ProcessIdentity } from '../platform/process-identity.ts';
import { MAX_LEASE_MINUTES } from '../settings/constants.ts';
import { assertOwnDir, leaseDirs, type LeaseLocation } from './lease-location.ts';
import { formatRecord, judgeRecord, readRecord, type LeaseOwner, type LeaseRecord } from './lease-record.ts';

/**
 * Leases: a port with a live lease, of any account on the host, is never handed out again.
 * A lease ends when its job's post step (or `port-zero release`) removes it, when its
 * owner process is gone, or at its expiry.
 *
 * Each allocation writes one record in its account's directory and hard-links it as
 * `<port>.lease` for every port: link() fails if the name exists, so within an account
 * a lease is atomic and never seen half-written. Across accounts, a claim publishes its
 * own lease first and only then looks for a live one of another account, backing off if
 * it finds one; of two claims racing for one port, at least one sees the other (each
 * looks after it publishes), so at most one wins. On top of that the allocator holds the
 * port's socket while it claims: with the default bind on every address no two
 * allocators judge one port at once. With host-specific binds (`host`) two allocators can
 * hold one port on different addresses; then both may back off, never both win.
 */

export type { LeaseOwner } from './lease-record.ts';

export interface LeaseOptions {
  location: LeaseLocation;
  owner: LeaseOwner;
  /** How long the leases last at most, in ms. */
  ttlMs: number;
  /** The reservation that protects the ports after the step (a `reserve` mode), kept in the record. */
  reservation?: string;
  /** Problems found in this account's directory (a corrupt lease, say), reported and not fatal. */
  warn?: (message: string) => void;
}

/** A stale lease found by `sweepStale`: its port and the reservation its record named. */
export interface StaleLease {
  port: number;
  reservation?: string;
  why: string;
}

const LEASE_FILE = /^(\d{1,5})\.lease$/;
const RECORD_FILE = /^\.owner-(\d+)-[\w-]+\.json$/;
const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;

/**
 * A new allocation's token, e.g. `1x2kq9c-4d2-2p5ds3k1x3-3mtw0ahk1z4`: unique across
 * processes and hosts (see uniqueId for why) and safe in a file name. Built without
 * node:crypto, which would cost every step about 10 ms of start-up; a token is not a
 * secret, and two equal tokens could not share a lease directory anyway, because the
 * record `.owner-<pid>-<token>.json` is created exclusively. The one place tokens are made.
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

/** The leases of one allocation: claims ports, and gives them all back if the allocation fails. */
export class LeaseBook {
  readonly location: LeaseLocation;
  readonly owner: LeaseOwner;
  private readonly record: string;
  private readonly warn: (message: string) => void;
  private readonly claimed = new Set<number>();
  /** Which names in the root are account directories, judged once per allocation. */
  private readonly seen = new Map<string, boolean>();

  /** Writes the allocation's record. @throws LeaseError when this account's directory cannot be written. */
  constructor(options: LeaseOptions) {
    this.location = options.location;
    this.owner = options.owner;
    this.warn = options.warn ?? (() => {});
    // The allocating pid in the name: a record left by an allocation killed mid-way is swept once that process is gone.
    this.record = path.join(this.location.own, `.owner-${process.pid}-${options.owner.token}.json`);
    const record: LeaseRecord = {
      version: 1,
      owner: options.owner,
      created: new Date().toISOString(),
      expires: Date.now() + options.ttlMs,
      ...(options.reservation === undefined ? {} : { reservation: options.reservation }),
      allocator: identify(process.pid),
    };
    try {
      assertOwnDir(this.location.own);
      writeExclusive(this.record, formatRecord(record));
    } catch (error) {
      throw new LeaseError(`The lease directory ${this.location.own} cannot be written: ${(error as Error).message}`);
    }
  }

  get ports(): number[] {
    return [...this.claimed];
  }

  /** Leases every port, or none of them (then false: one is someone else's). Called while the ports' sockets are held. */
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
    if (!this.linkOwn(port)) return false;
    if (!liveIn(leaseDirs(this.location.root, this.seen), port, this.location.own)) return true;
    this.unlinkOwn(port); // another account's live lease: back off
    return false;
  }

  /** Publishes this allocation's lease in its own directory, replacing a stale one of the same account. */
  private linkOwn(port: number): boolean {
    const file = leasePath(this.location.own, port);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        fs.linkSync(this.record, file);
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
          throw new LeaseError(`Cannot lease port ${port}: ${(error as Error).message}`);
      }
      // Only the process holding the port's socket gets here, so no other allocator
      // of this account is judging the same lease: removing a stale one is safe.
      if (!this.removeIfStale(file)) return false;
    }
    return false;
  }

  private removeIfStale(file: string): boolean {
    const read = readRecord(file);
    if (read.kind === 'record' && judgeRecord(read.record, read.changed).live) return false;
    const removed = unlinkQuietly(file, this.warn);
    if (removed && read.kind === 'corrupt') this.warn(`Removed a corrupt lease ${file} (${read.why})`);
    return removed;
  }

  private unlinkOwn(port: number) {
    fs.rmSync(leasePath(this.location.own, port), { force: true });
    this.claimed.delete(port);
  }

  /** The allocation is over: the lease files stay, the record's own name goes. */
  close(): void {
    fs.rmSync(this.record, { force: true });
  }

  /** The allocation failed: no lease of it may stay behind. */
  releaseAll(): void {
    for (const port of this.ports) this.unlinkOwn(port);
    this.close();
  }
}

/** Creates `file` (never an existing one, never through a link), readable by every account whatever the umask. */
function writeExclusive(file: string, content: string) {
  const flags = fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY | O_NOFOLLOW;
  const fd = fs.openSync(file, flags, 0o644);
  try {
    if (process.platform !== 'win32') fs.fchmodSync(fd, 0o644);
    fs.writeSync(fd, content);
  } finally {
    fs.closeSync(fd);
  }
}

/** True if any directory but `except` holds a live lease for `port`. Reads only; anything but a record does not count. */
function liveIn(dirs: readonly string[], port: number, except?: string): boolean {
  return dirs.some((dir) => {
    if (dir === except) return false;
    const read = readRecord(leasePath(dir, port));
    return read.kind === 'record' && judgeRecord(read.record, read.changed).live;
  });
}

/**
 * True if any account on the host holds a live lease for `port` in the location rooted at
 * `location` (the default root or a `lease-dir`). Never throws for what others put there.
 */
export function hasLiveLease(location: string, port: number): boolean {
  try {
    return liveIn(leaseDirs(location), port);
  } catch {
    return false; // no readable location: no lease
  }
}

function unlinkQuietly(file: string, warn: (message: string) => void): boolean {
  try {
    fs.unlinkSync(file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return true;
    warn(`Cannot remove ${file} (${code}); its port is skipped`);
    return false;
  }
}

/** The post step: removes exactly the leases of `token` among `ports` from this account's directory `own`. */
export function releaseLeases(own: string, token: string, ports: readonly number[]): number {
  assertOwnDir(own);
  let released = 0;
  for (const port of ports) {
    const file = leasePath(own, port);
    const read = readRecord(file);
    if (read.kind === 'record' && read.record.owner.token === token) {
      fs.rmSync(file, { force: true });
      released++;
    }
  }
  return released;
}

/** `port-zero release`: removes every lease in this account's directory owned by `owner` (same pid and start); returns their ports. */
export function releaseOwnedBy(own: string, owner: ProcessIdentity): number[] {
  assertOwnDir(own);
  const released: number[] = [];
  for (const name of fs.readdirSync(own)) {
    const port = LEASE_FILE.exec(name)?.[1];
    if (port === undefined) continue;
    const read = readRecord(path.join(own, name));
    const runner = read.kind === 'record' ? read.record.owner.runner : undefined;
    if (runner?.pid === owner.pid && runner.start === owner.start) {
      fs.rmSync(path.join(own, name), { force: true });
      released.push(Number(port));
    }
  }
  return released.sort((a, b) => a - b);
}

/**
 * Tidies this account's directory `own`: removes leases that are stale or corrupt (a
 * record shared by many leases is judged once), and records of allocations whose
 * process is gone (killed mid-way). Other accounts' files are never touched: their stale
 * leases simply stop counting. Returns the stale leases it removed.
 */
export function sweepStale(own: string, warn: (message: string) => void): StaleLease[] {
  assertOwnDir(own);
  // bigint: NTFS file IDs are 64-bit, and as doubles two records could share a key.
  const verdicts = new Map<bigint, ReturnType<typeof judgeFile>>();
  const stale: StaleLease[] = [];
  for (const name of fs.readdirSync(own)) {
    const file = path.join(own, name);
    const record = RECORD_FILE.exec(name);
    if (record) {
      if (abandoned(file, Number(record[1]))) unlinkQuietly(file, warn);
      continue;
    }
    const port = LEASE_FILE.exec(name)?.[1];
    const ino = port === undefined ? undefined : fs.lstatSync(file, { bigint: true, throwIfNoEntry: false })?.ino;
    if (ino === undefined) continue;
    const verdict = verdicts.get(ino) ?? judgeFile(file);
    if (!verdict.corrupt) verdicts.set(ino, verdict);
    if (verdict.live || !unlinkQuietly(file, warn)) continue;
    if (verdict.corrupt) warn(`Removed a corrupt lease ${file} (${verdict.why})`);
    stale.push({ port: Number(port), reservation: verdict.reservation, why: verdict.why });
  }
  return stale;
}

function judgeFile(file: string): { live: boolean; why: string; corrupt?: boolean; reservation?: string } {
  const read = readRecord(file);
  if (read.kind === 'missing') return { live: true, why: 'already gone' }; // nothing to remove
  if (read.kind === 'corrupt') return { live: false, why: read.why, corrupt: true };
  const verdict = judgeRecord(read.record, read.changed);
  return { live: verdict.live, why: verdict.live ? '' : verdict.why, reservation: read.record.reservation };
}

/** A record whose allocating process is gone, or that is unreadable and older than any lease can be. */
function abandoned(file: string, pid: number): boolean {
  const read = readRecord(file);
  if (read.kind === 'missing') return false;
  if (read.kind === 'record') return !isRunning(read.record.allocator ?? { pid, start: null });
  const stat = fs.lstatSync(file, { throwIfNoEntry: false });
  return !isRunning({ pid, start: null }) || (stat !== undefined && stat.ctimeMs + MAX_LEASE_MINUTES * 60_000 < Date.now());
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LeaseError } from '../errors.ts';
import { uniqueId } from '../unique-id.ts';
import type { ClaimVerdict } from '../allocator/allocate-ports.ts';
import { identify, isRunning, type ProcessIdentity } from '../platform/process-identity.ts';
import { MAX_LEASE_MINUTES } from '../settings/constants.ts';
import { assertOwnDir, leaseDirs, type LeaseLocation } from './lease-location.ts';
import {
  formatPorts,
  formatRecord,
  judgeRecord,
  parsePorts,
  readRecord,
  type LeaseOwner,
  type LeaseRecord,
  type RecordRead,
} from './lease-record.ts';

/**
 * Leases: a port with a live lease, of any account on the host, is never handed out again.
 * A lease ends when its job's post step (or `port-zero release`) removes it, when its
 * owner process is gone, or at its expiry.
 *
 * Each allocation keeps one record in its account's directory, `lease-<token>.json`,
 * listing its ports. It is written under a temporary name and renamed over the record's
 * name, so no reader ever sees one half-written, and the name itself never goes away
 * while the lease lives: a reader that listed the directory before a change opens the
 * changed record, never a name removed in between (a new name per change, with the old
 * one removed after it, let a reader list the old name, miss the new one and find the
 * old one gone: the port looked free).
 *
 * A claim publishes the ports first and only then reads every account's records (one
 * directory read per account per batch), backing off from any port that another live
 * record lists. Of two claims racing for one port, the later reader sees the other
 * (each reads after it publishes), so at most one wins; both may back off, never both
 * win. On top of that the allocator holds the port's socket while it claims: with the
 * default bind on every address no two allocators judge one port at once.
 *
 * Files of the earlier layout (a record hard-linked as `<port>.lease` per port) still count.
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

/** An allocation's record: `lease-<token>.json`. */
const RECORD_FILE = /^lease-([\w-]+)\.json$/;
/** The earlier layout: one hard link of the record per port. */
const PORT_FILE = /^(\d{1,5})\.lease$/;
/** The earlier layout's record name, removed when its allocation ended. */
const EARLIER_RECORD_FILE = /^\.owner-(\d+)-[\w-]+\.json$/;
/** A record being written: `.tmp-<pid>-<token>.<n>`, renamed over the record at once. */
const TEMP_FILE = /^\.tmp-(\d+)-[\w.-]+$/;

/** A lease file's name: a record, or a port file of the earlier layout. */
const isLeaseFile = (name: string) => RECORD_FILE.test(name) || PORT_FILE.test(name);

const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;

/**
 * A new allocation's token, e.g. `1x2kq9c-4d2-2p5ds3k1x3-3mtw0ahk1z4`: unique across
 * processes and hosts (see uniqueId for why) and safe in a file name. Built without
 * node:crypto, which would cost every step about 10 ms of start-up; a token is not a
 * secret. The one place tokens are made.
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

/** The leases of one allocation: claims ports in batches, and gives them all back if the allocation fails. */
export class LeaseBook {
  readonly location: LeaseLocation;
  readonly owner: LeaseOwner;
  private readonly base: LeaseRecord;
  private readonly claimed = new Set<number>();
  private file: string | undefined;
  private written = 0;

  /**
   * Publishes the allocation's record, with no ports yet, so an unusable directory shows
   * before any port is bound. @throws LeaseError when this account's directory cannot be written.
   */
  constructor(options: LeaseOptions) {
    this.location = options.location;
    this.owner = options.owner;
    this.base = {
      version: 2,
      owner: options.owner,
      expires: Date.now() + options.ttlMs,
      ...(options.reservation === undefined ? {} : { reservation: options.reservation }),
      allocator: identify(process.pid),
    };
    this.publish(true, []);
  }

  /** The ports leased so far, in the order they were claimed. */
  get ports(): number[] {
    return [...this.claimed];
  }

  /**
   * Leases each group of ports whole, or not at all (a block is one group): resolves
   * with one verdict per group, refused where another live lease holds one of its ports
   * (saying whether that lease is the same caller's: its runner process is this book's).
   * One record write and one read of every account's directory, however many ports;
   * a second write only when some group was refused. Called while the ports' sockets are held.
   * @throws LeaseError when this account's directory cannot be written.
   */
  claim = async (groups: readonly (readonly number[])[]): Promise<ClaimVerdict[]> => {
    const asked = groups.flat();
    this.publish(true, this.claimed.size ? [...this.claimed, ...asked] : asked);
    const taken = leasedPorts(this.location.root, new Set(asked), { owner: this.owner, own: this.location.own });
    if (taken.size === 0) {
      // No other lease holds any of them (the usual case): every group is ours, with no work per group.
      for (const port of asked) this.claimed.add(port);
      return groups.map(() => 'granted');
    }
    const verdicts = groups.map((group) => verdictOn(group, taken));
    groups.forEach((group, i) => verdicts[i] === 'granted' && group.forEach((port) => this.claimed.add(port)));
    this.publish(true, this.ports); // back off: the refused ports leave the record
    return verdicts;
  };

  /**
   * The allocation succeeded with `ports` (claimed ones; ports lost to another program
   * during the reservation are left out): the record now lists exactly these and
   * outlives this process. @throws LeaseError when the directory cannot be written.
   */
  commit(ports: readonly number[] = this.ports): void {
    this.claimed.clear();
    for (const port of ports) this.claimed.add(port);
    this.publish(false, ports);
  }

  /** The allocation failed: no lease of it may stay behind. */
  releaseAll(): void {
    this.claimed.clear();
    if (this.file) fs.rmSync(this.file, { force: true });
    this.file = undefined;
  }

  /** Writes the record anew, listing `ports`: a new file renamed over the record's one name (atomic on every OS). */
  private publish(pending: boolean, ports: readonly number[]): void {
    const { own } = this.location;
    const record: LeaseRecord = { ...this.base, ports: formatPorts(ports), ...(pending ? { pending } : {}) };
    const temp = path.join(own, `.tmp-${process.pid}-${this.owner.token}.${++this.written}`);
    const file = path.join(own, `lease-${this.owner.token}.json`);
    try {
      assertOwnDir(own);
      writeExclusive(temp, formatRecord(record));
      renameOver(temp, file);
    } catch (error) {
      fs.rmSync(temp, { force: true });
      throw new LeaseError(`The lease directory ${own} cannot be written: ${(error as Error).message}`);
    }
    this.file = file;
  }
}

/**
 * rename() over an existing name. Windows refuses it (EPERM, EBUSY) while another
 * process has the target open without FILE_SHARE_DELETE (a virus scanner, say;
 * Node itself always shares): tried again a few times, 10 ms apart, before failing.
 */
function renameOver(from: string, to: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      fs.renameSync(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (process.platform !== 'win32' || !['EPERM', 'EBUSY', 'EACCES'].includes(code) || attempt >= 5) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
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

/** What a live lease file says: its ports among those asked, or none. Records are parsed, never trusted further. */
function liveIn(read: RecordRead, portFromName?: number): number[] {
  if (read.kind !== 'record' || !judgeRecord(read.record, read.changed).live) return [];
  if (read.record.version === 1) return portFromName === undefined ? [] : [portFromName];
  return parsePorts(read.record.ports ?? '') ?? [];
}

/** Who holds a leased port: the claiming caller itself (an earlier allocation of its job, shell or process), or another. */
type LeaseHolder = 'caller' | 'other';

/** The allocation claiming: its owner, and its account's directory (the only one where its caller's leases can be). */
interface Claimant {
  owner: LeaseOwner;
  own: string;
}

/**
 * The ports of `wanted` that a live lease of any account holds, in the location rooted
 * at `root`, each with who holds it ('other' when both do), leaving out the record of
 * `claimant`. Reads each directory once and each record once; anything but a record
 * counts for nothing, and a record elsewhere than the claimant's own directory is never
 * the caller's, whatever it says.
 * @throws the error of reading the root itself (callers outside a claim use `liveLeasedPorts`).
 */
function leasedPorts(root: string, wanted: ReadonlySet<number>, claimant?: Claimant): Map<number, LeaseHolder> {
  const taken = new Map<number, LeaseHolder>();
  if (wanted.size === 0) return taken;
  for (const dir of leaseDirs(root)) {
    for (const name of readNames(dir)) {
      const record = RECORD_FILE.exec(name);
      const port = record ? undefined : PORT_FILE.exec(name)?.[1];
      if (record ? record[1] === claimant?.owner.token : port === undefined || !wanted.has(Number(port))) continue;
      const read = readRecord(path.join(dir, name));
      // The caller's own: committed by an earlier allocation of the same runner, in its own account's
      // directory. A pending record is an allocation running now (a concurrent call): another's.
      const mine = claimant !== undefined && dir === claimant.own && read.kind === 'record' && read.record.pending !== true;
      const holder = mine && sameProcess(read.record.owner.runner, claimant.owner.runner) ? 'caller' : 'other';
      for (const p of liveIn(read, port === undefined ? undefined : Number(port))) {
        if (wanted.has(p) && taken.get(p) !== 'other') taken.set(p, holder);
      }
    }
  }
  return taken;
}

/** A group's verdict: granted when no lease holds any of its ports; else whose lease refuses it. */
function verdictOn(group: readonly number[], taken: ReadonlyMap<number, LeaseHolder>): ClaimVerdict {
  const holders = group.map((port) => taken.get(port));
  if (holders.includes('other')) return 'leased-by-other';
  return holders.includes('caller') ? 'leased-by-caller' : 'granted';
}

/** The same process: same pid and same start time (a pid alone may have been reused). */
const sameProcess = (a: ProcessIdentity, b: ProcessIdentity) => a.pid === b.pid && a.start === b.start;

/** The names in another account's directory; none when it cannot be read (its leases are then invisible to us anyway). */
function readNames(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * The ports of `ports` that any account on the host holds a live lease for, in the
 * location rooted at `location` (the default root or a `lease-dir`). Never throws for
 * what others put there; an unreadable location holds no lease.
 */
export function liveLeasedPorts(location: string, ports: Iterable<number>): Set<number> {
  try {
    return new Set(leasedPorts(location, new Set(ports)).keys());
  } catch {
    return new Set();
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

/** The ports a record file of this account lists (format 2), or its one port (the earlier layout). */
function portsOf(read: RecordRead, name: string): number[] {
  const port = PORT_FILE.exec(name)?.[1];
  if (port !== undefined) return [Number(port)];
  return read.kind === 'record' ? (parsePorts(read.record.ports ?? '') ?? []) : [];
}

/** The lease files in this account's directory `own` (records, and the earlier layout's port files), with what each says. */
function* ownLeases(own: string): Generator<{ file: string; name: string; read: RecordRead }> {
  assertOwnDir(own);
  for (const name of fs.readdirSync(own)) {
    if (!isLeaseFile(name)) continue;
    const file = path.join(own, name);
    yield { file, name, read: readRecord(file) };
  }
}

/**
 * The post step: removes the leases of allocation `token` from this account's directory
 * `own`. Returns how many of `ports` (the ports the step handed out) they held.
 */
export function releaseLeases(own: string, token: string, ports: readonly number[]): number {
  const held = new Set<number>();
  for (const { file, name, read } of ownLeases(own)) {
    if (read.kind !== 'record' || read.record.owner.token !== token) continue;
    fs.rmSync(file, { force: true });
    for (const port of portsOf(read, name)) held.add(port);
  }
  return ports.filter((port) => held.has(port)).length;
}

/** `port-zero release`: removes every lease in this account's directory owned by `owner` (same pid and start); returns their ports. */
export function releaseOwnedBy(own: string, owner: ProcessIdentity): number[] {
  const released = new Set<number>();
  for (const { file, name, read } of ownLeases(own)) {
    const runner = read.kind === 'record' ? read.record.owner.runner : undefined;
    if (runner?.pid !== owner.pid || runner.start !== owner.start) continue;
    fs.rmSync(file, { force: true });
    for (const port of portsOf(read, name)) released.add(port);
  }
  return [...released].sort((a, b) => a - b);
}

/**
 * Tidies this account's directory `own`: removes leases that are stale or corrupt (each
 * file judged once), temporary files and the earlier layout's records of processes that
 * are gone. Other accounts' files are never touched: their stale leases simply stop
 * counting. Returns the stale leases it removed, one entry per port.
 */
export function sweepStale(own: string, warn: (message: string) => void): StaleLease[] {
  assertOwnDir(own);
  const names = fs.readdirSync(own);
  const stale: StaleLease[] = [];
  // The earlier layout linked one record under many port names: each such file is read and
  // judged once, by file ID (bigint: NTFS file IDs are 64-bit). Only those: a record removed
  // here frees its file ID, and a record another job renames into place meanwhile may get it.
  const judged = new Map<bigint, Judged>();
  for (const name of names.filter(isLeaseFile)) {
    const file = path.join(own, name);
    // A record's read says itself when it is gone ('missing', judged live: left alone).
    const ino = PORT_FILE.test(name) ? fs.lstatSync(file, { bigint: true, throwIfNoEntry: false })?.ino : null;
    if (ino === undefined) continue;
    const verdict = (ino !== null && judged.get(ino)) || judgeFile(readRecord(file));
    if (ino !== null && !verdict.corrupt) judged.set(ino, verdict);
    if (verdict.live || !unlinkQuietly(file, warn)) continue;
    if (verdict.corrupt) warn(`Removed a corrupt lease ${file} (${verdict.why})`);
    for (const port of portsOf(verdict.read, name)) stale.push({ port, reservation: verdict.reservation, why: verdict.why });
  }
  sweepLeftovers(own, names, warn);
  return stale;
}

/**
 * Temporary files and earlier records among `names` (this account's directory `own`)
 * whose writing process is gone (killed mid-write), or unreadable and older than any lease can be.
 */
function sweepLeftovers(own: string, names: readonly string[], warn: (message: string) => void) {
  for (const name of names) {
    const pid = (TEMP_FILE.exec(name) ?? EARLIER_RECORD_FILE.exec(name))?.[1];
    if (pid === undefined) continue;
    const file = path.join(own, name);
    const read = readRecord(file);
    if (read.kind === 'missing') continue;
    const writer =
      read.kind === 'record' ? (read.record.allocator ?? { pid: Number(pid), start: null }) : { pid: Number(pid), start: null };
    const stat = fs.lstatSync(file, { throwIfNoEntry: false });
    const old = stat !== undefined && stat.ctimeMs + MAX_LEASE_MINUTES * 60_000 < Date.now();
    if (!isRunning(writer) || old) unlinkQuietly(file, warn);
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

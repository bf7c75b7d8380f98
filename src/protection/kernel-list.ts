import type childProcess from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { errorMessage, PortZeroError } from '../errors.ts';
import { PortSet, type PortRange } from '../allocator/port-range.ts';

/**
 * Linux's reserved-port list, `net.ipv4.ip_local_reserved_ports`: ports on it are
 * skipped by bind(0) on every address (IPv4 and IPv6, TCP and UDP) and by connect()
 * autobind, with no expiry, while explicit binds still succeed with or without
 * SO_REUSEADDR. One list per network namespace, shared by every account in it.
 *
 * Facts measured on Linux 6.18: the file reads back as ranges ("20000-20010,30500");
 * a write replaces the whole list; a zero-length write changes nothing, so an empty
 * list is written as "\n". Root, or CAP_NET_ADMIN in the namespace, may write it.
 */
export const RESERVED_PORTS_FILE = '/proc/sys/net/ipv4/ip_local_reserved_ports';

/** Every Port Zero process of every account takes this lock around a read-merge-write. */
export const LOCK_NAME = '\0port-zero/reserved-ports';

/** How the list is written: by this process, or through `sudo -n tee`. */
export type WriteRoute = 'direct' | 'sudo';

export interface KernelListOptions {
  /** May the write go through `sudo -n tee` when this process may not write the file? */
  sudo: boolean;
  /** For tests: another file and another lock. */
  file?: string;
  lockName?: string;
  /** Give up waiting for the lock after this long (ms). Default 10 s. */
  lockWaitMs?: number;
}

/** The list cannot be read, written or locked; the message says why and what to do. */
export class KernelListError extends PortZeroError {
  override name = 'KernelListError';
  /** True when the cause is a missing right to write (then another mechanism can take over). */
  readonly notAllowed: boolean;

  constructor(message: string, notAllowed = false) {
    super(message);
    this.notAllowed = notAllowed;
  }
}

/** "20000-20010,30500" (or empty) as a PortSet; anything else in it is ignored. */
export function parseReservedPorts(text: string): PortSet {
  const ranges: PortRange[] = [];
  for (const item of text.split(/[\s,]+/)) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(item);
    if (!match) continue;
    const low = Number(match[1]);
    const high = match[2] === undefined ? low : Number(match[2]);
    if (low <= high && high <= 65535) ranges.push({ low, high });
  }
  return new PortSet(ranges);
}

/** The list as the kernel takes it: "a-b,c\n"; an empty list is "\n" (a zero-length write would change nothing). */
export function formatReservedPorts(set: PortSet): string {
  return set.ranges.map((r) => (r.low === r.high ? `${r.low}` : `${r.low}-${r.high}`)).join(',') + '\n';
}

/** The most text the list can take: 32768 single ports of up to 5 digits and a comma each. */
const MAX_LIST_BYTES = 512 * 1024;

/**
 * The whole file in one read(). procfs answers a sysctl only on the first read of an
 * open file, so Node's readFileSync (8 KiB chunks) would cut a long list off in the
 * middle of a number (proc_sys_call_handler, fs/proc/proc_sysctl.c).
 * @throws the read's error, or an Error when the text does not end in a newline (cut off).
 */
function readWhole(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    // Not zero-filled: only the bytes read are decoded, and a 512 KiB fill is work every step would pay.
    const buffer = Buffer.allocUnsafeSlow(MAX_LIST_BYTES);
    const text = buffer.toString('utf8', 0, fs.readSync(fd, buffer, 0, buffer.length, 0));
    if (!text.endsWith('\n')) throw new Error(`${file} was cut off after ${text.length} characters`);
    return text;
  } finally {
    fs.closeSync(fd);
  }
}

/** The ports listed now; an empty set where there is no such file (not Linux, no /proc). */
export function readReservedPorts(file = RESERVED_PORTS_FILE): PortSet {
  try {
    return parseReservedPorts(readWhole(file));
  } catch {
    return new PortSet();
  }
}

/** Whether this process may write the file itself (root, or CAP_NET_ADMIN in its namespace; not a read-only /proc/sys). */
export function mayWriteDirectly(file = RESERVED_PORTS_FILE): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** What the kernel prints: ranges and ports, commas, a newline. Anything else is parsed and cleaned first. */
const CANONICAL_LIST = /^[\d,-]*\n?$/;

/**
 * Adds `ports` to the list, keeping every entry already there. Resolves with how
 * the list was written. Throws KernelListError (nothing written) when the list
 * cannot be locked or written.
 *
 * The kernel takes entries in any order, overlapping or not, and sets a bit for each
 * (proc_do_large_bitmap, kernel/sysctl.c): the list as read and this job's ports are
 * written one after the other, with no parse or merge per port on the step's path.
 */
export async function addReservedPorts(ports: readonly number[], options: KernelListOptions): Promise<WriteRoute> {
  const file = options.file ?? RESERVED_PORTS_FILE;
  return withLock(options, async () => {
    const text = readListText(file);
    const listed = CANONICAL_LIST.test(text) ? text.trim() : formatReservedPorts(parseReservedPorts(text)).trim();
    const ours = ports.join(',');
    return writeList(file, `${listed}${listed && ours ? ',' : ''}${ours}\n`, options);
  });
}

/**
 * Removes `ports` from the list and nothing else; `keep(port)` true spares a port
 * (another job holds it now). Resolves with the ports removed.
 */
export async function removeReservedPorts(
  ports: readonly number[],
  options: KernelListOptions & { keep?: (port: number) => boolean },
): Promise<number[]> {
  const file = options.file ?? RESERVED_PORTS_FILE;
  return withLock(options, async () => {
    const listed = readList(file);
    const gone = ports.filter((p) => listed.has(p) && !options.keep?.(p));
    if (gone.length === 0) return [];
    const drop = new Set(gone);
    const left = listed.ranges.flatMap((r) => {
      const kept: PortRange[] = [];
      let low = r.low;
      for (let p = r.low; p <= r.high; p++) {
        if (!drop.has(p)) continue;
        if (p > low) kept.push({ low, high: p - 1 });
        low = p + 1;
      }
      if (low <= r.high) kept.push({ low, high: r.high });
      return kept;
    });
    await writeList(file, formatReservedPorts(new PortSet(left)), options);
    return gone;
  });
}

function readList(file: string): PortSet {
  return parseReservedPorts(readListText(file));
}

function readListText(file: string): string {
  try {
    return readWhole(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new KernelListError(code ? `Cannot read ${file} (${code}): this kernel has no reserved-port list` : errorMessage(error));
  }
}

const NOT_ALLOWED = new Set(['EACCES', 'EPERM', 'EROFS']);

/** Writes the whole list in one go: directly when allowed, else through `sudo -n tee` when permitted. */
async function writeList(file: string, text: string, options: KernelListOptions): Promise<WriteRoute> {
  let denied: string;
  try {
    // No O_CREAT: the file is the kernel's; nothing is created when it is missing.
    const fd = fs.openSync(file, fs.constants.O_WRONLY);
    try {
      fs.writeFileSync(fd, text); // loops over partial writes: the kernel takes at most a page per write
    } finally {
      fs.closeSync(fd);
    }
    return 'direct';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (!NOT_ALLOWED.has(code)) throw new KernelListError(`Cannot write ${file} (${code || (error as Error).message})`);
    denied = code;
  }
  if (!options.sudo) throw notAllowed(file, `this process may not write it (${denied}) and sudo was not tried`);
  await sudoTee(file, text);
  return 'sudo';
}

function notAllowed(file: string, why: string): KernelListError {
  return new KernelListError(
    `Cannot write the kernel's reserved-port list ${file}: ${why}. Writing it needs root, CAP_NET_ADMIN, or passwordless sudo for this account; reserve: auto uses TIME_WAIT instead`,
    true,
  );
}

/** `sudo -n tee FILE` with the list on stdin: -n fails at once instead of asking for a password. */
function sudoTee(file: string, text: string): Promise<void> {
  const { spawn } = process.getBuiltinModule('node:child_process') as typeof childProcess;
  return new Promise((resolve, reject) => {
    const child = spawn('sudo', ['-n', 'tee', file], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(notAllowed(file, error.code === 'ENOENT' ? 'sudo is not installed' : `sudo did not start (${error.code})`));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve();
      const said = stderr.trim().split('\n')[0] || (signal ? `killed by ${signal} after 10 s` : `exit code ${code}`);
      reject(notAllowed(file, `sudo -n tee failed: ${said}`));
    });
    child.stdin.on('error', () => {}); // sudo may exit before reading: its exit code tells
    child.stdin.end(text);
  });
}

/**
 * Runs `work` holding a Linux abstract-namespace socket as a lock: one per network
 * namespace, like the list; any account can take it; the kernel frees it when the
 * holder dies; there is no file to plant links on. Waits at most `lockWaitMs`.
 */
async function withLock<T>(options: KernelListOptions, work: () => Promise<T>): Promise<T> {
  const name = options.lockName ?? LOCK_NAME;
  const waitMs = options.lockWaitMs ?? 10_000;
  const lock = await takeLock(name, Date.now() + waitMs, waitMs);
  try {
    return await work();
  } finally {
    await new Promise((resolve) => lock.close(resolve));
  }
}

async function takeLock(name: string, deadline: number, waitMs: number): Promise<net.Server> {
  for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
    const server = net.createServer();
    const taken = await new Promise<boolean | Error>((resolve) => {
      server.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'EADDRINUSE' ? false : error));
      server.listen({ path: name, exclusive: true }, () => resolve(true));
    });
    if (taken === true) return server.unref();
    if (taken instanceof Error) throw new KernelListError(`Cannot take the reserved-port list's lock: ${taken.message}`);
    if (Date.now() >= deadline) {
      throw new KernelListError(
        `Another process has held the reserved-port list's lock (abstract socket @${name.slice(1)}) for ${waitMs / 1000} s; nothing was written`,
      );
    }
    await new Promise((r) => setTimeout(r, pause * (0.5 + Math.random())));
  }
}

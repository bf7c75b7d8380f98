import fs from 'node:fs';
import net from 'node:net';
import { errorMessage, PortZeroError } from '../errors.ts';
import { PortSet, type PortRange } from '../ports/port-set.ts';
import { formatReservedPorts, parseReservedPorts, readReservedPortsText, RESERVED_PORTS_FILE } from '../platform/reserved-ports.ts';
import { runToolAsync, systemTool } from '../platform/system-tools.ts';
import type { Protection, ProtectionLog } from './protection.ts';
import { timeWaitProtection } from './time-wait.ts';

/**
 * Writes Linux's reserved-port list (platform/reserved-ports.ts says what it is): this
 * job's ports go on it while their sockets are still bound, and come off in its post step.
 */

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
    const listed = CANONICAL_LIST.test(text) ? text.trim() : formatReservedPorts(parseList(text)).trim();
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
  return parseList(readListText(file));
}

function parseList(text: string): PortSet {
  try {
    return parseReservedPorts(text);
  } catch (error) {
    throw new KernelListError(errorMessage(error));
  }
}

function readListText(file: string): string {
  try {
    return readReservedPortsText(file);
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
async function sudoTee(file: string, text: string): Promise<void> {
  try {
    await runToolAsync(systemTool('sudo'), ['-n', 'tee', file], { input: text });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'sudo is not installed' : code ? `sudo did not start (${code})` : `sudo -n tee failed: ${errorMessage(error)}`;
    throw notAllowed(file, why);
  }
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

/** How the kernel list may be written: through `sudo -n` too, and whether a list that cannot be written gives way to TIME_WAIT. */
export interface KernelChoice {
  sudo: boolean;
  fallback: boolean;
}

/**
 * The kernel's reserved-port list as a protection: the ports go on it while their sockets
 * are still bound, so there is no unprotected moment, and stay until the post step takes
 * them off. With `fallback`, a list this process may not write gives way to TIME_WAIT
 * (told in the debug log); otherwise its KernelListError fails the allocation.
 */
export function kernelListProtection(choice: KernelChoice, log: ProtectionLog): Protection {
  const listed: number[] = [];
  let route: WriteRoute | undefined;
  let instead: Protection | undefined;
  return {
    mode: 'kernel',
    protect: async (held) => {
      if (instead) return instead.protect(held);
      const ports = [...new Set(held.map((h) => h.port))];
      try {
        route = await addReservedPorts(ports, { sudo: choice.sudo });
      } catch (error) {
        if (!choice.fallback || !(error instanceof KernelListError)) throw error;
        log.debug(`${error.message}; falling back to TIME_WAIT`);
        instead = timeWaitProtection();
        return instead.protect(held);
      }
      listed.push(...ports);
      return [];
    },
    settle: async () => {},
    describe: (now) => instead?.describe(now) ?? (listed.length ? 'kernel reserved-port list until the post step' : 'nothing'),
    state: () => (listed.length && route ? { kind: 'kernel', ports: [...listed], route } : undefined),
    undo: async () => {
      if (listed.length === 0) return;
      try {
        await removeReservedPorts(listed.splice(0), { sudo: route === 'sudo' });
      } catch (error) {
        log.warn(`Could not take ports off the kernel's reserved-port list: ${errorMessage(error)}`);
      }
    },
  };
}

import { readFileSync, readlinkSync } from 'node:fs';
import { runTool, systemTool, type ToolRunner } from './system-tools.ts';

/** A process, named so that a later process reusing its pid is not mistaken for it. */
export interface ProcessIdentity {
  /**
   * Its pid. 0: the process could not be seen when it was named (a step whose parent is
   * outside its pid namespace, as one started by `docker exec` in a container job: its
   * getppid() is 0); see `unseen`.
   */
  pid: number;
  /**
   * When it started, in a form that does not depend on the caller's environment:
   * Linux: clock ticks after boot (field 22 of /proc/PID/stat); macOS: `unix:<epoch seconds>`.
   * Null where it is not read: always on Windows (see `isRunning`), and where it cannot be read.
   * Records of earlier versions may hold `filetime:<100 ns intervals since 1601>` (Windows)
   * or the output of `ps -o lstart` on macOS (local time in the caller's locale); both
   * count as unknown (see `isRunning`).
   */
  start: string | null;
}

/** Whether `identity` names a process that could not be seen (pid 0): nothing can tell when it ends. */
export const unseen = (identity: ProcessIdentity): boolean => identity.pid === 0;

let namespace: string | null | undefined;

/**
 * This process's pid namespace, as Linux names it (`pid:[4026531836]`, the target of the
 * link /proc/self/ns/pid), or undefined off Linux or where it cannot be read. Pids and
 * start times mean something only inside one namespace: a container's pid 57 is another
 * number, or no process at all, outside it. Read once per process.
 */
export function pidNamespace(): string | undefined {
  if (namespace === undefined) {
    try {
      namespace = process.platform === 'linux' ? readlinkSync('/proc/self/ns/pid') : null;
    } catch {
      namespace = null;
    }
  }
  return namespace ?? undefined;
}

/** How the facts are read; tests pass other platforms and captured tool output. */
export interface IdentityFacts {
  platform: NodeJS.Platform;
  run: ToolRunner;
}

export const HOST: IdentityFacts = { platform: process.platform, run: runTool };

/**
 * The start time of `pid` in the form `ProcessIdentity.start` describes, or null when it
 * is not running or cannot be read, and always on Windows, where no program that ships
 * with the system prints it faster than a Windows PowerShell start (about 0.6 s; `wmic`
 * is gone from current versions, `tasklist` does not show it), and nothing needs it (see isRunning).
 */
export function processStart(pid: number, facts: IdentityFacts = HOST): string | null {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    if (facts.platform === 'linux') {
      // Field 22 of /proc/PID/stat (clock ticks after boot); the name before it may hold spaces.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const [state, ...rest] = fields.slice(fields.lastIndexOf(')') + 2).split(' ');
      return state === 'Z' ? null : (rest[18] ?? null); // a zombie has exited already
    }
    if (facts.platform === 'darwin' || facts.platform === 'freebsd') return macStart(pid, facts.run);
  } catch {
    return null;
  }
  return null;
}

/**
 * Apple's `ps` prints `lstart` with strftime("%c", localtime()) after setlocale(LC_ALL, ""),
 * so it is run with a fixed locale and time zone, by absolute path (the search path may
 * start with the workspace), and its fixed-format answer becomes epoch seconds.
 */
function macStart(pid: number, run: ToolRunner): string | null {
  const env = { LC_ALL: 'C', TZ: 'UTC0', PATH: '/usr/bin:/bin' };
  const seconds = parseCLocaleLstart(run(systemTool('ps', 'darwin'), ['-o', 'lstart=', '-p', String(pid)], env));
  return seconds === null ? null : `unix:${seconds}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Sun Nov 29 12:17:25 2026` (strftime %c in the C locale, read as UTC) to epoch seconds; null for anything else. */
export function parseCLocaleLstart(text: string): number | null {
  const match = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) +(\d{1,2}) (\d\d):(\d\d):(\d\d) (\d{4})$/.exec(text.trim());
  const month = MONTHS.indexOf(match?.[1] ?? '');
  if (!match || month < 0) return null;
  const [day, hours, minutes, seconds, year] = [2, 3, 4, 5, 6].map((i) => Number(match[i]));
  return Date.UTC(year, month, day, hours, minutes, seconds) / 1000;
}

/** Identities named by this process so far: a process keeps its pid and start while it runs. */
const named = new Map<number, ProcessIdentity>();

/**
 * The identity of `pid` now: read once per process and kept (the runner, the calling
 * shell and this process itself are named at most once per program, whatever reads
 * them). Pid 0 (a parent outside this pid namespace) is unseen, read nowhere.
 */
export function identify(pid: number, facts: IdentityFacts = HOST): ProcessIdentity {
  if (facts !== HOST) return { pid, start: processStart(pid, facts) };
  let identity = named.get(pid);
  if (!identity) named.set(pid, (identity = { pid, start: processStart(pid, facts) }));
  return identity;
}

/** A start this code can compare: on Linux any (its form never changed), on macOS the tagged form. Anything else is from another OS's or an older record. */
function comparable(start: string, platform: NodeJS.Platform): boolean {
  return platform === 'linux' || (platform !== 'win32' && /^unix:\d+$/.test(start));
}

/**
 * True while the process runs and, where its start time is known, is still the same
 * process. A start in a form this code cannot compare (a macOS record of an older
 * version, written in someone's locale and time zone) counts as unknown: the process
 * is judged by its pid alone, and the lease's expiry is the backstop. That errs toward
 * keeping a lease, never toward handing out a live job's port.
 *
 * Windows judges by pid alone, always. Its creation time costs a Windows PowerShell
 * start (about 0.6 s) per process, or one per judging for a listing of all of them,
 * while a claim must cost milliseconds; and the pid alone can only err one way: a dead
 * runner whose pid another process took keeps its lease, and so its ports blocked,
 * until that process ends or the lease expires (at most `lease-minutes` after its
 * record last changed). A live runner is never judged gone, so no port is handed out twice.
 */
export function isRunning(identity: ProcessIdentity, facts: IdentityFacts = HOST): boolean {
  if (!Number.isInteger(identity.pid) || identity.pid <= 0) return false;
  try {
    process.kill(identity.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false; // EPERM: alive, another user's
  }
  if (identity.start === null || !comparable(identity.start, facts.platform)) return true;
  const now = processStart(identity.pid, facts);
  // Linux reads null only for a zombie (it has exited); elsewhere a tool that fails on a live pid proves nothing.
  if (now === null) return facts.platform !== 'linux';
  return now === identity.start;
}

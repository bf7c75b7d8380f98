import { readFileSync } from 'node:fs';
import { runTool, systemTool, type ToolRunner } from './system-tools.ts';

/** A process, named so that a later process reusing its pid is not mistaken for it. */
export interface ProcessIdentity {
  pid: number;
  /**
   * When it started, in a form that does not depend on the caller's environment:
   * Linux: clock ticks after boot (field 22 of /proc/PID/stat); macOS: `unix:<epoch seconds>`;
   * Windows: `filetime:<100 ns intervals since 1601, UTC>`. Null where it cannot be read.
   * Records written before these forms held the output of `ps -o lstart` on macOS (local
   * time in the caller's locale); such a start is treated as unknown (see `isRunning`).
   */
  start: string | null;
}

/** How the facts are read; tests pass other platforms and captured tool output. */
export interface IdentityFacts {
  platform: NodeJS.Platform;
  run: ToolRunner;
}

export const HOST: IdentityFacts = { platform: process.platform, run: runTool };

/** The start time of `pid` in the form `ProcessIdentity.start` describes, or null when it is not running or cannot be read. */
export function processStart(pid: number, facts: IdentityFacts = HOST): string | null {
  try {
    if (facts.platform === 'linux') {
      // Field 22 of /proc/PID/stat (clock ticks after boot); the name before it may hold spaces.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const [state, ...rest] = fields.slice(fields.lastIndexOf(')') + 2).split(' ');
      return state === 'Z' ? null : (rest[18] ?? null); // a zombie has exited already
    }
    if (facts.platform === 'darwin' || facts.platform === 'freebsd') return macStart(pid, facts.run);
    if (facts.platform === 'win32') return windowsStart(pid, facts.run);
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

/**
 * The creation time as a FILETIME. No program that ships with every current Windows
 * prints it faster: `wmic` is gone from Windows Server 2025 and Windows 11 24H2, and
 * `tasklist` does not show it. Windows PowerShell 5.1 is on every version; it costs one
 * PowerShell start (a few hundred ms), paid once per step that names its runner.
 */
function windowsStart(pid: number, run: ToolRunner): string | null {
  const script = `[Diagnostics.Process]::GetProcessById(${pid}).StartTime.ToFileTimeUtc()`;
  const out = run(systemTool('powershell', 'win32'), ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', script]).trim();
  return /^\d{15,20}$/.test(out) ? `filetime:${out}` : null;
}

/** The identity of `pid` now. */
export function identify(pid: number, facts: IdentityFacts = HOST): ProcessIdentity {
  return { pid, start: processStart(pid, facts) };
}

/** A start this code can compare: on Linux any (its form never changed), elsewhere the tagged forms. Anything else came from an older macOS record. */
function comparable(start: string, platform: NodeJS.Platform): boolean {
  return platform === 'linux' || /^(unix|filetime):\d+$/.test(start);
}

/**
 * True while the process runs and, where its start time is known, is still the same
 * process. A start in a form this code cannot compare (a macOS record of an older
 * version, written in someone's locale and time zone) counts as unknown: the process
 * is judged by its pid alone, and the lease's expiry is the backstop. That errs toward
 * keeping a lease, never toward handing out a live job's port.
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

import type childProcess from 'node:child_process';
import { readFileSync } from 'node:fs';

/** A process, named so that a later process reusing its pid is not mistaken for it. */
export interface ProcessIdentity {
  pid: number;
  /** When it started, as the OS reports it; null where that cannot be read. */
  start: string | null;
}

/** The start time of `pid`, or null when it is not running or the OS does not tell. */
export function processStart(pid: number, platform = process.platform): string | null {
  try {
    if (platform === 'linux') {
      // Field 22 of /proc/PID/stat (clock ticks after boot); the name before it may hold spaces.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const [state, ...rest] = fields.slice(fields.lastIndexOf(')') + 2).split(' ');
      return state === 'Z' ? null : (rest[18] ?? null); // a zombie has exited already
    }
    if (platform === 'darwin' || platform === 'freebsd') {
      const { execFileSync } = process.getBuiltinModule('node:child_process') as typeof childProcess;
      const out = execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8', stdio: 'pipe' });
      return out.trim() || null;
    }
  } catch {
    return null;
  }
  return null; // Windows: liveness by pid alone, with the lease's expiry as the backstop
}

export function identify(pid: number): ProcessIdentity {
  return { pid, start: processStart(pid) };
}

/** True while the process runs and, where its start time is known, is still the same process. */
export function isRunning(identity: ProcessIdentity): boolean {
  if (!Number.isInteger(identity.pid) || identity.pid <= 0) return false;
  try {
    process.kill(identity.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false; // EPERM: alive, another user's
  }
  if (identity.start === null) return true;
  return processStart(identity.pid) === identity.start;
}

/** Runs a command in a fresh network namespace, so no run inherits another's TIME_WAIT entries. */
import { execFileSync } from 'node:child_process';

let counter = 0;

export function namespacesAvailable(): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    const name = `pzb-probe-${process.pid}`;
    execFileSync('ip', ['netns', 'add', name], { stdio: 'ignore' });
    execFileSync('ip', ['netns', 'delete', name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * `isolate` false runs the command here (no root): RESULTS.md then says so.
 * `timeoutMs` ends the command (SIGTERM) and throws when it runs longer.
 */
export function runIsolated(argv: string[], isolate: boolean, env: NodeJS.ProcessEnv = process.env, timeoutMs?: number): string {
  if (!isolate) return execFileSync(argv[0], argv.slice(1), { encoding: 'utf8', env, timeout: timeoutMs });
  const name = `pzb-${process.pid}-${counter++}`;
  execFileSync('ip', ['netns', 'add', name]);
  try {
    execFileSync('ip', ['netns', 'exec', name, 'ip', 'link', 'set', 'lo', 'up']);
    return execFileSync('ip', ['netns', 'exec', name, ...argv], { encoding: 'utf8', env, timeout: timeoutMs });
  } finally {
    execFileSync('ip', ['netns', 'delete', name]);
  }
}

/**
 * Runs a scenario script in a fresh network namespace of its own (`unshare -n`),
 * so whatever it does to the kernel's reserved-port list or its ephemeral range
 * stays there: the host's list is never touched. Optionally as another account.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TestContext } from 'vitest';
import { addAccount } from './accounts.ts';

export const SCENARIOS = path.join(import.meta.dirname, '..', 'scenarios');

/** Root with unshare: what every namespace test needs. */
export function namespacesWork(): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('unshare', ['-n', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Skips outside CI when namespaces cannot be made here; under CI=true a test that cannot run fails. */
export function requireNamespaces(context: TestContext, also: { sudo?: boolean } = {}) {
  const missing = !namespacesWork() ? 'root and unshare' : also.sudo && !fs.existsSync('/usr/bin/sudo') ? 'sudo' : '';
  if (!missing) return;
  if (process.env.CI === 'true') throw new Error(`This test needs ${missing}, which this machine lacks`);
  context.skip(`needs ${missing}`);
}

/**
 * A system account for tests, created when missing. `sudo` true lets it run
 * `sudo -n tee` on the reserved-port list without a password, as GitHub-hosted runners
 * allow; false makes sure it may not.
 */
export function testAccount(name: string, sudo: boolean): string {
  try {
    execFileSync('id', [name], { stdio: 'ignore' });
  } catch {
    addAccount(['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', name]);
  }
  const rule = `/etc/sudoers.d/${name}`;
  if (sudo)
    fs.writeFileSync(rule, `${name} ALL=(root) NOPASSWD: /usr/bin/tee /proc/sys/net/ipv4/ip_local_reserved_ports\n`, { mode: 0o440 });
  else fs.rmSync(rule, { force: true });
  return name;
}

export interface ScenarioOptions {
  /** Narrow the namespace's ephemeral range to LOW-HIGH. */
  range?: [number, number];
  /** Entries put on the namespace's reserved-port list before the scenario starts (as root). */
  seed?: string;
  /** Run the scenario as this account (the namespace is still set up as root). */
  user?: string;
  env?: Record<string, string>;
}

export interface ScenarioResult<T> {
  code: number | null;
  stderr: string;
  /** The scenario's last stdout line, parsed as JSON. */
  result: T;
}

/** Runs `node test/scenarios/<script> ...args` in a fresh network namespace and parses what it reports. */
export function inNamespace<T>(script: string, args: string[] = [], options: ScenarioOptions = {}): Promise<ScenarioResult<T>> {
  const setup = ['ip link set lo up'];
  if (options.range) setup.push(`echo "${options.range[0]} ${options.range[1]}" > /proc/sys/net/ipv4/ip_local_port_range`);
  if (options.seed) setup.push(`echo "${options.seed}" > /proc/sys/net/ipv4/ip_local_reserved_ports`);
  const as = options.user ? ['setpriv', `--reuid=${options.user}`, `--regid=${options.user}`, '--init-groups'] : [];
  const command = [...as, process.execPath, path.join(SCENARIOS, script), ...args];
  const env = { ...process.env, ...options.env };
  const child = spawn('unshare', ['-n', 'sh', '-c', `${setup.join(' && ')} && exec "$@"`, 'sh', ...command], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      const last = stdout.trim().split('\n').at(-1) ?? '';
      try {
        resolve({ code, stderr, result: JSON.parse(last) as T });
      } catch {
        reject(new Error(`scenario ${script} ${args.join(' ')} exited ${code} without a result:\n${stdout}\n${stderr}`));
      }
    });
  });
}

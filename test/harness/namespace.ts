/**
 * The one way the tests, the test run and the benchmark get a network namespace of
 * their own: `unshare -n`, as root directly or through passwordless `sudo -n`
 * (see root.ts). What a command does there to the kernel's reserved-port list or
 * its ephemeral range stays there: the host's settings are never touched.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rootPrefix, runAsRoot, whyNotRoot, withSbin } from './root.ts';
import { SHARED_COPY_VARIABLE, sharedCopy } from './shared-copy.ts';

const HOLD_PORTS = path.join(import.meta.dirname, '..', 'helpers', 'hold-ports.py');
const SCENARIOS = path.join(import.meta.dirname, '..', 'scenarios');

/** A way another program holds ports (see test/helpers/hold-ports.py). */
export interface Hold {
  kind: 'listen' | 'udp' | 'reuse-bound';
  low: number;
  high: number;
  /** Every `step`-th port from `low`; default 1. */
  step?: number;
}

/** How the namespace is set up before the command starts (as root), and how the command runs. */
export interface NamespaceOptions {
  /** The namespace's ephemeral range, LOW-HIGH. */
  range?: [number, number];
  /** Entries put on the namespace's reserved-port list. */
  seed?: string;
  /** Ports another program holds (hold-ports.py) while the command runs. */
  hold?: Hold[];
  /** Run the command as this existing account (see accounts.ts); it reads the shared copy. */
  user?: string;
  env?: Record<string, string>;
  /** Ends the command (SIGTERM) after this long; none by default. */
  killAfterMs?: number;
}

/** What a command run in a namespace did. */
export interface NamespaceRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time of the command alone (ms), without the namespace's set-up. */
  ms: number;
}

let probed: string | undefined | null = null;

/** Why no network namespace can be made here, or undefined when one can (tried once, as the tests will make them). */
export function whyNoNamespace(): string | undefined {
  if (process.platform !== 'linux') return 'needs a network namespace of its own, which only Linux has';
  if (probed !== null) return probed;
  probed = whyNotRoot() && `${whyNotRoot()} for a network namespace of its own (unshare -n)`;
  if (!probed) {
    try {
      runAsRoot(['unshare', '-n', 'ip', 'link', 'set', 'lo', 'up'], { timeout: 30_000 });
    } catch (error) {
      const said = String((error as { stderr?: unknown }).stderr ?? '').trim() || (error as Error).message;
      probed = `cannot make a network namespace here (unshare -n, then ip link set lo up): ${said.split('\n')[0]}`;
    }
  }
  return probed;
}

/** The shell that sets the namespace up as root, then runs "$@" (as `user`, when given), timing it when `timed`. */
function setupScript(options: NamespaceOptions, timed: boolean): string {
  const holds = (options.hold ?? []).flatMap((h) => [h.kind, h.low, h.high, h.step ?? 1].map(String));
  const lines = ['set -e', 'ip link set lo up'];
  if (options.range) lines.push(`echo "${options.range[0]} ${options.range[1]}" > /proc/sys/net/ipv4/ip_local_port_range`);
  if (options.seed) lines.push(`echo "${options.seed}" > /proc/sys/net/ipv4/ip_local_reserved_ports`);
  // The ready file exists before the holder starts: the redirection of a background job
  // may open it only after the first grep. A holder that dies ends the wait.
  if (holds.length)
    lines.push(
      `ready="$TMPDIR/hold-ready"; : > "$ready"; python3 "${HOLD_PORTS}" ${holds.join(' ')} >> "$ready" & holder=$!`,
      'until grep -q ready "$ready"; do kill -0 $holder 2>/dev/null || { echo "hold-ports.py exited" >&2; exit 3; }; sleep 0.02; done',
    );
  const as = options.user ? `setpriv --reuid=${options.user} --regid=${options.user} --init-groups ` : '';
  const timeout = options.killAfterMs ? `timeout ${(options.killAfterMs / 1000).toFixed(1)} ` : '';
  lines.push(
    'start=$(date +%s%N)',
    'set +e',
    `${timeout}${as}"$@"; code=$?`,
    timed ? 'echo "elapsed-ns $(( $(date +%s%N) - start ))" >&2' : ':',
    holds.length ? 'kill $holder' : ':',
    'exit $code',
  );
  return lines.join('\n');
}

/**
 * The argv that runs `command` in a fresh namespace set up as `options` says, with
 * environment `env`; `timed` adds an `elapsed-ns N` line to its stderr.
 */
export function namespaceArgv(command: string[], options: NamespaceOptions, env: NodeJS.ProcessEnv, timed = false): string[] {
  // bash, not sh: dash drops variables whose names are not shell names, such as the runner's INPUT_LEASE-DIR.
  return [...rootPrefix(env), 'unshare', '-n', 'bash', '-c', setupScript(options, timed), 'bash', ...command];
}

/**
 * A temporary directory for one namespace run, 1777 like /tmp so that another account
 * can use it too, and the function that removes it (as root where root's files are in it).
 */
function runTmp(): [string, () => void] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-ns-'));
  fs.chmodSync(dir, 0o1777);
  const remove = () => {
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      runAsRoot(['rm', '-rf', '--', dir]);
    }
  };
  return [dir, remove];
}

function environment(options: NamespaceOptions, tmp: string): NodeJS.ProcessEnv {
  const copy = options.user ? { [SHARED_COPY_VARIABLE]: sharedCopy().root } : {};
  return withSbin({ ...process.env, TMPDIR: tmp, ...copy, ...options.env });
}

/** Runs `command` in a fresh network namespace; resolves with what it printed and how long it ran. */
export async function inNamespace(command: string[], options: NamespaceOptions = {}): Promise<NamespaceRun> {
  const [tmp, remove] = runTmp();
  const env = environment(options, tmp);
  const [file, ...args] = namespaceArgv(command, options, env, true);
  const child = spawn(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  }).finally(remove);
  const elapsed = /elapsed-ns (\d+)\n?/.exec(stderr);
  return { code, stdout, stderr: stderr.replace(/elapsed-ns \d+\n?/, ''), ms: elapsed ? Number(elapsed[1]) / 1e6 : NaN };
}

/** inNamespace for the benchmark, which runs one command after another: its stdout. @throws when it fails or is killed. */
export function inNamespaceSync(command: string[], options: NamespaceOptions = {}): string {
  const [tmp, remove] = runTmp();
  try {
    const env = environment(options, tmp);
    const [file, ...args] = namespaceArgv(command, options, env, true);
    const run = spawnSync(file, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
    process.stderr.write(run.stderr.replace(/elapsed-ns \d+\n?/, ''));
    if (run.status !== 0) throw new Error(`${command.join(' ')} in a namespace ended with ${run.status ?? run.signal ?? run.error}`);
    return run.stdout;
  } finally {
    remove();
  }
}

/** What a scenario script reported. */
export interface ScenarioResult<T> {
  code: number | null;
  stderr: string;
  /** The scenario's last stdout line, parsed as JSON. */
  result: T;
}

/**
 * Runs `node test/scenarios/<script> ...args` in a fresh network namespace (as `options.user`
 * from the shared copy, when given) and parses the one JSON line it reports.
 */
export async function scenario<T>(script: string, args: string[] = [], options: NamespaceOptions = {}): Promise<ScenarioResult<T>> {
  const copy = options.user ? sharedCopy() : undefined;
  const node = copy?.node ?? process.execPath;
  const file = path.join(copy ? path.join(copy.root, 'test', 'scenarios') : SCENARIOS, script);
  const run = await inNamespace([node, file, ...args], options);
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return { code: run.code, stderr: run.stderr, result: JSON.parse(last) as T };
  } catch {
    throw new Error(`scenario ${script} ${args.join(' ')} exited ${run.code} without a result:\n${run.stdout}\n${run.stderr}`);
  }
}

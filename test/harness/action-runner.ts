/**
 * Runs the bundled action the way the GitHub runner does: an INPUT_<NAME> variable
 * for every input in action.yml (the workflow's value, else the default), fresh
 * file-command files for each step, read back with the runner's own rules, and
 * the post step fed the main step's state as STATE_<name>.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { sharedCopy } from './shared-copy.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

interface ActionYml {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string; post?: string };
}

/** The action.yml of the action in folder `action` of `root` (the repository's own by default; `wait` for the wait action). */
export function readActionYml(root = ROOT, action = ''): ActionYml {
  return parse(readFileSync(path.join(root, action, 'action.yml'), 'utf8')) as ActionYml;
}

export interface StepResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  env: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  /** The raw text of GITHUB_OUTPUT and GITHUB_ENV, to prove nothing was written. */
  rawOutput: string;
  rawEnv: string;
  /** The stand-in worker process, still running, when one was asked for. */
  worker?: ChildProcess;
}

export interface StepOptions {
  /** The workflow's `with:` values. */
  with?: Record<string, string>;
  /** Extra environment: what earlier steps exported, runner variables. */
  env?: Record<string, string>;
  /** STATE_<name> values, for the post step. */
  state?: Record<string, string>;
  entry?: 'main' | 'post';
  /** Node binary; defaults to the one running this code (the shared copy's for another account). */
  node?: string;
  /**
   * A script that stands in for the runner's worker: it starts the step as its child,
   * sends `{ code }` when the step exits, and keeps running until killed.
   */
  worker?: string;
  /** The working directory, as GITHUB_WORKSPACE is on a runner; default: the repository root (the shared copy for another account). */
  cwd?: string;
  /**
   * Run the step as this account (needs root): its uid and gid, switched with `setpriv --init-groups`.
   * It runs the bundle and Node of the shared copy, which it can read wherever the checkout is.
   */
  account?: { uid: number; gid: number };
  /** The folder of the action.yml to run, as in `uses: port-zero/port-zero/wait@v1`; default: the repository's own. */
  action?: string;
  /**
   * A command that starts the step (its arguments follow), as `docker exec` starts a
   * container job's steps: `['nsenter', '-t', PID, '-p', '-m', '--']` puts the step in another
   * process's pid namespace, where its parent cannot be seen (getppid() is 0).
   */
  through?: string[];
  /** File commands to point elsewhere, by variable (`{ GITHUB_STEP_SUMMARY: '/dev/full' }`): a file that cannot be written. */
  files?: Record<string, string>;
}

let isolatedTmp: string | undefined;

/**
 * The TMPDIR every step gets unless `env` names another: one per test process, mode 1777
 * like /tmp, so the default lease location of the steps is shared by every account the
 * tests run as, and never the machine's real one.
 */
export function stepTmp(): string {
  if (!isolatedTmp) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'port-zero-tmp-'));
    chmodSync(dir, 0o1777);
    process.once('exit', () => {
      try {
        rmSync(dir, { recursive: true, force: true });
      } catch {
        // another account's files left in it: nothing of this process's to worry about
      }
    });
    isolatedTmp = dir;
  }
  return isolatedTmp;
}

/** The environment variable the runner uses for an input: upper-cased, spaces to "_", hyphens kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replaceAll(' ', '_').toUpperCase()}`;
}

export function inputEnvironment(given: Record<string, string> = {}, yml = readActionYml()): Record<string, string> {
  const unknown = Object.keys(given).filter((k) => !(k in yml.inputs));
  if (unknown.length) throw new Error(`not inputs of action.yml: ${unknown.join(', ')}`);
  return Object.fromEntries(Object.entries(yml.inputs).map(([name, spec]) => [inputVariable(name), given[name] ?? spec.default ?? '']));
}

/** A runner-like base environment, without anything the calling shell may have set for a real runner. */
export function runnerEnvironment(temp: string): Record<string, string> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(INPUT_|STATE_|GITHUB_|RUNNER_)/.test(k))) as Record<
    string,
    string
  >;
  return {
    ...base,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_RUN_ID: '1000',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'test',
    GITHUB_ACTION: 'port-zero',
    RUNNER_OS: { linux: 'Linux', darwin: 'macOS', win32: 'Windows' }[process.platform as string] ?? 'Linux',
    RUNNER_TEMP: temp,
  };
}

/** Parses a file-command file with the runner's rules: `name=value` lines and `name<<DELIM` blocks. */
export function parseFileCommands(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    const eq = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (eq >= 0 && (heredoc < 0 || eq < heredoc)) {
      result[line.slice(0, eq)] = line.slice(eq + 1);
      continue;
    }
    if (heredoc < 0) throw new Error(`Invalid format '${line}'`);
    const name = line.slice(0, heredoc);
    const delimiter = line.slice(heredoc + 2);
    const end = lines.indexOf(delimiter, i + 1);
    if (end < 0) throw new Error(`Matching delimiter not found '${delimiter}'`);
    result[name] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return result;
}

export async function runStep(options: StepOptions = {}): Promise<StepResult> {
  const yml = readActionYml(ROOT, options.action);
  const temp = mkdtempSync(path.join(os.tmpdir(), 'port-zero-step-'));
  const files = { GITHUB_OUTPUT: 'output', GITHUB_ENV: 'env', GITHUB_STATE: 'state', GITHUB_PATH: 'path', GITHUB_STEP_SUMMARY: 'summary' };
  const fileEnv = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(temp, f)]));
  for (const file of Object.values(fileEnv)) writeFileSync(file, '');
  const pointed = { ...fileEnv, ...options.files };
  const stateEnv = Object.fromEntries(Object.entries(options.state ?? {}).map(([k, v]) => [`STATE_${k}`, v]));
  if (options.account) {
    for (const name of ['', ...readdirSync(temp)]) chownSync(path.join(temp, name), options.account.uid, options.account.gid);
  }
  const env = {
    ...runnerEnvironment(temp),
    TMPDIR: stepTmp(),
    ...options.env,
    ...inputEnvironment(options.with, yml),
    ...stateEnv,
    ...pointed,
  };
  const copy = options.account ? sharedCopy() : undefined;
  const root = copy?.root ?? ROOT;
  // The runner joins runs.main to the action's folder (actions/runner NodeScriptActionHandler), so `../dist/...` works.
  const script = path.join(root, options.action ?? '', options.entry === 'post' ? yml.runs.post! : yml.runs.main);
  const node = options.node ?? copy?.node ?? process.execPath;
  const { code, stdout, stderr, worker } = await spawnNode(node, script, env, options, options.cwd ?? root);
  const read = (name: keyof typeof files) => readFileSync(fileEnv[name], 'utf8');
  const result = {
    code,
    stdout,
    stderr,
    outputs: parseFileCommands(read('GITHUB_OUTPUT')),
    env: parseFileCommands(read('GITHUB_ENV')),
    state: parseFileCommands(read('GITHUB_STATE')),
    summary: read('GITHUB_STEP_SUMMARY'),
    rawOutput: read('GITHUB_OUTPUT'),
    rawEnv: read('GITHUB_ENV'),
    worker,
  };
  // The runner removes its temp directory after the job; so does this harness once the files are read.
  rmSync(temp, { recursive: true, force: true });
  trackPostStep(options, result.state);
  return result;
}

/** Main steps that put ports on the kernel's reserved-port list and have had no post step yet. */
const unposted = new Map<string, Pick<StepOptions, 'state' | 'env' | 'account'>>();
const postKey = (state: Record<string, string>) => `${state.leaseToken ?? ''} ${state.kernelPorts ?? ''}`;

function trackPostStep(options: StepOptions, state: Record<string, string>) {
  if (options.entry === 'post') unposted.delete(postKey(options.state ?? {}));
  else if (state.kernelPorts) unposted.set(postKey(state), { state, env: options.env, account: options.account });
}

/**
 * Runs the post step of every main step run so far whose post step has not run, as a
 * runner does at the end of a job: the entries those main steps put on the kernel's
 * reserved-port list (shared by every test in a network namespace) are taken off.
 */
export async function runPendingPosts(): Promise<void> {
  for (const step of [...unposted.values()]) await runStep({ entry: 'post', ...step });
  unposted.clear();
}

function spawnNode(node: string, script: string, env: Record<string, string>, options: StepOptions, cwd: string) {
  const { worker, account, through = [] } = options;
  return new Promise<{ code: number | null; stdout: string; stderr: string; worker?: ChildProcess }>((resolve, reject) => {
    const args = worker ? [worker, script] : [script];
    const stdio = worker ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'];
    // setpriv execs the step in place, so the step's parent is still this process, as with the runner.
    const command = account
      ? ['setpriv', `--reuid=${account.uid}`, `--regid=${account.gid}`, '--init-groups', node, ...args]
      : [node, ...args];
    const [file, ...argv] = [...through, ...command];
    const child = spawn(file, argv, { env, cwd, stdio: stdio as ('ignore' | 'pipe' | 'ipc')[] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d));
    child.stderr!.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    if (worker) child.once('message', (m: { code: number | null }) => resolve({ code: m.code, stdout, stderr, worker: child }));
    else child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The main step, then the post step with its state and the environment it exported, as a job runs them. */
export async function runJob(options: StepOptions = {}): Promise<{ main: StepResult; post: StepResult }> {
  const main = await runStep({ ...options, entry: 'main' });
  const post = await runStep({ ...options, entry: 'post', state: main.state, env: { ...options.env, ...main.env } });
  return { main, post };
}

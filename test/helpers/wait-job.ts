/**
 * A job as the runner runs it, for the wait action's tests: one RUNNER_TEMP and one
 * RUNNER_TRACKING_ID shared by its steps, the main step through the harness, servers the
 * job starts (children of this process, which stands in for the runner's worker, as the
 * steps' parent), daemons that init adopts, and the wait step. Every process it starts is
 * stopped by `end()`, also after a failed test.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, runStep, type StepOptions, type StepResult } from '../harness/action-runner.ts';
import { rootPrefix, runAsRoot } from '../harness/root.ts';
import { sharedCopy } from '../harness/shared-copy.ts';
import { identify, isRunning, type ProcessIdentity } from '../../src/platform/process-identity.ts';

const DAEMONIZE = path.join(import.meta.dirname, 'daemonize.py');
/** The system's Python, which every account can run (a version manager's shim under /root is not). */
export const PYTHON = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
/** Debian puts nginx in /usr/sbin, which is not on every user's PATH. */
const PATH = `${process.env.PATH}:/usr/local/sbin:/usr/sbin:/sbin`;

export class Job {
  readonly temp = fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-job-'));
  readonly trackingId = `github_${crypto.randomUUID()}`;
  /** What earlier steps exported (the main step's variables). */
  exported: Record<string, string> = {};
  private readonly children: ChildProcess[] = [];
  private readonly daemons: (ProcessIdentity & { other: boolean })[] = [];

  /** The environment the runner gives every step of this job. */
  get env(): Record<string, string> {
    return { RUNNER_TEMP: this.temp, RUNNER_TRACKING_ID: this.trackingId, ...this.exported };
  }

  /** The main step (action.yml); its variables are exported to the later steps. */
  async main(inputs: Record<string, string>): Promise<StepResult> {
    const result = await runStep({ with: inputs, env: this.env });
    if (result.code !== 0) throw new Error(`main step failed: ${result.stdout}${result.stderr}`);
    Object.assign(this.exported, result.env);
    return result;
  }

  /** The wait step (wait/action.yml), as a later step of this job. */
  wait(inputs: Record<string, string> = {}, options: Omit<StepOptions, 'with' | 'action'> = {}): Promise<StepResult> {
    return runStep({ ...options, action: 'wait', with: inputs, env: { ...this.env, ...options.env } });
  }

  /** A port the main step handed out, by its variable. */
  port(variable: string): number {
    return Number(this.exported[variable]);
  }

  /**
   * Starts `command` as a step of this job would: a child of this process (the runner
   * stand-in), with the job's environment unless `env` replaces it. Resolves with the child.
   */
  start(command: string, args: string[], env: NodeJS.ProcessEnv = { ...process.env, ...this.env }): ChildProcess {
    const child = spawn(command, args, { env: { ...env, PATH }, stdio: ['ignore', 'ignore', 'pipe'], cwd: this.temp });
    this.children.push(child);
    return child;
  }

  /**
   * Starts `command` as a daemon (double fork: init adopts it), with `env` and, given an
   * account, as that account; resolves with its pid once it runs.
   */
  async daemon(command: string[], env: NodeJS.ProcessEnv, account?: { uid: number; gid: number }): Promise<number> {
    // In the run's TMPDIR (mode 1777), where another account may write it too.
    const pidfile = path.join(os.tmpdir(), `port-zero-daemon-${process.pid}-${this.daemons.length}-${Date.now()}.pid`);
    // Another account cannot read this checkout: it runs the helper from the world-readable copy, through root.
    const as = account
      ? [...rootPrefix({ ...env, PATH }), 'setpriv', `--reuid=${account.uid}`, `--regid=${account.gid}`, '--init-groups']
      : [];
    const daemonize = account ? path.join(sharedCopy().root, path.relative(ROOT, DAEMONIZE)) : DAEMONIZE;
    const argv = [...as, PYTHON, daemonize, pidfile, ...command];
    execFileSync(argv[0], argv.slice(1), { env: { ...env, PATH }, cwd: '/', stdio: 'ignore' });
    for (let i = 0; !fs.existsSync(pidfile); i++) {
      if (i > 600) throw new Error(`daemon ${command.join(' ')} did not start`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const pid = Number(fs.readFileSync(pidfile, 'utf8'));
    fs.rmSync(pidfile, { force: true });
    this.daemons.push({ ...identify(pid), other: account !== undefined });
    return pid;
  }

  /** Stops every process this job started and removes its RUNNER_TEMP. */
  async end(): Promise<void> {
    for (const daemon of this.daemons.splice(0)) {
      if (!isRunning(daemon)) continue;
      // Another account's process is root's to stop when this process is not root.
      if (daemon.other) runAsRoot(['kill', '-9', String(daemon.pid)]);
      else process.kill(daemon.pid, 'SIGKILL');
    }
    await Promise.all(
      this.children.splice(0).map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }),
    );
    fs.rmSync(this.temp, { recursive: true, force: true });
  }
}

import os from 'node:os';
import { uniqueId } from '../platform/ids.ts';
import { commandArgs, parentPid, processTable } from '../platform/process-facts.ts';
import { runTool, type ToolRunner } from '../platform/system-tools.ts';
import { identify, unseen, type ProcessIdentity } from '../platform/process-identity.ts';
import type { LeaseOwner } from './lease-record.ts';

/** The host's name, read once per process: os.hostname() is a system call each time. */
let hostname: string | undefined;

/**
 * A new allocation's owner: a fresh token, unique across processes and hosts (see
 * uniqueId; not a secret), the workflow run and job it serves, and `runner`, the process
 * whose exit ends its leases. A runner that could not be seen (pid 0, see `unseen`) is
 * stood in for by the job's RUNNER_TRACKING_ID, which tells its steps from other jobs'.
 */
export function newOwner(runner: ProcessIdentity, env = process.env): LeaseOwner {
  const tracking = unseen(runner) ? env.RUNNER_TRACKING_ID?.slice(0, 200) : undefined;
  return {
    token: uniqueId(),
    run: [env.GITHUB_REPOSITORY, env.GITHUB_RUN_ID, env.GITHUB_RUN_ATTEMPT].filter(Boolean).join('/') || 'local',
    job: env.GITHUB_JOB ?? 'local',
    runner,
    host: (hostname ??= os.hostname()),
    ...(tracking ? { tracking } : {}),
  };
}

/** Where the calling process is found; tests pass another platform, and a runner fed captured output. */
export interface CallerFacts {
  platform: NodeJS.Platform;
  run: ToolRunner;
  env: NodeJS.ProcessEnv;
}

const HOST_CALLER: CallerFacts = { platform: process.platform, run: runTool, env: process.env };

/**
 * The process that owns the local command's leases: the shell or script that ran it, so
 * its ports stay leased while that process lives. Usually the parent; a package runner in
 * between (`npx port-zero`, `npm exec`, an npm script, pnpm, yarn), with the script shell it
 * starts the command in (`sh -c`; Windows: `cmd.exe /d /s /c`) and a shell running its
 * launcher script (Git Bash's `npx`), exits at once, so it is looked past. Linux reads
 * each process from /proc; macOS and Windows from one listing of every process (`ps`;
 * Windows PowerShell, about 0.6 s), taken only when the environment shows that a package
 * runner started this process (it sets npm_lifecycle_event or npm_config_user_agent).
 */
export function callerIdentity(facts: CallerFacts = HOST_CALLER): ProcessIdentity {
  const pid = callerPid(process.ppid, facts);
  return facts === HOST_CALLER ? identify(pid) : identify(pid, { platform: facts.platform, run: facts.run });
}

/** The caller above `parent` (this process's parent), looked past any package runner as callerIdentity says. */
export function callerPid(parent: number, facts: CallerFacts = HOST_CALLER): number {
  const table = processesOf(facts);
  if (!table) return parent;
  let pid = parent;
  // A few hops at most: Git Bash's npx script -> node npx-cli.js -> cmd.exe /d /s /c -> this process.
  for (let hop = 0; hop < 4; hop++) {
    const above = launcherParent(pid, table);
    if (above === undefined) break;
    pid = above;
  }
  return pid;
}

/** How a process's parent and command line are read, or undefined where no package runner started this one. */
interface Processes {
  parent(pid: number): number | undefined;
  command(pid: number): string[] | undefined;
}

function processesOf(facts: CallerFacts): Processes | undefined {
  if (facts.platform === 'linux') return { parent: (pid) => parentPid(pid) ?? undefined, command: (pid) => commandArgs(pid) ?? undefined };
  if (facts.env.npm_lifecycle_event === undefined && facts.env.npm_config_user_agent === undefined) return undefined;
  const listed = processTable(facts.platform, facts.run);
  return {
    parent: (pid) => listed.get(pid)?.parent,
    command: (pid) => (listed.has(pid) ? splitCommand(listed.get(pid)!.command) : undefined),
  };
}

/** When `pid` is a package runner, or a script shell that one started, the process above it; else undefined. */
function launcherParent(pid: number, table: Processes): number | undefined {
  const argv = table.command(pid);
  const parent = table.parent(pid);
  if (!argv?.length || parent === undefined || parent <= 0) return undefined;
  if (isPackageRunner(argv)) return parent;
  const parentArgv = isScriptShell(argv) ? table.command(parent) : undefined;
  return parentArgv && isPackageRunner(parentArgv) ? parent : undefined;
}

/** A program's name without its folder and `.exe`, lower-cased: `C:\Program Files\nodejs\node.exe` is `node`. */
const programName = (arg: string) => (arg.trim().split(/[\\/]/).pop() ?? '').toLowerCase().replace(/\.exe$/, '');

const PACKAGE_RUNNER = /^(npm|npx|pnpm|yarn)(\.cmd|\.ps1)?$|^(npm|npx)-cli\.js$|^(pnpm|yarn)\.c?js$/;

/**
 * npm, npx, pnpm or yarn: the program itself, node running its script (`npm-cli.js`), a
 * shell running its launcher script, or npm under the name it gives itself ("npm exec").
 */
function isPackageRunner(argv: string[]): boolean {
  return (
    argv.slice(0, 2).some((arg) => PACKAGE_RUNNER.test(programName(arg))) ||
    argv.slice(0, 2).some((arg) => /^np[mx] exec\b/.test(arg.trim()))
  );
}

/** The shell a package runner starts a command in: `sh -c` (bash, dash), Windows' `cmd.exe /d /s /c`. */
function isScriptShell(argv: string[]): boolean {
  const name = programName(argv[0]);
  if (name === 'cmd') return argv.slice(1, 4).some((arg) => arg.toLowerCase() === '/c');
  return ['sh', 'bash', 'dash'].includes(name) && argv[1] === '-c';
}

/**
 * A command line as its arguments: split at spaces outside double quotes, the quotes
 * removed. Enough to find the program and its first arguments in what ps and Windows
 * show (`"C:\Program Files\nodejs\node.exe" "C:\...\npx-cli.js" port-zero`).
 */
export function splitCommand(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

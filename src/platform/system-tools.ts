import type childProcess from 'node:child_process';
import path from 'node:path';

/**
 * The system programs Port Zero runs, and the one way it runs them. Always by
 * absolute path, never the search path: on Windows the working directory (the
 * workspace, which a pull request controls) is searched first, and on any OS a step
 * can prepend directories to PATH.
 */
const TOOLS = {
  ps: { darwin: '/bin/ps', freebsd: '/bin/ps' },
  perl: { linux: '/usr/bin/perl' },
  sudo: { linux: '/usr/bin/sudo', darwin: '/usr/bin/sudo' },
  sysctl: { darwin: '/usr/sbin/sysctl', freebsd: '/sbin/sysctl' },
  netsh: { win32: ['System32', 'netsh.exe'] },
  powershell: { win32: ['System32', 'WindowsPowerShell', 'v1.0', 'powershell.exe'] },
  lsof: { darwin: '/usr/sbin/lsof' },
  netstat: { win32: ['System32', 'NETSTAT.EXE'] },
  tasklist: { win32: ['System32', 'tasklist.exe'] },
} as const;

export type SystemTool = keyof typeof TOOLS;

/**
 * The absolute path of `tool` on `platform`. Windows paths start at %SystemRoot%
 * (`C:\Windows` when unset), which the system sets and a workflow cannot move silently.
 * @throws Error when the tool does not exist on that platform.
 */
export function systemTool(tool: SystemTool, platform: NodeJS.Platform = process.platform, env = process.env): string {
  const where = (TOOLS[tool] as Partial<Record<NodeJS.Platform, string | readonly string[]>>)[platform];
  if (where === undefined) throw new Error(`${tool} is not a system program on ${platform}`);
  if (typeof where === 'string') return where;
  const root = env.SystemRoot || env.SYSTEMROOT || 'C:\\Windows';
  return path.win32.join(root, ...where);
}

/** Every tool run ends within this long (ms): a hung one is killed and counts as failed. */
export const TOOL_TIMEOUT_MS = 10_000;

/** Runs a program to its end and returns its standard output; throws when it fails. Tests pass one fed captured output. */
export type ToolRunner = (file: string, args: string[], env?: NodeJS.ProcessEnv) => string;

/** How runToolAsync runs a program. */
export interface AsyncToolOptions {
  /** Written to its standard input (default: nothing). */
  input?: string;
  /** Its environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** Exit codes other than 0 that are an answer, not a failure (lsof exits 1 when it finds nothing). */
  answers?: readonly number[];
}

/** The same, without blocking the event loop. */
export type AsyncToolRunner = (file: string, args: string[], options?: AsyncToolOptions) => Promise<string>;

const childProcesses = () => process.getBuiltinModule('node:child_process') as typeof childProcess;

/** Runs `file` (stderr ignored, no window on Windows, killed after TOOL_TIMEOUT_MS). */
export const runTool: ToolRunner = (file, args, env) =>
  childProcesses().execFileSync(file, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    env,
    timeout: TOOL_TIMEOUT_MS,
    windowsHide: true,
  });

/**
 * Runs `file` with `input` on its standard input (or none). Rejects with an Error whose
 * message is the first line the program printed on stderr, else how it ended; `code`
 * is the spawn error's code (ENOENT when the program is missing).
 */
export const runToolAsync: AsyncToolRunner = (file, args, options = {}) =>
  new Promise((resolve, reject) => {
    const child = childProcesses().execFile(
      file,
      args,
      { encoding: 'utf8', env: options.env, timeout: TOOL_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 64 * 2 ** 20, windowsHide: true },
      (error, stdout, stderr) => {
        if (!error || options.answers?.includes(error.code as number)) return resolve(stdout);
        const said = stderr.trim().split('\n')[0];
        const how = error.killed ? `killed after ${TOOL_TIMEOUT_MS / 1000} s` : `exit code ${error.code}`;
        reject(Object.assign(new Error(said || how), { code: typeof error.code === 'string' ? error.code : undefined }));
      },
    );
    child.stdin?.on('error', () => {}); // it may exit before reading: its exit code tells
    child.stdin?.end(options.input ?? '');
  });

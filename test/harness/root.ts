/**
 * How the tests run a command as root: directly when they run as root, else through
 * `sudo -n` where sudo asks no password (as on GitHub-hosted runners, whose `runner`
 * account has passwordless sudo). Nowhere else: a prompt would hang a test run.
 */
import { execFileSync, type ExecFileSyncOptions } from 'node:child_process';

let sudoWorks: boolean | undefined;

/** Whether `sudo -n` runs a command here without a password; asked once. */
function passwordlessSudo(): boolean {
  if (sudoWorks === undefined) {
    try {
      execFileSync('sudo', ['-n', 'true'], { stdio: 'ignore', timeout: 10_000 });
      sudoWorks = true;
    } catch {
      sudoWorks = false;
    }
  }
  return sudoWorks;
}

/** Why no command can run as root from here, or undefined when one can. */
export function whyNotRoot(): string | undefined {
  if (process.platform === 'win32') return 'needs root, which Windows does not have';
  if (process.getuid!() === 0 || passwordlessSudo()) return undefined;
  return 'needs root or passwordless sudo';
}

/** `env` with root's tool folders (useradd, ip) at the end of PATH: accounts' PATHs often leave them out. */
export function withSbin(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, PATH: `${env.PATH ?? '/usr/bin:/bin'}:/usr/local/sbin:/usr/sbin:/sbin` };
}

/**
 * The words that run a command as root: none as root; `sudo -n env NAME=VALUE ...` with
 * this process's environment otherwise, since sudo would reset it (TMPDIR and PATH matter).
 * @throws when whyNotRoot() says no command can.
 */
export function rootPrefix(env: NodeJS.ProcessEnv = process.env): string[] {
  const why = whyNotRoot();
  if (why) throw new Error(why);
  if (process.getuid!() === 0) return [];
  // Any name env(1) takes, INPUT_LEASE-DIR included: the runner passes such names.
  const pairs = Object.entries(env).filter(([name, value]) => /^[^=\0]+$/.test(name) && value !== undefined);
  return ['sudo', '-n', 'env', ...pairs.map(([name, value]) => `${name}=${value}`)];
}

/** Runs `argv` as root and returns its stdout. @throws as execFileSync does, or when no command can run as root. */
export function runAsRoot(argv: string[], options: ExecFileSyncOptions = {}): string {
  const env = withSbin(options.env ?? process.env);
  const [file, ...args] = [...rootPrefix(env), ...argv];
  return execFileSync(file, args, { stdio: 'pipe', ...options, env, encoding: 'utf8' });
}

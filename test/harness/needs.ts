/**
 * The one skip rule of the tests: a test that needs what this machine or OS lacks calls
 * need() first, and is skipped with the reason, which the run prints at its end
 * (skip-reporter.ts). A need named in PORT_ZERO_TEST_REQUIRE (comma-separated, or
 * `all`, with `-name` for one left out) fails the test instead: how CI makes sure the
 * tests it relies on really ran.
 */
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { beforeEach, type TestContext } from 'vitest';
import { mayWriteDirectly } from '../../src/protection/kernel-list.ts';
import { whyNoAccounts } from './accounts.ts';
import { whyNoNamespace } from './namespace.ts';
import { whyNoWindowsNode } from './windows-node.ts';

/** Why `command` cannot be found on PATH (with root's tool folders), or undefined. */
function notInstalled(command: string, hint: string): string | undefined {
  const env = { ...process.env, PATH: `${process.env.PATH}:/usr/local/sbin:/usr/sbin:/sbin` };
  return spawnSync('sh', ['-c', `command -v ${command}`], { env, stdio: 'ignore' }).status === 0
    ? undefined
    : `${command} is not installed (${hint})`;
}

const onLinux =
  (why: string, then: () => string | undefined = () => undefined) =>
  () =>
    process.platform === 'linux' ? then() : why;
const notOnWindows = (why: string) => () => (process.platform === 'win32' ? why : undefined);
const SERVERS = 'the real servers are started as Debian installs them, on Linux only (.ci/run installs them)';

/** Every need, with what tells why it is unmet here (undefined: met). */
const NEEDS = {
  /** Reads /proc (process stat, /proc/net). */
  proc: onLinux('reads /proc, which only Linux has'),
  /** Binds 127.0.0.2. */
  'loopback-net': onLinux("binds 127.0.0.2, which only Linux's loopback answers without set-up"),
  /** Checks POSIX file modes, owners, FIFOs and uids. */
  'posix-files': notOnWindows('checks POSIX file modes, owners and FIFOs; Windows has ACLs instead'),
  /** Runs the action with reserve: time-wait. */
  'time-wait': notOnWindows('reserve: time-wait is not offered on Windows, where TIME_WAIT does not keep programs off a port'),
  /** Runs the action with reserve: holder. */
  holder: notOnWindows('the action refuses reserve: holder on Windows'),
  /** Runs /bin/ps. */
  ps: notOnWindows('runs /bin/ps, which Windows does not have'),
  /** A network namespace of its own, set up as root. */
  namespace: () => whyNoNamespace(),
  /** Steps run as other accounts (in a namespace of their own). */
  accounts: () => whyNoNamespace() ?? whyNoAccounts(),
  /** Steps run as other accounts straight from this process (setpriv, so that this process stays their parent). */
  'account-steps': () =>
    process.platform === 'linux' && process.getuid!() !== 0
      ? "runs steps as other accounts from the test process, which must be root itself (through sudo, sudo would be the steps' parent)"
      : (whyNoNamespace() ?? whyNoAccounts()),
  /** The step, run from this process, reads another account's /proc/PID/fd to name its listener's pid. */
  'read-any-process': onLinux('reads /proc, which only Linux has', () =>
    process.getuid!() !== 0
      ? "names another account's process by pid, which needs the step to run as root (only root reads another account's /proc/PID/fd)"
      : undefined,
  ),
  /** The test process writes the kernel's reserved-port list itself (root; npm test gives it a namespace). */
  'kernel-list-here': onLinux('the kernel reserved-port list is Linux only', () =>
    mayWriteDirectly()
      ? undefined
      : 'writes the kernel list from the test process, which must be root (npm test then gives it a namespace)',
  ),
  /** sudo, which test accounts run `sudo -n tee` with. */
  sudo: onLinux('test accounts run sudo on Linux only', () =>
    fs.existsSync('/usr/bin/sudo') ? undefined : 'sudo is not installed (/usr/bin/sudo)',
  ),
  perl: onLinux('perl self-connections are Linux only', () =>
    fs.existsSync('/usr/bin/perl') ? undefined : 'perl is not installed (/usr/bin/perl)',
  ),
  python3: onLinux(SERVERS, () => notInstalled('python3', 'apt-get install python3')),
  nginx: onLinux(SERVERS, () => notInstalled('nginx', 'apt-get install nginx-light')),
  'redis-server': onLinux(SERVERS, () => notInstalled('redis-server', 'apt-get install redis-server')),
  /** Writes to /dev/full, the device whose every write fails with ENOSPC (a full disk). */
  'dev-full': onLinux('writes to /dev/full, a device only Linux has', () =>
    fs.existsSync('/dev/full') ? undefined : '/dev/full is missing',
  ),
  /** A pid namespace of its own (unshare -p, entered with nsenter), as a container job's steps have. */
  'pid-namespace': onLinux('enters a pid namespace of its own, which only Linux has', () =>
    process.getuid!() !== 0
      ? 'enters a pid namespace of its own (unshare -p, nsenter), which needs this process to be root'
      : (notInstalled('unshare', 'apt-get install util-linux') ?? notInstalled('nsenter', 'apt-get install util-linux')),
  ),
  /** Runs the Windows build of Node: on Windows, or under Wine on Linux (see windows-node.ts). */
  win32: () => whyNoWindowsNode(),
  /** Starts a Docker Engine of its own, as root in this process. */
  docker: onLinux('starts a Docker Engine, on Linux only', () =>
    process.getuid!() !== 0
      ? 'starts its own dockerd, which needs this process to be root'
      : (notInstalled('dockerd', 'apt-get install docker.io') ?? notInstalled('docker', 'apt-get install docker.io')),
  ),
} satisfies Record<string, () => string | undefined>;

/** Something a test needs that a machine or OS may lack. */
export type Need = keyof typeof NEEDS;

/** The variable that names needs which must be met (comma-separated, or `all`). */
export const REQUIRE_VARIABLE = 'PORT_ZERO_TEST_REQUIRE';

const found = new Map<Need, string | undefined>();

/** Why `need` is unmet here, or undefined when it is met (asked once per process). */
export function unmet(need: Need): string | undefined {
  if (!found.has(need)) found.set(need, NEEDS[need]());
  return found.get(need);
}

/** Whether PORT_ZERO_TEST_REQUIRE demands `need`. @throws for a name that is no need, so that a typo cannot relax CI. */
function required(need: Need): boolean {
  const names = (process.env[REQUIRE_VARIABLE] ?? '').split(/[\s,]+/).filter(Boolean);
  const unknown = names.filter((n) => n !== 'all' && !(n.replace(/^-/, '') in NEEDS));
  if (unknown.length)
    throw new Error(`${REQUIRE_VARIABLE} names no need ${unknown.join(', ')}; the needs: ${Object.keys(NEEDS).join(', ')}`);
  // `all,-docker`: everything but what is named with a minus.
  return (names.includes('all') && !names.includes(`-${need}`)) || names.includes(need);
}

/**
 * Skips the running test, with the reason, when one of `needs` is unmet here.
 * @throws instead when PORT_ZERO_TEST_REQUIRE demands that need.
 */
export function need(context: TestContext, ...needs: Need[]): void {
  for (const name of needs) {
    const why = unmet(name);
    if (why === undefined) continue;
    if (required(name)) throw new Error(`${REQUIRE_VARIABLE} demands ${name}, unmet here: ${why}`);
    context.skip(why);
  }
}

/**
 * Skips the running test with `why`, found only as it ran (a server that would not start),
 * as need() would for `name`. @throws instead when PORT_ZERO_TEST_REQUIRE demands `name`.
 */
export function unmetNow(context: TestContext, name: Need, why: string): void {
  if (required(name)) throw new Error(`${REQUIRE_VARIABLE} demands ${name}, unmet here: ${why}`);
  context.skip(why);
}

/** need() for every test of the describe block it is called in. */
export function needInSuite(...needs: Need[]): void {
  beforeEach((context) => need(context, ...needs));
}

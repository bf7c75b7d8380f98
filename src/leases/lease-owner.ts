import os from 'node:os';
import { uniqueId } from '../platform/ids.ts';
import { commandArgs, parentPid } from '../platform/process-facts.ts';
import { identify, unseen, type ProcessIdentity } from '../platform/process-identity.ts';
import type { LeaseOwner } from './lease-record.ts';

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
    host: os.hostname(),
    ...(tracking ? { tracking } : {}),
  };
}

/**
 * The process that owns the local command's leases: the shell or script that ran it, so
 * its ports stay leased while that process lives. Usually the parent; a package runner in
 * between (`npx port-zero`, `npm exec`, an npm script, with the `sh -c` npm starts) exits
 * at once, so on Linux it is looked past. Elsewhere the parent is taken as it is.
 */
export function callerIdentity(): ProcessIdentity {
  let pid = process.ppid;
  if (process.platform === 'linux') {
    // A few hops at most: the chain is npm (or npx) -> sh -c -> this process.
    for (let hop = 0; hop < 3; hop++) {
      const above = launcherParent(pid);
      if (above === undefined) break;
      pid = above;
    }
  }
  return identify(pid);
}

const PACKAGE_RUNNER = /(^|\/)(npm|npx|pnpm|yarn|npm-cli\.js|npx-cli\.js)$/;

/** When `pid` is a package runner, or a `sh -c` that one started, the process above it; else undefined. */
function launcherParent(pid: number): number | undefined {
  const argv = commandArgs(pid);
  const parent = parentPid(pid) ?? undefined;
  if (!argv || parent === undefined) return undefined;
  if (isPackageRunner(argv)) return parent;
  const shell = /(^|\/)(sh|bash|dash)$/.test(argv[0]) && argv[1] === '-c';
  const parentArgv = shell ? commandArgs(parent) : undefined;
  return parentArgv && isPackageRunner(parentArgv) ? parent : undefined;
}

/** npm renames its process "npm exec" (padded with spaces); node running npm-cli.js shows the script. */
function isPackageRunner(argv: string[]): boolean {
  return argv.slice(0, 2).some((arg) => PACKAGE_RUNNER.test(arg.trim()) || /^np[mx] exec\b/.test(arg.trim()));
}

/**
 * Local accounts the tests run steps as (several runner accounts on one host),
 * made with root's tools: directly as root, else through passwordless sudo (root.ts).
 * They are created when missing and kept: test runs at the same time share them.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runAsRoot, whyNotRoot } from './root.ts';

/** A local account the tests run steps as. */
export interface Account {
  name: string;
  uid: number;
  gid: number;
}

/** The group an administrator would put runner accounts in to share a named lease-dir. */
export const RUNNERS_GROUP = 'pz-test-runners';

const TOOLS = ['setpriv', 'useradd', 'usermod', 'groupadd', 'install'];

/** The first folder from the root down to `dir` that other accounts cannot pass through, if any. */
function closedFolder(dir: string): string | undefined {
  const chain = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    chain.unshift(d);
    if (d === path.dirname(d)) break;
  }
  return chain.find((d) => (fs.statSync(d).mode & 0o001) === 0);
}

/** Why steps cannot run as other accounts here, or undefined when they can. */
export function whyNoAccounts(): string | undefined {
  if (process.platform !== 'linux') return 'makes test accounts with useradd and setpriv, which this OS does not have';
  const root = whyNotRoot();
  if (root) return `${root} to make test accounts and run steps as them`;
  for (const tool of TOOLS) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore', env: { PATH: `${process.env.PATH}:/usr/sbin:/sbin` } });
    } catch {
      return `${tool} is not installed`;
    }
  }
  const closed = closedFolder(os.tmpdir());
  if (closed) return `other accounts cannot pass through ${closed} (no o+x) to the temporary directory ${os.tmpdir()}`;
  return undefined;
}

function id(flag: string, name: string): number {
  return Number(execFileSync('id', [flag, name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
}

/** `useradd ARGS`, where another test run creating the same account first (exit code 9, "already exists") is as good. */
function addAccount(args: string[]): void {
  try {
    runAsRoot(['useradd', ...args]);
  } catch (error) {
    if ((error as { status?: number }).status !== 9) throw error;
  }
}

/** A system account with a group of its name, no home and no login, created when missing. */
export function testAccount(name: string): Account {
  try {
    id('-u', name);
  } catch {
    addAccount(['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', name]);
  }
  return { name, uid: id('-u', name), gid: id('-g', name) };
}

/**
 * Lets `name` run `sudo -n tee` on the kernel's reserved-port list without a password, as
 * GitHub-hosted runners allow (`allow` true), or makes sure it may not (false).
 */
export function allowSudoTee(name: string, allow: boolean): void {
  const rule = `/etc/sudoers.d/${name}`;
  if (!allow) return void runAsRoot(['rm', '-f', rule]);
  const line = `${name} ALL=(root) NOPASSWD: /usr/bin/tee /proc/sys/net/ipv4/ip_local_reserved_ports`;
  runAsRoot(['sh', '-c', 'printf "%s\\n" "$0" > "$1" && chmod 440 "$1"', line, rule]);
}

/** The accounts pz-test-1 ... pz-test-N, members of RUNNERS_GROUP, created when missing (no home, no login). */
export function testAccounts(count: number): Account[] {
  runAsRoot(['groupadd', '-f', RUNNERS_GROUP]);
  return Array.from({ length: count }, (_, i) => {
    const name = `pz-test-${i + 1}`;
    try {
      id('-u', name);
    } catch {
      addAccount(['-M', '-N', '-g', RUNNERS_GROUP, '-s', '/usr/sbin/nologin', name]);
    }
    runAsRoot(['usermod', '-a', '-G', RUNNERS_GROUP, name]);
    return { name, uid: id('-u', name), gid: id('-g', name) };
  });
}

/** Runs a shell script as `account`: how the tests plant files as another account would. */
export function runAs(account: Account, script: string): string {
  return runAsRoot(['setpriv', `--reuid=${account.uid}`, `--regid=${account.gid}`, '--init-groups', 'sh', '-c', script]);
}

import { execFileSync } from 'node:child_process';

/** A local account the tests run steps as. */
export interface Account {
  name: string;
  uid: number;
  gid: number;
}

/** The group an administrator would put runner accounts in to share a named lease-dir. */
export const RUNNERS_GROUP = 'pz-test-runners';

/** Why accounts cannot be switched here (not root, no setpriv or useradd), or undefined when they can. */
export function cannotSwitchAccounts(): string | undefined {
  if (process.platform !== 'linux') return 'test accounts are made with useradd and setpriv (Linux)';
  if (process.getuid!() !== 0) return 'creating test accounts needs root';
  for (const tool of ['setpriv', 'useradd', 'groupadd', 'install']) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    } catch {
      return `${tool} is not installed`;
    }
  }
  return undefined;
}

/** `useradd ARGS`, where another test run creating the same account first (exit code 9, "already exists") is as good. */
export function addAccount(args: string[]): void {
  try {
    execFileSync('useradd', args, { stdio: 'pipe' });
  } catch (error) {
    if ((error as { status?: number }).status !== 9) throw error;
  }
}

/** The accounts pz-test-1 ... pz-test-N, members of RUNNERS_GROUP, created when missing (no home, no login). */
export function testAccounts(count: number): Account[] {
  execFileSync('groupadd', ['-f', RUNNERS_GROUP]);
  return Array.from({ length: count }, (_, i) => {
    const name = `pz-test-${i + 1}`;
    const id = (flag: string) => Number(execFileSync('id', [flag, name], { encoding: 'utf8' }).trim());
    try {
      id('-u');
    } catch {
      addAccount(['-M', '-N', '-g', RUNNERS_GROUP, '-s', '/usr/sbin/nologin', name]);
    }
    execFileSync('usermod', ['-a', '-G', RUNNERS_GROUP, name]);
    return { name, uid: id('-u'), gid: id('-g') };
  });
}

/** Runs a shell script as `account`: how the tests plant files as another account would. */
export function runAs(account: Account, script: string): string {
  const args = [`--reuid=${account.uid}`, `--regid=${account.gid}`, '--init-groups', 'sh', '-c', script];
  return execFileSync('setpriv', args, { encoding: 'utf8' });
}

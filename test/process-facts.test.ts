import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { need, needInSuite } from './harness/needs.ts';
import {
  accountName,
  cleanText,
  commandLine,
  controlGroups,
  environmentVariable,
  parentPid,
  parsePidPairs,
  processUid,
} from '../src/platform/process-facts.ts';
import { socketHolders } from '../src/platform/socket-owners.ts';
import { readProcNet } from '../src/platform/socket-table.ts';
import { testAccounts } from './harness/accounts.ts';
import { runAsRoot } from './harness/root.ts';
import { sharedCopy } from './harness/shared-copy.ts';

const children: ChildProcess[] = [];
/** Process groups started for a test (a server and the workers it forks), ended together. */
const groups: number[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const group of groups.splice(0)) {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/** A Node child that prints a line when it is ready, then waits. */
async function child(script: string, env: NodeJS.ProcessEnv = process.env): Promise<{ child: ChildProcess; line: string }> {
  const proc = spawn(process.execPath, ['-e', script, 'an argument', 'line\nbreak'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(proc);
  const line = await new Promise<string>((resolve, reject) => {
    proc.stdout!.setEncoding('utf8').once('data', (d: string) => resolve(d.trim()));
    proc.once('exit', (code) => reject(new Error(`child exited ${code}`)));
  });
  return { child: proc, line };
}

describe('what /proc tells about a process', () => {
  needInSuite('proc');
  it("reads a child's parent, command line, account and one environment variable", async () => {
    const { child: proc } = await child('console.log("up"); setInterval(() => {}, 1e9)', {
      ...process.env,
      RUNNER_TRACKING_ID: 'github_abc',
    });
    const pid = proc.pid!;
    expect(parentPid(pid)).toBe(process.pid);
    // Arguments joined by spaces; the newline inside one is shown as "?", so a log line cannot be forged.
    expect(commandLine(pid)).toBe(`${process.execPath} -e console.log("up"); setInterval(() => {}, 1e9) an argument line?break`);
    expect(processUid(pid)).toBe(process.getuid!());
    expect(environmentVariable(pid, 'RUNNER_TRACKING_ID')).toBe('github_abc');
    expect(environmentVariable(pid, 'NOT_SET_ANYWHERE')).toBeNull();
    expect(controlGroups(pid).length).toBeGreaterThan(0);
  });

  it('gives null for a process that is gone, and names root', async () => {
    const { child: proc } = await child('console.log("up")');
    await new Promise((r) => proc.once('exit', r));
    for (const read of [parentPid, commandLine, processUid]) expect(read(proc.pid!)).toBeNull();
    expect(environmentVariable(proc.pid!, 'PATH')).toBe('unreadable');
    expect(accountName(0)).toBe('root');
    expect(cleanText('a'.repeat(300), 200)).toHaveLength(200);
  });

  it('finds the process that holds a listening socket from its inode, the master of a pre-forking server', async () => {
    // A pre-forking server: the parent listens, then forks a worker that holds the same socket.
    const script = [
      'import os, socket, sys, time',
      's = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen()',
      'pid = os.fork()',
      'print(s.getsockname()[1], os.getpid() if pid else 0, flush=True) if pid else None',
      'time.sleep(600)',
    ].join('\n');
    const proc = spawn('python3', ['-c', script], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    groups.push(proc.pid!);
    const [port] = (await new Promise<string>((r) => proc.stdout!.setEncoding('utf8').once('data', r))).trim().split(' ').map(Number);
    const socket = readProcNet('tcp').find((s) => s.port === port)!;
    // The worker is the newer process, met first by the walk; the master is named.
    expect(fs.readdirSync('/proc').some((p) => /^\d+$/.test(p) && parentPid(Number(p)) === proc.pid)).toBe(true);
    const { holders } = socketHolders(new Set([socket.inode!]));
    expect(holders.get(socket.inode!)).toBe(proc.pid);
    expect(socketHolders(new Set([socket.inode!, 1])).holders.size).toBe(1); // an inode nobody holds: found nowhere
  });

  it("cannot read another account's environment or descriptors, and says so", async (context) => {
    need(context, 'accounts');
    const [other] = testAccounts(1);
    const { child: proc } = await child('console.log("up"); setInterval(() => {}, 1e9)', {
      ...process.env,
      RUNNER_TRACKING_ID: 'github_secret',
    });
    // The other account runs from the world-readable copy: it cannot read this checkout.
    const copy = sharedCopy();
    const script = `
        import { environmentVariable, commandLine } from ${JSON.stringify(path.join(copy.root, 'src/platform/process-facts.ts'))};
        import { socketHolders } from ${JSON.stringify(path.join(copy.root, 'src/platform/socket-owners.ts'))};
        const { unreadable } = socketHolders(new Set([1]));
        console.log(JSON.stringify({ env: environmentVariable(${proc.pid}, 'RUNNER_TRACKING_ID'), command: commandLine(${proc.pid}), unreadable }));`;
    const args = [
      'setpriv',
      `--reuid=${other.uid}`,
      `--regid=${other.gid}`,
      '--init-groups',
      copy.node,
      '--input-type=module',
      '-e',
      script,
    ];
    const seen = JSON.parse(runAsRoot(args, { cwd: '/' }));
    expect(seen.env).toBe('unreadable');
    expect(seen.command).toContain('console.log');
    expect(seen.unreadable).toBeGreaterThan(0);
  });
});

describe('process trees from system tools', () => {
  it('reads PID PPID pairs as ps -A -o pid=,ppid= prints them, skipping anything else', () => {
    const parents = parsePidPairs('    1     0\n  612     1\r\n  700   612\nPID PPID\n');
    expect([...parents]).toEqual([
      [1, 0],
      [612, 1],
      [700, 612],
    ]);
  });
});

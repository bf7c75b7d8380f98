import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runStep } from './harness/action-runner.ts';
import { allocatePorts } from '../src/allocator/allocate-ports.ts';
import { startHolder, stopHolder, type Holder } from '../src/protection/holder.ts';
import { identify, isRunning, type ProcessIdentity } from '../src/platform/process-identity.ts';
import { bindWithoutReuseAddr, kernelProposals } from './helpers/foreign.ts';
import { close, fetchGreeting, listen } from './helpers/servers.ts';
import { need, needInSuite } from './harness/needs.ts';

function leaseDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-reserve-'));
}

async function serveAll(ports: number[]) {
  const servers = await Promise.all(ports.map((p) => listen(p)));
  for (const port of ports) expect(await fetchGreeting(port)).toBe('hello\n');
  return servers;
}

function portsOf(step: { outputs: Record<string, string> }) {
  return step.outputs.ports.split(' ').map(Number);
}

/** A process that does nothing until killed: a runner, or a stranger that got a pid. */
async function idleProcess() {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e9)'], { stdio: 'ignore' });
  await new Promise((r) => child.once('spawn', r));
  return child;
}

async function waitUntilGone(process: ProcessIdentity) {
  await vi.waitFor(() => expect(isRunning(process)).toBe(false), { timeout: 15_000, interval: 100 });
}

/**
 * The address a foreign bind(0) is checked on: on macOS docs/guarantee.md promises IPv4 only (XNU's
 * in6_pcbsetport looks only at unconnected IPv6 sockets when SO_REUSEADDR is set).
 */
const FOREIGN = process.platform === 'darwin' ? '127.0.0.1' : undefined;

describe('reserve: time-wait (the default on macOS, and on Linux where the kernel list cannot be written)', () => {
  needInSuite('time-wait');

  it('keeps every bind(0) on the host off the ports, while a SO_REUSEADDR server binds them at once', async () => {
    const main = await runStep({ with: { count: '50', reserve: 'time-wait', 'lease-dir': leaseDir() } });
    expect(main.code).toBe(0);
    const ports = portsOf(main);
    const proposed = await kernelProposals(5, FOREIGN);
    expect(ports.filter((p) => proposed.has(p))).toEqual([]);
    await Promise.all((await serveAll(ports)).map(close));
  });

  it('refuses a server without SO_REUSEADDR until TIME_WAIT ends, as docs/guarantee.md says', async () => {
    const main = await runStep({ with: { count: '2', reserve: 'time-wait', 'lease-dir': leaseDir() } });
    for (const port of portsOf(main)) expect(await bindWithoutReuseAddr(port)).toBe('in-use');
  });
});

describe('reserve: none', () => {
  it('leaves the ports free for any server, with or without SO_REUSEADDR', async () => {
    const main = await runStep({ with: { count: '3', reserve: 'none', 'lease-dir': leaseDir() } });
    for (const port of portsOf(main)) expect(await bindWithoutReuseAddr(port)).toBe('bound');
  });
});

// On Windows the action refuses reserve: holder; the holder program and its stop protocol are still tested there.
describe('reserve: holder', () => {
  const holderOf = (step: { state: Record<string, string> }) => JSON.parse(step.state.holder) as Holder;

  it('holds the ports while SO_REUSEADDR servers listen beside it, until the post step stops it', async (context) => {
    need(context, 'holder');
    const main = await runStep({ with: { count: '3', reserve: 'holder', 'lease-dir': leaseDir() } });
    expect(main.code).toBe(0);
    const holder = holderOf(main);
    expect(isRunning(holder.process)).toBe(true);
    const servers = await serveAll(portsOf(main));
    await Promise.all(servers.map(close));
    expect(isRunning(holder.process)).toBe(true); // nothing watches the servers: it holds until told
    const post = await runStep({ entry: 'post', state: main.state });
    expect(post.stdout).toContain(`Stopped the port holder (process ${holder.process.pid})`);
    expect(isRunning(holder.process)).toBe(false);
  });

  it('refuses a server without SO_REUSEADDR while it holds the port', async (context) => {
    need(context, 'holder');
    const main = await runStep({ with: { count: '1', reserve: 'holder', 'lease-dir': leaseDir() } });
    expect(main.code).toBe(0);
    expect(await bindWithoutReuseAddr(portsOf(main)[0])).toBe('in-use');
    expect((await runStep({ entry: 'post', state: main.state })).code).toBe(0);
  });

  it('ends when the post step runs, leaving no process behind', async (context) => {
    need(context, 'holder');
    const main = await runStep({ with: { count: '2', reserve: 'holder', 'lease-dir': leaseDir() } });
    const holder = holderOf(main);
    expect(isRunning(holder.process)).toBe(true);
    const post = await runStep({ entry: 'post', state: main.state });
    expect(post.code).toBe(0);
    expect(post.stdout).toContain(`Stopped the port holder (process ${holder.process.pid})`);
    expect(isRunning(holder.process)).toBe(false);
  });

  it('says the holder had already exited when it had, instead of claiming to stop it', async (context) => {
    need(context, 'holder');
    const main = await runStep({ with: { count: '1', reserve: 'holder', 'lease-dir': leaseDir() } });
    const holder = holderOf(main);
    process.kill(holder.process.pid, 'SIGKILL');
    await waitUntilGone(holder.process);
    const post = await runStep({ entry: 'post', state: main.state });
    expect(post.stdout).toContain(`The port holder (process ${holder.process.pid}) had already exited`);
    expect(post.stdout).not.toContain('Stopped the port holder');
  });

  it('never signals a process whose pid is saved but which is not proven to be the holder', async () => {
    // What a reused pid looks like: the holder exited long ago, and another process now has its pid.
    const standIn = await idleProcess();
    const dead = await allocatePorts({ count: 1, hosts: ['127.0.0.1'] }); // nothing listens there now
    try {
      const states = [
        // as recorded on Windows (no start time), and with a start that is not the stand-in's
        { process: { pid: standIn.pid!, start: null } },
        { process: { pid: standIn.pid!, start: '1' } },
      ];
      for (const saved of states) {
        const state = { holder: JSON.stringify({ ...saved, host: '127.0.0.1', control: dead.ports[0], token: 'x' }) };
        const post = await runStep({ entry: 'post', state });
        expect(post.code).toBe(0);
        expect(post.stdout).toContain('had already exited');
        expect(isRunning(identify(standIn.pid!))).toBe(true);
      }
      // On Windows not even a matching identity is signalled: only the control channel stops a holder there.
      const proven = { process: identify(standIn.pid!), host: '127.0.0.1', control: dead.ports[0], token: 'x', held: [], missed: [] };
      expect(await stopHolder(proven, 'win32')).toBe('gone');
      expect(isRunning(proven.process)).toBe(true);
    } finally {
      standIn.kill('SIGKILL');
    }
  });

  it('does not take an answer from another program on the control port as the holder stopping', async () => {
    // It answers every client like a holder would, with another pid.
    const impostor = net.createServer((socket) => socket.resume().end('stopped 1\n'));
    await new Promise<void>((ok) => impostor.listen(0, '127.0.0.1', ok));
    const standIn = await idleProcess();
    try {
      const control = (impostor.address() as AddressInfo).port;
      const saved = { process: { pid: standIn.pid!, start: null }, host: '127.0.0.1', control, token: 't', held: [], missed: [] };
      expect(await stopHolder(saved, 'win32')).toBe('gone');
      expect(isRunning(saved.process)).toBe(true);
    } finally {
      standIn.kill('SIGKILL');
      await close(impostor);
    }
  });

  it('ignores a stop request without its token', async () => {
    const { ports } = await allocatePorts({ count: 1 });
    const holder = await startHolder({ ports, host: '127.0.0.1', deadline: Date.now() + 60_000, owner: identify(process.pid) });
    try {
      expect(await stopHolder({ ...holder, token: 'guessed' }, 'win32')).toBe('gone');
      expect(isRunning(holder.process)).toBe(true);
    } finally {
      expect(await stopHolder(holder)).toBe('stopped');
    }
  });

  it('keeps bind(0) off the ports by itself, without TIME_WAIT', async (context) => {
    need(context, 'holder');
    const { ports } = await allocatePorts({ count: 50 });
    const holder = await startHolder({ ports, host: '127.0.0.1', deadline: Date.now() + 60_000, owner: identify(process.pid) });
    try {
      // With reserve: none there is a moment before the holder takes over (the action closes it with
      // TIME_WAIT); a test running beside this one may take a port in it. The claim is about held ports.
      expect(holder.held.length).toBeGreaterThanOrEqual(40);
      expect([...holder.held, ...holder.missed].sort()).toEqual([...ports].sort());
      const proposed = await kernelProposals(5, FOREIGN);
      expect(holder.held.filter((p) => proposed.has(p))).toEqual([]);
    } finally {
      expect(await stopHolder(holder)).toBe('stopped');
    }
  });

  it('costs next to nothing while idle with 1000 ports, and stops at once when asked', async (context) => {
    need(context, 'proc');
    const { ports } = await allocatePorts({ count: 1000 });
    const holder = await startHolder({
      ports,
      host: '127.0.0.1',
      deadline: Date.now() + 60_000,
      owner: identify(process.pid),
      ownerCheckMs: 100,
    });
    try {
      const before = cpuTicks(holder.process.pid);
      await new Promise((r) => setTimeout(r, 3000));
      // A tick is 10 ms: 30 ticks in 3 s is 10 % of a CPU, ten times what idling may cost (a per-port poll took 90 %).
      expect(cpuTicks(holder.process.pid) - before).toBeLessThan(30);
    } finally {
      const started = Date.now();
      expect(await stopHolder(holder)).toBe('stopped');
      expect(Date.now() - started).toBeLessThan(5000); // a bound against a hang, not a measurement
    }
  });

  it('ends at its deadline', async () => {
    const { ports } = await allocatePorts({ count: 2 });
    const holder = await startHolder({
      ports,
      host: '127.0.0.1',
      // Far enough off that a slow start still answers first; a hang fails the test's timeout.
      deadline: Date.now() + 3000,
      owner: identify(process.pid),
      ownerCheckMs: 50,
    });
    expect(holder.held).toEqual(ports);
    await waitUntilGone(holder.process);
  });

  it("ends when the job's runner process is gone", async () => {
    const runner = await idleProcess();
    const { ports } = await allocatePorts({ count: 2 });
    const holder = await startHolder({
      ports,
      host: '127.0.0.1',
      deadline: Date.now() + 60_000,
      owner: identify(runner.pid!),
      ownerCheckMs: 50,
    });
    expect(isRunning(holder.process)).toBe(true);
    runner.kill('SIGKILL');
    await waitUntilGone(holder.process);
  });
});

/** utime + stime of a Linux process, in clock ticks. */
function cpuTicks(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

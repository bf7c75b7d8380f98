import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runJob, runStep } from '../scripts/action-runner.ts';
import { allocatePorts } from '../src/allocator/allocate-ports.ts';
import { startHolder, stopHolder } from '../src/protection/holder.ts';
import { identify, isRunning, type ProcessIdentity } from '../src/platform/process-identity.ts';
import { bindWithoutReuseAddr, kernelProposals } from './helpers/foreign.ts';
import { close, fetchGreeting, listen } from './helpers/servers.ts';

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

async function waitUntilGone(process: ProcessIdentity) {
  await vi.waitFor(() => expect(isRunning(process)).toBe(false), { timeout: 15_000, interval: 100 });
}

describe('reserve: time-wait (the default on Linux where the kernel list cannot be written)', () => {
  it('keeps every bind(0) on the host off the ports, while a SO_REUSEADDR server binds them at once', async () => {
    const main = await runStep({ with: { count: '50', reserve: 'time-wait', 'lease-dir': leaseDir() } });
    expect(main.code).toBe(0);
    const ports = portsOf(main);
    const proposed = await kernelProposals(5);
    expect(ports.filter((p) => proposed.has(p))).toEqual([]);
    await Promise.all((await serveAll(ports)).map(close));
  });

  it('refuses a server without SO_REUSEADDR until TIME_WAIT ends, as the README says', async () => {
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

describe('reserve: holder', () => {
  it('holds the ports; lets each go once a SO_REUSEADDR server listens; then exits', async () => {
    const main = await runStep({ with: { count: '3', reserve: 'holder', 'lease-dir': leaseDir() } });
    expect(main.code).toBe(0);
    const holder = JSON.parse(main.state.holder) as ProcessIdentity;
    expect(isRunning(holder)).toBe(true);
    const ports = portsOf(main);
    const servers = await serveAll(ports);
    await waitUntilGone(holder);
    await Promise.all(servers.map(close));
  });

  it('refuses a server without SO_REUSEADDR while it holds the port', async () => {
    const { main, post } = await runJob({ with: { count: '1', reserve: 'holder', 'lease-dir': leaseDir() } });
    expect(main.code).toBe(0);
    expect(post.code).toBe(0);
    expect(await bindWithoutReuseAddr(portsOf(main)[0])).toBe('in-use'); // TIME_WAIT from the hand-over remains
  });

  it('ends when the post step runs, leaving no process behind', async () => {
    const main = await runStep({ with: { count: '2', reserve: 'holder', 'lease-dir': leaseDir() } });
    const holder = JSON.parse(main.state.holder) as ProcessIdentity;
    expect(isRunning(holder)).toBe(true);
    const post = await runStep({ entry: 'post', state: main.state });
    expect(post.code).toBe(0);
    expect(post.stdout).toContain(`Stopped the port holder (process ${holder.pid})`);
    expect(isRunning(holder)).toBe(false);
  });

  it('keeps bind(0) off the ports by itself, without TIME_WAIT', async () => {
    const { ports } = await allocatePorts({ count: 50, reserve: 'none' });
    const holder = await startHolder({ ports, host: '127.0.0.1', deadline: Date.now() + 60_000, owner: identify(process.pid) });
    try {
      // With reserve: none there is a moment before the holder takes over (the action closes it with
      // TIME_WAIT); a test running beside this one may take a port in it. The claim is about held ports.
      expect(holder.held.length).toBeGreaterThanOrEqual(40);
      expect([...holder.held, ...holder.missed].sort()).toEqual([...ports].sort());
      const proposed = await kernelProposals(5);
      expect(holder.held.filter((p) => proposed.has(p))).toEqual([]);
    } finally {
      expect(await stopHolder(holder.process)).toBe(true);
    }
  });

  it('ends at its deadline', async () => {
    const { ports } = await allocatePorts({ count: 2 });
    const holder = await startHolder({ ports, host: '127.0.0.1', deadline: Date.now() + 300, owner: identify(process.pid), pollMs: 50 });
    expect(holder.held).toEqual(ports);
    await waitUntilGone(holder.process);
  });

  it("ends when the job's runner process is gone", async () => {
    const { spawn } = await import('node:child_process');
    const runner = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e9)'], { stdio: 'ignore' });
    await new Promise((r) => runner.once('spawn', r));
    const { ports } = await allocatePorts({ count: 2 });
    const holder = await startHolder({ ports, host: '127.0.0.1', deadline: Date.now() + 60_000, owner: identify(runner.pid!), pollMs: 50 });
    expect(isRunning(holder.process)).toBe(true);
    runner.kill('SIGKILL');
    await waitUntilGone(holder.process);
  });
});

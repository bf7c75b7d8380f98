import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { needInSuite } from './harness/needs.ts';
import { ForeignListenerError, InputError, waitForPorts, WaitTimeoutError, type ReadyPort } from '../src/programs/library.ts';
import { close, listen } from './helpers/servers.ts';
import { Job } from './helpers/wait-job.ts';

const servers: net.Server[] = [];
const children: ChildProcess[] = [];
const jobs: Job[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(close));
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await Promise.all(jobs.splice(0).map((j) => j.end()));
});

/** A port nothing listens on: one the kernel hands out, then closed. */
async function freePort(): Promise<number> {
  const server = await listen(0, '127.0.0.1');
  const { port } = server.address() as net.AddressInfo;
  await close(server);
  return port;
}

/** Resolves once no perl helper this process started is left (an ended one is reaped a moment later); rejects after 10 s. */
async function noHelperLeft(): Promise<void> {
  for (let i = 0; helpers() > 0; i++) {
    if (i > 200) throw new Error('a perl helper of the wait is still running');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The perl helpers this process started that are still in the process table. */
function helpers(): number {
  const fs = process.getBuiltinModule('node:fs');
  return fs
    .readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid && stat.includes('(perl)');
      } catch {
        return false;
      }
    }).length;
}

describe('waitForPorts', () => {
  needInSuite('proc');
  it('resolves by name for a map, with this process as the owner of its own server', async () => {
    const port = await freePort();
    const ready: string[] = [];
    const waiting = waitForPorts({ web: port }, { onReady: (r) => ready.push(r.name) });
    servers.push(await listen(port, '::1'));
    const { web } = await waiting;
    expect(web).toMatchObject({ name: 'web', port, protocols: ['tcp'], listening: ['tcp ::1'] });
    expect(web.owner).toMatchObject({ pid: process.pid, belongs: 'job', why: 'is this process' });
    expect(ready).toEqual(['web']);
    await noHelperLeft();
  });

  it("resolves in order for an array, with a child process as the job's by descent", async () => {
    const [a, b] = [await freePort(), await freePort()];
    for (const port of [a, b]) {
      const child = spawn(process.execPath, ['-e', `require('node:net').createServer().listen(${port}, '127.0.0.1')`], { stdio: 'ignore' });
      children.push(child);
    }
    const found: ReadyPort[] = await waitForPorts([a, b], { timeoutMs: 30_000 });
    expect(found.map((r) => r.port)).toEqual([a, b]);
    expect(found.map((r) => r.name)).toEqual([`port-${a}`, `port-${b}`]);
    expect(found.map((r) => r.owner.pid)).toEqual(children.map((c) => c.pid));
    expect(found[0].owner.why).toBe(`descends from this process (pid ${process.pid})`);
  });

  it('waits for UDP when asked', async () => {
    const port = await freePort();
    const dgram = process.getBuiltinModule('node:dgram');
    const socket = dgram.createSocket('udp6');
    await new Promise<void>((r) => socket.bind(port, '::1', r));
    try {
      const [found] = await waitForPorts([port], { protocol: 'udp', timeoutMs: 10_000 });
      expect(found.listening).toEqual(['udp ::1']);
    } finally {
      socket.close();
    }
  });

  it("rejects with the signal's reason when it aborts, and leaves no helper running", async () => {
    const controller = new AbortController();
    const waiting = waitForPorts([await freePort()], { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('test over')), 200);
    await expect(waiting).rejects.toThrow('test over');
    await noHelperLeft();
  });

  it('rejects with WaitTimeoutError listing each port and what was seen', async () => {
    const idle = await freePort();
    const server = await listen(0, '127.0.0.1');
    servers.push(server);
    const up = (server.address() as net.AddressInfo).port;
    const error = await waitForPorts({ idle, up }, { timeoutMs: 500 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    const { ports } = error as WaitTimeoutError;
    expect(ports.map((p) => [p.target.name, p.ready, p.seen.split(',')[0]])).toEqual([
      ['idle', false, 'nothing listening'],
      ['up', true, expect.stringMatching(/^ready after [\d.]+ s$/)],
    ]);
  });

  it("rejects at once with ForeignListenerError when another job's process holds a port", async () => {
    const job = new Job();
    jobs.push(job);
    const port = await freePort();
    const pid = await job.daemon([process.execPath, '-e', `require('node:net').createServer().listen(${port})`], {
      ...process.env,
      RUNNER_TRACKING_ID: 'github_someone-else',
    });
    const error = await waitForPorts([port], { timeoutMs: 3_600_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForeignListenerError);
    expect((error as ForeignListenerError).listeners[0].owner).toMatchObject({ pid, belongs: 'foreign' });
    // With foreign: 'report' the same port counts as ready, and says whose it is.
    const [found] = await waitForPorts([port], { foreign: 'report' });
    expect(found.owner.belongs).toBe('foreign');
  });

  it('refuses bad options with InputError naming the option', async () => {
    type Args = [readonly number[] | Record<string, number>, Parameters<typeof waitForPorts>[1]?];
    const cases: [Args, RegExp][] = [
      [[[8080], { timeoutMs: 0 }], /^Option 'timeoutMs' has invalid value "0"/],
      [[[8080], { timeoutMs: 86_400_001 }], /^Option 'timeoutMs'/],
      [[[0]], /^Option 'ports' has invalid value "0": port numbers from 1 to 65535/],
      [[[]], /^Option 'ports' has invalid value "": at least one port/],
      [[{ '1web': 8080 } as Record<string, number>], /^Option 'ports' has invalid value "1web"/],
      [[[8080], { protocol: 'sctp' as 'tcp' }], /^Option 'protocol' has invalid value "sctp": tcp, udp or tcp,udp/],
    ];
    for (const [args, message] of cases) {
      const error = await waitForPorts(args[0] as number[], args[1]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(message);
    }
  });
});

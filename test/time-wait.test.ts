import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testAccount } from './harness/accounts.ts';
import { scenario } from './harness/namespace.ts';
import { need, needInSuite } from './harness/needs.ts';
import { reserveTimeWait, type SelfConnectOptions } from '../src/protection/time-wait.ts';
import { allocatePorts } from '../src/allocator/allocate-ports.ts';
import { bind, closeAll, type Held } from '../src/allocator/sockets.ts';
import { AllocationError } from '../src/errors.ts';
import { close } from './helpers/servers.ts';

function listenOn(port: number, host: string): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port, host, exclusive: true }, () => resolve(server));
  });
}

type Storm = { lost: number[]; taken: Record<string, number>; plain: string[] };
const RANGE: [number, number] = [40000, 40199];

describe('TIME_WAIT by self-connect (Linux)', () => {
  it('protects exactly like the accepted connection: every TCP bind(0) and outgoing connection, on both loopback families', async (context) => {
    need(context, 'namespace');
    const [self, accepted] = await Promise.all(
      ['self-connect', 'accepted'].map(
        async (method) => (await scenario<Storm>('time-wait.ts', ['storm', method], { range: RANGE })).result,
      ),
    );
    expect(self.lost).toEqual([]);
    expect(self.taken).toEqual(accepted.taken);
    for (const kind of ['tcp ::1', 'tcp 127.0.0.1', 'tcp ::', 'tcp :: ipv6-only', 'tcp 0.0.0.0', 'connect'])
      expect(self.taken[kind], kind).toBe(0);
    // TIME_WAIT is a TCP state: UDP bind(0) is not kept off (the kernel list is).
    expect(self.taken['udp ::1']).toBe(20);
    // And servers without SO_REUSEADDR are refused until it ends, under either method.
    expect(self.plain).toEqual(Array(20).fill('in-use'));
    expect(accepted.plain).toEqual(self.plain);
  }, 180_000);

  it('needs no spare source port: two ports left in a full ephemeral range are handed out; the old method names the real cause', async (context) => {
    need(context, 'namespace');
    const { result } = await scenario<{ allocated: number[] | string; accepted: string }>('time-wait.ts', ['full', 'accepted'], {
      range: [40000, 40009],
    });
    expect(result.allocated).toEqual(expect.arrayContaining([40008, 40009]));
    expect(result.accepted).toBe(
      'Port 40008 could not be reserved: no source port was left for its loopback connection (EADDRNOTAVAIL): the ephemeral range is full',
    );
  }, 180_000);

  it('reports a port another program took before the self-connection could bind it as lost', async (context) => {
    need(context, 'loopback-net');
    const decoy = await listenOn(0, '127.0.0.2'); // stands in for our listener, closed by the reservation
    const port = (decoy.address() as net.AddressInfo).port;
    const thief = await listenOn(port, '127.0.0.1');
    try {
      const held: Held = { protocol: 'tcp', host: '127.0.0.1', port, server: decoy, close: () => close(decoy) };
      expect(await reserveTimeWait([held], 'self-connect')).toEqual([port]);
    } finally {
      await close(thief);
    }
  });

  it('draws a lost port again, and never hands it out', async () => {
    let first: number | undefined;
    const { ports } = await allocatePorts({
      count: 5,
      protect: async (held) => {
        if (first !== undefined) return [];
        first = held[2].port;
        return [first];
      },
    });
    expect(ports).toHaveLength(5);
    expect(new Set(ports).size).toBe(5);
    expect(ports).not.toContain(first);
  });
});

type StressReport = { codes: number[]; handed: number; shared: number[]; taken: number[]; grabbed: number; protection: string[] };

describe('stress: jobs in the default mode while another program binds port 0 on ::1, 127.0.0.1 and :: in turn', () => {
  const JOBS = '24';
  const PER_JOB = '16';

  it('as root (the kernel list): none of the handed-out ports is taken', async (context) => {
    need(context, 'namespace');
    const { result } = await scenario<StressReport>('every-address-stress.ts', [JOBS, PER_JOB, '2']);
    expect(result.protection).toEqual(['kernel']);
    expect(result.codes.every((c) => c === 0)).toBe(true);
    expect(result.handed).toBe(2 * 24 * 16);
    expect(result.grabbed).toBeGreaterThan(300);
    expect(result.shared).toEqual([]);
    expect(result.taken).toEqual([]);
  }, 300_000);

  it('as an account without sudo (TIME_WAIT on both loopback families): none of the handed-out ports is taken', async (context) => {
    need(context, 'accounts');
    const user = testAccount('port-zero-test').name;
    const { result } = await scenario<StressReport>('every-address-stress.ts', [JOBS, PER_JOB, '2'], { user });
    expect(result.protection).toEqual(['TIME_WAIT']);
    expect(result.codes.every((c) => c === 0)).toBe(true);
    expect(result.handed).toBe(2 * 24 * 16);
    expect(result.grabbed).toBeGreaterThan(300);
    expect(result.shared).toEqual([]);
    expect(result.taken).toEqual([]);
  }, 300_000);
});

const PERL = '/usr/bin/perl';

/** The ports with a TIME_WAIT entry from and to themselves on 127.0.0.1 (tcp) or ::1 (tcp6), read from /proc/net. */
function selfTimeWait(file: 'tcp' | 'tcp6'): Set<number> {
  const loopback = file === 'tcp' ? '0100007F' : '00000000000000000000000001000000';
  const ports = new Set<number>();
  for (const line of fs.readFileSync(`/proc/net/${file}`, 'utf8').split('\n').slice(1)) {
    const [, local, remote, state] = line.trim().split(/\s+/);
    const [address, port] = local?.split(':') ?? [];
    if (state === '06' && local === remote && address === loopback) ports.add(parseInt(port, 16));
  }
  return ports;
}

/** Processes whose parent is this one, from /proc. */
function children(): number[] {
  return fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return Number(fs.readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1].split(' ')[1]) === process.pid;
      } catch {
        return false; // ended meanwhile
      }
    })
    .map(Number);
}

/** A stand-in for perl: a shell script; `log` collects what it was run with and its pid. */
function fakePerl(body: string): { program: string; log: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-fake-perl-'));
  const program = path.join(dir, 'perl');
  const log = path.join(dir, 'log');
  fs.writeFileSync(program, `#!/bin/sh\necho "$$" >> '${log}'\n${body}\n`, { mode: 0o755 });
  return { program, log };
}

/** perl as the reservation runs it, with each start recorded. */
const recordedPerl = () => fakePerl(`exec ${PERL} "$@"`);

async function reserveFresh(count: number, options: SelfConnectOptions) {
  const held = await Promise.all(Array.from({ length: count }, () => bind('tcp', '', 0)));
  try {
    return { ports: held.map((h) => h.port), lost: await reserveTimeWait(held, 'self-connect', options) };
  } finally {
    await closeAll(held);
  }
}

describe('self-connections in one perl process, Node sockets where perl cannot start', () => {
  // The batches are checked in /proc/net; every way but the first falls back from perl to Node on purpose.
  needInSuite('proc', 'perl');

  const ways: [string, () => SelfConnectOptions & { log?: string }][] = [
    ['by the perl process', () => recordedPerl()],
    ['by Node sockets when perl is missing', () => ({ program: '/nonexistent/perl' })],
    ['by Node sockets when perl exits before it starts work', () => fakePerl('exit 1')],
    ['by Node sockets when asked to', () => ({ program: null })],
  ];

  for (const [how, options] of ways) {
    it(`leaves TIME_WAIT on 127.0.0.1 and ::1 for every port of a 300-port batch ${how}, and no process behind`, async () => {
      const { log, ...chosen } = options();
      const { ports, lost } = await reserveFresh(300, chosen);
      expect(lost).toEqual([]);
      const [v4, v6] = [selfTimeWait('tcp'), selfTimeWait('tcp6')];
      expect(ports.filter((p) => !v4.has(p))).toEqual([]);
      expect(ports.filter((p) => !v6.has(p))).toEqual([]);
      if (how === 'by the perl process') expect(fs.readFileSync(log!, 'utf8').trim().split('\n')).toHaveLength(1);
      expect(children()).toEqual([]);
    });

    it(`reports a port taken on ::1 before its self-connection as lost, ${how}`, async () => {
      const chosen = options();
      const decoy = await listenOn(0, '127.0.0.2'); // stands in for our dual-stack listener, closed by the reservation
      const port = (decoy.address() as net.AddressInfo).port;
      const thief = await listenOn(port, '::1');
      const other = await bind('tcp', '', 0);
      try {
        const held: Held = { protocol: 'tcp', host: '::', port, server: decoy, close: () => close(decoy) };
        expect(await reserveTimeWait([held, other], 'self-connect', { ...chosen, childFrom: 1 })).toEqual([port]);
        expect(selfTimeWait('tcp6').has(other.port) && selfTimeWait('tcp').has(other.port)).toBe(true);
      } finally {
        await close(thief);
        await other.close();
      }
    });
  }

  it("leaves fewer than 200 ports to Node's sockets, without starting perl", async () => {
    const { program, log } = recordedPerl();
    const { ports, lost } = await reserveFresh(20, { program });
    expect(lost).toEqual([]);
    expect(ports.filter((p) => !selfTimeWait('tcp').has(p) || !selfTimeWait('tcp6').has(p))).toEqual([]);
    expect(fs.existsSync(log)).toBe(false);
  });

  it('ends with one AllocationError, and no process behind, when perl fails after it started', async () => {
    const { program } = fakePerl('echo ready; exit 3');
    const error = await reserveFresh(5, { program, childFrom: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AllocationError);
    expect((error as Error).message).toBe(
      'The TIME_WAIT reservation of 5 ports failed: the perl process making the self-connections ended (exit code 3) after answering 0 of 1 requests',
    );
    expect(children()).toEqual([]);
  });

  it('stops waiting for a perl that hangs: it is killed, and the reservation ends with one AllocationError', async () => {
    const { program, log } = fakePerl('echo ready; exec sleep 60');
    const error = await reserveFresh(5, { program, waitMs: 2000, childFrom: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AllocationError);
    expect((error as Error).message).toMatch(
      /the perl process making the self-connections did not finish within 2 s after answering 0 of 1 requests$/,
    );
    const pid = Number(fs.readFileSync(log, 'utf8').trim());
    expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
    expect(children()).toEqual([]);
  }, 20_000);
});

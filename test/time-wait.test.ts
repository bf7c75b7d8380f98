import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { inNamespace, requireNamespaces, testAccount } from './helpers/namespace.ts';
import { reserveTimeWait } from '../src/protection/time-wait.ts';
import { allocatePorts } from '../src/allocator/allocate-ports.ts';
import type { Held } from '../src/allocator/sockets.ts';
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
    requireNamespaces(context);
    const [self, accepted] = await Promise.all(
      ['self-connect', 'accepted'].map(
        async (method) => (await inNamespace<Storm>('time-wait.ts', ['storm', method], { range: RANGE })).result,
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
    requireNamespaces(context);
    const { result } = await inNamespace<{ allocated: number[] | string; accepted: string }>('time-wait.ts', ['full', 'accepted'], {
      range: [40000, 40009],
    });
    expect(result.allocated).toEqual(expect.arrayContaining([40008, 40009]));
    expect(result.accepted).toBe(
      'Port 40008 could not be reserved: no source port was left for its loopback connection (EADDRNOTAVAIL): the ephemeral range is full',
    );
  }, 180_000);

  it('reports a port another program took before the self-connection could bind it as lost', async () => {
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
      reserve: async (held) => {
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
    requireNamespaces(context);
    const { result } = await inNamespace<StressReport>('every-address-stress.ts', [JOBS, PER_JOB, '2']);
    expect(result.protection).toEqual(['kernel']);
    expect(result.codes.every((c) => c === 0)).toBe(true);
    expect(result.handed).toBe(2 * 24 * 16);
    expect(result.grabbed).toBeGreaterThan(300);
    expect(result.shared).toEqual([]);
    expect(result.taken).toEqual([]);
  }, 300_000);

  it('as an account without sudo (TIME_WAIT on both loopback families): none of the handed-out ports is taken', async (context) => {
    requireNamespaces(context);
    const user = testAccount('port-zero-test', false);
    const { result } = await inNamespace<StressReport>('every-address-stress.ts', [JOBS, PER_JOB, '2'], { user });
    expect(result.protection).toEqual(['TIME_WAIT']);
    expect(result.codes.every((c) => c === 0)).toBe(true);
    expect(result.handed).toBe(2 * 24 * 16);
    expect(result.grabbed).toBeGreaterThan(300);
    expect(result.shared).toEqual([]);
    expect(result.taken).toEqual([]);
  }, 300_000);
});

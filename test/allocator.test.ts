import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { allocatePorts, type ClaimVerdict } from '../src/allocator/allocate-ports.ts';
import { AllocationError } from '../src/errors.ts';
import { PortSet } from '../src/ports/port-set.ts';
import { bind, EVERY_ADDRESS } from '../src/allocator/sockets.ts';
import { bindUdp, canListen, close, listen, settledOpenSockets } from './helpers/servers.ts';

/** A claim's verdict: granted, or refused as another's lease would be. */
const verdict = (granted: boolean): ClaimVerdict => (granted ? 'granted' : 'leased-by-other');

const cleanup: (net.Server | import('node:dgram').Socket)[] = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map(close));
});

describe('allocatePorts', () => {
  it('hands out distinct ports in one batch, however large', async () => {
    const { ports } = await allocatePorts({ count: 500 });
    expect(ports).toHaveLength(500);
    expect(new Set(ports).size).toBe(500);
  });

  it('leaves every port bindable on "::" and on 127.0.0.1', async () => {
    const { ports } = await allocatePorts({ count: 20 });
    for (const port of ports) {
      expect(await canListen(port, '::')).toBe(true);
      expect(await canListen(port, '127.0.0.1')).toBe(true);
    }
  });

  it('probes the dual-stack wildcard, so a port is free for IPv4 and IPv6 alike', async () => {
    const allocation = await allocatePorts({ count: 1 });
    expect(allocation.hosts).toEqual(['::']);
  });

  it('closes every socket it held when the batch fails halfway', async () => {
    const before = await settledOpenSockets();
    const seen: number[] = [];
    let calls = 0;
    const failing = allocatePorts({
      count: 10,
      // The first round: half of the ports leased elsewhere (skipped, held); the second round's claim fails.
      claim: async (groups) => {
        seen.push(...groups.flat());
        if (++calls === 2) throw new Error('claim failed');
        return groups.map((_, i) => verdict(i % 2 === 0));
      },
    });
    await expect(failing).rejects.toThrow('claim failed');
    expect(await settledOpenSockets()).toBe(before);
    for (const port of seen) expect(await canListen(port)).toBe(true);
  });

  it('refuses an address the machine does not have, and leaves nothing open', async () => {
    const before = await settledOpenSockets();
    await expect(allocatePorts({ count: 5, hosts: ['127.0.0.1', '192.0.2.1'] })).rejects.toThrow(AllocationError);
    expect(await settledOpenSockets()).toBe(before);
  });

  it('skips a port whose claim is refused and draws another in its place', async () => {
    const refused: number[] = [];
    const { ports } = await allocatePorts({
      count: 5,
      claim: async (groups) =>
        groups.map(([port]) => {
          if (refused.length >= 3) return 'granted';
          refused.push(port);
          return 'leased-by-other';
        }),
    });
    expect(ports).toHaveLength(5);
    expect(refused).toHaveLength(3);
    for (const port of refused) expect(ports).not.toContain(port);
  });
});

describe('protocols', () => {
  it('hands out UDP ports that a UDP server binds', async () => {
    const { ports } = await allocatePorts({ count: 10, protocols: ['udp'] });
    expect(new Set(ports).size).toBe(10);
    for (const port of ports) cleanup.push(await bindUdp(port));
  });

  it('hands out tcp,udp ports that both a TCP and a UDP server bind', async () => {
    const { ports } = await allocatePorts({ count: 10, protocols: ['tcp', 'udp'] });
    expect(new Set(ports).size).toBe(10);
    for (const port of ports) {
      const [tcp, udp] = await Promise.all([listen(port), bindUdp(port)]);
      cleanup.push(tcp, udp);
      expect([(tcp.address() as net.AddressInfo).port, udp.address().port]).toEqual([port, port]);
    }
  });

  it('never hands out a tcp,udp port whose UDP side is taken', async () => {
    // Take the UDP side of ports in a small range; only the rest can be handed out.
    const range = { low: 29000, high: 29019 }; // below the ephemeral range: no other test's bind(0) lands here
    const taken = new Set<number>();
    for (let port = range.low; port <= range.high; port += 2) {
      cleanup.push(await bindUdp(port));
      taken.add(port);
    }
    const { ports } = await allocatePorts({ count: 5, protocols: ['tcp', 'udp'], range });
    for (const port of ports) expect(taken.has(port)).toBe(false);
  });
});

describe('range, exclude and contiguous', () => {
  it('refuses a port taken on IPv6 alone, though IPv4 would bind it', async () => {
    cleanup.push(await listen(27360, '::1'));
    const v6only = net.createServer();
    await new Promise<void>((resolve) => v6only.listen({ host: '::', port: 27361, ipv6Only: true }, resolve));
    cleanup.push(v6only);
    const { ports, hosts } = await allocatePorts({ count: 1, range: { low: 27360, high: 27362 } });
    expect(ports).toEqual([27362]);
    expect(hosts).toEqual(['::']);
  });

  it('goes on to the next free port of the same round when a claim is refused', async () => {
    // Rounds bind 1, 2, 4, ... ports; only 27339 is unleased, wherever it falls in its round.
    const offered: number[] = [];
    const { ports } = await allocatePorts({
      count: 1,
      range: { low: 27300, high: 27339 },
      claim: async (groups) => groups.map(([port]) => (offered.push(port), verdict(port === 27339))),
    });
    expect(ports).toEqual([27339]);
    expect(new Set(offered).size).toBe(offered.length); // each port judged once
  });

  it('tries a port of the range again once the socket that held it during the walk is gone', async () => {
    const blocker = await listen(27350);
    let freed = false;
    const { ports } = await allocatePorts({
      count: 2,
      range: { low: 27350, high: 27351 },
      claim: async (groups) => {
        if (!freed) await close(blocker); // another allocator's socket, gone once the walk has passed it
        freed = true;
        return groups.map(() => 'granted');
      },
    });
    expect(ports.sort()).toEqual([27350, 27351]);
  });

  it('draws every port from the range', async () => {
    const range = { low: 20000, high: 20999 };
    const { ports } = await allocatePorts({ count: 50, range });
    expect(ports.every((p) => p >= range.low && p <= range.high)).toBe(true);
    expect(new Set(ports).size).toBe(50);
  });

  it('draws in random order, not lowest first', async () => {
    const range = { low: 21000, high: 21999 };
    const { ports } = await allocatePorts({ count: 10, range });
    // Lowest-first would give 21000-21009; ten random draws from 1000 span a window of
    // under 100 ports about once in 10^8 runs.
    expect(Math.max(...ports) - Math.min(...ports)).toBeGreaterThan(100);
  });

  it('fails clearly, saying how many it found, when the range is busy', async () => {
    const range = { low: 22000, high: 22009 };
    for (let port = range.low; port <= range.high - 2; port++) cleanup.push(await listen(port));
    const before = await settledOpenSockets();
    await expect(allocatePorts({ count: 3, range })).rejects.toThrow('Only 2 of the 3 ports asked for are free in range 22000-22009');
    expect(await settledOpenSockets()).toBe(before);
  });

  it('never returns a port taken on 127.0.0.1 only', async () => {
    const range = { low: 23000, high: 23039 };
    const taken = new Set<number>();
    for (let port = range.low; port <= range.high; port += 2) {
      cleanup.push(await listen(port, '127.0.0.1'));
      taken.add(port);
    }
    const { ports } = await allocatePorts({ count: 20, range });
    expect(ports.filter((p) => taken.has(p))).toEqual([]);
  });

  it('never returns an excluded port, even when the kernel proposes nothing else', async () => {
    // bind(0) proposes odd ports until they run out: exclude every odd port.
    const odd = Array.from({ length: 32768 }, (_, i) => ({ low: 2 * i + 1, high: 2 * i + 1 }));
    const judged: number[] = [];
    const { ports } = await allocatePorts({
      count: 3,
      exclude: new PortSet(odd),
      claim: async (groups) => (judged.push(...groups.flat()), groups.map(() => 'granted')),
    });
    expect(ports.map((p) => p % 2)).toEqual([0, 0, 0]);
    expect(judged).toEqual(ports); // nothing excluded even reached the claim
  });

  it('hands out one block of consecutive ports that all bind', async () => {
    const { ports } = await allocatePorts({ count: 8, contiguous: true });
    ports.forEach((port, i) => expect(port).toBe(ports[0] + i));
    for (const port of ports) cleanup.push(await listen(port));
  });

  it('finds a contiguous block in a range around busy ports', async () => {
    const range = { low: 24000, high: 24017 }; // only 24006-24011 fits six
    cleanup.push(await listen(24005), await listen(24012));
    const { ports } = await allocatePorts({ count: 6, contiguous: true, range });
    expect(ports).toEqual([24006, 24007, 24008, 24009, 24010, 24011]);
  });

  it('fails clearly when no block fits', async () => {
    const range = { low: 24100, high: 24109 };
    cleanup.push(await listen(24104));
    await expect(allocatePorts({ count: 6, contiguous: true, range })).rejects.toThrow(
      'No block of 6 consecutive free ports in range 24100-24109',
    );
  });
});

describe('bind on every address', () => {
  it('counts a port taken on ::1 only as taken, though a listen without a host would fall back to 0.0.0.0', async () => {
    const server = await listen(0, '::1');
    cleanup.push(server);
    const { port } = server.address() as net.AddressInfo;
    await expect(bind('tcp', EVERY_ADDRESS, port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('binds the dual-stack wildcard', async () => {
    const held = await bind('tcp', EVERY_ADDRESS, 0);
    await held.close();
    expect(held.host).toBe('::');
  });
});

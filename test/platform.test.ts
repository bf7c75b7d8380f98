import { execFileSync } from 'node:child_process';
import dgram from 'node:dgram';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { allocatePorts } from '../src/allocator/allocate-ports.ts';
import { confirmLoopback, confirmPort } from '../src/allocator/confirm-loopback.ts';
import { closeAll, type Held } from '../src/allocator/sockets.ts';
import { bindPairs } from '../src/allocator/hosts.ts';
import { reserveTimeWait } from '../src/protection/time-wait.ts';
import { parseExcludedRanges, windowsExcludedPorts } from '../src/platform/windows-excluded.ts';
import { ephemeralRange, IANA_DYNAMIC, parseDynamicPortRange } from '../src/platform/ephemeral-range.ts';
import { privilegedPortsAllowed } from '../src/platform/privileged-ports.ts';
import { reserveProblem } from '../src/protection/choose-protection.ts';
import { bindWithoutReuseAddr } from './helpers/foreign.ts';
import { bindUdp, canListen, close } from './helpers/servers.ts';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures/netsh', name), 'utf8');

describe('Windows excluded port ranges (netsh output captured from Windows)', () => {
  it('reads the rows, with and without the administered-exclusion star', () => {
    expect(parseExcludedRanges(fixture('tcp-en.txt'))).toEqual([
      { low: 5357, high: 5357 },
      { low: 49709, high: 49808 },
      { low: 50000, high: 50059 },
    ]);
  });

  it('reads localized output by its numbers, not its headers', () => {
    expect(parseExcludedRanges(fixture('tcp-de.txt'))).toEqual([
      { low: 1080, high: 1179 },
      { low: 2869, high: 2869 },
      { low: 61000, high: 61099 },
    ]);
    expect(parseExcludedRanges(fixture('tcp-zh.txt'))).toEqual([{ low: 50000, high: 50059 }]);
  });

  it('reads an empty list as no ranges', () => {
    expect(parseExcludedRanges(fixture('udp-empty.txt'))).toEqual([]);
    expect(parseExcludedRanges('')).toEqual([]);
  });

  it('ignores rows that are not port ranges', () => {
    expect(parseExcludedRanges('  70000  70001\n  9  8\n 0 5\n 12 abc\n')).toEqual([]);
  });

  it('asks netsh for the IPv4 and IPv6 lists of each protocol and merges them', async () => {
    const asked: string[] = [];
    const outputs: Record<string, string> = {
      'interface ipv4 show excludedportrange protocol=tcp': fixture('tcp-en.txt'),
      'interface ipv6 show excludedportrange protocol=tcp': fixture('tcp-de.txt'),
      'interface ipv4 show excludedportrange protocol=udp': fixture('udp-empty.txt'),
    };
    const set = await windowsExcludedPorts(['tcp', 'udp'], async (file, args) => {
      asked.push(`${file} ${args.join(' ')}`);
      const out = outputs[args.join(' ')];
      if (out === undefined) throw new Error('netsh failed');
      return out;
    });
    expect(asked).toHaveLength(4);
    // By absolute path: the working directory (the workspace) comes first in Windows' search.
    expect(asked.every((a) => /^[A-Z]:\\Windows\\System32\\netsh\.exe interface /i.test(a))).toBe(true);
    expect([5357, 1100, 50000, 61099].every((p) => set.has(p))).toBe(true);
    expect(set.has(5358)).toBe(false);
  });
});

describe('loopback confirmation (for macOS and Windows)', () => {
  /**
   * A wildcard socket held like the allocator holds it, and another program's 127.0.0.1 listener on the same
   * port beside it: macOS and Windows allow that as it is; on Linux SO_REUSEPORT recreates it.
   */
  async function wildcardBesideLoopback() {
    const listenOn = (host: string, port: number) =>
      new Promise<net.Server>((ok, fail) => {
        const s = net.createServer((socket) => socket.end('theirs'));
        s.once('error', fail);
        s.listen({ host, port, reusePort: process.platform === 'linux', ipv6Only: false }, () => ok(s));
      });
    const ours = await listenOn('::', 0);
    const port = (ours.address() as net.AddressInfo).port;
    const theirs = await listenOn('127.0.0.1', port);
    const held: Held = { protocol: 'tcp', host: '::', port, server: ours, close: () => close(ours) };
    return { held, theirs };
  }

  it('reports a port that another program listens on at 127.0.0.1, though the wildcard bind succeeded', async () => {
    const { held, theirs } = await wildcardBesideLoopback();
    expect(await confirmLoopback(held)).toBe(false);
    await close(theirs);
    expect(await confirmLoopback(held)).toBe(true);
    await held.close();
  });

  /**
   * Two listeners of ours on one port, as macOS holds `0.0.0.0` beside the dual-stack `::`:
   * the kernel hands a 127.0.0.1 connection to the IPv4 one. Linux forbids that pair, so an
   * IPv6-only `::` stands in for the dual-stack one (127.0.0.1 reaches only `0.0.0.0` then too).
   */
  async function twoOfOurs(): Promise<Held[]> {
    const listenOn = (host: string, port: number, ipv6Only: boolean) =>
      new Promise<net.Server>((ok, fail) => {
        const s = net.createServer();
        s.once('error', fail);
        s.listen({ host, port, ipv6Only }, () => ok(s));
      });
    const v4 = await listenOn('0.0.0.0', 0, false);
    const port = (v4.address() as net.AddressInfo).port;
    const v6 = await listenOn('::', port, true);
    return [
      { protocol: 'tcp', host: '0.0.0.0', port, server: v4, close: () => close(v4) },
      { protocol: 'tcp', host: '::', port, server: v6, close: () => close(v6) },
    ];
  }

  it("counts a loopback connection that reaches either of our two listeners on a port as ours (macOS's 0.0.0.0 and ::)", async () => {
    const held = await twoOfOurs();
    try {
      expect(await confirmPort(held)).toBe(true);
      // Judged one socket at a time, the `::` one would take 127.0.0.1's connection to our 0.0.0.0 listener for another program's.
      expect(await confirmLoopback(held[1])).toBe(false);
    } finally {
      await closeAll(held);
    }
  });

  it('leaves TIME_WAIT on such a port through whichever of our listeners a connection reaches, once per address', async () => {
    const held = await twoOfOurs();
    try {
      expect(await reserveTimeWait(held, 'accepted')).toEqual([]);
    } finally {
      await closeAll(held);
    }
  });

  it('confirms the ports of a whole batch when asked, and they still bind', async () => {
    const { ports } = await allocatePorts({ count: 10, confirmLoopback: true });
    expect(new Set(ports).size).toBe(10);
    // A server binds each of them after the confirmation, on every address and on the loopback it checked.
    for (const port of ports)
      expect([await canListen(port, '::'), await canListen(port, '127.0.0.1')], `port ${port}`).toEqual([true, true]);
  });

  it('leaves no TIME_WAIT on the ports, so with reserve: none a server without SO_REUSEADDR binds', async () => {
    const { ports } = await allocatePorts({ count: 5, confirmLoopback: true });
    if (process.platform === 'linux') {
      const timeWait = execFileSync('ss', ['-Htan', 'state', 'time-wait'], { encoding: 'utf8' });
      const local = timeWait.split('\n').map((line) => Number(line.trim().split(/\s+/)[2]?.split(':').at(-1)));
      expect(ports.filter((p) => local.includes(p))).toEqual([]);
    }
    for (const port of ports) expect(await bindWithoutReuseAddr(port)).toBe('bound');
  });

  /** Our dual-stack UDP socket and another program's 127.0.0.1 socket on one port: SO_REUSEPORT (Linux) or SO_REUSEADDR recreates it. */
  async function udpWildcardBesideLoopback() {
    const bindReused = (type: 'udp4' | 'udp6', host: string, port: number) =>
      new Promise<dgram.Socket>((ok, fail) => {
        const linux = process.platform === 'linux';
        const s = dgram.createSocket({ type, reusePort: linux, reuseAddr: !linux, ipv6Only: false });
        s.once('error', fail);
        s.bind(port, host, () => ok(s));
      });
    const ours = await bindReused('udp6', '::', 0);
    const port = ours.address().port;
    const theirs = await bindReused('udp4', '127.0.0.1', port);
    const held: Held = { protocol: 'udp', host: '::', port, socket: ours, close: () => close(ours) };
    return { held, theirs };
  }

  it('reports a UDP port that another program holds on 127.0.0.1, though the wildcard bind succeeded', async () => {
    const { held, theirs } = await udpWildcardBesideLoopback();
    expect(await confirmLoopback(held)).toBe(false);
    await close(theirs);
    expect(await confirmLoopback(held)).toBe(true);
    await held.close();
  });

  it('confirms UDP batches too, and the ports still bind for UDP', async () => {
    const { ports } = await allocatePorts({ count: 5, protocols: ['udp'], confirmLoopback: true });
    for (const port of ports) await close(await bindUdp(port));
  });
});

describe('the addresses each port is bound on, per OS', () => {
  const ipv6 = () => true;

  it("holds TCP ports on macOS on 0.0.0.0 first (the kernel's choice there sees IPv4 connections and TIME_WAIT), then on the dual-stack ::", () => {
    expect(bindPairs(['tcp'], [], 'darwin', ipv6)).toEqual([
      { protocol: 'tcp', host: '0.0.0.0' },
      { protocol: 'tcp', host: '' },
    ]);
    expect(bindPairs(['tcp'], ['::'], 'darwin', ipv6)).toEqual([
      { protocol: 'tcp', host: '0.0.0.0' },
      { protocol: 'tcp', host: '::' },
    ]);
    // 0.0.0.0 first whatever the order of the protocols: the first pair is where the kernel chooses.
    expect(bindPairs(['udp', 'tcp'], [], 'darwin', ipv6)).toEqual([
      { protocol: 'tcp', host: '0.0.0.0' },
      { protocol: 'udp', host: '' },
      { protocol: 'tcp', host: '' },
    ]);
  });

  it('binds every address once elsewhere, for UDP, for addresses without the dual-stack wildcard, and without IPv6', () => {
    for (const platform of ['linux', 'win32'] as const)
      expect(bindPairs(['tcp'], [], platform, ipv6)).toEqual([{ protocol: 'tcp', host: '' }]);
    expect(bindPairs(['udp'], [], 'darwin', ipv6)).toEqual([{ protocol: 'udp', host: '' }]);
    expect(bindPairs(['tcp'], ['127.0.0.1', '::1'], 'darwin', ipv6)).toEqual([
      { protocol: 'tcp', host: '127.0.0.1' },
      { protocol: 'tcp', host: '::1' },
    ]);
    // Without IPv6 every address is 0.0.0.0 already.
    expect(bindPairs(['tcp'], [], 'darwin', () => false)).toEqual([{ protocol: 'tcp', host: '' }]);
  });
});

describe('every address means dual-stack ::', () => {
  it('does not count a port free when IPv6 refuses it with an error other than "in use"', async () => {
    // Windows keeps separate IPv4 and IPv6 excluded ranges: a port can fail with EACCES on :: alone.
    // Linux cannot refuse one family that way, so the refusal is injected where the socket is bound:
    // a bind on "::" by name fails, and one without a host gets what Node's fallback gives then, 0.0.0.0.
    const free = await allocatePorts({ count: 1 });
    const [port] = free.ports;
    const realListen = net.Server.prototype.listen;
    const spy = vi.spyOn(net.Server.prototype, 'listen').mockImplementation(function (this: net.Server, ...args: unknown[]) {
      const options = args[0] as net.ListenOptions;
      if (typeof options === 'object' && options.port === port && options.host === '::') {
        const error = Object.assign(new Error(`listen EACCES: permission denied :::${port}`), { code: 'EACCES' });
        process.nextTick(() => this.emit('error', error));
        return this;
      }
      // Without a host Node tries "::" and, on any error, binds "0.0.0.0" instead: what it does here.
      if (typeof options === 'object' && options.port === port && options.host === undefined) {
        return realListen.apply(this, [{ ...options, host: '0.0.0.0' }, ...args.slice(1)] as Parameters<typeof realListen>);
      }
      return realListen.apply(this, args as Parameters<typeof realListen>);
    });
    try {
      await expect(allocatePorts({ count: 1, range: { low: port, high: port } })).rejects.toThrow(
        /Only 0 of the 1 port asked for is free in range/,
      );
    } finally {
      spy.mockRestore();
    }
  });

  it('does not count a port free when only its IPv6 side is taken', async () => {
    const v6only = await new Promise<net.Server>((ok) => {
      const s = net.createServer();
      s.listen({ host: '::', port: 0, ipv6Only: true }, () => ok(s));
    });
    const port = (v6only.address() as net.AddressInfo).port;
    try {
      await expect(allocatePorts({ count: 1, range: { low: port, high: port } })).rejects.toThrow(
        /Only 0 of the 1 port asked for is free in range/,
      );
    } finally {
      await close(v6only);
    }
  });
});

const netsh = (name: string) => fixture(name);

describe('the ephemeral range', () => {
  it('reads netsh dynamicport output by its numbers, in any language', () => {
    expect(parseDynamicPortRange(netsh('dynamicport-en.txt'))).toEqual({ low: 49152, high: 65535 });
    expect(parseDynamicPortRange(netsh('dynamicport-de.txt'))).toEqual({ low: 10000, high: 10999 });
    expect(parseDynamicPortRange(netsh('dynamicport-ja.txt'))).toEqual({ low: 50000, high: 50254 });
    expect(() => parseDynamicPortRange('')).toThrow();
  });

  it('asks netsh on Windows and sysctl on macOS, by absolute path, and falls back to 49152-65535', () => {
    const asked: string[] = [];
    const answer = (out: string) => (file: string, args: string[]) => {
      asked.push(`${file} ${args.join(' ')}`);
      return out;
    };
    expect(ephemeralRange('win32', answer(netsh('dynamicport-de.txt')))).toEqual({ low: 10000, high: 10999 });
    expect(ephemeralRange('darwin', answer('20000\n29999\n'))).toEqual({ low: 20000, high: 29999 });
    expect(asked[0]).toMatch(/^[A-Z]:\\Windows\\System32\\netsh\.exe int ipv4 show dynamicport tcp$/i);
    expect(asked[1]).toBe('/usr/sbin/sysctl -n net.inet.ip.portrange.first net.inet.ip.portrange.last');
    const fails = () => {
      throw new Error('no such program');
    };
    expect(ephemeralRange('darwin', fails)).toEqual(IANA_DYNAMIC);
    expect(ephemeralRange('win32', answer(''))).toEqual(IANA_DYNAMIC);
    expect(ephemeralRange('darwin', answer('0\n70000\n'))).toEqual(IANA_DYNAMIC);
  });

  it('draws a contiguous block from the range the kernel really uses', async () => {
    const range = ephemeralRange();
    const { ports } = await allocatePorts({ count: 3, contiguous: true });
    expect(ports.every((p) => p >= range.low && p <= range.high)).toBe(true);
  });
});

describe('per-OS rules of the inputs', () => {
  it('asks for privilege below 1024 on a specific address on macOS, but not on the wildcard', () => {
    expect(privilegedPortsAllowed(['127.0.0.1'], 'darwin', false)(80)).toBe(false);
    expect(privilegedPortsAllowed(['127.0.0.1'], 'darwin', false)(1024)).toBe(true);
    expect(privilegedPortsAllowed([], 'darwin', false)(80)).toBe(true);
    expect(privilegedPortsAllowed(['::'], 'darwin', false)(80)).toBe(true);
    expect(privilegedPortsAllowed(['127.0.0.1'], 'darwin', true)(80)).toBe(true);
    expect(privilegedPortsAllowed(['127.0.0.1'], 'win32', false)(80)).toBe(true);
  });

  it("refuses reserve: holder on Windows, where it would keep the job's own servers off the ports", () => {
    expect(reserveProblem('holder', { platform: 'win32' })).toMatch(/^holder is not available on Windows/);
    expect(reserveProblem('holder', { platform: 'darwin' })).toBeUndefined();
  });

  it('refuses reserve: time-wait on Windows, where TIME_WAIT does not keep other programs off a port', () => {
    expect(reserveProblem('time-wait', { platform: 'win32' })).toMatch(/^time-wait is not available on Windows/);
    expect(reserveProblem('time-wait', { platform: 'darwin' })).toBeUndefined();
  });
});

import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allocatePorts } from '../src/allocator/allocate-ports.ts';
import { confirmLoopback } from '../src/allocator/confirm-loopback.ts';
import type { Held } from '../src/allocator/sockets.ts';
import { parseExcludedRanges, windowsExcludedPorts } from '../src/platform/windows-excluded.ts';
import { close } from './helpers/servers.ts';

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
    expect(asked.every((a) => a.startsWith('netsh interface'))).toBe(true);
    expect([5357, 1100, 50000, 61099].every((p) => set.has(p))).toBe(true);
    expect(set.has(5358)).toBe(false);
  });
});

describe('loopback confirmation (for macOS and Windows)', () => {
  /** A wildcard socket held like the allocator holds it, and another program's 127.0.0.1 listener on the same port beside it: SO_REUSEPORT lets Linux show what macOS and Windows allow. */
  async function wildcardBesideLoopback() {
    const listenOn = (host: string, port: number) =>
      new Promise<net.Server>((ok, fail) => {
        const s = net.createServer((socket) => socket.end('theirs'));
        s.once('error', fail);
        s.listen({ host, port, reusePort: true, ipv6Only: false }, () => ok(s));
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

  it('confirms the ports of a whole batch when asked, and they still bind', async () => {
    const { ports } = await allocatePorts({ count: 10, confirmLoopback: true });
    expect(new Set(ports).size).toBe(10);
  });
});

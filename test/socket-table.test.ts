import { readFileSync } from 'node:fs';
import dgram from 'node:dgram';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { need } from './harness/needs.ts';
import { parseLsof, parseNetstat, parseProcNet, procAddress, readProcNet, type PortSocket } from '../src/platform/socket-table.ts';
import { parseHelperLines, SockDiag } from '../src/platform/sock-diag.ts';
import { openSocketReader } from '../src/platform/socket-readers.ts';
import { bindUdp, close, listen } from './helpers/servers.ts';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures/sockets', name), 'utf8');
const endpoints = (sockets: PortSocket[]) => sockets.map((s) => `${s.protocol} ${s.address} ${s.port}`).sort();

const open: (net.Server | dgram.Socket)[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map(close));
});

describe('Linux /proc/net (captured in a namespace, uid 1001)', () => {
  it('lists the TCP listeners on every address and leaves connections out', () => {
    const tcp = [...parseProcNet(fixture('proc-net-tcp.txt'), 'tcp'), ...parseProcNet(fixture('proc-net-tcp6.txt'), 'tcp')];
    expect(endpoints(tcp)).toEqual([
      'tcp 0.0.0.0 41005',
      'tcp 127.0.0.1 41001',
      'tcp 127.0.0.2 41006',
      'tcp :: 41003',
      'tcp :: 41004',
      'tcp ::1 41002',
    ]);
    expect(new Set(tcp.map((s) => s.uid))).toEqual(new Set([1001]));
    expect(tcp.every((s) => s.inode! > 0 && s.pid === null)).toBe(true);
  });

  it('lists every bound UDP socket, IPv4 and IPv6', () => {
    const udp = [...parseProcNet(fixture('proc-net-udp.txt'), 'udp'), ...parseProcNet(fixture('proc-net-udp6.txt'), 'udp')];
    expect(endpoints(udp)).toEqual(['udp 127.0.0.1 41007', 'udp :: 41008']);
  });

  it('decodes addresses in host byte order and skips what does not fit', () => {
    expect(procAddress('0100007F')).toBe('127.0.0.1');
    expect(procAddress('00000000000000000000000001000000')).toBe('::1');
    expect(procAddress('0000000000000000FFFF00000100007F')).toBe('::ffff:7f00:1');
    expect(procAddress('zz')).toBeNull();
    const junk = 'header\n 0: 0100007F:ZZZZ 00000000:0000 0A x x x 0 0 1\n 1: garbage\n 2: 0100007F:0000 00000000:0000 0A 0 0 0 0 0 0 5\n';
    expect(parseProcNet(junk, 'tcp')).toEqual([]);
  });

  it('reads the live table: a listener on ::1 and a UDP socket on 127.0.0.1, with this account and their inodes', async (context) => {
    need(context, 'proc');
    const server = await listen(0, '::1');
    open.push(server);
    const port = (server.address() as net.AddressInfo).port;
    const udp = await bindUdp(0, '127.0.0.1');
    open.push(udp);
    const tcp = readProcNet('tcp').find((s) => s.port === port);
    expect(tcp).toMatchObject({ protocol: 'tcp', address: '::1', uid: process.getuid!() });
    expect(readlinkInodes()).toContain(tcp!.inode);
    expect(readProcNet('udp').find((s) => s.port === udp.address().port)).toMatchObject({ address: '127.0.0.1' });
  });
});

/** The socket inodes this process holds, from its own /proc/self/fd links. */
function readlinkInodes(): number[] {
  const fs = process.getBuiltinModule('node:fs');
  return fs
    .readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/self/fd/${fd}`))?.[1];
      } catch {
        return undefined;
      }
    })
    .filter(Boolean)
    .map(Number);
}

const portOf = (server: net.Server) => (server.address() as net.AddressInfo).port;

describe('Linux socket table helper (netlink sock_diag, /proc/net/udp)', () => {
  it('sees the same listeners as /proc/net/tcp, with uid and inode, and no socket that only connects', async (context) => {
    need(context, 'proc');
    const [v4, v6] = [await listen(0, '127.0.0.1'), await listen(0, '::1')];
    open.push(v4, v6);
    const client = net.connect(portOf(v4), '127.0.0.1');
    await new Promise((r) => client.once('connect', r));
    const diag = new SockDiag();
    try {
      const sockets = await diag.look({ tcp: [portOf(v4), portOf(v6), client.localPort!], udp: [] });
      expect(sockets, 'the helper could not serve: is /usr/bin/perl there?').toBeDefined();
      const fromProc = readProcNet('tcp');
      expect(sockets).toEqual([v4, v6].map((server) => fromProc.find((s) => s.port === portOf(server))));
    } finally {
      client.destroy();
      diag.close();
    }
  });

  it('watches until a listener appears or goes, and a look answers a watch at once', async (context) => {
    need(context, 'proc');
    const probe = await listen(0, '127.0.0.1');
    const port = portOf(probe);
    await close(probe); // a port nothing listens on
    const diag = new SockDiag();
    const schedule = { firstMs: [2], maxMs: 20 };
    try {
      expect(await diag.look({ tcp: [port], udp: [] })).toEqual([]);
      const appearing = diag.watch({ tcp: [port], udp: [] }, schedule);
      const server = await listen(port, '::1');
      open.push(server);
      expect(endpoints((await appearing)!)).toEqual([`tcp ::1 ${port}`]);
      // Nothing changes: the watch goes on until a look takes over and answers both.
      const unchanged = diag.watch({ tcp: [port], udp: [] }, schedule);
      await new Promise((r) => setTimeout(r, 100));
      const looked = await diag.look({ tcp: [port], udp: [] });
      expect(await unchanged).toEqual(looked);
      const going = diag.watch({ tcp: [port], udp: [] }, schedule);
      await close(open.splice(open.indexOf(server), 1)[0]);
      expect(await going).toEqual([]);
    } finally {
      diag.close();
    }
  });

  it('reads bound UDP sockets on IPv4 and IPv6', async (context) => {
    need(context, 'proc');
    const [v4, v6] = [await bindUdp(0, '127.0.0.1'), await bindUdp(0, '::1')];
    open.push(v4, v6);
    const diag = new SockDiag();
    try {
      const sockets = await diag.look({ tcp: [], udp: [v4.address().port, v6.address().port] });
      expect(endpoints(sockets!)).toEqual([`udp 127.0.0.1 ${v4.address().port}`, `udp ::1 ${v6.address().port}`].sort());
      expect(sockets![0]).toMatchObject({ uid: process.getuid!(), inode: expect.any(Number) });
    } finally {
      diag.close();
    }
  });

  it('reads only well-formed helper lines', () => {
    const lines = [
      'tcp 127.0.0.1 8080 1001 4242',
      'udp ::1 8081 0 17',
      'tcp rm -rf / 1 2',
      'tcp 127.0.0.1 70000 0 1',
      'sctp 127.0.0.1 80 0 1',
    ];
    expect(endpoints(parseHelperLines(lines))).toEqual(['tcp 127.0.0.1 8080', 'udp ::1 8081']);
    expect(parseHelperLines(lines)[0]).toMatchObject({ uid: 1001, inode: 4242 });
  });

  it('the Linux reader answers for TCP and UDP in one read', async (context) => {
    need(context, 'proc');
    const server = await listen(0, '127.0.0.1');
    const udp = await bindUdp(0, '::1');
    open.push(server, udp);
    const reader = openSocketReader('linux');
    try {
      const sockets = await reader.read({ tcp: [portOf(server)], udp: [udp.address().port] });
      expect(endpoints(sockets)).toEqual([`tcp 127.0.0.1 ${portOf(server)}`, `udp ::1 ${udp.address().port}`]);
      expect(reader.source).toMatch(/netlink/);
    } finally {
      reader.close();
    }
  });
});

describe('macOS lsof field output', () => {
  it('reads listeners and UDP sockets with their pid, command, uid and login (captured with lsof 4.95)', () => {
    const sockets = parseLsof(fixture('lsof-linux-4.95.txt'));
    expect(endpoints(sockets)).toEqual([
      'tcp * 41003',
      'tcp * 41004',
      'tcp * 41005',
      'tcp 127.0.0.1 41001',
      'tcp 127.0.0.2 41006',
      'tcp ::1 41002',
      'udp * 41008',
      'udp 127.0.0.1 41007',
    ]);
    expect(new Set(sockets.map((s) => `${s.pid} ${s.command} ${s.uid} ${s.account}`)).size).toBe(1);
    expect(sockets[0]).toMatchObject({ command: 'MainThread', uid: 1001, account: 'pz-test-1', inode: null });
  });

  it('leaves out connections, connected UDP sockets and TCP sockets in other states (documented format)', () => {
    const sockets = parseLsof(fixture('lsof-macos.txt'));
    expect(sockets.map((s) => `${s.protocol} ${s.address} ${s.port} ${s.pid} ${s.command} ${s.account}`)).toEqual([
      'tcp * 3000 612 node runner',
      'tcp ::1 3001 612 node runner',
      'udp 127.0.0.1 5353 701 python3.12 root',
    ]);
  });
});

describe('Windows netstat -ano', () => {
  it('reads listeners and UDP sockets with their pid (captured on an English Windows)', () => {
    const sockets = parseNetstat(fixture('netstat-ano-en.txt'));
    expect(sockets.filter((s) => s.port === 9256).map((s) => `${s.protocol} ${s.address} ${s.pid}`)).toEqual([
      'tcp 10.10.10.74 2708',
      'udp 10.10.10.74 2708',
    ]);
    expect(sockets.some((s) => s.port === 49158)).toBe(false); // an established connection's local port
    expect(sockets.find((s) => s.port === 52362)).toMatchObject({ protocol: 'udp', address: '::1', pid: 3348 });
    expect(sockets).toHaveLength(17);
  });

  it('tells listeners by their foreign address, not by the translated State column', () => {
    const sockets = parseNetstat(fixture('netstat-ano-de.txt'));
    expect(sockets.map((s) => `${s.protocol} ${s.address} ${s.port} ${s.pid}`)).toEqual([
      'tcp 0.0.0.0 135 1044',
      'tcp 127.0.0.1 3000 14280',
      'tcp ::1 3000 14280',
      'udp ::1 5353 9124',
    ]);
  });
});

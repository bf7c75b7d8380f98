import { readFileSync } from 'node:fs';
import dgram from 'node:dgram';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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

  it.skipIf(process.platform !== 'linux')(
    'reads the live table: a listener on ::1 and a UDP socket on 127.0.0.1, with this account and their inodes',
    async () => {
      const server = await listen(0, '::1');
      open.push(server);
      const port = (server.address() as net.AddressInfo).port;
      const udp = await bindUdp(0, '127.0.0.1');
      open.push(udp);
      const tcp = readProcNet('tcp').find((s) => s.port === port);
      expect(tcp).toMatchObject({ protocol: 'tcp', address: '::1', uid: process.getuid!() });
      expect(readlinkInodes()).toContain(tcp!.inode);
      expect(readProcNet('udp').find((s) => s.port === udp.address().port)).toMatchObject({ address: '127.0.0.1' });
    },
  );
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

describe('Linux netlink sock_diag helper', () => {
  it.skipIf(process.platform !== 'linux')(
    'sees the same listeners as /proc/net/tcp, with uid and inode, and none that only connect',
    async () => {
      const v4 = await listen(0, '127.0.0.1');
      const v6 = await listen(0, '::1');
      open.push(v4, v6);
      const client = net.connect((v4.address() as net.AddressInfo).port, '127.0.0.1');
      await new Promise((r) => client.once('connect', r));
      const diag = new SockDiag();
      try {
        const sockets = await diag.listeners();
        expect(sockets, 'the helper could not serve: is /usr/bin/perl there?').toBeDefined();
        const fromProc = readProcNet('tcp');
        for (const server of [v4, v6]) {
          const port = (server.address() as net.AddressInfo).port;
          const seen = sockets!.filter((s) => s.port === port);
          expect(seen).toHaveLength(1);
          expect(seen[0]).toEqual(fromProc.find((s) => s.port === port));
        }
        expect(sockets!.some((s) => s.port === client.localPort)).toBe(false);
        // A second request on the same helper sees a listener closed since.
        const port = (v6.address() as net.AddressInfo).port;
        await close(open.splice(open.indexOf(v6), 1)[0]);
        expect((await diag.listeners())!.some((s) => s.port === port)).toBe(false);
      } finally {
        client.destroy();
        diag.close();
      }
    },
  );

  it('reads only well-formed helper lines', () => {
    const lines = ['127.0.0.1 8080 1001 4242', '::1 8081 0 17', 'rm -rf / 1 2 3', '127.0.0.1 70000 0 1', '127.0.0.1 80 x 1'];
    expect(endpoints(parseHelperLines(lines))).toEqual(['tcp 127.0.0.1 8080', 'tcp ::1 8081']);
    expect(parseHelperLines(lines)[0]).toMatchObject({ uid: 1001, inode: 4242 });
  });

  it.skipIf(process.platform !== 'linux')('the Linux reader answers for TCP and UDP in one read', async () => {
    const server = await listen(0, '127.0.0.1');
    const udp = await bindUdp(0, '::1');
    open.push(server, udp);
    const reader = openSocketReader('linux');
    try {
      const sockets = await reader.read(new Set(['tcp', 'udp']), []);
      expect(sockets.some((s) => s.protocol === 'tcp' && s.port === (server.address() as net.AddressInfo).port)).toBe(true);
      expect(sockets.some((s) => s.protocol === 'udp' && s.port === udp.address().port && s.address === '::1')).toBe(true);
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

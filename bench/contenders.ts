/** Everything the benchmark times: Port Zero's allocator in each mode, the plain batch floor, and the libraries people use. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import detectPort from 'detect-port';
import { findFreePorts } from 'find-free-ports';
import getPort from 'get-port';
import { getRandomPort } from 'get-port-please';
import portfinder from 'portfinder';
import { ACTION_VOCABULARY } from '../src/errors.ts';
import { allocatePorts } from '../src/allocator/allocate-ports.ts';
import { PortSet } from '../src/ports/port-set.ts';
import { identify } from '../src/platform/process-identity.ts';
import { chooseReserve, reserveProblem } from '../src/protection/choose-protection.ts';
import type { ReserveSetting } from '../src/protection/protection.ts';
import { defaultNames } from '../src/session/naming.ts';
import { DEFAULT_REQUEST, type PortRequest } from '../src/session/request.ts';
import { openSession } from '../src/session/session.ts';

export type Contender = (n: number) => Promise<number[]>;

/**
 * Port Zero's modes, as the action's `reserve` input names them. Adding a mode is
 * one entry here: the allocation tables, the targets, the whole-step table and the
 * every-address storm all iterate over this list. A mode this build does not know
 * (the input parser refuses it) is reported as such, not measured.
 */
export interface PortZeroMode {
  name: string;
  /** The action's `reserve` input. */
  reserve: string;
  /** Leases in a fresh directory, as the action takes them. */
  leases: boolean;
  /** Measured only as the whole step: the mode's work is a process that outlives it. */
  stepOnly?: boolean;
}

export const PORT_ZERO_MODES: readonly PortZeroMode[] = [
  { name: 'port-zero (default)', reserve: 'auto', leases: true },
  { name: 'port-zero (reserve kernel)', reserve: 'kernel', leases: true },
  { name: 'port-zero (reserve time-wait)', reserve: 'time-wait', leases: true },
  { name: 'port-zero (reserve holder)', reserve: 'holder', leases: true, stepOnly: true },
  { name: 'port-zero (reserve none, no leases)', reserve: 'none', leases: false },
];

/** The mode `reserve` stands for in this build ('auto' resolved), or undefined when the action refuses it. */
export function resolveMode(reserve: string): string | undefined {
  return reserveProblem(reserve) === undefined ? chooseReserve(reserve as ReserveSetting).mode : undefined;
}

/** The floor: bind every socket on 127.0.0.1, hold them all, read the ports, close them all. */
async function plainBatch(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<net.Server>((ok) => {
          const s = net.createServer();
          s.listen(0, '127.0.0.1', () => ok(s));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((ok) => s.close(ok))));
  return ports;
}

/** Binds n ports on :: (dual-stack), as Port Zero's default batch, and holds them. */
function bindDualStack(n: number): Promise<net.Server[]> {
  return Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<net.Server>((ok, fail) => {
          const s = net.createServer().once('error', fail);
          s.listen({ port: 0, host: '::', ipv6Only: false, exclusive: true }, () => ok(s));
        }),
    ),
  );
}

const portOf = (s: net.Server) => (s.address() as net.AddressInfo).port;

/** A TCP self-connection from and to address:port in Node; destroyed once connected, it leaves TIME_WAIT. */
function nodeSelfConnect(address: string, port: number): Promise<void> {
  return new Promise((ok, fail) => {
    const socket = net.connect({ host: address, port, localAddress: address, localPort: port }, () => ok(void socket.destroy()));
    socket.once('error', fail);
  });
}

/**
 * The floors of `reserve: time-wait`: the batch bound on ::, then each listener
 * closed and a self-connection made on 127.0.0.1 and on ::1 from and to its port,
 * with no Port Zero code. "Node": with Node's sockets, 256 ports at a time.
 * "kernel": by one perl process (bench/self-connect-floor.pl, a sequential loop,
 * timed from its start), started before the listeners close and given 128 ports
 * at a time as they close: what the work costs at the kernel's own speed.
 */
/**
 * The default mode's work with none of Port Zero's code: bind the batch on `::` and hold
 * it, write the reserved-port list as read plus these ports (as root in a namespace of its
 * own; elsewhere the list cannot be written and this step is left out), write one lease
 * file listing them and read its directory, close the batch.
 */
async function kernelListFloor(n: number): Promise<number[]> {
  const servers = await bindDualStack(n);
  const ports = servers.map(portOf);
  const list = '/proc/sys/net/ipv4/ip_local_reserved_ports';
  if (process.env.PORT_ZERO_BENCH_NAMESPACE === '1') {
    const fd = fs.openSync(list, 'r');
    const buffer = Buffer.allocUnsafe(1 << 19);
    const listed = buffer.toString('utf8', 0, fs.readSync(fd, buffer, 0, buffer.length, 0)).trim();
    fs.closeSync(fd);
    fs.writeFileSync(list, `${listed}${listed ? ',' : ''}${ports.join(',')}\n`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-bench-floor-'));
  fs.writeFileSync(path.join(dir, 'lease.json'), JSON.stringify({ ports: ports.join(' ') }));
  fs.readdirSync(dir);
  await Promise.all(servers.map((s) => new Promise((ok) => s.close(ok))));
  return ports;
}

export const DEFAULT_FLOOR = 'kernel-list floor (bind, list, one lease file)';

export const WORK_FLOORS: Record<string, Contender> = {
  [DEFAULT_FLOOR]: kernelListFloor,
  'self-connect floor (Node)': async (n) => {
    const servers = await bindDualStack(n);
    const ports = servers.map(portOf);
    for (let i = 0; i < n; i += 256) {
      await Promise.all(
        servers.slice(i, i + 256).map((s, j) => {
          s.close();
          return Promise.all(['127.0.0.1', '::1'].map((address) => nodeSelfConnect(address, ports[i + j])));
        }),
      );
    }
    return ports;
  },
  'self-connect floor (kernel)': async (n) => {
    const servers = await bindDualStack(n);
    const ports = servers.map(portOf);
    const perl = spawn('/usr/bin/perl', [path.join(import.meta.dirname, 'self-connect-floor.pl')], {
      stdio: ['pipe', 'ignore', 'inherit'],
    });
    const ended = new Promise<number | null>((ok, fail) => perl.once('error', fail).once('close', ok));
    for (let i = 0; i < n; i += 128) {
      for (const s of servers.slice(i, i + 128)) s.close();
      perl.stdin.write(`${ports.slice(i, i + 128).join(' ')}\n`);
    }
    perl.stdin.end();
    if ((await ended) !== 0) throw new Error('the self-connect floor failed');
    return ports;
  },
};

/**
 * Port Zero as the action runs it in `mode`: one session, with leases in a fresh
 * directory when the mode has them. The holder is a process of the whole step
 * (stepOnly), so no mode here starts one; what the session leaves (kernel-list entries)
 * goes with the run's network namespace.
 */
function portZero(mode: PortZeroMode, request: Partial<Pick<PortRequest, 'range' | 'exclude'>> = {}): Contender {
  return async (n) => {
    if (resolveMode(mode.reserve) === undefined) throw new Error(`reserve: ${mode.reserve} is not in this build`);
    if (!mode.leases) return (await allocatePorts({ ...request, count: n })).ports;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-bench-leases-'));
    const session = await openSession(
      {
        ...DEFAULT_REQUEST,
        ...request,
        names: defaultNames(n),
        named: false,
        reserve: mode.reserve as ReserveSetting,
        leaseDir: path.join(dir, 'leases'),
      },
      { vocabulary: ACTION_VOCABULARY, owner: identify(process.pid), postStep: true, log: { debug: () => {}, warn: () => {} } },
    );
    return [...session.ports];
  };
}

async function loop(n: number, next: () => Promise<number>): Promise<number[]> {
  const ports: number[] = [];
  for (let i = 0; i < n; i++) ports.push(await next());
  return ports;
}

/** The ephemeral range of this network namespace, read where the kernel keeps it (Linux). */
export function linuxEphemeralRange(): { low: number; high: number } {
  const [low, high] = fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
  return { low, high };
}

/** A narrow request: every port of the ephemeral range but its last NARROW_SPAN excluded, or those ports as a range. */
export const NARROW_SPAN = 1000;
function narrowRequest(as: 'exclude' | 'range'): Partial<Pick<PortRequest, 'range' | 'exclude'>> {
  const { low, high } = linuxEphemeralRange();
  const allowed = { low: high - NARROW_SPAN + 1, high };
  return as === 'range' ? { range: allowed } : { exclude: new PortSet([{ low, high: allowed.low - 1 }]) };
}
const NONE = PORT_ZERO_MODES.find((m) => m.reserve === 'none')!;

export const LIBRARIES: Record<string, Contender> = {
  'plain batch (floor)': plainBatch,
  'get-port loop': (n) => loop(n, () => getPort()),
  'portfinder.getPortsPromise': (n) => portfinder.getPortsPromise(n),
  'find-free-ports': (n) => findFreePorts(n),
  'detect-port loop': (n) => loop(n, () => detectPort(0)),
  'get-port-please random loop': (n) => loop(n, () => getRandomPort()),
};

/** Port Zero's modes that run as a library call (the holder is a process of the whole step), then the libraries. */
export const CONTENDERS: Record<string, Contender> = {
  ...Object.fromEntries(PORT_ZERO_MODES.filter((m) => !m.stepOnly).map((m) => [m.name, portZero(m)])),
  ...LIBRARIES,
  ...WORK_FLOORS,
  [`narrow request: exclude all but ${NARROW_SPAN} ports of the ephemeral range`]: (n) => portZero(NONE, narrowRequest('exclude'))(n),
  [`narrow request: the same ${NARROW_SPAN} ports as a range`]: (n) => portZero(NONE, narrowRequest('range'))(n),
};

/**
 * Warm-ups that take the same code path without reserving: their TIME_WAIT or
 * kernel-list entries would slow the timed call.
 */
export function warmUp(name: string): Contender {
  if (name in WORK_FLOORS) return async (n) => (await bindDualStack(n)).map((s) => [portOf(s), s.close()][0] as number);
  const mode = PORT_ZERO_MODES.find((m) => m.name === name);
  return mode && mode.reserve !== 'none' ? portZero({ ...mode, reserve: 'none' }) : CONTENDERS[name];
}

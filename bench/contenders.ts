/** Everything the benchmark times: Port Zero's allocator, the plain batch floor, and the libraries people use. */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import detectPort from 'detect-port';
import { findFreePorts } from 'find-free-ports';
import getPort from 'get-port';
import { getRandomPort } from 'get-port-please';
import portfinder from 'portfinder';
import { allocatePorts } from '../src/allocator/allocate-ports.ts';
import { identify } from '../src/platform/process-identity.ts';
import { openLeaseLocation } from '../src/protection/lease-location.ts';
import { LeaseBook, newOwner } from '../src/protection/leases.ts';

export type Contender = (n: number) => Promise<number[]>;

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

/** Port Zero as the action runs it: leases in a fresh directory, TIME_WAIT reservation. */
async function portZeroDefault(n: number): Promise<number[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-bench-leases-'));
  const location = openLeaseLocation(path.join(dir, 'leases'), true);
  const leases = new LeaseBook({ location, owner: newOwner(identify(process.pid)), ttlMs: 60_000 });
  const { ports } = await allocatePorts({ count: n, claim: leases.claim, reserve: 'time-wait' });
  leases.close();
  return ports;
}

async function loop(n: number, next: () => Promise<number>): Promise<number[]> {
  const ports: number[] = [];
  for (let i = 0; i < n; i++) ports.push(await next());
  return ports;
}

export const CONTENDERS: Record<string, Contender> = {
  'port-zero (default)': portZeroDefault,
  'port-zero (reserve none, no leases)': async (n) => (await allocatePorts({ count: n, reserve: 'none' })).ports,
  'plain batch (floor)': plainBatch,
  'get-port loop': (n) => loop(n, () => getPort()),
  'portfinder.getPortsPromise': (n) => portfinder.getPortsPromise(n),
  'find-free-ports': (n) => findFreePorts(n),
  'detect-port loop': (n) => loop(n, () => detectPort(0)),
  'get-port-please random loop': (n) => loop(n, () => getRandomPort()),
};

/** Warm-ups that take the same code path without reserving: their TIME_WAIT entries would slow the timed call. */
export const WARM_UPS: Record<string, Contender> = {
  'port-zero (default)': async (n) => (await allocatePorts({ count: n, reserve: 'none' })).ports,
};

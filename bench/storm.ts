/**
 * The every-address storm, for one contender, inside a fresh network namespace
 * (npm run bench starts it there): narrow the ephemeral range, let the contender
 * hand out ports, then let another program bind port 0 on ::1 until the kernel
 * has no port left for it, holding all it gets, and let them all go; then the
 * same on 127.0.0.1, and on :: (dual-stack). Prints JSON: the ports handed out,
 * how many lay in the range, and which of them the other program got on each
 * address.
 *
 *   node bench/storm.ts <contender or Port Zero mode name>
 *
 * Port Zero's modes run as the whole action step (so the holder mode runs its
 * holder), followed by the post step once the storm is over.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { runStep } from '../test/harness/action-runner.ts';
import { LIBRARIES, linuxEphemeralRange, PORT_ZERO_MODES } from './contenders.ts';

/** Small enough that the other program exhausts it in well under a second. */
export const STORM_RANGE = { low: 40000, high: 40199 };
export const STORM_PORTS = 20;
export const STORM_ADDRESSES = ['::1', '127.0.0.1', '::'] as const;

export interface StormResult {
  handed: number[];
  inRange: number;
  /** Distinct handed ports the other program got, by the address it bound. */
  taken: Record<(typeof STORM_ADDRESSES)[number], number[]>;
  error?: string;
}

function listenZero(host: string): Promise<net.Server | undefined> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(undefined));
    server.listen({ host, port: 0, ipv6Only: false }, () => resolve(server));
  });
}

/** Binds port 0 on `host` until the kernel refuses, holding every server; returns the ports. */
async function exhaust(host: string, held: net.Server[]): Promise<Set<number>> {
  const ports = new Set<number>();
  for (let i = 0; i <= STORM_RANGE.high - STORM_RANGE.low; i++) {
    const server = await listenZero(host);
    if (!server) break;
    held.push(server);
    ports.add((server.address() as net.AddressInfo).port);
  }
  return ports;
}

async function handOut(name: string): Promise<{ ports: number[]; after: () => Promise<void> }> {
  const mode = PORT_ZERO_MODES.find((m) => m.name === name);
  if (!mode) return { ports: await LIBRARIES[name](STORM_PORTS), after: async () => {} };
  const leaseDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-storm-')), 'leases');
  const main = await runStep({ with: { count: String(STORM_PORTS), reserve: mode.reserve, 'lease-dir': leaseDir } });
  if (main.code !== 0)
    throw new Error(main.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? `the step exited with ${main.code}`);
  const ports = main.outputs.ports.split(' ').map(Number);
  return { ports, after: async () => void (await runStep({ entry: 'post', state: main.state, env: main.env })) };
}

export async function storm(name: string): Promise<StormResult> {
  fs.writeFileSync('/proc/sys/net/ipv4/ip_local_port_range', `${STORM_RANGE.low} ${STORM_RANGE.high}`);
  const { low, high } = linuxEphemeralRange();
  const { ports, after } = await handOut(name);
  const taken = {} as StormResult['taken'];
  try {
    for (const host of STORM_ADDRESSES) {
      const held: net.Server[] = [];
      try {
        const got = await exhaust(host, held);
        taken[host] = [...new Set(ports)].filter((p) => got.has(p));
      } finally {
        await Promise.all(held.map((s) => new Promise((ok) => s.close(ok))));
      }
    }
  } finally {
    await after();
  }
  return { handed: ports, inRange: ports.filter((p) => p >= low && p <= high).length, taken };
}

if (import.meta.main) {
  const name = process.argv[2];
  try {
    console.log(JSON.stringify(await storm(name)));
  } catch (error) {
    console.log(JSON.stringify({ handed: [], inRange: 0, taken: {}, error: (error as Error).message }));
  }
}

/**
 * The library as a test suite meets it: one warm process calling the built library
 * (dist/lib/index.js, what `port-zero` resolves to for a user) many times,
 * each call with its release, interleaved with get-port and with the call's floor (the
 * same work with none of Port Zero's code). Prints JSON: every call's time in ms by
 * contender, and the groups of names (see CallGroup). Run it in a fresh network
 * namespace (npm run bench does): every call leaves TIME_WAIT entries, which a shared
 * namespace would carry into the next run.
 *
 *   node bench/library-calls.ts <rounds> [warm-up rounds]
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import getPort from 'get-port';
// The file a user's `import { getPorts } from 'port-zero'` resolves to (package.json exports).
import { getPorts } from '../dist/lib/index.js';

type Call = () => Promise<unknown>;

/** Port Zero's call as the README shows it: ask, then give the ports back. */
function portZero(count: number): Call {
  return async () => {
    const { release } = await getPorts({ count });
    await release();
  };
}

/** `count` get-port calls one after another, as a suite asking for `count` ports does. */
function getPortLoop(count: number): Call {
  return async () => {
    for (let i = 0; i < count; i++) await getPort();
  };
}

/** One listener on `::` dual-stack, as Port Zero's default bind (no host, so no address lookup). */
function listen(): Promise<net.Server> {
  return new Promise((ok, fail) => {
    const server = net.createServer().once('error', fail);
    server.listen({ port: 0, exclusive: true }, () => ok(server));
  });
}

/** A TCP connection from and to address:port; destroyed once connected, it leaves TIME_WAIT. */
function selfConnect(address: string, port: number): Promise<void> {
  return new Promise((ok, fail) => {
    const socket = net.connect({ host: address, port, localAddress: address, localPort: port }, () => ok(void socket.destroy()));
    socket.once('error', fail);
  });
}

/**
 * The call's work with none of Port Zero's code: bind `count` ports on `::` and hold them,
 * write one lease record listing them and read its directory, close each listener and
 * leave its port in TIME_WAIT on 127.0.0.1 and ::1, then remove the record (the release).
 */
function floor(count: number): Call {
  let dir: string | undefined;
  return async () => {
    dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-bench-library-floor-'));
    const record = path.join(dir, 'lease.json');
    const servers = await Promise.all(Array.from({ length: count }, listen));
    const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
    fs.writeFileSync(record, JSON.stringify({ ports: ports.join(' ') }));
    fs.readdirSync(dir);
    for (const s of servers) s.close();
    await Promise.all(ports.flatMap((port) => ['127.0.0.1', '::1'].map((address) => selfConnect(address, port))));
    fs.unlinkSync(record);
  };
}

/** One size of call: Port Zero's, its peer (get-port as often), and its floor, by the names the results use. */
export interface CallGroup {
  count: number;
  portZero: string;
  getPort: string;
  floor: string;
}

const group = (count: number): CallGroup => ({
  count,
  portZero: `getPorts({ count: ${count} }) and its release`,
  getPort: count === 1 ? 'get-port, one call' : `get-port loop of ${count}`,
  floor: `floor: the same work, no Port Zero code (${count} ${count === 1 ? 'port' : 'ports'})`,
});

export const CALL_GROUPS: readonly CallGroup[] = [group(1), group(10)];

/** What the benchmark times, by the name it reports. */
export const LIBRARY_CALLS: Record<string, Call> = Object.fromEntries(
  CALL_GROUPS.flatMap((g) => [
    [g.portZero, portZero(g.count)],
    [g.getPort, getPortLoop(g.count)],
    [g.floor, floor(g.count)],
  ]),
);

/**
 * `rounds` rounds after `warmUp` untimed ones; each round calls every contender once,
 * starting one further along the list each time, so no contender always follows the same one.
 */
export async function libraryCalls(rounds: number, warmUp: number): Promise<LibraryCalls> {
  const entries = Object.entries(LIBRARY_CALLS);
  const times: Record<string, number[]> = Object.fromEntries(entries.map(([name]) => [name, []]));
  for (let round = -warmUp; round < rounds; round++) {
    for (let i = 0; i < entries.length; i++) {
      const [name, call] = entries[(i + Math.max(round, 0)) % entries.length];
      const start = performance.now();
      await call();
      if (round >= 0) times[name].push(performance.now() - start);
    }
  }
  return { groups: CALL_GROUPS, times };
}

/** What one process measured: the groups it timed, and every call's time in ms by name. */
export interface LibraryCalls {
  groups: readonly CallGroup[];
  times: Record<string, number[]>;
}

if (import.meta.main) console.log(JSON.stringify(await libraryCalls(Number(process.argv[2] ?? 75), Number(process.argv[3] ?? 20))));

/**
 * The holder: a detached process that keeps each port owned after the action
 * exits, without listening on it. For each port it holds an established loopback
 * connection whose local port is that port: bind(0) anywhere on the host skips
 * it, while a server that sets SO_REUSEADDR still binds and listens on it.
 *
 * It lets a port go once a server listens on it, and exits when every port is
 * let go, when it is told to stop (SIGTERM), when the job's runner process
 * exits, or at its deadline.
 */
import net from 'node:net';
import { isListening } from '../platform/listeners.ts';
import { isRunning, type ProcessIdentity } from '../platform/process-identity.ts';

export interface HolderConfig {
  ports: number[];
  /** The loopback address to hold on. */
  host: string;
  /** Milliseconds since the epoch. */
  deadline: number;
  owner: ProcessIdentity;
  pollMs: number;
}

export interface HolderReady {
  held: number[];
  /** Ports that could not be held (a server was already listening, say). */
  missed: number[];
}

const held = new Map<number, net.Socket>();

function listen(host: string): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer((socket) => socket.on('error', () => {}));
    server.once('error', reject);
    server.listen({ host, port: 0 }, () => resolve(server));
  });
}

function hold(host: string, target: number, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: target, localAddress: host, localPort: port });
    socket.once('connect', () => {
      held.set(port, socket);
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function letGo(port: number) {
  held.get(port)?.destroy();
  held.delete(port);
}

async function watch(config: HolderConfig, server: net.Server) {
  const exit = () => {
    for (const port of [...held.keys()]) letGo(port);
    server.close();
    process.exit(0);
  };
  process.on('SIGTERM', exit);
  process.on('SIGINT', exit);
  for (;;) {
    await new Promise((r) => setTimeout(r, config.pollMs));
    if (Date.now() >= config.deadline || !isRunning(config.owner)) exit();
    for (const port of [...held.keys()]) if (await isListening(port)) letGo(port);
    if (held.size === 0) exit();
  }
}

async function main() {
  const config = JSON.parse(process.argv[2]) as HolderConfig;
  const server = await listen(config.host);
  const target = (server.address() as net.AddressInfo).port;
  const results = await Promise.all(config.ports.map((port) => hold(config.host, target, port)));
  const ready: HolderReady = {
    held: config.ports.filter((_, i) => results[i]),
    missed: config.ports.filter((_, i) => !results[i]),
  };
  process.send?.(ready);
  process.disconnect?.();
  await watch(config, server);
}

await main();

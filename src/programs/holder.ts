/**
 * The holder: a detached process that keeps each port owned after the action
 * exits, without listening on it. For each port it holds an established loopback
 * connection whose local port is that port: bind(0) on that address skips it,
 * while a server that sets SO_REUSEADDR (Node, Go, nginx...) still binds and
 * listens on it beside the connection, so nothing needs to watch for servers.
 *
 * Idle, it does nothing but wait: it wakes every `ownerCheckMs` to see whether the
 * job's runner process still runs, and at its deadline. It exits at the first of:
 * a stop request on its control channel, SIGTERM/SIGINT, the runner process gone
 * (where it could be seen), the deadline.
 *
 * Control channel: the server its held connections go to also takes stop requests.
 * A client sends `stop <token>\n`; the holder answers `stopped <pid>\n` and exits at
 * once. The token reaches the holder over the IPC channel it starts with (never on
 * its command line, which other accounts can read), so only the step that started it
 * can stop it, and an answer proves the process is this holder.
 */
import net from 'node:net';
import { isRunning, unseen } from '../platform/process-identity.ts';
import { stopAnswer, stopRequest, type HolderConfig, type HolderReady } from '../protection/holder-protocol.ts';

/** A request longer than this is not one: the connection is dropped. */
const MAX_REQUEST = 256;

const held: net.Socket[] = [];

function listen(host: string, token: string, exit: () => void): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer((socket) => {
      socket.on('error', () => {});
      let request = '';
      socket.on('data', (chunk) => {
        request += chunk.toString('latin1');
        if (request === stopRequest(token)) socket.end(stopAnswer(process.pid), exit);
        else if (request.includes('\n') || request.length > MAX_REQUEST) socket.destroy();
      });
    });
    server.once('error', reject);
    server.listen({ host, port: 0 }, () => resolve(server));
  });
}

function hold(host: string, target: number, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: target, localAddress: host, localPort: port });
    socket.once('connect', () => {
      held.push(socket);
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Resets every held connection (an RST leaves no TIME_WAIT on the ports) and ends the process. */
function exit(): never {
  for (const socket of held) socket.resetAndDestroy();
  process.exit(0);
}

/** Waits on events only: a timer for the owner check, one for the deadline, the control server. */
function watch(config: HolderConfig) {
  process.on('SIGTERM', exit);
  process.on('SIGINT', exit);
  setInterval(() => {
    // A runner that could not be seen (pid 0, a step started by `docker exec`): the post step or the deadline ends it.
    if (Date.now() >= config.deadline || (!unseen(config.owner) && !isRunning(config.owner))) exit();
  }, config.ownerCheckMs);
  setTimeout(exit, Math.min(Math.max(0, config.deadline - Date.now()), 2 ** 31 - 1));
}

async function main(config: HolderConfig) {
  const server = await listen(config.host, config.token, exit);
  const control = (server.address() as net.AddressInfo).port;
  const results = await Promise.all(config.ports.map((port) => hold(config.host, control, port)));
  const ready: HolderReady = {
    held: config.ports.filter((_, i) => results[i]),
    missed: config.ports.filter((_, i) => !results[i]),
    control,
  };
  watch(config);
  process.send?.(ready);
  process.disconnect?.();
}

process.once('message', (config: HolderConfig) => void main(config));

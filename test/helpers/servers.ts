import dgram from 'node:dgram';
import net from 'node:net';

/** Listens like a typical Node server (SO_REUSEADDR, as libuv always sets it); resolves with the server or rejects with the bind error. */
export function listen(port: number, host = '::'): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer((socket) => socket.end('hello\n'));
    server.once('error', reject);
    server.listen({ port, host, ipv6Only: false }, () => resolve(server));
  });
}

export function close(server: net.Server | dgram.Socket): Promise<void> {
  return new Promise((resolve) => {
    if (server instanceof net.Server) server.close(() => resolve());
    else server.close(() => resolve());
  });
}

export async function canListen(port: number, host = '::'): Promise<boolean> {
  try {
    await close(await listen(port, host));
    return true;
  } catch {
    return false;
  }
}

export function bindUdp(port: number, host = '::'): Promise<dgram.Socket> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket({ type: net.isIPv6(host) ? 'udp6' : 'udp4', ipv6Only: false });
    socket.once('error', reject);
    socket.bind(port, host, () => resolve(socket));
  });
}

/** Connects, reads the greeting, and resolves with it: proof that a real server answers. */
export function fetchGreeting(port: number, host = '127.0.0.1'): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host });
    let data = '';
    socket.on('data', (d) => (data += d));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

/** Open TCP listeners and UDP sockets of this process. */
export function openSockets(): number {
  return process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap' || r === 'UDPWrap').length;
}

/**
 * The count once it has stopped changing: a closed handle leaves the list a loop
 * turn after its close callback. Waiting can only hide a socket that really closes.
 */
export async function settledOpenSockets(): Promise<number> {
  let last = -1;
  for (let stable = 0; stable < 3;) {
    await new Promise((r) => setTimeout(r, 10));
    const now = openSockets();
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
  return last;
}

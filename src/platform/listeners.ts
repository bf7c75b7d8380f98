import { readFileSync } from 'node:fs';
import net from 'node:net';

/**
 * Whether some process listens on TCP `port`. Linux: read the kernel's socket
 * tables (no traffic to the server). Elsewhere: try to connect on loopback.
 */
export async function isListening(port: number, platform = process.platform): Promise<boolean> {
  if (platform === 'linux') return listeningPortsFromProc().has(port);
  return (await Promise.all(['127.0.0.1', '::1'].map((host) => accepts(host, port)))).some(Boolean);
}

const TCP_LISTEN = '0A';

export function listeningPortsFromProc(): Set<number> {
  const ports = new Set<number>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue; // no IPv6
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields[3] === TCP_LISTEN) ports.add(parseInt(fields[1].split(':')[1], 16));
    }
  }
  return ports;
}

function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

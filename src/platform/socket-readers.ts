import { execFile } from 'node:child_process';
import { SockDiag } from './sock-diag.ts';
import { parseLsof, parseNetstat, readProcNet, type PortSocket, type SocketProtocol } from './socket-table.ts';
import { systemTool } from './system-tools.ts';

/** Reads the socket table of this OS, as cheaply as it allows; one reader serves one wait. */
export interface SocketReader {
  /** What it reads, for the debug log: `netlink sock_diag (perl) and /proc/net/udp`. */
  readonly source: string;
  /**
   * The listening TCP and bound UDP sockets of `protocols` on `ports` (the readers that
   * can narrow their question do; the others return more, which the caller filters).
   * Throws when the OS's tool fails.
   */
  read(protocols: ReadonlySet<SocketProtocol>, ports: readonly number[]): Promise<PortSocket[]>;
  /** Ends anything it keeps running; safe to call twice. */
  close(): void;
}

/** Runs a system program without blocking the wait, and returns what it printed; exit code 1 with output is an answer (lsof: "nothing found"). */
function runAsync(file: string, args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const options = { encoding: 'utf8' as const, env, timeout: 10_000, maxBuffer: 64 * 2 ** 20, windowsHide: true };
    execFile(file, args, options, (error, stdout) => {
      if (error && !(error.code === 1 && typeof stdout === 'string')) reject(error);
      else resolve(stdout);
    });
  });
}

/** Linux: TCP listeners through netlink (sock-diag.ts), /proc/net/tcp when that cannot serve; UDP from /proc/net/udp. */
class LinuxReader implements SocketReader {
  private readonly diag = new SockDiag();
  private fallback = false;

  get source() {
    return `${this.fallback ? '/proc/net/tcp' : 'netlink sock_diag (perl helper)'} and /proc/net/udp`;
  }

  async read(protocols: ReadonlySet<SocketProtocol>): Promise<PortSocket[]> {
    const sockets = protocols.has('udp') ? readProcNet('udp') : [];
    if (!protocols.has('tcp')) return sockets;
    const tcp = this.fallback ? undefined : await this.diag.listeners();
    if (tcp === undefined) this.fallback = true;
    return [...sockets, ...(tcp ?? readProcNet('tcp'))];
  }

  close() {
    this.diag.close();
  }
}

/**
 * macOS: lsof, asked about the ports only (`-iTCP:P,Q -iUDP:P,Q`; several -i select
 * the union). Not `-sTCP:LISTEN`: with a state list lsof leaves UDP files out
 * altogether (seen with lsof 4.95), so the state is read from each file's `TST=` field.
 * Run by absolute path with a fixed locale, like every system tool here.
 */
class LsofReader implements SocketReader {
  readonly source = 'lsof';

  async read(protocols: ReadonlySet<SocketProtocol>, ports: readonly number[]): Promise<PortSocket[]> {
    const list = ports.join(',');
    const select = [...protocols].map((p) => `-i${p.toUpperCase()}:${list}`);
    const env = { LC_ALL: 'C', PATH: '/usr/bin:/bin:/usr/sbin:/sbin' };
    return parseLsof(await runAsync(systemTool('lsof', 'darwin'), ['-nP', ...select, '-F', 'pcuLPnT'], env));
  }

  close() {}
}

/** Windows: `netstat -ano` by absolute path; its pid column names the process. */
class NetstatReader implements SocketReader {
  readonly source = 'netstat -ano';

  async read(): Promise<PortSocket[]> {
    return parseNetstat(await runAsync(systemTool('netstat', 'win32'), ['-ano']));
  }

  close() {}
}

/** The reader for `platform`; throws on an OS with none (the wait's input check names it first). */
export function openSocketReader(platform: NodeJS.Platform = process.platform): SocketReader {
  if (platform === 'linux') return new LinuxReader();
  if (platform === 'darwin') return new LsofReader();
  if (platform === 'win32') return new NetstatReader();
  throw new Error(`Waiting for ports is not supported on ${platform}`);
}

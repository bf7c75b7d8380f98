import { SockDiag, type PortQuery, type WatchSchedule } from './sock-diag.ts';
import { parseLsof, parseNetstat, readProcNet, type PortSocket } from './socket-table.ts';
import { runToolAsync, systemTool } from './system-tools.ts';

export type { PortQuery, WatchSchedule } from './sock-diag.ts';

/** Reads the socket table of this OS, as cheaply as it allows; one reader serves one wait. */
export interface SocketReader {
  /** What it reads, for the debug log: `netlink sock_diag and /proc/net/udp (perl helper)`. */
  readonly source: string;
  /**
   * The listening TCP sockets and bound UDP sockets on the queried ports now (readers that
   * cannot narrow their question return more, which the caller filters). Throws when the
   * OS's tool fails.
   */
  read(query: PortQuery): Promise<PortSocket[]>;
  /**
   * Where the OS side can watch by itself (Linux): resolves once the sockets on the queried
   * ports differ from what this reader last returned for them, looking on `schedule`, with
   * the sockets; undefined when it cannot (the caller then polls with `read`). A `read`
   * meanwhile answers it at once.
   */
  watch?(query: PortQuery, schedule: WatchSchedule): Promise<PortSocket[] | undefined>;
  /** Ends anything it keeps running; safe to call twice. */
  close(): void;
}

/** Linux: the perl helper (sock-diag.ts); /proc/net/tcp and udp read here once it cannot serve. */
class LinuxReader implements SocketReader {
  private readonly diag = new SockDiag();
  private fallback = false;

  get source() {
    return this.fallback ? '/proc/net/tcp and /proc/net/udp' : 'netlink sock_diag and /proc/net/udp (perl helper)';
  }

  async read(query: PortQuery): Promise<PortSocket[]> {
    const found = this.fallback ? undefined : await this.diag.look(query);
    if (found) return found;
    this.fallback = true;
    return [...(query.tcp.length ? readProcNet('tcp') : []), ...(query.udp.length ? readProcNet('udp') : [])];
  }

  async watch(query: PortQuery, schedule: WatchSchedule): Promise<PortSocket[] | undefined> {
    const found = this.fallback ? undefined : await this.diag.watch(query, schedule);
    if (!found) this.fallback = true;
    return found;
  }

  close() {
    this.diag.close();
  }
}

/**
 * macOS: lsof, asked about the ports only (`-iTCP:P,Q -iUDP:R`; several -i select the
 * union). Not `-sTCP:LISTEN`: with a state list lsof leaves UDP files out altogether
 * (seen with lsof 4.95), so the state is read from each file's `TST=` field. Run by
 * absolute path with a fixed locale, like every system tool here.
 */
class LsofReader implements SocketReader {
  readonly source = 'lsof';

  async read(query: PortQuery): Promise<PortSocket[]> {
    const select = (['tcp', 'udp'] as const).filter((p) => query[p].length).map((p) => `-i${p.toUpperCase()}:${query[p].join(',')}`);
    if (select.length === 0) return [];
    const env = { LC_ALL: 'C', PATH: '/usr/bin:/bin:/usr/sbin:/sbin' };
    return parseLsof(await runToolAsync(systemTool('lsof', 'darwin'), ['-nP', ...select, '-F', 'pcuLPnT'], { env, answers: [1] }));
  }

  close() {}
}

/** Windows: `netstat -ano` by absolute path; its pid column names the process. */
class NetstatReader implements SocketReader {
  readonly source = 'netstat -ano';

  async read(): Promise<PortSocket[]> {
    return parseNetstat(await runToolAsync(systemTool('netstat', 'win32'), ['-ano']));
  }

  close() {}
}

/** The reader for `platform`; throws on an OS with none. */
export function openSocketReader(platform: NodeJS.Platform = process.platform): SocketReader {
  if (platform === 'linux') return new LinuxReader();
  if (platform === 'darwin') return new LsofReader();
  if (platform === 'win32') return new NetstatReader();
  throw new Error(`Waiting for ports is not supported on ${platform}`);
}

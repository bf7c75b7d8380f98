import { readFileSync } from 'node:fs';
import { endianness } from 'node:os';

/**
 * The kernel's table of sockets that hold a local port, in one shape for every OS:
 * which TCP sockets listen and which UDP sockets are bound, on any local address.
 * Parsers for each OS's source live here; the readers that run them are in
 * socket-readers.ts. Everything parsed is another program's output and is checked
 * field by field: a line that does not fit is skipped, never guessed at.
 */

export type SocketProtocol = 'tcp' | 'udp';

/** One socket that holds a local port: a listening TCP socket or a bound UDP socket. */
export interface PortSocket {
  protocol: SocketProtocol;
  /** The local address, as the OS prints it without brackets: `127.0.0.1`, `::1`, `::`, `0.0.0.0`, `*`. */
  address: string;
  port: number;
  /** The account that created it (Linux: the uid column); null where the source does not say. */
  uid: number | null;
  /** The socket's inode (Linux), which /proc/PID/fd links name; null elsewhere. */
  inode: number | null;
  /** The process, where the source names it (lsof, netstat -ano); null on Linux, where it is looked up by inode. */
  pid: number | null;
  /** The command and the account's login name, where the source names them (lsof). */
  command: string | null;
  account: string | null;
}

const NOT_NAMED = { uid: null, inode: null, pid: null, command: null, account: null } as const;

function port(text: string | undefined, radix = 10): number | null {
  if (text === undefined || !(radix === 16 ? /^[0-9A-Fa-f]{1,4}$/ : /^\d{1,5}$/).test(text)) return null;
  const value = parseInt(text, radix);
  return value >= 1 && value <= 65535 ? value : null;
}

/** TCP state 0A in /proc/net/tcp: LISTEN. */
const PROC_LISTEN = '0A';

/**
 * An address from /proc/net/*: each 32-bit word is printed as hex in the host's
 * byte order (`0100007F` is 127.0.0.1 on a little-endian host). Null when malformed.
 */
export function procAddress(hex: string): string | null {
  if (!/^([0-9A-F]{8}){1,4}$/.test(hex) || (hex.length !== 8 && hex.length !== 32)) return null;
  const bytes = Buffer.alloc(hex.length / 2);
  for (let word = 0; word < hex.length / 8; word++) {
    const value = parseInt(hex.slice(word * 8, word * 8 + 8), 16);
    if (endianness() === 'LE') bytes.writeUInt32LE(value, word * 4);
    else bytes.writeUInt32BE(value, word * 4);
  }
  if (bytes.length === 4) return [...bytes].join('.');
  const groups = Array.from({ length: 8 }, (_, i) => bytes.readUInt16BE(i * 2).toString(16));
  return compressIpv6(groups);
}

/** `0:0:0:0:0:0:0:1` to `::1`: the longest run of zero groups (two or more) becomes `::`. */
function compressIpv6(groups: string[]): string {
  let best = { at: -1, length: 1 };
  for (let i = 0; i < groups.length;) {
    let j = i;
    while (j < groups.length && groups[j] === '0') j++;
    if (j - i > best.length) best = { at: i, length: j - i };
    i = j > i ? j : i + 1;
  }
  if (best.at < 0) return groups.join(':');
  return `${groups.slice(0, best.at).join(':')}::${groups.slice(best.at + best.length).join(':')}`;
}

/**
 * The sockets of one /proc/net/{tcp,tcp6,udp,udp6} text: for TCP the listeners (state
 * 0A), for UDP every socket (a server's unconnected socket is state 07). Columns:
 * `sl local_address rem_address st queues timer retrnsmt uid timeout inode ...`.
 */
export function parseProcNet(text: string, protocol: SocketProtocol): PortSocket[] {
  const sockets: PortSocket[] = [];
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 10 || (protocol === 'tcp' && fields[3] !== PROC_LISTEN)) continue;
    const [hexAddress, hexPort] = fields[1].split(':');
    const address = procAddress(hexAddress ?? '');
    const number = port(hexPort, 16);
    const uid = /^\d{1,10}$/.test(fields[7]) ? Number(fields[7]) : null;
    const inode = /^\d{1,20}$/.test(fields[9]) ? Number(fields[9]) : null;
    if (address === null || number === null) continue;
    sockets.push({ ...NOT_NAMED, protocol, address, port: number, uid, inode: inode || null });
  }
  return sockets;
}

/**
 * Reads /proc/net/<protocol> and <protocol>6 whole. For TCP this walks the kernel's whole
 * established hash (see sock-diag.ts for the cost), so it is the fallback there; for UDP it
 * is the cheapest source (about 0.03 ms a file here). A file that cannot be read (no IPv6)
 * adds nothing.
 */
export function readProcNet(protocol: SocketProtocol): PortSocket[] {
  return [protocol, `${protocol}6`].flatMap((file) => {
    try {
      return parseProcNet(readFileSync(`/proc/net/${file}`, 'latin1'), protocol);
    } catch {
      return [];
    }
  });
}

/** `127.0.0.1:8080`, `[::1]:8080`, `*:8080` to address and port; null for a connection (`a->b`) or anything else. */
function splitEndpoint(name: string): { address: string; port: number } | null {
  const match = /^(\[[0-9A-Fa-f:.%a-zA-Z0-9]+\]|[0-9.]+|\*):(\d{1,5})$/.exec(name);
  const number = port(match?.[2]);
  if (!match || number === null) return null;
  return { address: match[1].replace(/^\[(.*)\]$/, '$1'), port: number };
}

/**
 * lsof's field output (`-F pcuLPnT`), as macOS's lsof 4.91 and Linux's 4.95 print it:
 * one field a line, its identifier first; `p` starts a process (`c` command, `u` uid,
 * `L` login), `P` starts a network file (`n` its name, `TST=` its TCP state). Kept:
 * TCP files in state LISTEN and every UDP file whose name is a local endpoint.
 */
export function parseLsof(text: string): PortSocket[] {
  const sockets: PortSocket[] = [];
  let owner = { pid: null as number | null, command: null as string | null, uid: null as number | null, account: null as string | null };
  let file: { protocol: string; name: string; state: string } | undefined;
  const flush = () => {
    const endpoint = file && splitEndpoint(file.name);
    const protocol = file?.protocol.toLowerCase();
    if (endpoint && owner.pid !== null && (protocol === 'udp' || (protocol === 'tcp' && file!.state === 'LISTEN'))) {
      sockets.push({ protocol, ...endpoint, inode: null, ...owner });
    }
    file = undefined;
  };
  for (const line of text.split('\n')) {
    const [id, value] = [line[0], line.slice(1).replace(/\r$/, '')];
    if (id === 'p' || id === 'P') flush();
    if (id === 'p') owner = { pid: /^\d{1,10}$/.test(value) ? Number(value) : null, command: null, uid: null, account: null };
    else if (id === 'c') owner.command = value.slice(0, 256);
    else if (id === 'u') owner.uid = /^\d{1,10}$/.test(value) ? Number(value) : null;
    else if (id === 'L') owner.account = value.slice(0, 64);
    else if (id === 'P') file = { protocol: value, name: '', state: '' };
    else if (id === 'n' && file) file.name = value;
    else if (id === 'T' && file && value.startsWith('ST=')) file.state = value.slice(3);
  }
  flush();
  return sockets;
}

/**
 * Windows `netstat -ano`: `Proto  Local Address  Foreign Address  State  PID` rows.
 * The State column is translated on other display languages (`ABHÖREN`), so a TCP
 * listener is told by its foreign address, `0.0.0.0:0` or `[::]:0`, which only a
 * listening socket shows; UDP rows have no state and a foreign address of `*:*`.
 */
export function parseNetstat(text: string): PortSocket[] {
  const sockets: PortSocket[] = [];
  for (const line of text.split(/\r?\n/)) {
    const fields = line.trim().split(/\s+/);
    const protocol = fields[0]?.toLowerCase();
    if (protocol !== 'tcp' && protocol !== 'udp') continue;
    const endpoint = splitEndpoint(fields[1] ?? '');
    const pid = fields.at(-1) ?? '';
    const listening = protocol === 'udp' ? fields[2] === '*:*' : /^(0\.0\.0\.0|\[::\]):0$/.test(fields[2] ?? '');
    if (!endpoint || !listening || !/^\d{1,10}$/.test(pid)) continue;
    sockets.push({ ...NOT_NAMED, protocol, ...endpoint, pid: Number(pid) });
  }
  return sockets;
}

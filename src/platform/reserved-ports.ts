import fs from 'node:fs';
import { formatPortSet, parsePortList } from '../ports/port-list.ts';
import { PortSet } from '../ports/port-set.ts';

/**
 * Linux's reserved-port list, `net.ipv4.ip_local_reserved_ports`, as a fact to read:
 * ports on it are skipped by bind(0) on every address (IPv4 and IPv6, TCP and UDP)
 * and by connect() autobind, with no expiry, while explicit binds still succeed with
 * or without SO_REUSEADDR. One list per network namespace, shared by every account.
 * Writing it is a protection of its own (protection/kernel-list.ts).
 *
 * Facts measured on Linux 6.18: the file reads back as ranges ("20000-20010,30500");
 * a write replaces the whole list; a zero-length write changes nothing, so an empty
 * list is written as "\n". Root, or CAP_NET_ADMIN in the namespace, may write it.
 */
export const RESERVED_PORTS_FILE = '/proc/sys/net/ipv4/ip_local_reserved_ports';

/** The most text the list can take: 32768 single ports of up to 5 digits and a comma each. */
const MAX_LIST_BYTES = 512 * 1024;

/**
 * The whole file in one read(). procfs answers a sysctl only on the first read of an
 * open file, so Node's readFileSync (8 KiB chunks) would cut a long list off in the
 * middle of a number (proc_sys_call_handler, fs/proc/proc_sysctl.c).
 * @throws the read's error, or an Error when the text does not end in a newline (cut off).
 */
export function readReservedPortsText(file = RESERVED_PORTS_FILE): string {
  const fd = fs.openSync(file, 'r');
  try {
    // Not zero-filled: only the bytes read are decoded, and a 512 KiB fill is work every step would pay.
    const buffer = Buffer.allocUnsafeSlow(MAX_LIST_BYTES);
    const text = buffer.toString('utf8', 0, fs.readSync(fd, buffer, 0, buffer.length, 0));
    if (!text.endsWith('\n')) throw new Error(`${file} was cut off after ${text.length} characters`);
    return text;
  } finally {
    fs.closeSync(fd);
  }
}

/** The ports listed now; an empty set where there is no such file (not Linux, no /proc) or it cannot be read. */
export function readReservedPorts(file = RESERVED_PORTS_FILE): PortSet {
  if (process.platform !== 'linux' && file === RESERVED_PORTS_FILE) return new PortSet();
  try {
    return parseReservedPorts(readReservedPortsText(file));
  } catch {
    return new PortSet();
  }
}

/** "20000-20010,30500\n" (or "\n") as a set. @throws Error when the text is not such a list. */
export function parseReservedPorts(text: string): PortSet {
  const ranges = parsePortList(text);
  if (!ranges) throw new Error(`not a reserved-port list: ${JSON.stringify(text.slice(0, 80))}`);
  return new PortSet(ranges);
}

/** The list as the kernel takes it: "a-b,c\n"; an empty list is "\n" (a zero-length write would change nothing). */
export function formatReservedPorts(set: PortSet): string {
  return `${formatPortSet(set)}\n`;
}

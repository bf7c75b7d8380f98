import { readFileSync } from 'node:fs';
import type { PortRange } from '../ports/port-set.ts';
import { runTool, systemTool, type ToolRunner } from './system-tools.ts';

/** The IANA dynamic range: the default of macOS and Windows, and the answer when the system will not say. */
export const IANA_DYNAMIC: PortRange = { low: 49152, high: 65535 };

/**
 * The range the kernel draws ephemeral ports from, read from the system each call:
 * Linux `/proc/sys/net/ipv4/ip_local_port_range`; macOS
 * `sysctl -n net.inet.ip.portrange.first net.inet.ip.portrange.last`; Windows
 * `netsh int ipv4 show dynamicport tcp`. Contiguous blocks come from here when no
 * `range` is given: it is where port 0 would have picked anyway. Falls back to
 * 49152-65535 when the answer cannot be read.
 */
export function ephemeralRange(platform = process.platform, run: ToolRunner = runTool): PortRange {
  try {
    if (platform === 'linux') return valid(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/));
    if (platform === 'darwin' || platform === 'freebsd') {
      const out = run(systemTool('sysctl', platform), ['-n', 'net.inet.ip.portrange.first', 'net.inet.ip.portrange.last']);
      return valid(out.trim().split(/\s+/));
    }
    if (platform === 'win32')
      return parseDynamicPortRange(run(systemTool('netsh', platform), ['int', 'ipv4', 'show', 'dynamicport', 'tcp']));
  } catch {
    // fall through to the IANA range
  }
  return IANA_DYNAMIC;
}

function valid(fields: string[]): PortRange {
  const [low, high] = fields.map(Number);
  if (fields.length !== 2 || !(Number.isInteger(low) && Number.isInteger(high) && 1 <= low && low <= high && high <= 65535)) {
    throw new Error(`not a port range: ${fields.join(' ')}`);
  }
  return { low, high };
}

/**
 * `netsh int ipv4 show dynamicport tcp` prints, in the system's language:
 *
 *     Protocol tcp Dynamic Port Range
 *     ---------------------------------
 *     Start Port      : 49152
 *     Number of Ports : 16384
 *
 * The labels are localized, so only the two `label : number` lines count, in that order.
 * Throws when the output does not have them.
 */
export function parseDynamicPortRange(output: string): PortRange {
  const numbers = output
    .split(/\r?\n/)
    .map((line) => /:\s*(\d{1,5})\s*$/.exec(line)?.[1])
    .filter((n) => n !== undefined)
    .map(Number);
  if (numbers.length !== 2) throw new Error('netsh printed no dynamic port range');
  const [start, count] = numbers;
  return valid([String(start), String(start + count - 1)]);
}

import { readFileSync } from 'node:fs';

export interface PortRange {
  readonly low: number;
  readonly high: number;
}

export const MIN_PORT = 1;
export const MAX_PORT = 65535;

export function rangeSize(range: PortRange): number {
  return range.high - range.low + 1;
}

/** A set of ports kept as ranges: `exclude` lists and Windows' excluded ranges. */
export class PortSet {
  readonly ranges: readonly PortRange[];

  constructor(ranges: Iterable<PortRange> = []) {
    this.ranges = [...ranges];
  }

  has(port: number): boolean {
    return this.ranges.some((r) => port >= r.low && port <= r.high);
  }

  /** True when every port of `range` is in the set. */
  covers(range: PortRange): boolean {
    for (let port = range.low; port <= range.high; port++) {
      if (!this.has(port)) return false;
    }
    return true;
  }

  union(other: PortSet): PortSet {
    return new PortSet([...this.ranges, ...other.ranges]);
  }

  get size(): number {
    return this.ranges.length;
  }
}

/**
 * The range the kernel draws ephemeral ports from. Contiguous blocks come from
 * here when no `range` is given: it is where port 0 would have picked anyway.
 */
export function ephemeralRange(platform = process.platform): PortRange {
  if (platform === 'linux') {
    try {
      const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
        .trim()
        .split(/\s+/)
        .map(Number);
      if (low && high && low <= high) return { low, high };
    } catch {
      // fall through to the IANA range
    }
  }
  return { low: 49152, high: 65535 }; // macOS and Windows default
}

export interface PortRange {
  readonly low: number;
  readonly high: number;
}

export const MIN_PORT = 1;
export const MAX_PORT = 65535;

export function rangeSize(range: PortRange): number {
  return range.high - range.low + 1;
}

/** A set of ports kept as sorted, merged ranges: `exclude` lists and Windows' excluded ranges. */
export class PortSet {
  readonly ranges: readonly PortRange[];

  constructor(ranges: Iterable<PortRange> = []) {
    this.ranges = merge([...ranges]);
  }

  has(port: number): boolean {
    let lo = 0;
    let hi = this.ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = this.ranges[mid];
      if (port < r.low) hi = mid - 1;
      else if (port > r.high) lo = mid + 1;
      else return true;
    }
    return false;
  }

  /** How many ports of `range` are not in the set. */
  countOutside(range: PortRange): number {
    let inside = 0;
    for (const r of this.ranges) {
      inside += Math.max(0, Math.min(r.high, range.high) - Math.max(r.low, range.low) + 1);
    }
    return rangeSize(range) - inside;
  }

  /** The ports of `range` not in the set, as sorted ranges: where a search may look. */
  complementIn(range: PortRange): PortRange[] {
    const gaps: PortRange[] = [];
    let next = range.low;
    for (const r of this.ranges) {
      if (r.high < next) continue;
      if (r.low > range.high) break;
      if (r.low > next) gaps.push({ low: next, high: r.low - 1 });
      next = r.high + 1;
    }
    if (next <= range.high) gaps.push({ low: next, high: range.high });
    return gaps;
  }

  union(other: PortSet): PortSet {
    return new PortSet([...this.ranges, ...other.ranges]);
  }

  get size(): number {
    return this.ranges.length;
  }
}

function merge(ranges: PortRange[]): PortRange[] {
  const sorted = ranges.toSorted((a, b) => a.low - b.low);
  const merged: PortRange[] = [];
  for (const r of sorted) {
    const last = merged.at(-1);
    if (last && r.low <= last.high + 1) merged[merged.length - 1] = { low: last.low, high: Math.max(last.high, r.high) };
    else merged.push({ low: r.low, high: r.high });
  }
  return merged;
}

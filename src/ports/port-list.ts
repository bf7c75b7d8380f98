import { MAX_PORT, MIN_PORT, PortSet, type PortRange } from './port-set.ts';

/**
 * Port lists as text: entries of one port (`5432`) or an ascending run (`6000-6100`),
 * separated by commas and whitespace. The one parser for every list Port Zero reads:
 * the `exclude` and `range` settings, the kernel's reserved-port list (which prints
 * `20000-20010,30500`) and the ports of a lease record (`40000 40001 40100`).
 */

const ENTRY = /^(\d{1,5})(?:-(\d{1,5}))?$/;

/** One entry as a range, or undefined unless it is a port (1-65535) or an ascending run of them. */
export function parsePortEntry(entry: string): PortRange | undefined {
  const match = ENTRY.exec(entry);
  if (!match) return undefined;
  const low = Number(match[1]);
  const high = match[2] === undefined ? low : Number(match[2]);
  return low >= MIN_PORT && high <= MAX_PORT && low <= high ? { low, high } : undefined;
}

/** The entries of `text` in the order given, or undefined when any entry is not a port or a run. Empty text is an empty list. */
export function parsePortList(text: string): PortRange[] | undefined {
  const ranges: PortRange[] = [];
  for (const entry of text.split(/[\s,]+/)) {
    if (entry === '') continue;
    const range = parsePortEntry(entry);
    if (!range) return undefined;
    ranges.push(range);
  }
  return ranges;
}

/** Every port of `ranges`, in order (a run expanded). */
export function expandRanges(ranges: readonly PortRange[]): number[] {
  const ports: number[] = [];
  for (const { low, high } of ranges) for (let port = low; port <= high; port++) ports.push(port);
  return ports;
}

/** A set as the kernel prints its list: `20000-20010,30500` (empty for an empty set). */
export function formatPortSet(set: PortSet): string {
  return set.ranges.map((r) => (r.low === r.high ? `${r.low}` : `${r.low}-${r.high}`)).join(',');
}

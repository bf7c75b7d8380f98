import { describe, expect, it } from 'vitest';
import { PortSet } from '../src/ports/port-set.ts';

const ranges = (set: PortSet) => set.ranges.map((r) => (r.low === r.high ? `${r.low}` : `${r.low}-${r.high}`)).join(',');

describe('PortSet', () => {
  it('sorts and joins overlapping, adjacent and contained ranges, in any order', () => {
    const set = new PortSet([
      { low: 50, high: 60 },
      { low: 10, high: 20 },
      { low: 21, high: 25 },
      { low: 12, high: 14 },
      { low: 55, high: 70 },
      { low: 100, high: 100 },
    ]);
    expect(ranges(set)).toBe('10-25,50-70,100');
    expect([9, 10, 25, 26, 49, 70, 71, 100].map((p) => set.has(p))).toEqual([false, true, true, false, false, true, false, true]);
  });

  it('builds a set of single ports, repeats and runs included', () => {
    expect(ranges(PortSet.of([40005, 40001, 40002, 40003, 40001, 65535, 1]))).toBe('1,40001-40003,40005,65535');
    expect(ranges(PortSet.of([]))).toBe('');
  });

  it('unites two sets into one sorted, joined set, whichever is first', () => {
    const a = new PortSet([
      { low: 10, high: 20 },
      { low: 40, high: 50 },
    ]);
    const b = PortSet.of([5, 21, 30, 45, 51, 60]);
    expect(ranges(a.union(b))).toBe('5,10-21,30,40-51,60');
    expect(ranges(b.union(a))).toBe('5,10-21,30,40-51,60');
    expect(a.union(new PortSet())).toBe(a);
    expect(new PortSet().union(b)).toBe(b);
  });

  it('counts and lists what a range holds outside the set', () => {
    const set = PortSet.of([3, 4, 8]);
    expect(set.countOutside({ low: 1, high: 10 })).toBe(7);
    // A range reaching past the set on both sides, over several of its ranges: 50 ports less 26 and 1 inside.
    const merged = new PortSet([
      { low: 10, high: 20 },
      { low: 5, high: 9 },
      { low: 15, high: 30 },
      { low: 40, high: 40 },
    ]);
    expect(merged.countOutside({ low: 1, high: 50 })).toBe(23);
    expect(set.complementIn({ low: 1, high: 10 })).toEqual([
      { low: 1, high: 2 },
      { low: 5, high: 7 },
      { low: 9, high: 10 },
    ]);
  });
});

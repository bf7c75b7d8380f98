/**
 * How long to sleep between two looks at the socket table. A server that is up at once
 * is seen within a few ms; one that takes seconds is looked for every 20 ms. With the
 * Linux helper (../platform/sock-diag.ts, 0.13 ms of CPU a look) that measured here, on 2
 * cores shared with other test runs: 13 ms at the median from listen() to the helper's
 * report, 31-43 ms to the wait step's line for the port (owner lookup, two processes
 * woken, the pipe), and 0.8-1.4 % of a CPU while waiting. Every 10 ms would halve the
 * first figure and double the CPU. A look that costs more (a reader that walks /proc/net/tcp on
 * a busy host, lsof, netstat) stretches the interval so the looks stay under 2 % of a
 * CPU, up to 2 s between looks. The cost is the least of the last few looks' wall-clock
 * times, so one look delayed by a busy host does not stretch the next sleep. `npm run
 * bench` measures both figures.
 */

/** The first intervals, in ms, then MAX_MS. */
const FIRST_MS = [2, 4, 8, 16];
const MAX_MS = 20;

/** The same schedule for a reader that watches by itself (Linux's helper), whose looks cost a fraction of the budget. */
export const WATCH_SCHEDULE = { firstMs: FIRST_MS, maxMs: MAX_MS } as const;
/** The share of one CPU the looks may take: the interval is at least the look's cost divided by it. */
const CPU_SHARE = 0.02;
/** However costly a look, one at least this often. */
const SLOWEST_MS = 2000;

/**
 * The sleep after look number `look` (0 for the first), given what a look costs in
 * wall-clock ms (an upper bound on its CPU time), and never past `remainingMs`. The
 * first few follow FIRST_MS whatever they cost: together they last 30 ms, and a server
 * that is already up is seen without waiting for the budget.
 */
export function nextInterval(look: number, lookCostMs: number, remainingMs: number): number {
  const interval = look < FIRST_MS.length ? FIRST_MS[look] : Math.max(MAX_MS, Math.min(lookCostMs / CPU_SHARE, SLOWEST_MS));
  return Math.max(0, Math.min(interval, remainingMs));
}

/**
 * What the holder costs while it waits: start it on N ports (as the action's
 * holder mode does, after a TIME_WAIT reservation), let it settle, then read its
 * CPU time (utime + stime from /proc/<pid>/stat) at the start and end of a fixed
 * window. Prints JSON. Run it inside a fresh network namespace (npm run bench does).
 *
 *   node bench/holder-idle.ts <ports> [window ms]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { allocatePorts } from '../src/allocator/allocate-ports.ts';
import { reserveTimeWait } from '../src/protection/time-wait.ts';
import { identify } from '../src/platform/process-identity.ts';
import { startHolder, stopHolder } from '../src/protection/holder.ts';

const SETTLE_MS = 1000;
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

/** The process's user plus system CPU time so far, in clock ticks (fields 14 and 15 of /proc/<pid>/stat). */
function cpuTicks(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // after the command name, which may hold spaces
  return Number(fields[11]) + Number(fields[12]);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function holderIdle(count: number, windowMs: number) {
  const { ports } = await allocatePorts({ count, protect: reserveTimeWait, hosts: ['127.0.0.1'] });
  const holder = await startHolder({ ports, host: '127.0.0.1', deadline: Date.now() + 10 * 60_000, owner: identify(process.pid) });
  try {
    await sleep(SETTLE_MS);
    const before = cpuTicks(holder.process.pid);
    await sleep(windowMs);
    const ticks = cpuTicks(holder.process.pid) - before;
    return {
      ports: count,
      held: holder.held.length,
      windowMs,
      cpuMs: (ticks / TICKS_PER_SECOND) * 1000,
      cpuShare: ticks / TICKS_PER_SECOND / (windowMs / 1000),
    };
  } finally {
    await stopHolder(holder);
  }
}

if (import.meta.main) console.log(JSON.stringify(await holderIdle(Number(process.argv[2]), Number(process.argv[3] ?? 3000))));

/**
 * What a reservation costs the neighbours: how long another program takes for
 * 1000 bind(0) calls, before and after Port Zero reserves N ports in TIME_WAIT.
 * Run it inside a fresh network namespace (npm run bench does).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { allocatePorts } from '../src/allocator/allocate-ports.ts';
import { reserveTimeWait } from '../src/protection/time-wait.ts';

export const NEIGHBOURS = ['listen-loop', 'listen-hold', 'get-port'] as const;
export type NeighbourTimes = Record<(typeof NEIGHBOURS)[number], number>;

function measure(kind: string, repeats: number): number {
  const script = path.join(import.meta.dirname, 'neighbour-loop.ts');
  const times = Array.from({ length: repeats }, () => Number(execFileSync(process.execPath, [script, kind], { encoding: 'utf8' })));
  return times.sort((a, b) => a - b)[Math.floor(repeats / 2)];
}

function measureAll(repeats: number): NeighbourTimes {
  return Object.fromEntries(NEIGHBOURS.map((k) => [k, measure(k, repeats)])) as NeighbourTimes;
}

export async function neighbourCost(reserved: number, repeats = 5) {
  const before = measureAll(repeats);
  await allocatePorts({ count: reserved, protect: reserveTimeWait });
  const after = measureAll(repeats);
  return { reserved, before, after };
}

if (import.meta.main) console.log(JSON.stringify(await neighbourCost(Number(process.argv[2] ?? 1000))));

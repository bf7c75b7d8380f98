/**
 * The stress test's scenario run three ways, reported rather than asserted:
 * the default inputs, and the plain batch method (reserve: none, each job its
 * own lease directory, so nothing is shared between jobs).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stressRound } from '../test/harness/stress.ts';

export interface StressRow {
  mode: string;
  rounds: number;
  ports: number;
  shared: number;
  taken: number;
}

export async function stressComparison(rounds = 3, jobs = 32, perJob = 16): Promise<StressRow[]> {
  const temp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-bench-'));
  const shared = temp();
  const modes: [string, (i: number) => Record<string, string>][] = [
    ['default (leases + time-wait)', () => ({ count: String(perJob), 'lease-dir': shared })],
    ['plain batch (reserve: none, no shared leases)', () => ({ count: String(perJob), reserve: 'none', 'lease-dir': temp() })],
  ];
  const rows: StressRow[] = [];
  for (const [mode, inputs] of modes) {
    const row = { mode, rounds, ports: 0, shared: 0, taken: 0 };
    for (let r = 0; r < rounds; r++) {
      const result = await stressRound(jobs, inputs);
      row.ports += result.handed.length;
      row.shared += result.shared.length;
      row.taken += result.taken.length;
    }
    rows.push(row);
  }
  return rows;
}

if (import.meta.main) {
  const rows = await stressComparison();
  console.log(process.argv.includes('--json') ? JSON.stringify(rows) : rows);
}

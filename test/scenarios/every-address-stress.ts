/**
 * The concurrent-jobs stress with another program binding port 0 on ::1, 127.0.0.1
 * and :: in turn, in the default mode, run in a network namespace of its own (as
 * root or as another account). Prints one JSON line: ports handed out, shared, taken.
 * Usage: node every-address-stress.ts JOBS PORTS_PER_JOB ROUNDS
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runStep } from '../harness/action-runner.ts';
import { stressRound } from '../harness/stress.ts';

const [jobs, perJob, rounds] = process.argv.slice(2).map(Number);
const leaseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-stress-'));
const report = {
  codes: [] as (number | null)[],
  handed: 0,
  shared: [] as number[],
  taken: [] as number[],
  grabbed: 0,
  protection: new Set<string>(),
};
for (let round = 0; round < rounds; round++) {
  const r = await stressRound(jobs, () => ({ count: String(perJob), 'lease-dir': leaseDir }), ['::1', '127.0.0.1', '::']);
  report.codes.push(...r.jobs.map((j) => j.code));
  report.handed += r.handed.length;
  report.shared.push(...r.shared);
  report.taken.push(...r.taken);
  report.grabbed += r.grabbed.size;
  for (const j of r.jobs) for (const m of j.stdout.matchAll(/protected by lease \+ (kernel|TIME_WAIT)/g)) report.protection.add(m[1]);
  const posts = await Promise.all(r.jobs.map((j) => runStep({ entry: 'post', state: j.state })));
  report.codes.push(...posts.map((p) => p.code));
}
process.stdout.write(`${JSON.stringify({ ...report, protection: [...report.protection] })}\n`);

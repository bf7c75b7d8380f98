import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStep } from './harness/action-runner.ts';
import { stressRound } from './harness/stress.ts';
import { leaseFiles } from './helpers/leases.ts';
import { close, listen } from './helpers/servers.ts';

const JOBS = 32;
const PORTS_PER_JOB = 16;
/** The plain batch method hands about 18 ports a round to two jobs at this size (npm run bench shows it): one round would catch it. */
const ROUNDS = 4;

describe('stress: many jobs on one host, default inputs', () => {
  it(`never hands a port to two of ${JOBS} concurrent jobs, nor lets another program take one (${ROUNDS} rounds)`, async () => {
    const leaseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-stress-'));
    for (let round = 1; round <= ROUNDS; round++) {
      const { jobs, handed, shared, taken, grabbed } = await stressRound(JOBS, () => ({
        count: String(PORTS_PER_JOB),
        'lease-dir': leaseDir,
      }));
      expect(jobs.map((j) => j.code)).toEqual(Array(JOBS).fill(0));
      expect(handed).toHaveLength(JOBS * PORTS_PER_JOB);
      expect(shared, `round ${round}: ports handed to two jobs`).toEqual([]);
      expect(taken, `round ${round}: ports another program took`).toEqual([]);
      expect(grabbed.size).toBeGreaterThan(100); // the other program really was asking all along

      const servers = await Promise.all(handed.map((port) => listen(port)));
      await Promise.all(servers.map(close));
      const posts = await Promise.all(jobs.map((j) => runStep({ entry: 'post', state: j.state })));
      expect(posts.map((p) => p.code)).toEqual(Array(JOBS).fill(0));
      console.log(
        `round ${round}: ${handed.length} ports to ${JOBS} jobs, 0 shared; the other program held ${grabbed.size}, none of them ours`,
      );
    }
    expect(leaseFiles(leaseDir)).toEqual([]);
  }, 300_000);
});

import { describe, expect, it } from 'vitest';
import { scenario } from './harness/namespace.ts';
import { needInSuite } from './harness/needs.ts';

const ACCOUNTS = 3;
const JOBS_PER_ACCOUNT = 18;
const PORTS_PER_JOB = 16;
const ROUNDS = 3;
const JOBS = ACCOUNTS * JOBS_PER_ACCOUNT;

interface Round {
  codes: (number | null)[];
  warnings: number;
  handed: number;
  shared: number[];
  posts: (number | null)[];
  postWarnings: number;
}

/** Runs test/scenarios/accounts.ts as root in a namespace of its own: the steps switch to the test accounts. */
async function accounts<T>(name: string): Promise<T> {
  const size = [ACCOUNTS, JOBS_PER_ACCOUNT, PORTS_PER_JOB, ROUNDS].map(String);
  const { result } = await scenario<T>('accounts.ts', [name, ...size]);
  return result;
}

/** Every round: every job and post step ended well, with no warning, and no port went to two jobs. */
function expectCleanRounds(rounds: Round[]) {
  expect(rounds).toHaveLength(ROUNDS);
  rounds.forEach((round, i) => {
    expect(round.codes).toEqual(Array(JOBS).fill(0));
    expect(round.warnings).toBe(0);
    expect(round.handed).toBe(JOBS * PORTS_PER_JOB);
    expect(round.shared, `round ${i + 1}: ports handed to two jobs`).toEqual([]);
    expect(round.posts).toEqual(Array(JOBS).fill(0));
    expect(round.postWarnings).toBe(0);
  });
}

describe(`${ACCOUNTS} runner accounts on one host, ${JOBS_PER_ACCOUNT} jobs each at once, ${PORTS_PER_JOB} ports a job`, () => {
  needInSuite('accounts');

  it(`share the default lease location with no configuration: no port to two jobs, no warning (${ROUNDS} rounds, reserve: none)`, async () => {
    type Default = { rounds: Round[]; mode: number; dirs: string[]; uids: string[]; left: string[] };
    const result = await accounts<Default>('defaultLocation');
    expectCleanRounds(result.rounds);
    expect(result.mode).toBe(0o1777);
    expect(result.dirs).toEqual(result.uids);
    expect(result.left).toEqual([]);
  }, 600_000);

  it(`share a lease-dir set up as the README says: install -d -m 3770 -g GROUP DIR`, async () => {
    const result = await accounts<{ rounds: Round[]; owners: number[]; uids: number[]; left: string[] }>('groupLocation');
    expectCleanRounds(result.rounds);
    expect(result.owners).toEqual(result.uids);
    expect(result.left).toEqual([]);
  }, 600_000);

  it('a job of one account is refused the ports another account has leased, and gets them once that job is gone', async () => {
    type Step = { code: number | null; stdout: string };
    const result = await accounts<{ first: number; refused: Step; after: Step; records: string[] }>('refused');
    expect(result.first).toBe(0);
    expect(result.refused.code).toBe(1);
    expect(result.refused.stdout).toContain('Only 0 of the 1 port asked for is free in range 29000-29001');
    expect(result.after.code).toBe(0);
    expect(result.after.stdout).not.toContain('::warning::');
    // Never removed by another account: the first account's record stays, stale, until its own next post step sweeps it.
    expect(result.records).toHaveLength(1);
  }, 180_000);

  it('links, FIFOs, forged records and garbage planted by another account end fast and harm nothing', async () => {
    type Step = { code: number | null; stdout: string };
    type Planted = {
      ms: number;
      main: Step & { ports: number[] };
      precious: string;
      tmp: string[];
      own: { name: string; uid: number }[];
      victim: number;
      post: Step;
      hostileFiles: number;
    };
    const result = await accounts<Planted>('planted');
    expect(result.ms).toBeLessThan(10_000); // a hang would show here; the claims themselves take milliseconds
    expect(result.main.code).toBe(0);
    expect(result.main.stdout).not.toContain('::warning::');
    // Every planted entry counts for nothing but the forged record, which counts only until its cap.
    expect(result.main.ports).toEqual([29100, 29101, 29102, 29103, 29104, 29106, 29107, 29108, 29109]);
    expect(result.precious).toBe('the victim keeps this');
    expect(result.tmp).toEqual(['port-zero', 'precious']); // nothing written through the planted link
    expect(result.own).toHaveLength(1);
    expect(result.own[0].uid).toBe(result.victim);
    expect(result.post.code).toBe(0);
    expect(result.post.stdout).not.toContain('::warning::');
    expect(result.hostileFiles).toBe(6); // another account's files are never touched
  }, 180_000);
});

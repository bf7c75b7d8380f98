import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runStep, type StepOptions } from './harness/action-runner.ts';
import { stressRound } from './harness/stress.ts';
import { cannotSwitchAccounts, runAs, RUNNERS_GROUP, testAccounts, type Account } from './helpers/accounts.ts';
import { leaseFiles } from './helpers/leases.ts';

const ACCOUNTS = 3;
const JOBS_PER_ACCOUNT = 18;
const PORTS_PER_JOB = 16;
const ROUNDS = 3;

/** Under CI a host where accounts cannot be switched fails these tests; elsewhere they are skipped and reported as skipped. */
const why = cannotSwitchAccounts();
const CI = process.env.CI === 'true';
const skip = why !== undefined && !CI;
let accounts: Account[] = [];
beforeAll(() => {
  if (why !== undefined) {
    if (CI) throw new Error(`Runner accounts cannot be tested here: ${why}`);
    return;
  }
  accounts = testAccounts(ACCOUNTS);
});

/** A temp directory shared like /tmp: every step's TMPDIR, so the default lease location is isolated from the machine's. */
function sharedTmp(): string {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-accounts-'));
  fs.chmodSync(tmp, 0o1777);
  return tmp;
}

/** Rounds of every account's jobs at once; each round's jobs then run their post steps. */
async function stress(inputs: Record<string, string>, tmp: string) {
  const jobs = ACCOUNTS * JOBS_PER_ACCOUNT;
  const step = (i: number): StepOptions => ({ account: accounts[i % ACCOUNTS], env: { TMPDIR: tmp } });
  for (let round = 1; round <= ROUNDS; round++) {
    const {
      jobs: mains,
      handed,
      shared,
    } = await stressRound(jobs, () => ({ count: String(PORTS_PER_JOB), reserve: 'none', ...inputs }), [], step);
    expect(mains.map((j) => j.code)).toEqual(Array(jobs).fill(0));
    expect(mains.map((j) => j.stdout).filter((out) => out.includes('::warning::'))).toEqual([]);
    expect(handed).toHaveLength(jobs * PORTS_PER_JOB);
    expect(shared, `round ${round}: ports handed to two jobs`).toEqual([]);
    const posts = await Promise.all(mains.map((j, i) => runStep({ ...step(i), entry: 'post', state: j.state })));
    expect(posts.map((p) => p.code)).toEqual(Array(jobs).fill(0));
    expect(posts.map((p) => p.stdout).filter((out) => out.includes('::warning::'))).toEqual([]);
    console.log(`round ${round}: ${handed.length} ports to ${jobs} jobs of ${ACCOUNTS} accounts, 0 shared, 0 warnings`);
  }
}

describe.skipIf(skip)(
  `${ACCOUNTS} runner accounts on one host, ${JOBS_PER_ACCOUNT} jobs each at once, ${PORTS_PER_JOB} ports a job`,
  () => {
    it(`share the default lease location with no configuration: no port to two jobs, no warning (${ROUNDS} rounds, reserve: none)`, async () => {
      const tmp = sharedTmp();
      await stress({}, tmp);
      const root = path.join(tmp, 'port-zero');
      expect(fs.statSync(root).mode & 0o7777).toBe(0o1777);
      expect(fs.readdirSync(root).sort()).toEqual(accounts.map((a) => String(a.uid)).sort());
      expect(leaseFiles(root)).toEqual([]);
    }, 600_000);

    it(`share a lease-dir set up as the README says: install -d -m 3770 -g GROUP DIR`, async () => {
      const parent = sharedTmp();
      const dir = path.join(parent, 'leases');
      execFileSync('install', ['-d', '-m', '3770', '-g', RUNNERS_GROUP, dir]);
      await stress({ 'lease-dir': dir }, sharedTmp());
      for (const account of accounts) expect(fs.statSync(path.join(dir, String(account.uid))).uid).toBe(account.uid);
      expect(leaseFiles(dir)).toEqual([]);
    }, 600_000);

    it('a job of one account is refused the ports another account has leased, and gets them once that job is gone', async () => {
      const tmp = sharedTmp();
      const [a, b] = accounts;
      const worker = path.join(import.meta.dirname, 'helpers/fake-runner.ts');
      const first = await runStep({
        account: a,
        env: { TMPDIR: tmp },
        with: { count: '2', range: '29000-29001', reserve: 'none' },
        worker,
      });
      try {
        expect(first.code).toBe(0);
        const refused = await runStep({ account: b, env: { TMPDIR: tmp }, with: { count: '1', range: '29000-29001', reserve: 'none' } });
        expect(refused.code).toBe(1);
        expect(refused.stdout).toContain('Only 0 of the 1 port asked for is free in range 29000-29001');
      } finally {
        first.worker!.kill('SIGKILL');
        await new Promise((r) => first.worker!.once('exit', r));
      }
      const after = await runStep({ account: b, env: { TMPDIR: tmp }, with: { count: '2', range: '29000-29001', reserve: 'none' } });
      expect(after.code).toBe(0);
      expect(after.stdout).not.toContain('::warning::');
      // Never removed by another account: a's record stays, stale, until a's own next post step sweeps it.
      expect(fs.readdirSync(path.join(tmp, 'port-zero', String(a.uid))).filter((n) => n.startsWith('lease-'))).toHaveLength(1);
    });

    it('links, FIFOs, forged records and garbage planted by another account end fast and harm nothing', async () => {
      const tmp = sharedTmp();
      const [victim, hostile] = accounts;
      const root = path.join(tmp, 'port-zero');
      const precious = path.join(tmp, 'precious');
      fs.writeFileSync(precious, 'the victim keeps this');
      fs.chownSync(precious, victim.uid, victim.gid);
      const forged = JSON.stringify({
        version: 1,
        owner: { token: 'forged', run: 'x', job: 'x', runner: { pid: 1, start: processStart(1) }, host: 'x' },
        created: '2020-01-01T00:00:00Z',
        expires: Date.parse('2099-01-01'),
      });
      // The hostile account comes first: it creates the root and plants under its own name and the victim's.
      runAs(
        hostile,
        [
          `mkdir -m 1777 ${root} && mkdir ${root}/${hostile.uid} && cd ${root}/${hostile.uid}`,
          `ln -s ${precious} 29100.lease && mkfifo 29101.lease && mkdir 29102.lease`,
          `printf 'garbage\\0{' > 29103.lease && head -c 2000000 /dev/zero > 29104.lease`,
          `printf '%s' '${forged}' > 29105.lease && touch -d 2099-01-01 29105.lease`,
          `mkdir ${root}/junk ${root}/${hostile.uid}.x && ln -s /proc ${root}/proc && mkfifo ${root}/fifo`,
          `ln -s ${tmp} ${root}/${victim.uid}`,
        ].join(' && '),
      );
      const started = Date.now();
      const main = await runStep({ account: victim, env: { TMPDIR: tmp }, with: { count: '9', range: '29100-29109', reserve: 'none' } });
      expect(Date.now() - started).toBeLessThan(10_000); // a hang would show here; the claims themselves take milliseconds
      expect(main.code).toBe(0);
      expect(main.stdout).not.toContain('::warning::');
      // Every planted entry counts for nothing but the forged record, which counts only until its cap.
      expect(main.outputs.ports.split(' ').map(Number).sort()).toEqual([29100, 29101, 29102, 29103, 29104, 29106, 29107, 29108, 29109]);
      expect(fs.readFileSync(precious, 'utf8')).toBe('the victim keeps this');
      expect(fs.readdirSync(tmp).sort()).toEqual(['port-zero', 'precious']); // nothing written through the planted link
      const own = fs.readdirSync(root).filter((n) => n.startsWith(`${victim.uid}.`));
      expect(own).toHaveLength(1);
      expect(fs.statSync(path.join(root, own[0])).uid).toBe(victim.uid);
      const post = await runStep({ account: victim, env: { TMPDIR: tmp }, entry: 'post', state: main.state });
      expect(post.code).toBe(0);
      expect(post.stdout).not.toContain('::warning::');
      expect(fs.readdirSync(path.join(root, String(hostile.uid))).sort()).toHaveLength(6); // another account's files are never touched
    });
  },
);

function processStart(pid: number): string {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

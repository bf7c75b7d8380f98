/**
 * Runner accounts on one host: jobs of several accounts at once, run as root in a
 * network namespace of its own (see test/harness/namespace.ts), each step switched to
 * its account and run from the shared copy. Prints one JSON line of facts for the test
 * to judge. Usage: node accounts.ts <scenario> ACCOUNTS JOBS_PER_ACCOUNT PORTS_PER_JOB ROUNDS
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runStep, type StepOptions } from '../harness/action-runner.ts';
import { runAs, RUNNERS_GROUP, testAccounts, type Account } from '../harness/accounts.ts';
import { sharedCopy } from '../harness/shared-copy.ts';
import { stressRound } from '../harness/stress.ts';
import { leaseFiles } from '../helpers/leases.ts';

const [ACCOUNTS, JOBS_PER_ACCOUNT, PORTS_PER_JOB, ROUNDS] = process.argv.slice(3).map(Number);

const accounts = testAccounts(ACCOUNTS);
const FAKE_RUNNER = path.join(sharedCopy().root, 'test', 'helpers', 'fake-runner.ts');
const warned = (stdout: string) => stdout.includes('::warning::');

/** A temp directory shared like /tmp: every step's TMPDIR, so the default lease location is isolated from the machine's. */
function sharedTmp(): string {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-accounts-'));
  fs.chmodSync(tmp, 0o1777);
  return tmp;
}

/** What one round of every account's jobs at once, then their post steps, did. */
interface Round {
  codes: (number | null)[];
  warnings: number;
  handed: number;
  shared: number[];
  posts: (number | null)[];
  postWarnings: number;
}

/** Rounds of every account's jobs at once; each round's jobs then run their post steps. */
async function stress(inputs: Record<string, string>, tmp: string): Promise<Round[]> {
  const jobs = ACCOUNTS * JOBS_PER_ACCOUNT;
  const step = (i: number): StepOptions => ({ account: accounts[i % ACCOUNTS], env: { TMPDIR: tmp } });
  const rounds: Round[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const ask = () => ({ count: String(PORTS_PER_JOB), reserve: 'none', ...inputs });
    const { jobs: mains, handed, shared } = await stressRound(jobs, ask, [], step);
    const posts = await Promise.all(mains.map((j, i) => runStep({ ...step(i), entry: 'post', state: j.state })));
    rounds.push({
      codes: mains.map((j) => j.code),
      warnings: mains.filter((j) => warned(j.stdout)).length,
      handed: handed.length,
      shared,
      posts: posts.map((p) => p.code),
      postWarnings: posts.filter((p) => warned(p.stdout)).length,
    });
  }
  return rounds;
}

const uids = (list: Account[]) => list.map((a) => String(a.uid)).sort();

const scenarios: Record<string, () => Promise<unknown>> = {
  /** The default lease location, with no configuration. */
  async defaultLocation() {
    const tmp = sharedTmp();
    const rounds = await stress({}, tmp);
    const root = path.join(tmp, 'port-zero');
    return {
      rounds,
      mode: fs.statSync(root).mode & 0o7777,
      dirs: fs.readdirSync(root).sort(),
      uids: uids(accounts),
      left: leaseFiles(root),
    };
  },

  /** A lease-dir set up as the README says. */
  async groupLocation() {
    const dir = path.join(sharedTmp(), 'leases');
    execFileSync('install', ['-d', '-m', '3770', '-g', RUNNERS_GROUP, dir]);
    const rounds = await stress({ 'lease-dir': dir }, sharedTmp());
    const owners = accounts.map((a) => fs.statSync(path.join(dir, String(a.uid))).uid);
    return { rounds, owners, uids: accounts.map((a) => a.uid), left: leaseFiles(dir) };
  },

  /** One account's live leases refuse another account's job; once its runner is gone they do not. */
  async refused() {
    const tmp = sharedTmp();
    const [a, b] = accounts;
    const ask = { with: { count: '2', range: '29000-29001', reserve: 'none' }, env: { TMPDIR: tmp } };
    const first = await runStep({ ...ask, account: a, worker: FAKE_RUNNER });
    const refused = await runStep({ ...ask, account: b, with: { ...ask.with, count: '1' } });
    first.worker!.kill('SIGKILL');
    await new Promise((r) => first.worker!.once('exit', r));
    const after = await runStep({ ...ask, account: b });
    const records = fs.readdirSync(path.join(tmp, 'port-zero', String(a.uid))).filter((n) => n.startsWith('lease-'));
    return {
      first: first.code,
      refused: { code: refused.code, stdout: refused.stdout },
      after: { code: after.code, stdout: after.stdout },
      records,
    };
  },

  /** Links, FIFOs, forged records and garbage planted by another account. */
  async planted() {
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
    const ms = Date.now() - started;
    const own = fs.readdirSync(root).filter((n) => n.startsWith(`${victim.uid}.`));
    const post = await runStep({ account: victim, env: { TMPDIR: tmp }, entry: 'post', state: main.state });
    return {
      ms,
      main: { code: main.code, stdout: main.stdout, ports: (main.outputs.ports ?? '').split(' ').map(Number).sort() },
      precious: fs.readFileSync(precious, 'utf8'),
      tmp: fs.readdirSync(tmp).sort(),
      own: own.map((n) => ({ name: n, uid: fs.statSync(path.join(root, n)).uid })),
      victim: victim.uid,
      post: { code: post.code, stdout: post.stdout },
      hostileFiles: fs.readdirSync(path.join(root, String(hostile.uid))).length,
    };
  },
};

function processStart(pid: number): string {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

const name = process.argv[2];
if (!(name in scenarios)) throw new Error(`unknown scenario ${name}`);
process.stdout.write(`${JSON.stringify(await scenarios[name]())}\n`);

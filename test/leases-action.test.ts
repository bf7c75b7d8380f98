import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runJob, runStep, type StepResult } from './harness/action-runner.ts';
import { leaseFiles, ownDir, ownLeasedPorts, ownRecords } from './helpers/leases.ts';
import { close, listen } from './helpers/servers.ts';

const WORKER = path.join(import.meta.dirname, 'helpers/fake-runner.ts');
const KILLER = path.join(import.meta.dirname, 'helpers/kill-mid-allocation.ts');
const workers: NonNullable<StepResult['worker']>[] = [];
afterEach(() => {
  for (const w of workers.splice(0)) w.kill('SIGKILL');
});

function tempDir(prefix = 'port-zero-e2e-') {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

async function killed(worker: NonNullable<StepResult['worker']>) {
  worker.kill('SIGKILL');
  await new Promise((r) => worker.once('exit', r));
}

describe('leases, end to end', () => {
  it('sweeps the records of main steps whose post step never ran, once more than 32 pile up', async () => {
    const dir = tempDir();
    const inputs = { count: '1', 'lease-dir': dir, reserve: 'none' };
    // Each step's runner is a stand-in worker killed after the step, its post step never run: its record is stale.
    for (let i = 0; i < 32; i++) {
      const step = await runStep({ with: inputs, worker: WORKER });
      expect(step.code, step.stdout).toBe(0);
      await killed(step.worker!);
    }
    expect(ownRecords(dir)).toHaveLength(32);
    const live = await runStep({ with: inputs, worker: WORKER });
    workers.push(live.worker!);
    expect(live.code, live.stdout).toBe(0);
    expect(ownRecords(dir)).toHaveLength(1); // its own: the 32 stale ones are gone
    expect((await runStep({ entry: 'post', state: live.state })).code).toBe(0);
  });

  it("says when the ports are leased by an earlier step of the same job, and frees them with that step's post step", async () => {
    const dir = tempDir();
    // The steps' runner is this test process, as one job's steps share their runner.
    const inputs = { count: '2', range: '26010-26011', 'lease-dir': dir, reserve: 'none' };
    const first = await runStep({ with: inputs });
    expect(first.code).toBe(0);
    const second = await runStep({ with: { ...inputs, count: '1' } });
    expect(second.code).toBe(1);
    expect(second.stdout).toMatch(/free in range 26010-26011 \(refused: 2 leased by an earlier step of this job\): widen 'range'/);
    expect((await runStep({ entry: 'post', state: first.state })).code).toBe(0);
    const third = await runStep({ with: inputs });
    expect(third.code).toBe(0);
    expect((await runStep({ entry: 'post', state: third.state })).code).toBe(0);
  });

  it("respects a live job's leases, and reclaims them once its runner process is killed", async () => {
    const dir = tempDir();
    const range = '26000-26003';
    const first = await runStep({ with: { count: '4', range, 'lease-dir': dir }, worker: WORKER });
    workers.push(first.worker!);
    expect(first.code).toBe(0);
    expect(ownLeasedPorts(dir)).toEqual([26000, 26001, 26002, 26003]);

    const refused = await runStep({ with: { count: '1', range, 'lease-dir': dir } });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(
      /Only 0 of the 1 port asked for is free in range 26000-26003 \(refused: 4 (leased by another job|on the kernel's reserved-port list)/,
    );
    expect(refused.rawOutput).toBe('');

    await killed(first.worker!);
    const after = await runStep({ with: { count: '4', range, 'lease-dir': dir } });
    expect(after.code).toBe(0);
    expect(after.outputs.ports.split(' ').map(Number).sort()).toEqual([26000, 26001, 26002, 26003]);
  });

  it("the post step removes its own job's leases and no one else's", async () => {
    const dir = tempDir();
    const other = await runStep({ with: { count: '2', 'lease-dir': dir } });
    const main = await runStep({ with: { count: '3', 'lease-dir': dir } });
    expect(ownLeasedPorts(dir)).toHaveLength(5);
    const post = await runStep({ entry: 'post', state: main.state });
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('Released 3 of 3 port leases.');
    const left = other.outputs.ports
      .split(' ')
      .map(Number)
      .sort((a, b) => a - b);
    expect(ownLeasedPorts(dir)).toEqual(left);
  });

  it('leaves no lease or record behind when the step fails', async () => {
    const dir = tempDir();
    const busy = await listen(27001);
    const main = await runStep({ with: { count: '3', range: '27000-27002', 'lease-dir': dir } });
    await close(busy);
    expect(main.code).toBe(1);
    expect(main.stdout).toContain('Only 2 of the 3 ports');
    expect(leaseFiles(dir)).toEqual([]);
  });

  it('a main step killed mid-allocation leaves its record only until the next post step of its account sweeps it', async () => {
    const dir = tempDir();
    const own = ownDir(dir);
    const main = await runStep({
      with: { count: '1000', 'lease-dir': dir },
      worker: KILLER,
      env: { PORT_ZERO_TEST_WATCH: own },
    });
    workers.push(main.worker!);
    expect(main.code).toBe('SIGKILL');
    expect(main.rawOutput).toBe('');
    expect(ownRecords(dir)).toHaveLength(1); // pending: it ends with the allocating process, not with the runner

    const { post } = await runJob({ with: { count: '1', 'lease-dir': dir } });
    expect(post.code).toBe(0);
    expect(leaseFiles(dir)).toEqual([]);
  }, 30_000);

  it('fails clearly, naming lease-dir, writing nothing, when the lease-dir it was given is a symbolic link', async () => {
    const parent = tempDir();
    fs.mkdirSync(path.join(parent, 'real'), { mode: 0o700 });
    fs.symlinkSync(path.join(parent, 'real'), path.join(parent, 'link'));
    const main = await runStep({ with: { count: '1', 'lease-dir': path.join(parent, 'link') } });
    expect(main.code).toBe(1);
    expect(main.stdout).toMatch(
      /::error::Input 'lease-dir' has a directory that cannot be used, ".*link": it is a symbolic link; refusing to follow it/,
    );
    expect(main.rawOutput + main.rawEnv).toBe('');
    expect(fs.readdirSync(path.join(parent, 'real'))).toEqual([]);
  });

  it('fails clearly when the lease-dir it was given cannot be created, and at once under procfs', async () => {
    const parent = tempDir();
    fs.writeFileSync(path.join(parent, 'file'), '');
    const main = await runStep({ with: { count: '1', 'lease-dir': path.join(parent, 'file', 'leases') } });
    expect(main.code).toBe(1);
    expect(main.stdout).toMatch(/::error::Input 'lease-dir' .* cannot be created \(ENOTDIR\)/);
    expect(main.rawOutput + main.rawEnv).toBe('');
    const proc = await runStep({ with: { count: '1', 'lease-dir': '/proc/no-such-dir/leases' } });
    expect(proc.code).toBe(1);
    expect(proc.stdout).toMatch(/::error::Input 'lease-dir' .*"\/proc\/no-such-dir\/leases": it cannot be created \(ENOENT\)/);
  });

  it('when the shared default location is unusable, warns what the job loses and how to fix it, also in the summary', async () => {
    const tmp = tempDir();
    fs.chmodSync(tmp, 0o1777);
    fs.mkdirSync(path.join(tmp, 'elsewhere'), { mode: 0o700 });
    fs.symlinkSync(path.join(tmp, 'elsewhere'), path.join(tmp, 'port-zero'));
    const { main, post } = await runJob({ with: { count: '2' }, env: { TMPDIR: tmp, TEMP: tmp, TMP: tmp } });
    expect(main.code).toBe(0);
    const warning =
      /::warning::The shared lease directory .*port-zero cannot be used: it is a symbolic link; refusing to follow it\. These ports are not leased: another Port Zero job on this host may be handed them too \(only the [a-z-]+ reservation keeps them apart\)\. To fix it, remove the directory .* lease-dir set up with `install -d -m 3770 -g GROUP DIR`/;
    expect(main.stdout).toMatch(warning);
    expect(main.summary).toContain('These ports are not leased');
    expect(main.outputs.ports.split(' ')).toHaveLength(2);
    expect(fs.readdirSync(path.join(tmp, 'elsewhere'))).toEqual([]);
    expect(post.code).toBe(0);
  });

  it('uses the shared default location in the temp directory, with no warning', async () => {
    const tmp = tempDir();
    fs.chmodSync(tmp, 0o1777);
    const main = await runStep({ with: { count: '2' }, env: { TMPDIR: tmp } });
    expect(main.stdout).not.toContain('::warning::');
    expect(ownLeasedPorts(path.join(tmp, 'port-zero'))).toHaveLength(2);
    const post = await runStep({ entry: 'post', state: main.state, env: { TMPDIR: tmp } });
    expect(post.stdout).not.toContain('::warning::');
    expect(ownLeasedPorts(path.join(tmp, 'port-zero'))).toEqual([]);
  });

  it('honours leases of the earlier layout (<tmp>/port-zero-leases) after the upgrade, and ignores them once stale', async () => {
    const tmp = tempDir();
    fs.chmodSync(tmp, 0o1777);
    const legacy = path.join(tmp, 'port-zero-leases');
    fs.mkdirSync(legacy, { mode: 0o700 });
    const runner = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e9)'], { stdio: 'ignore' });
    await new Promise((r) => runner.once('spawn', r));
    const start = fs.readFileSync(`/proc/${runner.pid}/stat`, 'utf8').split(') ')[1].split(' ')[19];
    // Exactly what the earlier version wrote: a record hard-linked as <port>.lease, then its own name removed.
    const record = {
      version: 1,
      owner: { token: 'b2f5', run: 'o/r/1/1', job: 'test', runner: { pid: runner.pid, start }, host: os.hostname() },
      created: new Date().toISOString(),
      expires: Date.now() + 3600_000,
    };
    fs.writeFileSync(path.join(legacy, '.owner-b2f5.json'), JSON.stringify(record), { mode: 0o644 });
    fs.linkSync(path.join(legacy, '.owner-b2f5.json'), path.join(legacy, '28000.lease'));
    fs.rmSync(path.join(legacy, '.owner-b2f5.json'));

    const refused = await runStep({ with: { count: '1', range: '28000-28000' }, env: { TMPDIR: tmp } });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('Only 0 of the 1 port asked for is free in range 28000-28000');
    runner.kill('SIGKILL');
    await new Promise((r) => runner.once('exit', r));
    const after = await runStep({ with: { count: '1', range: '28000-28000' }, env: { TMPDIR: tmp } });
    expect(after.code).toBe(0);
    expect(after.stdout).not.toContain('::warning::');
    expect(fs.readdirSync(legacy)).toEqual(['28000.lease']); // another version's files are never touched
  });

  it('does not claim a reservation protects the ports when reserve is none', async () => {
    const tmp = tempDir();
    fs.chmodSync(tmp, 0o1777);
    fs.mkdirSync(path.join(tmp, 'elsewhere'), { mode: 0o700 });
    fs.symlinkSync(path.join(tmp, 'elsewhere'), path.join(tmp, 'port-zero'));
    const main = await runStep({ with: { count: '1', reserve: 'none' }, env: { TMPDIR: tmp, TEMP: tmp, TMP: tmp } });
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(
      /These ports are not leased: another Port Zero job on this host may be handed them too \(nothing keeps them apart\)/,
    );
    expect(main.stdout).not.toMatch(/reservation keeps/);
  });

  it('refuses a bad reserve or lease-minutes with one clear error', async () => {
    const bad = await runStep({ with: { reserve: 'forever' } });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(`::error::Input 'reserve' has invalid value "forever": auto, kernel, time-wait, holder or none`);
    const minutes = await runStep({ with: { 'lease-minutes': '0' } });
    expect(minutes.stdout).toContain(`::error::Input 'lease-minutes' has invalid value "0": a whole number of minutes from 1 to 10080`);
    expect(bad.rawOutput + minutes.rawOutput).toBe('');
  });

  it('the post step warns, and never fails, when its lease directory is gone', async () => {
    const dir = tempDir();
    const { main } = await runJob({ with: { count: '1', 'lease-dir': dir } });
    const state = { ...main.state, leaseAccountDir: path.join(dir, 'gone') };
    const post = await runStep({ entry: 'post', state });
    expect(post.code).toBe(0);
    expect(post.stdout).toMatch(
      /::warning::Port Zero could not release the leases: the lease directory .*gone is not this account's own: it does not exist/,
    );
  });

  it.each([
    ['a directory outside the lease location', (dir: string) => ({ leaseAccountDir: path.join(dir, 'gone', 'away') })],
    ['a token that is no token', () => ({ leaseToken: '../../x' })],
    [
      'a holder pid holding a line break',
      () => ({
        holder: JSON.stringify({ process: { pid: '1\n::error::injected', start: null }, host: '127.0.0.1', control: 1, token: 'x' }),
      }),
    ],
    ['kernel ports that are no ports', () => ({ kernelPorts: '70000 x', kernelRoute: 'direct' })],
  ])('the post step ignores, with a warning, saved state of the wrong form: %s', async (_, change) => {
    const dir = tempDir();
    const { main } = await runJob({ with: { count: '1', 'lease-dir': dir, reserve: 'none' } });
    const post = await runStep({ entry: 'post', state: { ...main.state, ...change(dir) } });
    expect(post.code).toBe(0);
    expect(post.stdout).toMatch(/::warning::Port Zero ignored part of its saved state: /);
    expect(post.stdout).not.toMatch(/^::error::/m);
  });

  it('the post step never sweeps a directory that the saved state names outside the lease location', async () => {
    const dir = tempDir();
    const outside = tempDir();
    for (const name of ['lease-notes.json', '8080.lease', '.tmp-1-x.1']) fs.writeFileSync(path.join(outside, name), 'mine');
    const { main } = await runJob({ with: { count: '1', 'lease-dir': dir, reserve: 'none' } });
    const post = await runStep({ entry: 'post', state: { ...main.state, leaseAccountDir: outside } });
    expect(post.code).toBe(0);
    expect(fs.readdirSync(outside).sort()).toEqual(['.tmp-1-x.1', '8080.lease', 'lease-notes.json']);
  });
});

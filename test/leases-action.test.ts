import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runJob, runStep, type StepResult } from '../scripts/action-runner.ts';
import { close, listen } from './helpers/servers.ts';

const WORKER = path.join(import.meta.dirname, 'helpers/fake-runner.ts');
const workers: NonNullable<StepResult['worker']>[] = [];
afterEach(() => {
  for (const w of workers.splice(0)) w.kill('SIGKILL');
});

function tempDir(prefix = 'port-zero-e2e-') {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function leases(dir: string) {
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.lease'))
    .sort();
}

describe('leases, end to end', () => {
  it("respects a live job's leases, and reclaims them once its runner process is killed", async () => {
    const dir = tempDir();
    const range = '26000-26003';
    const first = await runStep({ with: { count: '4', range, 'lease-dir': dir }, worker: WORKER });
    workers.push(first.worker!);
    expect(first.code).toBe(0);
    expect(leases(dir)).toEqual(['26000.lease', '26001.lease', '26002.lease', '26003.lease']);

    const refused = await runStep({ with: { count: '1', range, 'lease-dir': dir } });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(
      /Only 0 of the 1 port asked for is free in range 26000-26003 \(refused: 4 (leased by another job|on the kernel's reserved-port list)/,
    );
    expect(refused.rawOutput).toBe('');

    first.worker!.kill('SIGKILL');
    await new Promise((r) => first.worker!.once('exit', r));
    const after = await runStep({ with: { count: '4', range, 'lease-dir': dir } });
    expect(after.code).toBe(0);
    expect(after.outputs.ports.split(' ').map(Number).sort()).toEqual([26000, 26001, 26002, 26003]);
  });

  it("the post step removes its own job's leases and no one else's", async () => {
    const dir = tempDir();
    const other = await runStep({ with: { count: '2', 'lease-dir': dir } });
    const main = await runStep({ with: { count: '3', 'lease-dir': dir } });
    expect(leases(dir)).toHaveLength(5);
    const post = await runStep({ entry: 'post', state: main.state });
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('Released 3 of 3 port leases.');
    const left = other.outputs.ports
      .split(' ')
      .map((p) => `${p}.lease`)
      .sort();
    expect(leases(dir)).toEqual(left);
    expect(main.outputs.ports.split(' ').every((p) => !leases(dir).includes(`${p}.lease`))).toBe(true);
  });

  it('leaves no lease behind when the step fails', async () => {
    const dir = tempDir();
    const busy = await listen(27001);
    const main = await runStep({ with: { count: '3', range: '27000-27002', 'lease-dir': dir } });
    await close(busy);
    expect(main.code).toBe(1);
    expect(main.stdout).toContain('Only 2 of the 3 ports');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('fails clearly, writing nothing, when the lease-dir it was given is a symbolic link', async () => {
    const parent = tempDir();
    fs.mkdirSync(path.join(parent, 'real'), { mode: 0o700 });
    fs.symlinkSync(path.join(parent, 'real'), path.join(parent, 'link'));
    const main = await runStep({ with: { count: '1', 'lease-dir': path.join(parent, 'link') } });
    expect(main.code).toBe(1);
    expect(main.stdout).toMatch(/::error::Lease directory .*link is a symbolic link; refusing to follow it/);
    expect(main.rawOutput + main.rawEnv).toBe('');
  });

  it('fails clearly when the lease-dir it was given cannot be created', async () => {
    const parent = tempDir();
    fs.writeFileSync(path.join(parent, 'file'), '');
    const main = await runStep({ with: { count: '1', 'lease-dir': path.join(parent, 'file', 'leases') } });
    expect(main.code).toBe(1);
    expect(main.stdout).toMatch(/::error::Lease directory .* cannot be used: ENOTDIR/);
    expect(main.rawOutput + main.rawEnv).toBe('');
  });

  it('warns and goes on without leases when the shared default directory is unusable', async () => {
    const tmp = tempDir();
    fs.mkdirSync(path.join(tmp, 'elsewhere'), { mode: 0o700 });
    fs.symlinkSync(path.join(tmp, 'elsewhere'), path.join(tmp, 'port-zero-leases'));
    const { main, post } = await runJob({ with: { count: '2' }, env: { TMPDIR: tmp, TEMP: tmp, TMP: tmp } });
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/::warning::Lease directory .* is a symbolic link; .*Continuing without leases/);
    expect(main.outputs.ports.split(' ')).toHaveLength(2);
    expect(fs.readdirSync(path.join(tmp, 'elsewhere'))).toEqual([]);
    expect(post.code).toBe(0);
  });

  it('does not claim a reservation protects the ports when reserve is none', async () => {
    const tmp = tempDir();
    fs.mkdirSync(path.join(tmp, 'elsewhere'), { mode: 0o700 });
    fs.symlinkSync(path.join(tmp, 'elsewhere'), path.join(tmp, 'port-zero-leases'));
    const main = await runStep({ with: { count: '1', reserve: 'none' }, env: { TMPDIR: tmp, TEMP: tmp, TMP: tmp } });
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/Continuing without leases: nothing keeps other jobs on this host from being handed the same ports/);
    expect(main.stdout).not.toMatch(/reservation alone/);
  });

  it('refuses a bad reserve or lease-minutes with one clear error', async () => {
    const bad = await runStep({ with: { reserve: 'forever' } });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(`::error::Input 'reserve' has invalid value "forever": auto, kernel, time-wait, holder or none`);
    const minutes = await runStep({ with: { 'lease-minutes': '0' } });
    expect(minutes.stdout).toContain(`::error::Input 'lease-minutes' has invalid value "0": a whole number of minutes from 1 to 10080`);
    expect(bad.rawOutput + minutes.rawOutput).toBe('');
  });

  it('the post step warns, and never fails, when its leases were tampered with', async () => {
    const dir = tempDir();
    const { main } = await runJob({ with: { count: '1', 'lease-dir': dir } });
    const state = { ...main.state, leaseDir: path.join(dir, 'gone', 'away') };
    const post = await runStep({ entry: 'post', state });
    expect(post.code).toBe(0);
    expect(post.stdout).toMatch(/::warning::Port Zero could not release the leases/);
  });
});

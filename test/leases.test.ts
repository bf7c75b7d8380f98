import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LeaseError } from '../src/errors.ts';
import { LeaseBook, newOwner, openLeaseDir, releaseLeases, sweepStale } from '../src/protection/leases.ts';
import { identify, isRunning, type ProcessIdentity } from '../src/platform/process-identity.ts';

const dirs: string[] = [];
const children: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

function leaseDir(): string {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-leases-test-'));
  dirs.push(parent);
  return path.join(parent, 'leases');
}

function book(dir: string, runner: ProcessIdentity = identify(process.pid), ttlMs = 60_000, warnings: string[] = []) {
  return new LeaseBook({ dir, owner: newOwner(runner), ttlMs, warn: (m) => warnings.push(m) });
}

async function startProcess(): Promise<ReturnType<typeof spawn>> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e9)'], { stdio: 'ignore' });
  children.push(child);
  await new Promise((r) => child.once('spawn', r));
  return child;
}

async function exited(child: ReturnType<typeof spawn>) {
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
}

describe('leases', () => {
  // POSIX modes: Windows has ACLs instead, and the directory checks are skipped there.
  it.skipIf(process.platform === 'win32')('creates the directory private to its owner, and lease files read-only to others', async () => {
    const dir = leaseDir();
    const b = book(dir);
    expect(await b.claim([40001])).toBe(true);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dir, '40001.lease')).mode & 0o777).toBe(0o644);
  });

  it('respects a live lease: another job cannot claim the port', async () => {
    const dir = leaseDir();
    expect(await book(dir).claim([40002])).toBe(true);
    expect(await book(dir).claim([40002])).toBe(false);
  });

  it('claims a block all or nothing', async () => {
    const dir = leaseDir();
    expect(await book(dir).claim([40011])).toBe(true);
    const other = book(dir);
    expect(await other.claim([40010, 40011, 40012])).toBe(false);
    expect(fs.existsSync(path.join(dir, '40010.lease'))).toBe(false);
    expect(other.ports).toEqual([]);
  });

  it("reclaims a killed owner's leases", async () => {
    const dir = leaseDir();
    const runner = await startProcess();
    const owner = identify(runner.pid!);
    expect(await book(dir, owner).claim([40003, 40004])).toBe(true);
    expect(await book(dir).claim([40003])).toBe(false);
    await exited(runner);
    expect(isRunning(owner)).toBe(false);
    expect(await book(dir).claim([40003, 40004])).toBe(true);
  });

  it('is not fooled by a reused pid: same pid, other start time, is another process', async () => {
    const dir = leaseDir();
    const impostor = { pid: process.pid, start: 'not-the-real-start' };
    expect(await book(dir, impostor).claim([40005])).toBe(true);
    expect(await book(dir).claim([40005])).toBe(true);
  });

  it('reclaims an expired lease whose owner still runs', async () => {
    const dir = leaseDir();
    expect(await book(dir, identify(process.pid), -1).claim([40006])).toBe(true);
    expect(await book(dir).claim([40006])).toBe(true);
  });

  it("the post step removes exactly its own job's leases", async () => {
    const dir = leaseDir();
    const mine = book(dir);
    const theirs = book(dir);
    await mine.claim([40020, 40021]);
    await theirs.claim([40022]);
    mine.close();
    theirs.close();
    expect(releaseLeases(dir, mine.owner.token, [40020, 40021, 40022])).toBe(2);
    expect(fs.readdirSync(dir).sort()).toEqual(['40022.lease']);
  });

  it('gives back every lease of a failed allocation', async () => {
    const dir = leaseDir();
    const b = book(dir);
    await b.claim([40030, 40031]);
    b.releaseAll();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it.each([
    ['empty', ''],
    ['garbage', 'garbage \u0000\u00ff'],
    ['a record of the wrong shape', '{"version":1,"owner":{"token":5}}'],
    ['JSON that is not an object', 'null'],
  ])('reports and replaces a lease file that is %s', async (_, content) => {
    const dir = leaseDir();
    openLeaseDir(dir);
    fs.writeFileSync(path.join(dir, '40040.lease'), content);
    const warnings: string[] = [];
    expect(await book(dir, identify(process.pid), 60_000, warnings).claim([40040])).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/Removed a corrupt lease .*40040\.lease/);
  });

  it('skips a port whose lease entry cannot be removed, without crashing', async () => {
    const dir = leaseDir();
    openLeaseDir(dir);
    fs.mkdirSync(path.join(dir, '40070.lease'));
    const warnings: string[] = [];
    expect(await book(dir, identify(process.pid), 60_000, warnings).claim([40070])).toBe(false);
    expect(warnings[0]).toMatch(/Cannot remove/);
  });

  it('never follows a lease file that is a symbolic link', async () => {
    const dir = leaseDir();
    openLeaseDir(dir);
    const target = path.join(path.dirname(dir), 'precious');
    fs.writeFileSync(target, 'keep me');
    fs.symlinkSync(target, path.join(dir, '40050.lease'));
    const warnings: string[] = [];
    expect(await book(dir, identify(process.pid), 60_000, warnings).claim([40050])).toBe(true);
    expect(warnings[0]).toMatch(/symbolic link/);
    expect(fs.readFileSync(target, 'utf8')).toBe('keep me');
    expect(fs.lstatSync(path.join(dir, '40050.lease')).isSymbolicLink()).toBe(false);
  });

  it('refuses a lease directory that is a symbolic link', () => {
    const dir = leaseDir();
    fs.mkdirSync(path.join(path.dirname(dir), 'real'), { mode: 0o700 });
    fs.symlinkSync(path.join(path.dirname(dir), 'real'), dir);
    expect(() => book(dir)).toThrow(LeaseError);
    expect(() => book(dir)).toThrow(/is a symbolic link; refusing to follow it/);
  });

  it.skipIf(process.platform === 'win32')('refuses a lease directory that other users can write to', () => {
    const dir = leaseDir();
    fs.mkdirSync(dir, { recursive: true });
    fs.chmodSync(dir, 0o777);
    expect(() => book(dir)).toThrow(/writable by other users \(mode 777\)/);
  });

  it('refuses a lease directory that cannot be created', () => {
    const parent = leaseDir();
    fs.mkdirSync(path.dirname(parent), { recursive: true });
    fs.writeFileSync(parent, 'a file, not a directory');
    expect(() => book(path.join(parent, 'leases'))).toThrow(/cannot be used/);
  });

  it.skipIf(process.platform === 'win32')('refuses a lease directory owned by another user', () => {
    if (process.getuid!() !== 0) return expect(() => book('/')).toThrow(/belongs to another user/);
    const dir = leaseDir();
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.chownSync(dir, 65534, 65534);
    expect(() => book(dir)).toThrow(/belongs to another user \(uid 65534\)/);
  });

  it('sweeps stale and corrupt leases from a garbage-filled directory, keeping live ones', async () => {
    const dir = leaseDir();
    const live = book(dir);
    await live.claim([40060]);
    const dead = await startProcess();
    const gone = book(dir, identify(dead.pid!));
    await gone.claim([40061, 40062]);
    await exited(dead);
    fs.writeFileSync(path.join(dir, '40063.lease'), '{not json');
    fs.writeFileSync(path.join(dir, 'README'), 'not a lease at all');
    fs.mkdirSync(path.join(dir, '40064.lease'));
    const warnings: string[] = [];
    expect(sweepStale(dir, (m) => warnings.push(m))).toHaveLength(3);
    expect(
      fs
        .readdirSync(dir)
        .filter((n) => n.endsWith('.lease'))
        .sort(),
    ).toEqual(['40060.lease', '40064.lease']);
    expect(warnings).toHaveLength(2);
    expect(warnings.join(' ')).toMatch(/Removed a corrupt lease .*40063[.]lease/);
    expect(warnings.join(' ')).toMatch(/Cannot remove .*40064[.]lease [(]E[A-Z]+[)]; its port is skipped/);
  });

  it('judges each lease record on its own when file IDs differ only beyond a double (64-bit NTFS IDs)', async () => {
    const dir = leaseDir();
    const live = book(dir);
    await live.claim([40070]);
    const dead = await startProcess();
    const gone = book(dir, identify(dead.pid!));
    await gone.claim([40071]);
    await exited(dead);
    // Windows reports NTFS file IDs such as these; as Numbers both are 2**60, one key for two records.
    const ids: Record<string, bigint> = { '40070.lease': 2n ** 60n, '40071.lease': 2n ** 60n + 1n };
    const realLstat = fs.lstatSync;
    const spy = vi.spyOn(fs, 'lstatSync').mockImplementation(((file: fs.PathLike, options?: fs.StatOptions) => {
      const stat = realLstat(file, options as fs.StatSyncOptions);
      const id = ids[path.basename(String(file))];
      if (id === undefined || !stat) return stat;
      return Object.assign(stat, { ino: options?.bigint ? id : Number(id) });
    }) as typeof fs.lstatSync);
    try {
      expect(sweepStale(dir, () => {})).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.lease'))).toEqual(['40070.lease']);
  });
});

import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LeaseError } from '../src/errors.ts';
import { hasLiveLease, LeaseBook, newOwner, releaseLeases, releaseOwnedBy, sweepStale } from '../src/protection/leases.ts';
import { defaultLeaseRoot, openLeaseLocation, type LeaseLocation } from '../src/protection/lease-location.ts';
import { judgeRecord, type LeaseRecord } from '../src/protection/lease-record.ts';
import { MAX_LEASE_MINUTES } from '../src/settings/constants.ts';
import { identify, isRunning, type ProcessIdentity } from '../src/platform/process-identity.ts';

const children: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});
const uid = String(process.getuid!());
const root = process.getuid!() === 0;

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-leases-test-'));
}

/** A named location, private to this account as a lone user would have it. */
function location(dir = path.join(tempDir(), 'leases')): LeaseLocation {
  return openLeaseLocation(dir, true);
}

function book(where: LeaseLocation, runner: ProcessIdentity = identify(process.pid), ttlMs = 60_000, warnings: string[] = []) {
  return new LeaseBook({ location: where, owner: newOwner(runner), ttlMs, reservation: 'time-wait', warn: (m) => warnings.push(m) });
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

/** A directory in the root as another account would make it (chowned to nobody when root). */
function otherAccountDir(where: LeaseLocation): string {
  const dir = path.join(where.root, root ? '65534' : `${uid}.other`);
  fs.mkdirSync(dir, { mode: 0o755 });
  if (root) fs.chownSync(dir, 65534, 65534);
  return dir;
}

function record(runner: ProcessIdentity, expires: number, token = 'forged'): LeaseRecord {
  return { version: 1, owner: { token, run: 'x', job: 'y', runner, host: 'h' }, created: new Date().toISOString(), expires };
}

// POSIX modes, uids and FIFOs: Windows has ACLs instead, and these checks are skipped there.
const posix = process.platform !== 'win32';

describe.skipIf(!posix)('lease location', () => {
  it('creates the default root shared like /tmp (1777) and a directory per account (0755), lease files 0644', async () => {
    const tmp = tempDir();
    const where = openLeaseLocation(path.join(tmp, 'port-zero'), false);
    expect(fs.statSync(where.root).mode & 0o7777).toBe(0o1777);
    expect(where.own).toBe(path.join(tmp, 'port-zero', uid));
    expect(fs.statSync(where.own).mode & 0o7777).toBe(0o755);
    expect(await book(where).claim([40001])).toBe(true);
    expect(fs.statSync(path.join(where.own, '40001.lease')).mode & 0o777).toBe(0o644);
  });

  it('puts the default root in the system temp directory, so TMPDIR isolates it', () => {
    expect(defaultLeaseRoot({ ...process.env })).toBe(path.join(os.tmpdir(), 'port-zero'));
  });

  it.each([
    ['a symbolic link', (dir: string) => fs.symlinkSync(tempDir(), dir), /symbolic link; refusing to follow it/],
    [
      'writable by everyone without the sticky bit',
      (dir: string) => mkdirMode(dir, 0o777),
      /writable by every user but not sticky \(mode 0777\)/,
    ],
    [
      'group-writable but neither setgid nor sticky',
      (dir: string) => mkdirMode(dir, 0o770),
      /group-writable but neither setgid nor sticky/,
    ],
    ['a file', (dir: string) => fs.writeFileSync(dir, ''), /not a directory/],
  ])('refuses a lease-dir that is %s, naming lease-dir and the setup command', (_, make, why) => {
    const dir = path.join(tempDir(), 'shared');
    make(dir);
    expect(() => openLeaseLocation(dir, true)).toThrow(LeaseError);
    expect(() => openLeaseLocation(dir, true)).toThrow(why);
    expect(() => openLeaseLocation(dir, true)).toThrow(/^Input 'lease-dir' .*install -d -m 3770 -g GROUP .*shared`$/);
  });

  it('accepts a group-owned setgid lease-dir and a sticky world-writable one', () => {
    const group = path.join(tempDir(), 'group');
    mkdirMode(group, 0o2770);
    expect(openLeaseLocation(group, true).own).toBe(path.join(group, uid));
    const sticky = path.join(tempDir(), 'sticky');
    mkdirMode(sticky, 0o1777);
    expect(openLeaseLocation(sticky, true).own).toBe(path.join(sticky, uid));
  });

  it.each(['/proc/no-such-dir/leases', '/proc', '/sys/kernel'])('refuses %s at once, never looping on procfs or sysfs', (dir) => {
    const started = Date.now();
    expect(() => openLeaseLocation(dir, true)).toThrow(/^Input 'lease-dir' /);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('creates a missing lease-dir one level only, private to this account', () => {
    const parent = tempDir();
    expect(() => openLeaseLocation(path.join(parent, 'a', 'b'), true)).toThrow(/cannot be created \(ENOENT\)/);
    expect(fs.readdirSync(parent)).toEqual([]);
    expect(fs.statSync(location(path.join(parent, 'a')).root).mode & 0o777).toBe(0o700);
  });

  it("never writes through a link planted under this account's name; uses a directory of its own instead", async () => {
    const tmp = tempDir();
    const rootDir = path.join(tmp, 'port-zero');
    mkdirMode(rootDir, 0o1777);
    const elsewhere = tempDir();
    fs.symlinkSync(elsewhere, path.join(rootDir, uid));
    const where = openLeaseLocation(rootDir, false);
    expect(path.basename(where.own)).toMatch(new RegExp(`^${uid}\\.`));
    const b = book(where);
    expect(await b.claim([40002])).toBe(true);
    b.close();
    expect(fs.readdirSync(elsewhere)).toEqual([]);
    expect(openLeaseLocation(rootDir, false).own).toBe(where.own); // found again by the next step
  });
});

describe('leases', () => {
  it('respects a live lease: another job cannot claim the port', async () => {
    const where = location();
    expect(await book(where).claim([40002])).toBe(true);
    expect(await book(where).claim([40002])).toBe(false);
    expect(hasLiveLease(where.root, 40002)).toBe(true);
    expect(hasLiveLease(where.root, 40003)).toBe(false);
  });

  it("still sees an account's live leases after the root's owner renames its directory", async () => {
    const where = location();
    expect(await book(where).claim([40005])).toBe(true);
    fs.renameSync(where.own, path.join(where.root, 'hidden'));
    expect(hasLiveLease(where.root, 40005)).toBe(true);
  });

  it('claims a block all or nothing', async () => {
    const where = location();
    expect(await book(where).claim([40011])).toBe(true);
    const other = book(where);
    expect(await other.claim([40010, 40011, 40012])).toBe(false);
    expect(fs.existsSync(path.join(where.own, '40010.lease'))).toBe(false);
    expect(other.ports).toEqual([]);
  });

  it("reclaims a killed owner's leases", async () => {
    const where = location();
    const runner = await startProcess();
    const owner = identify(runner.pid!);
    expect(await book(where, owner).claim([40003, 40004])).toBe(true);
    expect(await book(where).claim([40003])).toBe(false);
    await exited(runner);
    expect(isRunning(owner)).toBe(false);
    expect(hasLiveLease(where.root, 40003)).toBe(false);
    expect(await book(where).claim([40003, 40004])).toBe(true);
  });

  it('is not fooled by a reused pid: same pid, other start time, is another process', async () => {
    const where = location();
    expect(await book(where, { pid: process.pid, start: 'not-the-real-start' }).claim([40005])).toBe(true);
    expect(await book(where).claim([40005])).toBe(true);
  });

  it('reclaims an expired lease whose owner still runs', async () => {
    const where = location();
    expect(await book(where, identify(process.pid), -1).claim([40006])).toBe(true);
    expect(await book(where).claim([40006])).toBe(true);
  });

  it("the post step removes exactly its own job's leases", async () => {
    const where = location();
    const mine = book(where);
    const theirs = book(where);
    await mine.claim([40020, 40021]);
    await theirs.claim([40022]);
    mine.close();
    theirs.close();
    expect(releaseLeases(where.own, mine.owner.token, [40020, 40021, 40022])).toBe(2);
    expect(fs.readdirSync(where.own).sort()).toEqual(['40022.lease']);
  });

  it('releases every lease of one owner process, and only those', async () => {
    const where = location();
    const shell = await startProcess();
    const caller = identify(shell.pid!);
    for (const port of [40025, 40026]) {
      const b = book(where, caller);
      await b.claim([port]);
      b.close();
    }
    await book(where).claim([40027]);
    expect(releaseOwnedBy(where.own, caller)).toEqual([40025, 40026]);
    expect(fs.readdirSync(where.own).filter((n) => n.endsWith('.lease'))).toEqual(['40027.lease']);
  });

  it('gives back every lease of a failed allocation', async () => {
    const where = location();
    const b = book(where);
    await b.claim([40030, 40031]);
    b.releaseAll();
    expect(fs.readdirSync(where.own)).toEqual([]);
  });

  it.each([
    ['empty', ''],
    ['garbage', 'garbage \u0000\u00ff'],
    ['a record of the wrong shape', '{"version":1,"owner":{"token":5}}'],
    ['JSON that is not an object', 'null'],
  ])('reports and replaces a lease file of its own that is %s', async (_, content) => {
    const where = location();
    fs.writeFileSync(path.join(where.own, '40040.lease'), content);
    const warnings: string[] = [];
    expect(await book(where, identify(process.pid), 60_000, warnings).claim([40040])).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/Removed a corrupt lease .*40040\.lease/);
  });

  it('skips a port whose lease entry cannot be removed, without crashing', async () => {
    const where = location();
    fs.mkdirSync(path.join(where.own, '40070.lease'));
    const warnings: string[] = [];
    expect(await book(where, identify(process.pid), 60_000, warnings).claim([40070])).toBe(false);
    expect(warnings[0]).toMatch(/Cannot remove/);
  });

  it('never follows a lease file that is a symbolic link', async () => {
    const where = location();
    const target = path.join(tempDir(), 'precious');
    fs.writeFileSync(target, 'keep me');
    fs.symlinkSync(target, path.join(where.own, '40050.lease'));
    const warnings: string[] = [];
    expect(await book(where, identify(process.pid), 60_000, warnings).claim([40050])).toBe(true);
    expect(warnings[0]).toMatch(/symbolic link/);
    expect(fs.readFileSync(target, 'utf8')).toBe('keep me');
    expect(fs.lstatSync(path.join(where.own, '40050.lease')).isSymbolicLink()).toBe(false);
  });
});

describe.skipIf(!posix)('leases of other accounts', () => {
  it("honours another account's live lease and ignores its stale one, never touching its files", async () => {
    const where = location();
    const theirs = otherAccountDir(where);
    const dead = await startProcess();
    const gone = identify(dead.pid!);
    await exited(dead);
    fs.writeFileSync(path.join(theirs, '40080.lease'), JSON.stringify(record(identify(process.pid), Date.now() + 60_000)));
    fs.writeFileSync(path.join(theirs, '40081.lease'), JSON.stringify(record(gone, Date.now() + 60_000)));
    expect(await book(where).claim([40080])).toBe(false);
    expect(fs.existsSync(path.join(where.own, '40080.lease'))).toBe(false); // backed off
    expect(await book(where).claim([40081])).toBe(true);
    expect(sweepStale(where.own, () => {})).toEqual([]);
    expect(fs.readdirSync(theirs).sort()).toEqual(['40080.lease', '40081.lease']);
  });

  it('caps a forged record: an expiry years ahead and pid 1 as owner count for at most the longest lease-minutes', () => {
    const forged = record(identify(1), Date.now() + 10 * 365 * 24 * 3600_000);
    const max = MAX_LEASE_MINUTES * 60_000;
    expect(judgeRecord(forged, Date.now()).live).toBe(true);
    expect(judgeRecord(forged, Date.now() - max + 60_000).live).toBe(true);
    expect(judgeRecord(forged, Date.now() - max - 1)).toEqual({ live: false, why: expect.stringMatching(/^expired at /) });
  });

  it('a forged record whose file claims an old mtime still counts from its ctime', () => {
    const where = location();
    const theirs = otherAccountDir(where);
    const file = path.join(theirs, '40082.lease');
    fs.writeFileSync(file, JSON.stringify(record(identify(1), Date.now() + 1e12)));
    const future = new Date(Date.now() + 1e12);
    fs.utimesSync(file, future, future); // mtime far ahead changes nothing: ctime is now
    expect(hasLiveLease(where.root, 40082)).toBe(true);
  });

  it.each([
    ['a symbolic link to a file of ours', (file: string, target: string) => fs.symlinkSync(target, file)],
    ['a FIFO', (file: string) => execFileSync('mkfifo', [file])],
    ['a directory', (file: string) => fs.mkdirSync(file)],
    ['garbage', (file: string) => fs.writeFileSync(file, '\u0000garbage{')],
    ['a huge file', (file: string) => fs.writeFileSync(file, ' '.repeat(1 << 20) + JSON.stringify(record(identify(1), Date.now() + 1e9)))],
    ['a hard link to a file of ours', (file: string, target: string) => fs.linkSync(target, file)],
  ])('a lease planted by another account as %s ends within 1 s, counts for nothing and harms nothing', async (_, plant) => {
    const where = location();
    const target = path.join(tempDir(), 'precious');
    fs.writeFileSync(target, JSON.stringify(record(identify(process.pid), Date.now() + 1e9)));
    const before = fs.readFileSync(target, 'utf8');
    plant(path.join(otherAccountDir(where), '40090.lease'), target);
    const started = Date.now();
    const warnings: string[] = [];
    const b = book(where, identify(process.pid), 60_000, warnings);
    const claimed = await b.claim([40090]);
    b.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(fs.readFileSync(target, 'utf8')).toBe(before);
    expect(warnings).toEqual([]);
    // A hard link is a readable record: like any record, it counts while its owner lives.
    expect(claimed).toBe(_ !== 'a hard link to a file of ours');
  });

  it('a thousand junk entries in the root cost little and harm nothing', async () => {
    const where = location();
    for (let i = 0; i < 1000; i++) fs.mkdirSync(path.join(where.root, i % 2 ? `junk${i}` : String(1_000_000 + i)));
    for (let i = 0; i < 100; i++) fs.writeFileSync(path.join(where.root, `file${i}`), 'x');
    fs.symlinkSync('/proc', path.join(where.root, 'proc'));
    const started = Date.now();
    const b = book(where);
    expect(await b.claim(Array.from({ length: 16 }, (_, i) => 40100 + i))).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('earlier leases (lease files straight in <tmp>/port-zero-leases)', () => {
  /** What the earlier version wrote: a record hard-linked as `<port>.lease`, in a private directory. */
  function legacyLease(dir: string, port: number, runner: ProcessIdentity) {
    fs.mkdirSync(dir, { mode: 0o700, recursive: true });
    const owner = path.join(dir, `.owner-${port}.json`);
    fs.writeFileSync(owner, JSON.stringify(record(runner, Date.now() + 60_000, `legacy-${port}`)), { mode: 0o644 });
    fs.linkSync(owner, path.join(dir, `${port}.lease`));
    fs.rmSync(owner);
  }

  it('honours a live one and ignores a stale one, in the earlier default directory and in a lease-dir', async () => {
    const tmp = tempDir();
    const dead = await startProcess();
    const gone = identify(dead.pid!);
    await exited(dead);
    const legacy = path.join(tmp, 'port-zero-leases');
    legacyLease(legacy, 40120, identify(process.pid));
    legacyLease(legacy, 40121, gone);
    fs.symlinkSync('/etc/passwd', path.join(legacy, '40122.lease'));
    const where = openLeaseLocation(path.join(tmp, 'port-zero'), false);
    expect(await book(where).claim([40120])).toBe(false);
    expect(await book(where).claim([40121])).toBe(true);
    expect(await book(where).claim([40122])).toBe(true);
    expect(fs.readdirSync(legacy).sort()).toEqual(['40120.lease', '40121.lease', '40122.lease']);

    const named = path.join(tmp, 'named');
    legacyLease(named, 40123, identify(process.pid));
    expect(await book(openLeaseLocation(named, true)).claim([40123])).toBe(false);
  });
});

describe('sweeping', () => {
  it('removes stale and corrupt leases of this account, returning port and reservation, keeping live ones', async () => {
    const where = location();
    const live = book(where);
    await live.claim([40060]);
    const dead = await startProcess();
    const gone = book(where, identify(dead.pid!));
    await gone.claim([40061, 40062]);
    gone.close();
    await exited(dead);
    fs.writeFileSync(path.join(where.own, '40063.lease'), '{not json');
    fs.writeFileSync(path.join(where.own, 'README'), 'not a lease at all');
    fs.mkdirSync(path.join(where.own, '40064.lease'));
    const warnings: string[] = [];
    const stale = sweepStale(where.own, (m) => warnings.push(m));
    expect(stale.map(({ port, reservation }) => ({ port, reservation })).sort((a, b) => a.port - b.port)).toEqual([
      { port: 40061, reservation: 'time-wait' },
      { port: 40062, reservation: 'time-wait' },
      { port: 40063, reservation: undefined },
    ]);
    expect(
      fs
        .readdirSync(where.own)
        .filter((n) => n.endsWith('.lease'))
        .sort(),
    ).toEqual(['40060.lease', '40064.lease']);
    expect(warnings).toHaveLength(2);
    expect(warnings.join(' ')).toMatch(/Removed a corrupt lease .*40063[.]lease/);
    expect(warnings.join(' ')).toMatch(/Cannot remove .*40064[.]lease [(]E[A-Z]+[)]; its port is skipped/);
  });

  it('removes the record of an allocation killed mid-way once its process is gone, and only then', async () => {
    const where = location();
    const allocator = await startProcess();
    const name = `.owner-${allocator.pid}-0123abcd-token.json`;
    fs.writeFileSync(
      path.join(where.own, name),
      JSON.stringify({ ...record(identify(process.pid), Date.now() + 1e6), allocator: identify(allocator.pid!) }),
    );
    fs.writeFileSync(path.join(where.own, `.owner-${allocator.pid}-half-written.json`), '');
    sweepStale(where.own, () => {});
    expect(fs.readdirSync(where.own).length).toBe(2);
    await exited(allocator);
    sweepStale(where.own, () => {});
    expect(fs.readdirSync(where.own)).toEqual([]);
  });
});

describe('sweeping on Windows file IDs', () => {
  it('judges each lease record on its own when file IDs differ only beyond a double (64-bit NTFS IDs)', async () => {
    const where = location();
    await book(where).claim([40070]);
    const dead = await startProcess();
    await book(where, identify(dead.pid!)).claim([40071]);
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
      expect(sweepStale(where.own, () => {}).map((s) => s.port)).toEqual([40071]);
    } finally {
      spy.mockRestore();
    }
    expect(fs.readdirSync(where.own).filter((n) => n.endsWith('.lease'))).toEqual(['40070.lease']);
  });
});

function mkdirMode(dir: string, mode: number) {
  fs.mkdirSync(dir);
  fs.chmodSync(dir, mode);
}

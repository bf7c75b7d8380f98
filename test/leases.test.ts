import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LeaseError } from '../src/errors.ts';
import { LeaseBook } from '../src/leases/lease-book.ts';
import { releaseLeases, releaseOwnedBy, sweepStale } from '../src/leases/lease-cleanup.ts';
import { newOwner } from '../src/leases/lease-owner.ts';
import { liveLeasedPorts } from '../src/leases/lease-reader.ts';
import { defaultLeaseRoot, openLeaseLocation, type LeaseLocation } from '../src/leases/lease-location.ts';
import { legacyDefaultDir } from '../src/leases/legacy-layout.ts';
import { formatPorts, judgeRecord, MAX_LEASE_MINUTES, parsePorts, readRecord, type LeaseRecord } from '../src/leases/lease-record.ts';

import { identify, isRunning, type ProcessIdentity } from '../src/platform/process-identity.ts';
import { needInSuite } from './harness/needs.ts';

const children: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});
// Windows has no uids: the tests that use them need posix-files, and skip there.
const uid = String(process.getuid?.());
const root = process.getuid?.() === 0;

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-leases-test-'));
}

/** A named location, private to this account as a lone user would have it. */
function location(dir = path.join(tempDir(), 'leases')): LeaseLocation {
  return openLeaseLocation(dir, true);
}

function book(where: LeaseLocation, runner: ProcessIdentity = identify(process.pid), ttlMs = 60_000) {
  return new LeaseBook({ location: where, owner: newOwner(runner), ttlMs, reservation: 'time-wait' });
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

/** A record as an allocation commits it, listing `ports`. */
function recordOf(ports: number[], runner: ProcessIdentity, expires = Date.now() + 60_000, token = 'forged'): LeaseRecord {
  return { ...record(runner, expires, token), version: 2, ports: formatPorts(ports) };
}

/** Claims `ports` as one group (a block): all or nothing; true when granted. */
async function claimOne(b: LeaseBook, ...ports: number[]): Promise<boolean> {
  return (await b.claim([ports]))[0] === 'granted';
}

/** The allocation records in a directory. */
function records(dir: string): string[] {
  return fs.readdirSync(dir).filter((n) => /^lease-.*\.json$/.test(n));
}

/** The ports the records in `dir` list, live or not, ascending. */
function listed(dir: string): number[] {
  return records(dir)
    .flatMap((n) => {
      const read = readRecord(path.join(dir, n));
      return read.kind === 'record' ? (parsePorts(read.record.ports ?? '') ?? []) : [];
    })
    .sort((a, b) => a - b);
}

/**
 * A LeaseBook in another process, owned by this one (which outlives it), with reservation
 * 'kernel': runs `first`, says so, then runs `then`. Resolves once `first` is done.
 */
async function bookInChild(where: LeaseLocation, first: string, then: string): Promise<ReturnType<typeof spawn>> {
  const leases = JSON.stringify(path.resolve('src/leases/lease-book.ts'));
  const owner = JSON.stringify(path.resolve('src/leases/lease-owner.ts'));
  const identity = JSON.stringify(path.resolve('src/platform/process-identity.ts'));
  const script = `import { LeaseBook } from ${leases};
    import { newOwner } from ${owner};
    import { identify } from ${identity};
    const b = new LeaseBook({ location: ${JSON.stringify(where)}, owner: newOwner(identify(${process.pid})), ttlMs: 60_000, reservation: 'kernel' });
    ${first}
    console.log('ready');
    ${then}`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  await new Promise((resolve) => child.stdout!.once('data', resolve));
  return child;
}

const leased = (where: LeaseLocation, ...ports: number[]) => [...liveLeasedPorts(where.root, ports)].sort((a, b) => a - b);

describe('lease location', () => {
  needInSuite('posix-files');

  it('creates the default root shared like /tmp (1777) and a directory per account (0755), lease records 0644', async () => {
    const tmp = tempDir();
    const where = openLeaseLocation(path.join(tmp, 'port-zero'), false);
    expect(fs.statSync(where.root).mode & 0o7777).toBe(0o1777);
    expect(where.own).toBe(path.join(tmp, 'port-zero', uid));
    expect(fs.statSync(where.own).mode & 0o7777).toBe(0o755);
    expect(await claimOne(book(where), 40001)).toBe(true);
    expect(fs.statSync(path.join(where.own, records(where.own)[0])).mode & 0o777).toBe(0o644);
  });

  it('puts the default root in the system temp directory, so TMPDIR isolates it', () => {
    expect(defaultLeaseRoot({ ...process.env })).toBe(path.join(os.tmpdir(), 'port-zero'));
  });

  it("puts macOS's default root in /tmp, which every account shares, not in the per-user temp folder under /var/folders", () => {
    expect(defaultLeaseRoot({}, 'darwin', '/var/folders/zz/zyxvpxvq6csfxvn_n0000000000000/T')).toBe('/tmp/port-zero');
    expect(defaultLeaseRoot({}, 'darwin', '/private/var/folders/zz/zyxvpxvq6csfxvn_n0000000000000/T/')).toBe('/tmp/port-zero');
    // A TMPDIR set on purpose is kept, as on Linux.
    expect(defaultLeaseRoot({}, 'darwin', '/Users/runner/tmp')).toBe('/Users/runner/tmp/port-zero');
    expect(defaultLeaseRoot({}, 'linux', '/var/folders/x')).toBe('/var/folders/x/port-zero');
  });

  // The set-up command only where running it helps: `install -d` follows a link (and would change
  // the mode of what it points to) and fails on a file.
  it.each([
    ['a symbolic link', (dir: string) => fs.symlinkSync(tempDir(), dir), /symbolic link; refusing to follow it/, false],
    [
      'writable by everyone without the sticky bit',
      (dir: string) => mkdirMode(dir, 0o777),
      /writable by every user but not sticky \(mode 0777\)/,
      true,
    ],
    [
      'group-writable but neither setgid nor sticky',
      (dir: string) => mkdirMode(dir, 0o770),
      /group-writable but neither setgid nor sticky/,
      true,
    ],
    ['a file', (dir: string) => fs.writeFileSync(dir, ''), /not a directory/, false],
  ])('refuses a lease-dir that is %s, naming lease-dir, with the set-up command where it helps', (_, make, why, hint) => {
    const dir = path.join(tempDir(), 'shared');
    make(dir);
    expect(() => openLeaseLocation(dir, true)).toThrow(LeaseError);
    expect(() => openLeaseLocation(dir, true)).toThrow(why);
    expect(() => openLeaseLocation(dir, true)).toThrow(/^Input 'lease-dir' has a directory that cannot be used, ".*shared": /);
    const advice = /\. For several accounts, set one up with `install -d -m 3770 -g GROUP .*shared`$/;
    if (hint) expect(() => openLeaseLocation(dir, true)).toThrow(advice);
    else expect(() => openLeaseLocation(dir, true)).not.toThrow(/install -d/);
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
    expect(await claimOne(b, 40002)).toBe(true);
    b.commit();
    expect(fs.readdirSync(elsewhere)).toEqual([]);
    expect(openLeaseLocation(rootDir, false).own).toBe(where.own); // found again by the next step
  });
});

describe('leases', () => {
  it('writes one record, once, for an allocation this process owns itself (the library): no pending record first', async () => {
    const where = location();
    const b = book(where);
    expect(records(where.own)).toEqual([]);
    await b.claim([[40030]]);
    const read = readRecord(path.join(where.own, records(where.own)[0]));
    expect(read.kind === 'record' && read.record).toMatchObject({ ports: '40030' });
    expect(read.kind === 'record' && read.record.pending).toBeUndefined();
    const before = fs.statSync(path.join(where.own, records(where.own)[0])).ino;
    b.commit([40030]);
    expect(fs.statSync(path.join(where.own, records(where.own)[0])).ino).toBe(before); // nothing to write again
  });

  it('respects a live lease: another job cannot claim the port', async () => {
    const where = location();
    expect(await claimOne(book(where), 40002)).toBe(true);
    expect(await claimOne(book(where), 40002)).toBe(false);
    expect(leased(where, 40002, 40003)).toEqual([40002]);
  });

  it("still sees an account's live leases after the root's owner renames its directory", async () => {
    const where = location();
    expect(await claimOne(book(where), 40005)).toBe(true);
    fs.renameSync(where.own, path.join(where.root, 'hidden'));
    expect(leased(where, 40005)).toEqual([40005]);
  });

  it("tells the caller's own earlier lease from another's: same runner, committed, in its own directory", async () => {
    const where = location();
    const earlier = book(where);
    await earlier.claim([[40030], [40031]]);
    earlier.commit();
    const stranger = await startProcess();
    const elsewhere = book(where, identify(stranger.pid!));
    await elsewhere.claim([[40032]]);
    elsewhere.commit();
    const b = book(where);
    // A group with one port of each counts as another's: the caller cannot free that one.
    expect(await b.claim([[40030], [40032], [40031, 40032], [40033]])).toEqual([
      'leased-by-caller',
      'leased-by-other',
      'leased-by-other',
      'granted',
    ]);
  });

  it('claims a block all or nothing, and a refused block leaves the record', async () => {
    const where = location();
    expect(await claimOne(book(where), 40011)).toBe(true);
    const other = book(where);
    expect(await claimOne(other, 40010, 40011, 40012)).toBe(false);
    expect(other.ports).toEqual([]);
    expect(listed(where.own)).toEqual([40011]);
  });

  it('judges every group of one claim on its own, in one record', async () => {
    const where = location();
    // Owned by the parent (as a job's leases are its runner's): each allocation's record is pending while it runs.
    const runner = identify(process.ppid);
    await claimOne(book(where, runner), 40013);
    const b = book(where, runner);
    // The other book's allocation is still running (its record pending): another's, though this process's.
    expect(await b.claim([[40012], [40013], [40014], [40015, 40016]])).toEqual(['granted', 'leased-by-other', 'granted', 'granted']);
    expect(b.ports).toEqual([40012, 40014, 40015, 40016]);
    expect(records(where.own)).toHaveLength(2); // one per allocation, however many ports
    expect(listed(where.own)).toEqual([40012, 40013, 40014, 40015, 40016]);
  });

  it('commits exactly the ports handed out, and the record no longer ends with the allocating process', async () => {
    const where = location();
    const b = book(where, identify(process.ppid));
    await b.claim([[40017], [40018]]);
    b.commit([40018]); // 40017 lost to another program during the reservation, drawn again elsewhere
    const read = readRecord(path.join(where.own, records(where.own)[0]));
    expect(read.kind === 'record' && read.record).toMatchObject({ version: 2, ports: '40018' });
    expect(read.kind === 'record' && read.record.pending).toBeUndefined();
    expect(records(where.own)).toHaveLength(1);
    expect(fs.readdirSync(where.own).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
  });

  it('keeps one record name through every change, so a reader that listed the directory before a change still opens the record', async () => {
    const where = location();
    const b = book(where, identify(process.ppid));
    const [name] = records(where.own);
    await b.claim([[40019], [40023]]);
    b.commit([40019]);
    expect(records(where.own)).toEqual([name]);
    const read = readRecord(path.join(where.own, name));
    expect(read.kind === 'record' && read.record.ports).toBe('40019');
  });

  it('never looks free to a reader while another process changes its record again and again', async () => {
    const where = location();
    const child = await bookInChild(
      where,
      'await b.claim([[40029]]);',
      'for (let i = 0; ; i++) b.commit(i % 2 ? [40029] : [40029, 40028]);',
    );
    let missed = 0;
    for (let i = 0; i < 3000; i++) if (!liveLeasedPorts(where.root, [40029]).has(40029)) missed++;
    await exited(child);
    expect(missed).toBe(0);
  });

  it("reclaims a killed owner's leases", async () => {
    const where = location();
    const runner = await startProcess();
    const owner = identify(runner.pid!);
    expect(await claimOne(book(where, owner), 40003, 40004)).toBe(true);
    expect(await claimOne(book(where), 40003)).toBe(false);
    await exited(runner);
    expect(isRunning(owner)).toBe(false);
    expect(leased(where, 40003)).toEqual([]);
    expect(await claimOne(book(where), 40003, 40004)).toBe(true);
  });

  it('ends a pending lease with the allocation that was killed before committing it', async () => {
    const where = location();
    const child = await bookInChild(where, 'await b.claim([[40008], [40009]]);', 'setInterval(() => {}, 1e9);');
    expect(await claimOne(book(where), 40008)).toBe(false);
    await exited(child);
    expect(await claimOne(book(where), 40008)).toBe(true);
    const stale = sweepStale(where.own, () => {});
    expect(stale.map(({ port, reservation }) => ({ port, reservation }))).toEqual([
      { port: 40008, reservation: 'kernel' },
      { port: 40009, reservation: 'kernel' },
    ]);
    expect(stale[0].why).toMatch(/ended before it was committed/);
  });

  it('is not fooled by a reused pid: same pid, other start time, is another process', async () => {
    const where = location();
    expect(await claimOne(book(where, { pid: process.pid, start: 'not-the-real-start' }), 40005)).toBe(true);
    expect(await claimOne(book(where), 40005)).toBe(true);
  });

  it('reclaims an expired lease whose owner still runs', async () => {
    const where = location();
    expect(await claimOne(book(where, identify(process.pid), -1), 40006)).toBe(true);
    expect(await claimOne(book(where), 40006)).toBe(true);
  });

  it("the post step removes exactly its own job's leases", async () => {
    const where = location();
    const mine = book(where);
    const theirs = book(where);
    await mine.claim([[40020], [40021]]);
    await theirs.claim([[40022]]);
    mine.commit();
    theirs.commit();
    expect(releaseLeases(where.own, mine.owner.token)).toEqual([40020, 40021]);
    expect(listed(where.own)).toEqual([40022]);
  });

  it('releases every lease of one owner process, and only those', async () => {
    const where = location();
    const shell = await startProcess();
    const caller = identify(shell.pid!);
    for (const port of [40025, 40026]) {
      const b = book(where, caller);
      await claimOne(b, port);
      b.commit();
    }
    await claimOne(book(where), 40027);
    expect(releaseOwnedBy(where.own, caller)).toEqual([40025, 40026]);
    expect(listed(where.own)).toEqual([40027]);
  });

  it('gives back every lease of a failed allocation', async () => {
    const where = location();
    const b = book(where);
    await b.claim([[40030], [40031]]);
    b.releaseAll();
    expect(fs.readdirSync(where.own)).toEqual([]);
  });

  it.each([
    ['empty', ''],
    ['garbage', 'garbage \u0000\u00ff'],
    ['a record of the wrong shape', '{"version":1,"owner":{"token":5}}'],
    ['a record whose ports are not ports', JSON.stringify(recordOf([40040], identify(process.pid))).replace('"40040"', '"40040-39000"')],
    ['JSON that is not an object', 'null'],
  ])('ignores a lease file of its own that is %s, and the sweep reports and removes it', async (_, content) => {
    const where = location();
    fs.writeFileSync(path.join(where.own, 'lease-bad.json'), content);
    expect(await claimOne(book(where), 40040)).toBe(true);
    const warnings: string[] = [];
    sweepStale(where.own, (m) => warnings.push(m));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/Removed a corrupt lease .*lease-bad\.json/);
  });

  it('never follows a lease file that is a symbolic link', async () => {
    const where = location();
    const target = path.join(tempDir(), 'precious');
    fs.writeFileSync(target, JSON.stringify(recordOf([40050], identify(process.pid))));
    fs.symlinkSync(target, path.join(where.own, 'lease-link.json'));
    fs.symlinkSync(target, path.join(where.own, '40050.lease'));
    expect(await claimOne(book(where), 40050)).toBe(true);
    const warnings: string[] = [];
    sweepStale(where.own, (m) => warnings.push(m));
    expect(warnings.join(' ')).toMatch(/symbolic link/);
    expect(fs.existsSync(target)).toBe(true);
    expect(fs.readdirSync(where.own).filter((n) => n.includes('link') || n === '40050.lease')).toEqual([]);
  });
});

describe('leases of other accounts', () => {
  needInSuite('posix-files');

  it("honours another account's live lease and ignores its stale one, never touching its files", async () => {
    const where = location();
    const theirs = otherAccountDir(where);
    const dead = await startProcess();
    const gone = identify(dead.pid!);
    await exited(dead);
    fs.writeFileSync(path.join(theirs, 'lease-live.json'), JSON.stringify(recordOf([40080, 40083], identify(process.pid))));
    fs.writeFileSync(path.join(theirs, 'lease-gone.json'), JSON.stringify(recordOf([40081], gone)));
    const b = book(where);
    // Naming this process as its runner does not make another account's lease the caller's own.
    expect(await b.claim([[40080], [40081], [40082]])).toEqual(['leased-by-other', 'granted', 'granted']);
    expect(listed(where.own)).toEqual([40081, 40082]); // backed off from 40080
    expect(sweepStale(where.own, () => {})).toEqual([]);
    expect(fs.readdirSync(theirs).sort()).toEqual(['lease-gone.json', 'lease-live.json']);
  });

  it('keeps a record written in another pid namespace until its expiry: its pids name other processes here', async () => {
    const dead = await startProcess();
    const gone = identify(dead.pid!);
    await exited(dead);
    const here = recordOf([40090], gone);
    expect(judgeRecord(here, Date.now()).live).toBe(false);
    // The same pid, named in a container's namespace: whatever runs under that number here says nothing of it.
    const elsewhere = { ...here, pidns: 'pid:[4026532999]' };
    expect(judgeRecord(elsewhere, Date.now()).live).toBe(true);
    expect(judgeRecord({ ...elsewhere, expires: Date.now() - 1 }, Date.now()).live).toBe(false);
  });

  it('keeps a lease whose runner could not be seen (pid 0) until its expiry, and tells two such jobs apart by their tracking id', async () => {
    const unseenRunner = { pid: 0, start: null };
    expect(judgeRecord(recordOf([40091], unseenRunner), Date.now()).live).toBe(true);
    expect(judgeRecord(recordOf([40091], unseenRunner, Date.now() - 1), Date.now()).live).toBe(false);
    const where = location();
    const first = book(where, unseenRunner);
    const sameJob = new LeaseBook({ location: where, owner: newOwner(unseenRunner, { RUNNER_TRACKING_ID: 'github_a' }), ttlMs: 60_000 });
    expect(await claimOne(first, 40092)).toBe(true);
    first.commit();
    // Without a tracking id on both sides, two unseen runners are not known to be one.
    expect(await sameJob.claim([[40092]])).toEqual(['leased-by-other']);
    const a = new LeaseBook({ location: where, owner: newOwner(unseenRunner, { RUNNER_TRACKING_ID: 'github_a' }), ttlMs: 60_000 });
    expect(await claimOne(a, 40093)).toBe(true);
    a.commit();
    expect(await sameJob.claim([[40093]])).toEqual(['leased-by-caller']);
    const b = new LeaseBook({ location: where, owner: newOwner(unseenRunner, { RUNNER_TRACKING_ID: 'github_b' }), ttlMs: 60_000 });
    expect(await b.claim([[40093]])).toEqual(['leased-by-other']);
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
    const file = path.join(theirs, 'lease-forged.json');
    fs.writeFileSync(file, JSON.stringify(recordOf([40082], identify(1), Date.now() + 1e12)));
    const future = new Date(Date.now() + 1e12);
    fs.utimesSync(file, future, future); // mtime far ahead changes nothing: ctime is now
    expect(leased(where, 40082)).toEqual([40082]);
  });

  const plants: [string, (file: string, target: string) => void][] = [
    ['a symbolic link to a file of ours', (file, target) => fs.symlinkSync(target, file)],
    ['a FIFO', (file) => execFileSync('mkfifo', [file])],
    ['a directory', (file) => fs.mkdirSync(file)],
    ['garbage', (file) => fs.writeFileSync(file, '\u0000garbage{')],
    [
      'a huge file',
      (file) => fs.writeFileSync(file, ' '.repeat(1 << 20) + JSON.stringify(recordOf([40090], identify(1), Date.now() + 1e9))),
    ],
    ['a hard link to a file of ours', (file, target) => fs.linkSync(target, file)],
  ];
  describe.each([
    ['a record name', 'lease-planted.json', true],
    ["the earlier layout's name", '40090.lease', false],
  ])('under %s', (_, name, current) => {
    it.each(plants)(
      'a lease planted by another account as %s ends within 1 s, counts for nothing and harms nothing',
      async (kind, plant) => {
        const where = location();
        const target = path.join(tempDir(), 'precious');
        const ours = current ? recordOf([40090], identify(process.pid), Date.now() + 1e9) : record(identify(process.pid), Date.now() + 1e9);
        fs.writeFileSync(target, JSON.stringify(ours));
        const before = fs.readFileSync(target, 'utf8');
        plant(path.join(otherAccountDir(where), name), target);
        const started = Date.now();
        const b = book(where, identify(process.pid), 60_000);
        const claimed = await claimOne(b, 40090);
        b.commit();
        expect(Date.now() - started).toBeLessThan(1000);
        expect(fs.readFileSync(target, 'utf8')).toBe(before);
        // A hard link is a readable record: like any record, it counts while its owner lives.
        expect(claimed).toBe(kind !== 'a hard link to a file of ours');
      },
    );
  });

  it('a thousand junk entries in the root cost little and harm nothing', async () => {
    const where = location();
    for (let i = 0; i < 1000; i++) fs.mkdirSync(path.join(where.root, i % 2 ? `junk${i}` : String(1_000_000 + i)));
    for (let i = 0; i < 100; i++) fs.writeFileSync(path.join(where.root, `file${i}`), 'x');
    fs.symlinkSync('/proc', path.join(where.root, 'proc'));
    const started = Date.now();
    const b = book(where);
    expect(await claimOne(b, ...Array.from({ length: 16 }, (_, i) => 40100 + i))).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('reads each directory once per claim, however many ports: 10,000 junk directories and 1000 ports end within seconds', async () => {
    const where = location();
    for (let i = 0; i < 10_000; i++) fs.mkdirSync(path.join(where.root, `junk${i}`));
    const b = book(where);
    const ports = Array.from({ length: 1000 }, (_, i) => 41000 + i);
    const started = Date.now();
    const verdicts = await b.claim(ports.map((p) => [p]));
    // One lookup per port and directory would be 10 million; a hang or minutes would show here.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(verdicts.every(Boolean)).toBe(true);
    expect(listed(where.own)).toEqual(ports);
  }, 60_000);
});

describe('earlier leases (one `<port>.lease` file per port)', () => {
  /** What the earlier versions wrote: a record hard-linked as `<port>.lease`. */
  function legacyLease(dir: string, port: number, runner: ProcessIdentity) {
    fs.mkdirSync(dir, { mode: 0o700, recursive: true });
    const owner = path.join(dir, `.owner-${port}.json`);
    fs.writeFileSync(owner, JSON.stringify(record(runner, Date.now() + 60_000, `legacy-${port}`)), { mode: 0o644 });
    fs.linkSync(owner, path.join(dir, `${port}.lease`));
    fs.rmSync(owner);
  }

  it('honours a live one and ignores a stale one, in the earlier default directory, in a lease-dir and in an account directory', async () => {
    const tmp = tempDir();
    // 1.0.0's default directory is in the temp directory of the account: point it here for this test.
    vi.stubEnv('TMPDIR', tmp);
    expect(defaultLeaseRoot()).toBe(path.join(tmp, 'port-zero'));
    const dead = await startProcess();
    const gone = identify(dead.pid!);
    await exited(dead);
    const legacy = path.join(tmp, 'port-zero-leases');
    legacyLease(legacy, 40120, identify(process.pid));
    legacyLease(legacy, 40121, gone);
    fs.symlinkSync('/etc/passwd', path.join(legacy, '40122.lease'));
    const where = openLeaseLocation(path.join(tmp, 'port-zero'), false);
    expect(await claimOne(book(where), 40120)).toBe(false);
    expect(await claimOne(book(where), 40121)).toBe(true);
    expect(await claimOne(book(where), 40122)).toBe(true);
    expect(fs.readdirSync(legacy).sort()).toEqual(['40120.lease', '40121.lease', '40122.lease']);

    const named = path.join(tmp, 'named');
    legacyLease(named, 40123, identify(process.pid));
    expect(await claimOne(book(openLeaseLocation(named, true)), 40123)).toBe(false);

    legacyLease(where.own, 40124, identify(process.pid));
    expect(await claimOne(book(where), 40124)).toBe(false);
    vi.unstubAllEnvs();
  });

  it("looks for 1.0.0's leases in 1.0.0's default directory, the account's temp directory, whatever the default root is", () => {
    expect(legacyDefaultDir()).toBe(path.join(os.tmpdir(), 'port-zero-leases'));
    expect(defaultLeaseRoot({ ProgramData: 'C:\\ProgramData' }, 'win32', 'C:\\Users\\runner\\AppData\\Local\\Temp')).toBe(
      'C:\\ProgramData\\port-zero',
    );
  });
});

describe('sweeping', () => {
  it('removes stale and corrupt leases of this account, returning port and reservation, keeping live ones', async () => {
    const where = location();
    const live = book(where);
    await claimOne(live, 40060);
    live.commit();
    const dead = await startProcess();
    const gone = book(where, identify(dead.pid!));
    await gone.claim([[40061], [40062]]);
    gone.commit();
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
    expect(listed(where.own)).toEqual([40060]);
    expect(
      fs
        .readdirSync(where.own)
        .filter((n) => !n.startsWith('lease-'))
        .sort(),
    ).toEqual(['40064.lease', 'README']);
    expect(warnings).toHaveLength(2);
    expect(warnings.join(' ')).toMatch(/Removed a corrupt lease .*40063[.]lease/);
    expect(warnings.join(' ')).toMatch(/Cannot remove .*40064[.]lease [(]E[A-Z]+[)]/);
  });

  it('removes files of writes and earlier records cut short once their process is gone, and only then', async () => {
    const where = location();
    const writer = await startProcess();
    const earlier = `.owner-${writer.pid}-0123abcd-token.json`;
    fs.writeFileSync(
      path.join(where.own, earlier),
      JSON.stringify({ ...record(identify(process.pid), Date.now() + 1e6), allocator: identify(writer.pid!) }),
    );
    fs.writeFileSync(path.join(where.own, `.owner-${writer.pid}-half-written.json`), '');
    fs.writeFileSync(path.join(where.own, `.tmp-${writer.pid}-0123abcd-token.1`), '{"vers');
    sweepStale(where.own, () => {});
    expect(fs.readdirSync(where.own).length).toBe(3);
    await exited(writer);
    sweepStale(where.own, () => {});
    expect(fs.readdirSync(where.own)).toEqual([]);
  });
});

describe('sweeping on Windows file IDs', () => {
  it('judges each lease record on its own when file IDs differ only beyond a double (64-bit NTFS IDs)', async () => {
    const where = location();
    const live = book(where);
    await claimOne(live, 40070);
    live.commit();
    const dead = await startProcess();
    const gone = book(where, identify(dead.pid!));
    await claimOne(gone, 40071);
    gone.commit();
    await exited(dead);
    // Windows reports NTFS file IDs such as these; as Numbers both are 2**60, one key for two records.
    const [first, second] = records(where.own);
    const ids: Record<string, bigint> = { [first]: 2n ** 60n, [second]: 2n ** 60n + 1n };
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
    expect(listed(where.own)).toEqual([40070]);
  });
});

function mkdirMode(dir: string, mode: number) {
  fs.mkdirSync(dir);
  fs.chmodSync(dir, mode);
}

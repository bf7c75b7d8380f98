import { describe, expect, it } from 'vitest';
import { allowSudoTee, testAccount } from './harness/accounts.ts';
import { scenario } from './harness/namespace.ts';
import { need, needInSuite } from './harness/needs.ts';
import { STORM_KINDS } from './helpers/storm.ts';
import { formatReservedPorts, parseReservedPorts } from '../src/platform/reserved-ports.ts';
import { chooseReserve, reserveProblem } from '../src/protection/choose-protection.ts';
import { PortSet } from '../src/ports/port-set.ts';

const RANGE: [number, number] = [40000, 40199];
const SEEDED = '40100-40102,40150';
const NONE_TAKEN = Object.fromEntries(STORM_KINDS.map((k) => [k, []]));

describe("the kernel's reserved-port list: format", () => {
  it('reads ranges back and writes an empty list as a newline, since a zero-length write changes nothing', () => {
    const set = parseReservedPorts('20000-20010,30500\n');
    expect(set.ranges).toEqual([
      { low: 20000, high: 20010 },
      { low: 30500, high: 30500 },
    ]);
    expect(formatReservedPorts(set)).toBe('20000-20010,30500\n');
    expect(formatReservedPorts(new PortSet())).toBe('\n');
  });
});

describe('reserve: auto picks the strongest mechanism it may use without a prompt', () => {
  const linux = (mayWrite: boolean, env: NodeJS.ProcessEnv = {}) =>
    chooseReserve('auto', { platform: 'linux', env, mayWrite: () => mayWrite });

  it('uses the kernel list where this process may write it, sudo only on GitHub-hosted runners, else TIME_WAIT', () => {
    expect(linux(true)).toMatchObject({ mode: 'kernel', sudo: false, fallback: true });
    expect(linux(false, { RUNNER_ENVIRONMENT: 'github-hosted' })).toMatchObject({ mode: 'kernel', sudo: true, fallback: true });
    expect(linux(false, { RUNNER_ENVIRONMENT: 'self-hosted' })).toMatchObject({ mode: 'time-wait' });
    expect(chooseReserve('auto', { platform: 'darwin' }).mode).toBe('time-wait');
    expect(chooseReserve('auto', { platform: 'win32' }).mode).toBe('none');
    expect(linux(true)).toMatchObject({ mode: 'kernel' });
    expect(chooseReserve('auto', { platform: 'linux', mayWrite: () => true, postStep: false }).mode).toBe('time-wait');
  });

  it('refuses kernel off Linux, kernel and holder without a post step, and unknown modes, saying what is allowed', () => {
    expect(reserveProblem('kernel', { platform: 'darwin' })).toBe(`the kernel's reserved-port list exists on Linux only; use auto`);
    expect(reserveProblem('forever')).toBe('auto, kernel, time-wait, holder or none');
    expect(reserveProblem('kernel', { platform: 'linux', postStep: false })).toMatch(/^auto, time-wait or none \(holder and kernel need/);
    expect(reserveProblem('kernel', { platform: 'linux' })).toBeUndefined();
  });
});

interface Job {
  code: number;
  post: number;
  ports: number[];
  seeded: string;
  during: string;
  after: string;
  taken: Record<string, number[]>;
  walked: Record<string, number>;
  plain: string[];
  stdout: string;
  summary: string;
}

describe('reserve: kernel, as root in a fresh network namespace', () => {
  needInSuite('namespace');

  it('keeps a storm over the whole ephemeral range off the ports; servers without SO_REUSEADDR bind at once; post restores the list', async () => {
    const { result: job } = await scenario<Job>('kernel.ts', ['job'], { range: RANGE });
    expect(job.code).toBe(0);
    expect(job.ports).toHaveLength(20);
    expect(job.seeded).toBe(SEEDED);
    for (const p of job.ports) expect(parseReservedPorts(job.during).has(p)).toBe(true);
    expect(job.taken).toEqual(NONE_TAKEN);
    // The storm really walked the range: every port not reserved, on every address and kind.
    for (const kind of STORM_KINDS) expect(job.walked[kind], kind).toBe(RANGE[1] - RANGE[0] + 1 - 20 - 4);
    expect(job.plain).toEqual(Array(20).fill('bound'));
    expect(job.post).toBe(0);
    expect(job.after).toBe(SEEDED);
    expect(job.stdout).toContain('protected by lease + kernel reserved-port list until the post step');
    expect(job.summary).toContain('kernel reserved-port list until the post step');
  }, 180_000);

  it('never hands out a listed port from a range, though explicit binds to it succeed', async () => {
    const { result } = await scenario<{ code: number; ports: number[]; after: string; seeded: string }>('kernel.ts', ['listed']);
    expect(result.code).toBe(0);
    expect(result.ports.every((p) => p > 40040 && p <= 40049)).toBe(true);
    expect(result.after).toBe(result.seeded);
  }, 180_000);

  it("names the kernel list, and waiting for the other jobs, when its entries leave the kernel's choice too few ports", async () => {
    const { result } = await scenario<{ code: number; errors: string[] }>('kernel.ts', ['shortfall'], { range: [40000, 40019] });
    expect(result.code).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(
      /Only 5 of the 10 ports asked for are free in the ephemeral range 40000-40019 \(refused: 15 on the kernel's reserved-port list \(other jobs' ports, or an administrator's\)\): other jobs hold those ports until their post steps/,
    );
    expect(result.errors[0]).not.toMatch(/shorten 'exclude'/);
  }, 180_000);

  it('keeps its leases, and says so, when its post step cannot take its entries off the list', async () => {
    type Stuck = { code: number; post: number; ports: number[]; warnings: string[]; during: string; leftovers: number[] };
    const { result } = await scenario<Stuck>('kernel.ts', ['stuck']);
    expect(result).toMatchObject({ code: 0, post: 0 });
    for (const p of result.ports) expect(parseReservedPorts(result.during).has(p)).toBe(true);
    expect(result.leftovers).toEqual([...result.ports].sort((a, b) => a - b));
    expect(result.warnings.join('\n')).toMatch(/could not take this job's ports off/);
    expect(result.warnings.join('\n')).toMatch(/leases of this job's ports stay/);
  }, 180_000);

  it('keeps every entry of a list longer than one 8 KiB read, and adds and takes off exactly its own', async () => {
    type Long = { codes: number[]; ports: number[][]; length: number; seeded: string; during: string; after: string };
    const { result } = await scenario<Long>('kernel.ts', ['long']);
    expect(result.codes).toEqual([0, 0, 0, 0]);
    expect(result.length).toBeGreaterThan(80_000);
    const during = parseReservedPorts(result.during);
    for (const p of result.ports.flat()) expect(during.has(p)).toBe(true);
    const seeded = parseReservedPorts(result.seeded);
    expect(seeded.size).toBe(15_000);
    expect(seeded.ranges.every((r) => during.has(r.low))).toBe(true);
    expect(result.after).toBe(result.seeded);
  }, 180_000);

  it('writes no file command, and leaves no lease or kernel entry, when the job summary cannot be written (a full disk)', async (context) => {
    need(context, 'dev-full');
    type Full = { code: number; errors: string[]; written: object; seeded: string; after: string; leftovers: string[] };
    const { result } = await scenario<Full>('kernel.ts', ['summaryFull'], { range: RANGE });
    expect(result.code).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/ENOSPC/);
    expect(result.written).toEqual({ output: '', env: '', state: {} });
    expect(result.after).toBe(result.seeded);
    expect(result.leftovers).toEqual([]);
  }, 180_000);

  it('takes its entries off the list again when the main step fails after writing it', async () => {
    type Failed = { code: number; errors: string[]; outputs: string; seeded: string; after: string; leftovers: string[] };
    const { result } = await scenario<Failed>('kernel.ts', ['failed'], { range: RANGE });
    expect(result.code).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain("Input 'env-file'");
    expect(result).toMatchObject({ outputs: '', after: result.seeded, leftovers: [] });
  }, 180_000);

  it('loses no entry with 16 jobs at once, and their post steps restore the list', async () => {
    type Concurrent = { codes: number[]; posts: number[]; ports: number[][]; seeded: string; during: string; after: string };
    const { result } = await scenario<Concurrent>('kernel.ts', ['concurrent'], { range: RANGE });
    expect(result.codes).toEqual(Array(16).fill(0));
    const during = parseReservedPorts(result.during);
    const all = result.ports.flat();
    expect(new Set(all).size).toBe(16 * 8);
    expect(all.filter((p) => !during.has(p))).toEqual([]);
    for (const p of [40100, 40101, 40102, 40150]) expect(during.has(p)).toBe(true);
    expect(result.posts).toEqual(Array(16).fill(0));
    expect(result.after).toBe(SEEDED);
  }, 180_000);

  it("takes a dead runner's entries off the list in a later job's post step", async () => {
    type Dead = { code: number; laterCode: number; dead: number[]; seeded: string; during: string; after: string; postOut: string };
    const { result } = await scenario<Dead>('kernel.ts', ['dead'], { range: RANGE });
    expect(result.code).toBe(0);
    expect(result.laterCode).toBe(0);
    for (const p of result.dead) expect(parseReservedPorts(result.during).has(p)).toBe(true);
    expect(result.after).toBe(SEEDED);
    expect(result.postOut).toContain("Took 5 ports of stale leases off the kernel's reserved-port list.");
  }, 180_000);
});

describe('reserve: kernel without the right to write the list', () => {
  it('fails with one clear error and writes nothing, while auto protects with TIME_WAIT', async (context) => {
    need(context, 'accounts');
    const user = testAccount('port-zero-test').name;
    allowSudoTee(user, false);
    type Forbidden = {
      kernel: { code: number; errors: string[]; outputs: string; env: string; state: object; leftovers: string[] };
      auto: { code: number; ports: number[]; stdout: string };
      before: string;
      after: string;
    };
    const { result } = await scenario<Forbidden>('kernel.ts', ['forbidden'], { range: RANGE, user, seed: '40150' });
    expect(result.kernel.code).toBe(1);
    expect(result.kernel.errors).toHaveLength(1);
    expect(result.kernel.errors[0]).toMatch(
      /^::error::Cannot write the kernel's reserved-port list \/proc\/sys\/net\/ipv4\/ip_local_reserved_ports: sudo -n tee failed: .*Writing it needs root, CAP_NET_ADMIN, or passwordless sudo/,
    );
    expect(result.kernel).toMatchObject({ outputs: '', env: '', state: {}, leftovers: [] });
    expect(result.before).toBe('40150');
    expect(result.after).toBe('40150');
    expect(result.auto.code).toBe(0);
    expect(result.auto.ports).toHaveLength(3);
    expect(result.auto.stdout).toContain('protected by lease + TIME_WAIT until');
  }, 180_000);
});

describe('reserve: kernel through passwordless sudo', () => {
  it('writes through sudo -n; auto uses sudo only on GitHub-hosted runners; post restores the list', async (context) => {
    need(context, 'accounts', 'sudo');
    const user = testAccount('port-zero-sudo').name;
    allowSudoTee(user, true);
    type Sudo = {
      kernel: { code: number; ports: number[]; route: string; post: number };
      selfHosted: { code: number; stdout: string };
      hosted: { code: number; ports: number[]; route: string; during: string };
      seeded: string;
      during: string;
      after: string;
    };
    const { result } = await scenario<Sudo>('kernel.ts', ['sudo'], { range: RANGE, user, seed: '40150' }).finally(() =>
      allowSudoTee(user, false),
    );
    expect(result.kernel).toMatchObject({ code: 0, route: 'sudo', post: 0 });
    for (const p of result.kernel.ports) expect(parseReservedPorts(result.during).has(p)).toBe(true);
    expect(result.selfHosted.code).toBe(0);
    expect(result.selfHosted.stdout).toContain('protected by lease + TIME_WAIT until');
    expect(result.hosted).toMatchObject({ code: 0, route: 'sudo' });
    for (const p of result.hosted.ports) expect(parseReservedPorts(result.hosted.during).has(p)).toBe(true);
    expect(result.after).toBe('40150');
  }, 180_000);
});

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runStep } from './harness/action-runner.ts';
import { allocatePorts } from '../src/allocator/allocate-ports.ts';
import { replaceFile, UnsafePathError } from '../src/platform/safe-files.ts';
import { inNamespace, type NamespaceOptions } from './harness/namespace.ts';
import { need, needInSuite } from './harness/needs.ts';

const CLI = path.join(ROOT, 'dist/cli/index.js');
/** A hang shows as a run past this: the allocator's own limit (10 s) plus start-up; a normal answer takes well under a second. */
const BOUND_MS = 15_000;

/** Each test starts a namespace, a holder and node: slow on a loaded machine, so more than the default minute. */
const SLOW = { timeout: 180_000 };

/** The local command, built, in a fresh network namespace. */
function cliInNamespace(args: string[], setup: NamespaceOptions) {
  return inNamespace([process.execPath, CLI, '--json', ...args], { killAfterMs: 30_000, ...setup });
}

/** allocatePorts from src, in a child process in a fresh network namespace: its JSON answer, exit code and time taken. */
async function allocateInNamespace(
  request: object,
  setup: NamespaceOptions = {},
): Promise<{ ports?: number[]; hosts?: string[]; error?: string; name?: string; ms: number; code: number | null; stderr: string }> {
  const child = path.join(import.meta.dirname, 'helpers', 'allocate-child.ts');
  const run = await inNamespace([process.execPath, child, JSON.stringify(request)], { killAfterMs: 60_000, ...setup });
  const answer = run.stdout ? (JSON.parse(run.stdout) as object) : {};
  return { ...answer, ms: run.ms, code: run.code, stderr: run.stderr };
}

/** A describe block of tests that each make a network namespace of their own. */
function inNetns(name: string, tests: () => void) {
  describe(name, SLOW, () => {
    needInSuite('namespace');
    tests();
  });
}

inNetns('a host list that can never be bound together', () => {
  it('folds "0.0.0.0 ::" into the dual-stack wildcard and answers at once (local command)', async () => {
    const run = await cliInNamespace(['--host', '0.0.0.0 ::', 'web'], {});
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).web).toBeGreaterThan(0);
    expect(run.ms).toBeLessThan(BOUND_MS);
  });

  it('binds a wildcard alone, however the list repeats or spells what it covers', async () => {
    const both = await allocateInNamespace({ count: 3, hosts: ['0.0.0.0', '::', '0:0::0', '127.0.0.1', '::1'] });
    expect(both.hosts).toEqual(['::']);
    expect(both.ports).toHaveLength(3);
    const v4 = await allocateInNamespace({ count: 3, hosts: ['127.0.0.1', '0.0.0.0', '127.0.0.1', '::1'] });
    expect(v4.hosts).toEqual(['0.0.0.0', '::1']);
  });
});

inNetns('an exclude that covers much of the ephemeral range', () => {
  it('draws from what is left instead of asking the kernel again and again', async () => {
    const run = await cliInNamespace(['-n', '5', '--exclude', '32768-55000'], {});
    expect(run.code).toBe(0);
    const ports = Object.values(JSON.parse(run.stdout) as Record<string, number>);
    expect(new Set(ports).size).toBe(5);
    for (const port of ports) expect(port).toBeGreaterThan(55000);
    expect(run.ms).toBeLessThan(BOUND_MS);
  });

  it('says so at once when it excludes the whole ephemeral range', async () => {
    const run = await cliInNamespace(['--exclude', '32768-60999', 'web'], {});
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /Only 0 of the 1 port asked for is free in the ephemeral range 32768-60999 \(--exclude leaves 0 of its ports\): shorten --exclude/,
    );
    expect(run.ms).toBeLessThan(BOUND_MS);
  });
});

inNetns('a batch that runs out of ephemeral ports', () => {
  it('finds the 10 eligible ports when exclude leaves only those', async () => {
    const run = await cliInNamespace(['-n', '8', '--exclude', '40000-40089'], { range: [40000, 40099] });
    expect(run.code).toBe(0);
    const ports = Object.values(JSON.parse(run.stdout) as Record<string, number>);
    expect(new Set(ports).size).toBe(8);
    for (const port of ports) expect(port).toBeGreaterThanOrEqual(40090);
  });

  it('keeps what it found and searches the rest: tcp,udp with UDP held on all but two', async () => {
    const run = await cliInNamespace(['-n', '2', '--protocol', 'tcp,udp'], {
      range: [40000, 40019],
      hold: [{ kind: 'udp', low: 40000, high: 40017 }],
    });
    expect(run.stderr).toBe('');
    expect(Object.values(JSON.parse(run.stdout) as Record<string, number>).sort()).toEqual([40018, 40019]);
  });
});

inNetns('contiguous blocks', () => {
  it('ends fast with a clear error when no block of 1000 exists (a listener every 500 ports)', async () => {
    const run = await cliInNamespace(['-n', '1000', '--contiguous'], { hold: [{ kind: 'listen', low: 32768, high: 60999, step: 500 }] });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/No block of 1000 consecutive free ports in the ephemeral range 32768-60999/);
    expect(run.ms).toBeLessThan(BOUND_MS);
  });
});

inNetns('ports another program holds bound but not listening with SO_REUSEADDR', () => {
  it('are never handed out from a range', async () => {
    const answer = await allocateInNamespace(
      { count: 1, range: { low: 30000, high: 30009 } },
      { hold: [{ kind: 'reuse-bound', low: 30000, high: 30008 }] },
    );
    expect(answer.ports).toEqual([30009]);
  });

  it('are never part of a contiguous block in a range', async () => {
    const answer = await allocateInNamespace(
      { count: 10, contiguous: true, range: { low: 30000, high: 30019 } },
      { hold: [{ kind: 'reuse-bound', low: 30005, high: 30005 }] },
    );
    expect(answer.ports![0]).toBeGreaterThanOrEqual(30006);
  });

  it('are never handed out when exclude makes the search explicit', async () => {
    const answer = await allocateInNamespace(
      { count: 2, exclude: [{ low: 40000, high: 40089 }] },
      { range: [40000, 40099], hold: [{ kind: 'reuse-bound', low: 40090, high: 40097 }] },
    );
    expect(answer.ports!.sort()).toEqual([40098, 40099]);
  });
});

/** Narrow requests, each with the answer it must end in (ports, or the start of its error). */
const NARROW: [string, object, Parameters<typeof allocateInNamespace>[1], RegExp | number][] = [
  [
    'every ephemeral port listened on',
    { count: 1 },
    { range: [40000, 40009], hold: [{ kind: 'listen', low: 40000, high: 40009 }] },
    /^Only 0 of the 1/,
  ],
  ['the whole ephemeral range asked for', { count: 10 }, { range: [40000, 40009] }, 10],
  ['one port more than the ephemeral range', { count: 11 }, { range: [40000, 40009] }, /^Only 10 of the 11/],
  [
    'UDP taken everywhere, tcp,udp asked',
    { count: 1, protocols: ['tcp', 'udp'] },
    { range: [40000, 40009], hold: [{ kind: 'udp', low: 40000, high: 40009 }] },
    /taken for udp/,
  ],
  ['a wildcard and an address it covers', { count: 4, hosts: ['0.0.0.0', '127.0.0.1'] }, { range: [40000, 40009] }, 4],
  [
    'two loopbacks, IPv6 side taken',
    { count: 1, hosts: ['127.0.0.1', '::1'] },
    { range: [40000, 40009], hold: [{ kind: 'reuse-bound', low: 40000, high: 40009 }] },
    /^Only 0 of the 1/,
  ],
  [
    'a block longer than the ephemeral range, with no exclude: no word of exclude',
    { count: 20, contiguous: true },
    { range: [40000, 40009] },
    /^No block of 20 consecutive free ports in the ephemeral range 40000-40009: /,
  ],
  [
    'a block in a range full of holes',
    { count: 50, contiguous: true, range: { low: 20000, high: 29999 } },
    { hold: [{ kind: 'listen', low: 20000, high: 29999, step: 40 }] },
    /^No block of 50/,
  ],
  [
    'every range port bound, not listening',
    { count: 1, range: { low: 20000, high: 20999 } },
    { hold: [{ kind: 'reuse-bound', low: 20000, high: 20999 }] },
    /^Only 0 of the 1/,
  ],
  ['exclude leaving one port, two asked', { count: 2, exclude: [{ low: 32768, high: 60998 }] }, {}, /^Only 1 of the 2/],
  ['the largest batch over a small range', { count: 1000, range: { low: 20000, high: 20999 }, protocols: ['tcp', 'udp'] }, {}, 1000],
];

inNetns('a bound on every allocation', () => {
  it.each(NARROW)('%s: ends in time with the right answer', async (_, request, setup, expected) => {
    const answer = await allocateInNamespace(request, { ...setup, killAfterMs: 30_000 });
    expect(answer.code).toBe(0); // not killed
    expect(answer.ms).toBeLessThan(BOUND_MS);
    if (typeof expected === 'number') expect(new Set(answer.ports).size).toBe(expected);
    else expect(answer.error).toMatch(expected);
  });
});

describe('the time bound', () => {
  it('gives up with one clear error when every port is refused, long before walking the range', async () => {
    const started = Date.now();
    let asked = 0;
    const refuse = allocatePorts({
      count: 1,
      range: { low: 1024, high: 65535 },
      claim: async (groups) => ((asked += groups.length), groups.map(() => 'leased-by-other')),
      timeLimitMs: 500,
    });
    const error = await refuse.catch((e: Error) => e);
    expect(Date.now() - started).toBeLessThan(BOUND_MS);
    expect(String(error)).toMatch(
      /^AllocationError: Gave up after 0\.5 s with 0 of the 1 ports asked for in range 1024-65535.*: widen 'range'/,
    );
    // Every port the search got as far as claiming was refused, and the error counts each of them.
    expect(asked).toBeGreaterThan(0);
    expect(String(error)).toContain(`(refused: ${asked} leased by another job`);
  });
});

describe('env-file is written safely', SLOW, () => {
  function workspace() {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-workspace-')));
    const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-outside-')));
    const secret = path.join(outside, 'credentials');
    fs.writeFileSync(secret, 'secret\n');
    return { dir, outside, secret };
  }

  async function refused(envFile: string, cwd: string, message: RegExp) {
    const started = Date.now();
    const main = await runStep({ with: { names: 'web', 'env-file': envFile }, cwd });
    expect(Date.now() - started).toBeLessThan(BOUND_MS);
    expect(main.code).toBe(1);
    expect(main.stdout).toMatch(/::error::Input 'env-file' has invalid value "/);
    expect(main.stdout).toMatch(message);
    expect(main.rawOutput + main.rawEnv + main.summary).toBe('');
  }

  it('refuses a path under /proc at once instead of hanging', async (context) => {
    need(context, 'proc');
    await refused('/proc/no-such-dir/ports.env', os.tmpdir(), /\/proc\/no-such-dir is on procfs, a kernel pseudo-filesystem/);
  });

  it('never writes through a symbolic link in the workspace', async () => {
    const { dir, secret } = workspace();
    fs.symlinkSync(secret, path.join(dir, 'ports.env'));
    await refused('ports.env', dir, /ports\.env is a symbolic link/);
    expect(fs.readFileSync(secret, 'utf8')).toBe('secret\n');
  });

  it('never creates a file through a dangling link', async () => {
    const { dir, outside } = workspace();
    fs.symlinkSync(path.join(outside, 'new.env'), path.join(dir, 'ports.env'));
    await refused('ports.env', dir, /is a symbolic link/);
    expect(fs.existsSync(path.join(outside, 'new.env'))).toBe(false);
  });

  it('never writes into a linked directory of the workspace', async () => {
    const { dir, outside } = workspace();
    fs.symlinkSync(outside, path.join(dir, 'out'));
    await refused(path.join(dir, 'out', 'sub', 'ports.env'), dir, /out is a symbolic link/);
    expect(fs.readdirSync(outside)).toEqual(['credentials']);
  });

  it('refuses a FIFO without blocking on it', async (context) => {
    need(context, 'posix-files');
    const { dir } = workspace();
    await new Promise((resolve, reject) => execFile('mkfifo', [path.join(dir, 'ports.env')], (e) => (e ? reject(e) : resolve(null))));
    await refused('ports.env', dir, /ports\.env is not a regular file/);
  });

  it('follows a link outside the working directory only when this account or root owns it', () => {
    const { dir, outside } = workspace();
    const link = path.join(os.tmpdir(), `port-zero-own-link-${process.pid}`);
    fs.symlinkSync(outside, link);
    try {
      expect(replaceFile(path.join(link, 'ports.env'), 'A=1\n', dir)).toBe(path.join(outside, 'ports.env'));
      expect(fs.readFileSync(path.join(outside, 'ports.env'), 'utf8')).toBe('A=1\n');
      expect(() => replaceFile(path.join(link, 'ports.env'), 'A=1\n', os.tmpdir())).toThrow(UnsafePathError); // now inside the working directory
    } finally {
      fs.unlinkSync(link);
    }
  });

  it("on Windows follows a link only on the way to the working directory, as a runner's _work on a junction", () => {
    // Node's lstat shows a Windows junction as a symbolic link, and Windows shows no owner:
    // a POSIX link stands in for the junction, with the win32 rule in force.
    const { dir, outside } = workspace();
    fs.mkdirSync(path.join(dir, 'real', 'repo'), { recursive: true });
    const work = path.join(dir, '_work');
    fs.symlinkSync(path.join(dir, 'real'), work);
    const elsewhere = path.join(dir, 'elsewhere');
    fs.symlinkSync(outside, elsewhere);
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { value: 'win32' });
    try {
      const workdir = path.join(work, 'repo');
      expect(replaceFile(path.join(workdir, 'ports.env'), 'A=1\n', workdir)).toBe(path.join(dir, 'real', 'repo', 'ports.env'));
      // Owned by this account, so followed on Linux and macOS; on Windows it is not on the way to the working directory.
      expect(() => replaceFile(path.join(elsewhere, 'ports.env'), 'A=1\n', workdir)).toThrow(/elsewhere is a symbolic link/);
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
    expect(fs.readdirSync(outside)).toEqual(['credentials']);
    expect(replaceFile(path.join(elsewhere, 'ports.env'), 'A=1\n', path.join(work, 'repo'))).toBe(path.join(outside, 'ports.env'));
  });

  it('replaces a hard link to another file instead of writing through it', async () => {
    const { dir, secret } = workspace();
    fs.linkSync(secret, path.join(dir, 'ports.env'));
    const main = await runStep({ with: { names: 'web', 'env-file': 'ports.env' }, cwd: dir });
    expect(main.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'ports.env'), 'utf8')).toBe(`WEB_PORT=${main.outputs.web}\n`);
    expect(fs.readFileSync(secret, 'utf8')).toBe('secret\n');
    expect(fs.readdirSync(dir)).toEqual(['ports.env']); // no temporary file left
  });
});

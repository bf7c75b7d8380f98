import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { leaseFiles } from './helpers/leases.ts';
import { need } from './harness/needs.ts';
import { ROOT, runStep, stepTmp, type StepResult } from './harness/action-runner.ts';
import { bindUdp, close, listen } from './helpers/servers.ts';

const CLI = path.join(ROOT, 'dist/cli/index.js');
/** The same isolated temp directory as the action's steps in this file, so both share one lease location. */
const env = { ...process.env, TMPDIR: stepTmp() };
const WORKER = path.join(import.meta.dirname, 'helpers/fake-runner.ts');
const workers: NonNullable<StepResult['worker']>[] = [];
afterEach(() => {
  for (const w of workers.splice(0)) w.kill('SIGKILL');
});

/** Runs `script` in one bash process, where `pz` runs the local command as that shell's child. */
const PZ = { ...env, NODE: process.execPath, CLI };
/** bash reads ~/.bashrc even with -c when its stdin is a socket, as Node's pipes are; that file is no part of the test. */
const BASH = ['--norc', '-c'];
/** Several commands in a row: a bound for a hang, generous for a loaded host. */
const SLOW = 180_000;
const withPz = (script: string) => `pz() { "$NODE" "$CLI" "$@"; }; ${script}`;
function shell(script: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('bash', [...BASH, withPz(script)], { env: PZ, cwd: ROOT }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** The output without its PORT_ZERO_LEASES line (the lease record, for library calls in processes the shell starts). */
const withoutLeases = (stdout: string) => stdout.replace(/^PORT_ZERO_LEASES=.*\n/gm, '');

function parseLines(stdout: string): Record<string, number> {
  return Object.fromEntries(
    withoutLeases(stdout)
      .trim()
      .split('\n')
      .map((l) => l.split('='))
      .map(([k, v]) => [k, Number(v)]),
  );
}

describe('the local command (dist/cli/index.js)', () => {
  it('prints NAME_PORT=port lines, distinct ports that servers then bind', async () => {
    const { code, stdout, stderr } = await cli('web', 'db-main', 'api_port');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const vars = parseLines(stdout);
    expect(Object.keys(vars)).toEqual(['WEB_PORT', 'DB_MAIN_PORT', 'API_PORT']);
    expect(stdout).toMatch(/\nPORT_ZERO_LEASES=\/.*\/lease-[\w-]+\.json\n$/);
    expect(new Set(Object.values(vars)).size).toBe(3);
    await Promise.all((await Promise.all(Object.values(vars).map((p) => listen(p)))).map(close));
  });

  it('works with export $(...) in a shell', async () => {
    const out = await new Promise<string>((resolve, reject) =>
      execFile('bash', [...BASH, `export $("${process.execPath}" "${CLI}" web db); echo "$WEB_PORT $DB_PORT"`], { env }, (e, so) =>
        e ? reject(e) : resolve(so),
      ),
    );
    expect(out.trim()).toMatch(/^\d+ \d+$/);
  });

  it('prints JSON with --json, numbers --count ports, and prefixes with --env-prefix', async () => {
    const json = JSON.parse((await cli('--json', 'web', 'db')).stdout);
    expect(Object.keys(json)).toEqual(['web', 'db']);
    expect(Object.keys(parseLines((await cli('--count', '3')).stdout))).toEqual(['PORT_1', 'PORT_2', 'PORT_3']);
    expect(Object.keys(parseLines((await cli('-n', '2', '--env-prefix', 'E2E_')).stdout))).toEqual(['E2E_PORT_1', 'E2E_PORT_2']);
  });

  it('takes the allocation options of the action', async () => {
    const block = JSON.parse(
      (await cli('--json', '--contiguous', '--range', '28000-28099', '--exclude', '28000-28049', 'a', 'b', 'c')).stdout,
    );
    expect(block.b).toBe(block.a + 1);
    expect(block.c).toBe(block.a + 2);
    expect(block.a).toBeGreaterThanOrEqual(28050);
    const udp = parseLines((await cli('--protocol', 'udp', 'dns')).stdout);
    await close(await bindUdp(udp.DNS_PORT));
    const local = parseLines((await cli('--host', '127.0.0.1', '--reserve', 'none', 'web')).stdout);
    await close(await listen(local.WEB_PORT, '127.0.0.1'));
  });

  it('documents itself with --help', async () => {
    const { code, stdout } = await cli('--help');
    expect(code).toBe(0);
    for (const option of [
      '--count',
      '--json',
      '--env-prefix',
      '--protocol',
      '--host',
      '--range',
      '--exclude',
      '--contiguous',
      '--reserve',
      '--lease-minutes',
      '--lease-dir',
      'port-zero release',
    ]) {
      expect(stdout).toContain(option);
    }
  });

  it.each([
    [['2web'], /invalid name "2web": each name must have a letter first/],
    [['--count', 'x'], /invalid --count "x": a whole number from 1 to 1000/],
    [['--range', '9-1'], /invalid --range "9-1"/],
    [['--protocol', 'icmp'], /invalid --protocol "icmp"/],
    [['--reserve', 'holder'], /invalid --reserve "holder"/],
    [['--bogus'], /^port-zero: unknown option "--bogus"\nTry 'port-zero --help'.\n$/],
    [['--count', '-1'], /^port-zero: option --count needs a value; a value starting with "-" is written --count=VALUE\nTry/],
    [['--count=-1'], /^port-zero: invalid --count "-1": a whole number from 1 to 1000\n/],
    [['web', 'web'], /appears twice/],
    [['a', 'b', '--count', '3'], /^port-zero: invalid --count "3": 2 names were given, so leave it out or make it 2\n/],
  ])('refuses %j: a clear error, exit code 2, nothing on stdout', async (args, message) => {
    const { code, stdout, stderr } = await cli(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it(
    'leases its ports to the calling shell: a second call gets none while it lives, release hands them back',
    async () => {
      const { stdout } = await shell(
        'eval $(pz --range 17400-17400); echo "first=$PORT_1"; pz --range 17400-17400; echo "second=$?"; ' +
          'pz release; pz --range 17400-17400 && pz release',
      );
      expect(stdout).toContain('first=17400\n');
      expect(stdout).toContain('second=1\n');
      expect(stdout).toContain('Released 1 port lease: 17400.\n');
      expect(stdout).toContain('PORT_1=17400\n');
      const stderr = (await shell('pz --range 17400-17400 >/dev/null; pz --range 17400-17400; pz release >/dev/null')).stderr;
      expect(stderr).toMatch(/^port-zero: Only 0 of the 1 port asked for is free in range 17400-17400/);
    },
    SLOW,
  );

  it(
    'through npx too, the lease belongs to the calling shell, not to npx',
    async () => {
      const { stdout } = await shell(
        'npx port-zero --range 17404-17404; npx port-zero --range 17404-17404; echo "second=$?"; npx port-zero release; true',
      );
      expect(withoutLeases(stdout)).toBe('PORT_1=17404\nsecond=1\nReleased 1 port lease: 17404.\n');
    },
    SLOW,
  );

  it('leaves no lease when the ports cannot be printed (standard output on a full disk: /dev/full)', async (context) => {
    need(context, 'dev-full');
    const dir = path.join(stepTmp(), `cli-full-${process.pid}`);
    const run = await shell(`pz --lease-dir "${dir}" --range 17406-17407 web db > /dev/full`);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^port-zero: the ports could not be printed \(ENOSPC\); none is leased\n$/);
    expect(leaseFiles(dir)).toEqual([]);
    expect(withoutLeases((await shell(`pz --lease-dir "${dir}" --range 17406-17407 web db`)).stdout)).toMatch(
      /^WEB_PORT=1740[67]\nDB_PORT=1740[67]\n$/,
    );
  });

  it('names its own option when --lease-dir cannot be used: exit code 1, nothing on stdout', async () => {
    const link = path.join(stepTmp(), `lease-link-${process.pid}`);
    fs.rmSync(link, { force: true });
    fs.symlinkSync(os.tmpdir(), link);
    try {
      const { code, stdout, stderr } = await cli('--lease-dir', link);
      expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
      expect(stderr).toMatch(/^port-zero: Option --lease-dir has a directory that cannot be used, ".*": it is a symbolic link/);
      expect(stderr).not.toMatch(/Input|'lease-dir'|install -d/);
    } finally {
      fs.rmSync(link);
    }
  });

  it(
    "says when a port is leased by an earlier call in the same shell, until 'port-zero release'",
    async () => {
      const run = await shell('pz --range 17404-17404 && pz --range 17404-17404; echo "exit $?"; pz release; pz --range 17404-17404');
      expect(run.stderr).toMatch(
        /^port-zero: Only 0 of the 1 port asked for is free in range 17404-17404 \(refused: 1 leased by an earlier call in this shell or script until 'port-zero release'\): widen --range/,
      );
      expect(withoutLeases(run.stdout)).toBe('PORT_1=17404\nexit 1\nReleased 1 port lease: 17404.\nPORT_1=17404\n');

      // With a lease-dir, the release the message names is the one that frees the port.
      const dir = path.join(stepTmp(), `cli-own-lease-${process.pid}`);
      const named = await shell(`pz --lease-dir "${dir}" --range 17405-17405 && pz --lease-dir "${dir}" --range 17405-17405`);
      const release = /until '(port-zero release --lease-dir "[^"]+")'/.exec(named.stderr)?.[1];
      expect(release).toBe(`port-zero release --lease-dir ${JSON.stringify(dir)}`);
      const again = await shell(
        `pz --lease-dir "${dir}" --range 17405-17405 >/dev/null && ${release!.replace('port-zero', 'pz')} && pz --lease-dir "${dir}" --range 17405-17405`,
      );
      expect(withoutLeases(again.stdout)).toBe('Released 1 port lease: 17405.\nPORT_1=17405\n');
    },
    SLOW,
  );

  it(
    'a lease ends with the shell that took it, and with --lease-minutes',
    async () => {
      expect((await shell('pz --range 17401-17401')).code).toBe(0); // that shell has exited
      expect(withoutLeases((await shell('pz --range 17401-17401 --lease-minutes 1')).stdout)).toBe('PORT_1=17401\n');
      const invalid = await cli('--lease-minutes', '0');
      expect(invalid.stderr).toMatch(/invalid --lease-minutes "0": a whole number of minutes from 1 to 10080/);
    },
    SLOW,
  );

  it(
    "never hands out a port that a live job has leased, and the job never gets the local command's",
    async () => {
      // reserve: none, so that only the job's lease keeps the port (as root, auto would also list it in the kernel).
      const job = await runStep({ with: { count: '1', range: '17402-17402', reserve: 'none' }, worker: WORKER });
      workers.push(job.worker!);
      expect(job.code).toBe(0);
      const refused = await cli('--range', '17402-17402');
      expect(refused.code).toBe(1); // a request that cannot be met; 2 is for bad arguments
      expect(refused.stderr).toMatch(
        /Only 0 of the 1 port asked for is free in range 17402-17402 \(refused: 1 leased by another job\): widen --range, shorten --exclude or ask for fewer ports\n$/,
      );
      expect(refused.stderr).not.toContain('--help');

      const caller = spawn('bash', [...BASH, withPz('pz --range 17403-17403 && sleep 60')], { env: PZ });
      // Its first line of output, or, should it fail instead, everything it said before exiting.
      let said = '';
      caller.stderr.on('data', (d: Buffer) => (said += String(d)));
      const printed = await new Promise<string>((resolve) => {
        caller.stdout.once('data', (d: Buffer) => resolve(String(d)));
        caller.once('exit', (code) => resolve(`exited ${code}: ${said}`));
      });
      expect(printed).toMatch(/^PORT_1=17403\n/);
      const blocked = await runStep({ with: { count: '1', range: '17403-17403' } });
      caller.kill('SIGKILL');
      expect(blocked.code).toBe(1);
      expect(blocked.stdout).toContain('Only 0 of the 1 port asked for is free in range');
    },
    SLOW,
  );
});

import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../scripts/action-runner.ts';
import { bindUdp, close, listen } from './helpers/servers.ts';

const CLI = path.join(ROOT, 'dist/cli/index.js');

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function parseLines(stdout: string): Record<string, number> {
  return Object.fromEntries(
    stdout
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
    expect(new Set(Object.values(vars)).size).toBe(3);
    await Promise.all((await Promise.all(Object.values(vars).map((p) => listen(p)))).map(close));
  });

  it('works with export $(...) in a shell', async () => {
    const out = await new Promise<string>((resolve, reject) =>
      execFile('bash', ['-c', `export $("${process.execPath}" "${CLI}" web db); echo "$WEB_PORT $DB_PORT"`], (e, so) =>
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
    [['--bogus'], /Unknown option '--bogus'/],
    [['web', 'web'], /appears twice/],
  ])('refuses %j: a clear error, exit code 2, nothing on stdout', async (args, message) => {
    const { code, stdout, stderr } = await cli(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });
});

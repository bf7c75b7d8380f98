/**
 * Windows' code paths run for real, with the Windows build of Node (on Windows, or under
 * Wine: see test/harness/windows-node.ts): which programs Port Zero starts there.
 */
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputEnvironment, ROOT } from './harness/action-runner.ts';
import { need } from './harness/needs.ts';
import { runWindowsNode, windowsPath } from './harness/windows-node.ts';

const SCENARIO = path.join(ROOT, 'test', 'scenarios', 'windows-spawns.ts');
const RECORDER = { NODE_OPTIONS: `--require ${windowsPath(path.join(ROOT, 'test', 'helpers', 'record-spawns.cjs'))}` };
const SLOW = { timeout: 120_000 };

/** The last line the scenario printed, as JSON. */
async function scenario(...args: string[]) {
  const run = await runWindowsNode(SCENARIO, args, RECORDER);
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  if (run.code !== 0 || !last.startsWith('{')) throw new Error(`the scenario failed (${run.code}): ${run.stdout}${run.stderr}`);
  return JSON.parse(last) as Record<string, unknown>;
}

const powershell = (spawns: unknown) => (spawns as string[]).filter((s) => s.startsWith('powershell.exe'));

describe('the programs Port Zero starts on Windows', () => {
  it(
    'starts no Windows PowerShell for a getPort() beside three live leases of other processes, and still honours them',
    SLOW,
    async (context) => {
      need(context, 'win32');
      const result = await scenario('library', '47400');
      expect(result.port).toBeGreaterThan(0);
      expect(powershell(result.kernelChoice)).toEqual([]);
      // The three leased ports of 47400-47403 are refused by their live leases: only the fourth is left.
      expect(result.range).toEqual([47403]);
      expect(powershell(result.rangeDraw)).toEqual([]);
    },
  );

  it("starts at most one program for the runner's identity in the action's main step, and no Windows PowerShell", SLOW, async (context) => {
    need(context, 'win32');
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'pz-windows-step-'));
    const files = Object.fromEntries(
      ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'].map((name) => {
        fs.writeFileSync(path.join(temp, name), '');
        return [name, windowsPath(path.join(temp, name))];
      }),
    );
    const env = {
      ...inputEnvironment({ names: 'web db' }),
      ...files,
      ...RECORDER,
      GITHUB_ACTIONS: 'true',
      ProgramData: windowsPath(path.join(temp, 'programdata')),
      RUNNER_TEMP: windowsPath(temp),
    };
    fs.mkdirSync(path.join(temp, 'programdata'));
    const result = await scenario('step', JSON.stringify(env), windowsPath(path.join(temp, 'spawns.json')));
    expect(result.code, String(result.stdout)).toBe(0);
    expect(fs.readFileSync(path.join(temp, 'GITHUB_OUTPUT'), 'utf8')).toMatch(/^web=\d+$/m);
    expect(powershell(result.spawns)).toEqual([]);
    expect((result.spawns as string[]).length).toBeLessThanOrEqual(1);
    // Its lease names the stand-in runner, the step's parent, by pid.
    const root = path.join(temp, 'programdata', 'port-zero');
    const own = fs.readdirSync(root).map((d) => path.join(root, d));
    const records = own.flatMap((dir) =>
      fs
        .readdirSync(dir)
        .filter((f) => f.startsWith('lease-'))
        .map((f) => path.join(dir, f)),
    );
    expect(records.map((file) => JSON.parse(fs.readFileSync(file, 'utf8')).owner.runner)).toEqual([{ pid: result.runner, start: null }]);
  });
});

describe("Windows' own places", () => {
  it('starts no program at all for a getPort() with no lease: netsh only for draws by number', SLOW, async (context) => {
    need(context, 'win32');
    const result = await scenario('bare');
    expect(result.port).toBeGreaterThan(0);
    expect(result.spawns).toEqual([]);
  });

  it(
    "honours a live lease of 1.0.0 where 1.0.0 kept them on Windows, %TEMP%\\port-zero-leases, not beside %ProgramData%'s root",
    SLOW,
    async (context) => {
      need(context, 'win32');
      const result = await scenario('legacy', '47420');
      expect(result.ports).toBeUndefined();
      expect(result.error).toMatch(/Only 0 of the 1 port asked for is free in range 47420-47420 \(refused: 1 leased by another job\)/);
    },
  );

  it('never reads /proc on Windows, where it is a folder any account may create', SLOW, async (context) => {
    need(context, 'win32');
    const server = net.createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const result = await scenario('proc');
      if (process.platform === 'linux') expect(result.procExists).toBe(true); // Wine's Z:\proc is Linux's: there is something to read
      expect(result).toMatchObject({ sockets: 0, reserved: 0, pseudo: null });
    } finally {
      server.close();
    }
  });
});

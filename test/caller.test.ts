/**
 * Whose process the local command's leases follow: the shell or script that ran it, looked
 * past the package runner in between (npx, npm exec) on every OS.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callerPid, splitCommand, type CallerFacts } from '../src/leases/lease-owner.ts';
import { need } from './harness/needs.ts';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures/processes', name), 'utf8');
/** What npx and npm exec put in the environment of the command they run (seen on npm 11). */
const FROM_NPX = { npm_lifecycle_event: 'npx', npm_config_user_agent: 'npm/11.19.1 node/v24.21.0 linux x64 workspaces/false' };

function listing(platform: NodeJS.Platform, output: string, calls: string[], env: NodeJS.ProcessEnv = FROM_NPX): CallerFacts {
  return { platform, env, run: (file, args) => (calls.push([file, ...args].join(' ')), output) };
}

describe('the caller of the local command', () => {
  it('looks past npx and its sh -c on macOS, from one ps listing (ps output captured during a real npx)', () => {
    const calls: string[] = [];
    expect(callerPid(11246, listing('darwin', fixture('npx-procps.txt'), calls))).toBe(11233);
    expect(calls).toEqual(['/bin/ps -A -ww -o pid=,ppid=,command=']);
  });

  it("looks past npx's node and cmd.exe /d /s /c on Windows, from one Windows PowerShell listing", () => {
    const calls: string[] = [];
    expect(callerPid(788, listing('win32', fixture('npx-windows.txt'), calls))).toBe(704);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatch(/^C:\\Windows\\System32\\WindowsPowerShell\\v1\.0\\powershell\.exe .*Win32_Process/);
  });

  it('takes the parent as it is, and lists no process, when no package runner started the command', () => {
    const calls: string[] = [];
    expect(callerPid(11246, listing('darwin', fixture('npx-procps.txt'), calls, {}))).toBe(11246);
    expect(callerPid(788, listing('win32', fixture('npx-windows.txt'), calls, {}))).toBe(788);
    expect(calls).toEqual([]);
  });

  it('stops at the first process that is no launcher, and at a listing that fails', () => {
    // The caller's own shell was started by npm too (an npm script running a shell script): it is the caller.
    const scripted = '30 20 /bin/sh ./e2e.sh\n20 10 npm run e2e\n';
    expect(callerPid(30, listing('darwin', scripted, []))).toBe(30);
    expect(
      callerPid(11246, {
        platform: 'darwin',
        env: FROM_NPX,
        run: () => {
          throw new Error('ps failed');
        },
      }),
    ).toBe(11246);
  });

  it('splits a Windows command line at spaces outside quotes', () => {
    expect(splitCommand('"C:\\Program Files\\nodejs\\node.exe" "C:\\x y\\npx-cli.js" port-zero')).toEqual([
      'C:\\Program Files\\nodejs\\node.exe',
      'C:\\x y\\npx-cli.js',
      'port-zero',
    ]);
  });

  it('finds the shell that ran npx for real, through the macOS code path (ps), here and on macOS', async (context) => {
    need(context, 'ps');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pz-caller-'));
    const module = path.join(import.meta.dirname, '..', 'src', 'leases', 'lease-owner.ts');
    const tools = path.join(import.meta.dirname, '..', 'src', 'platform', 'system-tools.ts');
    fs.writeFileSync(
      path.join(dir, 'caller.mjs'),
      `import { callerPid } from ${JSON.stringify(module)};\nimport { runTool } from ${JSON.stringify(tools)};\n` +
        `console.log('caller', callerPid(process.ppid, { platform: 'darwin', run: runTool, env: process.env }));\n`,
    );
    const npx = path.join(path.dirname(process.execPath), 'npx');
    const script = `echo "shell $$"; "${fs.existsSync(npx) ? npx : 'npx'}" --yes -c '"${process.execPath}" caller.mjs'`;
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn('/bin/sh', ['-c', script], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
      let text = '';
      child.stdout.on('data', (d: Buffer) => (text += d));
      child.on('error', reject);
      child.on('close', () => resolve(text));
    });
    const shell = /shell (\d+)/.exec(out)?.[1];
    expect(shell, out).toBeDefined();
    expect(out).toContain(`caller ${shell}`);
  });
});

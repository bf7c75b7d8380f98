/**
 * Runs a script with the Windows build of Node, so that code taking its win32 branches
 * (paths, spawn, which programs are started, netsh and PowerShell being asked) runs for
 * real: on Windows with this Node itself; on Linux with the Windows build of Node 24
 * under Wine, through the project's shared `wine-node` tool (../shared/tools/wine-node
 * beside the checkout, or the script PORT_ZERO_WINE_NODE names). Under Wine it proves
 * JavaScript-level Windows behaviour only: Wine's sockets and files are Linux's, its
 * PowerShell prints nothing, and a process it starts sees its parent as pid 0.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './action-runner.ts';

/** The wine-node tool, when this machine has it. */
function wineNode(): string | undefined {
  const candidates = [process.env.PORT_ZERO_WINE_NODE, path.join(ROOT, '..', 'shared', 'tools', 'wine-node')];
  return candidates.find((file): file is string => !!file && fs.existsSync(file));
}

/** Why no Windows build of Node can run here, or undefined when one can. */
export function whyNoWindowsNode(): string | undefined {
  if (process.platform === 'win32') return undefined;
  if (process.platform !== 'linux') return 'runs the Windows code paths, on Windows or under Wine on Linux';
  if (!wineNode())
    return 'runs the Windows code paths under Wine, through ../shared/tools/wine-node (or PORT_ZERO_WINE_NODE), which is missing';
  // Never set up from a test: that installs Wine and downloads Node, minutes of work.
  const home = process.env.WINE_NODE_HOME ?? path.join(os.homedir(), '.cache', 'wine-node');
  if (!fs.existsSync(path.join(home, 'node.exe')) || spawnSync('sh', ['-c', 'command -v wine'], { stdio: 'ignore' }).status !== 0)
    return 'runs the Windows code paths under Wine, which is not set up here (../shared/tools/wine-node setup)';
  return undefined;
}

/** `file` as the Windows Node sees it: as it is on Windows, `Z:\...` under Wine (Wine's drive Z: is the Unix root). */
export function windowsPath(file: string): string {
  return process.platform === 'win32' ? file : `Z:${path.resolve(file).replaceAll('/', '\\')}`;
}

/** Runs `script` (a path here) with the Windows Node and `args` (Windows paths already), with `env` added. */
export function runWindowsNode(
  script: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const [file, argv] = process.platform === 'win32' ? [process.execPath, [script, ...args]] : [wineNode()!, [script, ...args]];
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

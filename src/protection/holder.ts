import type childProcess from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PortZeroError } from '../errors.ts';
import type { HolderConfig, HolderReady } from '../programs/holder.ts';
import { identify, isRunning, type ProcessIdentity } from '../platform/process-identity.ts';

export interface Holder extends HolderReady {
  process: ProcessIdentity;
}

/**
 * Where the holder program is: dist/holder/index.js beside the main bundle or one
 * level up from the post bundle, or src/programs/holder.ts when running from src/.
 */
const HOLDER_PATHS = [
  ['holder', 'index.js'],
  ['..', 'holder', 'index.js'],
  ['..', 'programs', 'holder.ts'],
];

function holderScript(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const found = HOLDER_PATHS.map((parts) => path.join(here, ...parts)).find((file) => existsSync(file));
  if (!found) throw new PortZeroError(`The port holder program is missing beside ${here}`);
  return found;
}

/** Starts the detached holder and waits until it holds every port it can. */
export function startHolder(config: Omit<HolderConfig, 'pollMs'> & { pollMs?: number }): Promise<Holder> {
  const { spawn } = process.getBuiltinModule('node:child_process') as typeof childProcess;
  const child = spawn(process.execPath, [holderScript(), JSON.stringify({ pollMs: 250, ...config })], {
    detached: true,
    windowsHide: true, // no console window for a background process on Windows
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      child.kill('SIGKILL');
      reject(new PortZeroError(`The port holder did not start: ${why}`));
    };
    const timer = setTimeout(() => fail('no answer in 10 s'), 10_000);
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code) => fail(`it exited with code ${code}`));
    child.once('message', (ready: HolderReady) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.disconnect();
      child.unref();
      resolve({ ...ready, process: identify(child.pid!) });
    });
  });
}

/** Ends the holder if it still runs; true once it is gone. */
export async function stopHolder(holder: ProcessIdentity): Promise<boolean> {
  if (!isRunning(holder)) return true;
  process.kill(holder.pid, 'SIGTERM');
  for (let waited = 0; waited < 3000; waited += 50) {
    await new Promise((r) => setTimeout(r, 50));
    if (!isRunning(holder)) return true;
  }
  process.kill(holder.pid, 'SIGKILL');
  return !isRunning(holder);
}

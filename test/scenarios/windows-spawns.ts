/**
 * Counts the programs Port Zero starts on Windows' code paths. Run with the Windows build
 * of Node (test/harness/windows-node.ts) and test/helpers/record-spawns.cjs preloaded.
 * Prints one JSON line.
 *
 *   node windows-spawns.ts library LOW
 *     Three other live processes each hold a lease on one of LOW, LOW+1, LOW+2 (records
 *     as an earlier version wrote them, with creation times); then getPort(), and
 *     getPorts({ count: 1, range: [LOW, LOW+3] }). Prints the programs each started.
 *   node windows-spawns.ts bare
 *     getPort() with no lease anywhere: the programs it started.
 *   node windows-spawns.ts legacy PORT
 *     A live lease of 1.0.0 on PORT, where 1.0.0 kept them (%TEMP%\port-zero-leases); then
 *     getPorts({ count: 1, range: [PORT, PORT] }) with the default lease root: what it did.
 *   node windows-spawns.ts proc
 *     What the Linux readers of /proc find on Windows, where `/proc` is a folder anyone may make.
 *   node windows-spawns.ts step STEP_ENV_JSON SPAWNS_FILE
 *     Stands in for the runner: starts the action's main step (dist/index.js) as its
 *     child with the environment given (inputs, file commands), waits for it, and prints
 *     its exit code and the programs it started (recorded by the step itself).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const started = (globalThis as { portZeroSpawns?: string[] }).portZeroSpawns;
if (!started) throw new Error('run with --require test/helpers/record-spawns.cjs');
const ROOT = path.join(import.meta.dirname, '..', '..');

/** A process that runs until killed: another job's runner. */
function otherProcess() {
  return spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e9)'], { stdio: 'ignore', windowsHide: true });
}

async function library(low: number) {
  // The default lease root is %ProgramData%\port-zero: a fresh one for this run.
  process.env.ProgramData = fs.mkdtempSync(path.join(os.tmpdir(), 'pz-programdata-'));
  const others = [0, 1, 2].map(otherProcess);
  await Promise.all(others.map((child) => new Promise((resolve) => child.once('spawn', resolve))));
  const dir = path.join(process.env.ProgramData, 'port-zero', 'another-account');
  fs.mkdirSync(dir, { recursive: true });
  others.forEach((child, i) => {
    const owner = {
      token: `other-${i}`,
      run: 'local',
      job: 'local',
      runner: { pid: child.pid, start: 'filetime:134088922450000000' },
      host: 'h',
    };
    const record = { version: 2, owner, expires: Date.now() + 600_000, ports: String(low + i) };
    fs.writeFileSync(path.join(dir, `lease-other-${i}.json`), JSON.stringify(record));
  });
  const { getPort, getPorts } = await import('../../src/programs/library.ts');
  started!.length = 0; // the stand-ins above are the test's, not Port Zero's
  const port = await getPort();
  const kernelChoice = started!.splice(0);
  const { ports } = await getPorts({ count: 1, range: [low, low + 3] });
  const rangeDraw = started!.splice(0);
  for (const child of others) child.kill();
  console.log(JSON.stringify({ port, kernelChoice, range: ports, rangeDraw }));
}

async function bare() {
  process.env.ProgramData = fs.mkdtempSync(path.join(os.tmpdir(), 'pz-programdata-'));
  const { getPort } = await import('../../src/programs/library.ts');
  started!.length = 0;
  const port = await getPort();
  console.log(JSON.stringify({ port, spawns: started!.splice(0) }));
}

async function legacy(port: number) {
  process.env.ProgramData = fs.mkdtempSync(path.join(os.tmpdir(), 'pz-programdata-'));
  const dir = path.join(os.tmpdir(), 'port-zero-leases');
  fs.mkdirSync(dir, { recursive: true });
  const owner = { token: `legacy-${port}`, run: 'x', job: 'y', runner: { pid: process.pid, start: null }, host: os.hostname() };
  const record = { version: 1, owner, created: new Date().toISOString(), expires: Date.now() + 600_000 };
  const file = path.join(dir, `${port}.lease`);
  fs.writeFileSync(file, JSON.stringify(record));
  const { getPorts } = await import('../../src/programs/library.ts');
  try {
    const { ports } = await getPorts({ count: 1, range: [port, port] });
    console.log(JSON.stringify({ ports }));
  } catch (error) {
    console.log(JSON.stringify({ error: (error as Error).message }));
  } finally {
    fs.rmSync(file, { force: true });
  }
}

async function proc() {
  const { socketStates } = await import('../../src/allocator/foreign-binds.ts');
  const { readReservedPorts } = await import('../../src/platform/reserved-ports.ts');
  const { pseudoFilesystem } = await import('../../src/platform/safe-files.ts');
  console.log(
    JSON.stringify({
      // Under Wine `/proc` is drive Z:'s, Linux's own: what a C:\proc made by anyone would be on Windows.
      procExists: fs.existsSync('/proc/net/tcp'),
      sockets: socketStates(['tcp', 'tcp6']).size,
      reserved: readReservedPorts().size,
      pseudo: pseudoFilesystem('/proc/net/tcp') ?? null,
    }),
  );
}

async function step(envJson: string, spawnsFile: string) {
  const env = { ...process.env, ...(JSON.parse(envJson) as Record<string, string>), PORT_ZERO_SPAWNS_FILE: spawnsFile };
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'index.js')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
  });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d));
  child.stderr.on('data', (d: Buffer) => (stdout += d));
  const code = await new Promise((resolve) => child.once('close', resolve));
  console.log(JSON.stringify({ code, runner: process.pid, stdout, spawns: JSON.parse(fs.readFileSync(spawnsFile, 'utf8')) }));
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'library') await library(Number(args[0]));
else if (mode === 'step') await step(args[0], args[1]);
else if (mode === 'bare') await bare();
else if (mode === 'legacy') await legacy(Number(args[0]));
else if (mode === 'proc') await proc();
else throw new Error(`unknown mode ${mode}`);

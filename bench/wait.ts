/**
 * What the wait step costs: how long from a listener appearing to the step seeing it,
 * and the step's CPU (with its netlink helper) while it waits. Runs dist/wait/index.js
 * as a runner does (inputs, file commands). Prints JSON; run it inside a fresh network
 * namespace (npm run bench does).
 *
 *   node bench/wait.ts [runs] [window ms]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { inputEnvironment, readActionYml, ROOT, runnerEnvironment } from '../test/harness/action-runner.ts';

const STEP = path.join(ROOT, 'dist/wait/index.js');
/** After its first line, the step is given this long (plus up to as much again, at random) to settle at its slowest interval. */
const SETTLE_MS = 500;
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A port nothing listens on: one the kernel hands out, closed again. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/** The wait step for `port`, started as a runner starts it; resolves once it has printed its first line. */
async function startStep(
  port: number,
  temp: string,
): Promise<{ step: ChildProcess; lines: string[]; next: (pattern: RegExp) => Promise<void> }> {
  const files = Object.fromEntries(
    ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STATE', 'GITHUB_PATH', 'GITHUB_STEP_SUMMARY'].map((k) => [k, path.join(temp, k)]),
  );
  for (const file of Object.values(files)) fs.writeFileSync(file, '');
  const inputs = inputEnvironment({ names: String(port), timeout: '60', summary: 'false' }, readActionYml(ROOT, 'wait'));
  const step = spawn(process.execPath, [STEP], {
    env: { ...runnerEnvironment(temp), ...inputs, ...files },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  let waiter: { pattern: RegExp; resolve: () => void } | undefined;
  step.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    lines.push(...chunk.split('\n').filter(Boolean));
    if (waiter && lines.some((l) => waiter!.pattern.test(l))) waiter.resolve();
  });
  const next = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      if (lines.some((l) => pattern.test(l))) return resolve();
      waiter = { pattern, resolve };
      step.once('exit', (code) => reject(new Error(`the wait step exited (${code}) before printing ${pattern}: ${lines.join(' | ')}`)));
    });
  await next(/^Waiting up to/);
  return { step, lines, next };
}

/** From listen() returning to the step's line for the port, in ms: one run. */
async function latency(temp: string): Promise<number> {
  const port = await freePort();
  const { step, next } = await startStep(port, temp);
  await sleep(SETTLE_MS + Math.random() * SETTLE_MS);
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  const listening = performance.now();
  await next(/ready after/);
  const seen = performance.now() - listening;
  await new Promise((r) => (step.exitCode === null ? step.once('exit', r) : r(null)));
  server.close();
  return seen;
}

/** utime + stime of `pid` and its children (the netlink helper), in clock ticks, from /proc. */
function treeTicks(pid: number): number {
  let ticks = 0;
  for (const entry of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(entry) === pid || Number(fields[1]) === pid) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone
    }
  }
  return ticks;
}

/** The step's CPU while it waits for a port nothing binds, over `windowMs` after it settled. */
async function idleCpu(temp: string, windowMs: number) {
  const { step } = await startStep(await freePort(), temp);
  try {
    await sleep(1000);
    const before = treeTicks(step.pid!);
    await sleep(windowMs);
    const cpuMs = ((treeTicks(step.pid!) - before) / TICKS_PER_SECOND) * 1000;
    return { windowMs, cpuMs, cpuShare: cpuMs / windowMs };
  } finally {
    step.kill('SIGTERM');
    await new Promise((r) => step.once('exit', r));
  }
}

export async function waitBench(runs: number, windowMs: number) {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-bench-wait-'));
  try {
    await latency(temp); // warm-up: disk caches, the first perl start
    const latencies: number[] = [];
    for (let i = 0; i < runs; i++) latencies.push(await latency(temp));
    return { latencies, ...(await idleCpu(temp, windowMs)) };
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

if (import.meta.main) console.log(JSON.stringify(await waitBench(Number(process.argv[2] ?? 21), Number(process.argv[3] ?? 5000))));

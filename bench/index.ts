/**
 * npm run bench: times Port Zero in each reserve mode against the libraries
 * people use, a narrow request as an exclude and as a range, the whole action
 * step in each mode against a bare Node start, the cost as N grows, the holder's
 * idle CPU, which handed-out ports survive the every-address storm, what a
 * reservation costs neighbours, the many-jobs stress, and the wait step's reaction time
 * and idle CPU; writes bench/RESULTS.md
 * with every target's measured value, target and verdict. Every timed command
 * runs in a fresh network namespace where that is possible.
 *   BENCH_REPS, BENCH_STEP_RUNS, BENCH_HOLDER_WINDOW_MS, BENCH_WAIT_RUNS and BENCH_WAIT_WINDOW_MS
 *   override the repetitions and the windows.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inputEnvironment, parseFileCommands, readActionYml, ROOT, runnerEnvironment } from '../test/harness/action-runner.ts';
import { CONTENDERS, DEFAULT_FLOOR, LIBRARIES, PORT_ZERO_MODES, resolveMode, WORK_FLOORS, type PortZeroMode } from './contenders.ts';
import { inNamespaceSync, whyNoNamespace } from '../test/harness/namespace.ts';
import { useScratchTmp } from '../test/harness/scratch-tmp.ts';
import type { StressRow } from './stress-plain.ts';
import { STORM_ADDRESSES, STORM_PORTS, STORM_RANGE, type StormResult } from './storm.ts';

const SIZES = [1, 10, 100, 1000];
const REPS = Number(process.env.BENCH_REPS ?? 5);
const STEP_RUNS = Number(process.env.BENCH_STEP_RUNS ?? 25);
const SCALING = [1000, 2000, 4000];
const HOLDER_SIZES = [1, 100, 1000];
const HOLDER_WINDOW_MS = Number(process.env.BENCH_HOLDER_WINDOW_MS ?? 3000);
const WAIT_RUNS = Number(process.env.BENCH_WAIT_RUNS ?? 21);
const WAIT_WINDOW_MS = Number(process.env.BENCH_WAIT_WINDOW_MS ?? 5000);
const NARROW_COUNT = 100;
const NARROW_REPS = 3;
/** A narrow request that takes longer is stopped and reported as such. */
const NARROW_TIMEOUT_MS = 10_000;
const NODE = process.execPath;
/** As root, every timed command runs in a fresh network namespace, so none inherits another's TIME_WAIT entries. */
const ISOLATE = process.getuid?.() === 0 && whyNoNamespace() === undefined;
const GET_PORT = 'get-port loop';
const FLOOR = 'plain batch (floor)';
const [NODE_FLOOR, KERNEL_FLOOR] = ['self-connect floor (Node)', 'self-connect floor (kernel)'];
const mode = (reserve: string) => PORT_ZERO_MODES.find((m) => m.reserve === reserve)!;
const DEFAULT = mode('auto').name;
const NONE = mode('none').name;
/** Modes this build knows; the others are listed as missing rather than measured. */
const AVAILABLE = PORT_ZERO_MODES.filter((m) => resolveMode(m.reserve) !== undefined);
const available = (m: PortZeroMode) => AVAILABLE.includes(m);
const NARROW = Object.keys(CONTENDERS).filter((name) => name.startsWith('narrow request'));

/** `argv` in a fresh network namespace when `isolate`, else here; its stdout. `timeoutMs` ends it (SIGTERM) and throws. */
function runIsolated(argv: string[], isolate: boolean, env: NodeJS.ProcessEnv = process.env, timeoutMs?: number): string {
  if (!isolate) return execFileSync(argv[0], argv.slice(1), { encoding: 'utf8', env, timeout: timeoutMs });
  return inNamespaceSync(argv, { env: env as Record<string, string>, killAfterMs: timeoutMs });
}

interface Stats {
  median: number;
  min: number;
  max: number;
}

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1)! };
}

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Sample {
  ms: number;
  ports: number;
  distinct: number;
}

function runContender(name: string, n: number): Sample {
  // Tells the kernel-list floor it may write the list: only a namespace of its own is touched.
  const env = ISOLATE ? { ...process.env, PORT_ZERO_BENCH_NAMESPACE: '1' } : process.env;
  return JSON.parse(runIsolated([NODE, path.join(import.meta.dirname, 'run-one.ts'), name, String(n)], ISOLATE, env));
}

/** Interleaved: each repetition runs every contender at every size, so drift hits all alike. The first is warm-up. */
function allocationBench(names: string[]): Map<string, Sample[]> {
  const samples = new Map<string, Sample[]>();
  for (let rep = 0; rep <= REPS; rep++) {
    for (const n of SIZES) {
      for (const name of names) {
        const sample = runContender(name, n);
        if (rep > 0) samples.set(`${name}@${n}`, [...(samples.get(`${name}@${n}`) ?? []), sample]);
      }
    }
    log(`allocation: ${rep === 0 ? 'warm-up' : `repetition ${rep}/${REPS}`} done`);
  }
  return samples;
}

function stepEnvironment(reserve: string): NodeJS.ProcessEnv {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-bench-step-'));
  const files = Object.fromEntries(
    ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STATE', 'GITHUB_PATH', 'GITHUB_STEP_SUMMARY'].map((k) => {
      const file = path.join(temp, k.toLowerCase());
      fs.writeFileSync(file, '');
      return [k, file];
    }),
  );
  const inputs = inputEnvironment({ names: 'web api db cache queue', reserve, 'lease-dir': path.join(temp, 'leases') }, readActionYml());
  // Tells the floor it may write the kernel list: only a namespace of its own is touched.
  const namespace = ISOLATE ? { PORT_ZERO_BENCH_NAMESPACE: '1' } : {};
  return { ...runnerEnvironment(temp), ...inputs, ...files, ...namespace };
}

interface StepSample {
  ms: number;
  cpu_ms: number;
  rss_kib: number;
  code: number;
}

/** A holder the step left running: stopped before the next run, so it costs that run nothing. */
function stopLeftHolder(env: NodeJS.ProcessEnv) {
  const saved = parseFileCommands(fs.readFileSync(env.GITHUB_STATE!, 'utf8')).holder;
  if (!saved) return;
  try {
    process.kill((JSON.parse(saved) as { pid: number }).pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/**
 * The action's main step as a runner starts it, in every mode, against `node -e ""`
 * and against the floor (the same socket and output work with none of Port Zero's code), interleaved.
 */
function stepBench(): Map<string, StepSample[]> {
  const commands: [string, string[], string][] = [
    ...AVAILABLE.map((m): [string, string[], string] => [m.name, [NODE, path.join(ROOT, 'dist/index.js')], m.reserve]),
    [FLOOR_STEP, [NODE, path.join(import.meta.dirname, 'step-floor.mjs')], 'none'],
    [BARE, [NODE, '-e', ''], 'none'],
  ];
  const launch = (argv: string[], reserve: string): StepSample => {
    const env = stepEnvironment(reserve);
    const sample = JSON.parse(runIsolated(['python3', path.join(import.meta.dirname, 'launch.py'), ...argv], ISOLATE, env));
    stopLeftHolder(env);
    return sample;
  };
  const samples = new Map<string, StepSample[]>(commands.map(([name]) => [name, []]));
  for (const [, argv, reserve] of commands) launch(argv, reserve); // warm-up: disk caches
  for (let i = 0; i < STEP_RUNS; i++) {
    for (const [name, argv, reserve] of commands) samples.get(name)!.push(launch(argv, reserve));
  }
  if ([...samples.values()].flat().some((s) => s.code !== 0)) throw new Error('a step failed during the step benchmark');
  log('whole step: done');
  return samples;
}
const FLOOR_STEP = 'floor: the same socket and output work, no Port Zero code';
const BARE = 'node -e ""';

function scalingBench(): Map<number, Sample[]> {
  const result = new Map<number, Sample[]>();
  for (let rep = 0; rep < Math.max(3, Math.ceil(REPS / 2)); rep++) {
    for (const n of SCALING) result.set(n, [...(result.get(n) ?? []), runContender(DEFAULT, n)]);
  }
  log('scaling: done');
  return result;
}

function neighbourBench() {
  const out = runIsolated([NODE, path.join(import.meta.dirname, 'neighbour.ts'), '1000'], ISOLATE);
  log('neighbour cost: done');
  return JSON.parse(out) as { reserved: number; before: Record<string, number>; after: Record<string, number> };
}

function stressBench(): StressRow[] {
  const out = runIsolated([NODE, path.join(import.meta.dirname, 'stress-plain.ts'), '--json'], ISOLATE);
  log('stress: done');
  return JSON.parse(out) as StressRow[];
}

/** Each contender's hand-out, then the every-address storm, in a fresh network namespace each. */
function stormBench(): Map<string, StormResult> {
  const names = [...Object.keys(LIBRARIES), ...AVAILABLE.map((m) => m.name)];
  const results = new Map(
    names.map((name) => [name, JSON.parse(runIsolated([NODE, path.join(import.meta.dirname, 'storm.ts'), name], ISOLATE)) as StormResult]),
  );
  log('every-address storm: done');
  return results;
}

interface HolderIdle {
  ports: number;
  held: number;
  windowMs: number;
  cpuMs: number;
  cpuShare: number;
}

function holderBench(): HolderIdle[] {
  const script = path.join(import.meta.dirname, 'holder-idle.ts');
  const rows = HOLDER_SIZES.map((n) => JSON.parse(runIsolated([NODE, script, String(n), String(HOLDER_WINDOW_MS)], ISOLATE)) as HolderIdle);
  log('holder idle cost: done');
  return rows;
}

interface WaitResult {
  latencies: number[];
  windowMs: number;
  cpuMs: number;
  cpuShare: number;
}

/** The wait step: from a listener appearing to the step's line for it, and its CPU (with its helper) while it waits. */
function waitStepBench(): WaitResult {
  const out = runIsolated([NODE, path.join(import.meta.dirname, 'wait.ts'), String(WAIT_RUNS), String(WAIT_WINDOW_MS)], ISOLATE);
  log('wait step: done');
  return JSON.parse(out) as WaitResult;
}

/**
 * The narrow request both ways, cold (a slow search cannot be repeated for warm-up).
 * A run is stopped after NARROW_TIMEOUT_MS, and a request stopped once is not run again.
 */
function narrowBench(): Map<string, (Sample | undefined)[]> {
  const result = new Map<string, (Sample | undefined)[]>(NARROW.map((name) => [name, []]));
  for (let rep = 0; rep < NARROW_REPS; rep++) {
    for (const name of NARROW) {
      if (result.get(name)!.includes(undefined)) continue;
      let sample: Sample | undefined;
      try {
        const argv = [NODE, path.join(import.meta.dirname, 'run-one.ts'), name, String(NARROW_COUNT), 'cold'];
        sample = JSON.parse(runIsolated(argv, ISOLATE, process.env, NARROW_TIMEOUT_MS));
      } catch {
        sample = undefined; // stopped at the timeout
      }
      result.get(name)!.push(sample);
    }
  }
  log('narrow request: done');
  return result;
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const mem = (os.totalmem() / 2 ** 30).toFixed(0);
  return `${cpu}, ${os.cpus().length} cores, ${mem} GiB, ${os.type()} ${os.release()}`;
}

function allocationTables(samples: Map<string, Sample[]>, names: string[]): string[] {
  const lines: string[] = [];
  for (const n of SIZES) {
    const getPort = stats(samples.get(`${GET_PORT}@${n}`)!.map((s) => s.ms)).median;
    lines.push(
      `### N = ${n}`,
      '',
      '| contender | median ms | min | max | vs get-port | distinct of N |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const name of names) {
      const runs = samples.get(`${name}@${n}`);
      if (!runs) {
        lines.push(`| ${name} | not in this build | | | | |`);
        continue;
      }
      const s = stats(runs.map((r) => r.ms));
      const distinct = Math.min(...runs.map((r) => r.distinct));
      lines.push(`| ${name} | ${ms(s.median)} | ${ms(s.min)} | ${ms(s.max)} | ${ratio(s.median, getPort)} | ${distinct} of ${n} |`);
    }
    lines.push('');
  }
  return lines;
}

interface Target {
  what: string;
  /** Undefined: not measured in this build. */
  value: number | undefined;
  /** Undefined: a floor's own cost, shown beside a target. */
  limit?: number;
  unit: 'x' | '%' | 'ms';
}

function targetRow({ what, value, limit, unit }: Target): string {
  const show = (v: number) => (unit === '%' ? `${(v * 100).toFixed(2)} %` : unit === 'ms' ? `${v.toFixed(1)} ms` : `${v.toFixed(2)}x`);
  const bound = unit === 'x' ? 'at most' : 'under';
  if (limit === undefined)
    return `| ${what} | ${value === undefined || Number.isNaN(value) ? 'not measured' : show(value)} | the work itself, no target | |`;
  if (value === undefined || Number.isNaN(value))
    return `| ${what} | not measured: the mode is not in this build | ${bound} ${show(limit)} | no |`;
  return `| ${what} | ${show(value)} | ${bound} ${show(limit)} | ${value <= limit ? 'yes' : 'no'} |`;
}

function main() {
  // Every lease directory, step and runner temp of the runs in one directory, gone at the end.
  process.once('exit', useScratchTmp('port-zero-bench-run-'));
  // The floors of the modes' work right after the plain batch floor.
  const libraries = Object.keys(LIBRARIES).flatMap((name) => (name === FLOOR ? [name, ...Object.keys(WORK_FLOORS)] : [name]));
  const names = [...PORT_ZERO_MODES.filter((m) => !m.stepOnly).map((m) => m.name), ...libraries];
  const measured = names.filter((name) => !PORT_ZERO_MODES.some((m) => m.name === name && !available(m)));
  const started = Date.now();
  const allocation = allocationBench(measured);
  const narrow = narrowBench();
  const step = stepBench();
  const scaling = scalingBench();
  const holder = holderBench();
  const storm = stormBench();
  const neighbour = neighbourBench();
  const stress = stressBench();
  const wait = waitStepBench();
  const waitLatency = stats(wait.latencies);

  const median = (key: string) => (allocation.has(key) ? stats(allocation.get(key)!.map((s) => s.ms)).median : undefined);
  const vsGetPort = (name: string) => (median(`${name}@1000`) ?? NaN) / median(`${GET_PORT}@1000`)!;
  const stepMedian = (name: string, key: 'ms' | 'rss_kib') => (step.has(name) ? stats(step.get(name)!.map((s) => s[key])).median : NaN);
  const stepWall = stepMedian(DEFAULT, 'ms') / stepMedian(BARE, 'ms');
  const stepRss = stepMedian(DEFAULT, 'rss_kib') / stepMedian(BARE, 'rss_kib');
  const distinctDefault = Math.min(...allocation.get(`${DEFAULT}@1000`)!.map((s) => s.distinct));
  const perPort = SCALING.map((n) => stats(scaling.get(n)!.map((s) => s.ms)).median / n);
  const holder1000 = holder.find((h) => h.ports === 1000)!;
  const targets: Target[] = [
    {
      what: `default mode (reserve: auto, here ${resolveMode('auto')}), 1000 ports, against a get-port loop`,
      value: vsGetPort(DEFAULT),
      limit: 0.6,
      unit: 'x',
    },
    { what: 'reserve: kernel, 1000 ports, against a get-port loop', value: vsGetPort(mode('kernel').name), limit: 0.6, unit: 'x' },
    { what: `${DEFAULT_FLOOR}, 1000 ports, against a get-port loop`, value: vsGetPort(DEFAULT_FLOOR), unit: 'x' },
    {
      what: `default mode, 1000 ports, against the ${DEFAULT_FLOOR}`,
      value: median(`${DEFAULT}@1000`)! / median(`${DEFAULT_FLOOR}@1000`)!,
      limit: 1.5,
      unit: 'x',
    },
    { what: 'reserve: time-wait, 1000 ports, against a get-port loop', value: vsGetPort(mode('time-wait').name), limit: 1.5, unit: 'x' },
    { what: `${KERNEL_FLOOR}, 1000 ports, against a get-port loop`, value: vsGetPort(KERNEL_FLOOR), unit: 'x' },
    { what: `${NODE_FLOOR}, 1000 ports, against a get-port loop`, value: vsGetPort(NODE_FLOOR), unit: 'x' },
    {
      what: `reserve: time-wait, 1000 ports, against the ${KERNEL_FLOOR}`,
      value: median(`${mode('time-wait').name}@1000`)! / median(`${KERNEL_FLOOR}@1000`)!,
      limit: 1.5,
      unit: 'x',
    },
    { what: 'reserve: none, no leases, 1000 ports, against a get-port loop', value: vsGetPort(NONE), limit: 0.5, unit: 'x' },
    {
      what: 'reserve: none, no leases, 1000 ports, against the plain batch floor',
      value: median(`${NONE}@1000`)! / median(`${FLOOR}@1000`)!,
      limit: 1.5,
      unit: 'x',
    },
    { what: 'whole step, 5 names, default mode, against a bare Node start (wall time)', value: stepWall, limit: 1.4, unit: 'x' },
    {
      what: 'whole step floor (the same socket and output work, no Port Zero code), against a bare Node start (wall time)',
      value: stepMedian(FLOOR_STEP, 'ms') / stepMedian(BARE, 'ms'),
      unit: 'x',
    },
    { what: 'whole step, 5 names, default mode, against a bare Node start (peak memory)', value: stepRss, limit: 1.3, unit: 'x' },
    { what: `holder, 1000 idle ports (CPU over ${HOLDER_WINDOW_MS / 1000} s)`, value: holder1000.cpuShare, limit: 0.01, unit: '%' },
    {
      what: `wait step: from a listener appearing to the step's line for it (median of ${wait.latencies.length})`,
      value: waitLatency.median,
      limit: 50,
      unit: 'ms',
    },
    {
      what: `wait step: CPU while waiting, with its helper (over ${wait.windowMs / 1000} s)`,
      value: wait.cpuShare,
      limit: 0.02,
      unit: '%',
    },
    {
      what: `cost per port as N grows ${SCALING.join(', ')} (last against first)`,
      value: perPort.at(-1)! / perPort[0],
      limit: 1.25,
      unit: 'x',
    },
  ];
  const bundle = fs.statSync(path.join(ROOT, 'dist/index.js')).size;
  const missing = PORT_ZERO_MODES.filter((m) => !available(m)).map((m) => `\`reserve: ${m.reserve}\``);

  const lines = [
    '# Benchmark results',
    '',
    'Written by `npm run bench`; do not edit by hand. Times are wall-clock milliseconds of one warm call, measured inside the calling process.',
    '',
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    `- Machine: ${machine()}`,
    `- Node: ${process.version}`,
    `- Isolation: ${ISOLATE ? 'every timed command ran in a fresh network namespace (unshare -n), so none inherited TIME_WAIT entries' : 'none (not root): runs share the host network stack, so earlier TIME_WAIT entries may slow later runs'}`,
    `- Repetitions: ${REPS} timed, interleaved, after one warm-up round; each run also warms up inside its process first`,
    ...(missing.length ? [`- Not in this build, so not measured: ${missing.join(', ')}`] : []),
    '',
    '## Targets',
    '',
    '| target | measured | target | met |',
    '| --- | --- | --- | --- |',
    ...targets.map(targetRow),
    `| default mode: every port distinct at N = 1000 | ${distinctDefault} of 1000 | 1000 of 1000 | ${distinctDefault === 1000 ? 'yes' : 'no'} |`,
    '',
    '## Allocation: N ports in one process',
    '',
    ...allocationTables(allocation, names),
    ...narrowTable(narrow),
    '## The whole step',
    '',
    `\`node dist/index.js\` with five names in each \`reserve\` mode, run as a runner runs it (inputs, file commands), against \`node -e ""\` on the same Node, interleaved, ${STEP_RUNS} runs each. Peak memory is the child's maximum resident set, CPU its user and system time, both from wait4.`,
    '',
    '| command | median ms | min | max | vs bare start | median CPU ms | median peak RSS (MiB) | vs bare start |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...[...step].map(([name, s]) => {
      const w = stats(s.map((x) => x.ms));
      const rss = stats(s.map((x) => x.rss_kib)).median;
      const label = PORT_ZERO_MODES.some((m) => m.name === name) ? `node dist/index.js, ${name}` : name;
      return `| ${label} | ${ms(w.median)} | ${ms(w.min)} | ${ms(w.max)} | ${ratio(w.median, stepMedian(BARE, 'ms'))} | ${ms(stats(s.map((x) => x.cpu_ms)).median)} | ${(rss / 1024).toFixed(1)} | ${ratio(rss, stepMedian(BARE, 'rss_kib'))} |`;
    }),
    '',
    `dist/index.js is ${(bundle / 1024).toFixed(0)} KiB.`,
    '',
    '## Scaling: the default mode as N grows',
    '',
    '| N | median ms | ms per port |',
    '| --- | --- | --- |',
    ...SCALING.map((n, i) => `| ${n} | ${ms(stats(scaling.get(n)!.map((s) => s.ms)).median)} | ${perPort[i].toFixed(3)} |`),
    '',
    '## The holder while it waits',
    '',
    `CPU time (utime + stime from /proc) of the holder process over ${HOLDER_WINDOW_MS / 1000} s, after a second to settle, holding N ports.`,
    '',
    '| ports | held | CPU ms | share of one CPU |',
    '| --- | --- | --- | --- |',
    ...holder.map((h) => `| ${h.ports} | ${h.held} | ${h.cpuMs.toFixed(0)} | ${(h.cpuShare * 100).toFixed(2)} % |`),
    '',
    ...stormTable(storm),
    '## What a 1000-port reservation costs a neighbour',
    '',
    "Another process's 1000 calls, median of 5 fresh processes, before and after Port Zero reserved 1000 ports in TIME_WAIT.",
    '',
    '| neighbour | before ms | after ms | ratio |',
    '| --- | --- | --- | --- |',
    ...Object.keys(neighbour.before).map(
      (k) => `| ${k} | ${ms(neighbour.before[k])} | ${ms(neighbour.after[k])} | ${ratio(neighbour.after[k], neighbour.before[k])} |`,
    ),
    '',
    '## Many jobs on one host',
    '',
    'The stress test scenario (32 action processes at once, 16 ports each, while another program keeps asking for port 0 and holding what it gets), reported rather than asserted.',
    '',
    '| mode | rounds | ports handed out | handed to two jobs | taken by the other program |',
    '| --- | --- | --- | --- | --- |',
    ...stress.map((r) => `| ${r.mode} | ${r.rounds} | ${r.ports} | ${r.shared} | ${r.taken} |`),
    '',
    '## The wait step',
    '',
    `\`node dist/wait/index.js\` run as a runner runs it, waiting for one port, in a fresh network namespace. Reaction: ${wait.latencies.length} runs, each letting the step settle for 0.5-1 s, then listening on the port and timing until the step's line for it arrives on its standard output (the owner lookup and the pipe included). CPU: utime + stime of the step and its children (the perl helper) from /proc over ${wait.windowMs / 1000} s of waiting for a port nothing binds, after a second to settle.`,
    '',
    '| reaction median ms | min | max | CPU ms | share of one CPU |',
    '| --- | --- | --- | --- | --- |',
    `| ${ms(waitLatency.median)} | ${ms(waitLatency.min)} | ${ms(waitLatency.max)} | ${wait.cpuMs.toFixed(0)} | ${(wait.cpuShare * 100).toFixed(2)} % |`,
    '',
    ...notes(),
    `Total benchmark time: ${((Date.now() - started) / 1000).toFixed(0)} s.`,
    '',
  ];
  fs.writeFileSync(path.join(import.meta.dirname, 'RESULTS.md'), lines.join('\n'));
  log(`wrote bench/RESULTS.md in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function narrowTable(narrow: Map<string, (Sample | undefined)[]>): string[] {
  const cell = (runs: (Sample | undefined)[]) => {
    const done = runs.filter((r): r is Sample => r !== undefined);
    const stopped = runs.length - done.length;
    const times = done.length ? ms(stats(done.map((r) => r.ms)).median) : `over ${NARROW_TIMEOUT_MS / 1000} s`;
    return `| ${times} | ${done.length} of ${runs.length}${stopped ? `, then stopped at ${NARROW_TIMEOUT_MS / 1000} s` : ''} |`;
  };
  return [
    `### A narrow request: ${NARROW_COUNT} ports`,
    '',
    `Reserve none, no leases; one cold call per fresh process, up to ${NARROW_REPS} runs each. A run is stopped after ${NARROW_TIMEOUT_MS / 1000} s, and a request stopped once is not run again.`,
    '',
    '| request | median ms | finished |',
    '| --- | --- | --- |',
    ...[...narrow].map(([name, runs]) => `| ${name} ${cell(runs)}`),
    '',
  ];
}

function stormTable(storm: Map<string, StormResult>): string[] {
  const all = (r: StormResult) => new Set(Object.values(r.taken).flat()).size;
  return [
    '## The every-address storm',
    '',
    `In a fresh network namespace with the ephemeral range narrowed to ${STORM_RANGE.low}-${STORM_RANGE.high}, each contender hands out ${STORM_PORTS} ports (Port Zero as the whole step, in each mode); then another program binds port 0 on one address until the kernel has no port left, holding every one, and lets them go, for ${STORM_ADDRESSES.join(', ')} in turn. A port it gets is one a job's server could lose. "In the range": ports the kernel could offer at all; a library that picks ports itself may hand out others.`,
    '',
    `| contender | distinct ports handed out | in the range | taken on ${STORM_ADDRESSES.join(' | taken on ')} | taken on any |`,
    `| --- | --- | --- | ${STORM_ADDRESSES.map(() => '---').join(' | ')} | --- |`,
    ...[...storm].map(([name, r]) =>
      r.error
        ? `| ${name} | failed: ${r.error.replaceAll('|', '/')} | | ${STORM_ADDRESSES.map(() => '').join(' | ')} | |`
        : `| ${name} | ${new Set(r.handed).size} of ${r.handed.length} | ${r.inRange} | ${STORM_ADDRESSES.map((a) => r.taken[a].length).join(' | ')} | ${all(r)} |`,
    ),
    '',
  ];
}

/** What bounds the targets that depend on the kernel rather than on this code. */
function notes(): string[] {
  const text = fs.readFileSync(path.join(import.meta.dirname, 'NOTES.md'), 'utf8');
  return [text.trim(), ''];
}

main();

/**
 * npm run bench: times Port Zero in each reserve mode against the libraries
 * people use, a narrow request as an exclude and as a range, the library's warm
 * calls against get-port in one process, the whole action step in each mode
 * against a bare Node start, 1000 ports as whole processes against a get-port
 * process, the cost as N grows, the holder's idle CPU, which handed-out ports
 * survive the every-address storm, what a reservation costs neighbours, the
 * many-jobs stress, and the wait step's reaction time and idle CPU; writes
 * bench/RESULTS.md with every target's measured value, target and verdict, and
 * which figures moved since the RESULTS.md it replaces. Every timed command runs
 * in a fresh network namespace where that is possible.
 *   BENCH_REPS, BENCH_STEP_RUNS, BENCH_BATCH_RUNS, BENCH_LIBRARY_PROCESSES, BENCH_LIBRARY_ROUNDS,
 *   BENCH_HOLDER_WINDOW_MS, BENCH_WAIT_RUNS and BENCH_WAIT_WINDOW_MS override the repetitions and the windows.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inputEnvironment, parseFileCommands, readActionYml, ROOT, runnerEnvironment } from '../test/harness/action-runner.ts';
import { comparisonSection } from './compare.ts';
import { CONTENDERS, DEFAULT_FLOOR, LIBRARIES, PORT_ZERO_MODES, resolveMode, WORK_FLOORS, type PortZeroMode } from './contenders.ts';
import type { CallGroup, LibraryCalls } from './library-calls.ts';
import { inNamespaceSync, whyNoNamespace } from '../test/harness/namespace.ts';
import { useScratchTmp } from '../test/harness/scratch-tmp.ts';
import { middleHalf, ms, ratio, stats } from './stats.ts';
import type { StressRow } from './stress-plain.ts';
import { STORM_ADDRESSES, STORM_PORTS, STORM_RANGE, type StormResult } from './storm.ts';

const SIZES = [1, 10, 100, 1000];
const REPS = Number(process.env.BENCH_REPS ?? 5);
const STEP_RUNS = Number(process.env.BENCH_STEP_RUNS ?? 40);
/** Rounds of the 1000-port processes (each round runs every command once). */
const BATCH_RUNS = Number(process.env.BENCH_BATCH_RUNS ?? 15);
const BATCH = 1000;
/** The library's warm calls: this many processes (fresh namespaces), each timing this many rounds. */
const LIBRARY_PROCESSES = Number(process.env.BENCH_LIBRARY_PROCESSES ?? 4);
const LIBRARY_ROUNDS = Number(process.env.BENCH_LIBRARY_ROUNDS ?? 75);
const LIBRARY_WARM_UP = 20;
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

/** The environment a runner gives the action's main step: its inputs (five names unless `inputs` says otherwise) and file commands. */
function stepEnvironment(reserve: string, inputs: Record<string, string> = { names: 'web api db cache queue' }): NodeJS.ProcessEnv {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-bench-step-'));
  const files = Object.fromEntries(
    ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STATE', 'GITHUB_PATH', 'GITHUB_STEP_SUMMARY'].map((k) => {
      const file = path.join(temp, k.toLowerCase());
      fs.writeFileSync(file, '');
      return [k, file];
    }),
  );
  const given = inputEnvironment({ ...inputs, reserve, 'lease-dir': path.join(temp, 'leases') }, readActionYml());
  // Tells the floor it may write the kernel list: only a namespace of its own is touched.
  const namespace = ISOLATE ? { PORT_ZERO_BENCH_NAMESPACE: '1' } : {};
  return { ...runnerEnvironment(temp), ...given, ...files, ...namespace };
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

/** A whole process as the benchmark starts it: its name in the results, its argv, and a fresh environment for each run. */
interface ProcessCommand {
  name: string;
  argv: string[];
  env: () => NodeJS.ProcessEnv;
}

/** One run of `command` as a runner starts a process, timed by launch.py from its start to its end, in a fresh namespace. */
function launch(command: ProcessCommand): StepSample {
  const env = command.env();
  const sample = JSON.parse(runIsolated(['python3', path.join(import.meta.dirname, 'launch.py'), ...command.argv], ISOLATE, env));
  if (env.GITHUB_STATE) stopLeftHolder(env);
  return sample;
}

/**
 * `runs` rounds after a warm-up round (disk caches); each round runs every command once,
 * back to back, so a change in the machine's load hits every command of a round alike.
 */
function interleaved(commands: ProcessCommand[], runs: number, what: string): Map<string, StepSample[]> {
  const samples = new Map<string, StepSample[]>(commands.map(({ name }) => [name, []]));
  for (const command of commands) launch(command);
  for (let i = 0; i < runs; i++) for (const command of commands) samples.get(command.name)!.push(launch(command));
  const failed = [...samples].find(([, runs]) => runs.some((s) => s.code !== 0));
  if (failed) throw new Error(`${failed[0]} failed during the ${what} benchmark`);
  log(`${what}: done`);
  return samples;
}

/**
 * The action's main step as a runner starts it, in every mode, against `node -e ""`
 * and against the floor (the same socket and output work with none of Port Zero's code), interleaved.
 */
function stepBench(): Map<string, StepSample[]> {
  const step = (name: string, argv: string[], reserve: string): ProcessCommand => ({ name, argv, env: () => stepEnvironment(reserve) });
  return interleaved(
    [
      ...AVAILABLE.map((m) => step(m.name, [NODE, path.join(ROOT, 'dist/index.js')], m.reserve)),
      step(FLOOR_STEP, [NODE, path.join(import.meta.dirname, 'step-floor.mjs')], 'none'),
      step(BARE, [NODE, '-e', ''], 'none'),
    ],
    STEP_RUNS,
    'whole step',
  );
}

/** The names of the 1000-port processes: Port Zero's step and command, and a get-port loop, each at `n` ports. */
const batchName = {
  step: (n: number) => `node dist/index.js, default mode, count ${n}`,
  command: (n: number) => `port-zero --count ${n} (the command, default mode)`,
  getPort: (n: number) => `get-port loop of ${n}, as a process`,
  floor: (n: number) => `floor: bind, kernel list, outputs, no Port Zero code (step-floor.mjs ${n})`,
};

/** The process environment with a TMPDIR of its own, so the command's default lease location starts empty each run. */
function freshTmp(): NodeJS.ProcessEnv {
  return { ...process.env, TMPDIR: fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-bench-tmp-')) };
}

/**
 * BATCH ports and one port as whole processes, interleaved: the action's main step in the
 * default mode (as root, the kernel list), the command in its default mode (TIME_WAIT:
 * it has no post step), a process that loops over get-port, and the step's floor (the
 * same binding, kernel list and outputs with none of Port Zero's code). Each is later
 * taken net of its one-port run, so that what remains is the cost of the other BATCH - 1 ports.
 */
function batchBench(): Map<string, StepSample[]> {
  const commands = [BATCH, 1].flatMap((n): ProcessCommand[] => [
    { name: batchName.step(n), argv: [NODE, path.join(ROOT, 'dist/index.js')], env: () => stepEnvironment('auto', { count: String(n) }) },
    { name: batchName.command(n), argv: [NODE, path.join(ROOT, 'dist/cli/index.js'), '--count', String(n)], env: freshTmp },
    { name: batchName.getPort(n), argv: [NODE, path.join(import.meta.dirname, 'get-port-loop.mjs'), String(n)], env: () => process.env },
    {
      name: batchName.floor(n),
      argv: [NODE, path.join(import.meta.dirname, 'step-floor.mjs'), String(n)],
      env: () => stepEnvironment('none', { count: String(n) }),
    },
  ]);
  return interleaved(commands, BATCH_RUNS, `${BATCH} ports as processes`);
}

/** Every call's time by name, over LIBRARY_PROCESSES processes, and each process's own. */
interface LibraryResult {
  groups: readonly CallGroup[];
  all: Map<string, number[]>;
  byProcess: Record<string, number[]>[];
}

/** The library's warm calls (bench/library-calls.ts), in LIBRARY_PROCESSES processes, each in a fresh namespace. */
function libraryBench(): LibraryResult {
  const script = path.join(import.meta.dirname, 'library-calls.ts');
  const runs: LibraryCalls[] = [];
  for (let i = 0; i < LIBRARY_PROCESSES; i++) {
    runs.push(JSON.parse(runIsolated([NODE, script, String(LIBRARY_ROUNDS), String(LIBRARY_WARM_UP)], ISOLATE)));
  }
  const all = new Map<string, number[]>();
  for (const run of runs) for (const [name, times] of Object.entries(run.times)) all.set(name, [...(all.get(name) ?? []), ...times]);
  log('library calls: done');
  return { groups: runs[0].groups, all, byProcess: runs.map((r) => r.times) };
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
  /** The range around `value` that the section below the table explains (rounds, processes). */
  spread?: { low: number; high: number };
  /** What the target column says where there is no limit; a floor's "the work itself" by default. */
  note?: string;
}

function targetRow({ what, value, limit, unit, spread, note }: Target): string {
  const show = (v: number) => (unit === '%' ? `${(v * 100).toFixed(2)} %` : unit === 'ms' ? `${v.toFixed(1)} ms` : `${v.toFixed(2)}x`);
  const measured = (v: number) => (spread ? `${show(v)} (${show(spread.low)}-${show(spread.high)})` : show(v));
  const bound = unit === 'x' ? 'at most' : 'under';
  if (limit === undefined)
    return `| ${what} | ${value === undefined || Number.isNaN(value) ? 'not measured' : measured(value)} | ${note ?? 'the work itself, no target'} | |`;
  if (value === undefined || Number.isNaN(value))
    return `| ${what} | not measured: the mode is not in this build | ${bound} ${show(limit)} | no |`;
  return `| ${what} | ${measured(value)} | ${bound} ${show(limit)} | ${value <= limit ? 'yes' : 'no'} |`;
}

/** The median of `name`'s runs in `samples`, NaN when it has none. */
function medianOf(samples: Map<string, { ms: number }[]>, name: string): number {
  const runs = samples.get(name);
  return runs?.length ? stats(runs.map((s) => s.ms)).median : NaN;
}

/** Round by round, `name`'s time over `peer`'s (the same round's runs): the middle half of those ratios. */
function roundSpread(samples: Map<string, { ms: number }[]>, name: string, peer: string) {
  const [a, b] = [samples.get(name) ?? [], samples.get(peer) ?? []];
  return middleHalf(a.map((s, i) => s.ms / b[i].ms));
}

/** A group's Port Zero call, or its floor, against its get-port peer: the ratio of medians, and each process's own ratio. */
function libraryRatio(library: LibraryResult, name: string, peer: string) {
  const median = (times: number[] | undefined) => (times?.length ? stats(times).median : NaN);
  const perProcess = library.byProcess.map((times) => median(times[name]) / median(times[peer]));
  return {
    value: median(library.all.get(name)) / median(library.all.get(peer)),
    spread: { low: Math.min(...perProcess), high: Math.max(...perProcess) },
  };
}

/** BATCH ports net of one, for Port Zero's `which` (step or command) against the get-port process: the ratio of medians, and the middle half of the rounds' ratios. */
function batchRatio(batch: Map<string, StepSample[]>, which: (n: number) => string) {
  const net = (of: (n: number) => string, i?: number) => {
    const at = (n: number) => (i === undefined ? medianOf(batch, of(n)) : batch.get(of(n))![i].ms);
    return at(BATCH) - at(1);
  };
  const rounds = batch.get(which(BATCH))!.map((_, i) => net(which, i) / net(batchName.getPort, i));
  return { value: net(which) / net(batchName.getPort), spread: middleHalf(rounds), net: net(which), peer: net(batchName.getPort) };
}

const RESULTS = path.join(import.meta.dirname, 'RESULTS.md');

function main() {
  // The run this one replaces, read before anything is measured: its figures are compared at the end.
  const previous = fs.existsSync(RESULTS) ? fs.readFileSync(RESULTS, 'utf8') : undefined;
  // Every lease directory, step and runner temp of the runs in one directory, gone at the end.
  process.once('exit', useScratchTmp('port-zero-bench-run-'));
  // The floors of the modes' work right after the plain batch floor.
  const libraries = Object.keys(LIBRARIES).flatMap((name) => (name === FLOOR ? [name, ...Object.keys(WORK_FLOORS)] : [name]));
  const names = [...PORT_ZERO_MODES.filter((m) => !m.stepOnly).map((m) => m.name), ...libraries];
  const measured = names.filter((name) => !PORT_ZERO_MODES.some((m) => m.name === name && !available(m)));
  const started = Date.now();
  const allocation = allocationBench(measured);
  const narrow = narrowBench();
  const library = libraryBench();
  const step = stepBench();
  const batch = batchBench();
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
  const stepRounds = roundSpread(step, DEFAULT, BARE);
  const [stepBatch, commandBatch, floorBatch] = [batchName.step, batchName.command, batchName.floor].map((which) =>
    batchRatio(batch, which),
  );
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
    ...library.groups.flatMap((g): Target[] => [
      {
        what: `library, warm process: ${g.portZero}, default library mode (here time-wait), against ${g.getPort}`,
        ...libraryRatio(library, g.portZero, g.getPort),
        limit: g.count === 1 ? 4 : 2,
        unit: 'x',
      },
      { what: `library, warm process: ${g.floor}, against ${g.getPort}`, ...libraryRatio(library, g.floor, g.getPort), unit: 'x' },
    ]),
    {
      what: 'whole step, 5 names, default mode, against a bare Node start (wall time, whole processes)',
      value: stepWall,
      spread: stepRounds,
      limit: 1.4,
      unit: 'x',
    },
    {
      what: 'whole step floor (the same socket and output work, no Port Zero code), against a bare Node start (wall time)',
      value: stepMedian(FLOOR_STEP, 'ms') / stepMedian(BARE, 'ms'),
      unit: 'x',
    },
    { what: 'whole step, 5 names, default mode, against a bare Node start (peak memory)', value: stepRss, limit: 1.3, unit: 'x' },
    {
      what: `${BATCH} ports, the action step in the default mode as root (here ${resolveMode('auto')}), whole processes net of one port, against a get-port loop process net of one port`,
      value: stepBatch.value,
      spread: stepBatch.spread,
      limit: 0.8,
      unit: 'x',
    },
    {
      what: `${BATCH} ports, the command in its default mode (time-wait: it has no post step), whole processes net of one port, against a get-port loop process net of one port`,
      value: commandBatch.value,
      spread: commandBatch.spread,
      note: 'no target: shown beside the step',
      unit: 'x',
    },
    {
      what: `${BATCH} ports, the step's floor (bind, kernel list, outputs, no Port Zero code), whole processes net of one port, against a get-port loop process net of one port`,
      value: floorBatch.value,
      spread: floorBatch.spread,
      unit: 'x',
    },
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
    'Written by `npm run bench`; do not edit by hand. Times are wall-clock milliseconds: of one warm call, measured inside the calling process, for the allocation and library tables; of whole processes, from their start to their end, for the whole step and the 1000-port processes. Every ratio is to a peer measured in the same run, interleaved.',
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
    ...libraryTable(library),
    ...stepTable(step, stepRounds),
    `dist/index.js is ${(bundle / 1024).toFixed(0)} KiB.`,
    '',
    ...batchTable(batch, stepBatch, commandBatch, floorBatch),
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
  // Right after the targets: which figures moved since the file this run replaces.
  lines.splice(lines.indexOf('## Allocation: N ports in one process'), 0, ...comparisonSection(previous, lines.join('\n')));
  fs.writeFileSync(RESULTS, lines.join('\n'));
  log(`wrote bench/RESULTS.md in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** The library's warm calls: each call against its get-port peer and beside its floor. */
function libraryTable(library: LibraryResult): string[] {
  const median = (name: string) => stats(library.all.get(name)!).median;
  const row = (name: string, peer: string) => {
    const half = middleHalf(library.all.get(name)!);
    const { value, spread } = libraryRatio(library, name, peer);
    const range = name === peer ? '' : `${spread.low.toFixed(2)}-${spread.high.toFixed(2)}x`;
    return `| ${name} | ${ms(median(name))} | ${ms(half.low)}-${ms(half.high)} | ${value.toFixed(2)}x | ${range} |`;
  };
  const above = library.groups.map((g) => {
    const [call, floor] = [median(g.portZero), median(g.floor)];
    return `${g.count === 1 ? 'one port' : `${g.count} ports`}: ${ms(call - floor)} ms above the floor, ${(((call - floor) / call) * 100).toFixed(0)} % of the call`;
  });
  return [
    '## The library: warm calls in one process',
    '',
    `The built library as a test suite imports it (\`port-zero\`, that is dist/lib/index.js), in its default mode (reserve auto: TIME_WAIT on Linux, as the library has no post step; leases in the default location), each call followed by its \`release()\`, against get-port called as often, in one warm process: ${LIBRARY_PROCESSES} processes, each in a fresh network namespace, each ${LIBRARY_WARM_UP} untimed rounds then ${LIBRARY_ROUNDS} timed ones; a round calls every row once, starting one row further each time. The floor is the call's work with none of Port Zero's code: bind the ports on \`::\` and hold them, write one lease record and read its directory, close each listener and leave its port in TIME_WAIT by a self-connection on 127.0.0.1 and on ::1, remove the record. Ratio: against the get-port row of its size, median over median of all ${LIBRARY_PROCESSES * LIBRARY_ROUNDS} calls; ratio range: the least and greatest of each process's own ratio.`,
    '',
    '| call | median ms | middle half ms | ratio | ratio range |',
    '| --- | --- | --- | --- | --- |',
    ...library.groups.flatMap((g) => [row(g.portZero, g.getPort), row(g.getPort, g.getPort), row(g.floor, g.getPort)]),
    '',
    `Port Zero's call against its floor: ${above.join('; ')}.`,
    '',
  ];
}

/** The whole step in every mode against a bare start; the default mode's spread round by round. */
function stepTable(step: Map<string, StepSample[]>, rounds: { low: number; high: number }): string[] {
  const bare = (key: 'ms' | 'rss_kib') => stats(step.get(BARE)!.map((s) => s[key])).median;
  const mib = (kib: number) => (kib / 1024).toFixed(1);
  return [
    '## The whole step',
    '',
    `\`node dist/index.js\` with five names in each \`reserve\` mode, run as a runner runs it (a process of its own with the inputs and file commands in its environment), against \`node -e ""\` on the same Node, interleaved, ${STEP_RUNS} runs each, each in a fresh network namespace. A run is timed from the process's start to its end. Peak memory is the child's maximum resident set, CPU its user and system time, both from wait4.`,
    '',
    '| command | median ms | min | max | vs bare start | median CPU ms | median peak RSS (MiB) | vs bare start | peak RSS min (MiB) | peak RSS max (MiB) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...[...step].map(([name, s]) => {
      const w = stats(s.map((x) => x.ms));
      const rss = stats(s.map((x) => x.rss_kib));
      const label = PORT_ZERO_MODES.some((m) => m.name === name) ? `node dist/index.js, ${name}` : name;
      return `| ${label} | ${ms(w.median)} | ${ms(w.min)} | ${ms(w.max)} | ${ratio(w.median, bare('ms'))} | ${ms(stats(s.map((x) => x.cpu_ms)).median)} | ${mib(rss.median)} | ${ratio(rss.median, bare('rss_kib'))} | ${mib(rss.min)} | ${mib(rss.max)} |`;
    }),
    '',
    `The default mode round by round (each round runs every command once, back to back), its run over the bare start's run: the middle half of the ${STEP_RUNS} rounds' ratios is ${rounds.low.toFixed(2)}-${rounds.high.toFixed(2)}x.`,
    '',
  ];
}

/** BATCH ports and one port as whole processes, and each net of its one-port run. */
function batchTable(batch: Map<string, StepSample[]>, ...nets: ReturnType<typeof batchRatio>[]): string[] {
  const [step, command, floor] = nets;
  const net = (name: string, r: ReturnType<typeof batchRatio> | undefined, peer: number) =>
    `| ${name} | ${ms(r ? r.net : peer)} | ${r ? r.value.toFixed(2) : '1.00'}x | ${r ? `${r.spread.low.toFixed(2)}-${r.spread.high.toFixed(2)}x` : ''} |`;
  return [
    `## ${BATCH} ports as whole processes`,
    '',
    `Each command as its own process in a fresh network namespace, as a runner or a shell starts it, timed from its start to its end, asking for ${BATCH} ports and for one: the action's main step (inputs \`count\` and the default \`reserve\`, with its file commands), the command (\`port-zero --count N\`, in a TMPDIR of its own each run), a process that imports get-port and calls it N times one after another, then prints the ports, and the step's floor (bench/step-floor.mjs: bind N ports on \`::\`, close them, write them to the kernel list, write N + 3 outputs; no leases, environment, state, summary or log). ${BATCH_RUNS} rounds after a warm-up round, each running every command once.`,
    '',
    '| command | median ms | min | max |',
    '| --- | --- | --- | --- |',
    ...[...batch].map(([name, runs]) => {
      const s = stats(runs.map((r) => r.ms));
      return `| ${name} | ${ms(s.median)} | ${ms(s.min)} | ${ms(s.max)} |`;
    }),
    '',
    `Net of one port: the median at ${BATCH} ports less the median at one, so that Node's start and each program's fixed cost drop out. Ratio: against the get-port process's net; ratio range: the middle half of the rounds' own ratios.`,
    '',
    '| net of one port | ms | ratio | ratio range |',
    '| --- | --- | --- | --- |',
    net(`the action step, default mode, ${BATCH} ports`, step, 0),
    net(`the command, default mode, ${BATCH} ports`, command, 0),
    net(`floor: bind, kernel list, outputs, no Port Zero code, ${BATCH} ports`, floor, 0),
    net(`get-port loop process, ${BATCH} ports`, undefined, step.peer),
    '',
  ];
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

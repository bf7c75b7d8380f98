/**
 * npm run bench: times Port Zero against the libraries people use, the whole
 * action step against a bare Node start, the cost as N grows, what a
 * reservation costs neighbours, and the many-jobs stress; writes bench/RESULTS.md.
 * Every timed command runs in a fresh network namespace where that is possible.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inputEnvironment, readActionYml, ROOT, runnerEnvironment } from '../scripts/action-runner.ts';
import { CONTENDERS } from './contenders.ts';
import { namespacesAvailable, runIsolated } from './namespace.ts';
import type { StressRow } from './stress-plain.ts';

const SIZES = [1, 10, 100, 1000];
const REPS = Number(process.env.BENCH_REPS ?? 7);
const STEP_RUNS = Number(process.env.BENCH_STEP_RUNS ?? 15);
const SCALING = [1000, 2000, 4000];
const NODE = process.execPath;
const ISOLATE = namespacesAvailable();
const GET_PORT = 'get-port loop';
const DEFAULT = 'port-zero (default)';
const NONE = 'port-zero (reserve none, no leases)';
const FLOOR = 'plain batch (floor)';

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
  return JSON.parse(runIsolated([NODE, path.join(import.meta.dirname, 'run-one.ts'), name, String(n)], ISOLATE));
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

function stepEnvironment(): NodeJS.ProcessEnv {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-bench-step-'));
  const files = Object.fromEntries(
    ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STATE', 'GITHUB_PATH', 'GITHUB_STEP_SUMMARY'].map((k) => {
      const file = path.join(temp, k.toLowerCase());
      fs.writeFileSync(file, '');
      return [k, file];
    }),
  );
  const inputs = inputEnvironment({ names: 'web api db cache queue', 'lease-dir': path.join(temp, 'leases') }, readActionYml());
  return { ...runnerEnvironment(temp), ...inputs, ...files };
}

interface StepSample {
  ms: number;
  rss_kib: number;
  code: number;
}

/**
 * The action's main step as a runner starts it, against `node -e ""` and against
 * the floor (the same socket and output work with none of Port Zero's code), interleaved.
 */
function stepBench(): Record<'action' | 'floor' | 'bare', StepSample[]> {
  const commands = {
    action: [NODE, path.join(ROOT, 'dist/index.js')],
    floor: [NODE, path.join(import.meta.dirname, 'step-floor.mjs')],
    bare: [NODE, '-e', ''],
  };
  const launch = (argv: string[]): StepSample =>
    JSON.parse(runIsolated(['python3', path.join(import.meta.dirname, 'launch.py'), ...argv], ISOLATE, stepEnvironment()));
  const samples = { action: [] as StepSample[], floor: [] as StepSample[], bare: [] as StepSample[] };
  for (const argv of Object.values(commands)) launch(argv); // warm-up: disk caches
  for (let i = 0; i < STEP_RUNS; i++) {
    for (const [name, argv] of Object.entries(commands)) samples[name as keyof typeof commands].push(launch(argv));
  }
  if ([...samples.action, ...samples.floor].some((s) => s.code !== 0)) throw new Error('a step failed during the step benchmark');
  log('whole step: done');
  return samples;
}

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
      const runs = samples.get(`${name}@${n}`)!;
      const s = stats(runs.map((r) => r.ms));
      const distinct = Math.min(...runs.map((r) => r.distinct));
      lines.push(`| ${name} | ${ms(s.median)} | ${ms(s.min)} | ${ms(s.max)} | ${ratio(s.median, getPort)} | ${distinct} of ${n} |`);
    }
    lines.push('');
  }
  return lines;
}

function main() {
  const names = Object.keys(CONTENDERS);
  const started = Date.now();
  const allocation = allocationBench(names);
  const step = stepBench();
  const scaling = scalingBench();
  const neighbour = neighbourBench();
  const stress = stressBench();

  const median = (key: string) => stats(allocation.get(key)!.map((s) => s.ms)).median;
  const stepWall = stats(step.action.map((s) => s.ms)).median / stats(step.bare.map((s) => s.ms)).median;
  const stepRss = stats(step.action.map((s) => s.rss_kib)).median / stats(step.bare.map((s) => s.rss_kib)).median;
  const floorWall = stats(step.floor.map((s) => s.ms)).median / stats(step.bare.map((s) => s.ms)).median;
  const floorRss = stats(step.floor.map((s) => s.rss_kib)).median / stats(step.bare.map((s) => s.rss_kib)).median;
  const distinctDefault = Math.min(...allocation.get(`${DEFAULT}@1000`)!.map((s) => s.distinct));
  const targets = [
    ['reserve none, no leases: at most 0.5x get-port at N = 1000', median(`${NONE}@1000`) / median(`${GET_PORT}@1000`), 0.5],
    ['reserve none, no leases: within 1.5x of the plain batch floor at N = 1000', median(`${NONE}@1000`) / median(`${FLOOR}@1000`), 1.5],
    ['default mode: no slower than get-port at N = 1000', median(`${DEFAULT}@1000`) / median(`${GET_PORT}@1000`), 1],
    ['whole step: at most 1.5x a bare Node start (wall time)', stepWall, 1.5],
    ['whole step: at most 1.3x a bare Node start (peak memory)', stepRss, 1.3],
  ] as const;
  const perPort = SCALING.map((n) => stats(scaling.get(n)!.map((s) => s.ms)).median / n);
  const bundle = fs.statSync(path.join(ROOT, 'dist/index.js')).size;

  const lines = [
    '# Benchmark results',
    '',
    'Written by `npm run bench`; do not edit by hand. Times are wall-clock milliseconds of one warm call, measured inside the calling process.',
    '',
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    `- Machine: ${machine()}`,
    `- Node: ${process.version}`,
    `- Isolation: ${ISOLATE ? 'every timed command ran in a fresh network namespace (ip netns), so none inherited TIME_WAIT entries' : 'none (not root): runs share the host network stack, so earlier TIME_WAIT entries may slow later runs'}`,
    `- Repetitions: ${REPS} timed, interleaved, after one warm-up round; each run also warms up inside its process first`,
    '',
    '## Targets',
    '',
    '| target | measured | met |',
    '| --- | --- | --- |',
    ...targets.map(([what, value, limit]) => `| ${what} | ${value.toFixed(2)}x | ${value <= limit ? 'yes' : 'no'} |`),
    `| default mode: every N ports distinct at N = 1000 | ${distinctDefault} of 1000 | ${distinctDefault === 1000 ? 'yes' : 'no'} |`,
    `| cost grows no worse than linearly with N (ms per port at ${SCALING.join(', ')}) | ${perPort.map((p) => p.toFixed(3)).join(', ')} | ${perPort.at(-1)! <= perPort[0] * 1.25 ? 'yes' : 'no'} |`,
    '',
    '## Allocation: N ports in one process',
    '',
    ...allocationTables(allocation, names),
    '## The whole step',
    '',
    `\`node dist/index.js\` with five names, run as a runner runs it (inputs, file commands), against \`node -e ""\` on the same Node, interleaved, ${STEP_RUNS} runs each. Peak memory is the child's maximum resident set from wait4.`,
    '',
    '| command | median ms | min | max | median peak RSS (MiB) |',
    '| --- | --- | --- | --- | --- |',
    ...(
      [
        ['node dist/index.js (the action, five names)', step.action],
        ['floor: the same socket and output work, no Port Zero code', step.floor],
        ['node -e ""', step.bare],
      ] as const
    ).map(([name, s]) => {
      const w = stats(s.map((x) => x.ms));
      return `| ${name} | ${ms(w.median)} | ${ms(w.min)} | ${ms(w.max)} | ${(stats(s.map((x) => x.rss_kib)).median / 1024).toFixed(1)} |`;
    }),
    '',
    `Against the bare start: the action ${stepWall.toFixed(2)}x wall time and ${stepRss.toFixed(2)}x peak memory; the floor ${floorWall.toFixed(2)}x and ${floorRss.toFixed(2)}x. dist/index.js is ${(bundle / 1024).toFixed(0)} KiB.`,
    '',
    '## Scaling: the default mode as N grows',
    '',
    '| N | median ms | ms per port |',
    '| --- | --- | --- |',
    ...SCALING.map((n, i) => `| ${n} | ${ms(stats(scaling.get(n)!.map((s) => s.ms)).median)} | ${perPort[i].toFixed(3)} |`),
    '',
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
    ...notes(),
    `Total benchmark time: ${((Date.now() - started) / 1000).toFixed(0)} s.`,
    '',
  ];
  fs.writeFileSync(path.join(import.meta.dirname, 'RESULTS.md'), lines.join('\n'));
  log(`wrote bench/RESULTS.md in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** What bounds the targets that depend on the kernel rather than on this code. */
function notes(): string[] {
  const text = fs.readFileSync(path.join(import.meta.dirname, 'NOTES.md'), 'utf8');
  return [text.trim(), ''];
}

main();

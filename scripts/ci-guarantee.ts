/**
 * The cross-OS guarantee job of .github/workflows/ci.yml, step by step. Each
 * subcommand checks one claim of docs/guarantee.md on the runner it runs on, and fails
 * the step (exit code 1, an ::error:: line) when the claim does not hold there.
 *
 *   node scripts/ci-guarantee.ts range LOW HIGH        Port Zero reads the narrowed ephemeral range
 *   node scripts/ci-guarantee.ts pair DIR RANGE MODE   two main steps at once get disjoint ports; their runner stays
 *   node scripts/ci-guarantee.ts third DIR             a third step on the range is refused the pair's ports by their leases
 *   node scripts/ci-guarantee.ts bind0 DIR             bind(0) on each address docs/guarantee.md names keeps off the pair's ports
 *   node scripts/ci-guarantee.ts servers DIR           a Node server (SO_REUSEADDR) binds the pair's ports at once
 *   node scripts/ci-guarantee.ts no-reuseaddr PORTS    a server without SO_REUSEADDR binds each port (after reserve: none)
 *   node scripts/ci-guarantee.ts post DIR              the pair's post steps release every lease, with no warning
 *
 * `pair` starts the pair's runner as a detached process with its output in DIR/pair.log,
 * not in the step's: the runner would otherwise wait for, or kill, what holds the step's
 * output when the step ends (on Windows it kills the process tree). The runner stays
 * until `post` is done, as the runner's worker does, so later steps find the leases live.
 *
 * Each check was seen failing on a build with the protection it names removed (Linux,
 * the job's steps in a network namespace): `range` when the range is not read; `pair`
 * when claims ignore leases (the same port to both steps); `third` when claims ignore
 * leases (3 ports handed out) or, with reserve: kernel, when the list is not written;
 * `bind0` when TIME_WAIT, the kernel list, or the holder and TIME_WAIT are not applied;
 * `servers` when the holder listens on the ports; `no-reuseaddr` when reserve: none
 * leaves TIME_WAIT; `post` when the post step keeps the leases.
 */
import { spawn } from 'node:child_process';
import dgram from 'node:dgram';
import { existsSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { runStep, ROOT, type StepResult } from '../test/harness/action-runner.ts';
import { bindWithoutReuseAddr } from '../test/helpers/foreign.ts';

/** The machine's own temp directory: this check is about the real default lease location, across separate runs. */
const REAL_TMP = { TMPDIR: os.tmpdir() };
const WORKER = path.join(ROOT, 'test/helpers/fake-runner.ts');
const PAIR_PORTS = 5;

interface Pair {
  mode: string;
  range: string;
  ports: number[][];
  states: Record<string, string>[];
}

function fail(message: string): never {
  console.log(`::error::${message}`);
  process.exit(1);
}

/** A step's output, indented so that its `::error::` and `::warning::` lines show as text, not as this step's annotations. */
const echo = (step: StepResult) => process.stdout.write(step.stdout.replace(/^(?=.)/gm, '  | '));
const portsOf = (step: StepResult) => (step.outputs.ports ?? '').split(' ').filter(Boolean).map(Number);
const readPair = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'pair.json'), 'utf8')) as Pair;

/** Port Zero's own reading of the ephemeral range (sysctl on macOS, netsh on Windows, /proc on Linux). */
async function range(low: number, high: number) {
  const { ephemeralRange } = await import('../src/platform/ephemeral-range.ts');
  const read = ephemeralRange();
  console.log(`Port Zero reads the ephemeral range as ${read.low}-${read.high}`);
  if (read.low !== low || read.high !== high) fail(`Port Zero reads the ephemeral range as ${read.low}-${read.high}, not ${low}-${high}`);
}

/** Starts `serve-pair` detached, its output in DIR/pair.log; returns once it wrote pair.json, or fails when it ends first. */
async function pair(dir: string, range: string, mode: string) {
  const log = openSync(path.join(dir, 'pair.log'), 'a');
  const child = spawn(process.execPath, [import.meta.filename, 'serve-pair', dir, range, mode], {
    detached: true,
    stdio: ['ignore', log, log],
    windowsHide: true,
  });
  let ended = false;
  child.once('exit', () => (ended = true));
  const deadline = Date.now() + 120_000;
  while (!existsSync(path.join(dir, 'pair.json')) && !ended && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  child.unref();
  process.stdout.write(readFileSync(path.join(dir, 'pair.log'), 'utf8'));
  if (!existsSync(path.join(dir, 'pair.json')))
    fail(ended ? 'the pair ended before it reported its ports' : 'the pair did not report within 120 s');
}

/** What is wrong with the pair's answers, if anything. */
function pairProblem(steps: StepResult[], range: string): string | undefined {
  const failed = steps.find((step) => step.code !== 0);
  if (failed) return `a main step of the pair failed with code ${failed.code}`;
  const ports = steps.map(portsOf);
  const [low, high] = range.split('-').map(Number);
  const all = ports.flat();
  if (all.length !== 2 * PAIR_PORTS) return `the pair was handed ${all.length} ports, not ${2 * PAIR_PORTS}`;
  if (new Set(all).size !== all.length) return `the two steps were handed the same port: ${ports.map((p) => p.join(' ')).join(' | ')}`;
  if (all.some((p) => p < low || p > high)) return `a port outside ${range}: ${all.join(' ')}`;
  return undefined;
}

/** Two main steps at once, each under a stand-in runner that outlives the step; then waits for `post`. */
async function servePair(dir: string, range: string, mode: string) {
  const ask = { count: String(PAIR_PORTS), range, reserve: mode };
  const steps = await Promise.all([0, 1].map(() => runStep({ with: ask, worker: WORKER, env: REAL_TMP })));
  const stopRunners = () => steps.forEach((step) => step.worker?.kill());
  steps.forEach(echo);
  const problem = pairProblem(steps, range);
  if (problem) {
    stopRunners();
    fail(problem);
  }
  const ports = steps.map(portsOf);
  console.log(`disjoint: ${ports.map((p) => p.join(' ')).join(' | ')}`);
  writeFileSync(path.join(dir, 'pair.json'), JSON.stringify({ mode, range, ports, states: steps.map((s) => s.state) } satisfies Pair));
  // Stay the runner of both steps until the post step is done (or 20 minutes pass).
  const deadline = Date.now() + 20 * 60_000;
  while (!existsSync(path.join(dir, 'done')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
  stopRunners();
}

/**
 * A third main step asks for 3 ports of the 12 while the pair leases 10: it must be
 * refused those 10 for their leases. It asks for UDP ports, which neither the holder nor
 * TIME_WAIT (both TCP) keeps off, so that the leases are what refuses; the kernel list
 * keeps them from being tried at all, TCP and UDP, so with reserve: kernel the refusal
 * names the list instead.
 */
async function third(dir: string) {
  const { mode, range } = readPair(dir);
  const step = await runStep({ with: { count: '3', range, protocol: 'udp' }, env: REAL_TMP });
  echo(step);
  if (step.code === 0) {
    await runStep({ entry: 'post', state: step.state, env: REAL_TMP });
    fail(`the third step was handed ${step.outputs.ports} although the pair holds 10 of the 12 ports of ${range}`);
  }
  // At most 2 found: a program on the runner may hold one of the two free ports too.
  const refusal = mode === 'kernel' ? "10 on the kernel's reserved-port list" : '10 leased by another job';
  const expected = `Only [0-2] of the 3 ports asked for (?:is|are) free in range ${range} \\(refused: ${refusal}`;
  if (!new RegExp(expected).test(step.stdout)) fail(`the third step failed, but not with /${expected}/`);
  console.log(`refused as expected: /${expected}/`);
}

/** A foreign socket that asks the kernel for port 0; resolves with the socket, or undefined once the kernel has none left. */
type Probe = () => Promise<{ port: number; close: () => Promise<void> } | undefined>;

function tcpProbe(host: string, ipv6Only: boolean): Probe {
  return () =>
    new Promise((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(undefined));
      server.listen({ host, port: 0, ipv6Only }, () =>
        resolve({ port: (server.address() as net.AddressInfo).port, close: () => new Promise((r) => server.close(() => r())) }),
      );
    });
}

function udpProbe(host: string): Probe {
  return () =>
    new Promise((resolve) => {
      const socket = dgram.createSocket({ type: net.isIPv6(host) ? 'udp6' : 'udp4', ipv6Only: false });
      socket.once('error', () => resolve(undefined));
      socket.bind({ address: host, port: 0 }, () =>
        resolve({ port: socket.address().port, close: () => new Promise((r) => socket.close(() => r())) }),
      );
    });
}

/** Holds one socket after another from `probe` until the kernel has no port left (or 5000), then lets them go. */
async function exhaust(probe: Probe): Promise<Set<number>> {
  const held: { port: number; close: () => Promise<void> }[] = [];
  try {
    for (let got = await probe(); got && held.length < 5000; got = await probe()) held.push(got);
  } finally {
    await Promise.all(held.map((h) => h.close()));
  }
  return new Set(held.map((h) => h.port));
}

const PROBES: [string, Probe][] = [
  ['tcp 127.0.0.1', tcpProbe('127.0.0.1', false)],
  ['tcp 0.0.0.0', tcpProbe('0.0.0.0', false)],
  ['tcp :: (dual-stack)', tcpProbe('::', false)],
  ['tcp :: (IPv6-only)', tcpProbe('::', true)],
  ['tcp ::1', tcpProbe('::1', false)],
  ['udp 127.0.0.1', udpProbe('127.0.0.1')],
  ['udp 0.0.0.0', udpProbe('0.0.0.0')],
  ['udp ::', udpProbe('::')],
  ['udp ::1', udpProbe('::1')],
];

/**
 * The probes whose bind(0) docs/guarantee.md's table ("On each OS") says never gets a port that
 * `mode` protects on this OS; the others are reported, not enforced: they are its stated limits.
 */
function claimed(mode: string): Set<string> {
  const linux = process.platform === 'linux';
  const darwin = process.platform === 'darwin';
  const tcp = PROBES.map(([label]) => label).filter((label) => label.startsWith('tcp'));
  if (mode === 'kernel' && linux) return new Set(PROBES.map(([label]) => label)); // every address, TCP and UDP
  if (mode === 'time-wait' && linux) return new Set(tcp);
  if (mode === 'holder' && linux) return new Set(['tcp 127.0.0.1', 'tcp 0.0.0.0', 'tcp :: (dual-stack)']);
  if ((mode === 'time-wait' || mode === 'holder') && darwin) return new Set(['tcp 127.0.0.1', 'tcp 0.0.0.0']);
  return new Set(); // reserve: none keeps only other Port Zero jobs off
}

async function bind0(dir: string) {
  const { mode, ports } = readPair(dir);
  const handed = ports.flat();
  const expected = claimed(mode);
  let broken = false;
  for (const [label, probe] of PROBES) {
    const seen = await exhaust(probe);
    const got = handed.filter((p) => seen.has(p));
    const verdict = got.length === 0 ? 'never got a handed-out port' : `got handed-out ports ${got.join(' ')}`;
    console.log(`bind(0) on ${label}, ${seen.size} sockets until the range ran out: ${verdict}`);
    if (!expected.has(label)) {
      if (got.length === 0 && seen.size > 0)
        console.log(`::notice::bind(0) on ${label} stayed off the ports (${mode}), which docs/guarantee.md does not claim`);
      continue;
    }
    // A walk that ended early proves nothing: the range is 255 ports, 10 of them the pair's.
    if (seen.size < 128) {
      console.log(`::error::bind(0) on ${label} got only ${seen.size} ports before the kernel refused, so it did not walk the range`);
      broken = true;
    } else if (got.length > 0) {
      console.log(
        `::error::docs/guarantee.md claims ${mode} keeps bind(0) on ${label} off the ports on ${process.platform}, but it ${verdict}`,
      );
      broken = true;
    }
  }
  if (broken) process.exit(1);
}

/** docs/guarantee.md: a server that sets SO_REUSEADDR binds at once in every mode, on the wildcard and on 127.0.0.1. */
async function servers(dir: string) {
  const { mode, ports } = readPair(dir);
  let refused = 0;
  for (const port of ports[0]) {
    for (const host of ['::', '127.0.0.1']) {
      const server = net.createServer();
      const error = await new Promise<string | undefined>((resolve) => {
        server.once('error', (e: NodeJS.ErrnoException) => resolve(e.code));
        server.listen({ host, port }, () => resolve(undefined));
      });
      console.log(`${mode}: a Node server on [${host}]:${port} ${error ? `is refused (${error})` : 'binds'}`);
      if (error) refused++;
      else await new Promise((r) => server.close(r));
    }
  }
  if (refused) fail(`${refused} binds of a SO_REUSEADDR server were refused on ${process.platform} with ${mode}`);
}

async function noReuseAddr(ports: number[]) {
  if (ports.length === 0) fail('no ports given: the reserve: none step handed out none');
  for (const port of ports) {
    const result = await bindWithoutReuseAddr(port);
    console.log(`port ${port}: a server without SO_REUSEADDR ${result === 'bound' ? 'binds' : 'is refused'}`);
    if (result !== 'bound') fail(`a server without SO_REUSEADDR could not bind ${port}`);
  }
}

/** The ports the lease records in an account's directory list ("50000-50002 50005"). */
function recordedPorts(own: string): number[] {
  if (!existsSync(own)) return [];
  return readdirSync(own)
    .filter((name) => /^lease-.*\.json$/.test(name))
    .flatMap((name) => String(JSON.parse(readFileSync(path.join(own, name), 'utf8')).ports ?? '').split(' '))
    .filter(Boolean)
    .flatMap((entry) => {
      const [low, high = low] = entry.split('-').map(Number);
      return Array.from({ length: high - low + 1 }, (_, i) => low + i);
    });
}

/** Each post step ends well, says it released every lease of its step, and no record of the pair's is left. */
async function post(dir: string) {
  const { ports, states } = readPair(dir);
  // The pair's runner stops once this is there, whatever this check finds (fail() exits at once).
  process.once('exit', () => writeFileSync(path.join(dir, 'done'), ''));
  for (const [i, state] of states.entries()) {
    const step = await runStep({ entry: 'post', state, env: REAL_TMP });
    echo(step);
    if (step.code !== 0) fail(`a post step failed with code ${step.code}`);
    if (/::warning/.test(step.stdout)) fail('a post step warned');
    const released = `Released ${ports[i].length} of ${ports[i].length} port leases.`;
    if (!step.stdout.includes(released)) fail(`a post step did not say "${released}"`);
    if (state.holder && !step.stdout.includes('Stopped the port holder')) fail('a post step did not stop its holder');
    const own = state.leaseAccountDir;
    if (!own) fail('a main step saved no lease directory for its post step');
    if (existsSync(path.join(own, `lease-${state.leaseToken}.json`)))
      fail(`the step's lease record lease-${state.leaseToken}.json is left`);
    const left = ports[i].filter((p) => recordedPorts(own).includes(p));
    if (left.length) fail(`lease records still list ports of this step: ${left.join(' ')}`);
  }
  console.log('every lease of the pair is released, its records gone');
}

const [command, ...args] = process.argv.slice(2);
if (command === 'range') await range(Number(args[0]), Number(args[1]));
else if (command === 'pair') await pair(args[0], args[1], args[2]);
else if (command === 'serve-pair') await servePair(args[0], args[1], args[2]);
else if (command === 'third') await third(args[0]);
else if (command === 'bind0') await bind0(args[0]);
else if (command === 'servers') await servers(args[0]);
else if (command === 'no-reuseaddr') await noReuseAddr(args.join(' ').split(/\s+/).filter(Boolean).map(Number));
else if (command === 'post') await post(args[0]);
else fail(`unknown command ${command}; see the header of scripts/ci-guarantee.ts`);

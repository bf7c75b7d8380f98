/**
 * The cross-OS guarantee job of .github/workflows/ci.yml, step by step. Each
 * subcommand checks one claim of the README on the runner it runs on, and fails
 * the step when the claim does not hold there.
 *
 *   node scripts/ci-guarantee.ts pair DIR RANGE MODE   two main steps at once; stays alive as their runner
 *   node scripts/ci-guarantee.ts bind0 DIR             what bind(0) on other addresses gets while the pair is protected
 *   node scripts/ci-guarantee.ts servers DIR           a Node server (SO_REUSEADDR) binds the pair's ports at once
 *   node scripts/ci-guarantee.ts no-reuseaddr PORTS    a server without SO_REUSEADDR binds each port
 *   node scripts/ci-guarantee.ts post DIR              the pair's post steps: no warning, no lease file left
 *
 * `pair` runs in the background: its stand-in runner processes must outlive the
 * step, as the runner's worker does, so that the next step finds the leases live.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { runStep, ROOT, type StepResult } from '../test/harness/action-runner.ts';
import { defaultLeaseRoot } from '../src/protection/lease-location.ts';
import { identify } from '../src/platform/process-identity.ts';
import { bindWithoutReuseAddr } from '../test/helpers/foreign.ts';

/** The machine's own temp directory: this check is about the real default lease location, across separate runs. */
const REAL_TMP = { TMPDIR: os.tmpdir() };

const WORKER = path.join(ROOT, 'test/helpers/fake-runner.ts');

interface Pair {
  mode: string;
  ports: number[][];
  states: Record<string, string>[];
}

function fail(message: string): never {
  console.log(`::error::${message}`);
  process.exit(1);
}

const portsOf = (step: StepResult) => step.outputs.ports.split(' ').map(Number);

async function pair(dir: string, range: string, mode: string) {
  const started = performance.now();
  const self = identify(process.pid);
  console.log(`process identity here: ${JSON.stringify(self)} in ${(performance.now() - started).toFixed(0)} ms`);
  const ask = { count: '5', range, reserve: mode };
  const steps = await Promise.all([0, 1].map(() => runStep({ with: ask, worker: WORKER, env: REAL_TMP })));
  for (const step of steps) {
    process.stdout.write(step.stdout);
    if (step.code !== 0) fail(`a main step of the pair failed with code ${step.code}`);
  }
  const ports = steps.map(portsOf);
  const [low, high] = range.split('-').map(Number);
  const all = ports.flat();
  if (new Set(all).size !== all.length) fail(`the two steps were handed the same port: ${ports.map((p) => p.join(' ')).join(' | ')}`);
  if (all.some((p) => p < low || p > high)) fail(`a port outside ${range}: ${all.join(' ')}`);
  console.log(`disjoint: ${ports.map((p) => p.join(' ')).join(' | ')}`);
  const result: Pair = { mode, ports, states: steps.map((s) => s.state) };
  writeFileSync(path.join(dir, 'pair.json'), JSON.stringify(result));
  // Stay the runner of both steps until the post step is done (or 20 minutes pass).
  const deadline = Date.now() + 20 * 60_000;
  while (!existsSync(path.join(dir, 'done')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
  for (const step of steps) step.worker?.kill();
}

/** Binds (and holds) one socket after another with port 0 on `host` until the kernel has none left, or 5000. */
async function exhaust(host: string, ipv6Only: boolean): Promise<Set<number>> {
  const servers: net.Server[] = [];
  const seen = new Set<number>();
  try {
    for (let i = 0; i < 5000; i++) {
      const server = net.createServer();
      const port = await new Promise<number | undefined>((resolve) => {
        server.once('error', () => resolve(undefined));
        server.listen({ host, port: 0, ipv6Only }, () => resolve((server.address() as net.AddressInfo).port));
      });
      if (port === undefined) break;
      servers.push(server);
      seen.add(port);
    }
  } finally {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  }
  return seen;
}

/**
 * What the README claims for a port protected by `mode` on this OS, per address a
 * foreign bind(0) uses: true means it never gets the port. Entries that are false
 * are reported, not enforced: they are the limits the README states.
 */
function claims(mode: string): Record<string, boolean> {
  const linux = process.platform === 'linux';
  // The kernel's reserved-port list keeps bind(0) off on every address.
  if (mode === 'kernel') return { '127.0.0.1': true, ':: (dual-stack)': true, '::1': true };
  const protectsIpv4 = mode === 'holder' || mode === 'time-wait';
  return {
    '127.0.0.1': protectsIpv4,
    // Linux: a dual-stack bind conflicts with the IPv4 entries. XNU's in6_pcbsetport looks only at
    // unconnected IPv6 sockets when SO_REUSEADDR is set, so macOS is not claimed.
    ':: (dual-stack)': protectsIpv4 && linux,
    // Linux's time-wait self-connects on ::1 too; the holder holds on 127.0.0.1 only.
    '::1': mode === 'time-wait' && linux,
  };
}

async function bind0(dir: string) {
  const { mode, ports } = JSON.parse(readFileSync(path.join(dir, 'pair.json'), 'utf8')) as Pair;
  const handed = ports.flat();
  const expected = claims(mode);
  const probes: [string, string, boolean][] = [
    ['127.0.0.1', '127.0.0.1', false],
    [':: (dual-stack)', '::', false],
    ['::1', '::1', false],
  ];
  let broken = false;
  for (const [label, host, v6only] of probes) {
    const seen = await exhaust(host, v6only);
    const got = handed.filter((p) => seen.has(p));
    const verdict = got.length === 0 ? 'never got a handed-out port' : `got handed-out ports ${got.join(' ')}`;
    console.log(`bind(0) on ${label}, ${seen.size} sockets until the range ran out: ${verdict}`);
    if (expected[label] && got.length > 0) {
      console.log(`::error::README claims ${mode} keeps bind(0) on ${label} off the ports on ${process.platform}, but it ${verdict}`);
      broken = true;
    } else if (!expected[label] && got.length === 0 && seen.size > 0) {
      console.log(`::notice::bind(0) on ${label} stayed off the ports on ${process.platform} (${mode}), which the README does not claim`);
    }
  }
  if (broken) process.exit(1);
}

/** The README: a server that sets SO_REUSEADDR binds at once in every mode, on the wildcard and on 127.0.0.1. */
async function servers(dir: string) {
  const { mode, ports } = JSON.parse(readFileSync(path.join(dir, 'pair.json'), 'utf8')) as Pair;
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
  for (const port of ports) {
    const result = await bindWithoutReuseAddr(port);
    console.log(`port ${port}: a server without SO_REUSEADDR ${result === 'bound' ? 'binds' : 'is refused'}`);
    if (result !== 'bound') fail(`a server without SO_REUSEADDR could not bind ${port}`);
  }
}

async function post(dir: string) {
  const { ports, states } = JSON.parse(readFileSync(path.join(dir, 'pair.json'), 'utf8')) as Pair;
  try {
    for (const state of states) {
      const step = await runStep({ entry: 'post', state, env: REAL_TMP });
      process.stdout.write(step.stdout);
      if (step.code !== 0) fail(`a post step failed with code ${step.code}`);
      if (/::warning/.test(step.stdout)) fail('a post step warned');
      if (state.holder && !step.stdout.includes('Stopped the port holder')) fail('a post step did not stop its holder');
    }
    // Leases live in this account's own directory of the default location (named by uid; by user name on Windows).
    const own = path.join(defaultLeaseRoot(), process.platform === 'win32' ? os.userInfo().username : String(process.getuid!()));
    const left = ports.flat().filter((p) => existsSync(path.join(own, `${p}.lease`)));
    if (left.length) fail(`lease files left after the post steps: ${left.join(' ')}`);
    console.log('every lease file is gone');
  } finally {
    writeFileSync(path.join(dir, 'done'), '');
  }
}

const [command, ...args] = process.argv.slice(2);
if (command === 'pair') await pair(args[0], args[1], args[2]);
else if (command === 'bind0') await bind0(args[0]);
else if (command === 'servers') await servers(args[0]);
else if (command === 'no-reuseaddr') await noReuseAddr(args.join(' ').split(/\s+/).filter(Boolean).map(Number));
else if (command === 'post') await post(args[0]);
else fail(`unknown command ${command}; see the header of scripts/ci-guarantee.ts`);

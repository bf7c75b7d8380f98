/**
 * Jobs that use the kernel's reserved-port list, run inside a network namespace
 * of their own (see test/harness/namespace.ts). Prints one JSON line of facts for
 * the test to judge. Usage: node kernel.ts <scenario>
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { runStep, type StepResult } from '../harness/action-runner.ts';
import { LOCK_NAME } from '../../src/protection/kernel-list.ts';
import { bindEachWithoutReuseAddr } from '../helpers/foreign.ts';
import { leaseFiles, ownLeasedPorts } from '../helpers/leases.ts';
import { storm } from '../helpers/storm.ts';

const LIST = '/proc/sys/net/ipv4/ip_local_reserved_ports';
const list = () => fs.readFileSync(LIST, 'utf8').trim();
const leaseDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-kernel-'));
const portsOf = (step: StepResult) => (step.outputs.ports ?? '').split(' ').filter(Boolean).map(Number);
const errors = (step: StepResult) => step.stdout.split('\n').filter((l) => l.startsWith('::error::'));
const FAKE_RUNNER = path.join(import.meta.dirname, '..', 'helpers', 'fake-runner.ts');

/** Entries an administrator (or another program) put there before any job ran. */
function seed(entries: string) {
  fs.writeFileSync(LIST, `${entries}\n`);
  return list();
}

const scenarios: Record<string, () => Promise<unknown>> = {
  /** One job: the storm, servers without SO_REUSEADDR, and the post step. */
  async job() {
    const seeded = seed('40100-40102,40150');
    const main = await runStep({ with: { count: '20', reserve: 'kernel', 'lease-dir': leaseDir() } });
    const ports = portsOf(main);
    const during = list();
    const got = await storm(39999);
    const taken = Object.fromEntries(Object.entries(got).map(([kind, p]) => [kind, p.filter((x) => ports.includes(x))]));
    const walked = Object.fromEntries(Object.entries(got).map(([kind, p]) => [kind, p.length]));
    const plain = await bindEachWithoutReuseAddr(ports);
    const post = await runStep({ entry: 'post', state: main.state });
    return {
      code: main.code,
      post: post.code,
      ports,
      seeded,
      during,
      after: list(),
      taken,
      walked,
      plain,
      stdout: main.stdout,
      summary: main.summary,
    };
  },

  /** A range draw never hands out a listed port, though an explicit bind to it succeeds. */
  async listed() {
    const seeded = seed('40000-40040');
    const main = await runStep({ with: { count: '5', range: '40000-40049', reserve: 'kernel', 'lease-dir': leaseDir() } });
    const post = await runStep({ entry: 'post', state: main.state });
    return { code: main.code, post: post.code, ports: portsOf(main), seeded, after: list() };
  },

  /** The kernel's choice falls short because other jobs' entries fill most of the ephemeral range (run with range 40000-40019). */
  async shortfall() {
    seed('40000-40014');
    const main = await runStep({ with: { count: '10', reserve: 'none', 'lease-dir': leaseDir() } });
    return { code: main.code, errors: errors(main) };
  },

  /** A main step whose job summary cannot be written (a full disk: /dev/full) writes nothing and leaves nothing. */
  async summaryFull() {
    const seeded = seed('40150');
    const dir = leaseDir();
    const main = await runStep({ with: { count: '4', reserve: 'kernel', 'lease-dir': dir }, files: { GITHUB_STEP_SUMMARY: '/dev/full' } });
    const written = { output: main.rawOutput, env: main.rawEnv, state: main.state };
    return { code: main.code, errors: errors(main), written, seeded, after: list(), leftovers: leaseFiles(dir) };
  },

  /** A main step that fails after the list was written (its env-file cannot be written) takes its entries off again. */
  async failed() {
    const seeded = seed('40150');
    const dir = leaseDir();
    const main = await runStep({ with: { count: '4', reserve: 'kernel', 'lease-dir': dir, 'env-file': '/etc/passwd/ports.env' } });
    return { code: main.code, errors: errors(main), outputs: main.rawOutput, seeded, after: list(), leftovers: leaseFiles(dir) };
  },

  /** A post step that cannot take its entries off (another process holds the list's lock) keeps its leases. */
  async stuck() {
    const dir = leaseDir();
    const main = await runStep({ with: { count: '2', reserve: 'kernel', 'lease-dir': dir } });
    const lock = net.createServer();
    await new Promise<void>((resolve) => lock.listen(LOCK_NAME, resolve));
    const post = await runStep({ entry: 'post', state: main.state });
    lock.close();
    return {
      code: main.code,
      post: post.code,
      ports: portsOf(main),
      warnings: post.stdout.split('\n').filter((l) => l.startsWith('::warning::')),
      during: list(),
      leftovers: ownLeasedPorts(dir),
    };
  },

  /** A list longer than one 8 KiB read (procfs answers only the first read): two jobs and their posts keep all of it. */
  async long() {
    const entries = Array.from({ length: 15_000 }, (_, i) => 1100 + 2 * i).join(',');
    const whole = () => {
      const fd = fs.openSync(LIST, 'r');
      const buffer = Buffer.alloc(1 << 20);
      const text = buffer.toString('utf8', 0, fs.readSync(fd, buffer, 0, buffer.length, 0));
      fs.closeSync(fd);
      return text.trim();
    };
    fs.writeFileSync(LIST, `${entries}\n`);
    const seeded = whole();
    const mains = [];
    for (const range of ['40000-40099', '40100-40199']) {
      mains.push(await runStep({ with: { count: '50', range, reserve: 'kernel', 'lease-dir': leaseDir() } }));
    }
    const during = whole();
    const posts = [];
    for (const main of mains) posts.push(await runStep({ entry: 'post', state: main.state }));
    return {
      codes: [...mains, ...posts].map((s) => s.code),
      ports: mains.map(portsOf),
      length: seeded.length,
      seeded,
      during,
      after: whole(),
    };
  },

  /** 16 jobs at once, then their 16 post steps at once. */
  async concurrent() {
    const seeded = seed('40100-40102,40150');
    const dir = leaseDir();
    const mains = await Promise.all(
      Array.from({ length: 16 }, () => runStep({ with: { count: '8', reserve: 'kernel', 'lease-dir': dir } })),
    );
    const during = list();
    const posts = await Promise.all(mains.map((m) => runStep({ entry: 'post', state: m.state })));
    return { codes: mains.map((m) => m.code), posts: posts.map((p) => p.code), ports: mains.map(portsOf), seeded, during, after: list() };
  },

  /** A job whose runner dies before its post step; a later job's post step cleans up after it. */
  async dead() {
    const seeded = seed('40100-40102,40150');
    const dir = leaseDir();
    const doomed = await runStep({ with: { count: '5', reserve: 'kernel', 'lease-dir': dir }, worker: FAKE_RUNNER });
    const during = list();
    doomed.worker!.kill('SIGKILL');
    await new Promise((r) => doomed.worker!.once('exit', r));
    const later = await runStep({ with: { count: '3', reserve: 'kernel', 'lease-dir': dir } });
    const post = await runStep({ entry: 'post', state: later.state });
    return { code: doomed.code, laterCode: later.code, dead: portsOf(doomed), seeded, during, after: list(), postOut: post.stdout };
  },

  /** An account that may not write the list and has no sudo: kernel fails and writes nothing; auto still protects. */
  async forbidden() {
    const before = list();
    const dir = leaseDir();
    const kernel = await runStep({ with: { count: '3', reserve: 'kernel', 'lease-dir': dir } });
    const leftovers = leaseFiles(dir);
    const auto = await runStep({ with: { count: '3', 'lease-dir': dir } });
    return {
      kernel: { code: kernel.code, errors: errors(kernel), outputs: kernel.rawOutput, env: kernel.rawEnv, state: kernel.state, leftovers },
      auto: { code: auto.code, ports: portsOf(auto), stdout: auto.stdout },
      before,
      after: list(),
    };
  },

  /** An account with passwordless sudo for the list (as on GitHub-hosted runners). */
  async sudo() {
    const seeded = list(); // seeded as root before this account took over
    const dir = leaseDir();
    const kernel = await runStep({ with: { count: '3', reserve: 'kernel', 'lease-dir': dir } });
    const during = list();
    const post = await runStep({ entry: 'post', state: kernel.state });
    const selfHosted = await runStep({ with: { count: '2', 'lease-dir': dir } });
    const hosted = await runStep({ with: { count: '2', 'lease-dir': dir }, env: { RUNNER_ENVIRONMENT: 'github-hosted' } });
    const hostedDuring = list();
    await runStep({ entry: 'post', state: hosted.state });
    return {
      kernel: { code: kernel.code, ports: portsOf(kernel), route: kernel.state.kernelRoute, post: post.code },
      selfHosted: { code: selfHosted.code, stdout: selfHosted.stdout },
      hosted: { code: hosted.code, ports: portsOf(hosted), route: hosted.state.kernelRoute, during: hostedDuring },
      seeded,
      during,
      after: list(),
    };
  },
};

const name = process.argv[2];
if (!(name in scenarios)) throw new Error(`unknown scenario ${name}`);
process.stdout.write(`${JSON.stringify(await scenarios[name]())}\n`);

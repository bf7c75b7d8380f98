/**
 * A lease owner's server listening and closing on its own port again and again, while
 * other processes ask Port Zero for ports from the same pool: counts the owner's listens
 * that fail. Run inside a network namespace of its own (see test/helpers/namespace.ts).
 * Prints one JSON line: { port, tries, failures, calls }.
 *
 *   node lease-probes.ts <program> <json request> <seconds> [settle seconds]
 *   program: library | command | action; the request is the library's options (the
 *   command and the action get the same as options and inputs).
 */
import { execFile, fork } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { runJob, runStep } from '../harness/action-runner.ts';
import { getPorts, type PortOptions } from '../../src/programs/library.ts';

type Program = 'library' | 'command' | 'action';
type Request = PortOptions & { count: number };

const CLI = path.join(import.meta.dirname, '..', '..', 'dist', 'cli', 'index.js');

/** The command's options and the action's inputs for a library request. */
function asText(request: Request): Record<string, string> {
  const text: Record<string, string> = { count: String(request.count), 'lease-dir': request.leaseDir ?? '' };
  if (request.range) text.range = request.range.join('-');
  if (request.contiguous) text.contiguous = 'true';
  if (request.reserve) text.reserve = request.reserve;
  return text;
}

function commandArgs(request: Request): string[] {
  return Object.entries(asText(request)).flatMap(([k, v]) => (k === 'contiguous' ? ['--contiguous'] : [`--${k}`, v]));
}

/** Asks for ports once through `program`, leased to this process; resolves the ports, or none when refused. */
async function allocate(program: Program, request: Request): Promise<number[]> {
  if (program === 'library')
    return getPorts(request).then(
      (p) => [...p.ports],
      () => [],
    );
  if (program === 'action') {
    const step = await runStep({ with: asText(request) });
    return step.code === 0 ? step.outputs.ports.split(' ').map(Number) : [];
  }
  return new Promise((resolve) =>
    execFile(process.execPath, [CLI, '--json', ...commandArgs(request)], (error, stdout) =>
      resolve(error ? [] : Object.values(JSON.parse(stdout) as Record<string, number>)),
    ),
  );
}

/** One competitor: asks again and again until `until`, letting go of what it gets each time; prints how many calls. */
async function compete(program: Program, request: Request, until: number) {
  let calls = 0;
  while (Date.now() < until) {
    calls++;
    if (program === 'action') await runJob({ with: asText(request) });
    else if (program === 'library')
      await getPorts(request).then(
        (p) => p.release(),
        () => {},
      );
    else await new Promise((resolve) => execFile(process.execPath, [CLI, ...commandArgs(request)], resolve));
  }
  console.log(JSON.stringify({ calls }));
}

/** Listens on `port` and closes, again and again until `until`; counts the listens that fail. */
async function ownerLoop(port: number, until: number) {
  let tries = 0;
  let failures = 0;
  while (Date.now() < until) {
    tries++;
    const server = net.createServer();
    const ok = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen({ port }, () => resolve(true));
    });
    if (ok) await new Promise((resolve) => server.close(resolve));
    else failures++;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return { tries, failures };
}

async function main() {
  const [role, program, json, seconds, settle] = process.argv.slice(2);
  const request = JSON.parse(json) as Request;
  if (role === 'compete') return compete(program as Program, request, Number(seconds));
  request.leaseDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-probes-'));
  const [port] = await allocate(program as Program, request);
  if (port === undefined) throw new Error('the owner got no port');
  // An older lease: the owner's reservation (TIME_WAIT) has ended before the others come.
  await new Promise((resolve) => setTimeout(resolve, Number(settle ?? 0) * 1000));
  const until = Date.now() + Number(seconds) * 1000;
  const others = [1, 2].map(() =>
    fork(import.meta.filename, ['compete', program, JSON.stringify(request), String(until)], { silent: true }),
  );
  const calls = others.map(
    (child) =>
      new Promise<number>((resolve) => {
        let out = '';
        child.stdout!.on('data', (d: Buffer) => (out += d));
        child.once('exit', () => resolve(Number((JSON.parse(out.trim().split('\n').at(-1) || '{}') as { calls?: number }).calls ?? 0)));
      }),
  );
  const owner = await ownerLoop(port, until);
  console.log(JSON.stringify({ port, ...owner, calls: (await Promise.all(calls)).reduce((a, b) => a + b, 0) }));
}

await main();

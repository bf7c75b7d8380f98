import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { leaseFiles } from './helpers/leases.ts';
import { runJob, runStep, type StepResult } from './harness/action-runner.ts';
import { bindUdp, canListen, close, listen } from './helpers/servers.ts';
import { need } from './harness/needs.ts';

/** A failed step: exit code 1, one ::error:: line with the message, and nothing in GITHUB_OUTPUT or GITHUB_ENV. */
/** Whether a process with this pid exists (a zombie counts: it has not been reaped yet). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function expectFailure(step: StepResult, message: string | RegExp) {
  expect(step.code).toBe(1);
  const errors = step.stdout.split('\n').filter((l) => l.startsWith('::error::'));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(message);
  expect(step.rawOutput).toBe('');
  expect(step.rawEnv).toBe('');
}

describe('the bundled action, run as the runner runs it', () => {
  it('hands each name a port as an output and an environment variable', async () => {
    const { main, post } = await runJob({ with: { names: 'web db-main, api_port\ncache' } });
    expect(main.code).toBe(0);
    const ports = ['web', 'db-main', 'api_port', 'cache'].map((n) => Number(main.outputs[n]));
    expect(new Set(ports).size).toBe(4);
    expect(main.outputs.port).toBe(String(ports[0]));
    expect(main.outputs.ports).toBe(ports.join(' '));
    expect(JSON.parse(main.outputs.json)).toEqual({ web: ports[0], 'db-main': ports[1], api_port: ports[2], cache: ports[3] });
    expect(main.env).toEqual({
      WEB_PORT: String(ports[0]),
      DB_MAIN_PORT: String(ports[1]),
      API_PORT: String(ports[2]),
      CACHE_PORT: String(ports[3]),
      // The job's lease record: a later step's getPorts({ names }) gets these very ports.
      PORT_ZERO_LEASES: expect.stringMatching(/\/lease-[\w-]+\.json$/),
    });
    expect(main.stdout).toContain(`web -> ${ports[0]} (WEB_PORT)`);
    expect(post.code).toBe(0);
  });

  it('hands out ports that real servers then bind, read from the exported environment', async () => {
    const main = await runStep({ with: { count: '5' } });
    expect(main.code).toBe(0);
    expect(Object.keys(main.env)).toEqual(['PORT_1', 'PORT_2', 'PORT_3', 'PORT_4', 'PORT_5', 'PORT_ZERO_LEASES']);
    const servers = await Promise.all(
      Object.entries(main.env)
        .filter(([k]) => k !== 'PORT_ZERO_LEASES')
        .map(([, p]) => listen(Number(p))),
    );
    await Promise.all(servers.map(close));
  });

  it('folds the lines of a long batch into a log group', async () => {
    const long = await runStep({ with: { count: '21' } });
    expect(long.stdout).toMatch(/^::group::Port Zero: 21 ports$/m);
    expect(long.stdout.match(/^port-\d+ -> \d+ \(PORT_\d+\), protected by .+$/gm)).toHaveLength(21);
    expect(long.stdout).toMatch(/^::endgroup::$/m);
    const short = await runStep({ with: { count: '20' } });
    expect(short.stdout).not.toContain('::group::');
  });

  it('names count ports port-1 ... port-N', async () => {
    const main = await runStep({ with: { count: '3' } });
    expect(Object.keys(main.outputs)).toEqual(['port-1', 'port-2', 'port-3', 'port', 'ports', 'json']);
  });

  it('puts env-prefix in front of every variable', async () => {
    const main = await runStep({ with: { names: 'web', 'env-prefix': 'E2E_' } });
    expect(Object.keys(main.env)).toEqual(['E2E_WEB_PORT', 'PORT_ZERO_LEASES']);
  });

  it('exports nothing when export-env is false, and still sets every output', async () => {
    const main = await runStep({ with: { names: 'web db', 'export-env': 'false' } });
    expect(main.code).toBe(0);
    expect(main.rawEnv).toBe('');
    expect(Object.keys(main.outputs)).toEqual(['web', 'db', 'port', 'ports', 'json']);
    expect(main.stdout).toMatch(/^web -> \d+, protected by /m);
  });

  it.each([
    [{ count: 'many' }, /Input 'count' has invalid value "many": a whole number from 1 to 1000/],
    [{ count: '0' }, /Input 'count' has invalid value "0"/],
    [{ count: '1001' }, /Input 'count' has invalid value "1001"/],
    [{ names: 'web 2fast' }, /Input 'names' has invalid value "2fast": each name must have a letter first/],
    [{ names: 'web-api web_api' }, /Input 'names' has invalid value "web_api": .*both become WEB_API_PORT/],
    [{ names: 'web web' }, /appears twice/],
    [{ names: 'a b', count: '3' }, /Input 'count' has invalid value "3": 2 names were given/],
    [{ names: 'json' }, /Input 'names' has invalid value "json": the outputs port, ports, json/],
    [{ 'export-env': 'yes' }, /Input 'export-env' has invalid value "yes": true or false/],
    [{ 'env-prefix': '9_' }, /Input 'env-prefix' has invalid value "9_"/],
    [{ protocol: 'sctp' }, /Input 'protocol' has invalid value "sctp": tcp, udp or tcp,udp/],
    [{ host: 'example.com' }, /Input 'host' has invalid value "example.com"/],
    [{ host: '192.0.2.200' }, /Input 'host' has invalid value "192.0.2.200": not an address of this machine/],
    [{ range: '30000-20000' }, /Input 'range' has invalid value "30000-20000": LOW-HIGH/],
    [{ range: '65000-65600' }, /Input 'range' has invalid value "65000-65600"/],
    [{ range: '30000-30001', count: '3' }, /Input 'range' has invalid value "30000-30001": it holds 2 ports/],
    [{ exclude: '80-x' }, /Input 'exclude' has invalid value "80-x"/],
    [{ range: '30000-30010', exclude: '30000-30010' }, /Input 'exclude' has invalid value "30000-30010": it covers the whole range/],
    [{ contiguous: 'maybe' }, /Input 'contiguous' has invalid value "maybe": true or false/],
  ])('refuses %j with one clear error and writes nothing', async (inputs, message) => {
    expectFailure(await runStep({ with: inputs }), message);
  });

  it('writes nothing when allocation itself fails', async () => {
    const busy = await listen(0);
    const port = (busy.address() as import('node:net').AddressInfo).port;
    const main = await runStep({ with: { range: `${port}-${port}` } });
    await close(busy);
    expectFailure(main, `Only 0 of the 1 port asked for is free in range ${port}-${port}`);
  });

  it('runs the post step after a failed main step, with nothing to do and no failure', async () => {
    const { main, post } = await runJob({ with: { count: 'x' } });
    expect(main.code).toBe(1);
    expect(post.code).toBe(0);
    expect(post.stdout).not.toContain('::error::');
    expect(post.rawOutput).toBe('');
  });
  it('the post step alone, with no state from a main step, allocates nothing and leaves no lease', async () => {
    const leaseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-post-only-'));
    const post = await runStep({ entry: 'post', with: { 'lease-dir': leaseDir } });
    expect(post.code).toBe(0);
    expect(post.rawOutput).toBe('');
    expect(post.outputs).toEqual({});
    expect(leaseFiles(leaseDir)).toEqual([]);
  });
});

describe('one allocation for the whole job', () => {
  it("gives a later step's getPorts({ names }) the ports the action handed out", async () => {
    const worker = path.join(import.meta.dirname, 'helpers/fake-runner.ts');
    const main = await runStep({ with: { names: 'web db', reserve: 'none' }, worker });
    try {
      expect(main.code).toBe(0);
      // A later step: started by the same runner process, with the environment the step exported.
      const library = JSON.stringify(path.resolve(import.meta.dirname, '../src/programs/library.ts'));
      const script = `import { getPorts } from ${library}; const { ports } = await getPorts({ names: ['web', 'db'] }); console.log(JSON.stringify(ports));`;
      const later = await new Promise<string>((resolve, reject) => {
        main.worker!.send({ run: [process.execPath, '--input-type=module', '-e', script], env: { ...process.env, ...main.env } });
        main.worker!.once('message', (m: { stdout?: string; error?: string }) =>
          m.error ? reject(new Error(m.error)) : resolve(m.stdout!),
        );
      });
      expect(JSON.parse(later)).toEqual({ web: Number(main.outputs.web), db: Number(main.outputs.db) });
    } finally {
      main.worker!.kill('SIGKILL');
    }
  });
});

describe('allocation inputs, end to end', () => {
  it('protocol udp: a UDP server binds every port', async () => {
    const main = await runStep({ with: { count: '4', protocol: 'udp' } });
    expect(main.code).toBe(0);
    const sockets = await Promise.all(main.outputs.ports.split(' ').map((p) => bindUdp(Number(p))));
    await Promise.all(sockets.map(close));
  });

  it('protocol tcp,udp: both a TCP and a UDP server bind every port', async () => {
    const main = await runStep({ with: { count: '4', protocol: 'tcp,udp' } });
    expect(main.code).toBe(0);
    const ports = main.outputs.ports.split(' ').map(Number);
    expect(new Set(ports).size).toBe(4);
    for (const port of ports) {
      const [tcp, udp] = await Promise.all([listen(port), bindUdp(port)]);
      expect([(tcp.address() as AddressInfo).port, udp.address().port]).toEqual([port, port]);
      await Promise.all([close(tcp), close(udp)]);
    }
  });

  it('host: the ports are free on the addresses given', async () => {
    const main = await runStep({ with: { count: '3', host: '127.0.0.1 ::1' } });
    expect(main.code).toBe(0);
    for (const port of main.outputs.ports.split(' ').map(Number)) {
      expect(await canListen(port, '127.0.0.1')).toBe(true);
      expect(await canListen(port, '::1')).toBe(true);
    }
  });

  it('range and exclude: every port lies in the range and outside the exclusions', async () => {
    const main = await runStep({ with: { count: '10', range: '25000-25039', exclude: '25000-25019, 25030' } });
    const ports = main.outputs.ports.split(' ').map(Number);
    expect(ports.every((p) => p >= 25020 && p <= 25039 && p !== 25030)).toBe(true);
  });

  it('contiguous: one block, in the order of the names', async () => {
    const main = await runStep({ with: { names: 'a b c d', contiguous: 'true' } });
    const base = Number(main.outputs.a);
    expect([main.outputs.b, main.outputs.c, main.outputs.d].map(Number)).toEqual([base + 1, base + 2, base + 3]);
  });
});

describe('job summary and env file, end to end', () => {
  it('writes a summary table of name, port, variable, protocol and protection', async () => {
    const main = await runStep({ with: { names: 'web db', protocol: 'tcp,udp', reserve: 'time-wait' } });
    expect(main.code).toBe(0);
    expect(main.summary).toContain('<th>Name</th><th>Port</th><th>Environment variable</th><th>Protocol</th><th>Protected by</th>');
    expect(main.summary).toMatch(
      new RegExp(
        `<tr><td>web</td><td>${main.outputs.web}</td><td>WEB_PORT</td><td>tcp\\+udp</td><td>lease \\+ TIME_WAIT until \\d\\d:\\d\\d:\\d\\d UTC</td></tr>`,
      ),
    );
    expect(main.summary).toContain(`<td>db</td><td>${main.outputs.db}</td>`);
  });

  it('writes no summary when summary is false', async () => {
    const main = await runStep({ with: { names: 'web', summary: 'false' } });
    expect(main.code).toBe(0);
    expect(main.summary).toBe('');
  });

  it('writes the ports as a dotenv file and gives its absolute path as an output', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-envfile-'));
    const file = path.join(dir, 'nested', 'ports.env');
    const main = await runStep({ with: { names: 'web db-main', 'env-file': file, 'env-prefix': 'E2E_', 'export-env': 'false' } });
    expect(main.code).toBe(0);
    expect(main.outputs['env-file']).toBe(file);
    expect(fs.readFileSync(file, 'utf8')).toBe(`E2E_WEB_PORT=${main.outputs.web}\nE2E_DB_MAIN_PORT=${main.outputs['db-main']}\n`);
    expect(main.rawEnv).toBe('');
  });

  it('fails clearly when the env file is a directory', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-envfile-'));
    const main = await runStep({ with: { names: 'web', 'env-file': dir } });
    expect(main.stdout).toMatch(/::error::Input 'env-file' has invalid value ".*": .* is not a regular file/);
    expect(main.rawOutput + main.rawEnv + main.summary).toBe('');
  });

  it('writes no file command and leaves no lease or holder when the job summary cannot be written (a full disk)', async (context) => {
    need(context, 'dev-full', 'holder');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-full-'));
    const main = await runStep({
      with: { names: 'web db', reserve: 'holder', 'lease-dir': dir },
      env: { RUNNER_DEBUG: '1' },
      files: { GITHUB_STEP_SUMMARY: '/dev/full' },
    });
    expectFailure(main, /ENOSPC/);
    expect(main.state).toEqual({});
    expect(leaseFiles(dir)).toEqual([]);
    // The holder the step started (its debug line names it) is gone again.
    const holder = Number(/holder process (\d+) holds/.exec(main.stdout)?.[1]);
    expect(holder, main.stdout).toBeGreaterThan(0);
    // It exits just after it answers the stop request; a loaded host may take a moment.
    await expect.poll(() => alive(holder), { timeout: 10_000 }).toBe(false);
  });

  it('fails clearly, writing nothing else, when the env file cannot be written', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-envfile-'));
    fs.writeFileSync(path.join(dir, 'file'), '');
    const leaseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-envfile-leases-'));
    const main = await runStep({ with: { names: 'web', 'env-file': path.join(dir, 'file', 'ports.env'), 'lease-dir': leaseDir } });
    expect(main.code).toBe(1);
    expect(main.stdout).toMatch(/::error::Input 'env-file' has invalid value ".*ports\.env": .*file is not a directory/);
    expect(main.rawOutput + main.rawEnv + main.summary).toBe('');
    expect(leaseFiles(leaseDir)).toEqual([]);
  });
});

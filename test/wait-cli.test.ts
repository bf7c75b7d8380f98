import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { needInSuite } from './harness/needs.ts';
import { ROOT } from './harness/action-runner.ts';

const CLI = path.join(ROOT, 'dist/cli/index.js');
/** bash reads ~/.bashrc even with -c when its stdin is a socket, as Node's pipes are; that file is no part of the test. */
const BASH = ['--norc', '-c'];
/** Outside a job: no RUNNER_ variables, so names come from the environment. */
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('RUNNER_')));

/**
 * Runs `script` in one bash process where `pz` runs the command as that shell's child, as a
 * user's shell would. The shell leads a process group of its own, ended when the shell exits
 * (or after 60 s), so no server it started in the background outlives the test.
 */
function shell(script: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const full = `pz() { "$NODE" "$CLI" "$@"; }; ${script}`;
  const child = spawn('bash', [...BASH, full], { env: { ...env, NODE: process.execPath, CLI }, cwd: ROOT, detached: true });
  let [stdout, stderr] = ['', ''];
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const endGroup = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // the group is gone already
    }
  };
  const timer = setTimeout(endGroup, 60_000);
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      endGroup();
      child.once('close', () => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
    });
  });
}

/** A port the kernel hands out, closed again, in a shell variable. */
const FREE = `"$NODE" -e 's=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'`;
/** A server in the background: the shell's child, its output away from the shell's (which the test reads to its end). */
const SERVE = (variable: string, host: string) =>
  `"$NODE" -e "require('net').createServer().listen(+process.env.${variable}, '${host}')" >/dev/null 2>&1 &`;

describe('port-zero wait', () => {
  needInSuite('proc');
  it('waits for a server the calling shell started, by the name of its variable, and names the shell as its owner', async () => {
    const run = await shell(`export WEB_PORT=$(${FREE}); ${SERVE('WEB_PORT', '::1')} pz wait web; echo "shell $$ port $WEB_PORT"`);
    expect(run.code, run.stderr).toBe(0);
    const [, shellPid, port] = /shell (\d+) port (\d+)/.exec(run.stdout)!;
    expect(run.stdout).toMatch(
      new RegExp(
        `^web \\(port ${port}\\) ready after [\\d.]+ s on tcp ::1, pid \\d+ .*: this job's \\(descends from the calling shell \\(pid ${shellPid}\\)\\)$`,
        'm',
      ),
    );
  });

  it('prints one JSON object with --json, and takes ports by number and UDP', async () => {
    const udp = `"$NODE" -e "require('dgram').createSocket('udp4').bind(+process.env.P, '127.0.0.1')" >/dev/null 2>&1 &`;
    const run = await shell(`export P=$(${FREE}); ${udp} pz wait --json --protocol udp "$P"`);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    const [name] = Object.keys(result);
    expect(name).toMatch(/^port-\d+$/);
    expect(result[name]).toMatchObject({ listening: ['udp 127.0.0.1'], belongs: 'job' });
  });

  it('exits 1 with one error naming the port when the time-out passes', async () => {
    const run = await shell(`P=$(${FREE}); pz wait --timeout 0.5 "$P"`);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^port-zero: Timed out after 0\.5 s with 1 of 1 ports not ready:\n- port \d+: nothing listening\n$/);
  });

  it('exits 2 for bad arguments, naming the option', async () => {
    const cases: [string, RegExp][] = [
      ['pz wait --timeout 0 8080', /^port-zero: invalid --timeout "0": a number of seconds above 0/],
      ['pz wait nope', /^port-zero: invalid name "nope": not a name whose variable \(web: WEB_PORT\) holds a port/],
      ['pz wait', /^port-zero: invalid name "": name at least one port/],
      ['pz wait 0', /a port number from 1 to 65535/],
      ['pz wait --protocol sctp 8080', /^port-zero: invalid --protocol "sctp"/],
      ['pz wait --bogus', /^port-zero: unknown option "--bogus"\n/],
    ];
    for (const [script, message] of cases) {
      const run = await shell(script);
      expect(run.code, script).toBe(2);
      expect(run.stderr, script).toMatch(message);
      expect(run.stderr).toContain("Try 'port-zero wait --help'.");
    }
  });

  it('shows its help', async () => {
    const run = await shell('pz wait --help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: port-zero wait [options] [NAME|PORT ...]');
    expect((await shell('pz --help')).stdout).toContain('port-zero wait NAME');
  });
});

import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { need, needInSuite } from './harness/needs.ts';
import { parentPid } from '../src/platform/process-facts.ts';
import { runStep } from './harness/action-runner.ts';
import { testAccounts } from './harness/accounts.ts';
import { startNginx, startRedis, stop, type Running } from './helpers/real-servers.ts';
import { Job, PYTHON } from './helpers/wait-job.ts';

/**
 * The wait action as a job runs it: the main step hands out ports (and records their
 * names in RUNNER_TEMP), servers start, and the wait step, with the environment the
 * runner gives every step (RUNNER_TEMP, RUNNER_TRACKING_ID, the exported variables),
 * waits for them. This test process stands in for the runner's worker: it is the steps'
 * parent, and the servers it starts are the job's.
 */

const jobs: Job[] = [];
const servers: Running[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(stop));
  await Promise.all(jobs.splice(0).map((job) => job.end()));
});

function newJob(): Job {
  const job = new Job();
  jobs.push(job);
  return job;
}

/** Server starts and a wait on a loaded host: a bound for a hang, not a measure. */
const SLOW = 180_000;
/** A workflow command's data as the runner reads it back: %0D, %0A and %25 unescaped. */
const commandData = (data: string) => data.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%');
const after = (ms: number) => new Promise((r) => setTimeout(r, ms));
const json = (outputs: Record<string, string>) =>
  JSON.parse(outputs.json) as Record<string, { pid: number; belongs: string; listening: string[]; why: string; account: string }>;

describe('the wait step, run as a job runs it', () => {
  needInSuite('proc');
  it(
    "waits for nginx and redis-server started after it began, and names each server as the job's, with its pid",
    async (context) => {
      need(context, 'nginx', 'redis-server');
      const job = newJob();
      await job.main({ names: 'nginx redis' });
      const waiting = job.wait(); // every name the main step handed out
      await after(1000);
      const nginx = startNginx(job.port('NGINX_PORT'));
      const redis = startRedis(job.port('REDIS_PORT'));
      servers.push(nginx, redis);
      const step = await waiting;
      expect(step.code, step.stdout + step.stderr).toBe(0);
      expect(step.stdout).toMatch(/^Waiting up to 60 s for nginx \(port \d+\), redis \(port \d+\)$/m);
      expect(step.stdout).toMatch(new RegExp(`^nginx \\(port ${job.port('NGINX_PORT')}\\) ready after .*: this job's \\(`, 'm'));
      expect(step.stdout).toMatch(
        new RegExp(`^redis \\(port ${job.port('REDIS_PORT')}\\) ready after .*redis-server.*: this job's \\(`, 'm'),
      );
      // The pid of the master, not of a worker that holds the same socket.
      expect(step.outputs['nginx-pid']).toBe(String(nginx.child.pid));
      expect(step.outputs['redis-pid']).toBe(String(redis.child.pid));
      expect(json(step.outputs).nginx).toMatchObject({ belongs: 'job', listening: ['tcp ::'] });
      expect(step.summary).toContain('<h3>Port Zero: servers ready</h3>');
      expect(step.summary).toContain(`<td>nginx</td><td>${job.port('NGINX_PORT')}</td>`);
    },
    SLOW,
  );

  it(
    'finds a Node server on ::1 only and a Python http.server on 127.0.0.1 only, where a wait on localhost misses one',
    async (context) => {
      need(context, 'python3');
      const job = newJob();
      await job.main({ names: 'node-v6 python-v4' });
      const v6 = job.port('NODE_V6_PORT');
      job.start(process.execPath, ['-e', `require('node:http').createServer((q, r) => r.end('ok')).listen(${v6}, '::1')`]);
      job.start(PYTHON, ['-m', 'http.server', String(job.port('PYTHON_V4_PORT')), '--bind', '127.0.0.1']);
      const step = await job.wait({ names: 'node-v6 python-v4' });
      expect(step.code, step.stdout + step.stderr).toBe(0);
      expect(json(step.outputs)['node-v6'].listening).toEqual(['tcp ::1']);
      expect(json(step.outputs)['python-v4'].listening).toEqual(['tcp 127.0.0.1']);
    },
    SLOW,
  );

  it(
    'waits for a UDP server, by the protocol its name was handed out for',
    async (context) => {
      need(context, 'python3');
      const job = newJob();
      await job.main({ names: 'dns', protocol: 'udp' });
      const script = `import socket, time\ns = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\ns.bind(("127.0.0.1", ${job.port('DNS_PORT')}))\ntime.sleep(600)`;
      job.start(PYTHON, ['-c', script]);
      const step = await job.wait();
      expect(step.code, step.stdout + step.stderr).toBe(0);
      expect(json(step.outputs).dns).toMatchObject({ listening: ['udp 127.0.0.1'], belongs: 'job' });
    },
    SLOW,
  );

  it(
    'waits for a server that starts 3 s late',
    async () => {
      const job = newJob();
      await job.main({ names: 'late' });
      const waiting = job.wait({ timeout: '120' });
      await after(3000);
      job.start(process.execPath, ['-e', `require('node:net').createServer().listen(${job.port('LATE_PORT')})`]);
      const step = await waiting;
      expect(step.code, step.stdout + step.stderr).toBe(0);
      expect(step.stdout).toMatch(/^late \(port \d+\) ready after \d+\.\d\d s on tcp ::/m);
    },
    SLOW,
  );

  it(
    'times out with one error that names each port and what was seen there',
    async () => {
      const job = newJob();
      await job.main({ names: 'web api dns' });
      job.start(process.execPath, ['-e', `require('node:net').createServer().listen(${job.port('API_PORT')})`]);
      // A UDP socket where TCP is awaited: "listening for the other protocol only".
      job.start(process.execPath, ['-e', `require('node:dgram').createSocket('udp4').bind(${job.port('DNS_PORT')})`]);
      const step = await job.wait({ timeout: '3' });
      expect(step.code).toBe(1);
      const error = step.stdout.split('\n').filter((line) => line.startsWith('::error::'));
      expect(error).toHaveLength(1);
      const text = commandData(error[0].slice('::error::'.length));
      expect(text).toContain('Timed out after 3 s with 2 of 3 ports not ready:');
      expect(text).toContain(`- web (port ${job.port('WEB_PORT')}): nothing listening`);
      expect(text).toContain(`- dns (port ${job.port('DNS_PORT')}): listening for udp only, not tcp`);
      expect(text).toMatch(new RegExp(`- api \\(port ${job.port('API_PORT')}\\): ready after [\\d.]+ s, pid \\d+`));
      expect(step.rawOutput).toBe('');
    },
    SLOW,
  );

  it(
    "fails at once, naming pid, command and account, when another job's server holds the port",
    async () => {
      const job = newJob();
      await job.main({ names: 'web' });
      const script = `require('node:net').createServer().listen(${job.port('WEB_PORT')})`;
      const pid = await job.daemon([process.execPath, '-e', script], { ...process.env, RUNNER_TRACKING_ID: 'github_another-job' });
      const step = await job.wait({ timeout: '3600' }); // this test's own bound ends far sooner
      expect(step.code).toBe(1);
      expect(step.stdout).toContain(
        `web (port ${job.port('WEB_PORT')}): pid ${pid} (${process.execPath} -e ${script}), account ${os.userInfo().username}: NOT this job's (`,
      );
      expect(step.stdout).toContain("carries another job's RUNNER_TRACKING_ID (github_another-job)");
      expect(step.stdout).toContain('Port Zero handed these ports to this job');
    },
    SLOW,
  );

  it(
    "names a daemonised server that kept the job's tracking id as the job's",
    async () => {
      const job = newJob();
      await job.main({ names: 'daemon' });
      const script = `require('node:net').createServer().listen(${job.port('DAEMON_PORT')})`;
      const pid = await job.daemon([process.execPath, '-e', script], { ...process.env, ...job.env });
      expect(parentPid(pid)).not.toBe(process.pid); // init adopted it: not a descendant of the runner stand-in
      const step = await job.wait();
      expect(step.code, step.stdout + step.stderr).toBe(0);
      expect(step.outputs['daemon-pid']).toBe(String(pid));
      expect(json(step.outputs).daemon).toMatchObject({ belongs: 'job', why: "carries this job's RUNNER_TRACKING_ID" });
    },
    SLOW,
  );

  it(
    'reports a root daemon without the tracking id (as sudo starts one) as of unknown owner, and does not fail',
    async () => {
      const job = newJob();
      await job.main({ names: 'sudoed' });
      const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'RUNNER_TRACKING_ID'));
      await job.daemon([process.execPath, '-e', `require('node:net').createServer().listen(${job.port('SUDOED_PORT')})`], env);
      const step = await job.wait();
      expect(step.code, step.stdout + step.stderr).toBe(0);
      const found = json(step.outputs).sudoed;
      expect(process.getuid!() === 0 ? found.why : 'root').toMatch(/root/);
      expect(found.belongs).toBe('unknown');
      expect(step.stdout).toMatch(/owner unknown \(runs as (root|this account) without a RUNNER_TRACKING_ID/);
    },
    SLOW,
  );

  it(
    "names a server the job started without the tracking id as the job's by descent",
    async () => {
      const job = newJob();
      await job.main({ names: 'child' });
      const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'RUNNER_TRACKING_ID'));
      job.start(process.execPath, ['-e', `require('node:net').createServer().listen(${job.port('CHILD_PORT')})`], env);
      const step = await job.wait();
      expect(step.code, step.stdout + step.stderr).toBe(0);
      expect(json(step.outputs).child.why).toBe(`descends from the job's runner process (pid ${process.pid})`);
    },
    SLOW,
  );

  it(
    "does not take the holder's connections on a port for a listener",
    async () => {
      const job = newJob();
      const main = await job.main({ names: 'held', reserve: 'holder' });
      try {
        const before = await job.wait({ timeout: '1' });
        expect(before.code).toBe(1);
        expect(before.stdout).toContain(`held (port ${job.port('HELD_PORT')}): nothing listening`);
        job.start(process.execPath, ['-e', `require('node:net').createServer().listen(${job.port('HELD_PORT')})`]);
        const after = await job.wait();
        expect(after.code, after.stdout + after.stderr).toBe(0);
      } finally {
        expect((await runStep({ entry: 'post', state: main.state, env: job.env })).code).toBe(0);
      }
    },
    SLOW,
  );

  it(
    'refuses bad input with one error that names the input',
    async () => {
      const job = newJob();
      const cases: [Record<string, string>, string][] = [
        [{}, `Input 'names' has invalid value "": no earlier Port Zero step of this job handed out ports`],
        [{ names: 'web' }, `Input 'names' has invalid value "web": not a name an earlier Port Zero step of this job handed out: none did`],
        [{ names: '8080', timeout: '0' }, `Input 'timeout' has invalid value "0": a number of seconds above 0 and at most 86400`],
        [{ names: '8080', timeout: '86401' }, `Input 'timeout' has invalid value "86401"`],
        [{ names: '70000' }, `Input 'names' has invalid value "70000": a port number from 1 to 65535`],
        [{ names: '8080', protocol: 'sctp' }, `Input 'protocol' has invalid value "sctp": tcp, udp or tcp,udp`],
        [{ names: '8080', 'on-foreign': 'ignore' }, `Input 'on-foreign' has invalid value "ignore": fail or warn`],
      ];
      for (const [inputs, message] of cases) {
        const step = await job.wait(inputs);
        expect(step.code, JSON.stringify(inputs)).toBe(1);
        expect(step.stdout).toContain(`::error::${message}`);
        expect(step.rawOutput).toBe('');
      }
    },
    SLOW,
  );
});

describe("another account's listener", () => {
  needInSuite('proc', 'accounts');
  it(
    'fails the wait at once, naming pid, command and account',
    async (context) => {
      need(context, 'read-any-process');
      const [other] = testAccounts(1);
      const job = newJob();
      await job.main({ names: 'web' });
      const server = ['-m', 'http.server', String(job.port('WEB_PORT')), '--bind', '127.0.0.1'];
      const pid = await job.daemon([PYTHON, ...server], { PATH: '/usr/bin:/bin' }, other);
      const step = await job.wait({ timeout: '3600' });
      expect(step.code).toBe(1);
      expect(step.stdout).toContain(
        `web (port ${job.port('WEB_PORT')}): pid ${pid} (${PYTHON} ${server.join(' ')}), account ${other.name}: NOT this job's (runs as another account)`,
      );
    },
    SLOW,
  );

  it(
    "fails by the socket's account when the waiting step cannot see whose process it is",
    async (context) => {
      need(context, 'account-steps');
      const [first, second] = testAccounts(2);
      const job = newJob();
      await job.main({ names: 'web' });
      const port = job.port('WEB_PORT');
      await job.daemon([PYTHON, '-m', 'http.server', String(port), '--bind', '::1'], { PATH: '/usr/bin:/bin' }, first);
      // The wait step runs as another account: it cannot read pz-test-1's descriptors, so no pid.
      const step = await job.wait({ names: String(port), timeout: '3600' }, { account: second, env: { RUNNER_TEMP: '' } });
      expect(step.code, step.stdout + step.stderr).toBe(1);
      expect(step.stdout).toContain(`port ${port}: pid unknown, account ${first.name}: NOT this job's (runs as another account)`);
    },
    SLOW,
  );
});

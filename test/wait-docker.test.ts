import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { need, unmet, unmetNow } from './harness/needs.ts';
import { Docker, IMAGE } from './helpers/docker.ts';
import { Job } from './helpers/wait-job.ts';

/**
 * A real container on the job's port: the test starts its own Docker Engine (helpers/docker.ts),
 * runs busybox httpd in a host-network container on the port the main step handed out, and
 * the wait step, told where the engine is (DOCKER_HOST, as a job that runs its own engine
 * would set it), succeeds and names the container. Where Docker cannot start, the test skips
 * and says why.
 */

let docker: Docker | undefined;
let cannot: string | undefined;
const jobs: Job[] = [];

beforeAll(async () => {
  if (unmet('docker')) return;
  docker = new Docker();
  cannot = await docker.start();
}, 120_000);

afterAll(async () => {
  await Promise.all(jobs.splice(0).map((j) => j.end()));
  await docker?.stop();
}, 120_000);

describe("a container on the job's port", () => {
  it("is reported as the container's, by name, and the wait succeeds", async (context) => {
    need(context, 'docker');
    if (cannot) unmetNow(context, 'docker', cannot);
    const job = new Job();
    jobs.push(job);
    await job.main({ names: 'web' });
    const name = `pz-wait-web-${process.pid}`;
    const id = docker!
      .cli([
        'run',
        '-d',
        '--name',
        name,
        '--network',
        'host',
        IMAGE,
        '/bin/busybox',
        'httpd',
        '-f',
        '-p',
        String(job.port('WEB_PORT')),
        '-h',
        '/',
      ])
      .trim();
    const step = await job.wait({}, { env: { DOCKER_HOST: docker!.host } });
    expect(step.code, step.stdout + step.stderr).toBe(0);
    const web = JSON.parse(step.outputs.json).web;
    expect(web).toMatchObject({
      belongs: 'container',
      container: name,
      account: 'root',
      why: `runs in docker container ${name} (${id.slice(0, 12)})`,
    });
    expect(web.command).toBe(`/bin/busybox httpd -f -p ${job.port('WEB_PORT')} -h /`);
    expect(step.stdout).toMatch(new RegExp(`^web \\(port \\d+\\) ready after .*: a container's \\(runs in docker container ${name}`, 'm'));
  }, 180_000);
});

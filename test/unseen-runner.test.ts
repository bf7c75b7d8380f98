/**
 * A step whose runner cannot be seen: in a container job the runner starts each step with
 * `docker exec`, from outside the container's pid namespace, so the step's getppid() is 0.
 * Here a pid namespace of our own stands in for the container (unshare -p), and nsenter
 * for docker exec.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runStep, type StepResult } from './harness/action-runner.ts';
import { need } from './harness/needs.ts';

const namespaces: ChildProcess[] = [];
afterEach(() => {
  for (const child of namespaces.splice(0)) child.kill('SIGKILL');
});

/** A pid namespace whose init is `sleep 60`; returns the nsenter command that starts a step inside it. */
async function containerLike(): Promise<string[]> {
  const unshare = spawn('unshare', ['-p', '-f', '--mount-proc', 'sleep', '60'], { stdio: 'ignore' });
  namespaces.push(unshare);
  const children = `/proc/${unshare.pid}/task/${unshare.pid}/children`;
  for (let waited = 0; waited < 5000; waited += 20) {
    const inside = fs.existsSync(children) ? fs.readFileSync(children, 'utf8').trim() : '';
    if (inside) return ['nsenter', '-t', inside.split(' ')[0], '-p', '-m', '--'];
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('unshare -p started no process');
}

const ask = (range: string) => ({ count: '4', range, reserve: 'none' });
const ports = (step: StepResult) => step.outputs.ports?.split(' ').map(Number).sort();

describe('a step that cannot see its runner (a container job, docker exec)', () => {
  it('keeps its lease for the job: the same request outside is refused its ports until its post step', async (context) => {
    need(context, 'pid-namespace');
    const through = await containerLike();
    const inside = await runStep({ with: ask('26200-26203'), through, env: { RUNNER_TRACKING_ID: 'github_container-job' } });
    expect(inside.code, inside.stdout).toBe(0);
    expect(ports(inside)).toEqual([26200, 26201, 26202, 26203]);
    expect(inside.stdout).not.toMatch(/::warning::/);

    // Before, its record named runner pid 0, judged gone at once: this step got the same 4 ports.
    const outside = await runStep({ with: ask('26200-26203') });
    expect(outside.code).toBe(1);
    expect(outside.stdout).toMatch(/Only 0 of the 4 ports asked for are free in range 26200-26203 \(refused: 4 leased by another job\)/);

    // Another container job on the host: another job, by its RUNNER_TRACKING_ID, though its runner shows as pid 0 too.
    const other = await runStep({ with: ask('26200-26203'), through, env: { RUNNER_TRACKING_ID: 'github_another-job' } });
    expect(other.stdout).toMatch(/refused: 4 leased by another job/);
    // A later step of the same job: its own earlier step's.
    const later = await runStep({ with: ask('26200-26203'), through, env: { RUNNER_TRACKING_ID: 'github_container-job' } });
    expect(later.stdout).toMatch(/refused: 4 leased by an earlier step of this job/);

    const post = await runStep({ entry: 'post', state: inside.state, through });
    expect(post.stdout).toContain('Released 4 of 4 port leases.');
    const again = await runStep({ with: ask('26200-26203') });
    expect(again.code, again.stdout).toBe(0);
    await runStep({ entry: 'post', state: again.state });
  });

  it("keeps its holder until the post step, instead of ending it at the holder's first look for the runner", async (context) => {
    need(context, 'pid-namespace', 'holder');
    const through = await containerLike();
    const main = await runStep({ with: { count: '2', range: '26210-26211', reserve: 'holder' }, through });
    expect(main.code, main.stdout).toBe(0);
    // The holder looks for its runner every 2 s; before, it found pid 0 gone at the first look and exited.
    await new Promise((r) => setTimeout(r, 4500));
    const post = await runStep({ entry: 'post', state: main.state, through });
    expect(post.stdout).toMatch(/Stopped the port holder \(process \d+\)\./);
  });
});

/** The many-jobs-on-one-host stress, shared by the test (which asserts) and the benchmark (which reports). */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { runStep, type StepOptions, type StepResult } from './action-runner.ts';

/** Starts another program that keeps asking the kernel for port 0 (on `hosts` in turn); `stop()` resolves with every port it got. */
export async function startGrabber(hosts: readonly string[] = []) {
  const child = spawn(process.execPath, [path.join(import.meta.dirname, 'port-grabber.ts'), '5000', hosts.join(',')], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await new Promise((r) => child.once('message', r));
  return {
    stop: () =>
      new Promise<Set<number>>((resolve) => {
        child.once('message', (ports: number[]) => resolve(new Set(ports)));
        child.send('stop');
      }),
  };
}

export interface RoundResult {
  jobs: StepResult[];
  handed: number[];
  /** Ports handed to more than one job (each extra holder counted). */
  shared: number[];
  /** Handed ports that the other program got too. */
  taken: number[];
  grabbed: Set<number>;
}

/**
 * One round: `jobs` action processes at once, each given `inputs(i)` (and `step(i)`: the
 * account it runs as, its environment), while another program asks for port 0 (on `hosts` in turn).
 */
export async function stressRound(
  jobs: number,
  inputs: (job: number) => Record<string, string>,
  hosts: readonly string[] = [],
  step: (job: number) => StepOptions = () => ({}),
): Promise<RoundResult> {
  const grabber = await startGrabber(hosts);
  const results = await Promise.all(Array.from({ length: jobs }, (_, i) => runStep({ ...step(i), with: inputs(i) })));
  const grabbed = await grabber.stop();
  const handed = results.flatMap((j) => (j.outputs.ports ?? '').split(' ').filter(Boolean).map(Number));
  const seen = new Set<number>();
  const shared = handed.filter((p) => seen.size === seen.add(p).size);
  return { jobs: results, handed, shared, taken: handed.filter((p) => grabbed.has(p)), grabbed };
}

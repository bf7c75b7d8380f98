import * as core from '@actions/core';
import { State } from '../settings/constants.ts';
import { errorMessage } from '../errors.ts';
import { stopHolder } from '../protection/holder.ts';
import { releaseLeases, sweepStale } from '../protection/leases.ts';
import { releaseDeadJobsPorts } from '../protection/dead-jobs.ts';
import { removeReservedPorts, type WriteRoute } from '../protection/kernel-list.ts';
import type { ProcessIdentity } from '../platform/process-identity.ts';

/** The post step: stops the holder, takes this job's ports off the kernel list, releases its leases. It warns, and never fails the job. */
export async function runPost(): Promise<void> {
  await attempt('stop the port holder', stopJobHolder);
  // Before the leases go: once they do, another job may put the same ports on the list.
  await attempt("take this job's ports off the kernel's reserved-port list", releaseJobKernelPorts);
  await attempt('release the leases', releaseJobLeases);
}

async function attempt(what: string, step: () => Promise<void> | void) {
  try {
    await step();
  } catch (error) {
    core.warning(`Port Zero could not ${what}: ${errorMessage(error)}`);
  }
}

async function stopJobHolder() {
  const saved = core.getState(State.Holder);
  if (saved === '') return;
  const holder = JSON.parse(saved) as ProcessIdentity;
  if (await stopHolder(holder)) core.info(`Stopped the port holder (process ${holder.pid}).`);
  else core.warning(`The port holder (process ${holder.pid}) did not stop.`);
}

function savedPorts(name: string): number[] {
  return core.getState(name).split(' ').filter(Boolean).map(Number);
}

async function releaseJobKernelPorts() {
  const ports = savedPorts(State.KernelPorts);
  if (ports.length === 0) return;
  const removed = await removeReservedPorts(ports, { sudo: core.getState(State.KernelRoute) === 'sudo' });
  core.info(`Took ${removed.length} of ${ports.length} ports off the kernel's reserved-port list.`);
}

async function releaseJobLeases() {
  const dir = core.getState(State.LeaseDir);
  if (dir === '') {
    core.debug('no leases to release');
    return;
  }
  const ports = savedPorts(State.LeasePorts);
  const released = releaseLeases(dir, core.getState(State.LeaseToken), ports);
  core.info(`Released ${released} of ${ports.length} port leases.`);
  // Off the hot path: tidy up after jobs that crashed or never ran their post step.
  const swept = sweepStale(dir, (m) => core.warning(m));
  if (swept.length) core.info(`Removed ${swept.length} stale leases left by other jobs.`);
  // The same right this job used; a job that did not use the list writes it only where it may directly.
  const route = (core.getState(State.KernelRoute) || 'direct') as WriteRoute;
  await attempt('take the ports of dead jobs off the kernel list', async () => {
    const removed = await releaseDeadJobsPorts(dir, swept, route);
    if (removed.length) core.info(`Took ${removed.length} ports of stale leases off the kernel's reserved-port list.`);
  });
}

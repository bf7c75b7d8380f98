import * as core from '@actions/core';
import { State } from '../settings/constants.ts';
import { errorMessage, plural } from '../errors.ts';
import { stopHolder, type Holder } from '../protection/holder.ts';
import { releaseLeases, sweepStale } from '../protection/leases.ts';
import { releaseDeadJobsPorts } from '../protection/dead-jobs.ts';
import { removeReservedPorts, type WriteRoute } from '../protection/kernel-list.ts';

/** The post step: stops the holder, takes this job's ports off the kernel list, releases its leases. It warns, and never fails the job. */
export async function runPost(): Promise<void> {
  await attempt('stop the port holder', stopJobHolder);
  // Before the leases go: once they do, another job may put the same ports on the list. Entries
  // that could not be taken off keep their leases, so a later job's post step finds them stale.
  const listed = await attempt("take this job's ports off the kernel's reserved-port list", releaseJobKernelPorts);
  if (listed === undefined && savedPorts(State.KernelPorts).length > 0) {
    core.warning("The leases of this job's ports stay until its runner process exits, so a later job takes them off the list.");
    return;
  }
  await attempt('release the leases', releaseJobLeases);
}

/** Runs `step`; on failure warns and resolves undefined, else resolves true. */
async function attempt(what: string, step: () => Promise<void> | void): Promise<true | undefined> {
  try {
    await step();
    return true;
  } catch (error) {
    core.warning(`Port Zero could not ${what}: ${errorMessage(error)}`);
    return undefined;
  }
}

async function stopJobHolder() {
  const saved = core.getState(State.Holder);
  if (saved === '') return;
  const holder = JSON.parse(saved) as Holder;
  const pid = holder.process?.pid;
  const outcome = await stopHolder(holder);
  if (outcome === 'stopped') core.info(`Stopped the port holder (process ${pid}).`);
  else if (outcome === 'killed') core.warning(`The port holder (process ${pid}) did not answer its stop request; it was killed.`);
  else core.info(`The port holder (process ${pid}) had already exited.`);
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
  const own = core.getState(State.LeaseAccountDir);
  if (own === '') {
    core.debug('no leases to release');
    return;
  }
  const ports = savedPorts(State.LeasePorts);
  const released = releaseLeases(own, core.getState(State.LeaseToken), ports);
  core.info(`Released ${released} of ${plural(ports.length, 'port lease')}.`);
  // Off the hot path: tidy up after this account's jobs that crashed or never ran their post step.
  const swept = sweepStale(own, (m) => core.warning(m));
  if (swept.length) core.info(`Removed ${plural(swept.length, 'stale lease')} left by other jobs.`);
  // The same right this job used; a job that did not use the list writes it only where it may directly.
  const route = (core.getState(State.KernelRoute) || 'direct') as WriteRoute;
  await attempt('take the ports of dead jobs off the kernel list', async () => {
    const removed = await releaseDeadJobsPorts(core.getState(State.LeaseDir), swept, route);
    if (removed.length) core.info(`Took ${plural(removed.length, 'port')} of stale leases off the kernel's reserved-port list.`);
  });
}

import * as core from '@actions/core';
import { State } from '../settings/constants.ts';
import { errorMessage, plural } from '../errors.ts';
import { stopHolder, type Holder } from '../protection/holder.ts';
import { releaseLeases, sweepStale } from '../protection/leases.ts';

/** The post step: stops the holder and releases this job's leases. It warns, and never fails the job. */
export async function runPost(): Promise<void> {
  await attempt('stop the port holder', stopJobHolder);
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
  const holder = JSON.parse(saved) as Holder;
  const pid = holder.process?.pid;
  const outcome = await stopHolder(holder);
  if (outcome === 'stopped') core.info(`Stopped the port holder (process ${pid}).`);
  else if (outcome === 'killed') core.warning(`The port holder (process ${pid}) did not answer its stop request; it was killed.`);
  else core.info(`The port holder (process ${pid}) had already exited.`);
}

function releaseJobLeases() {
  const dir = core.getState(State.LeaseDir);
  if (dir === '') {
    core.debug('no leases to release');
    return;
  }
  const ports = core.getState(State.LeasePorts).split(' ').filter(Boolean).map(Number);
  const released = releaseLeases(dir, core.getState(State.LeaseToken), ports);
  core.info(`Released ${released} of ${plural(ports.length, 'port lease')}.`);
  // Off the hot path: tidy up after jobs that crashed or never ran their post step.
  const swept = sweepStale(dir, (m) => core.warning(m));
  if (swept) core.info(`Removed ${plural(swept, 'stale lease')} left by other jobs.`);
}

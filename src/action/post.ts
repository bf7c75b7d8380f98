import * as core from '@actions/core';
import { State } from '../settings/constants.ts';
import { errorMessage, plural } from '../errors.ts';
import { stopHolder } from '../protection/holder.ts';
import { releaseLeases, sweepStale } from '../protection/leases.ts';
import type { ProcessIdentity } from '../platform/process-identity.ts';

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
  const holder = JSON.parse(saved) as ProcessIdentity;
  if (await stopHolder(holder)) core.info(`Stopped the port holder (process ${holder.pid}).`);
  else core.warning(`The port holder (process ${holder.pid}) did not stop.`);
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

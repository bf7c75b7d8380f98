import { errorMessage, plural } from '../errors.ts';
import { releaseLeases, releaseOwnedBy, sweepStale } from '../leases/lease-cleanup.ts';
import { openLeaseDir, ownDirProblem } from '../leases/lease-location.ts';
import type { ProcessIdentity } from '../platform/process-identity.ts';
import { endProtection } from '../protection/choose-protection.ts';
import type { WriteRoute } from '../protection/kernel-list.ts';
import type { Vocabulary } from '../errors.ts';
import { releaseDeadJobsPorts } from './dead-jobs.ts';
import type { PostState } from './post-state.ts';

/** Where ending a session reports: what happened, and what could not be done (never a failure). */
export interface EndLog {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
}

/**
 * The action's post step: stops the holder, takes the job's ports off the kernel list,
 * releases its leases, then tidies up after this account's crashed jobs. Every part that
 * fails is a warning; nothing here throws.
 */
export async function endSession(state: PostState, log: EndLog): Promise<void> {
  const attempt = async <T>(what: string, step: () => Promise<T> | T): Promise<T | undefined> => {
    try {
      return await step();
    } catch (error) {
      log.warn(`Port Zero could not ${what}: ${errorMessage(error)}`);
      return undefined;
    }
  };
  const { protection, leases } = state;
  if (protection) {
    const what = protection.kind === 'kernel' ? "take this job's ports off the kernel's reserved-port list" : 'stop the port holder';
    const ended = await attempt(what, () => endProtection(protection));
    if (ended?.kind === 'holder') reportHolder(ended.pid, ended.outcome, log);
    if (ended?.kind === 'kernel') log.info(`Took ${ended.removed} of ${ended.of} ports off the kernel's reserved-port list.`);
    // Before the leases go: once they do, another job may list the same ports. Entries that could
    // not be taken off keep their leases, so a later job's post step finds them stale.
    if (protection.kind === 'kernel' && ended === undefined) {
      log.warn("The leases of this job's ports stay until its runner process exits, so a later job takes them off the list.");
      return;
    }
  }
  if (!leases) return log.debug('no leases to release');
  await attempt('release the leases', async () => {
    const problem = ownDirProblem(leases.own);
    if (problem) throw new Error(`the lease directory ${leases.own} is not this account's own: ${problem}`);
    const released = new Set(releaseLeases(leases.own, leases.token));
    log.info(`Released ${leases.ports.filter((p) => released.has(p)).length} of ${plural(leases.ports.length, 'port lease')}.`);
    // Off the hot path: tidy up after this account's jobs that crashed or never ran their post step.
    const swept = sweepStale(leases.own, (m) => log.warn(m));
    if (swept.length) log.info(`Removed ${plural(swept.length, 'stale lease')} left by other jobs.`);
    // The same right this job used; a job that did not use the list writes it only where it may directly.
    const route: WriteRoute = protection?.kind === 'kernel' ? protection.route : 'direct';
    await attempt('take the ports of dead jobs off the kernel list', async () => {
      const removed = await releaseDeadJobsPorts(leases.root, swept, route);
      if (removed.length) log.info(`Took ${plural(removed.length, 'port')} of stale leases off the kernel's reserved-port list.`);
    });
  });
}

function reportHolder(pid: number, outcome: string, log: EndLog) {
  if (outcome === 'stopped') log.info(`Stopped the port holder (process ${pid}).`);
  else if (outcome === 'killed') log.warn(`The port holder (process ${pid}) did not answer its stop request; it was killed.`);
  else log.info(`The port holder (process ${pid}) had already exited.`);
}

/**
 * `port-zero release`: ends every lease that `caller` (the calling shell or script) holds
 * in the location `leaseDir` names. Returns their ports, ascending.
 * @throws LeaseError when the location cannot be used.
 */
export function releaseCaller(leaseDir: string, caller: ProcessIdentity, vocabulary: Vocabulary): number[] {
  return releaseOwnedBy(openLeaseDir(leaseDir, vocabulary).own, caller);
}

import { liveLeasedPorts } from '../leases/lease-reader.ts';
import type { StaleLease } from '../leases/lease-cleanup.ts';
import { mayWriteDirectly, removeReservedPorts, type WriteRoute } from '../protection/kernel-list.ts';

/**
 * Takes the kernel-list entries of jobs whose runner died off the list: the ports of
 * `swept` stale leases whose record named the kernel list, except a port that a live
 * lease holds again (another job may have listed it since). Without the right to
 * write the list, it does nothing and resolves with [].
 *
 * @param root the lease location the stale leases were swept from
 * @param route how this job may write the list ('sudo' allows `sudo -n tee`)
 * @returns the ports taken off the list
 */
export async function releaseDeadJobsPorts(root: string, swept: readonly StaleLease[], route: WriteRoute): Promise<number[]> {
  const ports = swept.filter((s) => s.reservation === 'kernel').map((s) => s.port);
  if (ports.length === 0 || (route === 'direct' && !mayWriteDirectly())) return [];
  // Judged under the list's lock (on first use), where no job can lease and list a port unseen.
  let live: Set<number> | undefined;
  const keep = (port: number) => (live ??= liveLeasedPorts(root, ports)).has(port);
  return removeReservedPorts(ports, { sudo: route === 'sudo', keep });
}

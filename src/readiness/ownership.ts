import { containerFromCgroups, containerFromShim, portProxy, type ContainerRef } from './containers.ts';

/**
 * Whose is a listener: the job's, a container's, provably someone else's, or not known.
 * Pure rules over facts gathered elsewhere (owner-facts.ts), so each rule is tested on
 * the facts it reads.
 */

/** The job the waiting code belongs to. */
export interface JobIdentity {
  /** The waiting step's RUNNER_TRACKING_ID (every step's processes carry it; daemons keep it); null outside a runner. */
  trackingId: string | null;
  /** The job's root process: the runner's worker for the action, the caller for the command and the library. */
  root: number | null;
  /** What to call the root in messages: `the job's runner process`, `this process`. */
  rootName: string;
  /** This process's account; null on Windows. */
  uid: number | null;
}

/** What is known of one listener's process; null where it could not be read. */
export interface ListenerFacts {
  pid: number | null;
  command: string | null;
  uid: number | null;
  account: string | null;
  /** Its RUNNER_TRACKING_ID, null without one, `unreadable` for another account's process. */
  trackingId: string | null | 'unreadable';
  /** Its ancestors, parent first, as far as they could be read; each with its command line. */
  ancestors: { pid: number; command: string | null }[];
  /** Its control groups (lines of /proc/PID/cgroup); empty where unknown. */
  cgroups: string[];
}

export type Belonging = 'job' | 'container' | 'foreign' | 'unknown';

/** A listener's owner, judged. */
export interface Owner {
  pid: number | null;
  command: string | null;
  uid: number | null;
  account: string | null;
  belongs: Belonging;
  /** Why, as a phrase: `carries this job's RUNNER_TRACKING_ID`. */
  why: string;
  /** For a container's listener: the container as its process tells it (null for a published port's proxy). */
  container: ContainerRef | null;
  /** The container's name, where the engine gave it. */
  containerName: string | null;
  /** Set for a published port's proxy, whose container is found by port rather than by process. */
  proxy: string | null;
}

function judged(facts: ListenerFacts, belongs: Belonging, why: string, extra: Partial<Owner> = {}): Owner {
  const { pid, command, uid, account } = facts;
  return { pid, command, uid, account, belongs, why, container: null, containerName: null, proxy: null, ...extra };
}

/** The container a process runs in, from its control groups or a runtime shim among its ancestors. */
function containerOf(facts: ListenerFacts): ContainerRef | null {
  return containerFromCgroups(facts.cgroups) ?? facts.ancestors.map((a) => containerFromShim(a.command ?? '')).find(Boolean) ?? null;
}

/**
 * The rules, in order: the job's by tracking id or by descent from the job's root; a
 * container's (inside one, or its published-port proxy); someone else's by another
 * tracking id or another non-root account; else unknown, with the reason.
 */
export function judgeOwner(facts: ListenerFacts, job: JobIdentity): Owner {
  if (job.trackingId !== null && facts.trackingId === job.trackingId) return judged(facts, 'job', "carries this job's RUNNER_TRACKING_ID");
  if (job.root !== null && (facts.pid === job.root || facts.ancestors.some((a) => a.pid === job.root))) {
    return judged(facts, 'job', facts.pid === job.root ? `is ${job.rootName}` : `descends from ${job.rootName} (pid ${job.root})`);
  }
  const container = containerOf(facts);
  if (container) return judged(facts, 'container', `runs in ${container.engine} container ${container.id.slice(0, 12)}`, { container });
  const proxy = portProxy(facts.command ?? '');
  if (proxy) return judged(facts, 'container', `is ${proxy}, which holds a container's published port`, { proxy });
  if (typeof facts.trackingId === 'string' && facts.trackingId !== 'unreadable') {
    return judged(facts, 'foreign', `carries another job's RUNNER_TRACKING_ID (${facts.trackingId})`);
  }
  if (facts.uid !== null && facts.uid !== 0 && job.uid !== null && facts.uid !== job.uid) {
    return judged(facts, 'foreign', 'runs as another account');
  }
  return judged(facts, 'unknown', unknownWhy(facts, job));
}

function unknownWhy(facts: ListenerFacts, job: JobIdentity): string {
  if (facts.pid === null) return facts.uid === null ? 'its process could not be found' : 'its process could not be read';
  if (facts.trackingId === 'unreadable') return 'its environment could not be read';
  const id = job.trackingId === null ? '' : ' without a RUNNER_TRACKING_ID';
  if (facts.uid === 0) return `runs as root${id} and does not descend from ${job.rootName}; sudo clears the environment`;
  return `runs as this account${id} and does not descend from ${job.rootName}`;
}

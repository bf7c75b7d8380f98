import {
  accountName,
  commandLine,
  controlGroups,
  environmentVariable,
  parentPid,
  processParents,
  processUid,
  windowsImageName,
} from '../platform/process-facts.ts';
import { socketHolders } from '../platform/socket-owners.ts';
import type { PortSocket } from '../platform/socket-table.ts';
import { containerName, containerPublishing } from './containers.ts';
import { judgeOwner, type JobIdentity, type ListenerFacts, type Owner } from './ownership.ts';

/** Ancestors followed at most: deeper than any real process tree, and a bound if /proc changes under the walk. */
const MAX_DEPTH = 64;

/** The parents of `pid` on Linux, from /proc, parent first, up to pid 1 or MAX_DEPTH. */
function linuxAncestors(pid: number): ListenerFacts['ancestors'] {
  const ancestors: ListenerFacts['ancestors'] = [];
  for (let at = parentPid(pid); at !== null && ancestors.length < MAX_DEPTH; at = parentPid(at)) {
    if (ancestors.some((a) => a.pid === at)) break;
    ancestors.push({ pid: at, command: commandLine(at) });
  }
  return ancestors;
}

/** Everything Linux's /proc tells about `pid`, the holder of a socket that `socketUid` created. */
function linuxFacts(pid: number | null, socketUid: number | null): ListenerFacts {
  if (pid === null) {
    const account = socketUid === null ? null : accountName(socketUid);
    return { pid, command: null, uid: socketUid, account, trackingId: null, ancestors: [], cgroups: [] };
  }
  const uid = processUid(pid) ?? socketUid;
  return {
    pid,
    command: commandLine(pid),
    uid,
    account: uid === null ? null : accountName(uid),
    trackingId: environmentVariable(pid, 'RUNNER_TRACKING_ID'),
    ancestors: linuxAncestors(pid),
    cgroups: controlGroups(pid),
  };
}

/** The ancestors of `pid` from a map of every process's parent (macOS ps, Windows PowerShell). */
function mappedAncestors(pid: number, parents: ReadonlyMap<number, number>): ListenerFacts['ancestors'] {
  const ancestors: ListenerFacts['ancestors'] = [];
  for (let at = parents.get(pid); at !== undefined && at > 0 && ancestors.length < MAX_DEPTH; at = parents.get(at)) {
    if (ancestors.some((a) => a.pid === at)) break;
    ancestors.push({ pid: at, command: null });
  }
  return ancestors;
}

/**
 * The owner of each socket in `sockets` (sockets newly found listening), judged for `job`.
 * Linux: one walk of /proc/*\/fd for all their inodes, naming of several processes that
 * hold one socket (a pre-forking server's workers) the topmost. macOS and Windows: the
 * pid the table names, and one run of the OS's tool for every process's parent.
 * Containers are named by the engine where it answers.
 */
export async function ownersOf(
  sockets: readonly PortSocket[],
  job: JobIdentity,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Owner[]> {
  let owners: Owner[];
  if (platform === 'linux') {
    const { holders } = socketHolders(new Set(sockets.flatMap((s) => (s.inode === null ? [] : [s.inode]))));
    owners = sockets.map((socket) =>
      judgeOwner(linuxFacts(socket.inode === null ? null : (holders.get(socket.inode) ?? null), socket.uid), job),
    );
  } else {
    const parents = processParents(platform);
    owners = sockets.map((socket) => judgeOwner(tableFacts(socket, parents, platform), job));
  }
  return Promise.all(owners.map((owner, i) => nameContainer(owner, sockets[i], env)));
}

function tableFacts(socket: PortSocket, parents: ReadonlyMap<number, number>, platform: NodeJS.Platform): ListenerFacts {
  const command = socket.command ?? (platform === 'win32' && socket.pid !== null ? windowsImageName(socket.pid) : null);
  const ancestors = socket.pid === null ? [] : mappedAncestors(socket.pid, parents);
  return { pid: socket.pid, command, uid: socket.uid, account: socket.account, trackingId: null, ancestors, cgroups: [] };
}

async function nameContainer(owner: Owner, socket: PortSocket, env: NodeJS.ProcessEnv): Promise<Owner> {
  if (owner.belongs !== 'container') return owner;
  const name = owner.container?.engine === 'docker' ? await containerName(owner.container.id, env) : null;
  const published = owner.proxy ? await containerPublishing(socket.port, socket.protocol, env) : null;
  if (name) return { ...owner, containerName: name, why: `runs in docker container ${name} (${owner.container!.id.slice(0, 12)})` };
  if (published)
    return { ...owner, containerName: published, why: `is ${owner.proxy}, which holds the published port of container ${published}` };
  return owner;
}

import { readdirSync, readlinkSync } from 'node:fs';
import { parentPid } from './process-facts.ts';

/** What a scan of /proc found for a set of socket inodes. */
export interface SocketHolders {
  /** Each inode found, with the process that holds it: the topmost one where a parent holds it too. */
  holders: Map<number, number>;
  /** Processes whose descriptors could not be listed (another account's, without root): an inode not found may be theirs. */
  unreadable: number;
}

/** The socket inodes `pid` holds, from its /proc/PID/fd links (read, never followed); `unreadable` for another account's process. */
function socketInodes(pid: number): Set<number> | 'unreadable' {
  const inodes = new Set<number>();
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EACCES' ? 'unreadable' : inodes;
  }
  for (const fd of fds) {
    try {
      const match = /^socket:\[(\d{1,20})\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match) inodes.add(Number(match[1]));
    } catch {
      // closed meanwhile
    }
  }
  return inodes;
}

/** `pid`, or the highest of its ancestors that holds `inode` too: a pre-forking server's master rather than a worker. */
function topHolder(pid: number, inode: number): number {
  let holder = pid;
  for (let parent = parentPid(holder); parent !== null && parent !== holder; parent = parentPid(holder)) {
    const held = socketInodes(parent);
    if (held === 'unreadable' || !held.has(inode)) break;
    holder = parent;
  }
  return holder;
}

/**
 * The process that holds each socket `inodes` names. Walks the processes newest first (a
 * server that just started is among the last), stops once every inode is found, and
 * climbs from each holder to the topmost ancestor that holds the socket too. Each step
 * reads a process's descriptor links, so the walk is done once for the sockets that
 * newly appeared, never on every look. A process that exits during the walk is skipped.
 */
export function socketHolders(inodes: ReadonlySet<number>): SocketHolders {
  const holders = new Map<number, number>();
  let unreadable = 0;
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((name) => /^\d{1,10}$/.test(name))
      .map(Number)
      .sort((a, b) => b - a);
  } catch {
    return { holders, unreadable };
  }
  for (const pid of pids) {
    if (holders.size === inodes.size) break;
    const held = socketInodes(pid);
    if (held === 'unreadable') {
      unreadable++;
      continue;
    }
    for (const inode of held) if (inodes.has(inode) && !holders.has(inode)) holders.set(inode, topHolder(pid, inode));
  }
  return { holders, unreadable };
}

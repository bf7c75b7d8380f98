import { readdirSync, readlinkSync } from 'node:fs';

/** What a scan of /proc found for a set of socket inodes. */
export interface SocketHolders {
  /** Each inode found, with every process that has it open, lowest pid first. */
  holders: Map<number, number[]>;
  /** Processes whose descriptors could not be listed (another account's, without root): an inode not found may be theirs. */
  unreadable: number;
}

/**
 * The processes that hold each socket `inodes` names: every /proc/PID/fd entry is a link
 * whose text is `socket:[INODE]` for a socket. The links are read, never followed. This
 * walks every process's descriptors (a few ms here; tens of ms on a busy host), so it is
 * done once for the sockets that newly appeared, not on every check. A process that exits
 * during the walk is skipped.
 */
export function socketHolders(inodes: ReadonlySet<number>): SocketHolders {
  const holders = new Map<number, number[]>();
  let unreadable = 0;
  if (inodes.size === 0) return { holders, unreadable };
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((name) => /^\d{1,10}$/.test(name))
      .map(Number)
      .sort((a, b) => a - b);
  } catch {
    return { holders, unreadable };
  }
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EACCES') unreadable++;
      continue;
    }
    for (const fd of fds) {
      const inode = socketInode(`/proc/${pid}/fd/${fd}`);
      if (inode === null || !inodes.has(inode)) continue;
      const list = holders.get(inode) ?? [];
      if (!list.includes(pid)) list.push(pid);
      holders.set(inode, list);
    }
  }
  return { holders, unreadable };
}

function socketInode(link: string): number | null {
  try {
    const match = /^socket:\[(\d{1,20})\]$/.exec(readlinkSync(link));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

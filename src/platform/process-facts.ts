import { closeSync, constants, openSync, readSync } from 'node:fs';
import { userInfo } from 'node:os';
import { runTool, type ToolRunner } from './system-tools.ts';
import { systemTool } from './system-tools.ts';

/**
 * What can be read about another process, from /proc on Linux and from system tools
 * elsewhere: parent, command line, account, one environment variable, control groups.
 * One home for such reads. Everything here belongs to another process, possibly another
 * account's, so it is hostile input: read with a size cap, parsed field by field, never
 * followed through a link, and a process that is gone or unreadable gives null, not an error.
 * Files under /proc/PID are the kernel's own (never FIFOs), so reading them cannot block on a writer.
 */

/** Longest command line kept for messages: a server's command line can be kilobytes of flags. */
const COMMAND_CHARS = 200;
/** Most read from an environment (the kernel caps it near a quarter of the stack limit, megabytes at most). */
const ENVIRON_BYTES = 4 * 2 ** 20;

/** Reads at most `limit` bytes of a /proc file; null when it cannot be read (gone, another account's). */
function readCapped(file: string, limit: number): Buffer | null {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch {
    return null;
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < limit) {
      const chunk = Buffer.alloc(Math.min(65536, limit - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
    }
    return Buffer.concat(chunks);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** The fields of /proc/PID/stat after the command name (which may hold spaces and parentheses): state first. */
function statFields(pid: number): string[] | null {
  const stat = readCapped(`/proc/${pid}/stat`, 4096)?.toString('latin1');
  const end = stat?.lastIndexOf(')') ?? -1;
  return stat && end > 0 ? stat.slice(end + 2).split(' ') : null;
}

/** The parent's pid (field 4 of /proc/PID/stat); null when gone, or for pid 1 and kernel threads (parent 0). */
export function parentPid(pid: number): number | null {
  const parent = Number(statFields(pid)?.[1]);
  return Number.isInteger(parent) && parent > 0 ? parent : null;
}

/**
 * The command line, its arguments joined by spaces and cut to 200 characters; for a
 * process without one (a kernel thread, a zombie) its name in brackets, as ps shows it.
 * Null when gone. Control characters are replaced, so a message cannot be forged with it.
 */
export function commandLine(pid: number): string | null {
  const args = commandArgs(pid);
  if (args === null) return null;
  let text = args.join(' ');
  if (!text) {
    const comm = readCapped(`/proc/${pid}/comm`, 64)?.toString('utf8').trim();
    if (!comm) return null;
    text = `[${comm}]`;
  }
  return cleanText(text, COMMAND_CHARS);
}

/** The command line as its arguments (Linux, up to 8 KiB of it); null when gone or unreadable. Raw: clean before showing. */
export function commandArgs(pid: number): string[] | null {
  const raw = readCapped(`/proc/${pid}/cmdline`, 8192);
  return raw === null ? null : raw.toString('utf8').split('\0').filter(Boolean);
}

/** `text` with control characters as `?`, cut to `limit` characters with an ellipsis. */
export function cleanText(text: string, limit: number): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return clean.length > limit ? `${clean.slice(0, limit - 1)}…` : clean;
}

/** The effective uid (second field of the `Uid:` line of /proc/PID/status); null when gone. */
export function processUid(pid: number): number | null {
  const status = readCapped(`/proc/${pid}/status`, 16384)?.toString('latin1');
  const match = status && /^Uid:\s+\d+\s+(\d+)/m.exec(status);
  return match ? Number(match[1]) : null;
}

let passwd: Map<number, string> | undefined;

/**
 * The login name of `uid`, from /etc/passwd (read once); this process's own from the OS
 * when passwd lacks it (an account from a directory service). Null when unknown: callers
 * then show `uid N`.
 */
export function accountName(uid: number): string | null {
  if (!passwd) {
    passwd = new Map();
    const text = readCapped('/etc/passwd', 4 * 2 ** 20)?.toString('utf8') ?? '';
    for (const line of text.split('\n')) {
      const [name, , id] = line.split(':');
      if (name && /^\d{1,10}$/.test(id ?? '') && !passwd.has(Number(id))) passwd.set(Number(id), cleanText(name, 64));
    }
  }
  if (passwd.has(uid)) return passwd.get(uid)!;
  try {
    return process.getuid?.() === uid ? userInfo().username : null;
  } catch {
    return null;
  }
}

/** An environment variable's value as the process started with it, or null without it; `unreadable` for another account's process. */
export function environmentVariable(pid: number, name: string): string | null | 'unreadable' {
  const raw = readCapped(`/proc/${pid}/environ`, ENVIRON_BYTES);
  if (raw === null) return 'unreadable';
  const prefix = `${name}=`;
  for (const entry of raw.toString('utf8').split('\0')) {
    if (entry.startsWith(prefix)) return cleanText(entry.slice(prefix.length), 200);
  }
  return null;
}

/** The process's control groups (`4:memory:/docker/<id>`, `0::/system.slice/docker-<id>.scope`), one a line; empty when unreadable. */
export function controlGroups(pid: number): string[] {
  const text = readCapped(`/proc/${pid}/cgroup`, 65536)?.toString('utf8') ?? '';
  return text.split('\n').filter(Boolean);
}

/** Every process's parent, from one run of a system tool: macOS `ps`, Windows PowerShell. Empty on failure. */
export function processParents(platform: NodeJS.Platform = process.platform, run: ToolRunner = runTool): Map<number, number> {
  try {
    if (platform === 'darwin') {
      const env = { LC_ALL: 'C', PATH: '/usr/bin:/bin' };
      return parsePidPairs(run(systemTool('ps', 'darwin'), ['-A', '-o', 'pid=,ppid='], env));
    }
    if (platform === 'win32') {
      const script = 'Get-CimInstance Win32_Process | ForEach-Object { "$($_.ProcessId) $($_.ParentProcessId)" }';
      return parsePidPairs(run(systemTool('powershell', 'win32'), ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', script]));
    }
  } catch {
    // the tool failed: no ancestry, so owners are reported as unknown
  }
  return new Map();
}

/** A process as a listing shows it: its parent, and its command line (arguments joined by spaces, as ps and Windows show them). */
export interface ListedProcess {
  parent: number;
  command: string;
}

/**
 * Every process's parent and command line, from one run of a system tool: macOS
 * `ps -A -ww -o pid=,ppid=,command=` (full width), Windows PowerShell's Win32_Process
 * listing (its line breaks in a command line made spaces). Empty on failure or elsewhere.
 * The command lines are other processes' and so hostile: matched, never shown unclean.
 */
export function processTable(platform: NodeJS.Platform = process.platform, run: ToolRunner = runTool): Map<number, ListedProcess> {
  try {
    if (platform === 'darwin') {
      const env = { LC_ALL: 'C', PATH: '/usr/bin:/bin' };
      return parseProcessLines(run(systemTool('ps', 'darwin'), ['-A', '-ww', '-o', 'pid=,ppid=,command='], env));
    }
    if (platform === 'win32') {
      const script =
        "Get-CimInstance Win32_Process | ForEach-Object { \"$($_.ProcessId) $($_.ParentProcessId) $($_.CommandLine -replace '[\\r\\n]+', ' ')\" }";
      return parseProcessLines(run(systemTool('powershell', 'win32'), ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', script]));
    }
  } catch {
    // the tool failed: no listing, so callers take a process as it is
  }
  return new Map();
}

/** `PID PPID COMMAND...` lines to a map; lines that do not start with two numbers are skipped. */
export function parseProcessLines(text: string): Map<number, ListedProcess> {
  const table = new Map<number, ListedProcess>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(\d{1,10})\s+(\d{1,10})(?:\s(.*))?$/.exec(line);
    if (match) table.set(Number(match[1]), { parent: Number(match[2]), command: (match[3] ?? '').trim() });
  }
  return table;
}

/** `PID PPID` lines to a map; lines that are not two numbers are skipped. */
export function parsePidPairs(text: string): Map<number, number> {
  const parents = new Map<number, number>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(\d{1,10})\s+(\d{1,10})\s*$/.exec(line);
    if (match) parents.set(Number(match[1]), Number(match[2]));
  }
  return parents;
}

/** The image name of a Windows process from `tasklist /fo csv /nh` (`"node.exe","4242",...`); null when not found. */
export function windowsImageName(pid: number, run: ToolRunner = runTool): string | null {
  try {
    const out = run(systemTool('tasklist', 'win32'), ['/fo', 'csv', '/nh', '/fi', `PID eq ${pid}`]);
    const match = /^"([^"]{1,260})","(\d+)"/m.exec(out);
    return match && Number(match[2]) === pid ? cleanText(match[1], COMMAND_CHARS) : null;
  } catch {
    return null;
  }
}

/**
 * `pid` and its ancestors, nearest first, up to init (at most 64): Linux from
 * /proc/PID/stat, one look per process; macOS and Windows from one listing of every
 * process's parent (processParents). Only `pid` itself where its parents cannot be read.
 */
export function ancestorPids(pid: number = process.pid, platform: NodeJS.Platform = process.platform): number[] {
  const parents = platform === 'linux' ? undefined : processParents(platform);
  const chain = [pid];
  for (let hop = 0; hop < 64; hop++) {
    const last = chain[chain.length - 1];
    const parent = parents ? parents.get(last) : parentPid(last);
    if (!parent || parent === last || chain.includes(parent)) break;
    chain.push(parent);
  }
  return chain;
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ACTION_VOCABULARY, LeaseError, type Vocabulary } from '../errors.ts';
import { pseudoFilesystem } from '../platform/safe-files.ts';
import { legacyDefaultDir } from './legacy-layout.ts';

/**
 * Where leases live. A location is one shared directory (the root) holding one
 * directory per account; each account writes only in its own and reads them all:
 *
 *   <root>/            the system temp dir's `port-zero` (mode 1777, like /tmp), or `lease-dir`
 *   <root>/1001/       uid 1001's leases, mode 0755: `lease-<token>.json`, one per allocation
 *   <root>/1002/       ...
 *
 * So no account ever needs to write to, or remove, another's files, and a directory
 * with one owner can serve every account. Everything here is shared with other
 * accounts and so hostile: paths are checked with lstat (never followed), created one
 * level at a time (a recursive mkdir loops on procfs), and never created on a kernel
 * pseudo-filesystem.
 */
export interface LeaseLocation {
  /** The shared directory. */
  root: string;
  /** This account's directory inside it, the only place this account writes. */
  own: string;
  /** 1.0.0's default directory, read too when the root is the default one and that directory exists (legacy-layout.ts). */
  legacy?: string;
}

const DEFAULT_NAME = 'port-zero';
const windows = process.platform === 'win32';

/**
 * The default root: `port-zero` in the temp directory every account shares. Linux:
 * the system temp directory (`$TMPDIR`, else /tmp), the same path for every account.
 * macOS: `os.tmpdir()` is a per-user folder under /var/folders unless TMPDIR names
 * another, so there it is /tmp. Windows: the temp directory is per-user, so the root is
 * `%ProgramData%\port-zero`, where every account may add folders.
 */
export function defaultLeaseRoot(env = process.env, platform = process.platform, tmp = os.tmpdir()): string {
  if (platform === 'win32') return path.win32.join(env.ProgramData ?? tmp, DEFAULT_NAME);
  const perUser = platform === 'darwin' && /^(\/private)?\/var\/folders\//.test(tmp);
  return path.posix.join(perUser ? '/tmp' : tmp, DEFAULT_NAME);
}

/** This account's name inside a root: the uid, or the user name on Windows. */
export function accountName(): string {
  return windows ? os.userInfo().username.replace(/[^\w.-]/g, '_') : String(process.getuid!());
}

/** The one command that sets up a named lease-dir for the accounts of a group (the README shows it). */
export const SHARED_SETUP = 'install -d -m 3770 -g GROUP DIR';

/**
 * Opens a location: validates the root (creating it when missing) and this account's
 * directory in it (creating that too).
 * The default root is created mode 1777 (anyone may add a directory, only its owner may
 * remove or rename it); a named root missing is created private (0700), one level only.
 * A root is accepted when it is a real directory (not a link) on a real filesystem, and
 * others can write to it only if it is sticky, or group-writable and setgid with this
 * account in the group (an administrator's shared directory).
 * `vocabulary` names the setting in errors (the action's `'lease-dir'` by default).
 * @throws LeaseError saying why the location cannot be used.
 */
export function openLeaseLocation(root: string, named: boolean, vocabulary: Vocabulary = ACTION_VOCABULARY): LeaseLocation {
  try {
    openRoot(root, named);
    return { root, own: openOwnDir(root), ...legacyOf(root) };
  } catch (error) {
    const why = error instanceof LeaseError ? error.message : `${code(error)}`;
    throw new LeaseError(
      named
        ? `${vocabulary.kind} ${vocabulary.name('lease-dir')} has a directory that cannot be used, ${JSON.stringify(root)}: ${why}${setupHint(root)}`
        : `The shared lease directory ${root} cannot be used: ${why}`,
    );
  }
}

/**
 * The location a `lease-dir` setting gives: the directory named, or the default root
 * when the setting is empty. Throws as openLeaseLocation does.
 */
export function openLeaseDir(leaseDir: string, vocabulary: Vocabulary = ACTION_VOCABULARY): LeaseLocation {
  const root = leaseDir || defaultLeaseRoot();
  const known = opened.get(root);
  // A process that asks again (a test suite's library calls) finds it opened: one lstat of its
  // own directory instead of the whole check, which runs again should that directory have changed.
  if (known && ownDirProblem(known.own) === undefined) return known;
  const location = openLeaseLocation(root, leaseDir !== '', vocabulary);
  opened.set(root, location);
  return location;
}

/** The locations this process has opened, by root. */
const opened = new Map<string, LeaseLocation>();

/**
 * The set-up command for a shared `root`, where running it would help: a missing root
 * or a directory with the wrong mode or group. Never for a symbolic link (`install -d`
 * follows it and would change the mode of whatever it points to) or what is no directory.
 */
function setupHint(root: string): string {
  try {
    const stat = fs.lstatSync(root, { throwIfNoEntry: false });
    if (stat && (!stat.isDirectory() || pseudoFilesystem(root))) return '';
  } catch {
    return '';
  }
  return `. For several accounts, set one up with \`${SHARED_SETUP.replace('DIR', root)}\``;
}

function openRoot(root: string, named: boolean): void {
  let stat = lstat(root);
  if (!stat) {
    try {
      fs.mkdirSync(root, named ? 0o700 : 0o777);
    } catch (error) {
      if (code(error) !== 'EEXIST') throw new LeaseError(`it cannot be created (${code(error)})`);
    }
    stat = lstat(root);
    // Ours and new: make it shared whatever the umask; one someone else made is judged below.
    if (!named && stat?.isDirectory() && !windows && stat.uid === process.getuid!()) {
      fs.chmodSync(root, 0o1777);
      stat = lstat(root);
    }
  }
  if (!stat) throw new LeaseError('it vanished while being opened');
  const problem = rootProblem(root, stat);
  if (problem) throw new LeaseError(problem);
}

function rootProblem(root: string, stat: fs.Stats): string | undefined {
  if (stat.isSymbolicLink()) return 'it is a symbolic link; refusing to follow it';
  if (!stat.isDirectory()) return 'it is not a directory';
  const pseudo = pseudoFilesystem(root);
  if (pseudo) return `it is on ${pseudo}, a kernel pseudo-filesystem`;
  if (windows) return undefined;
  const mode = stat.mode;
  const octal = (mode & 0o7777).toString(8).padStart(4, '0');
  if (mode & 0o1000) return undefined; // sticky: no one may remove or rename another's entries
  if (mode & 0o002) return `it is writable by every user but not sticky (mode ${octal})`;
  if (mode & 0o020) {
    if (!(mode & 0o2000)) return `it is group-writable but neither setgid nor sticky (mode ${octal})`;
    if (!process.getgroups!().includes(stat.gid) && process.getegid!() !== stat.gid)
      return `it is shared with group ${stat.gid}, and this account (uid ${process.getuid!()}) is not in it`;
  }
  return undefined;
}

/**
 * This account's directory: `<root>/<account>`, or, should another account have taken
 * that name first, a directory of ours named `<account>.<suffix>`. Readers never go by
 * the name, so any directory of ours will do.
 */
function openOwnDir(root: string): string {
  const account = accountName();
  const preferred = path.join(root, account);
  // Jobs of one account start together: one creates the directory, the others find it.
  if (createOwnDir(preferred) || ownDirProblem(preferred) === undefined) return shared(preferred);
  for (const name of fs.readdirSync(root)) {
    const dir = path.join(root, name);
    if (name.startsWith(`${account}.`) && ownDirProblem(dir) === undefined) return shared(dir);
  }
  const alternative = path.join(root, `${account}.${process.pid}-${Date.now().toString(36)}`);
  if (createOwnDir(alternative)) return shared(alternative);
  throw new LeaseError(`this account's directory in it cannot be created`);
}

/** True when `dir` was created now; false when the name exists already. */
function createOwnDir(dir: string): boolean {
  try {
    fs.mkdirSync(dir, 0o755);
    return true;
  } catch (error) {
    if (code(error) === 'EEXIST') return false;
    throw new LeaseError(`this account's directory ${dir} cannot be created (${code(error)})`);
  }
}

/** Makes this account's directory readable by every account whatever the umask (checked ours first). */
function shared(dir: string): string {
  const problem = ownDirProblem(dir);
  if (problem) throw new LeaseError(`this account's directory ${dir} cannot be used: ${problem}`);
  if (!windows && (lstat(dir)!.mode & 0o755) !== 0o755) fs.chmodSync(dir, 0o755);
  return dir;
}

/** Why `dir` is not this account's own lease directory, or undefined when it is. */
export function ownDirProblem(dir: string): string | undefined {
  const stat = lstat(dir);
  if (!stat) return 'it does not exist';
  if (stat.isSymbolicLink() || !stat.isDirectory()) return 'it is not a directory';
  // Windows: Node shows no owner or ACL (stat's uid is 0), and asking icacls is a program run
  // on every step (one process per directory; 80 ms under Wine). %ProgramData% lets any account
  // make folders and add files in another's, so the default location trusts the host's
  // accounts; docs/guarantee.md says so, and how an administrator sets up a lease-dir that does not.
  if (windows) return undefined;
  if (stat.uid !== process.getuid!()) return `it belongs to uid ${stat.uid}`;
  if (stat.mode & 0o022) return 'others can write to it';
  return undefined;
}

/** Checks, before any write or removal, that `dir` is still this account's own directory. */
export function assertOwnDir(dir: string): void {
  const problem = ownDirProblem(dir);
  if (problem) throw new LeaseError(`The lease directory ${dir} cannot be used: ${problem}`);
}

/**
 * Every directory whose lease files count: each account's directory in the root, the
 * root itself and, for the default root, 1.0.0's default directory (see legacy-layout.ts). Every real directory in the root counts,
 * whatever its name (an account's own is named by its uid, `1001` or `1001.<suffix>`,
 * but a renamed one must still count: the owner of a sticky root may rename another
 * account's directory, never move it out). One directory read gives each entry's type
 * (d_type; Node falls back to lstat where the filesystem does not say), so links and
 * files cost no lookup.
 */
export function leaseDirs(location: Pick<LeaseLocation, 'root' | 'legacy'>): string[] {
  const dirs = [location.root];
  if (location.legacy) dirs.push(location.legacy);
  for (const entry of fs.readdirSync(location.root, { withFileTypes: true })) {
    if (entry.isDirectory()) dirs.push(path.join(location.root, entry.name));
  }
  return dirs;
}

/** `{ legacy }` when `root` is the default root and 1.0.0's default directory is a real directory; else nothing. */
export function legacyOf(root: string): Pick<LeaseLocation, 'legacy'> {
  const legacy = legacyDefaultDir();
  return root === defaultLeaseRoot() && lstat(legacy)?.isDirectory() ? { legacy } : {};
}

function lstat(file: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(file);
  } catch (error) {
    if (code(error) === 'ENOENT' || code(error) === 'ENOTDIR') return undefined;
    throw new LeaseError(`it cannot be read (${code(error)})`);
  }
}

function code(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

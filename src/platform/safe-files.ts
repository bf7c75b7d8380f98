import fs from 'node:fs';
import path from 'node:path';

/**
 * Files written where a checkout, another account or the kernel could lay a
 * trap: a symbolic link to a file elsewhere (a pull request can add one), a FIFO
 * that blocks the writer, or procfs/sysfs, where Node's recursive mkdir loops.
 *
 * The rule for a path (made absolute against the working directory):
 * - nothing on a kernel pseudo-filesystem (procfs, sysfs...), however it is reached;
 * - below the working directory no component may be a symbolic link: the
 *   checkout decides what is there;
 * - elsewhere a symbolic link in a directory component is followed only when
 *   root or this user owns it (system links such as macOS's /tmp); one another
 *   account planted in a shared directory is refused. On Windows, where Node shows
 *   no owner, only links on the way to the working directory are followed;
 * - missing directories are created one level at a time, each checked after;
 * - the file itself is never followed or opened: an existing one must be a
 *   regular file, and it is replaced by a new file renamed over it, so a hard
 *   link to another file is never written through.
 */
export class UnsafePathError extends Error {
  override name = 'UnsafePathError';
}

/** A file that is not what a reader may read: `why` says what it is instead ("a symbolic link"). */
export class NotARegularFileError extends UnsafePathError {
  override name = 'NotARegularFileError';
  readonly why: string;

  constructor(file: string, why: string) {
    super(`${file} is ${why}`);
    this.why = why;
  }
}

/**
 * Kernel pseudo-filesystems, by statfs type (statfs(2) magic numbers): nothing is
 * created there (procfs makes Node's recursive mkdir loop) and nothing read from
 * there is a file someone wrote.
 */
const PSEUDO_TYPES = new Map([
  [0x9fa0, 'procfs'],
  [0x62656572, 'sysfs'],
  [0x27e0eb, 'cgroupfs'],
  [0x63677270, 'cgroup2fs'],
  [0x64626720, 'debugfs'],
]);

/** Where they are mounted by convention, for paths that do not exist yet (statfs needs an existing one). */
const PSEUDO_PATHS: readonly [string, string][] = [
  ['/proc', 'procfs'],
  ['/sys', 'sysfs'],
];

/**
 * The kernel pseudo-filesystem `file` is on (`'procfs'`), or undefined when it is on a
 * real one: by the statfs type of `file` or of its nearest existing ancestor, which a
 * bind mount or a link elsewhere cannot hide, and by its absolute path. Never on Windows,
 * which has none (and where `C:\proc` is an ordinary folder anyone may create).
 */
export function pseudoFilesystem(file: string): string | undefined {
  if (process.platform === 'win32') return undefined;
  const absolute = path.resolve(file);
  const byPath = PSEUDO_PATHS.find(([root]) => absolute === root || absolute.startsWith(`${root}/`));
  if (byPath) return byPath[1];
  for (let dir = absolute; ; dir = path.dirname(dir)) {
    try {
      return PSEUDO_TYPES.get(Number(fs.statfsSync(dir).type));
    } catch {
      if (dir === path.dirname(dir)) return undefined;
    }
  }
}

function below(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * Whether a symbolic link (or, on Windows, a junction) at `link` may be followed (see
 * the rule above). Windows shows no owner through Node, so there a link is followed
 * only on the way to the working directory (the runner's `_work` on a junction, say),
 * never below it nor anywhere else.
 */
function trustedLink(link: string, stat: fs.Stats, workdirs: readonly string[]): boolean {
  if (workdirs.some((dir) => below(dir, link))) return false;
  if (process.platform === 'win32') return workdirs.some((dir) => dir === link || below(link, dir));
  return stat.uid === 0 || stat.uid === process.getuid?.();
}

/**
 * Makes sure directory `dir` exists, creating what is missing one level at a
 * time, and returns its real path. Throws UnsafePathError when the rule above
 * refuses a component, or the fs error when a directory cannot be created.
 */
export function makeDirectories(dir: string, workdir = process.cwd()): string {
  const workdirs = [...new Set([path.resolve(workdir), fs.realpathSync(workdir)])];
  const absolute = path.resolve(workdir, dir);
  const pseudo = pseudoFilesystem(absolute);
  if (pseudo) throw new UnsafePathError(`${absolute} is on ${pseudo}, a kernel pseudo-filesystem`);
  const { root } = path.parse(absolute);
  let current = root;
  for (const part of absolute.slice(root.length).split(path.sep).filter(Boolean)) {
    const next = path.join(current, part);
    let stat = lstatOrUndefined(next);
    if (!stat) {
      try {
        fs.mkdirSync(next);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      stat = fs.lstatSync(next); // checked after creating: something else may have raced us to the name
    }
    if (stat.isSymbolicLink()) {
      if (!trustedLink(next, stat, workdirs)) throw new UnsafePathError(`${next} is a symbolic link`);
      current = fs.realpathSync(next);
      const leadsTo = pseudoFilesystem(current);
      if (leadsTo) throw new UnsafePathError(`${next} leads to ${current}, on ${leadsTo}, a kernel pseudo-filesystem`);
      if (!fs.statSync(current).isDirectory()) throw new UnsafePathError(`${next} is not a directory`);
      continue;
    }
    if (!stat.isDirectory()) throw new UnsafePathError(`${next} is not a directory`);
    current = next;
  }
  return current;
}

function lstatOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Open flags that never follow a final symbolic link nor block on a FIFO (where the OS has them). */
export const NO_FOLLOW = (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0);

/**
 * Reads a file that others could have planted or swapped: never through a symbolic
 * link (O_NOFOLLOW), never blocking on a FIFO or device (O_NONBLOCK, then fstat must say
 * regular file), never more than `maxBytes`. Returns its text and its fstat.
 * @throws NotARegularFileError ("a symbolic link", "not a regular file", "larger than N
 *   bytes"), or the fs error (ENOENT when it is missing).
 */
export function readRegularFile(file: string, maxBytes: number): { text: string; stat: fs.Stats } {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | NO_FOLLOW);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new NotARegularFileError(file, 'a symbolic link');
    throw error;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new NotARegularFileError(file, 'not a regular file');
    if (stat.size > maxBytes) throw new NotARegularFileError(file, `larger than ${maxBytes} bytes`);
    // One byte more: a file that grew since fstat shows as longer than its size. Not
    // zero-filled: only the bytes read are ever looked at.
    const buffer = Buffer.allocUnsafe(stat.size + 1);
    const length = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return { text: buffer.toString('utf8', 0, length), stat };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Creates `file` and writes `data` to it: never an existing file, never through a
 * symbolic link (O_EXCL, O_NOFOLLOW). With `mode`, the file gets exactly that mode
 * whatever the umask (files other accounts must read); without, 0666 less the umask.
 * @throws the fs error; a file created and not fully written is removed.
 */
export function writeNewFile(file: string, data: string, mode?: number): void {
  const fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | NO_FOLLOW, mode ?? 0o666);
  try {
    try {
      if (mode !== undefined && process.platform !== 'win32') fs.fchmodSync(fd, mode);
      fs.writeFileSync(fd, data);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw error;
  }
}

/**
 * rename() over an existing name: atomic on every OS, so a reader sees the old file or
 * the new, never half. Windows refuses it (EPERM, EBUSY, EACCES) while another process
 * has the target open without FILE_SHARE_DELETE (a virus scanner, say; Node itself always
 * shares): tried again a few times, 10 ms apart, before failing.
 */
export function renameOver(from: string, to: string): void {
  for (let attempt = 1; ; attempt++) {
    try {
      fs.renameSync(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (process.platform !== 'win32' || !['EPERM', 'EBUSY', 'EACCES'].includes(code) || attempt >= 5) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}

/**
 * Replaces `file` with `data` by way of `temp`, a new file in the same directory:
 * written with writeNewFile, then renamed over `file`. No temporary file is left on error.
 */
export function replaceThrough(temp: string, file: string, data: string, mode?: number): void {
  try {
    writeNewFile(temp, data, mode);
    renameOver(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** A file written in full under a temporary name, waiting to be renamed over its target. */
export interface StagedFile {
  /** The real path it will have. */
  readonly target: string;
  /** Renames it into place. @throws the fs error (the temporary file is then removed). */
  commit(): void;
  /** Removes it; the target is left as it was. Never throws. */
  abort(): void;
}

/**
 * Writes `data` for `file` by the rule above (directories made safely; an existing entry
 * must be a regular file, not a link, FIFO, device or directory), under a new name in
 * the same directory, so that renaming it over `file` (commit) is the only change a
 * reader can see, and abort leaves `file` as it was.
 * @throws UnsafePathError or the fs error; on error no temporary file is left.
 */
export function stageFile(file: string, data: string, workdir = process.cwd()): StagedFile {
  const absolute = path.resolve(workdir, file);
  const dir = makeDirectories(path.dirname(absolute), workdir);
  const target = path.join(dir, path.basename(absolute));
  const existing = lstatOrUndefined(target);
  if (existing?.isSymbolicLink()) throw new UnsafePathError(`${target} is a symbolic link`);
  if (existing && !existing.isFile()) throw new UnsafePathError(`${target} is not a regular file`);
  const temp = path.join(dir, `.${path.basename(absolute)}.${process.pid}.${Date.now()}.tmp`);
  writeNewFile(temp, data);
  const abort = () => fs.rmSync(temp, { force: true });
  return {
    target,
    commit: () => {
      try {
        renameOver(temp, target);
      } catch (error) {
        abort();
        throw error;
      }
    },
    abort,
  };
}

/** stageFile, then commit: writes `file` whole or not at all. Returns the real path written. */
export function replaceFile(file: string, data: string, workdir = process.cwd()): string {
  const staged = stageFile(file, data, workdir);
  staged.commit();
  return staged.target;
}

import fs from 'node:fs';
import path from 'node:path';

/**
 * Files written where a checkout, another account or the kernel could lay a
 * trap: a symbolic link to a file elsewhere (a pull request can add one), a FIFO
 * that blocks the writer, or procfs/sysfs, where Node's recursive mkdir loops.
 *
 * The rule for a path (made absolute against the working directory):
 * - nothing under /proc, /sys or /dev, however it is reached;
 * - below the working directory no component may be a symbolic link: the
 *   checkout decides what is there;
 * - elsewhere a symbolic link in a directory component is followed only when
 *   root or this user owns it (system links such as macOS's /tmp); one another
 *   account planted in a shared directory is refused. On Windows none is followed;
 * - missing directories are created one level at a time, each checked after;
 * - the file itself is never followed or opened: an existing one must be a
 *   regular file, and it is replaced by a new file renamed over it, so a hard
 *   link to another file is never written through.
 */
export class UnsafePathError extends Error {
  override name = 'UnsafePathError';
}

/** Pseudo-filesystems: nothing is written there (procfs makes recursive mkdir loop; devices and FIFOs block). */
const PSEUDO = ['/proc', '/sys', '/dev'];

export function isPseudoFilesystem(file: string): boolean {
  return process.platform !== 'win32' && PSEUDO.some((root) => file === root || file.startsWith(`${root}/`));
}

function below(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Whether a symbolic link at `link` may be followed (see the rule above). */
function trustedLink(link: string, stat: fs.Stats, workdirs: readonly string[]): boolean {
  if (process.platform === 'win32' || workdirs.some((dir) => below(dir, link))) return false;
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
  if (isPseudoFilesystem(absolute)) throw new UnsafePathError(`${absolute} is on a kernel pseudo-filesystem`);
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
      if (isPseudoFilesystem(current)) throw new UnsafePathError(`${next} leads to ${current}, a kernel pseudo-filesystem`);
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
 * Opens an existing file for reading without following a symbolic link or
 * blocking on a FIFO, and checks it is a regular file. Returns the descriptor
 * (the caller closes it). Throws UnsafePathError for anything but a regular
 * file (ELOOP from O_NOFOLLOW is reported as a link), the fs error otherwise.
 */
export function openRegularFile(file: string): number {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | NO_FOLLOW);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new UnsafePathError(`${file} is a symbolic link`);
    throw error;
  }
  if (!fs.fstatSync(fd).isFile()) {
    fs.closeSync(fd);
    throw new UnsafePathError(`${file} is not a regular file`);
  }
  return fd;
}

/**
 * Writes `data` to `file` by the rule above: directories made safely, an
 * existing entry must be a regular file (not a link, FIFO, device or
 * directory), and the data goes to a new file (O_EXCL, O_NOFOLLOW) renamed
 * over the old one, so nothing is ever written through a link and a reader
 * sees the old content or the new, never half. Returns the real path written.
 * Throws UnsafePathError or the fs error; on error no temporary file is left.
 */
export function replaceFile(file: string, data: string, workdir = process.cwd()): string {
  const absolute = path.resolve(workdir, file);
  const dir = makeDirectories(path.dirname(absolute), workdir);
  const target = path.join(dir, path.basename(absolute));
  const existing = lstatOrUndefined(target);
  if (existing?.isSymbolicLink()) throw new UnsafePathError(`${target} is a symbolic link`);
  if (existing && !existing.isFile()) throw new UnsafePathError(`${target} is not a regular file`);
  const temp = path.join(dir, `.${path.basename(absolute)}.${process.pid}.${Date.now()}.tmp`);
  const flags = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | NO_FOLLOW;
  const fd = fs.openSync(temp, flags, 0o666);
  try {
    try {
      fs.writeFileSync(fd, data);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  return target;
}

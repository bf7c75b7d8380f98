import fs from 'node:fs';
import type { StagedFile } from '../platform/safe-files.ts';

/** Text to append to one of the runner's files (GITHUB_OUTPUT, GITHUB_ENV, ...), which must exist. */
export interface Append {
  file: string;
  text: string;
}

/**
 * Appends each text to its file, then commits `staged` (the env-file), all or nothing:
 * every file is opened before anything is written (a missing one fails first), and on
 * any failure (a full disk, a file that cannot be written) each file is cut back to the
 * size it had and the staged file is dropped, so the runner reads none of it. Without
 * O_CREAT, as in @actions/core: a missing file is an error, not a new file nobody reads.
 * @throws the first fs error.
 */
export function appendAll(appends: readonly Append[], staged: readonly StagedFile[] = []): void {
  const opened: { fd: number; size: number; text: string }[] = [];
  try {
    for (const { file, text } of appends) {
      const fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_APPEND);
      opened.push({ fd, size: fs.fstatSync(fd).size, text });
    }
    for (const { fd, text } of opened) fs.writeFileSync(fd, text);
    for (const file of staged) file.commit();
  } catch (error) {
    for (const { fd, size } of opened) cutBack(fd, size);
    for (const file of staged) file.abort();
    throw error;
  } finally {
    for (const { fd } of opened) fs.closeSync(fd);
  }
}

/** Cuts a file back to `size`; one that cannot be cut (a device such as /dev/full) took nothing anyway. */
function cutBack(fd: number, size: number) {
  try {
    fs.ftruncateSync(fd, size);
  } catch {
    // nothing was written to it
  }
}

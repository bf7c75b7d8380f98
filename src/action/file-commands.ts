import { closeSync, constants, openSync, writeSync } from 'node:fs';
import { EOL } from 'node:os';
import { uniqueId } from '../unique-id.ts';

/**
 * The runner's file commands (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STATE), written
 * without node:crypto, which @actions/core loads for every step only to draw a
 * random heredoc delimiter (about 10 ms of start-up).
 *
 * The runner's parser (actions/runner `EnvFileKeyValuePairs`, `SetEnvFileCommand`)
 * reads a line as `name=value` when its first `=` comes before any `<<`, and the
 * value runs to the end of the line (LF; CRLF on Windows); otherwise as
 * `name<<DELIMITER`, with the value on the lines up to one equal to DELIMITER.
 * So a one-line value is written as `name=value`, which the parser reads back
 * exactly; any other value as a heredoc whose delimiter is checked to appear
 * in neither name nor value.
 */

/** The file-command files the runner reads after a step, by their GITHUB_ variable's suffix. */
export type FileCommand = 'OUTPUT' | 'ENV' | 'STATE';

/**
 * Formats one `name`/`value` pair as the runner reads it back, without the final line ending.
 * Throws when `name` is one the runner cannot read back (empty, or with `=`, `<`,
 * CR or LF) or when the delimiter turns up in the value.
 */
export function keyValueMessage(name: string, value: string, delimiter = newDelimiter()): string {
  if (name === '' || /[=<\r\n]/.test(name)) {
    throw new Error(
      `File command name ${JSON.stringify(name)} cannot be read back by the runner: it must be non-empty, without "=", "<" or line breaks`,
    );
  }
  if (!/[\r\n]/.test(value)) return `${name}=${value}`;
  if (value.includes(delimiter) || name.includes(delimiter)) {
    throw new Error(`Unexpected input: the value of ${name} contains the delimiter "${delimiter}"`);
  }
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}`;
}

/**
 * A heredoc delimiter for one value. It need not be secret: the values written
 * here are the action's own (ports, names, paths, JSON of those), and
 * keyValueMessage refuses a value that contains it.
 */
function newDelimiter(): string {
  return `ghadelimiter_${uniqueId()}`;
}

/**
 * Appends `name`/`value` to the file the runner names in GITHUB_<command>.
 * Returns false when that variable is unset (not under a runner), so the caller
 * can fall back to the older workflow command; throws when the file is missing.
 */
export function writeFileCommand(command: FileCommand, name: string, value: string): boolean {
  return writeFileCommands(command, [[name, value]]);
}

/**
 * Appends every `[name, value]` pair to the file of GITHUB_<command> in one write
 * (one open and close for the batch, not one per pair), each formatted as
 * keyValueMessage does; nothing is written when any pair cannot be. Returns false,
 * writing nothing, when the variable is unset; throws when the file is missing.
 */
export function writeFileCommands(command: FileCommand, pairs: readonly (readonly [string, string])[]): boolean {
  const file = process.env[`GITHUB_${command}`];
  if (!file) return false;
  if (pairs.length) appendLine(file, pairs.map(([name, value]) => keyValueMessage(name, value)).join(EOL));
  return true;
}

/**
 * Appends `line` and a line ending to `file`, which must exist: without O_CREAT a
 * missing file is an error (ENOENT), as in @actions/core, not a new file nobody reads.
 */
export function appendLine(file: string, line: string): void {
  const fd = openSync(file, constants.O_WRONLY | constants.O_APPEND);
  try {
    writeSync(fd, line + EOL);
  } finally {
    closeSync(fd);
  }
}

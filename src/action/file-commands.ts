import { EOL } from 'node:os';
import { uniqueId } from '../platform/ids.ts';

/**
 * The runner's file commands (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STATE), formatted
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

/**
 * Formats one `name`/`value` pair as the runner reads it back, without the final line ending.
 * Throws when `name` is one the runner cannot read back (empty, or with `=`, `<`,
 * CR or LF) or when the delimiter turns up in the value. `delimiter`: the heredoc delimiter
 * of a multi-line value; a fresh one when not given.
 */
export function keyValueMessage(name: string, value: string, delimiter?: string): string {
  if (name === '' || /[=<\r\n]/.test(name)) {
    throw new Error(
      `File command name ${JSON.stringify(name)} cannot be read back by the runner: it must be non-empty, without "=", "<" or line breaks`,
    );
  }
  if (!/[\r\n]/.test(value)) return `${name}=${value}`;
  // Drawn only for a value that needs one: a step writes thousands of one-line values.
  delimiter ??= newDelimiter();
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

/** Every `[name, value]` pair as keyValueMessage formats it, each on its own line: one append for a batch. */
export function formatFileCommands(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([name, value]) => keyValueMessage(name, value) + EOL).join('');
}

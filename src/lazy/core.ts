/**
 * @actions/core without node:crypto. The real index imports its file-command
 * module, which loads node:crypto (about 10 ms of every step's start-up) only to
 * draw random heredoc delimiters for outputs, environment and state. The bundle
 * maps `@actions/core` here (tsconfig.json "paths"; a bundler cannot map the
 * index's own relative import or a Node built-in): logging, inputs, state and the
 * paths are @actions/core 3's own code or behave exactly like it, and the three
 * file commands go through ../action/file-commands.ts.
 *
 * Not offered: `summary` and `markdownSummary`, whose module loads fs/promises
 * when imported (about 3 ms; the job summary is written in ../action/publish.ts),
 * and `getIDToken` and `platform`, which would load the HTTP client and
 * @actions/exec. The compiler checks callers against this module, so a call to
 * any of them fails the type check rather than the step.
 *
 * One difference: `debug` writes nothing under a runner whose step debug logging
 * is off, where the runner would drop the line (see there).
 */
import os from 'node:os';
import path from 'node:path';
import { issue, issueCommand } from '../../node_modules/@actions/core/lib/command.js';
import { toCommandProperties, toCommandValue } from '../../node_modules/@actions/core/lib/utils.js';
import { appendLine, writeFileCommand } from '../action/file-commands.ts';

type Core = typeof import('../../node_modules/@actions/core/lib/core.js');
export type { AnnotationProperties, InputOptions } from '../../node_modules/@actions/core/lib/core.js';
export { toPosixPath, toWin32Path, toPlatformPath } from '../../node_modules/@actions/core/lib/path-utils.js';

export enum ExitCode {
  Success = 0,
  Failure = 1,
}

export const getInput: Core['getInput'] = (name, options) => {
  const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
  if (options?.required && !value) throw new Error(`Input required and not supplied: ${name}`);
  return options?.trimWhitespace === false ? value : value.trim();
};

export const getMultilineInput: Core['getMultilineInput'] = (name, options) => {
  const lines = getInput(name, options)
    .split('\n')
    .filter((line) => line !== '');
  return options?.trimWhitespace === false ? lines : lines.map((line) => line.trim());
};

export const getBooleanInput: Core['getBooleanInput'] = (name, options) => {
  const value = getInput(name, options);
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new TypeError(
    `Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
      'Support boolean input list: `true | True | TRUE | false | False | FALSE`',
  );
};

export const setOutput: Core['setOutput'] = (name, value) => {
  if (writeFileCommand('OUTPUT', name, toCommandValue(value))) return;
  process.stdout.write(os.EOL);
  issueCommand('set-output', { name }, toCommandValue(value));
};

export const exportVariable: Core['exportVariable'] = (name, value) => {
  const converted = toCommandValue(value);
  process.env[name] = converted;
  if (!writeFileCommand('ENV', name, converted)) issueCommand('set-env', { name }, converted);
};

export const saveState: Core['saveState'] = (name, value) => {
  if (!writeFileCommand('STATE', name, toCommandValue(value))) issueCommand('save-state', { name }, toCommandValue(value));
};

export const getState: Core['getState'] = (name) => process.env[`STATE_${name}`] || '';

export const addPath: Core['addPath'] = (inputPath) => {
  const file = process.env.GITHUB_PATH;
  // GITHUB_PATH takes one path per line, with no name and no delimiter.
  if (file) appendLine(file, inputPath);
  else issueCommand('add-path', {}, inputPath);
  process.env.PATH = `${inputPath}${path.delimiter}${process.env.PATH}`;
};

export const setSecret: Core['setSecret'] = (secret) => issueCommand('add-mask', {}, secret);
export const setCommandEcho: Core['setCommandEcho'] = (enabled) => issue('echo', enabled ? 'on' : 'off');
export const isDebug: Core['isDebug'] = () => process.env.RUNNER_DEBUG === '1';
/**
 * A runner shows `::debug::` lines only with step debug logging on, and then sets
 * RUNNER_DEBUG=1 for the step; under a runner without it, the line would be dropped
 * unseen, so it is not written (nor its escaping done). Elsewhere it is always written.
 */
export const debug: Core['debug'] = (message) => {
  if (process.env.GITHUB_ACTIONS === 'true' && !isDebug()) return;
  issueCommand('debug', {}, message);
};
export const info: Core['info'] = (message) => void process.stdout.write(message + os.EOL);
export const startGroup: Core['startGroup'] = (name) => issue('group', name);
export const endGroup: Core['endGroup'] = () => issue('endgroup');

const annotation =
  (command: 'error' | 'warning' | 'notice'): Core['error'] =>
  (message, properties = {}) =>
    issueCommand(command, toCommandProperties(properties), message instanceof Error ? message.toString() : message);
export const error = annotation('error');
export const warning = annotation('warning');
export const notice = annotation('notice');

export const setFailed: Core['setFailed'] = (message) => {
  process.exitCode = ExitCode.Failure;
  error(message);
};

export const group: Core['group'] = async (name, fn) => {
  startGroup(name);
  try {
    return await fn();
  } finally {
    endGroup();
  }
};

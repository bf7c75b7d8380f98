import os from 'node:os';

/**
 * The runner's side of a JavaScript action, as much of it as Port Zero uses: inputs
 * and saved state from the environment, log lines and workflow commands on stdout.
 * Outputs, environment and state go through the runner's files (file-commands.ts,
 * written by publish.ts). It stands in for @actions/core, which every step would
 * otherwise load whole: its bundle is about 1 MB (most of it the HTTP client for OIDC
 * tokens) and node:crypto, and a step that loads it took 149-216 ms against 75-93 ms
 * for a bare Node 24 start (30 runs each, whole processes; bench/NOTES.md). The
 * behaviour is the toolkit's, read from actions/toolkit packages/core (command.ts, core.ts).
 */

/** An input as the runner passes it: `INPUT_<NAME>` (upper-cased, spaces to `_`, hyphens kept), trimmed. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** A value the main step saved, as the runner passes it to the post step: `STATE_<name>`, or empty. */
export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? '';
}

/** One log line (or several, joined with line breaks). */
export function info(message: string): void {
  process.stdout.write(message + os.EOL);
}

/**
 * A debug line. A runner shows `::debug::` lines only with step debug logging on, and
 * then sets RUNNER_DEBUG=1 for the step; under a runner without it, the line would be
 * dropped unseen, so it is not written. Elsewhere (a shell, a test) it is always written.
 */
export function debug(message: string): void {
  if (process.env.GITHUB_ACTIONS === 'true' && process.env.RUNNER_DEBUG !== '1') return;
  issue('debug', message);
}

/** A warning annotation. */
export function warning(message: string): void {
  issue('warning', message);
}

/** An error annotation. */
export function error(message: string): void {
  issue('error', message);
}

/** Fails the step: exit code 1 and an error annotation. Called once, at the top of a step. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

/** Folds the lines that follow, up to endGroup, under `title` in the log. */
export function startGroup(title: string): void {
  issue('group', title);
}

export function endGroup(): void {
  issue('endgroup', '');
}

/**
 * Writes `::command::data` with the data escaped as the runner unescapes it (% as %25,
 * CR as %0D, LF as %0A), so no text in a message can start a workflow command of its own.
 */
export function issue(command: string, data: string): void {
  process.stdout.write(`::${command}::${escapeData(data)}${os.EOL}`);
}

function escapeData(data: string): string {
  return data.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

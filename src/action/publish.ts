import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';
import * as core from '@actions/core';
import { Input } from '../settings/constants.ts';
import { errorMessage, InputError } from '../errors.ts';
import { dotenv, type Results } from '../settings/results.ts';
import { replaceFile, UnsafePathError } from '../platform/safe-files.ts';
import { writeFileCommands } from './file-commands.ts';

/**
 * Writes the dotenv file before anything else, so a path that cannot be used
 * fails the step with nothing written. The file is written by the rule of
 * safe-files.ts: never through a symbolic link, never to a FIFO, device or
 * kernel pseudo-filesystem. Throws InputError naming `env-file`.
 */
export function writeEnvFile(file: string, results: Results): void {
  if (!file) return;
  try {
    replaceFile(file, dotenv(results.variables));
  } catch (error) {
    const why =
      error instanceof UnsafePathError
        ? error.message
        : `it cannot be written (${(error as NodeJS.ErrnoException).code ?? errorMessage(error)})`;
    throw new InputError(
      Input.EnvFile,
      file,
      `${why}; name a regular file in a directory this job owns, such as \${{ runner.temp }}/ports.env`,
    );
  }
  core.debug(`wrote ${file}`);
}

const GROUP_ABOVE = 20;

/** Writes outputs and environment, then the summary. Called only once everything is known. */
export function publish(results: Results, summary: boolean): void {
  // A long list stays readable folded in a group; a few lines are shown as they are.
  const long = results.rows.length > GROUP_ABOVE;
  if (long) core.startGroup(`Port Zero: ${results.rows.length} ports`);
  const lines = results.rows.map(
    (row) => `${row.name} -> ${row.port}` + (results.exportEnv ? ` (${row.envName})` : '') + `, protected by ${results.protection}`,
  );
  core.info(lines.join(EOL)); // one write for the list
  if (long) core.endGroup();
  setOutputs(results.outputs);
  if (results.exportEnv) exportVariables(results.variables);
  if (summary) writeSummary(results);
}

/**
 * core.setOutput for each output, written to GITHUB_OUTPUT in one go (a step sets
 * one per name and four more); the workflow command where there is no such file.
 */
function setOutputs(outputs: Record<string, string>) {
  const pairs = Object.entries(outputs);
  if (!writeFileCommands('OUTPUT', pairs)) for (const [name, value] of pairs) core.setOutput(name, value);
}

/** core.exportVariable for each variable, written to GITHUB_ENV in one go. */
function exportVariables(variables: Record<string, string>) {
  const pairs = Object.entries(variables);
  if (!writeFileCommands('ENV', pairs)) for (const [name, value] of pairs) core.exportVariable(name, value);
  else Object.assign(process.env, variables); // as core.exportVariable does, for the rest of this process
}

/**
 * The job summary: a heading and a table, appended synchronously. Written here
 * rather than with core.summary, whose module loads fs/promises (with readline
 * and the file watchers) as soon as it is imported: about 3 ms of every step's
 * start-up, summary or not.
 */
function writeSummary(results: Results) {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) {
    core.debug('GITHUB_STEP_SUMMARY is not set: no job summary');
    return;
  }
  const header = ['Name', 'Port', 'Environment variable', 'Protocol', 'Protected by'];
  const rows = results.rows.map((r) => [r.name, String(r.port), results.exportEnv ? r.envName : '', results.protocol, results.protection]);
  const table = [tableRow('th', header), ...rows.map((cells) => tableRow('td', cells))].join('');
  // Protection the step could not give (leases, say) is listed under the table.
  const notes = results.notes?.length ? `<ul>${results.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>${EOL}` : '';
  appendFileSync(file, `<h3>Port Zero</h3>${EOL}<table>${table}</table>${EOL}${notes}${EOL}`);
}

export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export function tableRow(tag: 'th' | 'td', cells: string[]): string {
  return `<tr>${cells.map((cell) => `<${tag}>${escapeHtml(cell)}</${tag}>`).join('')}</tr>`;
}

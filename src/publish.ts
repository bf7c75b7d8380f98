import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import { Input } from './constants.ts';
import { errorMessage, InputError } from './errors.ts';
import { dotenv, type Results } from './results.ts';

/** Writes the dotenv file first of all: a path that cannot be written fails the step before anything else is written. */
export function writeEnvFile(file: string, results: Results): void {
  if (!file) return;
  const fail = (what: string, error: unknown) =>
    new InputError(Input.EnvFile, file, `${what} (${(error as NodeJS.ErrnoException).code ?? errorMessage(error)})`);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
  } catch (error) {
    throw fail(`its directory ${path.dirname(file)} cannot be created`, error);
  }
  try {
    writeFileSync(file, dotenv(results.variables));
  } catch (error) {
    throw fail('the file cannot be written', error);
  }
  core.debug(`wrote ${file}`);
}

/** Writes outputs and environment, then the summary. Called only once everything is known. */
export async function publish(results: Results, summary: boolean): Promise<void> {
  for (const row of results.rows) {
    core.info(`${row.name} -> ${row.port}` + (results.exportEnv ? ` (${row.envName})` : ''));
  }
  for (const [name, value] of Object.entries(results.outputs)) core.setOutput(name, value);
  if (results.exportEnv) for (const [name, value] of Object.entries(results.variables)) core.exportVariable(name, value);
  if (summary) await writeSummary(results);
}

async function writeSummary(results: Results) {
  const header = ['Name', 'Port', 'Environment variable', 'Protocol', 'Protected by'].map((data) => ({ data, header: true }));
  const rows = results.rows.map((r) => [r.name, String(r.port), results.exportEnv ? r.envName : '', results.protocol, results.protection]);
  await core.summary
    .addHeading('Port Zero', 3)
    .addTable([header, ...rows])
    .write();
}

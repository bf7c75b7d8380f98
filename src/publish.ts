import * as core from '@actions/core';
import type { Results } from './results.ts';

/** Writes outputs and environment. Called only once everything is known, so a failure earlier writes nothing. */
export function publish(results: Results): void {
  for (const row of results.rows) {
    core.info(`${row.name} -> ${row.port}` + (row.envName in results.env ? ` (${row.envName})` : ''));
  }
  for (const [name, value] of Object.entries(results.outputs)) core.setOutput(name, value);
  for (const [name, value] of Object.entries(results.env)) core.exportVariable(name, value);
}

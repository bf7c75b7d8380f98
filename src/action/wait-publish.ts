import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';
import * as core from '@actions/core';
import { WaitOutput } from '../settings/constants.ts';
import { accountText, belongingText, processText, resultsJson, seconds } from '../readiness/describe.ts';
import type { PortReadiness } from '../readiness/wait-loop.ts';
import { writeFileCommands } from './file-commands.ts';
import { tableRow } from './publish.ts';

/** Outputs (`<name>-pid` for each, empty where the pid is unknown, and `json`), then the job summary. */
export function publishWait(results: readonly PortReadiness[], summary: boolean): void {
  const pairs: [string, string][] = results.map((r) => [
    `${r.target.name}${WaitOutput.PidSuffix}`,
    r.owner.pid === null ? '' : String(r.owner.pid),
  ]);
  pairs.push([WaitOutput.Json, resultsJson(results)]);
  if (!writeFileCommands('OUTPUT', pairs)) for (const [name, value] of pairs) core.setOutput(name, value);
  if (summary) writeSummary(results);
}

function writeSummary(results: readonly PortReadiness[]) {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) {
    core.debug('GITHUB_STEP_SUMMARY is not set: no job summary');
    return;
  }
  const header = ['Name', 'Port', 'Ready after', 'Listening on', 'Process', 'Account', 'Belongs to'];
  const rows = results.map((r) => [
    r.target.byNumber ? '' : r.target.name,
    String(r.target.port),
    seconds(r.ms),
    r.listening.join(', '),
    processText(r.owner),
    accountText(r.owner).replace(/^account /, ''),
    belongingText(r.owner),
  ]);
  const table = [tableRow('th', header), ...rows.map((cells) => tableRow('td', cells))].join('');
  appendFileSync(file, `<h3>Port Zero: servers ready</h3>${EOL}<table>${table}</table>${EOL}${EOL}`);
}

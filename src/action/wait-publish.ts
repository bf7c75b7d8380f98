import { EOL } from 'node:os';
import { WaitOutput } from '../text/names.ts';
import { accountText, belongingText, processText, resultsJson, seconds } from '../readiness/describe.ts';
import type { PortReadiness } from '../readiness/wait-loop.ts';
import { formatFileCommands } from './file-commands.ts';
import { issueOlderCommands, tableRow } from './publish.ts';
import { appendAll, type Append } from './step-files.ts';
import { debug } from './workflow-commands.ts';

/** Outputs (`<name>-pid` for each, empty where the pid is unknown, and `json`), then the job summary. */
export function publishWait(results: readonly PortReadiness[], summary: boolean): void {
  const pairs: [string, string][] = results.map((r) => [
    `${r.target.name}${WaitOutput.PidSuffix}`,
    r.owner.pid === null ? '' : String(r.owner.pid),
  ]);
  pairs.push([WaitOutput.Json, resultsJson(results)]);
  const appends: Append[] = [];
  const output = process.env.GITHUB_OUTPUT;
  if (output) appends.push({ file: output, text: formatFileCommands(pairs) });
  const summaryFile = process.env.GITHUB_STEP_SUMMARY;
  if (summary && summaryFile) appends.push({ file: summaryFile, text: summaryTable(results) });
  if (summary && !summaryFile) debug('GITHUB_STEP_SUMMARY is not set: no job summary');
  appendAll(appends);
  if (!output) issueOlderCommands('GITHUB_OUTPUT', pairs);
}

function summaryTable(results: readonly PortReadiness[]): string {
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
  return `<h3>Port Zero: servers ready</h3>${EOL}<table>${table}</table>${EOL}${EOL}`;
}

import { EOL } from 'node:os';
import { errorMessage, InputError } from '../errors.ts';
import { stageFile, UnsafePathError, type StagedFile } from '../platform/safe-files.ts';
import { jobPortsAppend } from '../session/job-ports.ts';
import { LEASES_VARIABLE, leasesValue } from '../session/inherited-ports.ts';
import { encodeState } from '../session/post-state.ts';
import type { Session } from '../session/session.ts';
import { Input } from '../text/names.ts';
import { dotenv, stepOutputs, variables } from '../text/results.ts';
import { formatFileCommands } from './file-commands.ts';
import type { ActionSettings } from './inputs.ts';
import { appendAll, type Append } from './step-files.ts';
import { debug, endGroup, info, issue, startGroup } from './workflow-commands.ts';

/**
 * Hands a session's ports to the rest of the job: the env-file, step outputs,
 * environment, the state for the post step and the job summary, written all or none
 * (see appendAll), then the log lines. A failure writes nothing and throws; the caller
 * then undoes the session.
 * @throws InputError naming `env-file` when that path cannot be used; the fs error of a runner file.
 */
export function publish(session: Session, settings: ActionSettings): void {
  const staged = settings.envFile ? [stageEnvFile(settings.envFile, dotenv(session.rows))] : [];
  const envFile = staged[0]?.target ?? '';
  const commands: [string, [string, string][]][] = [
    ['GITHUB_OUTPUT', stepOutputs(session.rows, envFile)],
    ['GITHUB_ENV', settings.exportEnv ? exported(session) : []],
    ['GITHUB_STATE', encodeState(session.state)],
  ];
  const appends: Append[] = [];
  const unfiled: [string, [string, string][]][] = [];
  for (const [variable, pairs] of commands) {
    const file = process.env[variable];
    if (file && pairs.length) appends.push({ file, text: formatFileCommands(pairs) });
    else if (pairs.length) unfiled.push([variable, pairs]);
  }
  // The names for a later wait step of this job (wait/action.yml), written with the rest.
  const jobPorts = jobPortsAppend(session.rows.map((row) => ({ name: row.name, port: row.port, protocols: [...session.protocols] })));
  if (jobPorts) appends.push(jobPorts);
  const summaryFile = process.env.GITHUB_STEP_SUMMARY;
  if (settings.summary && summaryFile) appends.push({ file: summaryFile, text: summary(session, settings.exportEnv) });
  if (settings.summary && !summaryFile) debug('GITHUB_STEP_SUMMARY is not set: no job summary');
  appendAll(appends, staged);
  // Written: the rest of this process sees the variables too, as core.exportVariable would make it.
  if (settings.exportEnv) for (const [name, value] of variables(session.rows)) process.env[name] = value;
  log(session, settings.exportEnv);
  for (const [variable, pairs] of unfiled) issueOlderCommands(variable, pairs);
}

/**
 * The variables later steps get: each port's, and PORT_ZERO_LEASES, so that a test
 * suite's getPorts({ names }) in a later step gets the very ports this step handed out
 * (the job's runner process, which owns the leases, started that step).
 */
function exported(session: Session): [string, string][] {
  const leases = leasesValue(session);
  return [...variables(session.rows), ...(leases ? [[LEASES_VARIABLE, leases] as [string, string]] : [])];
}

/**
 * The dotenv file, staged so that it appears only with everything else. Never through a
 * symbolic link, never to a FIFO, device or kernel pseudo-filesystem (safe-files.ts).
 */
function stageEnvFile(file: string, text: string): StagedFile {
  try {
    return stageFile(file, text);
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
}

/** Above this many ports the list is folded in a group; a few lines are shown as they are. */
const GROUP_ABOVE = 20;

function log(session: Session, exportEnv: boolean) {
  const long = session.rows.length > GROUP_ABOVE;
  if (long) startGroup(`Port Zero: ${session.rows.length} ports`);
  const lines = session.rows.map(
    (row) => `${row.name} -> ${row.port}` + (exportEnv ? ` (${row.envName})` : '') + `, protected by ${session.protection}`,
  );
  info(lines.join(EOL)); // one write for the list
  if (long) endGroup();
}

/** Where the runner sets no file for a command (an older runner): the workflow commands it read before files. */
export function issueOlderCommands(variable: string, pairs: [string, string][]) {
  const command = { GITHUB_OUTPUT: 'set-output', GITHUB_ENV: 'set-env', GITHUB_STATE: 'save-state' }[variable];
  for (const [name, value] of pairs) issue(`${command} name=${escapeProperty(name)}`, value);
}

function escapeProperty(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A').replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/**
 * The job summary: a heading and a table; protection the step could not give (leases,
 * say) is listed under it. Written here rather than with core.summary, whose module
 * loads fs/promises (with readline and the file watchers) as soon as it is imported.
 */
function summary(session: Session, exportEnv: boolean): string {
  const header = ['Name', 'Port', 'Environment variable', 'Protocol', 'Protected by'];
  const protocol = session.protocols.join('+');
  const rows = session.rows.map((r) => [r.name, String(r.port), exportEnv ? r.envName : '', protocol, session.protection]);
  const table = [tableRow('th', header), ...rows.map((cells) => tableRow('td', cells))].join('');
  const notes = session.notes.length ? `<ul>${session.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>${EOL}` : '';
  return `<h3>Port Zero</h3>${EOL}<table>${table}</table>${EOL}${notes}${EOL}`;
}

export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export function tableRow(tag: 'th' | 'td', cells: string[]): string {
  return `<tr>${cells.map((cell) => `<${tag}>${escapeHtml(cell)}</${tag}>`).join('')}</tr>`;
}

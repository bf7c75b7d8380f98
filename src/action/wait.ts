import { ACTION_VOCABULARY, errorMessage, InputError } from '../errors.ts';
import { parseBoolean } from '../text/text-request.ts';
import { WaitInput } from '../text/names.ts';
import { splitNames } from '../session/naming.ts';
import { readJobPorts } from '../session/job-ports.ts';
import { recordedNames } from '../readiness/name-sources.ts';
import type { JobIdentity } from '../readiness/ownership.ts';
import { waitForTargets } from '../readiness/wait-loop.ts';
import { parseProtocols, parseTimeoutSeconds, resolveTargets, type WaitTarget } from '../readiness/wait-request.ts';
import { belongingText, ownerText, readyLine, targetLabel } from '../readiness/describe.ts';
import { publishWait } from './wait-publish.ts';
import { debug, getInput, info, setFailed, warning } from './workflow-commands.ts';

/** The wait step's inputs, validated. */
export interface WaitSettings {
  targets: WaitTarget[];
  timeoutMs: number;
  foreign: 'fail' | 'report';
  summary: boolean;
}

const input = (setting: string) => ({ setting, vocabulary: ACTION_VOCABULARY });

/** Reads and checks every input; the names default to every name this job's earlier Port Zero steps handed out. */
export function parseWaitInputs(read: (name: string) => string = getInput): WaitSettings {
  const timeoutMs = parseTimeoutSeconds(read(WaitInput.Timeout) || '60', input(WaitInput.Timeout));
  const protocols = parseProtocols(read(WaitInput.Protocol) || 'tcp', input(WaitInput.Protocol));
  const onForeign = read(WaitInput.OnForeign) || 'fail';
  if (onForeign !== 'fail' && onForeign !== 'warn') throw new InputError(WaitInput.OnForeign, onForeign, 'fail or warn');
  const raw = read(WaitInput.Names);
  const given = splitNames(raw);
  // Read only when a name must be looked up: ports given by number need no record.
  const ports = given.every((token) => /^\d+$/.test(token)) && given.length ? [] : recordedPorts();
  const tokens = given.length ? given : ports.map((p) => p.name);
  if (tokens.length === 0) {
    throw new InputError(
      WaitInput.Names,
      raw,
      'no earlier Port Zero step of this job handed out ports, so name the ports to wait for by number',
    );
  }
  const targets = resolveTargets(tokens, recordedNames(ports), protocols, input(WaitInput.Names));
  return {
    targets,
    timeoutMs,
    foreign: onForeign === 'fail' ? 'fail' : 'report',
    summary: parseBoolean(WaitInput.Summary, read(WaitInput.Summary), true, ACTION_VOCABULARY),
  };
}

function recordedPorts() {
  const { ports, skipped } = readJobPorts();
  if (skipped) debug(`skipped ${skipped} unreadable lines of the job's port record`);
  return ports;
}

/** The job: its steps carry RUNNER_TRACKING_ID, and the runner's worker (this step's parent) started all of them. */
function stepJob(): JobIdentity {
  return {
    trackingId: process.env.RUNNER_TRACKING_ID || null,
    root: process.ppid,
    rootName: "the job's runner process",
    uid: process.getuid?.() ?? null,
  };
}

/** The wait step: each port reported as it becomes ready; outputs and the summary once all are. */
export async function run(): Promise<void> {
  try {
    const settings = parseWaitInputs();
    const job = stepJob();
    debug(
      `waiting for ${settings.targets.map((t) => `${t.name}=${t.port}/${t.protocols.join('+')}`).join(' ')}; job ${JSON.stringify(job)}`,
    );
    info(`Waiting up to ${settings.timeoutMs / 1000} s for ${settings.targets.map(targetLabel).join(', ')}`);
    const results = await waitForTargets(settings.targets, {
      timeoutMs: settings.timeoutMs,
      job,
      foreign: settings.foreign,
      debug: debug,
      onReady: (ready) => {
        info(readyLine(ready));
        for (const owner of ready.owners.filter((o) => o.belongs === 'foreign')) {
          warning(`${targetLabel(ready.target)}: ${ownerText(owner)}: ${belongingText(owner)}`);
        }
      },
    });
    publishWait(results, settings.summary);
  } catch (error) {
    setFailed(errorMessage(error));
  }
}

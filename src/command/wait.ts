/**
 * `port-zero wait [NAME|PORT ...]`: the wait for a shell, on the same code as the wait
 * action. Names come from this job's earlier Port Zero steps inside a GitHub Actions job,
 * else from the environment (`web` is WEB_PORT, as `export $(port-zero web)` set it).
 */
import { parseArgs } from 'node:util';
import { errorMessage, InputError } from '../errors.ts';
import { Input } from '../text/names.ts';
import { isUsageError, usageMessage } from './usage.ts';
import { commandVocabulary } from './vocabulary.ts';
import { callerIdentity } from '../leases/lease-owner.ts';
import { splitNames } from '../session/naming.ts';
import { readJobPorts } from '../session/job-ports.ts';
import { belongingText, ownerText, readyLine, resultsJson, targetLabel } from '../readiness/describe.ts';
import { environmentNames, recordedNames } from '../readiness/name-sources.ts';
import type { JobIdentity } from '../readiness/ownership.ts';
import { waitForTargets } from '../readiness/wait-loop.ts';
import { parseProtocols, parseTimeoutSeconds, resolveTargets, type Naming } from '../readiness/wait-request.ts';

export const WAIT_HELP = `Usage: port-zero wait [options] [NAME|PORT ...]

Waits until a server listens on each port (TCP: on any address; UDP: a
socket is bound to it), reading the kernel's socket table, and prints each
port as it becomes ready with the process that owns it. Fails at once when
a port is held by another job's or another account's process.

NAME is a name handed out earlier: by this job's Port Zero steps inside a
GitHub Actions job, else the port in its variable (web: WEB_PORT). Inside a
job, no names means every name the job's Port Zero steps handed out.

Options:
      --timeout S      give up after S seconds (default 60, at most 86400)
      --protocol P     tcp (default), udp or tcp,udp, for ports given by number
                       and names taken from variables
      --on-foreign A   fail (default) or warn, for a port another job's or
                       account's process holds
      --env-prefix P   the prefix of the variables (E2E_: E2E_WEB_PORT)
      --json           print one JSON object from name to result at the end
  -h, --help           show this help

Exit codes: 0 all ready, 1 a time-out or another program's listener, 2 bad arguments.`;

const OPTIONS = {
  timeout: { type: 'string' },
  protocol: { type: 'string' },
  'on-foreign': { type: 'string' },
  'env-prefix': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const WORDS = commandVocabulary();
const option = (setting: string): Naming => ({ setting, vocabulary: WORDS });

/** The targets the arguments name, and the wait's settings. Throws InputError. */
function parseWaitArgs(args: string[]) {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  const timeoutMs = parseTimeoutSeconds(values.timeout ?? '60', option('timeout'));
  const protocols = parseProtocols(values.protocol ?? 'tcp', option('protocol'));
  const onForeign = values['on-foreign'] ?? 'fail';
  if (onForeign !== 'fail' && onForeign !== 'warn') throw new InputError('on-foreign', onForeign, 'fail or warn', WORDS);
  const tokens = positionals.flatMap(splitNames);
  // The job's record, read only when a name must be looked up.
  const recorded = tokens.length && tokens.every((t) => /^\d+$/.test(t)) ? [] : readJobPorts().ports;
  const names = recorded.length ? recordedNames(recorded) : environmentNames(process.env, values['env-prefix'] ?? '', protocols);
  const wanted = tokens.length ? tokens : recorded.map((p) => p.name);
  if (wanted.length === 0)
    throw new InputError(Input.Names, '', 'name at least one port (a name whose variable is set, or a number)', WORDS);
  const targets = resolveTargets(wanted, names, protocols, option(Input.Names));
  return { targets, timeoutMs, foreign: onForeign === 'fail' ? ('fail' as const) : ('report' as const), json: values.json ?? false };
}

/** The caller (the shell or script, looked past npx and npm) and its descendants are the job; and, inside a job, its RUNNER_TRACKING_ID. */
function callerJob(): JobIdentity {
  return {
    trackingId: process.env.RUNNER_TRACKING_ID || null,
    root: callerIdentity().pid,
    rootName: 'the calling shell',
    uid: process.getuid?.() ?? null,
  };
}

/**
 * Runs `port-zero wait` with `args` (the words after `wait`); prints to stdout and
 * stderr, and returns the exit code: 0 all ready, 1 time-out or a foreign listener, 2 bad arguments.
 */
export async function waitCommand(args: string[]): Promise<number> {
  try {
    if (args.includes('-h') || args.includes('--help')) {
      process.stdout.write(`${WAIT_HELP}\n`);
      return 0;
    }
    const { targets, timeoutMs, foreign, json } = parseWaitArgs(args);
    const results = await waitForTargets(targets, {
      timeoutMs,
      job: callerJob(),
      foreign,
      onReady: (ready) => {
        if (!json) process.stdout.write(`${readyLine(ready)}\n`);
        for (const owner of ready.owners.filter((o) => o.belongs === 'foreign')) {
          process.stderr.write(`port-zero: warning: ${targetLabel(ready.target)}: ${ownerText(owner)}: ${belongingText(owner)}\n`);
        }
      },
    });
    if (json) process.stdout.write(`${resultsJson(results)}\n`);
    return 0;
  } catch (error) {
    const usage = isUsageError(error);
    process.stderr.write(
      `port-zero: ${usage ? usageMessage(error) : errorMessage(error)}\n${usage ? "Try 'port-zero wait --help'.\n" : ''}`,
    );
    return usage ? 2 : 1;
  }
}

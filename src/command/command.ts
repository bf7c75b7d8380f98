import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { errorMessage, InputError, plural, PortZeroError, type Vocabulary } from '../errors.ts';
import { callerIdentity } from '../leases/lease-owner.ts';
import { releaseCaller } from '../session/end-session.ts';
import { LEASES_VARIABLE, leasesValue } from '../session/inherited-ports.ts';
import { openSession } from '../session/session.ts';
import { Input } from '../text/names.ts';
import { isUsageError, usageMessage } from './usage.ts';
import { commandVocabulary, RELEASE } from './vocabulary.ts';
import { waitCommand } from './wait.ts';
import { dotenv, portsJson } from '../text/results.ts';
import { parseTextRequest, type RawInputs } from '../text/text-request.ts';

/**
 * The local command: the same session as the action, for a shell.
 *   export $(npx port-zero web db)   # WEB_PORT=... DB_PORT=...
 */

const HELP = `Usage: port-zero [options] [name ...]

Prints a free port for each name as NAME_PORT=port lines, so that
  export $(npx port-zero web db)
sets WEB_PORT and DB_PORT in your shell. The ports of one call are distinct
and were all free together; by default (Linux, macOS) they are then held in
TIME_WAIT, so no other program's TCP port 0 gets them: on the loopback and
wildcard addresses for 60 s on Linux, on IPv4 ones (127.0.0.1, 0.0.0.0) for
30 s on macOS. Servers that set SO_REUSEADDR (Node, Go, nginx, Redis, ...)
bind them at once.

Names: a letter first, then letters, digits, "-" or "_". Without names,
--count ports are named port-1 ... port-N (PORT_1 ...).

Options:
  -n, --count N        how many ports when no names are given (default 1)
      --env-prefix P   put P in front of each variable name (E2E_ -> E2E_WEB_PORT)
      --json           print a JSON object from name to port instead
      --protocol P     tcp (default), udp, or tcp,udp
      --host ADDRS     addresses each port must be free on, e.g. "127.0.0.1 ::1"
      --range LOW-HIGH draw from this range in random order
      --exclude LIST   ports and ranges never to hand out, e.g. "5432,6000-6100"
      --contiguous     one block of consecutive ports, in the order of the names
      --prefer LIST    ports and runs to try first, in order, e.g. "3000,8000-8099";
                       the usual draw fills the rest
      --prefer-only    hand out preferred ports only (fail when too few are free)
      --reserve MODE   auto (default), time-wait or none
      --lease-minutes N  how long the leases last at most (default 360)
      --lease-dir DIR  the lease directory shared with the action's lease-dir
  -h, --help           show this help

The ports are leased to the shell or script that ran the command: no other
call, and no Port Zero job on this host, gets them while it runs, or until
--lease-minutes pass.
  port-zero release    hands back every lease of the calling shell or script
                       (with the same --lease-dir, if one was given)
  port-zero wait NAME  waits until a server listens on each port: see
                       'port-zero wait --help'`;

const OPTIONS = {
  count: { type: 'string', short: 'n' },
  'env-prefix': { type: 'string' },
  json: { type: 'boolean' },
  protocol: { type: 'string' },
  host: { type: 'string' },
  range: { type: 'string' },
  exclude: { type: 'string' },
  contiguous: { type: 'boolean' },
  prefer: { type: 'string' },
  'prefer-only': { type: 'boolean' },
  reserve: { type: 'string' },
  'lease-minutes': { type: 'string' },
  'lease-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function rawInputs(values: Record<string, string | boolean | undefined>, names: string[]): RawInputs {
  const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : '');
  return {
    [Input.Names]: names.join(' '),
    [Input.Count]: text('count'),
    [Input.EnvPrefix]: text('env-prefix'),
    [Input.Protocol]: text('protocol'),
    [Input.Host]: text('host'),
    [Input.Range]: text('range'),
    [Input.Exclude]: text('exclude'),
    [Input.Contiguous]: values.contiguous ? 'true' : 'false',
    [Input.Prefer]: text('prefer'),
    [Input.PreferOnly]: values['prefer-only'] ? 'true' : 'false',
    [Input.Reserve]: text('reserve'),
    [Input.LeaseMinutes]: text('lease-minutes'),
    [Input.LeaseDir]: text('lease-dir'),
  };
}

/** The lease directory named on the command line, before anything else is checked (messages name the release command with it). */
function leaseDirOf(values: Record<string, string | boolean | undefined>): string {
  return typeof values['lease-dir'] === 'string' ? values['lease-dir'].trim() : '';
}

/** `port-zero release`: removes the leases the calling shell or script holds. */
function release(words: Vocabulary, leaseDir: string, extra: string[]): number {
  if (extra.length) throw new InputError(Input.Names, extra.join(' '), `nothing after "${RELEASE}"`, words);
  const ports = releaseCaller(leaseDir, callerIdentity(), words);
  process.stdout.write(`Released ${plural(ports.length, 'port lease')}${ports.length ? `: ${ports.join(' ')}` : ''}.\n`);
  return 0;
}

/** Allocates the ports named on the command line, leased to the calling shell, and prints them. */
async function allocate(values: Record<string, string | boolean | undefined>, names: string[], words: Vocabulary): Promise<number> {
  const request = parseTextRequest(rawInputs(values, names), { vocabulary: words, postStep: false });
  const session = await openSession(request, {
    vocabulary: words,
    owner: callerIdentity(),
    postStep: false,
    log: { debug: () => {}, warn: (m) => process.stderr.write(`port-zero: warning: ${m}\n`) },
  });
  try {
    // With the variables, what a library call in a process this shell starts needs to find the same ports.
    const leases = leasesValue(session);
    writeStdout(values.json ? `${portsJson(session.rows)}\n` : dotenv(session.rows) + (leases ? `${LEASES_VARIABLE}=${leases}\n` : ''));
  } catch (error) {
    await session.undo(); // ports nobody was told of must not stay leased
    throw new PortZeroError(
      `the ports could not be printed (${(error as NodeJS.ErrnoException).code ?? errorMessage(error)}); none is leased`,
    );
  }
  return 0;
}

/**
 * Writes all of `text` to standard output now, so that a failure (a closed pipe, a full
 * disk) is known before the command ends. A pipe the reader has not emptied yet
 * (EAGAIN) is written again a moment later.
 */
function writeStdout(text: string) {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length;) {
    try {
      at += fs.writeSync(1, bytes, at);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

/**
 * Set to `json` by a program that runs this command (the library's getPortsSync): an error
 * is then one JSON line on stderr, `{"name":"AllocationError","message":"..."}`, so that
 * the program can throw it as the same class.
 */
export const ERRORS_VARIABLE = 'PORT_ZERO_ERRORS';

function reportForProgram(error: unknown): number {
  const name = error instanceof Error ? error.name : 'Error';
  process.stderr.write(`${JSON.stringify({ name, message: errorMessage(error) })}\n`);
  return isUsageError(error) ? 2 : 1;
}

/** Runs the command with `argv` (the arguments after the program's name); resolves with its exit code. */
export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'wait') return waitCommand(argv.slice(1));
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    if (values.help) {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    const words = commandVocabulary(leaseDirOf(values));
    if (positionals[0] === RELEASE) return release(words, leaseDirOf(values), positionals.slice(1));
    return await allocate(values, positionals, words);
  } catch (error) {
    if (process.env[ERRORS_VARIABLE] === 'json') return reportForProgram(error);
    const usage = isUsageError(error);
    process.stderr.write(`port-zero: ${usage ? usageMessage(error) : errorMessage(error)}\n${usage ? "Try 'port-zero --help'.\n" : ''}`);
    return usage ? 2 : 1;
  }
}

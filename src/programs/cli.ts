#!/usr/bin/env node
/**
 * The local command: the same allocator as the action, for a shell.
 *   export $(npx port-zero web db)   # WEB_PORT=... DB_PORT=...
 */
import { parseArgs } from 'node:util';
import { allocatePorts } from '../allocator/allocate-ports.ts';
import { Input } from '../settings/constants.ts';
import { errorMessage, InputError, LeaseError, plural, type Vocabulary } from '../errors.ts';
import { allocationRequest, parseSettings, type RawInputs, type Settings } from '../settings/inputs.ts';
import { LeaseBook, newOwner, releaseOwnedBy } from '../protection/leases.ts';
import { openLeaseDir } from '../protection/lease-location.ts';
import { callerIdentity } from '../protection/lease-caller.ts';
import { buildResults, dotenv } from '../settings/results.ts';
import { waitCommand } from './cli-wait.ts';

const HELP = `Usage: port-zero [options] [name ...]

Prints a free port for each name as NAME_PORT=port lines, so that
  export $(npx port-zero web db)
sets WEB_PORT and DB_PORT in your shell. The ports of one call are distinct
and were all free together; by default (Linux, macOS) they are then held in
TIME_WAIT (60 s on Linux, 30 s on macOS) so no other program's port 0 on the
loopback or wildcard addresses gets them, while servers that set SO_REUSEADDR
(Node, Go, nginx, Redis, ...) bind them at once.

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
    [Input.Reserve]: text('reserve'),
    [Input.LeaseMinutes]: text('lease-minutes'),
    [Input.LeaseDir]: text('lease-dir'),
  };
}

const RELEASE = 'release';

/**
 * This command's words in errors: its options (`--range`), not the action's inputs
 * ('range'), and the release command that ends the caller's own leases in `leaseDir`.
 */
function vocabulary(leaseDir: string): Vocabulary {
  const release = `port-zero ${RELEASE}${leaseDir ? ` --lease-dir ${JSON.stringify(leaseDir)}` : ''}`;
  return {
    kind: 'Option',
    name: (input) => `--${input}`,
    ownLease: `leased by an earlier call in this shell or script until '${release}'`,
  };
}

function describe(error: unknown): string {
  if (!(error instanceof InputError)) return errorMessage(error);
  const what = error.input === Input.Names ? 'name' : `--${error.input}`;
  return `invalid ${what} ${JSON.stringify(error.value)}: ${error.allowed}`;
}

/** The calling shell's leases; without a usable default location, a warning and none (a named --lease-dir must work). */
function openLeases(settings: Settings, reservation: string, words: Vocabulary): LeaseBook | undefined {
  const named = settings.leaseDir !== '';
  try {
    const location = openLeaseDir(settings.leaseDir, words);
    const ttlMs = settings.leaseMinutes * 60_000;
    return new LeaseBook({ location, owner: newOwner(callerIdentity()), ttlMs, reservation });
  } catch (error) {
    if (named || !(error instanceof LeaseError)) throw error;
    process.stderr.write(`port-zero: warning: ${error.message}; these ports are not leased, so a Port Zero job may get them too.\n`);
    return undefined;
  }
}

/** `port-zero release`: removes the leases the calling shell or script holds. */
function release(settings: Settings, extra: string[]): number {
  if (extra.length) throw new InputError(Input.Names, extra.join(' '), `nothing after "${RELEASE}"`);
  const location = openLeaseDir(settings.leaseDir, vocabulary(settings.leaseDir));
  const ports = releaseOwnedBy(location.own, callerIdentity());
  process.stdout.write(`Released ${plural(ports.length, 'port lease')}${ports.length ? `: ${ports.join(' ')}` : ''}.\n`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'wait') return waitCommand(argv.slice(1));
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    if (values.help) {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (positionals[0] === RELEASE) return release(parseSettings(rawInputs(values, [])), positionals.slice(1));
    const settings = parseSettings(rawInputs(values, positionals));
    // Nothing would end a holder or take ports off the kernel list: without a post step, auto means TIME_WAIT.
    if (settings.reserve === 'holder' || (settings.reserve === 'kernel' && !settings.reserveChoice.fallback)) {
      throw new InputError(Input.Reserve, settings.reserve, 'auto, time-wait or none (holder and kernel need a job to end them)');
    }
    const reserve = settings.reserve === 'none' ? 'none' : 'time-wait';
    const words = vocabulary(settings.leaseDir);
    const leases = openLeases(settings, reserve, words);
    let allocation;
    try {
      allocation = await allocatePorts({
        ...allocationRequest(settings),
        claim: leases?.claim,
        reserve,
        vocabulary: words,
      });
      leases?.commit(allocation.ports);
    } catch (error) {
      leases?.releaseAll();
      throw error;
    }
    const results = buildResults(settings, allocation.ports, reserve);
    const json = Object.fromEntries(results.rows.map((r) => [r.name, r.port]));
    process.stdout.write(values.json ? `${JSON.stringify(json)}\n` : dotenv(results.variables));
    return 0;
  } catch (error) {
    if (!isUsageError(error)) {
      process.stderr.write(`port-zero: ${describe(error)}\n`);
      return 1;
    }
    process.stderr.write(`port-zero: ${describe(error)}\nTry 'port-zero --help'.\n`);
    return 2;
  }
}

/** Bad arguments (exit code 2), as opposed to a request that cannot be met (exit code 1). */
function isUsageError(error: unknown): boolean {
  return error instanceof InputError || String((error as NodeJS.ErrnoException)?.code).startsWith('ERR_PARSE_ARGS_');
}

process.exitCode = await main(process.argv.slice(2));

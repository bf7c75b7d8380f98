import { allocatePorts, type Claim } from '../allocator/allocate-ports.ts';
import { InputError, LeaseError, type Vocabulary } from '../errors.ts';
import { identify } from '../platform/process-identity.ts';
import { LeaseBook, newOwner, releaseLeases } from '../protection/leases.ts';
import { openLeaseDir } from '../protection/lease-location.ts';
import { Input, type InputName } from '../settings/constants.ts';
import { allocationRequest, parseSettings, type RawInputs, type Settings } from '../settings/inputs.ts';
import { NAME_PATTERN, NAME_RULE } from '../settings/naming.ts';

/**
 * The library for test suites: the action's allocator and leases, called from a
 * test runner. Leases belong to the calling process (its pid and start time), so
 * test workers, the action's jobs and other processes on one host never get the
 * same port while a lease lives.
 */

/** A port range, both ends included: `[20000, 29999]`. */
export type PortRange = readonly [low: number, high: number];

/** How the ports are chosen and protected; every option has the action input's default. */
export interface PortOptions {
  /** The protocols each port must be free for. `'tcp,udp'`: free for both on the same number. Default `'tcp'`. */
  protocol?: 'tcp' | 'udp' | 'tcp,udp';
  /**
   * The addresses each port must be free on, such as `['127.0.0.1', '::1']`; each must be an
   * address of this machine. Default: every address, IPv4 and IPv6 (probed on `::`).
   */
  host?: string | readonly string[];
  /** Draw ports from this range in random order. Default: the kernel picks from its ephemeral range. */
  range?: PortRange;
  /** Ports and ranges never to hand out, also when the kernel picks: `[5432, [6000, 6100]]`. */
  exclude?: readonly (number | PortRange)[];
  /** One block of consecutive ports (in the order of `names`). Default `false`. */
  contiguous?: boolean;
  /**
   * What keeps other programs off the ports after the call. `'time-wait'`: each port is left
   * in TCP TIME_WAIT, so no `bind(0)` on the host gets it for 60 s on Linux (30 s on macOS),
   * while servers that set SO_REUSEADDR (Node, Go, nginx, Redis, ...) bind it at once.
   * `'none'`: leases alone. Default `'auto'`: `'time-wait'` on Linux and macOS, `'none'` on Windows.
   */
  reserve?: 'auto' | 'time-wait' | 'none';
  /** The longest the leases last, in minutes (1 to 10080). Default 360. They end sooner at `release()` or when this process exits. */
  leaseMinutes?: number;
  /**
   * The lease directory shared with every other user of Port Zero on the host, whatever its
   * account. Default: the action's, `port-zero` in the system temp directory; when that cannot be used, a
   * process warning is emitted and the ports are protected by reservation alone. A directory
   * named here must be usable, or the call throws a `LeaseError`.
   */
  leaseDir?: string;
}

/** Ask for ports by name; each name follows the action's rule (a letter first, then letters, digits, `-` or `_`). */
export interface NamedRequest<Name extends string> extends PortOptions {
  names: readonly Name[];
}

/** Ask for a number of ports, 1 to 1000. */
export interface CountRequest extends PortOptions {
  count: number;
}

/** Ports handed out by one call, and the way to give them back. */
export interface Ports<Shape> {
  /** By name (`ports.web`) for a `names` request; in order for a `count` request. Distinct, and all free together. */
  readonly ports: Shape;
  /**
   * Ends the leases now, so other processes may be given these ports again. Calling it again
   * does nothing. Without it, the leases end when this process exits or after `leaseMinutes`.
   * A TIME_WAIT reservation is not undone; it ends by itself.
   */
  release(): Promise<void>;
}

/** The option each action input is called here, for errors in the caller's words. */
const OPTION: Partial<Record<InputName, string>> = { [Input.LeaseMinutes]: 'leaseMinutes', [Input.LeaseDir]: 'leaseDir' };
const VOCABULARY: Vocabulary = {
  kind: 'Option',
  name: (input) => `'${OPTION[input as InputName] ?? input}'`,
  ownLease: 'leased by an earlier call in this process until its release()',
};
const OPTIONS = ['names', 'count', 'protocol', 'host', 'range', 'exclude', 'contiguous', 'reserve', 'leaseMinutes', 'leaseDir'];

/**
 * Hands out distinct free ports, leased to this process.
 *   const { ports, release } = await getPorts({ names: ['web', 'db'] }); // ports.web, ports.db
 *   const { ports } = await getPorts({ count: 3 });                       // [41233, 41235, 41239]
 * Throws `InputError` for a bad option (naming it, quoting the value, saying what is allowed),
 * `AllocationError` when the host cannot supply the ports, `LeaseError` when a `leaseDir`
 * given cannot be used. On any error no socket or lease is left behind.
 */
export function getPorts<const Name extends string>(request: NamedRequest<Name>): Promise<Ports<Record<Name, number>>>;
export function getPorts(request: CountRequest): Promise<Ports<number[]>>;
export async function getPorts(request: Partial<NamedRequest<string> & CountRequest>): Promise<Ports<Record<string, number> | number[]>> {
  const settings = librarySettings(request);
  const leases = openLeases(settings);
  try {
    const allocation = await allocatePorts({
      ...allocationRequest(settings),
      claim: leases?.claim,
      reserve: settings.reserve === 'none' ? 'none' : 'time-wait',
      vocabulary: VOCABULARY,
    });
    const release = leases?.keep(allocation.ports) ?? (() => {});
    let released = false;
    const ports =
      request.names === undefined ? allocation.ports : Object.fromEntries(settings.names.map((n, i) => [n, allocation.ports[i]]));
    return {
      ports,
      release: async () => {
        if (!released) release();
        released = true;
      },
    };
  } catch (error) {
    leases?.drop();
    throw error;
  }
}

/**
 * One free port, leased to this process until it exits (or `leaseMinutes` pass): the
 * equivalent of get-port's `getPort()`. Throws as `getPorts` does.
 */
export async function getPort(options: PortOptions = {}): Promise<number> {
  const { ports } = await getPorts({ ...options, count: 1 });
  return ports[0];
}

/** Validates the options by the action's own rules, reporting errors under the options' names. */
function librarySettings(request: Partial<NamedRequest<string> & CountRequest>): Settings {
  const option = (name: string, value: unknown, allowed: string) => new InputError(name, String(value), allowed, 'Option');
  for (const key of Object.keys(request)) {
    if (!OPTIONS.includes(key))
      throw option(key, (request as Record<string, unknown>)[key], `not an option; the options are ${OPTIONS.join(', ')}`);
  }
  const { names, count, protocol, host, range, exclude, contiguous, reserve, leaseMinutes, leaseDir } = request;
  if (names !== undefined && count !== undefined) throw option('count', count, "leave it out when 'names' is given");
  if (names !== undefined && (!Array.isArray(names) || names.length === 0)) throw option('names', names, 'a non-empty array of names');
  // Checked one by one: joined into the action's text form, a name holding a space would become two.
  for (const name of names ?? [])
    if (typeof name !== 'string' || !NAME_PATTERN.test(name)) throw option('names', name, `each name must have ${NAME_RULE}`);
  // 'holder' and 'kernel' outlive the call and need a post step to end them; a test suite has none.
  if (reserve !== undefined && !['auto', 'time-wait', 'none'].includes(reserve))
    throw option('reserve', reserve, "'auto', 'time-wait' or 'none'");
  const item = (p: number | PortRange) => (Array.isArray(p) ? p.join('-') : String(p));
  const raw: RawInputs = {
    [Input.Names]: names?.join(' '),
    [Input.Count]: count === undefined ? undefined : String(count),
    [Input.Protocol]: protocol,
    [Input.Host]: typeof host === 'string' ? host : host?.join(' '),
    [Input.Range]: range === undefined ? undefined : Array.isArray(range) && range.length === 2 ? range.join('-') : String(range),
    [Input.Exclude]: exclude?.map(item).join(','),
    [Input.Contiguous]: contiguous === undefined ? undefined : String(contiguous),
    [Input.Reserve]: reserve,
    [Input.LeaseMinutes]: leaseMinutes === undefined ? undefined : String(leaseMinutes),
    [Input.LeaseDir]: leaseDir,
  };
  try {
    return parseSettings(raw);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw option(OPTION[error.input as InputName] ?? error.input, error.value, error.allowed);
  }
}

/** The leases of one call, owned by this process; the one place this module meets the lease API. */
interface ProcessLeases {
  claim: Claim;
  /** The call succeeded with `ports`: their leases stay, and the function returned ends them. */
  keep: (ports: readonly number[]) => () => void;
  /** The call failed: no lease of it stays. */
  drop: () => void;
}

/** Leases owned by this process (pid and start time): stale as soon as it exits. Undefined: going on without leases. */
function openLeases(settings: Settings): ProcessLeases | undefined {
  let book: LeaseBook;
  try {
    book = new LeaseBook({
      location: openLeaseDir(settings.leaseDir, VOCABULARY),
      owner: newOwner(identify(process.pid)),
      ttlMs: settings.leaseMinutes * 60_000,
      warn: (m) => process.emitWarning(m),
    });
  } catch (error) {
    if (settings.leaseDir !== '' || !(error instanceof LeaseError)) throw error;
    process.emitWarning(`${error.message}. Going on without leases: the ports are protected by reservation alone.`);
    return undefined;
  }
  return {
    claim: book.claim,
    keep: (ports) => {
      book.commit(ports);
      return () => void releaseLeases(book.location.own, book.owner.token, ports);
    },
    drop: () => book.releaseAll(),
  };
}

import { InputError } from '../errors.ts';
import { LIBRARY_VOCABULARY } from './vocabulary.ts';
import { identify } from '../platform/process-identity.ts';
import { PortSet } from '../ports/port-set.ts';
import type { Protocol } from '../ports/protocol.ts';
import type { ReserveSetting } from '../protection/protection.ts';
import { defaultNames } from '../session/naming.ts';
import { checkRequest, DEFAULT_REQUEST, type PortRequest } from '../session/request.ts';
import { openSession } from '../session/session.ts';

/**
 * The library for test suites: the action's allocator and leases, called from a
 * test runner. Leases belong to the calling process (its pid, and on Linux and macOS its
 * start time), so
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
   * Ports and ranges to try first, in the order given: `[3000, 3001, [8000, 8099]]`, or
   * any iterable of port numbers such as get-port's `portNumbers(3000, 3100)`. Each is taken
   * only when it is free on every address asked for and no lease holds it; the usual draw
   * fills the rest. A port browsers refuse (the Fetch standard's bad ports, such as 6000) is
   * taken only when named on its own, never from a range.
   */
  prefer?: Iterable<number | PortRange>;
  /** Hand out preferred ports only: an `AllocationError` when too few of them are free. Default `false`. */
  preferOnly?: boolean;
  /**
   * What keeps other programs off the ports after the call. `'time-wait'`: each port is left
   * in TCP TIME_WAIT, so no TCP `bind(0)` on the loopback or wildcard addresses gets it for
   * 60 s on Linux, and none on IPv4 (`127.0.0.1`, `0.0.0.0`) for 30 s on macOS, while servers
   * that set SO_REUSEADDR (Node, Go, nginx, Redis, ...) bind it at once.
   * `'none'`: leases alone. Default `'auto'`: `'time-wait'` on Linux and macOS, `'none'` on Windows.
   */
  reserve?: 'auto' | 'time-wait' | 'none';
  /** The longest the leases last, in minutes (1 to 10080). Default 360. They end sooner at `release()` or when this process exits. */
  leaseMinutes?: number;
  /**
   * The lease directory shared with every other user of Port Zero on the host, whatever its
   * account. Default: the action's, `port-zero` in the system temp directory; when that cannot
   * be used, a process warning is emitted and the ports go unleased (protected by `reserve`
   * alone, which is nothing on Windows). A directory named here must be usable, or the call
   * throws a `LeaseError`.
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

const OPTIONS = [
  'names',
  'count',
  'protocol',
  'host',
  'range',
  'exclude',
  'contiguous',
  'prefer',
  'preferOnly',
  'reserve',
  'leaseMinutes',
  'leaseDir',
];

type Request = Partial<NamedRequest<string> & CountRequest>;

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
export async function getPorts(request: Request): Promise<Ports<Record<string, number> | number[]>> {
  const session = await openSession(toRequest(request), {
    vocabulary: LIBRARY_VOCABULARY,
    owner: identify(process.pid),
    postStep: false,
    log: { debug: () => {}, warn: (m) => process.emitWarning(m) },
  });
  const ports = request.names === undefined ? [...session.ports] : Object.fromEntries(session.rows.map((r) => [r.name, r.port]));
  return { ports, release: async () => session.release() };
}

/**
 * One free port, leased to this process until it exits (or `leaseMinutes` pass): the
 * equivalent of get-port's `getPort()`. Throws as `getPorts` does.
 */
export async function getPort(options: PortOptions = {}): Promise<number> {
  const { ports } = await getPorts({ ...options, count: 1 });
  return ports[0];
}

/**
 * The typed options as the session's request: each checked for its shape here (an array,
 * a whole number, a known word), then by the rules every program shares.
 * @throws InputError naming the option in the library's words.
 */
function toRequest(request: Request): PortRequest {
  const fail = (option: string, value: unknown, allowed: string): never => {
    throw new InputError(option, shown(option, value), allowed, LIBRARY_VOCABULARY);
  };
  for (const key of Object.keys(request)) {
    if (!OPTIONS.includes(key))
      fail(key, (request as Record<string, unknown>)[key], `not an option; the options are ${OPTIONS.join(', ')}`);
  }
  const { names, count, protocol, host, range, exclude, contiguous, prefer, preferOnly, reserve, leaseMinutes, leaseDir } = request;
  if (names !== undefined && count !== undefined) fail('count', count, "leave it out when 'names' is given");
  if (names !== undefined && (!Array.isArray(names) || names.length === 0)) fail('names', names, 'a non-empty array of names');
  if (names?.some((name) => typeof name !== 'string')) fail('names', names, 'an array of strings');
  const given = {
    names: names ? [...names] : defaultNames(wholeNumber(count ?? 1, 'count', fail)),
    protocols: protocols(protocol, fail),
    hosts: host === undefined ? [] : typeof host === 'string' ? host.split(/[\s,]+/).filter(Boolean) : [...host],
    range: range === undefined ? undefined : portRange(range, 'range', fail),
    exclude: new PortSet(
      (exclude ?? []).map((item) => (Array.isArray(item) ? portRange(item, 'exclude', fail) : portRange([item, item], 'exclude', fail))),
    ),
    contiguous: bool(contiguous, 'contiguous', fail),
    prefer: prefer === undefined ? [] : preferred(prefer, fail),
    preferOnly: bool(preferOnly, 'prefer-only', fail),
    reserve: (reserve ?? 'auto') as ReserveSetting,
    leaseMinutes: leaseMinutes === undefined ? DEFAULT_REQUEST.leaseMinutes : wholeNumber(leaseMinutes, 'lease-minutes', fail),
    leaseDir: leaseDir ?? '',
  };
  const checked: PortRequest = { ...DEFAULT_REQUEST, ...given };
  const values: Record<string, unknown> = {
    count: count ?? checked.names.length,
    names,
    range,
    exclude,
    host,
    reserve,
    'lease-minutes': leaseMinutes,
  };
  checkRequest(checked, { vocabulary: LIBRARY_VOCABULARY, shown: (setting) => shown(setting, values[setting]), postStep: false });
  return checked;
}

type Fail = (option: string, value: unknown, allowed: string) => never;

/** An option's value as messages quote it: a range as LOW-HIGH, exclusions joined with commas, other lists with spaces. */
function shown(option: string, value: unknown): string {
  const range = (v: unknown) => (Array.isArray(v) ? v.join('-') : String(v));
  if (option === 'range') return range(value);
  if ((option === 'exclude' || option === 'prefer') && Array.isArray(value)) return value.map(range).join(',');
  return Array.isArray(value) ? value.join(' ') : String(value ?? '');
}

function bool(value: unknown, option: string, fail: Fail): boolean {
  return value === undefined ? false : typeof value === 'boolean' ? value : fail(option, value, 'true or false');
}

/** Preferred ports in the order given: numbers and [low, high] pairs from any iterable. */
function preferred(value: unknown, fail: Fail): { low: number; high: number }[] {
  const iterable = value !== null && typeof value === 'object' && Symbol.iterator in value && typeof value !== 'string';
  if (!iterable) return fail('prefer', value, 'an iterable of ports and [low, high] ranges, such as [3000, [8000, 8099]]');
  const allowed = 'ports and [low, high] ranges with 1 <= low <= high <= 65535';
  return [...(value as Iterable<unknown>)].map((item) =>
    portRange(Array.isArray(item) ? item : [item, item], 'prefer', () => fail('prefer', item, allowed)),
  );
}

function wholeNumber(value: unknown, option: string, fail: Fail): number {
  return typeof value === 'number' && Number.isInteger(value) ? value : fail(option, value, 'a whole number');
}

function protocols(protocol: unknown, fail: Fail): Protocol[] {
  if (protocol === undefined) return ['tcp'];
  if (protocol === 'tcp' || protocol === 'udp') return [protocol];
  if (protocol === 'tcp,udp') return ['tcp', 'udp'];
  return fail('protocol', protocol, "'tcp', 'udp' or 'tcp,udp'");
}

function portRange(value: unknown, option: string, fail: Fail): { low: number; high: number } {
  const valid =
    Array.isArray(value) && value.length === 2 && value.every((p) => Number.isInteger(p) && p >= 1 && p <= 65535) && value[0] <= value[1];
  return valid ? { low: value[0] as number, high: value[1] as number } : fail(option, value, '[low, high] with 1 <= low <= high <= 65535');
}

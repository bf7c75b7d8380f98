import { InputError, plural, type Vocabulary } from '../errors.ts';
import { localAddresses } from '../allocator/hosts.ts';
import { DEFAULT_LEASE_MINUTES, MAX_LEASE_MINUTES } from '../leases/lease-record.ts';
import { firstUnprivilegedPort, privilegedPortsAllowed } from '../platform/privileged-ports.ts';
import { BAD_PORT_SET } from '../ports/bad-ports.ts';
import { PortSet, rangeSize, type PortRange } from '../ports/port-set.ts';
import type { Protocol } from '../ports/protocol.ts';
import { reserveProblem } from '../protection/choose-protection.ts';
import type { ReserveSetting } from '../protection/protection.ts';
import { ENV_PREFIX_PATTERN, mapEnvNames, MAX_ENV_PREFIX, nameProblem } from './naming.ts';

/** The most ports one request hands out. */
export const MAX_COUNT = 1000;

export { DEFAULT_LEASE_MINUTES, MAX_LEASE_MINUTES };

/**
 * What every program asks of a session, typed: the action's inputs, the command's
 * options and the library's options all become this, and are checked by one rule
 * (`checkRequest`). Settings are named by their action input names in messages.
 */
export interface PortRequest {
  /** Port names, in order; `port-1` ... `port-N` for a count. */
  names: string[];
  /** The names were given (not made up for a count): the lease record keeps them, for later calls that ask for the same names. */
  named: boolean;
  /** Put in front of every environment variable name. */
  envPrefix: string;
  protocols: Protocol[];
  /** Empty: every address. */
  hosts: string[];
  range?: PortRange;
  exclude: PortSet;
  contiguous: boolean;
  /** Ports and runs to try first, in the order given (see AllocateOptions.prefer). */
  prefer: PortRange[];
  /** Hand out preferred ports only. */
  preferOnly: boolean;
  reserve: ReserveSetting;
  /** Empty: the shared default location. */
  leaseDir: string;
  leaseMinutes: number;
}

/** The request's defaults: one TCP port on every address, protected the strongest way the program may. */
export const DEFAULT_REQUEST: Omit<PortRequest, 'names' | 'named'> = {
  envPrefix: '',
  protocols: ['tcp'],
  hosts: [],
  exclude: new PortSet(),
  contiguous: false,
  prefer: [],
  preferOnly: false,
  reserve: 'auto',
  leaseDir: '',
  leaseMinutes: DEFAULT_LEASE_MINUTES,
};

/** Where a request came from: how its program names settings, and how the user wrote each value (for messages). */
export interface RequestSource {
  vocabulary: Vocabulary;
  /** A setting's value as the user gave it, by action input name ('range' -> "20000-29999"). */
  shown(setting: string): string;
  /** Whether the program has a post step to end what outlives it (the action only). */
  postStep: boolean;
  /** The machine's facts the rules read; tests pass others. Default: this machine's. */
  facts?: MachineFacts;
}

/** What the rules need to know about this machine. */
export interface MachineFacts {
  /** Every address of this machine (see localAddresses). */
  addresses(): Set<string>;
  /** Whether this user may bind a port on every one of `hosts` (see privilegedPortsAllowed). */
  mayBind(hosts: readonly string[]): (port: number) => boolean;
}

const THIS_MACHINE: MachineFacts = { addresses: localAddresses, mayBind: (hosts) => privilegedPortsAllowed(hosts) };

/**
 * Checks a request by the rules every program shares: names, counts, the range against
 * the count and the exclusions, addresses of this machine, the lease time, the
 * reservation this program may use here. The first broken rule throws.
 * @throws InputError naming the setting in the program's words, quoting the value as given.
 */
export function checkRequest(request: PortRequest, source: RequestSource): void {
  const fail = (setting: string, allowed: string, value = source.shown(setting)) => {
    throw new InputError(setting, value, allowed, source.vocabulary);
  };
  const count = request.names.length;
  if (count < 1 || count > MAX_COUNT) fail('count', `a whole number from 1 to ${MAX_COUNT}`);
  for (const name of request.names) {
    const problem = nameProblem(name);
    if (problem) fail('names', problem, name);
  }
  if (request.envPrefix !== '' && (request.envPrefix.length > MAX_ENV_PREFIX || !ENV_PREFIX_PATTERN.test(request.envPrefix))) {
    fail('env-prefix', `a letter or "_" first, then letters, digits or "_", at most ${MAX_ENV_PREFIX} characters (or empty)`);
  }
  const mapped = mapEnvNames(request.names, request.envPrefix);
  if ('why' in mapped) fail('names', mapped.why, mapped.name);
  const facts = source.facts ?? THIS_MACHINE;
  // Listed only when an address is given: the usual empty list costs no interface lookup.
  const addresses = request.hosts.length ? facts.addresses() : new Set<string>();
  const unknown = request.hosts.find((host) => !addresses.has(host));
  if (unknown) fail('host', `not an address of this machine; it has ${[...addresses].join(', ')}`, unknown);
  if (request.range) checkRange(request.range, request, facts, fail);
  checkPrefer(request, facts, fail);
  if (request.leaseMinutes < 1 || request.leaseMinutes > MAX_LEASE_MINUTES || !Number.isInteger(request.leaseMinutes)) {
    fail('lease-minutes', `a whole number of minutes from 1 to ${MAX_LEASE_MINUTES}`);
  }
  const reserve = reserveProblem(request.reserve, { postStep: source.postStep });
  if (reserve) fail('reserve', reserve);
}

/** The range holds the count, can be bound by this user, and is not all excluded. */
function checkRange(range: PortRange, request: PortRequest, facts: MachineFacts, fail: (setting: string, allowed: string) => never) {
  const count = request.names.length;
  const size = rangeSize(range);
  if (size < count) fail('range', `it holds ${plural(size, 'port')}, fewer than the ${count} asked for`);
  if (!facts.mayBind(request.hosts)(range.low)) {
    fail('range', `ports below ${firstUnprivilegedPort()} need root on this runner; use a range above it`);
  }
  const where = `range ${range.low}-${range.high}`;
  if (BAD_PORT_SET.countOutside(range) < count) {
    fail(
      'range',
      `it holds ${plural(BAD_PORT_SET.countOutside(range), 'port')} that browsers accept, fewer than the ${count} asked for (the others are the Fetch standard's bad ports, which browsers refuse)`,
    );
  }
  if (request.exclude.size === 0) return;
  const left = request.exclude.union(BAD_PORT_SET).countOutside(range);
  if (request.exclude.countOutside(range) === 0) fail('exclude', `it covers the whole ${where}`);
  if (left < count) fail('exclude', `it leaves ${left} of the ports of ${where}, fewer than the ${count} asked for`);
}

/**
 * Preferred ports can be bound by this user; with prefer-only they are enough for the
 * request (without the excluded ones, and the bad ports not named on their own); they
 * are not combined with a block.
 */
function checkPrefer(request: PortRequest, facts: MachineFacts, fail: (setting: string, allowed: string) => never) {
  if (request.preferOnly && request.prefer.length === 0) fail('prefer-only', 'true only together with prefer (the ports to hand out)');
  if (request.prefer.length === 0) return;
  if (request.contiguous) fail('prefer', 'empty when contiguous is true: a block is drawn whole, from the range');
  const mayBind = facts.mayBind(request.hosts);
  if (request.prefer.some((r) => !mayBind(r.low))) {
    fail('prefer', `ports below ${firstUnprivilegedPort()} need root on this runner; prefer ports above it`);
  }
  if (!request.preferOnly) return;
  const named = PortSet.of(request.prefer.filter((r) => r.low === r.high).map((r) => r.low));
  const excluded = request.exclude.union(new PortSet(BAD_PORT_SET.ranges.filter((r) => !named.has(r.low))));
  const left = preferredLeft(request.prefer, excluded);
  if (left < request.names.length) {
    fail(
      'prefer',
      `it offers ${plural(left, 'port')} (leaving out the excluded ones and bad ports in runs), fewer than the ${request.names.length} asked for with prefer-only`,
    );
  }
}

/** How many distinct preferred ports `excluded` leaves. */
function preferredLeft(prefer: readonly PortRange[], excluded: PortSet): number {
  const all = new PortSet(prefer);
  return all.ranges.reduce((n, r) => n + excluded.countOutside(r), 0);
}

/** The environment variable of each of the request's names (checkRequest has made sure they are distinct). */
export function envNamesOf(request: PortRequest): string[] {
  const mapped = mapEnvNames(request.names, request.envPrefix);
  return 'envNames' in mapped ? mapped.envNames : [];
}

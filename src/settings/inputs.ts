import { readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_LEASE_MINUTES, Input, MAX_COUNT, MAX_LEASE_MINUTES, type InputName } from './constants.ts';
import { InputError, plural } from '../errors.ts';
import { defaultNames, envName, FIXED_OUTPUTS, NAME_PATTERN, NAME_RULE, splitNames } from './naming.ts';
import { MAX_PORT, MIN_PORT, PortSet, rangeSize, type PortRange } from '../allocator/port-range.ts';
import type { AllocateOptions } from '../allocator/allocate-ports.ts';
import type { Protocol } from '../allocator/sockets.ts';
import { chooseReservation, type ReserveChoice, type ReserveMode } from '../protection/choose-reservation.ts';
import { canonicalHost } from '../allocator/hosts.ts';

/** Everything the action was asked to do, validated; the rest of the code never sees raw strings. */
export interface Settings {
  /** Port names, in order; each becomes an output. */
  names: string[];
  /** The environment variable of each name, same order. */
  envNames: string[];
  exportEnv: boolean;
  protocols: Protocol[];
  /** Empty: every address. */
  hosts: string[];
  range?: PortRange;
  exclude: PortSet;
  contiguous: boolean;
  /** What protects the ports after the step: 'auto' already resolved for this OS and account. */
  reserve: ReserveMode;
  /** How the reservation was chosen: whether sudo may write the kernel list, whether to fall back. */
  reserveChoice: ReserveChoice;
  /** Empty: the shared default directory. */
  leaseDir: string;
  leaseMinutes: number;
  /** Write the job summary table. */
  summary: boolean;
  /** Absolute path of the dotenv file to write, or empty. */
  envFile: string;
}

export type { ReserveMode } from '../protection/choose-reservation.ts';

/** What the allocator is asked, from the settings; leases and reservation are the caller's to add. */
export function allocationRequest(settings: Settings): AllocateOptions {
  return {
    count: settings.names.length,
    protocols: settings.protocols,
    hosts: settings.hosts,
    range: settings.range,
    exclude: settings.exclude,
    contiguous: settings.contiguous,
  };
}

/** Raw input values by input name, as the runner passes them (missing means empty). */
export type RawInputs = Partial<Record<InputName, string>>;

export function parseSettings(raw: RawInputs): Settings {
  const value = (name: InputName) => (raw[name] ?? '').trim();
  const names = parseNames(value(Input.Names), value(Input.Count));
  const prefix = parseEnvPrefix(value(Input.EnvPrefix));
  const envNames = mapEnvNames(names, prefix);
  const hosts = parseHosts(value(Input.Host));
  // Asked only when a range is given: off root it reads a /proc file.
  const range = parseRange(value(Input.Range), names.length, (port) => privilegedPortsAllowed(hosts)(port));
  const exclude = parsePortList(Input.Exclude, value(Input.Exclude));
  checkRangeAgainstExclude(range, exclude, names.length, value(Input.Exclude));
  const reserveChoice = chooseReservation(value(Input.Reserve));
  return {
    names,
    envNames,
    exportEnv: parseBoolean(Input.ExportEnv, value(Input.ExportEnv), true),
    protocols: parseProtocol(value(Input.Protocol)),
    hosts,
    range,
    exclude,
    contiguous: parseBoolean(Input.Contiguous, value(Input.Contiguous), false),
    reserve: reserveChoice.mode,
    reserveChoice,
    leaseDir: value(Input.LeaseDir),
    leaseMinutes: parseLeaseMinutes(value(Input.LeaseMinutes)),
    summary: parseBoolean(Input.Summary, value(Input.Summary), true),
    envFile: value(Input.EnvFile) && path.resolve(value(Input.EnvFile)),
  };
}

export function parseCount(raw: string): number {
  const allowed = `a whole number from 1 to ${MAX_COUNT}`;
  if (!/^\d+$/.test(raw)) throw new InputError(Input.Count, raw, allowed);
  const count = Number(raw);
  if (count < 1 || count > MAX_COUNT) throw new InputError(Input.Count, raw, allowed);
  return count;
}

/** Names as given, or `port-1` ... `port-N` from `count`. */
export function parseNames(rawNames: string, rawCount: string): string[] {
  const count = parseCount(rawCount || '1');
  if (rawNames === '') return defaultNames(count);
  if (rawNames.split(',').some((part) => part.trim() === '')) {
    throw new InputError(Input.Names, rawNames, 'an empty name between commas; separate names with spaces, commas or newlines');
  }
  const names = splitNames(rawNames);
  for (const name of names) {
    if (!NAME_PATTERN.test(name)) throw new InputError(Input.Names, name, `each name must have ${NAME_RULE}`);
    if (FIXED_OUTPUTS.some((fixed) => fixed === name.toLowerCase())) {
      throw new InputError(Input.Names, name, `the outputs ${FIXED_OUTPUTS.join(', ')} are always set, so no port can take those names`);
    }
  }
  if (names.length > MAX_COUNT) throw new InputError(Input.Names, rawNames, `at most ${MAX_COUNT} names`);
  if (count !== 1 && count !== names.length) {
    throw new InputError(
      Input.Count,
      rawCount,
      `${plural(names.length, 'name was', 'names were')} given, so leave it out or make it ${names.length}`,
    );
  }
  return names;
}

/** Each name's environment variable; two names that map to one (`web-api`, `web_api`, `Web-API`) are refused. */
export function mapEnvNames(names: readonly string[], prefix: string): string[] {
  const seen = new Map<string, string>();
  return names.map((name) => {
    const env = envName(name, prefix);
    const other = seen.get(env);
    if (other !== undefined) {
      const why = other === name ? 'appears twice' : `clashes with '${other}': both become ${env}`;
      throw new InputError(Input.Names, name, `each name must be unique; it ${why}`);
    }
    seen.set(env, name);
    return env;
  });
}

export function parseEnvPrefix(raw: string): string {
  if (raw === '' || /^[A-Za-z_][A-Za-z0-9_]*$/.test(raw)) return raw;
  throw new InputError(Input.EnvPrefix, raw, 'a letter or "_" first, then letters, digits or "_" (or empty)');
}

/** The values the runner's own getBooleanInput accepts, and empty for the default. */
export function parseBoolean(input: InputName | string, raw: string, fallback: boolean): boolean {
  if (raw === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(raw)) return true;
  if (['false', 'False', 'FALSE'].includes(raw)) return false;
  throw new InputError(input, raw, 'true or false');
}

export function parseLeaseMinutes(raw: string): number {
  if (raw === '') return DEFAULT_LEASE_MINUTES;
  const minutes = Number(raw);
  if (!/^\d+$/.test(raw) || minutes < 1 || minutes > MAX_LEASE_MINUTES) {
    throw new InputError(Input.LeaseMinutes, raw, `a whole number of minutes from 1 to ${MAX_LEASE_MINUTES}`);
  }
  return minutes;
}

export function parseProtocol(raw: string): Protocol[] {
  if (raw === '') return ['tcp'];
  const parts = raw
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  const valid = parts.length > 0 && parts.length <= 2 && parts.every((p) => p === 'tcp' || p === 'udp');
  if (!valid || new Set(parts).size !== parts.length) throw new InputError(Input.Protocol, raw, 'tcp, udp or tcp,udp');
  return parts as Protocol[];
}

/**
 * Addresses a port must be free on; each must be an address of this machine.
 * Each is spelled one way (`0:0::1` is `::1`) and listed once. Addresses that a
 * wildcard in the list covers (`0.0.0.0 ::`) are kept here and folded by the
 * allocator (see planHosts), which binds the wildcard alone.
 */
export function parseHosts(raw: string, known?: Set<string>): string[] {
  const given = raw.split(/[\s,]+/).filter(Boolean);
  for (const host of given) {
    if (net.isIP(host) === 0) throw new InputError(Input.Host, host, 'IP addresses separated by spaces or commas, such as 127.0.0.1 ::1');
  }
  const hosts = [...new Set(given.map(canonicalHost))];
  // Listed only when an address is given: the usual empty input costs no interface lookup.
  const interfaces = hosts.length > 0 ? (known ?? localAddresses()) : new Set<string>();
  for (const host of hosts) {
    if (!interfaces.has(host)) {
      throw new InputError(Input.Host, host, `not an address of this machine; it has ${[...interfaces].join(', ')}`);
    }
  }
  return hosts;
}

function localAddresses(): Set<string> {
  const found = Object.values(os.networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address));
  return new Set(['0.0.0.0', '::', ...found.map(canonicalHost)]);
}

const PORT_ITEM = /^(\d{1,5})(?:-(\d{1,5}))?$/;

function parseItem(input: InputName, raw: string, item: string, allowed: string): PortRange {
  const match = PORT_ITEM.exec(item);
  const low = Number(match?.[1]);
  const high = match?.[2] === undefined ? low : Number(match[2]);
  if (!match || low < MIN_PORT || high > MAX_PORT || low > high) throw new InputError(input, raw, allowed);
  return { low, high };
}

export function parseRange(raw: string, count: number, canBind?: (port: number) => boolean): PortRange | undefined {
  if (raw === '') return undefined;
  const allowed = `LOW-HIGH with ${MIN_PORT} <= LOW <= HIGH <= ${MAX_PORT}, such as 20000-29999`;
  if (!raw.includes('-')) throw new InputError(Input.Range, raw, allowed);
  const range = parseItem(Input.Range, raw, raw, allowed);
  if (rangeSize(range) < count)
    throw new InputError(Input.Range, raw, `it holds ${plural(rangeSize(range), 'port')}, fewer than the ${count} asked for`);
  if (!(canBind ?? privilegedPortsAllowed([]))(range.low)) {
    throw new InputError(
      Input.Range,
      raw,
      `ports below ${firstUnprivilegedPort(process.platform)} need root on this runner; use a range above it`,
    );
  }
  return range;
}

export function parsePortList(input: InputName, raw: string): PortSet {
  const allowed = 'ports and ranges separated by commas or spaces, such as 5432, 6000-6100';
  const items = raw.split(/[\s,]+/).filter(Boolean);
  return new PortSet(items.map((item) => parseItem(input, raw, item, allowed)));
}

function checkRangeAgainstExclude(range: PortRange | undefined, exclude: PortSet, count: number, raw: string) {
  if (!range || exclude.size === 0) return;
  const left = exclude.countOutside(range);
  const where = `range ${range.low}-${range.high}`;
  if (left === 0) throw new InputError(Input.Exclude, raw, `it covers the whole ${where}`);
  if (left < count) {
    throw new InputError(Input.Exclude, raw, `it leaves ${left} of the ports of ${where}, fewer than the ${count} asked for`);
  }
}

/** Linux lets only root bind below net.ipv4.ip_unprivileged_port_start (1024 unless changed). */
function firstUnprivilegedPort(platform: NodeJS.Platform): number {
  if (platform !== 'linux') return 1024;
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8').trim());
  } catch {
    return 1024;
  }
}

/**
 * Whether this user may bind `port` on every one of `hosts` (empty: every address).
 * Windows lets anyone bind low ports. macOS (10.14 on) lets anyone bind them on the
 * wildcard addresses only: XNU still asks for privilege to bind a specific address
 * below 1024. Linux: root, or from ip_unprivileged_port_start up.
 */
export function privilegedPortsAllowed(
  hosts: readonly string[],
  platform: NodeJS.Platform = process.platform,
  isRoot = process.getuid?.() === 0,
): (port: number) => boolean {
  const wildcardsOnly = hosts.every((host) => host === '::' || host === '0.0.0.0');
  if (isRoot || platform === 'win32' || (platform === 'darwin' && wildcardsOnly)) return () => true;
  const first = firstUnprivilegedPort(platform);
  return (port) => port >= first;
}

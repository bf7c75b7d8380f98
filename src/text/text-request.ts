import net from 'node:net';
import { InputError, plural, type Vocabulary } from '../errors.ts';
import { canonicalHost } from '../allocator/hosts.ts';
import { parsePortEntry, parsePortList } from '../ports/port-list.ts';
import { MAX_PORT, MIN_PORT, PortSet, type PortRange } from '../ports/port-set.ts';
import type { Protocol } from '../ports/protocol.ts';
import type { ReserveSetting } from '../protection/protection.ts';
import { defaultNames, splitNames } from '../session/naming.ts';
import { checkRequest, DEFAULT_REQUEST, MAX_COUNT, type PortRequest, type RequestSource } from '../session/request.ts';
import { Input, type InputName } from './names.ts';

/**
 * The text dialect of the action's inputs and the command's options: values as a
 * workflow's `with:` or a shell gives them, parsed into the typed request every program
 * shares. Only the form is checked here (a number, a list, LOW-HIGH); the rules are
 * the request's own (session/request.ts), so the library, which passes typed values,
 * meets the same ones.
 */

/** Raw values by action input name, as the runner passes them (missing means empty). */
export type RawInputs = Partial<Record<InputName, string>>;

/** Who is parsing: how it names settings in errors, whether it has a post step, and (for tests) the machine's facts. */
export type TextSource = Omit<RequestSource, 'shown'>;

/**
 * The request `raw` describes, checked by every rule.
 * @throws InputError naming the first setting that breaks its rule, in the source's words.
 */
export function parseTextRequest(raw: RawInputs, source: TextSource): PortRequest {
  const value = (name: InputName) => (raw[name] ?? '').trim();
  const fail = (setting: InputName, allowed: string, shown = value(setting)): never => {
    throw new InputError(setting, shown, allowed, source.vocabulary);
  };
  const request: PortRequest = {
    ...DEFAULT_REQUEST,
    names: parseNames(value(Input.Names), value(Input.Count), fail),
    named: value(Input.Names) !== '',
    envPrefix: value(Input.EnvPrefix),
    protocols: parseProtocols(value(Input.Protocol), fail),
    hosts: parseHosts(value(Input.Host), fail),
    range: parseRange(value(Input.Range), fail),
    exclude: parseExclude(value(Input.Exclude), fail),
    contiguous: parseBoolean(Input.Contiguous, value(Input.Contiguous), false, source.vocabulary),
    prefer: parsePrefer(value(Input.Prefer), fail),
    preferOnly: parseBoolean(Input.PreferOnly, value(Input.PreferOnly), false, source.vocabulary),
    reserve: (value(Input.Reserve) || 'auto') as ReserveSetting,
    leaseDir: value(Input.LeaseDir),
    leaseMinutes: parseWholeNumber(value(Input.LeaseMinutes), DEFAULT_REQUEST.leaseMinutes),
  };
  checkRequest(request, { ...source, shown: (setting) => value(setting as InputName) });
  return request;
}

type Fail = (setting: InputName, allowed: string, shown?: string) => never;

/** Names as given, or `port-1` ... `port-N` from `count`. */
function parseNames(rawNames: string, rawCount: string, fail: Fail): string[] {
  const count = rawCount === '' ? 1 : parseWholeNumber(rawCount, NaN);
  if (!(count >= 1 && count <= MAX_COUNT)) fail(Input.Count, `a whole number from 1 to ${MAX_COUNT}`);
  if (rawNames === '') return defaultNames(count);
  if (rawNames.split(',').some((part) => part.trim() === '')) {
    fail(Input.Names, 'an empty name between commas; separate names with spaces, commas or newlines');
  }
  const names = splitNames(rawNames);
  if (names.length > MAX_COUNT) fail(Input.Names, `at most ${MAX_COUNT} names, not ${names.length}`);
  if (rawCount !== '' && count !== 1 && count !== names.length) {
    fail(Input.Count, `${plural(names.length, 'name was', 'names were')} given, so leave it out or make it ${names.length}`);
  }
  return names;
}

/** A whole number in decimal digits, `fallback` for empty text, NaN for anything else. */
function parseWholeNumber(raw: string, fallback: number): number {
  if (raw === '') return fallback;
  return /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
}

/** The values the runner's own getBooleanInput accepts, and empty for the default. */
export function parseBoolean(setting: InputName, raw: string, fallback: boolean, vocabulary: Vocabulary): boolean {
  if (raw === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(raw)) return true;
  if (['false', 'False', 'FALSE'].includes(raw)) return false;
  throw new InputError(setting, raw, 'true or false', vocabulary);
}

function parseProtocols(raw: string, fail: Fail): Protocol[] {
  if (raw === '') return ['tcp'];
  const parts = raw
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  const valid = parts.length > 0 && parts.length <= 2 && parts.every((p) => p === 'tcp' || p === 'udp');
  if (!valid || new Set(parts).size !== parts.length) fail(Input.Protocol, 'tcp, udp or tcp,udp');
  return parts as Protocol[];
}

/**
 * Addresses a port must be free on, each spelled one way (`0:0::1` is `::1`) and listed
 * once. Addresses that a wildcard in the list covers (`0.0.0.0 ::`) are kept here and
 * folded by the allocator (see planHosts), which binds the wildcard alone.
 */
function parseHosts(raw: string, fail: Fail): string[] {
  const given = raw.split(/[\s,]+/).filter(Boolean);
  const bad = given.find((host) => net.isIP(host) === 0);
  if (bad !== undefined) fail(Input.Host, 'IP addresses separated by spaces or commas, such as 127.0.0.1 ::1', bad);
  return [...new Set(given.map(canonicalHost))];
}

const RANGE_RULE = `LOW-HIGH with ${MIN_PORT} <= LOW <= HIGH <= ${MAX_PORT}, such as 20000-29999`;

function parseRange(raw: string, fail: Fail): PortRange | undefined {
  if (raw === '') return undefined;
  const range = raw.includes('-') ? parsePortEntry(raw) : undefined;
  return range ?? fail(Input.Range, RANGE_RULE);
}

/** Ports and runs in the order given (not sorted or merged: the order is the preference). */
function parsePrefer(raw: string, fail: Fail): PortRange[] {
  return parsePortList(raw) ?? fail(Input.Prefer, 'ports and LOW-HIGH runs in the order to try them, such as 3000, 3001, 8000-8099');
}

function parseExclude(raw: string, fail: Fail): PortSet {
  const ranges = parsePortList(raw);
  return new PortSet(ranges ?? fail(Input.Exclude, 'ports and ranges separated by commas or spaces, such as 5432, 6000-6100'));
}

import { InputError } from '../errors.ts';
import { PortSet } from '../ports/port-set.ts';
import type { Protocol } from '../ports/protocol.ts';
import type { ReserveSetting } from '../protection/protection.ts';
import { defaultNames } from '../session/naming.ts';
import { checkRequest, DEFAULT_REQUEST, type PortRequest } from '../session/request.ts';
import type { CountRequest, NamedRequest } from './get-ports.ts';
import { LIBRARY_VOCABULARY } from './vocabulary.ts';

/** The library's options, as a caller may pass them (checked here, not trusted). */
export type Request = Partial<NamedRequest<string> & CountRequest>;

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

/**
 * The typed options as the session's request: each checked for its shape here (an array,
 * a whole number, a known word), then by the rules every program shares.
 * @throws InputError naming the option in the library's words.
 */
export function toRequest(request: Request): PortRequest {
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
    named: names !== undefined,
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

import { Output } from './constants.ts';

/** Names: how a port's name becomes its step output and its environment variable. */

export const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
export const NAME_RULE = 'a letter first, then letters, digits, "-" or "_", at most 64 characters';

/** Outputs that every run sets (env-file when asked); a port may not take their names. */
export const FIXED_OUTPUTS: readonly string[] = Object.values(Output);

/** Splits a `names` value at spaces, commas and newlines. */
export function splitNames(raw: string): string[] {
  return raw.split(/[\s,]+/).filter((n) => n.length > 0);
}

/** `port-1` ... `port-N`, the names used when only a count is given. */
export function defaultNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `port-${i + 1}`);
}

/**
 * `web` -> `WEB_PORT`, `db-main` -> `DB_MAIN_PORT`, `api_port` -> `API_PORT`,
 * `port-2` -> `PORT_2`: upper-case, `-` to `_`, and `_PORT` unless the name
 * already ends in `PORT` or `PORT_<digits>`.
 */
export function envName(name: string, prefix = ''): string {
  const base = name.toUpperCase().replaceAll('-', '_');
  const suffix = /PORT(_\d+)?$/.test(base) ? '' : '_PORT';
  return `${prefix}${base}${suffix}`;
}

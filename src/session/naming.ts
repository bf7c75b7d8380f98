/** Names: how a port's name becomes its environment variable, and which names a port may have. */

export const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
export const NAME_RULE = 'a letter first, then letters, digits, "-" or "_", at most 64 characters';

/**
 * Names no port may take, in any letter case: the action's outputs that every run sets
 * (`port`, `ports`, `json`, and `env-file` when asked). One rule for every program, so a
 * name means the same everywhere.
 */
export const RESERVED_NAMES: readonly string[] = ['port', 'ports', 'json', 'env-file'];

/** The longest `env-prefix`: with 64-character names, 1000 variables stay far below what a process's environment can take. */
export const MAX_ENV_PREFIX = 64;
export const ENV_PREFIX_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

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

/** Why `name` cannot name a port, or undefined when it can. */
export function nameProblem(name: string): string | undefined {
  if (!NAME_PATTERN.test(name)) return `each name must have ${NAME_RULE}`;
  if (RESERVED_NAMES.includes(name.toLowerCase())) {
    return `the outputs ${RESERVED_NAMES.join(', ')} are always set, so no port can take those names`;
  }
  return undefined;
}

/**
 * Each name's environment variable, or the first name whose variable another name has
 * already (`web-api`, `web_api`, `Web-API` all become WEB_API_PORT) with why.
 */
export function mapEnvNames(names: readonly string[], prefix: string): { envNames: string[] } | { name: string; why: string } {
  const seen = new Map<string, string>();
  const envNames: string[] = [];
  for (const name of names) {
    const env = envName(name, prefix);
    const other = seen.get(env);
    if (other !== undefined) {
      return {
        name,
        why: `each name must be unique; it ${other === name ? 'appears twice' : `clashes with '${other}': both become ${env}`}`,
      };
    }
    seen.set(env, name);
    envNames.push(env);
  }
  return { envNames };
}

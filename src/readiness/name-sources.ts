import { envName } from '../session/naming.ts';
import type { JobPort } from '../session/job-ports.ts';
import type { NameSource } from './wait-request.ts';

/** Shows at most this many names in an error, then how many more. */
const SHOWN = 10;

function listed(names: readonly string[]): string {
  const shown = names.slice(0, SHOWN).join(', ');
  return names.length > SHOWN ? `${shown} and ${names.length - SHOWN} more` : shown;
}

/** Names from the job's record (session/job-ports.ts): what this job's earlier Port Zero steps handed out. */
export function recordedNames(ports: readonly JobPort[]): NameSource {
  const byName = new Map(ports.map((p) => [p.name, p]));
  return {
    find: (name) => byName.get(name),
    describe: () =>
      ports.length
        ? `one of the names this job's earlier Port Zero steps handed out (${listed(ports.map((p) => p.name))})`
        : 'a name an earlier Port Zero step of this job handed out: none did',
  };
}

/**
 * Names from the environment, for the command outside a job: `web` is the port in
 * WEB_PORT (with `prefix` in front, as `--env-prefix` gave it), which `export $(port-zero web)`
 * set; such a port is waited for with `protocols`.
 */
export function environmentNames(env: NodeJS.ProcessEnv, prefix: string, protocols: JobPort['protocols']): NameSource {
  return {
    find: (name) => {
      const value = env[envName(name, prefix)];
      const port = value && /^\d{1,5}$/.test(value) ? Number(value) : 0;
      return port >= 1 && port <= 65535 ? { port, protocols } : undefined;
    },
    describe: () => 'a name whose variable (web: WEB_PORT) holds a port in this environment',
  };
}

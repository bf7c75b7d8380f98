import type { Row } from '../session/session.ts';
import { Output } from './names.ts';

/**
 * Step outputs for `rows`: one per name, then `port` (the first), `ports` (all, in the
 * order of the names), `json` (name to port) and, when one was written, `env-file`.
 */
export function stepOutputs(rows: readonly Row[], envFile = ''): [string, string][] {
  const outputs: [string, string][] = rows.map((row) => [row.name, String(row.port)]);
  outputs.push([Output.Port, String(rows[0].port)]);
  outputs.push([Output.Ports, rows.map((r) => r.port).join(' ')]);
  outputs.push([Output.Json, portsJson(rows)]);
  if (envFile) outputs.push([Output.EnvFile, envFile]);
  return outputs;
}

/** `{"web":34567,"db":34569}`: each name to its port. */
export function portsJson(rows: readonly Row[]): string {
  return JSON.stringify(Object.fromEntries(rows.map((r) => [r.name, r.port])));
}

/** Each port's environment variable: `[['WEB_PORT', '34567'], ...]`. */
export function variables(rows: readonly Row[]): [string, string][] {
  return rows.map((r) => [r.envName, String(r.port)]);
}

/** `WEB_PORT=34567` lines: what docker compose --env-file and dotenv read. */
export function dotenv(rows: readonly Row[]): string {
  return rows.map((r) => `${r.envName}=${r.port}\n`).join('');
}

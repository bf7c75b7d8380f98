import type { Settings } from './inputs.ts';
import { Output } from './constants.ts';

/** What one run hands to the rest of the job, built in full before anything is written. */
export interface Results {
  /** Step outputs: one per name, then port, ports and json. */
  outputs: Record<string, string>;
  /** Environment variables for later steps (empty when export-env is false). */
  env: Record<string, string>;
  /** One row per port, for logs and the summary. */
  rows: { name: string; port: number; envName: string }[];
}

export function buildResults(settings: Settings, ports: readonly number[]): Results {
  const rows = settings.names.map((name, i) => ({ name, port: ports[i], envName: settings.envNames[i] }));
  const outputs: Record<string, string> = {};
  for (const row of rows) outputs[row.name] = String(row.port);
  outputs[Output.Port] = String(ports[0]);
  outputs[Output.Ports] = ports.join(' ');
  outputs[Output.Json] = JSON.stringify(Object.fromEntries(rows.map((r) => [r.name, r.port])));
  const env = settings.exportEnv ? Object.fromEntries(rows.map((r) => [r.envName, String(r.port)])) : {};
  return { outputs, env, rows };
}

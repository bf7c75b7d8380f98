import { Output } from './constants.ts';
import type { Settings } from './inputs.ts';

export interface Row {
  name: string;
  port: number;
  envName: string;
}

/** What one run hands to the rest of the job, built in full before anything is written. */
export interface Results {
  rows: Row[];
  /** Step outputs: one per name, then port, ports and json (and env-file). */
  outputs: Record<string, string>;
  /** Every port's variable, for the env file; exported only when export-env is true. */
  variables: Record<string, string>;
  exportEnv: boolean;
  /** For the summary: the protocols and what protects the ports after the step. */
  protocol: string;
  protection: string;
  /** Lines for the summary below the table: protection the step could not give. */
  notes?: string[];
}

export function buildResults(settings: Settings, ports: readonly number[], protection: string): Results {
  const rows = settings.names.map((name, i) => ({ name, port: ports[i], envName: settings.envNames[i] }));
  const outputs: Record<string, string> = {};
  for (const row of rows) outputs[row.name] = String(row.port);
  outputs[Output.Port] = String(ports[0]);
  outputs[Output.Ports] = ports.join(' ');
  outputs[Output.Json] = JSON.stringify(Object.fromEntries(rows.map((r) => [r.name, r.port])));
  if (settings.envFile) outputs[Output.EnvFile] = settings.envFile;
  return {
    rows,
    outputs,
    variables: Object.fromEntries(rows.map((r) => [r.envName, String(r.port)])),
    exportEnv: settings.exportEnv,
    protocol: settings.protocols.join('+'),
    protection,
  };
}

/** `WEB_PORT=34567` lines: what docker compose --env-file and dotenv read. */
export function dotenv(variables: Record<string, string>): string {
  return Object.entries(variables)
    .map(([name, value]) => `${name}=${value}\n`)
    .join('');
}

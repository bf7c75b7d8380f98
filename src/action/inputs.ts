import path from 'node:path';
import { ACTION_VOCABULARY } from '../errors.ts';
import type { PortRequest } from '../session/request.ts';
import { Input } from '../text/names.ts';
import { parseBoolean, parseTextRequest, type RawInputs } from '../text/text-request.ts';
import { getInput } from './workflow-commands.ts';

/** Everything the main step was asked, checked: the session's request and what only the action does with the ports. */
export interface ActionSettings {
  request: PortRequest;
  /** Export each port as an environment variable for later steps. */
  exportEnv: boolean;
  /** Write the job summary table. */
  summary: boolean;
  /** Absolute path of the dotenv file to write, or empty. */
  envFile: string;
}

/**
 * Reads every input of action.yml, as the runner passes it, into checked settings.
 * @throws InputError naming the first input that breaks its rule.
 */
export function readSettings(read: (name: string) => string = getInput): ActionSettings {
  const raw: RawInputs = Object.fromEntries(Object.values(Input).map((name) => [name, read(name)]));
  const value = (name: keyof RawInputs) => (raw[name] ?? '').trim();
  const request = parseTextRequest(raw, { vocabulary: ACTION_VOCABULARY, postStep: true });
  return {
    request,
    exportEnv: parseBoolean(Input.ExportEnv, value(Input.ExportEnv), true, ACTION_VOCABULARY),
    summary: parseBoolean(Input.Summary, value(Input.Summary), true, ACTION_VOCABULARY),
    envFile: value(Input.EnvFile) && path.resolve(value(Input.EnvFile)),
  };
}

import { closeSync, constants, fstatSync, openSync } from 'node:fs';
import path from 'node:path';
import { NAME_PATTERN } from '../session/naming.ts';
import { makeDirectories, NO_FOLLOW, readRegularFile, UnsafePathError } from '../platform/safe-files.ts';
import type { SocketProtocol } from '../platform/socket-table.ts';

/**
 * The ports this job's Port Zero steps handed out, so that a later step (the wait) can
 * find them by name: one JSON line per port, `{"name":"web","port":34567,"protocols":["tcp"]}`,
 * appended to `$RUNNER_TEMP/port-zero/job-ports.jsonl`. The runner empties RUNNER_TEMP at
 * the start of each job, so the file holds this job's ports only. Nothing is ever
 * rewritten: a later step that hands out a name again appends it, and the reader keeps
 * the last line of each name, as later steps' variables replace earlier ones.
 *
 * RUNNER_TEMP is the job's, but on a self-hosted host other programs of the account can
 * reach it, so the file is opened by the rule of safe-files.ts (no links, no FIFOs) and
 * read as untrusted: a line that does not fit is skipped, and at most 4 MiB is read.
 */

/** One port a step handed out. */
export interface JobPort {
  name: string;
  port: number;
  protocols: SocketProtocol[];
}

const FILE = path.join('port-zero', 'job-ports.jsonl');
const MAX_BYTES = 4 * 2 ** 20;

/** The record's path for `env`'s RUNNER_TEMP; undefined outside a runner. */
export function jobPortsFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.RUNNER_TEMP ? path.join(env.RUNNER_TEMP, FILE) : undefined;
}

/**
 * The record's file, made ready for an append (its directory and an empty file created
 * when missing, by the rule of safe-files.ts), and the text that lists `ports`: for the
 * main step to append with its other files, all or none. Undefined outside a runner (no
 * RUNNER_TEMP) or for no ports.
 * @throws UnsafePathError when the path is a link or not a regular file, or the fs error.
 */
export function jobPortsAppend(
  ports: readonly JobPort[],
  env: NodeJS.ProcessEnv = process.env,
): { file: string; text: string } | undefined {
  const file = jobPortsFile(env);
  if (!file || ports.length === 0) return undefined;
  makeDirectories(path.dirname(file));
  const fd = openSync(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | NO_FOLLOW, 0o600);
  try {
    if (!fstatSync(fd).isFile()) throw new UnsafePathError(`${file} is not a regular file`);
  } finally {
    closeSync(fd);
  }
  return { file, text: ports.map((p) => `${JSON.stringify({ name: p.name, port: p.port, protocols: p.protocols })}\n`).join('') };
}

/** One line of the record, checked field by field; undefined for anything else. */
export function parseJobPort(line: string): JobPort | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  const { name, port, protocols } = (value ?? {}) as Record<string, unknown>;
  if (typeof name !== 'string' || !NAME_PATTERN.test(name)) return undefined;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  if (!Array.isArray(protocols) || protocols.length < 1 || protocols.length > 2) return undefined;
  if (!protocols.every((p) => p === 'tcp' || p === 'udp') || new Set(protocols).size !== protocols.length) return undefined;
  return { name, port, protocols: protocols as SocketProtocol[] };
}

/**
 * Every name this job's earlier steps handed out, the last port of each, in the order
 * first handed out. Empty outside a runner or before any step wrote the record; lines
 * that do not parse are skipped (`skipped` counts them, for a debug line). Throws
 * UnsafePathError when the record is a link, not a regular file, or larger than 4 MiB.
 */
export function readJobPorts(env: NodeJS.ProcessEnv = process.env): { ports: JobPort[]; skipped: number } {
  const file = jobPortsFile(env);
  let text: string;
  try {
    if (!file) return { ports: [], skipped: 0 };
    text = readRegularFile(file, MAX_BYTES).text;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ports: [], skipped: 0 };
    throw error;
  }
  const byName = new Map<string, JobPort>();
  let skipped = 0;
  for (const line of text.split('\n').filter(Boolean)) {
    const port = parseJobPort(line);
    if (port) byName.set(port.name, port);
    else skipped++;
  }
  return { ports: [...byName.values()], skipped };
}

import { closeSync, constants, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import path from 'node:path';
import { NAME_PATTERN } from '../settings/naming.ts';
import { makeDirectories, NO_FOLLOW, openRegularFile } from '../platform/safe-files.ts';
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
 * Appends `ports` to the record in one write. Does nothing outside a runner (no
 * RUNNER_TEMP). Throws UnsafePathError when the path is a link or not a regular file,
 * or the fs error; the caller decides whether that fails its step.
 */
export function recordJobPorts(ports: readonly JobPort[], env: NodeJS.ProcessEnv = process.env): void {
  const file = jobPortsFile(env);
  if (!file || ports.length === 0) return;
  makeDirectories(path.dirname(file));
  const fd = openSync(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | NO_FOLLOW, 0o600);
  try {
    if (!fstatSync(fd).isFile()) throw new Error(`${file} is not a regular file`);
    writeSync(fd, ports.map((p) => `${JSON.stringify({ name: p.name, port: p.port, protocols: p.protocols })}\n`).join(''));
  } finally {
    closeSync(fd);
  }
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
 * UnsafePathError when the record is a link or not a regular file.
 */
export function readJobPorts(env: NodeJS.ProcessEnv = process.env): { ports: JobPort[]; skipped: number } {
  const file = jobPortsFile(env);
  let fd: number;
  try {
    if (!file) return { ports: [], skipped: 0 };
    fd = openRegularFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ports: [], skipped: 0 };
    throw error;
  }
  let buffer: Buffer;
  let length = 0;
  try {
    buffer = Buffer.alloc(Math.min(fstatSync(fd).size, MAX_BYTES));
    for (let n; length < buffer.length && (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0;) length += n;
  } finally {
    closeSync(fd);
  }
  const byName = new Map<string, JobPort>();
  let skipped = 0;
  for (const line of buffer.toString('utf8', 0, length).split('\n').filter(Boolean)) {
    const port = parseJobPort(line);
    if (port) byName.set(port.name, port);
    else skipped++;
  }
  return { ports: [...byName.values()], skipped };
}

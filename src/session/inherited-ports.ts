import path from 'node:path';
import { leaseFilePorts, judgeRecord, readRecord, recordFileName, recordToken } from '../leases/lease-record.ts';
import { ancestorPids } from '../platform/process-facts.ts';
import { processStart, type ProcessIdentity } from '../platform/process-identity.ts';
import type { Session } from './session.ts';

/**
 * One allocation for a whole test run. A test runner loads its configuration again in
 * every worker (Playwright), or allocates in a global set-up whose workers then ask again
 * (Vitest, Jest): the same names must get the same ports there. A call that succeeds
 * makes its ports visible to the processes it starts, as the environment variables the
 * action exports (`WEB_PORT`) and, in PORT_ZERO_LEASES, the lease records that hold them;
 * a later call for those names, in this process or one it started, gets the same ports
 * from a record whose owner is this process or one of its ancestors, with no new
 * allocation and no new lease.
 */

/** The lease records of this process's earlier calls and its ancestors', separated by the path delimiter. */
export const LEASES_VARIABLE = 'PORT_ZERO_LEASES';

/**
 * The ports of `names` that a live lease of this process or one of its ancestors holds,
 * found through PORT_ZERO_LEASES in `env`. What the variable names is checked as hostile:
 * only lease records (`lease-<token>.json`, absolute paths), read as any record is, live,
 * owned by this process or an ancestor (pid and start time), and a name's port one the
 * record leases. A name found in no such record is left out.
 */
export function inheritedPorts(names: readonly string[], env: NodeJS.ProcessEnv = process.env): Map<string, number> {
  const found = new Map<string, number>();
  const files = (env[LEASES_VARIABLE] ?? '')
    .split(path.delimiter)
    .filter((f) => path.isAbsolute(f) && recordToken(path.basename(f)) !== undefined);
  if (files.length === 0 || names.length === 0) return found;
  const ancestors = new Set(ancestorPids());
  for (const file of files) {
    const read = readRecord(file);
    if (read.kind !== 'record' || !judgeRecord(read.record, read.changed).live) continue;
    if (!ancestors.has(read.record.owner.runner.pid) || !sameStart(read.record.owner.runner)) continue;
    const leased = new Set(leaseFilePorts(read, path.basename(file)));
    for (const name of names) {
      const port = read.record.names?.[name];
      if (port !== undefined && leased.has(port) && !found.has(name)) found.set(name, port);
    }
  }
  return found;
}

/** The owner is the very process that runs under its pid now, not a later one that reused it. */
function sameStart(owner: ProcessIdentity): boolean {
  return owner.start === null || processStart(owner.pid) === owner.start;
}

/**
 * Makes `session`'s ports visible to the processes this one starts from now on: each
 * name's variable, and its lease record in PORT_ZERO_LEASES. Nothing for an unleased session.
 */
export function advertise(session: Session, env: NodeJS.ProcessEnv = process.env): void {
  for (const row of session.rows) env[row.envName] = String(row.port);
  const leases = leasesValue(session, env);
  if (leases !== undefined) env[LEASES_VARIABLE] = leases;
}

/** PORT_ZERO_LEASES as it is once `session`'s record joins what `env` has; undefined for an unleased session. */
export function leasesValue(session: Session, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const leases = session.state.leases;
  if (!leases) return undefined;
  const record = path.join(leases.own, recordFileName(leases.token));
  const known = (env[LEASES_VARIABLE] ?? '').split(path.delimiter).filter(Boolean);
  return (known.includes(record) ? known : [...known, record]).join(path.delimiter);
}

/** Takes `session`'s record out of PORT_ZERO_LEASES once its leases end, so processes started later do not look for it. */
export function withdraw(session: Session, env: NodeJS.ProcessEnv = process.env): void {
  const leases = session.state.leases;
  if (leases) withdrawRecord(path.join(leases.own, recordFileName(leases.token)), env);
}

/** Takes the lease record `file` out of PORT_ZERO_LEASES. */
export function withdrawRecord(file: string, env: NodeJS.ProcessEnv = process.env): void {
  const left = (env[LEASES_VARIABLE] ?? '').split(path.delimiter).filter((f) => f && f !== file);
  if (left.length) env[LEASES_VARIABLE] = left.join(path.delimiter);
  else Reflect.deleteProperty(env, LEASES_VARIABLE);
}

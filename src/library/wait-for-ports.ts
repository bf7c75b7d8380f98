import { InputError } from '../errors.ts';
import { NAME_PATTERN, NAME_RULE } from '../session/naming.ts';
import type { SocketProtocol } from '../platform/socket-table.ts';
import type { JobIdentity, Owner } from '../readiness/ownership.ts';
import { waitForTargets, type PortReadiness } from '../readiness/wait-loop.ts';
import {
  checkTimeoutMs,
  DEFAULT_TIMEOUT_MS,
  numberTarget,
  parseProtocols,
  type Naming,
  type WaitTarget,
} from '../readiness/wait-request.ts';
import { LIBRARY_VOCABULARY } from './vocabulary.ts';

/**
 * The library's wait: `await waitForPorts(ports)` resolves once a server listens on each
 * port, read from the kernel's socket table (never by resolving `localhost`), and rejects
 * at once when a port is held by another job's or another account's process.
 */

/** How to wait; every option has a default. */
export interface WaitOptions {
  /** Give up after this many milliseconds (1 to 86400000, a day). Default 60000. */
  timeoutMs?: number;
  /** Stops the wait; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** `'tcp'` (default: a socket listens on the port, on any address), `'udp'` (a socket is bound to it), or `'tcp,udp'` (both). */
  protocol?: 'tcp' | 'udp' | 'tcp,udp';
  /**
   * A listener that provably is not this process's or its descendants' (another job's
   * RUNNER_TRACKING_ID, another account that is not root): `'fail'` (default) rejects at once with
   * ForeignListenerError; `'report'` counts the port as ready, with `owner.belongs` `'foreign'`.
   */
  foreign?: 'fail' | 'report';
  /** Called for each port as it becomes ready, in the order they do. */
  onReady?: (port: ReadyPort) => void;
}

/** A port a server listens on, and whose server it is. */
export interface ReadyPort {
  /** The name given in a map, or `port-<number>` for a port given in an array. */
  name: string;
  port: number;
  protocols: SocketProtocol[];
  /** Milliseconds from the start of the wait to the look that found it ready. */
  ms: number;
  /** Each socket on the port: `tcp ::1`, `tcp 0.0.0.0`, `udp 127.0.0.1`. */
  listening: string[];
  /**
   * Who listens: pid (null where it could not be told, as for another account's process without root),
   * command, uid and account; `belongs` `'job'` (this process or a descendant, or this job's
   * RUNNER_TRACKING_ID), `'container'`, `'unknown'`, or `'foreign'` with `foreign: 'report'`; `why`
   * as a phrase (`descends from this process (pid 4242)`); a container's name where the engine gave it.
   */
  owner: Pick<Owner, 'pid' | 'command' | 'uid' | 'account' | 'belongs' | 'why'> & { container: string | null };
}

const naming = (setting: string): Naming => ({ setting, vocabulary: LIBRARY_VOCABULARY });
const refuse = (option: string, value: string, allowed: string): never => {
  throw new InputError(option, value, allowed, LIBRARY_VOCABULARY);
};

function readyPort({ target, ms, listening, owner }: PortReadiness): ReadyPort {
  const { pid, command, uid, account, belongs, why, containerName } = owner;
  return {
    name: target.name,
    port: target.port,
    protocols: target.protocols,
    ms,
    listening,
    owner: { pid, command, uid, account, belongs, why, container: containerName },
  };
}

/** The targets of an array or a name-to-port map, checked (InputError naming `ports`). */
function targetsOf(ports: readonly number[] | Readonly<Record<string, number>>, protocols: SocketProtocol[]): WaitTarget[] {
  const entries: [string | null, unknown][] = Array.isArray(ports) ? ports.map((p) => [null, p]) : Object.entries(ports);
  if (entries.length === 0) refuse('ports', '', 'at least one port');
  return entries.map(([name, port]) => {
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
      return refuse('ports', String(port), 'port numbers from 1 to 65535');
    }
    if (name !== null && !NAME_PATTERN.test(name)) return refuse('ports', name, `each name must have ${NAME_RULE}`);
    return name === null ? numberTarget(port, protocols) : { name, port, protocols, byNumber: false };
  });
}

/**
 * Waits until a server listens on every port (TCP) or is bound to it (UDP), on any
 * address. Resolves to what was found for each port: an array in the order given, or an
 * object by name for a name-to-port map (such as `getPorts({ names }).ports`). The
 * calling process and its descendants (and, in a GitHub Actions job, every process
 * carrying the job's RUNNER_TRACKING_ID) are the job.
 *
 * Rejects with InputError for a bad option, ForeignListenerError (at once) when another
 * job's or another account's process holds a port, WaitTimeoutError (listing what was
 * seen of each port) when `timeoutMs` passes, and the signal's reason when it aborts.
 */
export function waitForPorts(ports: readonly number[], options?: WaitOptions): Promise<ReadyPort[]>;
export function waitForPorts<Name extends string>(
  ports: Readonly<Record<Name, number>>,
  options?: WaitOptions,
): Promise<Record<Name, ReadyPort>>;
export async function waitForPorts(
  ports: readonly number[] | Readonly<Record<string, number>>,
  options: WaitOptions = {},
): Promise<ReadyPort[] | Record<string, ReadyPort>> {
  const protocols = parseProtocols(options.protocol ?? 'tcp', naming('protocol'));
  const timeoutMs = checkTimeoutMs(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, naming('timeoutMs'));
  const foreign = options.foreign ?? 'fail';
  if (foreign !== 'fail' && foreign !== 'report') refuse('foreign', String(foreign), "'fail' or 'report'");
  const targets = targetsOf(ports, protocols);
  const job: JobIdentity = {
    trackingId: process.env.RUNNER_TRACKING_ID || null,
    root: process.pid,
    rootName: 'this process',
    uid: process.getuid?.() ?? null,
  };
  const onReady = options.onReady;
  const results = (
    await waitForTargets(targets, { timeoutMs, job, foreign, signal: options.signal, onReady: onReady && ((r) => onReady(readyPort(r))) })
  ).map(readyPort);
  return Array.isArray(ports) ? results : Object.fromEntries(results.map((r) => [r.name, r]));
}

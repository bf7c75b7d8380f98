import { toRequest, type Request } from './options.ts';
import { LIBRARY_VOCABULARY } from './vocabulary.ts';
import { identify, type ProcessIdentity } from '../platform/process-identity.ts';
import { advertise, inheritedPorts, withdraw } from '../session/inherited-ports.ts';
import { openSession, type Program } from '../session/session.ts';

/**
 * The library for test suites: the action's allocator and leases, called from a
 * test runner. Leases belong to the calling process (its pid, and on Linux and macOS its
 * start time), so
 * test workers, the action's jobs and other processes on one host never get the
 * same port while a lease lives.
 */

/** A port range, both ends included: `[20000, 29999]`. */
export type PortRange = readonly [low: number, high: number];

/** How the ports are chosen and protected; every option has the action input's default. */
export interface PortOptions {
  /** The protocols each port must be free for. `'tcp,udp'`: free for both on the same number. Default `'tcp'`. */
  protocol?: 'tcp' | 'udp' | 'tcp,udp';
  /**
   * The addresses each port must be free on, such as `['127.0.0.1', '::1']`; each must be an
   * address of this machine. Default: every address, IPv4 and IPv6 (probed on `::`).
   */
  host?: string | readonly string[];
  /** Draw ports from this range in random order. Default: the kernel picks from its ephemeral range. */
  range?: PortRange;
  /** Ports and ranges never to hand out, also when the kernel picks: `[5432, [6000, 6100]]`. */
  exclude?: readonly (number | PortRange)[];
  /** One block of consecutive ports (in the order of `names`). Default `false`. */
  contiguous?: boolean;
  /**
   * Ports and ranges to try first, in the order given: `[3000, 3001, [8000, 8099]]`, or
   * any iterable of port numbers such as get-port's `portNumbers(3000, 3100)`. Each is taken
   * only when it is free on every address asked for and no lease holds it; the usual draw
   * fills the rest. A port browsers refuse (the Fetch standard's bad ports, such as 6000) is
   * taken only when named on its own, never from a range.
   */
  prefer?: Iterable<number | PortRange>;
  /** Hand out preferred ports only: an `AllocationError` when too few of them are free. Default `false`. */
  preferOnly?: boolean;
  /**
   * What keeps other programs off the ports after the call. `'time-wait'`: each port is left
   * in TCP TIME_WAIT, so no TCP `bind(0)` on the loopback or wildcard addresses gets it for
   * 60 s on Linux, and none on IPv4 (`127.0.0.1`, `0.0.0.0`) for 30 s on macOS, while servers
   * that set SO_REUSEADDR (Node, Go, nginx, Redis, ...) bind it at once.
   * `'none'`: leases alone. Default `'auto'`: `'time-wait'` on Linux and macOS, `'none'` on Windows.
   */
  reserve?: 'auto' | 'time-wait' | 'none';
  /** The longest the leases last, in minutes (1 to 10080). Default 360. They end sooner at `release()` or when this process exits. */
  leaseMinutes?: number;
  /**
   * The lease directory shared with every other user of Port Zero on the host, whatever its
   * account. Default: the action's, `port-zero` in the system temp directory; when that cannot
   * be used, a process warning is emitted and the ports go unleased (protected by `reserve`
   * alone, which is nothing on Windows). A directory named here must be usable, or the call
   * throws a `LeaseError`.
   */
  leaseDir?: string;
}

/** Ask for ports by name; each name follows the action's rule (a letter first, then letters, digits, `-` or `_`). */
export interface NamedRequest<Name extends string> extends PortOptions {
  names: readonly Name[];
}

/** Ask for a number of ports, 1 to 1000. */
export interface CountRequest extends PortOptions {
  count: number;
}

/** Ports handed out by one call, and the way to give them back. */
export interface Ports<Shape> {
  /** By name (`ports.web`) for a `names` request; in order for a `count` request. Distinct, and all free together. */
  readonly ports: Shape;
  /**
   * Ends the leases now, so other processes may be given these ports again. Calling it again
   * does nothing. Without it, the leases end when this process exits or after `leaseMinutes`.
   * A TIME_WAIT reservation is not undone; it ends by itself.
   */
  release(): Promise<void>;
}

/**
 * Hands out distinct free ports, leased to this process.
 *   const { ports, release } = await getPorts({ names: ['web', 'db'] }); // ports.web, ports.db
 *   const { ports } = await getPorts({ count: 3 });                       // [41233, 41235, 41239]
 *
 * One allocation for a whole test run: a `names` request gets the same ports that this
 * process or one of its ancestors already holds for those names under a live lease (a
 * configuration file loaded again in every worker, a worker of a runner whose global
 * set-up allocated), with no new allocation; names not held so are allocated. A call
 * that allocates sets each name's variable (`WEB_PORT`) and PORT_ZERO_LEASES in this
 * process's environment, so the processes it starts from then on find them. A `count`
 * request always gets new ports.
 *
 * Throws `InputError` for a bad option (naming it, quoting the value, saying what is allowed),
 * `AllocationError` when the host cannot supply the ports, `LeaseError` when a `leaseDir`
 * given cannot be used. On any error no socket or lease is left behind.
 */
export function getPorts<const Name extends string>(request: NamedRequest<Name>): Promise<Ports<Record<Name, number>>>;
export function getPorts(request: CountRequest): Promise<Ports<number[]>>;
export async function getPorts(request: Request): Promise<Ports<Record<string, number> | number[]>> {
  const checked = toRequest(request);
  const named = request.names !== undefined;
  const inherited = named ? inheritedPorts(checked.names) : new Map<string, number>();
  const missing = checked.names.filter((name) => !inherited.has(name));
  const session = missing.length ? await openSession({ ...checked, names: missing }, libraryProgram()) : undefined;
  if (session && named) advertise(session);
  const found = new Map([...inherited, ...(session?.rows ?? []).map((r): [string, number] => [r.name, r.port])]);
  let released = false;
  return {
    ports: named ? Object.fromEntries(checked.names.map((name) => [name, found.get(name)!])) : [...session!.ports],
    release: async () => {
      if (released || !session) return;
      released = true;
      session.release();
      if (named) withdraw(session);
    },
  };
}

/** The library as a program: its options' words, leases owned by this process, no post step. */
function libraryProgram(): Program {
  return {
    vocabulary: LIBRARY_VOCABULARY,
    owner: thisProcess(),
    postStep: false,
    log: { debug: () => {}, warn: (m) => process.emitWarning(m) },
  };
}

let self: ProcessIdentity | undefined;
/** This process's identity, read once: it cannot change. */
function thisProcess(): ProcessIdentity {
  return (self ??= identify(process.pid));
}

/**
 * One free port, leased to this process until it exits (or `leaseMinutes` pass): the
 * equivalent of get-port's `getPort()`. Throws as `getPorts` does.
 */
export async function getPort(options: PortOptions = {}): Promise<number> {
  const { ports } = await getPorts({ ...options, count: 1 });
  return ports[0];
}

/**
 * The library for test suites: the action's allocator and leases, called from a
 * test runner. Leases belong to the calling process (its pid, and on Linux and macOS its
 * start time), so
 * test workers, the action's jobs and other processes on one host never get the
 * same port while a lease lives.
 */
/** A port range, both ends included: `[20000, 29999]`. */
export type PortRange = readonly [
	low: number,
	high: number
];
/** How the ports are chosen and protected; every option has the action input's default. */
export interface PortOptions {
	/** The protocols each port must be free for. `'tcp,udp'`: free for both on the same number. Default `'tcp'`. */
	protocol?: "tcp" | "udp" | "tcp,udp";
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
	reserve?: "auto" | "time-wait" | "none";
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
export declare function getPorts<const Name extends string>(request: NamedRequest<Name>): Promise<Ports<Record<Name, number>>>;
export declare function getPorts(request: CountRequest): Promise<Ports<number[]>>;
/**
 * One free port, leased to this process until it exits (or `leaseMinutes` pass): the
 * equivalent of get-port's `getPort()`. Throws as `getPorts` does.
 */
export declare function getPort(options?: PortOptions): Promise<number>;
/** The result of a synchronous call: the ports, and a synchronous release. */
export interface PortsSync<Shape> {
	readonly ports: Shape;
	/** Ends the leases this call took (none when every port was an ancestor's). Calling it again does nothing. */
	release(): void;
}
/**
 * getPorts for a configuration file that cannot await (a Playwright config, say). Names
 * this process or an ancestor already holds are read from their leases at once; any
 * others are allocated by running the `port-zero` command and waiting for it (typically
 * 50-150 ms: a Node start), leased to this process as getPorts would lease them.
 * Throws as getPorts does.
 */
export declare function getPortsSync<const Name extends string>(request: NamedRequest<Name>): PortsSync<Record<Name, number>>;
export declare function getPortsSync(request: CountRequest): PortsSync<number[]>;
/** A problem the user can fix; its message is meant to be shown as it is. */
export declare class PortZeroError extends Error {
	name: string;
}
/**
 * How a program names its settings in messages, so that an error says what to change
 * in the caller's own words: the action's inputs, the command's options, the library's
 * option fields. Settings are given by their action input name ('lease-dir').
 */
export interface Vocabulary {
	/** The word a setting goes by: 'Input' (action) or 'Option' (command, library). */
	readonly kind: "Input" | "Option";
	/** A setting's own name in this program: `lease-dir` (action, command), `leaseDir` (library). */
	key(setting: string): string;
	/** A setting as messages write it: `'lease-dir'`, `--lease-dir`, `'leaseDir'`. */
	name(setting: string): string;
	/** The one line for an invalid value; default `Input 'range' has invalid value "x": allowed`. */
	invalid?(name: string, quoted: string, allowed: string): string;
	/** Why a port is refused that the caller itself leased earlier (the same job, shell or process) and still holds. */
	readonly ownLease: string;
	/** Advice to use a stronger reservation, where the program offers one. */
	readonly stronger?: string;
}
/**
 * A setting (an input, a command-line option or a library option) that breaks its rule.
 * `input` is its name in the caller's words ('lease-dir', 'leaseDir'), `value` the value
 * as given (as text), `allowed` what is allowed. The message quotes at most the first 80
 * characters of the value.
 */
export declare class InputError extends PortZeroError {
	name: string;
	readonly input: string;
	readonly value: string;
	readonly allowed: string;
	/** `setting` by its action input name; `vocabulary` says how the calling program names it. */
	constructor(setting: string, value: string, allowed: string, vocabulary?: Vocabulary);
}
/** The host could not supply the ports asked for. */
export declare class AllocationError extends PortZeroError {
	name: string;
}
/** The lease directory cannot be used. */
export declare class LeaseError extends PortZeroError {
	name: string;
}
/**
 * The kernel's table of sockets that hold a local port, in one shape for every OS:
 * which TCP sockets listen and which UDP sockets are bound, on any local address.
 * Parsers for each OS's source live here; the readers that run them are in
 * socket-readers.ts. Everything parsed is another program's output and is checked
 * field by field: a line that does not fit is skipped, never guessed at.
 */
export type SocketProtocol = "tcp" | "udp";
/**
 * Telling a container's listener from the job's, and naming the container where the
 * engine says so cheaply. A server in a host-network container (`docker run --network
 * host`) runs as root with none of the job's environment; measured with Docker 20.10 its
 * parent is `containerd-shim-runc-v2 -namespace moby -id <id>` and its control group
 * `/docker/<id>` (cgroupfs driver) or `docker-<id>.scope` (systemd driver). A published
 * port (`-p 8080:80`) is held on the host by the engine's proxy, not by the container.
 */
/** A container as far as the process tells it: its id and the engine that runs it. */
export interface ContainerRef {
	id: string;
	engine: "docker" | "podman" | "containerd" | "cri-o";
}
export type Belonging = "job" | "container" | "foreign" | "unknown";
/** A listener's owner, judged. */
export interface Owner {
	pid: number | null;
	command: string | null;
	uid: number | null;
	account: string | null;
	belongs: Belonging;
	/** Why, as a phrase: `carries this job's RUNNER_TRACKING_ID`. */
	why: string;
	/** For a container's listener: the container as its process tells it (null for a published port's proxy). */
	container: ContainerRef | null;
	/** The container's name, where the engine gave it. */
	containerName: string | null;
	/** Set for a published port's proxy, whose container is found by port rather than by process. */
	proxy: string | null;
}
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
	protocol?: "tcp" | "udp" | "tcp,udp";
	/**
	 * A listener that provably is not this process's or its descendants' (another job's
	 * RUNNER_TRACKING_ID, another account that is not root): `'fail'` (default) rejects at once with
	 * ForeignListenerError; `'report'` counts the port as ready, with `owner.belongs` `'foreign'`.
	 */
	foreign?: "fail" | "report";
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
	owner: Pick<Owner, "pid" | "command" | "uid" | "account" | "belongs" | "why"> & {
		container: string | null;
	};
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
export declare function waitForPorts(ports: readonly number[], options?: WaitOptions): Promise<ReadyPort[]>;
export declare function waitForPorts<Name extends string>(ports: Readonly<Record<Name, number>>, options?: WaitOptions): Promise<Record<Name, ReadyPort>>;
/**
 * What a wait is asked, validated once at the edge: which ports, for which protocols,
 * for how long. The action, the command and the library each call these with their
 * own names for the settings, so an error names the input as the caller wrote it.
 */
/** One port to wait for. */
export interface WaitTarget {
	/** The name it was handed out under (`web`), or `port-8080` for a port given by number. */
	name: string;
	port: number;
	/** Every protocol must be ready: TCP when a socket listens, UDP when one is bound. */
	protocols: SocketProtocol[];
	/** True when given by number rather than by a name. */
	byNumber: boolean;
}
/** A port the wait saw someone else's process listen on. */
export interface ForeignListener {
	target: WaitTarget;
	owner: Owner;
}
/**
 * A port is held by a process that provably is not the job's (another job's
 * RUNNER_TRACKING_ID, another non-root account). Thrown as soon as it is seen;
 * `listeners` names each such port with its owner's pid, command and account.
 */
export declare class ForeignListenerError extends PortZeroError {
	name: string;
	readonly listeners: readonly ForeignListener[];
	constructor(listeners: readonly ForeignListener[]);
}
/** What a wait saw of one port by its end. */
export interface SeenPort {
	target: WaitTarget;
	/** `nothing listening`, `listening for udp only`, or, for a ready port, its time and owner. */
	seen: string;
	ready: boolean;
}
/** The time-out passed before every port was ready; `ports` lists each with what was seen. */
export declare class WaitTimeoutError extends PortZeroError {
	name: string;
	readonly ports: readonly SeenPort[];
	constructor(timeoutMs: number, ports: readonly SeenPort[]);
}

export {};

/**
 * The library for test suites: the action's allocator and leases, called from a
 * test runner. Leases belong to the calling process (its pid and start time), so
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
	 * in TCP TIME_WAIT, so no `bind(0)` on the host gets it for 60 s on Linux (30 s on macOS),
	 * while servers that set SO_REUSEADDR (Node, Go, nginx, Redis, ...) bind it at once.
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

export {};

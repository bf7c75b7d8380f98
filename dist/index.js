import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 467:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: external "os"
const external_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_namespaceObject.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
var external_node_fs_default = /*#__PURE__*/__nccwpck_require__.n(external_node_fs_namespaceObject);
;// CONCATENATED MODULE: ./src/unique-id.ts

/**
 * An identifier no other call on this host or another is expected to return,
 * without node:crypto (about 10 ms of a step's start-up): a hash of the host
 * name, the process ID, the monotonic clock in nanoseconds and 52 bits of
 * Math.random, in base 36 joined by `-` (so it is safe in a file name), e.g.
 * `1x2kq9c-4d2-2p5ds3k1x3-3mtw0ahk1z4`.
 *
 * Why that is enough: on one host, two live processes never share a process ID,
 * and one process never reads the same monotonic clock value twice (it ticks in
 * nanoseconds and only forward, and a reused process ID comes later on it);
 * Math.random (seeded from the OS's entropy for each process) and the host name
 * keep apart processes that do share an ID: other hosts, or containers with
 * their own process ID namespace. It is not a secret and must not be used as one.
 */
function uniqueId() {
    const random = Math.floor(Math.random() * 2 ** 52).toString(36);
    return [hash((0,external_node_os_namespaceObject.hostname)()), process.pid.toString(36), process.hrtime.bigint().toString(36), random].join('-');
}
/** FNV-1a (32 bits) of `text`, in base 36. */
function hash(text) {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++)
        h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    return (h >>> 0).toString(36);
}

;// CONCATENATED MODULE: ./src/action/file-commands.ts



/**
 * Formats one `name`/`value` pair as the runner reads it back, without the final line ending.
 * Throws when `name` is one the runner cannot read back (empty, or with `=`, `<`,
 * CR or LF) or when the delimiter turns up in the value.
 */
function keyValueMessage(name, value, delimiter = newDelimiter()) {
    if (name === '' || /[=<\r\n]/.test(name)) {
        throw new Error(`File command name ${JSON.stringify(name)} cannot be read back by the runner: it must be non-empty, without "=", "<" or line breaks`);
    }
    if (!/[\r\n]/.test(value))
        return `${name}=${value}`;
    if (value.includes(delimiter) || name.includes(delimiter)) {
        throw new Error(`Unexpected input: the value of ${name} contains the delimiter "${delimiter}"`);
    }
    return `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${value}${external_node_os_namespaceObject.EOL}${delimiter}`;
}
/**
 * A heredoc delimiter for one value. It need not be secret: the values written
 * here are the action's own (ports, names, paths, JSON of those), and
 * keyValueMessage refuses a value that contains it.
 */
function newDelimiter() {
    return `ghadelimiter_${uniqueId()}`;
}
/**
 * Appends `name`/`value` to the file the runner names in GITHUB_<command>.
 * Returns false when that variable is unset (not under a runner), so the caller
 * can fall back to the older workflow command; throws when the file is missing.
 */
function writeFileCommand(command, name, value) {
    const file = process.env[`GITHUB_${command}`];
    if (!file)
        return false;
    file_commands_appendLine(file, keyValueMessage(name, value));
    return true;
}
/**
 * Appends `line` and a line ending to `file`, which must exist: without O_CREAT a
 * missing file is an error (ENOENT), as in @actions/core, not a new file nobody reads.
 */
function file_commands_appendLine(file, line) {
    const fd = (0,external_node_fs_namespaceObject.openSync)(file, external_node_fs_namespaceObject.constants.O_WRONLY | external_node_fs_namespaceObject.constants.O_APPEND);
    try {
        (0,external_node_fs_namespaceObject.writeSync)(fd, line + external_node_os_namespaceObject.EOL);
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
}

;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, path.sep);
}
//# sourceMappingURL=path-utils.js.map
;// CONCATENATED MODULE: ./src/lazy/core.ts
/**
 * @actions/core without node:crypto. The real index imports its file-command
 * module, which loads node:crypto (about 10 ms of every step's start-up) only to
 * draw random heredoc delimiters for outputs, environment and state. The bundle
 * maps `@actions/core` here (tsconfig.json "paths"; a bundler cannot map the
 * index's own relative import or a Node built-in): logging, inputs, state and the
 * paths are @actions/core 3's own code or behave exactly like it, and the three
 * file commands go through ../action/file-commands.ts.
 *
 * Not offered: `summary` and `markdownSummary`, whose module loads fs/promises
 * when imported (about 3 ms; the job summary is written in ../action/publish.ts),
 * and `getIDToken` and `platform`, which would load the HTTP client and
 * @actions/exec. The compiler checks callers against this module, so a call to
 * any of them fails the type check rather than the step.
 */






var ExitCode;
(function (ExitCode) {
    ExitCode[ExitCode["Success"] = 0] = "Success";
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
const getInput = (name, options) => {
    const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options?.required && !value)
        throw new Error(`Input required and not supplied: ${name}`);
    return options?.trimWhitespace === false ? value : value.trim();
};
const getMultilineInput = (name, options) => {
    const lines = getInput(name, options)
        .split('\n')
        .filter((line) => line !== '');
    return options?.trimWhitespace === false ? lines : lines.map((line) => line.trim());
};
const getBooleanInput = (name, options) => {
    const value = getInput(name, options);
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        'Support boolean input list: `true | True | TRUE | false | False | FALSE`');
};
const setOutput = (name, value) => {
    if (writeFileCommand('OUTPUT', name, toCommandValue(value)))
        return;
    process.stdout.write((external_node_os_default()).EOL);
    command_issueCommand('set-output', { name }, toCommandValue(value));
};
const exportVariable = (name, value) => {
    const converted = toCommandValue(value);
    process.env[name] = converted;
    if (!writeFileCommand('ENV', name, converted))
        command_issueCommand('set-env', { name }, converted);
};
const saveState = (name, value) => {
    if (!writeFileCommand('STATE', name, toCommandValue(value)))
        command_issueCommand('save-state', { name }, toCommandValue(value));
};
const getState = (name) => process.env[`STATE_${name}`] || '';
const addPath = (inputPath) => {
    const file = process.env.GITHUB_PATH;
    // GITHUB_PATH takes one path per line, with no name and no delimiter.
    if (file)
        appendLine(file, inputPath);
    else
        issueCommand('add-path', {}, inputPath);
    process.env.PATH = `${inputPath}${path.delimiter}${process.env.PATH}`;
};
const setSecret = (secret) => issueCommand('add-mask', {}, secret);
const setCommandEcho = (enabled) => issue('echo', enabled ? 'on' : 'off');
const isDebug = () => process.env.RUNNER_DEBUG === '1';
const debug = (message) => command_issueCommand('debug', {}, message);
const info = (message) => void process.stdout.write(message + (external_node_os_default()).EOL);
const startGroup = (name) => command_issue('group', name);
const endGroup = () => command_issue('endgroup');
const annotation = (command) => (message, properties = {}) => command_issueCommand(command, toCommandProperties(properties), message instanceof Error ? message.toString() : message);
const error = annotation('error');
const warning = annotation('warning');
const notice = annotation('notice');
const setFailed = (message) => {
    process.exitCode = ExitCode.Failure;
    error(message);
};
const group = async (name, fn) => {
    startGroup(name);
    try {
        return await fn();
    }
    finally {
        endGroup();
    }
};

;// CONCATENATED MODULE: ./src/errors.ts
/** A problem the user can fix; its message is meant to be shown as it is. */
class PortZeroError extends Error {
    name = 'PortZeroError';
}
/** An input (or command-line option) that breaks its rule. */
class InputError extends PortZeroError {
    name = 'InputError';
    input;
    value;
    allowed;
    constructor(input, value, allowed) {
        super(`Input '${input}' has invalid value ${JSON.stringify(value)}: ${allowed}`);
        this.input = input;
        this.value = value;
        this.allowed = allowed;
    }
}
/** The host could not supply the ports asked for. */
class AllocationError extends PortZeroError {
    name = 'AllocationError';
}
/** The lease directory cannot be used. */
class LeaseError extends PortZeroError {
    name = 'LeaseError';
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/allocator/port-range.ts

const MIN_PORT = 1;
const MAX_PORT = 65535;
function rangeSize(range) {
    return range.high - range.low + 1;
}
/** A set of ports kept as sorted, merged ranges: `exclude` lists and Windows' excluded ranges. */
class PortSet {
    ranges;
    constructor(ranges = []) {
        this.ranges = merge([...ranges]);
    }
    has(port) {
        let lo = 0;
        let hi = this.ranges.length - 1;
        while (lo <= hi) {
            const mid = (lo + hi) >> 1;
            const r = this.ranges[mid];
            if (port < r.low)
                hi = mid - 1;
            else if (port > r.high)
                lo = mid + 1;
            else
                return true;
        }
        return false;
    }
    /** How many ports of `range` are not in the set. */
    countOutside(range) {
        let inside = 0;
        for (const r of this.ranges) {
            inside += Math.max(0, Math.min(r.high, range.high) - Math.max(r.low, range.low) + 1);
        }
        return rangeSize(range) - inside;
    }
    union(other) {
        return new PortSet([...this.ranges, ...other.ranges]);
    }
    get size() {
        return this.ranges.length;
    }
}
function merge(ranges) {
    const sorted = ranges.toSorted((a, b) => a.low - b.low);
    const merged = [];
    for (const r of sorted) {
        const last = merged.at(-1);
        if (last && r.low <= last.high + 1)
            merged[merged.length - 1] = { low: last.low, high: Math.max(last.high, r.high) };
        else
            merged.push({ low: r.low, high: r.high });
    }
    return merged;
}
/**
 * The range the kernel draws ephemeral ports from. Contiguous blocks come from
 * here when no `range` is given: it is where port 0 would have picked anyway.
 */
function ephemeralRange(platform = process.platform) {
    if (platform === 'linux') {
        try {
            const [low, high] = (0,external_node_fs_namespaceObject.readFileSync)('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
            if (low && high && low <= high)
                return { low, high };
        }
        catch {
            // fall through to the IANA range
        }
    }
    return { low: 49152, high: 65535 }; // macOS and Windows default
}

;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
var external_node_net_default = /*#__PURE__*/__nccwpck_require__.n(external_node_net_namespaceObject);
;// CONCATENATED MODULE: ./src/allocator/own-connection.ts

/**
 * Connects to `host`:`port`, where `server` (ours) listens, and resolves with the
 * socket `server` accepted for that connection; both stay open for the caller.
 * 'elsewhere': the connection succeeded but nothing of ours arrived within
 * `waitMs` (another program listens on that address). 'refused': nobody listens there.
 *
 * The client's port is known only after its 'connect' event, and whether that or
 * the server's 'connection' comes first varies with the platform's poller, so the
 * accepted sockets wait until both are in. Sockets of other clients are closed.
 */
function connectToOwn(server, host, port, waitMs) {
    return new Promise((resolve) => {
        const accepted = [];
        let clientPort;
        let timer;
        let done = false;
        const finish = (result) => {
            if (done)
                return;
            done = true;
            clearTimeout(timer);
            server.off('connection', onConnection);
            for (const stranger of accepted.splice(0))
                stranger.destroy();
            resolve(result);
        };
        const match = () => {
            if (clientPort === undefined)
                return;
            const i = accepted.findIndex((socket) => socket.remotePort === clientPort);
            if (i >= 0)
                finish({ outcome: 'ours', client, accepted: accepted.splice(i, 1)[0] });
        };
        const onConnection = (socket) => {
            accepted.push(socket);
            match();
        };
        server.on('connection', onConnection);
        const client = external_node_net_default().connect({ host, port });
        client.once('connect', () => {
            clientPort = client.localPort;
            match();
            if (done)
                return;
            timer = setTimeout(() => {
                client.destroy();
                finish({ outcome: 'elsewhere' });
            }, waitMs);
        });
        client.once('error', () => {
            client.destroy();
            finish({ outcome: 'refused' });
        });
    });
}

;// CONCATENATED MODULE: ./src/protection/time-wait.ts


/**
 * Leaves each held TCP port in TIME_WAIT: connect to it, let the server side
 * close first, then close the client. For the next 60 s (Linux) no bind(0) and
 * no outgoing connection on the host gets the port, while a server that sets
 * SO_REUSEADDR still binds it at once. Must run before the listeners close.
 *
 * Each port costs one loopback TCP connection (handshake, accept, two closes):
 * kernel work that dominates the cost of a reserved batch.
 */
async function reserveTimeWait(held) {
    await Promise.all(held.filter((h) => h.server).map((h) => connectAndCloseFirst(h)));
}
function loopbackFor(host) {
    return host === '::' || host === '0.0.0.0' || host === '' ? '127.0.0.1' : host;
}
async function connectAndCloseFirst(held) {
    const own = await connectToOwn(held.server, loopbackFor(held.host), held.port, 10_000);
    if (own.outcome !== 'ours')
        throw new AllocationError(`Port ${held.port} could not be reserved: its connection went ${own.outcome === 'refused' ? 'unanswered' : 'to another program'}`);
    own.accepted.destroy(); // the server side closes first: the TIME_WAIT entry is on the held port
    // On loopback the server's FIN has reached the client already, so this close completes the exchange.
    own.client.destroy();
}

;// CONCATENATED MODULE: ./src/allocator/sockets.ts

/** Binding here means every address, IPv4 and IPv6: "::" dual-stack, or "0.0.0.0" where there is no IPv6. */
const EVERY_ADDRESS = '';
/** Errors that mean "this port is taken (or forbidden) here, try another". */
const BUSY_CODES = new Set(['EADDRINUSE', 'EACCES']);
function isBusy(error) {
    return BUSY_CODES.has(error?.code ?? '');
}
/** Binds one socket; port 0 lets the kernel choose. Rejects with the socket error. */
function bind(protocol, host, port) {
    return protocol === 'tcp' ? listenTcp(host, port) : bindUdp(host, port);
}
function listenTcp(host, port) {
    return new Promise((resolve, reject) => {
        const server = external_node_net_default().createServer();
        server.once('error', reject);
        // Without a host Node binds "::" with ipv6Only off (or "0.0.0.0" without IPv6), skipping an address lookup.
        const where = host === EVERY_ADDRESS ? {} : { host, ipv6Only: false };
        server.listen({ ...where, port, backlog: 8, exclusive: true }, () => {
            server.off('error', reject);
            const address = server.address();
            resolve({ protocol: 'tcp', host: address.address, port: address.port, server, close: () => closeServer(server) });
        });
    });
}
function closeServer(server) {
    return new Promise((resolve) => server.close(() => resolve()));
}
/** dgram is loaded only when UDP is asked for: it is not needed to start. */
async function bindUdp(host, port) {
    if (host !== EVERY_ADDRESS)
        return bindUdpOn(host, port);
    return bindUdpOn('::', port).catch((error) => {
        if (error.code === 'EAFNOSUPPORT' || error.code === 'EADDRNOTAVAIL')
            return bindUdpOn('0.0.0.0', port);
        throw error;
    });
}
function bindUdpOn(host, port) {
    const { createSocket } = process.getBuiltinModule('node:dgram');
    return new Promise((resolve, reject) => {
        const socket = createSocket({ type: external_node_net_default().isIPv6(host) ? 'udp6' : 'udp4', ipv6Only: false });
        socket.once('error', (error) => {
            socket.close();
            reject(error);
        });
        socket.bind({ address: host, port, exclusive: true }, () => {
            socket.removeAllListeners('error');
            resolve({ protocol: 'udp', host, port: socket.address().port, close: () => closeUdp(socket) });
        });
    });
}
function closeUdp(socket) {
    return new Promise((resolve) => {
        try {
            socket.close(() => resolve());
        }
        catch {
            resolve(); // already closed
        }
    });
}
async function closeAll(held) {
    await Promise.all([...held].map((h) => h.close()));
}

;// CONCATENATED MODULE: ./src/allocator/confirm-loopback.ts

const LOOPBACKS = ['127.0.0.1', '::1'];
/**
 * On macOS and Windows a wildcard socket can coexist with another program's
 * listener on 127.0.0.1 or ::1. Connect to each loopback address: if our own
 * server does not get the connection, somebody else listens there.
 */
async function confirmLoopback(held) {
    if (!held.server || (held.host !== '::' && held.host !== '0.0.0.0'))
        return true;
    const addresses = held.host === '::' ? LOOPBACKS : LOOPBACKS.slice(0, 1);
    const results = await Promise.all(addresses.map((a) => reachesOwnServer(held.server, a, held.port)));
    return results.every(Boolean);
}
/** Refused counts as free: nobody listens on that address (or the machine lacks it). */
async function reachesOwnServer(server, address, port) {
    const own = await connectToOwn(server, address, port, 1000);
    if (own.outcome === 'ours') {
        own.accepted.destroy();
        own.client.destroy();
    }
    return own.outcome !== 'elsewhere';
}

;// CONCATENATED MODULE: ./src/platform/windows-excluded.ts

/**
 * Windows reserves whole port ranges (Hyper-V, WinNAT) that fail with EACCES and
 * move at run time. `netsh int ipv4 show excludedportrange protocol=tcp` lists them:
 *
 *     Start Port    End Port
 *     ----------    --------
 *          5357        5357
 *         50000       50059     *
 *
 * Headers and footnotes are localized, so only the rows of two numbers count.
 */
function parseExcludedRanges(output) {
    const ranges = [];
    for (const line of output.split(/\r?\n/)) {
        const match = /^\s*(\d{1,5})\s+(\d{1,5})(\s+\*)?\s*$/.exec(line);
        if (!match)
            continue;
        const low = Number(match[1]);
        const high = Number(match[2]);
        if (low >= 1 && low <= high && high <= 65535)
            ranges.push({ low, high });
    }
    return ranges;
}
const runNetsh = (file, args) => new Promise((resolve, reject) => {
    const { execFile } = process.getBuiltinModule('node:child_process');
    execFile(file, args, { windowsHide: true, timeout: 10_000 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
});
/** Every excluded range for the protocols asked, IPv4 and IPv6 alike (each has its own list). */
async function windowsExcludedPorts(protocols, run = runNetsh) {
    const queries = protocols.flatMap((protocol) => ['ipv4', 'ipv6'].map((family) => ['interface', family, 'show', 'excludedportrange', `protocol=${protocol}`]));
    const outputs = await Promise.all(queries.map((args) => run('netsh', args).catch(() => '')));
    return new PortSet(outputs.flatMap(parseExcludedRanges));
}

;// CONCATENATED MODULE: ./src/allocator/allocate-ports.ts






/** Gives up after skipping this many taken, leased or excluded ports: the host is full. */
const MAX_SKIPPED = 20000;
/**
 * Binds the whole batch, holds every socket until all ports are known, then
 * closes them all, so no port can be handed out twice within the batch.
 */
async function allocatePorts(options) {
    const spec = await resolveSpec(options);
    const chosen = [];
    const skipped = [];
    try {
        const source = spec.contiguous ? blockSource(spec) : spec.range ? rangeSource(spec) : kernelSource(spec);
        while (chosen.length < spec.count && !(spec.contiguous && chosen.length > 0)) {
            const batch = await source(spec.count - chosen.length);
            if (!batch)
                break;
            await judge(spec, batch, chosen, skipped);
            if (skipped.length > MAX_SKIPPED)
                throw new AllocationError(`Gave up after skipping ${skipped.length} taken ports`);
        }
        const ports = chosen.flatMap((c) => c.ports);
        if (ports.length < spec.count)
            throw shortfall(spec, ports.length);
        if (spec.reserve === 'time-wait')
            await reserveTimeWait(chosen.flatMap((c) => c.held));
        const bound = chosen[0].held.map((h) => h.host); // what "every address" turned out to be here
        return { ports, hosts: [...new Set(bound)], protocols: spec.protocols, reserve: spec.reserve };
    }
    finally {
        await closeAll([...skipped, ...chosen.flatMap((c) => c.held)]);
    }
}
/**
 * Sorts a batch into chosen and skipped. Skipped sockets stay bound until the
 * end, so the kernel cannot offer those ports again; so do any not needed.
 */
async function judge(spec, batch, chosen, skipped) {
    const asks = spec.claim !== undefined || spec.confirmLoopback;
    for (let i = 0; i < batch.length; i++) {
        const candidate = batch[i];
        const wanted = chosen.length < spec.count && !(spec.contiguous && chosen.length > 0);
        let taken;
        try {
            taken = wanted && candidate.free && !candidate.ports.some((p) => spec.exclude.has(p)) && (!asks || (await claimed(spec, candidate)));
        }
        catch (error) {
            for (const rest of batch.slice(i))
                skipped.push(...rest.held); // still ours to close
            throw error;
        }
        if (taken)
            chosen.push(candidate);
        else
            skipped.push(...candidate.held);
    }
}
async function claimed(spec, candidate) {
    if (spec.confirmLoopback && !(await confirmAll(candidate)))
        return false;
    return spec.claim ? spec.claim(candidate.ports) : true;
}
async function resolveSpec(options) {
    if (!Number.isInteger(options.count) || options.count < 1) {
        throw new PortZeroError(`count must be a whole number of at least 1, got ${options.count}`);
    }
    const hosts = options.hosts?.length ? [...options.hosts] : [EVERY_ADDRESS];
    const protocols = options.protocols?.length ? [...new Set(options.protocols)] : ['tcp'];
    let exclude = options.exclude ?? new PortSet();
    // Port 0 avoids Windows' excluded ranges, but a range or a contiguous block does not.
    if (process.platform === 'win32' && (options.range || options.contiguous)) {
        exclude = exclude.union(await windowsExcludedPorts(protocols));
    }
    return {
        count: options.count,
        protocols,
        hosts,
        pairs: protocols.flatMap((protocol) => hosts.map((host) => ({ protocol, host }))),
        range: options.range,
        exclude,
        contiguous: options.contiguous ?? false,
        claim: options.claim,
        reserve: options.reserve ?? 'none',
        confirmLoopback: options.confirmLoopback ?? process.platform !== 'linux',
    };
}
async function confirmAll(candidate) {
    const results = await Promise.all(candidate.held.map((h) => confirmLoopback(h)));
    return results.every(Boolean);
}
function shortfall(spec, found) {
    const where = spec.range ? `range ${spec.range.low}-${spec.range.high}` : 'the ephemeral range';
    if (spec.contiguous) {
        return new AllocationError(`No block of ${spec.count} consecutive free ports in ${where}`);
    }
    return new AllocationError(`Only ${found} of the ${spec.count} ports asked for are free in ${where}`);
}
/** Binds `port` on every (protocol, host) pair, holding what succeeds. Port 0 lets the first bind choose. */
async function bindEverywhere(spec, port) {
    const [head, ...rest] = spec.pairs;
    const first = await bind(head.protocol, head.host, port).catch((error) => {
        if (port !== 0 && isBusy(error))
            return undefined;
        throw explain(error, head.host, port);
    });
    if (!first)
        return { ports: [port], held: [], free: false };
    if (rest.length === 0)
        return { ports: [first.port], held: [first], free: true }; // the usual case: TCP, every address
    const others = await Promise.allSettled(rest.map((p) => bind(p.protocol, p.host, first.port)));
    const held = [first, ...fulfilled(others)];
    const failure = rejected(others).find((e) => !isBusy(e));
    if (failure) {
        await closeAll(held);
        throw explain(failure, '', first.port);
    }
    return { ports: [first.port], held, free: held.length === spec.pairs.length };
}
function fulfilled(results) {
    return results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
}
function rejected(results) {
    return results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
}
function explain(error, host, port) {
    const code = error?.code;
    if (code === 'EADDRNOTAVAIL')
        return new AllocationError(`Address ${host || 'asked for'} is not an address of this machine`);
    if (port === 0 && (code === 'EADDRINUSE' || code === 'EAGAIN')) {
        return new AllocationError('The kernel has no free ephemeral port left');
    }
    return error instanceof Error ? error : new Error(String(error));
}
/** The kernel picks; every socket stays bound, so it never offers the same port twice. */
function kernelSource(spec) {
    let size = 0;
    // When proposals keep being refused (leased, excluded), draw more at once instead of a few per round.
    return (remaining) => {
        size = size === 0 ? remaining : Math.min(Math.max(size * 2, remaining), 1024);
        return settleAll(Array.from({ length: size }, () => bindEverywhere(spec, 0)));
    };
}
/** Random order: lowest-first would make concurrent jobs collide on the same low ports. */
function rangeSource(spec) {
    const order = shuffled(spec.range, spec.exclude);
    return async (remaining) => {
        while (order.length > 0) {
            const batch = await settleAll(order.splice(0, remaining).map((port) => bindEverywhere(spec, port)));
            // A range is walked once: a refused port need not be held.
            await closeAll(batch.filter((c) => !c.free).flatMap((c) => c.held));
            const free = batch.filter((c) => c.free);
            if (free.length > 0)
                return free;
        }
        return undefined;
    };
}
/** Random blocks of consecutive ports, in `range` or the ephemeral range, until one is wholly free. */
function blockSource(spec) {
    const range = spec.range ?? ephemeralRange();
    const bases = shuffled({ low: range.low, high: range.high - spec.count + 1 }, new PortSet());
    return async () => {
        for (let base = bases.pop(); base !== undefined; base = bases.pop()) {
            const ports = Array.from({ length: spec.count }, (_, i) => base + i);
            if (ports.some((p) => spec.exclude.has(p)))
                continue;
            const parts = await settleAll(ports.map((port) => bindEverywhere(spec, port)));
            const held = parts.flatMap((p) => p.held);
            if (parts.every((p) => p.free))
                return [{ ports, held, free: true }];
            await closeAll(held);
        }
        return undefined;
    };
}
/** Like Promise.all, but closes what the other promises bound when one of them fails. */
async function settleAll(promises) {
    try {
        return await Promise.all(promises);
    }
    catch (failure) {
        const results = await Promise.allSettled(promises);
        await closeAll(fulfilled(results).flatMap((c) => c.held));
        throw failure;
    }
}
function shuffled(range, exclude) {
    const ports = [];
    if (range.high < range.low)
        return ports;
    for (let p = range.low; p <= range.high; p++)
        if (!exclude.has(p))
            ports.push(p);
    for (let i = ports.length - 1; i > 0; i--) {
        const j = Math.floor(Math.random() * (i + 1));
        [ports[i], ports[j]] = [ports[j], ports[i]];
    }
    return ports;
}

;// CONCATENATED MODULE: ./src/settings/constants.ts
/** Names that cross a boundary: action.yml inputs, step outputs, and state kept for the post step. */
const Input = {
    Names: 'names',
    Count: 'count',
    EnvPrefix: 'env-prefix',
    ExportEnv: 'export-env',
    Protocol: 'protocol',
    Host: 'host',
    Range: 'range',
    Exclude: 'exclude',
    Contiguous: 'contiguous',
    Reserve: 'reserve',
    LeaseDir: 'lease-dir',
    LeaseMinutes: 'lease-minutes',
    Summary: 'summary',
    EnvFile: 'env-file',
};
const Output = {
    Port: 'port',
    Ports: 'ports',
    Json: 'json',
    EnvFile: 'env-file',
};
const State = {
    LeaseDir: 'leaseDir',
    LeaseToken: 'leaseToken',
    LeasePorts: 'leasePorts',
    Holder: 'holder',
};
/** The most ports one step hands out. */
const MAX_COUNT = 1000;
/** Leases and the holder end after this long unless released first: six hours, the longest a hosted job runs. */
const DEFAULT_LEASE_MINUTES = 360;
const MAX_LEASE_MINUTES = 7 * 24 * 60;

;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./src/platform/process-identity.ts

/** The start time of `pid`, or null when it is not running or the OS does not tell. */
function processStart(pid, platform = process.platform) {
    try {
        if (platform === 'linux') {
            // Field 22 of /proc/PID/stat (clock ticks after boot); the name before it may hold spaces.
            const fields = (0,external_node_fs_namespaceObject.readFileSync)(`/proc/${pid}/stat`, 'utf8');
            const [state, ...rest] = fields.slice(fields.lastIndexOf(')') + 2).split(' ');
            return state === 'Z' ? null : (rest[18] ?? null); // a zombie has exited already
        }
        if (platform === 'darwin' || platform === 'freebsd') {
            const { execFileSync } = process.getBuiltinModule('node:child_process');
            const out = execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8', stdio: 'pipe' });
            return out.trim() || null;
        }
    }
    catch {
        return null;
    }
    return null; // Windows: liveness by pid alone, with the lease's expiry as the backstop
}
function identify(pid) {
    return { pid, start: processStart(pid) };
}
/** True while the process runs and, where its start time is known, is still the same process. */
function isRunning(identity) {
    if (!Number.isInteger(identity.pid) || identity.pid <= 0)
        return false;
    try {
        process.kill(identity.pid, 0);
    }
    catch (error) {
        if (error.code !== 'EPERM')
            return false; // EPERM: alive, another user's
    }
    if (identity.start === null)
        return true;
    return processStart(identity.pid) === identity.start;
}

;// CONCATENATED MODULE: ./src/protection/holder.ts





/**
 * Where the holder program is: dist/holder/index.js beside the main bundle or one
 * level up from the post bundle, or src/programs/holder.ts when running from src/.
 */
const HOLDER_PATHS = [
    ['holder', 'index.js'],
    ['..', 'holder', 'index.js'],
    ['..', 'programs', 'holder.ts'],
];
function holderScript() {
    const here = external_node_path_default().dirname((0,external_node_url_namespaceObject.fileURLToPath)(import.meta.url));
    const found = HOLDER_PATHS.map((parts) => external_node_path_default().join(here, ...parts)).find((file) => (0,external_node_fs_namespaceObject.existsSync)(file));
    if (!found)
        throw new PortZeroError(`The port holder program is missing beside ${here}`);
    return found;
}
/** Starts the detached holder and waits until it holds every port it can. */
function startHolder(config) {
    const { spawn } = process.getBuiltinModule('node:child_process');
    const child = spawn(process.execPath, [holderScript(), JSON.stringify({ pollMs: 250, ...config })], {
        detached: true,
        windowsHide: true, // no console window for a background process on Windows
        stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    return new Promise((resolve, reject) => {
        const fail = (why) => {
            child.kill('SIGKILL');
            reject(new PortZeroError(`The port holder did not start: ${why}`));
        };
        const timer = setTimeout(() => fail('no answer in 10 s'), 10_000);
        child.once('error', (error) => fail(error.message));
        child.once('exit', (code) => fail(`it exited with code ${code}`));
        child.once('message', (ready) => {
            clearTimeout(timer);
            child.removeAllListeners('exit');
            child.disconnect();
            child.unref();
            resolve({ ...ready, process: identify(child.pid) });
        });
    });
}
/** Ends the holder if it still runs; true once it is gone. */
async function stopHolder(holder) {
    if (!isRunning(holder))
        return true;
    process.kill(holder.pid, 'SIGTERM');
    for (let waited = 0; waited < 3000; waited += 50) {
        await new Promise((r) => setTimeout(r, 50));
        if (!isRunning(holder))
            return true;
    }
    process.kill(holder.pid, 'SIGKILL');
    return !isRunning(holder);
}

;// CONCATENATED MODULE: ./src/settings/naming.ts

/** Names: how a port's name becomes its step output and its environment variable. */
const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const NAME_RULE = 'a letter first, then letters, digits, "-" or "_", at most 64 characters';
/** Outputs that every run sets (env-file when asked); a port may not take their names. */
const FIXED_OUTPUTS = Object.values(Output);
/** Splits a `names` value at spaces, commas and newlines. */
function splitNames(raw) {
    return raw.split(/[\s,]+/).filter((n) => n.length > 0);
}
/** `port-1` ... `port-N`, the names used when only a count is given. */
function defaultNames(count) {
    return Array.from({ length: count }, (_, i) => `port-${i + 1}`);
}
/**
 * `web` -> `WEB_PORT`, `db-main` -> `DB_MAIN_PORT`, `api_port` -> `API_PORT`,
 * `port-2` -> `PORT_2`: upper-case, `-` to `_`, and `_PORT` unless the name
 * already ends in `PORT` or `PORT_<digits>`.
 */
function envName(name, prefix = '') {
    const base = name.toUpperCase().replaceAll('-', '_');
    const suffix = /PORT(_\d+)?$/.test(base) ? '' : '_PORT';
    return `${prefix}${base}${suffix}`;
}

;// CONCATENATED MODULE: ./src/settings/inputs.ts








/** What the allocator is asked, from the settings; leases and reservation are the caller's to add. */
function allocationRequest(settings) {
    return {
        count: settings.names.length,
        protocols: settings.protocols,
        hosts: settings.hosts,
        range: settings.range,
        exclude: settings.exclude,
        contiguous: settings.contiguous,
    };
}
function parseSettings(raw) {
    const value = (name) => (raw[name] ?? '').trim();
    const names = parseNames(value(Input.Names), value(Input.Count));
    const prefix = parseEnvPrefix(value(Input.EnvPrefix));
    const envNames = mapEnvNames(names, prefix);
    const range = parseRange(value(Input.Range), names.length);
    const exclude = parsePortList(Input.Exclude, value(Input.Exclude));
    checkRangeAgainstExclude(range, exclude, names.length, value(Input.Exclude));
    return {
        names,
        envNames,
        exportEnv: parseBoolean(Input.ExportEnv, value(Input.ExportEnv), true),
        protocols: parseProtocol(value(Input.Protocol)),
        hosts: parseHosts(value(Input.Host)),
        range,
        exclude,
        contiguous: parseBoolean(Input.Contiguous, value(Input.Contiguous), false),
        reserve: parseReserve(value(Input.Reserve)),
        leaseDir: value(Input.LeaseDir),
        leaseMinutes: parseLeaseMinutes(value(Input.LeaseMinutes)),
        summary: parseBoolean(Input.Summary, value(Input.Summary), true),
        envFile: value(Input.EnvFile) && external_node_path_default().resolve(value(Input.EnvFile)),
    };
}
function parseCount(raw) {
    const allowed = `a whole number from 1 to ${MAX_COUNT}`;
    if (!/^\d+$/.test(raw))
        throw new InputError(Input.Count, raw, allowed);
    const count = Number(raw);
    if (count < 1 || count > MAX_COUNT)
        throw new InputError(Input.Count, raw, allowed);
    return count;
}
/** Names as given, or `port-1` ... `port-N` from `count`. */
function parseNames(rawNames, rawCount) {
    const count = parseCount(rawCount || '1');
    if (rawNames === '')
        return defaultNames(count);
    if (rawNames.split(',').some((part) => part.trim() === '')) {
        throw new InputError(Input.Names, rawNames, 'an empty name between commas; separate names with spaces, commas or newlines');
    }
    const names = splitNames(rawNames);
    for (const name of names) {
        if (!NAME_PATTERN.test(name))
            throw new InputError(Input.Names, name, `each name must have ${NAME_RULE}`);
        if (FIXED_OUTPUTS.some((fixed) => fixed === name.toLowerCase())) {
            throw new InputError(Input.Names, name, `the outputs ${FIXED_OUTPUTS.join(', ')} are always set, so no port can take those names`);
        }
    }
    if (names.length > MAX_COUNT)
        throw new InputError(Input.Names, rawNames, `at most ${MAX_COUNT} names`);
    if (count !== 1 && count !== names.length) {
        throw new InputError(Input.Count, rawCount, `${names.length} names were given, so 'count' must be left out or be ${names.length}`);
    }
    return names;
}
/** Each name's environment variable; two names that map to one (`web-api`, `web_api`, `Web-API`) are refused. */
function mapEnvNames(names, prefix) {
    const seen = new Map();
    return names.map((name) => {
        const env = envName(name, prefix);
        const other = seen.get(env);
        if (other !== undefined) {
            const why = other === name ? 'appears twice' : `clashes with '${other}': both become ${env}`;
            throw new InputError(Input.Names, name, `each name must be unique; it ${why}`);
        }
        seen.set(env, name);
        return env;
    });
}
function parseEnvPrefix(raw) {
    if (raw === '' || /^[A-Za-z_][A-Za-z0-9_]*$/.test(raw))
        return raw;
    throw new InputError(Input.EnvPrefix, raw, 'a letter or "_" first, then letters, digits or "_" (or empty)');
}
/** The values the runner's own getBooleanInput accepts, and empty for the default. */
function parseBoolean(input, raw, fallback) {
    if (raw === '')
        return fallback;
    if (['true', 'True', 'TRUE'].includes(raw))
        return true;
    if (['false', 'False', 'FALSE'].includes(raw))
        return false;
    throw new InputError(input, raw, 'true or false');
}
/** auto: TIME_WAIT where it protects (Linux, macOS); on Windows it does not, so none. */
function parseReserve(raw, platform = process.platform) {
    const mode = raw === '' ? 'auto' : raw;
    if (mode === 'auto')
        return platform === 'win32' ? 'none' : 'time-wait';
    if (mode === 'none' || mode === 'time-wait' || mode === 'holder')
        return mode;
    throw new InputError(Input.Reserve, raw, 'auto, time-wait, holder or none');
}
function parseLeaseMinutes(raw) {
    if (raw === '')
        return DEFAULT_LEASE_MINUTES;
    const minutes = Number(raw);
    if (!/^\d+$/.test(raw) || minutes < 1 || minutes > MAX_LEASE_MINUTES) {
        throw new InputError(Input.LeaseMinutes, raw, `a whole number of minutes from 1 to ${MAX_LEASE_MINUTES}`);
    }
    return minutes;
}
function parseProtocol(raw) {
    if (raw === '')
        return ['tcp'];
    const parts = raw
        .toLowerCase()
        .split(/[\s,]+/)
        .filter(Boolean);
    const valid = parts.length > 0 && parts.length <= 2 && parts.every((p) => p === 'tcp' || p === 'udp');
    if (!valid || new Set(parts).size !== parts.length)
        throw new InputError(Input.Protocol, raw, 'tcp, udp or tcp,udp');
    return parts;
}
/** Addresses a port must be free on; each must be an address of this machine. */
function parseHosts(raw, known) {
    const hosts = [...new Set(raw.split(/[\s,]+/).filter(Boolean))];
    // Listed only when an address is given: the usual empty input costs no interface lookup.
    const interfaces = hosts.length > 0 ? (known ?? localAddresses()) : new Set();
    for (const host of hosts) {
        if (external_node_net_default().isIP(host) === 0)
            throw new InputError(Input.Host, host, 'IP addresses separated by spaces or commas, such as 127.0.0.1 ::1');
        if (!interfaces.has(host)) {
            throw new InputError(Input.Host, host, `not an address of this machine; it has ${[...interfaces].join(', ')}`);
        }
    }
    return hosts;
}
function localAddresses() {
    const found = Object.values(external_node_os_default().networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address));
    return new Set(['0.0.0.0', '::', ...found]);
}
const PORT_ITEM = /^(\d{1,5})(?:-(\d{1,5}))?$/;
function parseItem(input, raw, item, allowed) {
    const match = PORT_ITEM.exec(item);
    const low = Number(match?.[1]);
    const high = match?.[2] === undefined ? low : Number(match[2]);
    if (!match || low < MIN_PORT || high > MAX_PORT || low > high)
        throw new InputError(input, raw, allowed);
    return { low, high };
}
function parseRange(raw, count, canBind) {
    if (raw === '')
        return undefined;
    const allowed = `LOW-HIGH with ${MIN_PORT} <= LOW <= HIGH <= ${MAX_PORT}, such as 20000-29999`;
    if (!raw.includes('-'))
        throw new InputError(Input.Range, raw, allowed);
    const range = parseItem(Input.Range, raw, raw, allowed);
    if (rangeSize(range) < count)
        throw new InputError(Input.Range, raw, `it holds ${rangeSize(range)} ports, fewer than the ${count} asked for`);
    if (!(canBind ?? privilegedPortsAllowed())(range.low)) {
        throw new InputError(Input.Range, raw, `ports below ${firstUnprivilegedPort()} need root on this runner; use a range above it`);
    }
    return range;
}
function parsePortList(input, raw) {
    const allowed = 'ports and ranges separated by commas or spaces, such as 5432, 6000-6100';
    const items = raw.split(/[\s,]+/).filter(Boolean);
    return new PortSet(items.map((item) => parseItem(input, raw, item, allowed)));
}
function checkRangeAgainstExclude(range, exclude, count, raw) {
    if (!range || exclude.size === 0)
        return;
    const left = exclude.countOutside(range);
    const where = `range ${range.low}-${range.high}`;
    if (left === 0)
        throw new InputError(Input.Exclude, raw, `it covers the whole ${where}`);
    if (left < count) {
        throw new InputError(Input.Exclude, raw, `it leaves ${left} of the ports of ${where}, fewer than the ${count} asked for`);
    }
}
/** Linux lets only root bind below net.ipv4.ip_unprivileged_port_start (1024 unless changed). */
function firstUnprivilegedPort() {
    if (process.platform !== 'linux')
        return 1024;
    try {
        return Number((0,external_node_fs_namespaceObject.readFileSync)('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8').trim());
    }
    catch {
        return 1024;
    }
}
function privilegedPortsAllowed() {
    // macOS (10.14 on) and Windows let anyone bind low ports.
    if (process.platform !== 'linux' || process.getuid?.() === 0)
        return () => true;
    const first = firstUnprivilegedPort();
    return (port) => port >= first;
}

;// CONCATENATED MODULE: ./src/protection/leases.ts






const DEFAULT_LEASE_DIR = external_node_path_default().join(external_node_os_default().tmpdir(), 'port-zero-leases');
const LEASE_FILE = /^(\d{1,5})\.lease$/;
const O_NOFOLLOW = (external_node_fs_default()).constants.O_NOFOLLOW ?? 0; // absent on Windows, where the directory check suffices
/**
 * A new allocation's token, e.g. `1x2kq9c-4d2-2p5ds3k1x3-3mtw0ahk1z4`: unique across
 * processes and hosts (see uniqueId for why) and safe in a file name. Built without
 * node:crypto, which would cost every step about 10 ms of start-up; a token is not a
 * secret, and two equal tokens could not share a lease directory anyway, because the
 * owner record `.owner-<token>.json` is created exclusively.
 */
function newToken() {
    return uniqueId();
}
function newOwner(runner, env = process.env) {
    return {
        token: newToken(),
        run: [env.GITHUB_REPOSITORY, env.GITHUB_RUN_ID, env.GITHUB_RUN_ATTEMPT].filter(Boolean).join('/') || 'local',
        job: env.GITHUB_JOB ?? 'local',
        runner,
        host: external_node_os_default().hostname(),
    };
}
function leasePath(dir, port) {
    return external_node_path_default().join(dir, `${port}.lease`);
}
/**
 * The directory lives somewhere shared, so it is treated as hostile: it must be a
 * real directory (not a link), ours, and not writable by others. Creates it if missing.
 */
function openLeaseDir(dir) {
    let stat;
    try {
        stat = external_node_fs_default().lstatSync(dir);
    }
    catch (error) {
        if (error.code !== 'ENOENT')
            throw unusable(dir, error);
        try {
            external_node_fs_default().mkdirSync(dir, { recursive: true, mode: 0o700 });
            stat = external_node_fs_default().lstatSync(dir);
        }
        catch (inner) {
            throw unusable(dir, inner);
        }
    }
    if (stat.isSymbolicLink())
        throw new LeaseError(`Lease directory ${dir} is a symbolic link; refusing to follow it`);
    if (!stat.isDirectory())
        throw new LeaseError(`Lease directory ${dir} is not a directory`);
    if (process.platform === 'win32')
        return;
    if (stat.uid !== process.getuid())
        throw new LeaseError(`Lease directory ${dir} belongs to another user (uid ${stat.uid})`);
    if (stat.mode & 0o022)
        throw new LeaseError(`Lease directory ${dir} is writable by other users (mode ${(stat.mode & 0o777).toString(8)})`);
}
function unusable(dir, error) {
    return new LeaseError(`Lease directory ${dir} cannot be used: ${error.message}`);
}
/** The leases of one allocation: claims ports, and gives them all back if the allocation fails. */
class LeaseBook {
    dir;
    owner;
    record;
    warn;
    claimed = new Set();
    constructor(options) {
        openLeaseDir(options.dir);
        this.dir = options.dir;
        this.owner = options.owner;
        this.warn = options.warn ?? (() => { });
        this.record = external_node_path_default().join(this.dir, `.owner-${options.owner.token}.json`);
        const record = {
            version: 1,
            owner: options.owner,
            created: new Date().toISOString(),
            expires: Date.now() + options.ttlMs,
        };
        try {
            writeExclusive(this.record, JSON.stringify(record));
        }
        catch (error) {
            throw unusable(this.dir, error);
        }
    }
    get ports() {
        return [...this.claimed];
    }
    /** Leases every port, or none of them (then false: one is someone else's). */
    claim = async (ports) => {
        const done = [];
        for (const port of ports) {
            if (!this.claimOne(port)) {
                for (const p of done)
                    this.unlinkOwn(p);
                return false;
            }
            done.push(port);
        }
        for (const port of done)
            this.claimed.add(port);
        return true;
    };
    claimOne(port) {
        const file = leasePath(this.dir, port);
        for (let attempt = 0; attempt < 2; attempt++) {
            try {
                external_node_fs_default().linkSync(this.record, file);
                return true;
            }
            catch (error) {
                if (error.code !== 'EEXIST')
                    throw unusable(this.dir, error);
            }
            // Only the process holding the port's socket can be here, so no other
            // allocator is judging the same lease: removing a stale one is safe.
            if (!reclaimIfStale(file, this.warn))
                return false;
        }
        return false;
    }
    unlinkOwn(port) {
        external_node_fs_default().rmSync(leasePath(this.dir, port), { force: true });
        this.claimed.delete(port);
    }
    /** The allocation is over: the lease files stay, the shared record name goes. */
    close() {
        external_node_fs_default().rmSync(this.record, { force: true });
    }
    /** The allocation failed: no lease of it may stay behind. */
    releaseAll() {
        for (const port of this.ports)
            this.unlinkOwn(port);
        this.close();
    }
}
function writeExclusive(file, content) {
    const flags = (external_node_fs_default()).constants.O_CREAT | (external_node_fs_default()).constants.O_EXCL | (external_node_fs_default()).constants.O_WRONLY | O_NOFOLLOW;
    const fd = external_node_fs_default().openSync(file, flags, 0o644);
    try {
        external_node_fs_default().writeSync(fd, content);
    }
    finally {
        external_node_fs_default().closeSync(fd);
    }
}
/** Reads a lease without following links, trusting nothing in it beyond its shape. */
function readLease(file) {
    let text;
    try {
        const fd = external_node_fs_default().openSync(file, (external_node_fs_default()).constants.O_RDONLY | O_NOFOLLOW);
        try {
            if (!external_node_fs_default().fstatSync(fd).isFile())
                return { kind: 'corrupt', why: 'not a regular file' };
            text = external_node_fs_default().readFileSync(fd, 'utf8');
        }
        finally {
            external_node_fs_default().closeSync(fd);
        }
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT')
            return { kind: 'missing' };
        return { kind: 'corrupt', why: code === 'ELOOP' ? 'a symbolic link' : `unreadable (${code})` };
    }
    const record = parseRecord(text);
    if (!record)
        return { kind: 'corrupt', why: text.length === 0 ? 'empty' : 'not a lease record' };
    return { kind: 'record', record };
}
/** Live while unexpired and its runner process runs. */
function inspectLease(file, now = Date.now()) {
    const read = readLease(file);
    if (read.kind === 'missing')
        return { kind: 'stale', why: 'already gone' };
    if (read.kind === 'corrupt')
        return read;
    const { record } = read;
    if (record.expires <= now)
        return { kind: 'stale', why: `expired at ${new Date(record.expires).toISOString()}` };
    if (!isRunning(record.owner.runner))
        return { kind: 'stale', why: `its runner process ${record.owner.runner.pid} is gone` };
    return { kind: 'live', record };
}
function parseRecord(text) {
    try {
        const r = JSON.parse(text);
        const valid = r?.version === 1 &&
            typeof r.expires === 'number' &&
            typeof r.owner?.token === 'string' &&
            Number.isInteger(r.owner.runner?.pid) &&
            (r.owner.runner.start === null || typeof r.owner.runner.start === 'string');
        return valid ? r : undefined;
    }
    catch {
        return undefined;
    }
}
/** Removes a lease that is stale or corrupt (reporting the corrupt one); true if the port is free of leases now. */
function reclaimIfStale(file, warn) {
    const state = inspectLease(file);
    if (state.kind === 'live')
        return false;
    return removeLease(file, state, warn);
}
/** Unlinks a lease that is not live; an entry that cannot be unlinked (a directory, say) is reported and left. */
function removeLease(file, state, warn) {
    try {
        external_node_fs_default().unlinkSync(file);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT')
            return true;
        warn(`Cannot remove ${file} (${code}); its port is skipped`);
        return false;
    }
    if (state.kind === 'corrupt')
        warn(`Removed a corrupt lease ${file} (${state.why})`);
    return true;
}
/** The post step: removes exactly the leases of `token` among `ports`; others' leases stay. */
function releaseLeases(dir, token, ports) {
    let released = 0;
    for (const port of ports) {
        const file = leasePath(dir, port);
        const read = readLease(file);
        if (read.kind === 'record' && read.record.owner.token === token) {
            fs.rmSync(file, { force: true });
            released++;
        }
    }
    return released;
}
/** Removes every stale or corrupt lease in the directory; a file shared by many leases is judged once. */
function sweepStale(dir, warn) {
    const verdicts = new Map();
    let removed = 0;
    for (const name of fs.readdirSync(dir)) {
        if (!LEASE_FILE.test(name))
            continue;
        const file = path.join(dir, name);
        const ino = fs.lstatSync(file, { throwIfNoEntry: false })?.ino;
        if (ino === undefined)
            continue;
        const state = verdicts.get(ino) ?? inspectLease(file);
        if (state.kind !== 'corrupt')
            verdicts.set(ino, state);
        if (state.kind !== 'live' && removeLease(file, state, warn))
            removed++;
    }
    return removed;
}

;// CONCATENATED MODULE: ./src/settings/results.ts

function buildResults(settings, ports, protection) {
    const rows = settings.names.map((name, i) => ({ name, port: ports[i], envName: settings.envNames[i] }));
    const outputs = {};
    for (const row of rows)
        outputs[row.name] = String(row.port);
    outputs[Output.Port] = String(ports[0]);
    outputs[Output.Ports] = ports.join(' ');
    outputs[Output.Json] = JSON.stringify(Object.fromEntries(rows.map((r) => [r.name, r.port])));
    if (settings.envFile)
        outputs[Output.EnvFile] = settings.envFile;
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
function dotenv(variables) {
    return Object.entries(variables)
        .map(([name, value]) => `${name}=${value}\n`)
        .join('');
}

;// CONCATENATED MODULE: ./src/action/publish.ts







/** Writes the dotenv file first of all: a path that cannot be written fails the step before anything else is written. */
function writeEnvFile(file, results) {
    if (!file)
        return;
    const fail = (what, error) => new InputError(Input.EnvFile, file, `${what} (${error.code ?? errorMessage(error)})`);
    try {
        (0,external_node_fs_namespaceObject.mkdirSync)(external_node_path_default().dirname(file), { recursive: true });
    }
    catch (error) {
        throw fail(`its directory ${external_node_path_default().dirname(file)} cannot be created`, error);
    }
    try {
        (0,external_node_fs_namespaceObject.writeFileSync)(file, dotenv(results.variables));
    }
    catch (error) {
        throw fail('the file cannot be written', error);
    }
    debug(`wrote ${file}`);
}
const GROUP_ABOVE = 20;
/** Writes outputs and environment, then the summary. Called only once everything is known. */
function publish(results, summary) {
    // A long list stays readable folded in a group; a few lines are shown as they are.
    const long = results.rows.length > GROUP_ABOVE;
    if (long)
        startGroup(`Port Zero: ${results.rows.length} ports`);
    for (const row of results.rows) {
        info(`${row.name} -> ${row.port}` + (results.exportEnv ? ` (${row.envName})` : ''));
    }
    if (long)
        endGroup();
    for (const [name, value] of Object.entries(results.outputs))
        setOutput(name, value);
    if (results.exportEnv)
        for (const [name, value] of Object.entries(results.variables))
            exportVariable(name, value);
    if (summary)
        writeSummary(results);
}
/**
 * The job summary: a heading and a table, appended synchronously. Written here
 * rather than with core.summary, whose module loads fs/promises (with readline
 * and the file watchers) as soon as it is imported: about 3 ms of every step's
 * start-up, summary or not.
 */
function writeSummary(results) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file) {
        debug('GITHUB_STEP_SUMMARY is not set: no job summary');
        return;
    }
    const header = ['Name', 'Port', 'Environment variable', 'Protocol', 'Protected by'];
    const rows = results.rows.map((r) => [r.name, String(r.port), results.exportEnv ? r.envName : '', results.protocol, results.protection]);
    const table = [tableRow('th', header), ...rows.map((cells) => tableRow('td', cells))].join('');
    (0,external_node_fs_namespaceObject.appendFileSync)(file, `<h3>Port Zero</h3>${external_node_os_namespaceObject.EOL}<table>${table}</table>${external_node_os_namespaceObject.EOL}${external_node_os_namespaceObject.EOL}`);
}
function tableRow(tag, cells) {
    const escape = (text) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
    return `<tr>${cells.map((cell) => `<${tag}>${escape(cell)}</${tag}>`).join('')}</tr>`;
}

;// CONCATENATED MODULE: ./src/action/main.ts











function readInputs() {
    return Object.fromEntries(Object.values(Input).map((name) => [name, getInput(name)]));
}
/** The main step: validate every input, allocate and protect the batch, and only then write anything. */
async function run() {
    try {
        const settings = parseSettings(readInputs());
        debug(`settings: ${JSON.stringify(settings)}`);
        // The runner process that runs this job: leases and the holder end when it does.
        const runner = identify(process.ppid);
        const leases = openLeases(settings, runner);
        const results = await allocateAndProtect(settings, leases, runner);
        publish(results, settings.summary);
    }
    catch (error) {
        setFailed(errorMessage(error));
    }
}
/** On any failure, nothing of this run stays behind: leases released, holder stopped (the allocator closes its own sockets). */
async function allocateAndProtect(settings, leases, runner) {
    const undo = [];
    if (leases)
        undo.push(() => leases.releaseAll());
    try {
        const allocation = await allocate(settings, leases);
        const holder = settings.reserve === 'holder' ? await hold(settings, allocation, runner) : undefined;
        if (holder)
            undo.push(() => stopHolder(holder.process));
        const results = buildResults(settings, allocation.ports, protection(settings, leases, holder));
        writeEnvFile(settings.envFile, results);
        leases?.close();
        main_saveState(leases, holder);
        return results;
    }
    catch (error) {
        for (const step of undo.reverse())
            await step();
        throw error;
    }
}
/** How the summary names what protects the ports after this step. */
function protection(settings, leases, holder) {
    const parts = [leases && 'lease', settings.reserve !== 'none' && 'TIME_WAIT', holder && 'holder'];
    return parts.filter(Boolean).join(' + ') || 'nothing';
}
/** The shared default directory falls back to no leases when unusable; a directory the user named must work. */
function openLeases(settings, runner) {
    const dir = settings.leaseDir || DEFAULT_LEASE_DIR;
    try {
        const owner = newOwner(runner);
        const book = new LeaseBook({ dir, owner, ttlMs: settings.leaseMinutes * 60_000, warn: (m) => warning(m) });
        debug(`leases in ${dir} for runner process ${runner.pid} (token ${owner.token})`);
        return book;
    }
    catch (error) {
        if (settings.leaseDir !== '' || !(error instanceof LeaseError))
            throw error;
        warning(`${error.message}. Continuing without leases: jobs on this host are kept apart by reservation alone.`);
        return undefined;
    }
}
async function allocate(settings, leases) {
    const allocation = await allocatePorts({
        ...allocationRequest(settings),
        claim: leases?.claim,
        // The holder takes over from TIME_WAIT, so no moment is left unprotected.
        reserve: settings.reserve === 'none' ? 'none' : 'time-wait',
    });
    debug(`allocated ${allocation.ports.join(' ')} on ${allocation.hosts.join(' ')} (${allocation.protocols.join(',')}), reserve ${settings.reserve}`);
    return allocation;
}
async function hold(settings, allocation, runner) {
    if (!allocation.protocols.includes('tcp')) {
        warning('reserve: holder holds TCP ports only; these UDP ports are protected by their leases.');
        return undefined;
    }
    const holder = await startHolder({
        ports: allocation.ports,
        host: loopbackFor(allocation.hosts[0]),
        deadline: Date.now() + settings.leaseMinutes * 60_000,
        owner: runner,
    });
    debug(`holder process ${holder.process.pid} holds ${holder.held.length} ports`);
    if (holder.missed.length)
        warning(`The holder could not hold ports ${holder.missed.join(' ')}: something already listens there.`);
    return holder;
}
function main_saveState(leases, holder) {
    if (leases) {
        saveState(State.LeaseDir, leases.dir);
        saveState(State.LeaseToken, leases.owner.token);
        saveState(State.LeasePorts, leases.ports.join(' '));
    }
    if (holder)
        saveState(State.Holder, JSON.stringify(holder.process));
}


/***/ }),

/***/ 485:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _action_main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(467);
/** The action's main step (action.yml `runs.main`). */

await (0,_action_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(485);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 380:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ exitWhenWritten)
/* harmony export */ });
/**
 * Ends the step's process once its work is done, with the exit code already set
 * (process.exitCode), instead of letting Node wind down: the sockets' close
 * callbacks, a garbage collection V8 schedules for the next turn of the event loop,
 * and the teardown of every handle cost 3 to 8 ms of a step that lasts about 120 ms.
 *
 * Safe only when nothing is left to write: the step writes its files synchronously,
 * but process.exit drops output still queued on stdout or stderr. Writes to a pipe
 * (the runner's stdout) are asynchronous on POSIX: one the pipe cannot take at once
 * stays queued and counts in writableLength, and then the process is left to end
 * by itself, which flushes it.
 */
function exitWhenWritten() {
    if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0)
        process.exit();
}


/***/ }),

/***/ 648:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// UNUSED EXPORTS: parseWaitInputs

;// CONCATENATED MODULE: ./src/errors.ts
/** A problem the user can fix; its message is meant to be shown as it is. */
class errors_PortZeroError extends Error {
    name = 'PortZeroError';
}
/** The action's words: inputs as written in a workflow's `with:`. */
const ACTION_VOCABULARY = {
    kind: 'Input',
    key: (setting) => setting,
    name: (setting) => `'${setting}'`,
    ownLease: 'leased by an earlier step of this job',
    stronger: 'use reserve: kernel',
};
/** The longest part of a value a message quotes: a value of 59 KB makes a message nobody reads. */
const QUOTED_CHARS = 80;
/** `value` in double quotes, cut to its first QUOTED_CHARS characters with the full length said. */
function quote(value) {
    if (value.length <= QUOTED_CHARS)
        return JSON.stringify(value);
    return `${JSON.stringify(value.slice(0, QUOTED_CHARS))}... (${value.length} characters)`;
}
/**
 * A setting (an input, a command-line option or a library option) that breaks its rule.
 * `input` is its name in the caller's words ('lease-dir', 'leaseDir'), `value` the value
 * as given (as text), `allowed` what is allowed. The message quotes at most the first 80
 * characters of the value.
 */
class errors_InputError extends errors_PortZeroError {
    name = 'InputError';
    input;
    value;
    allowed;
    /** `setting` by its action input name; `vocabulary` says how the calling program names it. */
    constructor(setting, value, allowed, vocabulary = ACTION_VOCABULARY) {
        const name = vocabulary.name(setting);
        const quoted = quote(value);
        super(vocabulary.invalid?.(name, quoted, allowed) ?? `${vocabulary.kind} ${name} has invalid value ${quoted}: ${allowed}`);
        this.input = vocabulary.key(setting);
        this.value = value;
        this.allowed = allowed;
    }
}
/** The host could not supply the ports asked for. */
class errors_AllocationError extends (/* unused pure expression or super */ null && (errors_PortZeroError)) {
    name = 'AllocationError';
}
/** The lease directory cannot be used. */
class LeaseError extends (/* unused pure expression or super */ null && (errors_PortZeroError)) {
    name = 'LeaseError';
}
/** `1 port`, `2 ports`: a count with its noun in the right number. */
function errors_plural(count, noun, nouns = `${noun}s`) {
    return `${count} ${count === 1 ? noun : nouns}`;
}
function errors_errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
var external_node_net_default = /*#__PURE__*/__nccwpck_require__.n(external_node_net_namespaceObject);
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
;// CONCATENATED MODULE: ./src/allocator/sockets.ts

/** Binding here means every address, IPv4 and IPv6: "::" dual-stack, or "0.0.0.0" where there is no IPv6. */
const sockets_EVERY_ADDRESS = '';
/** Errors that mean "this port is taken (or forbidden) here, try another". */
const BUSY_CODES = new Set(['EADDRINUSE', 'EACCES']);
function isBusy(error) {
    return BUSY_CODES.has(error?.code ?? '');
}
/** Binds one socket; port 0 lets the kernel choose. Rejects with the socket error. */
function bind(protocol, host, port) {
    return protocol === 'tcp' ? listenTcp(host, port) : bindUdp(host, port);
}
/** Errors of a "::" bind that mean the machine has no IPv6, so "0.0.0.0" is every address. */
const NO_IPV6 = new Set(['EAFNOSUPPORT', 'EADDRNOTAVAIL']);
/** Set once a "::" bind has failed for want of IPv6: every address is then "0.0.0.0". */
let noIpv6 = false;
/**
 * Every address is "::" dual-stack, and "0.0.0.0" only where IPv6 is missing.
 *
 * A listen without a host binds "::" dual-stack too, and skips the address lookup a
 * named host costs: Node's lookup compiles its IPv6 pattern on first use (net.isIPv6,
 * about 10 ms of every step's start-up). Node falls back to "0.0.0.0" when that "::"
 * bind fails; EADDRINUSE is not among those failures (libuv reports it from listen(),
 * which gets no fallback), but so that no other "::" error can make a port count as
 * free on every address, a socket that did not land on "::" is closed and the bind
 * repeated with "::" named, whose error decides.
 */
async function listenTcp(host, port) {
    if (host !== sockets_EVERY_ADDRESS)
        return listenTcpOn(host, port);
    if (noIpv6)
        return listenTcpOn('0.0.0.0', port);
    const unnamed = await listenTcpOn(undefined, port);
    if (unnamed.host === '::')
        return unnamed;
    await unnamed.close();
    return listenTcpOn('::', port).catch((error) => {
        if (!NO_IPV6.has(error.code ?? ''))
            throw error;
        noIpv6 = true;
        return listenTcpOn('0.0.0.0', port);
    });
}
/** Listens on `host`; undefined is Node's default, "::" falling back to "0.0.0.0". */
function listenTcpOn(host, port) {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.once('error', reject);
        server.listen({ ...(host === undefined ? {} : { host }), ipv6Only: false, port, backlog: 8, exclusive: true }, () => {
            server.off('error', reject);
            const address = server.address();
            resolve({ protocol: 'tcp', host: address.address, port: address.port, server, close: () => closeServer(server) });
        });
    });
}
/**
 * A listener closed already (a TIME_WAIT reservation closes them before its
 * self-connections) has no descriptor left: closing it again would only build an
 * ERR_SERVER_NOT_RUNNING error per socket, about 10 ms for 1000 of them.
 */
function closeServer(server) {
    if (!server.listening)
        return Promise.resolve();
    return new Promise((resolve) => server.close(() => resolve()));
}
/** dgram is loaded only when UDP is asked for: it is not needed to start. */
async function bindUdp(host, port) {
    if (host !== sockets_EVERY_ADDRESS)
        return bindUdpOn(host, port);
    return bindUdpOn('::', port).catch((error) => {
        if (NO_IPV6.has(error.code ?? ''))
            return bindUdpOn('0.0.0.0', port);
        throw error;
    });
}
function bindUdpOn(host, port) {
    const { createSocket } = process.getBuiltinModule('node:dgram');
    return new Promise((resolve, reject) => {
        const socket = createSocket({ type: net.isIPv6(host) ? 'udp6' : 'udp4', ipv6Only: false });
        socket.once('error', (error) => {
            socket.close();
            reject(error);
        });
        socket.bind({ address: host, port, exclusive: true }, () => {
            socket.removeAllListeners('error');
            resolve({ protocol: 'udp', host, port: socket.address().port, socket, close: () => closeUdp(socket) });
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

;// CONCATENATED MODULE: ./src/allocator/hosts.ts



/** One spelling per address: `0:0::1` is `::1`, `::ffff:127.0.0.1` is `127.0.0.1`. A scoped address (`fe80::1%eth0`) is kept as given. */
function hosts_canonicalHost(host) {
    const family = external_node_net_default().isIP(host);
    if (family === 0 || host.includes('%'))
        return host;
    const address = new (external_node_net_default()).SocketAddress({ address: host, family: family === 6 ? 'ipv6' : 'ipv4' }).address;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    return mapped ? mapped[1] : address;
}
/**
 * Folds an address list into one that can be bound together. `::` is bound
 * dual-stack, so it covers every address of both families; `0.0.0.0` covers
 * every IPv4 address. On Linux a wildcard and an address it covers can never
 * both be bound on one port (even with SO_REUSEADDR), so binding both would
 * refuse every port: `0.0.0.0 ::` becomes `::`, `0.0.0.0 127.0.0.1` becomes
 * `0.0.0.0`, and duplicates (in any spelling) go.
 */
function planHosts(hosts) {
    const unique = [...new Set(hosts.map(hosts_canonicalHost))];
    const covers = (wildcard, host) => host !== wildcard && (wildcard === '::' || (wildcard === '0.0.0.0' && net.isIPv4(host)));
    const covered = unique.filter((host) => unique.some((other) => covers(other, host)));
    return { bind: unique.filter((host) => !covered.includes(host)), covered };
}
/** Every address of this machine, in canonical spelling, with the two wildcards. */
function hosts_localAddresses() {
    const found = Object.values(external_node_os_default().networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address));
    return new Set(['0.0.0.0', '::', ...found.map(hosts_canonicalHost)]);
}
/**
 * The (protocol, address) pairs each port is bound on, the first one first (with port 0
 * when the kernel chooses): every protocol on every address of `hosts` (empty: every address).
 *
 * macOS adds `0.0.0.0` before the dual-stack `::` for TCP, first: XNU's bind(0) on IPv4
 * skips every socket on a port, while on a dual-stack `::` with SO_REUSEADDR (which Node
 * always sets) it looks only at unconnected IPv6 sockets, so an IPv4 connection's local
 * port or its TIME_WAIT entry would be handed out and a server without SO_REUSEADDR then
 * refused it. BSD lets the two wildcards share a port (an IPv4 one and an IPv6 one are
 * never in conflict), so both are held. Linux needs neither: its `::` bind(0) sees both
 * families, and refuses `0.0.0.0` beside a dual-stack `::`. Not where the machine has no
 * IPv6, where every address is `0.0.0.0` already.
 */
function bindPairs(protocols, hosts, platform = process.platform, hasIpv6 = () => [...hosts_localAddresses()].some((a) => a !== '::' && net.isIPv6(a))) {
    const bound = hosts.length ? hosts : [EVERY_ADDRESS];
    const pairs = protocols.flatMap((protocol) => bound.map((host) => ({ protocol, host })));
    const dualStackTcp = pairs.some((p) => p.protocol === 'tcp' && (p.host === EVERY_ADDRESS || p.host === '::'));
    if (platform !== 'darwin' || !dualStackTcp || !hasIpv6())
        return pairs;
    return [{ protocol: 'tcp', host: '0.0.0.0' }, ...pairs];
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
var external_node_fs_default = /*#__PURE__*/__nccwpck_require__.n(external_node_fs_namespaceObject);
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: ./src/platform/system-tools.ts

/**
 * The system programs Port Zero runs, and the one way it runs them. Always by
 * absolute path, never the search path: on Windows the working directory (the
 * workspace, which a pull request controls) is searched first, and on any OS a step
 * can prepend directories to PATH.
 */
const TOOLS = {
    ps: { darwin: '/bin/ps', freebsd: '/bin/ps' },
    perl: { linux: '/usr/bin/perl' },
    sudo: { linux: '/usr/bin/sudo', darwin: '/usr/bin/sudo' },
    sysctl: { darwin: '/usr/sbin/sysctl', freebsd: '/sbin/sysctl' },
    netsh: { win32: ['System32', 'netsh.exe'] },
    powershell: { win32: ['System32', 'WindowsPowerShell', 'v1.0', 'powershell.exe'] },
    lsof: { darwin: '/usr/sbin/lsof' },
    netstat: { win32: ['System32', 'NETSTAT.EXE'] },
    tasklist: { win32: ['System32', 'tasklist.exe'] },
};
/**
 * The absolute path of `tool` on `platform`. Windows paths start at %SystemRoot%
 * (`C:\Windows` when unset), which the system sets and a workflow cannot move silently.
 * @throws Error when the tool does not exist on that platform.
 */
function system_tools_systemTool(tool, platform = process.platform, env = process.env) {
    const where = TOOLS[tool][platform];
    if (where === undefined)
        throw new Error(`${tool} is not a system program on ${platform}`);
    if (typeof where === 'string')
        return where;
    const root = env.SystemRoot || env.SYSTEMROOT || 'C:\\Windows';
    return external_node_path_default().win32.join(root, ...where);
}
/** Every tool run ends within this long (ms): a hung one is killed and counts as failed. */
const TOOL_TIMEOUT_MS = 10_000;
const childProcesses = () => process.getBuiltinModule('node:child_process');
/** Runs `file` (stderr ignored, no window on Windows, killed after TOOL_TIMEOUT_MS). */
const system_tools_runTool = (file, args, env) => childProcesses().execFileSync(file, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    env,
    timeout: TOOL_TIMEOUT_MS,
    windowsHide: true,
});
/**
 * Runs `file` with `input` on its standard input (or none). Rejects with an Error whose
 * message is the first line the program printed on stderr, else how it ended; `code`
 * is the spawn error's code (ENOENT when the program is missing).
 */
const system_tools_runToolAsync = (file, args, options = {}) => new Promise((resolve, reject) => {
    const child = childProcesses().execFile(file, args, { encoding: 'utf8', env: options.env, timeout: TOOL_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 64 * 2 ** 20, windowsHide: true }, (error, stdout, stderr) => {
        if (!error || options.answers?.includes(error.code))
            return resolve(stdout);
        const said = stderr.trim().split('\n')[0];
        const how = error.killed ? `killed after ${TOOL_TIMEOUT_MS / 1000} s` : `exit code ${error.code}`;
        reject(Object.assign(new Error(said || how), { code: typeof error.code === 'string' ? error.code : undefined }));
    });
    child.stdin?.on('error', () => { }); // it may exit before reading: its exit code tells
    child.stdin?.end(options.input ?? '');
});

;// CONCATENATED MODULE: ./src/platform/process-identity.ts


/** Whether `identity` names a process that could not be seen (pid 0): nothing can tell when it ends. */
const process_identity_unseen = (identity) => identity.pid === 0;
let namespace;
/**
 * This process's pid namespace, as Linux names it (`pid:[4026531836]`, the target of the
 * link /proc/self/ns/pid), or undefined off Linux or where it cannot be read. Pids and
 * start times mean something only inside one namespace: a container's pid 57 is another
 * number, or no process at all, outside it. Read once per process.
 */
function process_identity_pidNamespace() {
    if (namespace === undefined) {
        try {
            namespace = process.platform === 'linux' ? readlinkSync('/proc/self/ns/pid') : null;
        }
        catch {
            namespace = null;
        }
    }
    return namespace ?? undefined;
}
const HOST = { platform: process.platform, run: system_tools_runTool };
/**
 * The start time of `pid` in the form `ProcessIdentity.start` describes, or null when it
 * is not running or cannot be read, and always on Windows, where no program that ships
 * with the system prints it faster than a Windows PowerShell start (about 0.6 s; `wmic`
 * is gone from current versions, `tasklist` does not show it), and nothing needs it (see isRunning).
 */
function process_identity_processStart(pid, facts = HOST) {
    if (!Number.isInteger(pid) || pid <= 0)
        return null;
    try {
        if (facts.platform === 'linux') {
            // Field 22 of /proc/PID/stat (clock ticks after boot); the name before it may hold spaces.
            const fields = readFileSync(`/proc/${pid}/stat`, 'utf8');
            const [state, ...rest] = fields.slice(fields.lastIndexOf(')') + 2).split(' ');
            return state === 'Z' ? null : (rest[18] ?? null); // a zombie has exited already
        }
        if (facts.platform === 'darwin' || facts.platform === 'freebsd')
            return macStart(pid, facts.run);
    }
    catch {
        return null;
    }
    return null;
}
/**
 * Apple's `ps` prints `lstart` with strftime("%c", localtime()) after setlocale(LC_ALL, ""),
 * so it is run with a fixed locale and time zone, by absolute path (the search path may
 * start with the workspace), and its fixed-format answer becomes epoch seconds.
 */
function macStart(pid, run) {
    const env = { LC_ALL: 'C', TZ: 'UTC0', PATH: '/usr/bin:/bin' };
    const seconds = parseCLocaleLstart(run(systemTool('ps', 'darwin'), ['-o', 'lstart=', '-p', String(pid)], env));
    return seconds === null ? null : `unix:${seconds}`;
}
const MONTHS = (/* unused pure expression or super */ null && (['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']));
/** `Sun Nov 29 12:17:25 2026` (strftime %c in the C locale, read as UTC) to epoch seconds; null for anything else. */
function parseCLocaleLstart(text) {
    const match = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) +(\d{1,2}) (\d\d):(\d\d):(\d\d) (\d{4})$/.exec(text.trim());
    const month = MONTHS.indexOf(match?.[1] ?? '');
    if (!match || month < 0)
        return null;
    const [day, hours, minutes, seconds, year] = [2, 3, 4, 5, 6].map((i) => Number(match[i]));
    return Date.UTC(year, month, day, hours, minutes, seconds) / 1000;
}
/** Identities named by this process so far: a process keeps its pid and start while it runs. */
const named = new Map();
/**
 * The identity of `pid` now: read once per process and kept (the runner, the calling
 * shell and this process itself are named at most once per program, whatever reads
 * them). Pid 0 (a parent outside this pid namespace) is unseen, read nowhere.
 */
function process_identity_identify(pid, facts = HOST) {
    if (facts !== HOST)
        return { pid, start: process_identity_processStart(pid, facts) };
    let identity = named.get(pid);
    if (!identity)
        named.set(pid, (identity = { pid, start: process_identity_processStart(pid, facts) }));
    return identity;
}
/** A start this code can compare: on Linux any (its form never changed), on macOS the tagged form. Anything else is from another OS's or an older record. */
function comparable(start, platform) {
    return platform === 'linux' || (platform !== 'win32' && /^unix:\d+$/.test(start));
}
/**
 * True while the process runs and, where its start time is known, is still the same
 * process. A start in a form this code cannot compare (a macOS record of an older
 * version, written in someone's locale and time zone) counts as unknown: the process
 * is judged by its pid alone, and the lease's expiry is the backstop. That errs toward
 * keeping a lease, never toward handing out a live job's port.
 *
 * Windows judges by pid alone, always. Its creation time costs a Windows PowerShell
 * start (about 0.6 s) per process, or one per judging for a listing of all of them,
 * while a claim must cost milliseconds; and the pid alone can only err one way: a dead
 * runner whose pid another process took keeps its lease, and so its ports blocked,
 * until that process ends or the lease expires (at most `lease-minutes` after its
 * record last changed). A live runner is never judged gone, so no port is handed out twice.
 */
function process_identity_isRunning(identity, facts = HOST) {
    if (!Number.isInteger(identity.pid) || identity.pid <= 0)
        return false;
    try {
        process.kill(identity.pid, 0);
    }
    catch (error) {
        if (error.code !== 'EPERM')
            return false; // EPERM: alive, another user's
    }
    if (identity.start === null || !comparable(identity.start, facts.platform))
        return true;
    const now = process_identity_processStart(identity.pid, facts);
    // Linux reads null only for a zombie (it has exited); elsewhere a tool that fails on a live pid proves nothing.
    if (now === null)
        return facts.platform !== 'linux';
    return now === identity.start;
}

;// CONCATENATED MODULE: ./src/platform/safe-files.ts


/**
 * Files written where a checkout, another account or the kernel could lay a
 * trap: a symbolic link to a file elsewhere (a pull request can add one), a FIFO
 * that blocks the writer, or procfs/sysfs, where Node's recursive mkdir loops.
 *
 * The rule for a path (made absolute against the working directory):
 * - nothing on a kernel pseudo-filesystem (procfs, sysfs...), however it is reached;
 * - below the working directory no component may be a symbolic link: the
 *   checkout decides what is there;
 * - elsewhere a symbolic link in a directory component is followed only when
 *   root or this user owns it (system links such as macOS's /tmp); one another
 *   account planted in a shared directory is refused. On Windows, where Node shows
 *   no owner, only links on the way to the working directory are followed;
 * - missing directories are created one level at a time, each checked after;
 * - the file itself is never followed or opened: an existing one must be a
 *   regular file, and it is replaced by a new file renamed over it, so a hard
 *   link to another file is never written through.
 */
class safe_files_UnsafePathError extends Error {
    name = 'UnsafePathError';
}
/** A file that is not what a reader may read: `why` says what it is instead ("a symbolic link"). */
class safe_files_NotARegularFileError extends safe_files_UnsafePathError {
    name = 'NotARegularFileError';
    why;
    constructor(file, why) {
        super(`${file} is ${why}`);
        this.why = why;
    }
}
/**
 * Kernel pseudo-filesystems, by statfs type (statfs(2) magic numbers): nothing is
 * created there (procfs makes Node's recursive mkdir loop) and nothing read from
 * there is a file someone wrote.
 */
const PSEUDO_TYPES = new Map([
    [0x9fa0, 'procfs'],
    [0x62656572, 'sysfs'],
    [0x27e0eb, 'cgroupfs'],
    [0x63677270, 'cgroup2fs'],
    [0x64626720, 'debugfs'],
]);
/** Where they are mounted by convention, for paths that do not exist yet (statfs needs an existing one). */
const PSEUDO_PATHS = (/* unused pure expression or super */ null && ([
    ['/proc', 'procfs'],
    ['/sys', 'sysfs'],
]));
/**
 * The kernel pseudo-filesystem `file` is on (`'procfs'`), or undefined when it is on a
 * real one: by the statfs type of `file` or of its nearest existing ancestor, which a
 * bind mount or a link elsewhere cannot hide, and by its absolute path. Never on Windows,
 * which has none (and where `C:\proc` is an ordinary folder anyone may create).
 */
function pseudoFilesystem(file) {
    if (process.platform === 'win32')
        return undefined;
    const absolute = path.resolve(file);
    const byPath = PSEUDO_PATHS.find(([root]) => absolute === root || absolute.startsWith(`${root}/`));
    if (byPath)
        return byPath[1];
    for (let dir = absolute;; dir = path.dirname(dir)) {
        try {
            return PSEUDO_TYPES.get(Number(fs.statfsSync(dir).type));
        }
        catch {
            if (dir === path.dirname(dir))
                return undefined;
        }
    }
}
function below(dir, file) {
    const relative = path.relative(dir, file);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
/**
 * Whether a symbolic link (or, on Windows, a junction) at `link` may be followed (see
 * the rule above). Windows shows no owner through Node, so there a link is followed
 * only on the way to the working directory (the runner's `_work` on a junction, say),
 * never below it nor anywhere else.
 */
function trustedLink(link, stat, workdirs) {
    if (workdirs.some((dir) => below(dir, link)))
        return false;
    if (process.platform === 'win32')
        return workdirs.some((dir) => dir === link || below(link, dir));
    return stat.uid === 0 || stat.uid === process.getuid?.();
}
/**
 * Makes sure directory `dir` exists, creating what is missing one level at a
 * time, and returns its real path. Throws UnsafePathError when the rule above
 * refuses a component, or the fs error when a directory cannot be created.
 */
function safe_files_makeDirectories(dir, workdir = process.cwd()) {
    const workdirs = [...new Set([path.resolve(workdir), fs.realpathSync(workdir)])];
    const absolute = path.resolve(workdir, dir);
    const pseudo = pseudoFilesystem(absolute);
    if (pseudo)
        throw new safe_files_UnsafePathError(`${absolute} is on ${pseudo}, a kernel pseudo-filesystem`);
    const { root } = path.parse(absolute);
    let current = root;
    for (const part of absolute.slice(root.length).split(path.sep).filter(Boolean)) {
        const next = path.join(current, part);
        let stat = lstatOrUndefined(next);
        if (!stat) {
            try {
                fs.mkdirSync(next);
            }
            catch (error) {
                if (error.code !== 'EEXIST')
                    throw error;
            }
            stat = fs.lstatSync(next); // checked after creating: something else may have raced us to the name
        }
        if (stat.isSymbolicLink()) {
            if (!trustedLink(next, stat, workdirs))
                throw new safe_files_UnsafePathError(`${next} is a symbolic link`);
            current = fs.realpathSync(next);
            const leadsTo = pseudoFilesystem(current);
            if (leadsTo)
                throw new safe_files_UnsafePathError(`${next} leads to ${current}, on ${leadsTo}, a kernel pseudo-filesystem`);
            if (!fs.statSync(current).isDirectory())
                throw new safe_files_UnsafePathError(`${next} is not a directory`);
            continue;
        }
        if (!stat.isDirectory())
            throw new safe_files_UnsafePathError(`${next} is not a directory`);
        current = next;
    }
    return current;
}
function lstatOrUndefined(file) {
    try {
        return fs.lstatSync(file);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
}
/** Open flags that never follow a final symbolic link nor block on a FIFO (where the OS has them). */
const safe_files_NO_FOLLOW = ((external_node_fs_default()).constants.O_NOFOLLOW ?? 0) | ((external_node_fs_default()).constants.O_NONBLOCK ?? 0);
/**
 * Reads a file that others could have planted or swapped: never through a symbolic
 * link (O_NOFOLLOW), never blocking on a FIFO or device (O_NONBLOCK, then fstat must say
 * regular file), never more than `maxBytes`. Returns its text and its fstat.
 * @throws NotARegularFileError ("a symbolic link", "not a regular file", "larger than N
 *   bytes"), or the fs error (ENOENT when it is missing).
 */
function safe_files_readRegularFile(file, maxBytes) {
    let fd;
    try {
        fd = external_node_fs_default().openSync(file, (external_node_fs_default()).constants.O_RDONLY | safe_files_NO_FOLLOW);
    }
    catch (error) {
        if (error.code === 'ELOOP')
            throw new safe_files_NotARegularFileError(file, 'a symbolic link');
        throw error;
    }
    try {
        const stat = external_node_fs_default().fstatSync(fd);
        if (!stat.isFile())
            throw new safe_files_NotARegularFileError(file, 'not a regular file');
        if (stat.size > maxBytes)
            throw new safe_files_NotARegularFileError(file, `larger than ${maxBytes} bytes`);
        // One byte more: a file that grew since fstat shows as longer than its size. Not
        // zero-filled: only the bytes read are ever looked at.
        const buffer = Buffer.allocUnsafe(stat.size + 1);
        const length = external_node_fs_default().readSync(fd, buffer, 0, buffer.length, 0);
        return { text: buffer.toString('utf8', 0, length), stat };
    }
    finally {
        external_node_fs_default().closeSync(fd);
    }
}
/**
 * Creates `file` and writes `data` to it: never an existing file, never through a
 * symbolic link (O_EXCL, O_NOFOLLOW). With `mode`, the file gets exactly that mode
 * whatever the umask (files other accounts must read); without, 0666 less the umask.
 * @throws the fs error; a file created and not fully written is removed.
 */
function writeNewFile(file, data, mode) {
    const fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | safe_files_NO_FOLLOW, mode ?? 0o666);
    try {
        try {
            if (mode !== undefined && process.platform !== 'win32')
                fs.fchmodSync(fd, mode);
            fs.writeFileSync(fd, data);
        }
        finally {
            fs.closeSync(fd);
        }
    }
    catch (error) {
        fs.rmSync(file, { force: true });
        throw error;
    }
}
/**
 * rename() over an existing name: atomic on every OS, so a reader sees the old file or
 * the new, never half. Windows refuses it (EPERM, EBUSY, EACCES) while another process
 * has the target open without FILE_SHARE_DELETE (a virus scanner, say; Node itself always
 * shares): tried again a few times, 10 ms apart, before failing.
 */
function renameOver(from, to) {
    for (let attempt = 1;; attempt++) {
        try {
            fs.renameSync(from, to);
            return;
        }
        catch (error) {
            const code = error.code ?? '';
            if (process.platform !== 'win32' || !['EPERM', 'EBUSY', 'EACCES'].includes(code) || attempt >= 5)
                throw error;
            Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        }
    }
}
/**
 * Replaces `file` with `data` by way of `temp`, a new file in the same directory:
 * written with writeNewFile, then renamed over `file`. No temporary file is left on error.
 */
function replaceThrough(temp, file, data, mode) {
    try {
        writeNewFile(temp, data, mode);
        renameOver(temp, file);
    }
    catch (error) {
        fs.rmSync(temp, { force: true });
        throw error;
    }
}
/**
 * Writes `data` for `file` by the rule above (directories made safely; an existing entry
 * must be a regular file, not a link, FIFO, device or directory), under a new name in
 * the same directory, so that renaming it over `file` (commit) is the only change a
 * reader can see, and abort leaves `file` as it was.
 * @throws UnsafePathError or the fs error; on error no temporary file is left.
 */
function safe_files_stageFile(file, data, workdir = process.cwd()) {
    const absolute = path.resolve(workdir, file);
    const dir = safe_files_makeDirectories(path.dirname(absolute), workdir);
    const target = path.join(dir, path.basename(absolute));
    const existing = lstatOrUndefined(target);
    if (existing?.isSymbolicLink())
        throw new safe_files_UnsafePathError(`${target} is a symbolic link`);
    if (existing && !existing.isFile())
        throw new safe_files_UnsafePathError(`${target} is not a regular file`);
    const temp = path.join(dir, `.${path.basename(absolute)}.${process.pid}.${Date.now()}.tmp`);
    writeNewFile(temp, data);
    const abort = () => fs.rmSync(temp, { force: true });
    return {
        target,
        commit: () => {
            try {
                renameOver(temp, target);
            }
            catch (error) {
                abort();
                throw error;
            }
        },
        abort,
    };
}
/** stageFile, then commit: writes `file` whole or not at all. Returns the real path written. */
function replaceFile(file, data, workdir = process.cwd()) {
    const staged = safe_files_stageFile(file, data, workdir);
    staged.commit();
    return staged.target;
}

;// CONCATENATED MODULE: ./src/leases/legacy-layout.ts


/**
 * The lease layout of Port Zero 1.0.0, still honoured so that a job of 1.0.0 and a job
 * of this version on one host never get the same port. 1.0.0 kept, in one directory
 * private to its account (`os.tmpdir()/port-zero-leases` by default, on every OS), one
 * record per job hard-linked as `<port>.lease` for each of its ports, written as
 * `.owner-<pid>-<token>.json` first. Its records are format 1: they name no ports (the
 * file name does).
 *
 * When it can go: once no 1.0.0 job can still hold a lease, that is, one longest
 * `lease-minutes` (7 days) after every runner on a host has moved past 1.0.0; the next
 * major version drops this module.
 */
/** 1.0.0's default lease directory: `port-zero-leases` in the account's temp directory. */
function legacyDefaultDir() {
    return path.join(os.tmpdir(), 'port-zero-leases');
}
/** A 1.0.0 lease: `<port>.lease`, a hard link of its job's record. */
const PORT_FILE = /^(\d{1,5})\.lease$/;
/** A 1.0.0 record being written, removed when its allocation ended: `.owner-<pid>-<token>.json`. */
const RECORD_FILE = /^\.owner-(\d+)-[\w-]+\.json$/;
/** The port a 1.0.0 lease file is named for, or undefined when `name` is not one. */
function legacy_layout_legacyLeasePort(name) {
    const port = PORT_FILE.exec(name)?.[1];
    return port === undefined ? undefined : Number(port);
}
/** The pid of the process that wrote a 1.0.0 record file, or undefined when `name` is not one. */
function legacyRecordWriter(name) {
    const pid = RECORD_FILE.exec(name)?.[1];
    return pid === undefined ? undefined : Number(pid);
}

;// CONCATENATED MODULE: ./src/leases/lease-record.ts




/**
 * The lease record: one file per allocation, `lease-<token>.json`, listing its ports
 * (format 2); 1.0.0's records (format 1, see legacy-layout.ts) still count. Records of
 * other accounts are hostile input: they are read without following links or blocking,
 * size-capped, parsed, and judged by rules that a forger cannot stretch (see `judgeRecord`).
 */
/** Leases and the holder end after this long unless released first: six hours, the longest a hosted job runs. */
const DEFAULT_LEASE_MINUTES = 360;
/** No lease lasts longer than a week, whatever its record says. */
const lease_record_MAX_LEASE_MINUTES = 7 * 24 * 60;
/** An allocation's record: `lease-<token>.json`. */
const lease_record_RECORD_FILE = /^lease-([\w-]+)\.json$/;
/** A record being written: `.tmp-<pid>-<token>.<n>`, renamed over the record at once. */
const TEMP_FILE = /^\.tmp-(\d+)-[\w.-]+$/;
/** The file name of allocation `token`'s record. */
const lease_record_recordFileName = (token) => `lease-${token}.json`;
/** The name of the `n`th temporary file this process writes for `token`'s record. */
const tempFileName = (token, n) => `.tmp-${process.pid}-${token}.${n}`;
/** The token a record's file name carries, or undefined when `name` is not a record's. */
const lease_record_recordToken = (name) => lease_record_RECORD_FILE.exec(name)?.[1];
/** The pid of the process writing a temporary record file, or undefined when `name` is not one. */
const tempFileWriter = (name) => {
    const pid = TEMP_FILE.exec(name)?.[1];
    return pid === undefined ? undefined : Number(pid);
};
/** A lease file's name: a record, or a port file of 1.0.0. */
const isLeaseFile = (name) => lease_record_RECORD_FILE.test(name) || legacyLeasePort(name) !== undefined;
/**
 * Whether two owners are one runner: the same process (pid and start), or, where neither
 * runner could be seen, the same job by its RUNNER_TRACKING_ID (two unseen runners
 * without one are not known to be one).
 */
function sameRunner(a, b) {
    if (unseen(a.runner) || unseen(b.runner))
        return unseen(a.runner) && unseen(b.runner) && a.tracking !== undefined && a.tracking === b.tracking;
    return a.runner.pid === b.runner.pid && a.runner.start === b.runner.start;
}
/** A record of every port (65,535 of them, none adjacent) takes under 400 KiB; anything bigger is not a record. */
const MAX_RECORD_BYTES = (/* unused pure expression or super */ null && (512 * 1024));
const MAX_LEASE_MS = lease_record_MAX_LEASE_MINUTES * 60_000;
/**
 * Reads a record as readRegularFile does (no link followed, no FIFO blocked on, at
 * most 512 KiB). Never throws: anything but a record is `missing` or `corrupt`.
 */
function lease_record_readRecord(file) {
    let read;
    try {
        read = readRegularFile(file, MAX_RECORD_BYTES);
    }
    catch (error) {
        if (error instanceof NotARegularFileError)
            return { kind: 'corrupt', why: error.why };
        const code = error.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return { kind: 'missing' };
        return { kind: 'corrupt', why: `unreadable (${code ?? error.message})` };
    }
    const record = parseRecord(read.text);
    if (!record)
        return { kind: 'corrupt', why: read.text.length === 0 ? 'empty' : 'not a lease record' };
    return { kind: 'record', record, changed: read.stat.ctimeMs };
}
const isIdentity = (p) => typeof p === 'object' &&
    p !== null &&
    Number.isInteger(p.pid) &&
    (p.start === null || typeof p.start === 'string');
/** `{"web": 41234}`: names of the allowed form, each to a port. */
function isNameMap(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return false;
    return Object.entries(value).every(([name, port]) => /^[A-Za-z][\w-]{0,63}$/.test(name) && Number.isInteger(port) && port >= 1 && port <= 65535);
}
/** The record if `text` has its shape, else undefined. Unknown fields are dropped by never being read. */
function parseRecord(text) {
    try {
        const r = JSON.parse(text);
        const valid = (r?.version === 1 || (r?.version === 2 && typeof r.ports === 'string' && lease_record_parsePorts(r.ports) !== undefined)) &&
            Number.isFinite(r.expires) &&
            typeof r.owner?.token === 'string' &&
            isIdentity(r.owner.runner) &&
            (r.reservation === undefined || typeof r.reservation === 'string') &&
            (r.names === undefined || isNameMap(r.names)) &&
            (r.allocator === undefined || isIdentity(r.allocator)) &&
            (r.pidns === undefined || typeof r.pidns === 'string') &&
            (r.owner.tracking === undefined || typeof r.owner.tracking === 'string');
        return valid ? r : undefined;
    }
    catch {
        return undefined;
    }
}
function formatRecord(record) {
    return JSON.stringify(record);
}
/**
 * Ports as a record keeps them: "40000 40001 40100", in the order given. Joined
 * natively, with no work per port in the step's own code; readers also take runs
 * ("40000-40009"), so a later writer may fold blocks.
 */
function formatPorts(ports) {
    return ports.join(' ');
}
/** The ports of `formatPorts` text, or undefined unless every entry is a port (1-65535) or an ascending run of them. */
function lease_record_parsePorts(text) {
    const ranges = parsePortList(text);
    return ranges && expandRanges(ranges);
}
/**
 * A lease is live while unexpired and its runner process runs (pid and start time, so a
 * reused pid does not count). The expiry is capped at the record's last inode change
 * (ctime) + the longest `lease-minutes`: a forged expiry years ahead, or pid 1 as the
 * owner, blocks a port for at most that long. ctime, not mtime: utimes() can set mtime
 * to any date, while ctime is always the kernel's clock.
 *
 * Where its processes cannot be judged, a lease lives until its expiry (or its post
 * step): a runner that could not be seen (pid 0, a step started by `docker exec`), and
 * any record written in another pid namespace, whose pids name other processes here.
 * That errs toward keeping a port, never toward handing a live job's port out again.
 */
function lease_record_judgeRecord(record, changed, now = Date.now()) {
    const expires = Math.min(record.expires, changed + MAX_LEASE_MS);
    if (expires <= now)
        return { live: false, why: `expired at ${new Date(expires).toISOString()}` };
    if (record.pidns !== undefined && record.pidns !== pidNamespace())
        return { live: true };
    if (!unseen(record.owner.runner) && !ownerRuns(record.owner.runner))
        return { live: false, why: `its owner process ${record.owner.runner.pid} is gone` };
    // A pending record outlives its allocation only when that was killed mid-way: it ends with it.
    if (record.pending && !ownerRuns(record.allocator ?? { pid: 0, start: null }))
        return { live: false, why: `its allocation (process ${record.allocator?.pid}) ended before it was committed` };
    return { live: true };
}
/**
 * Whether the owner process runs. On a host that hides other users' processes
 * (/proc mounted with hidepid) another account's process exists (kill() answers EPERM)
 * but its start time cannot be read; it then counts as running, and the capped expiry
 * bounds the lease.
 */
function ownerRuns(owner) {
    if (isRunning(owner))
        return true;
    if (owner.start === null || !Number.isInteger(owner.pid) || owner.pid <= 0)
        return false;
    try {
        process.kill(owner.pid, 0);
        return false; // ours to see, and not the same process
    }
    catch (error) {
        return error.code === 'EPERM' && processStart(owner.pid) === null;
    }
}
/**
 * The ports a lease file holds: the ports a format 2 record lists, or, for 1.0.0's
 * `<port>.lease` files, the port its `name` gives. None for anything but a record.
 */
function lease_record_leaseFilePorts(read, name) {
    const legacy = legacyLeasePort(name);
    if (legacy !== undefined)
        return [legacy];
    if (read.kind !== 'record' || read.record.version !== 2)
        return [];
    return lease_record_parsePorts(read.record.ports ?? '') ?? [];
}
/** The ports a lease file holds while it is live (see judgeRecord); none once it is not, or for anything but a record. */
function livePorts(read, name) {
    if (read.kind !== 'record' || !lease_record_judgeRecord(read.record, read.changed).live)
        return [];
    return lease_record_leaseFilePorts(read, name);
}

;// CONCATENATED MODULE: ./src/platform/privileged-ports.ts

/** Linux lets only root bind below net.ipv4.ip_unprivileged_port_start (1024 unless changed); elsewhere 1024. */
function privileged_ports_firstUnprivilegedPort(platform = process.platform) {
    if (platform !== 'linux')
        return 1024;
    try {
        return Number((0,external_node_fs_namespaceObject.readFileSync)('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8').trim());
    }
    catch {
        return 1024;
    }
}
/**
 * Whether this user may bind `port` on every one of `hosts` (empty: every address).
 * Windows lets anyone bind low ports. macOS (10.14 on) lets anyone bind them on the
 * wildcard addresses only: XNU still asks for privilege to bind a specific address
 * below 1024. Linux: root, or from ip_unprivileged_port_start up.
 */
function privilegedPortsAllowed(hosts, platform = process.platform, isRoot = process.getuid?.() === 0) {
    const wildcardsOnly = hosts.every((host) => host === '::' || host === '0.0.0.0');
    if (isRoot || platform === 'win32' || (platform === 'darwin' && wildcardsOnly))
        return () => true;
    const first = privileged_ports_firstUnprivilegedPort(platform);
    return (port) => port >= first;
}

;// CONCATENATED MODULE: ./src/ports/port-set.ts
const port_set_MIN_PORT = 1;
const port_set_MAX_PORT = 65535;
function port_set_rangeSize(range) {
    return range.high - range.low + 1;
}
/** A set of ports kept as sorted, merged ranges: `exclude` lists and Windows' excluded ranges. */
class port_set_PortSet {
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
        return port_set_rangeSize(range) - inside;
    }
    /** The ports of `range` not in the set, as sorted ranges: where a search may look. */
    complementIn(range) {
        const gaps = [];
        let next = range.low;
        for (const r of this.ranges) {
            if (r.high < next)
                continue;
            if (r.low > range.high)
                break;
            if (r.low > next)
                gaps.push({ low: next, high: r.low - 1 });
            next = r.high + 1;
        }
        if (next <= range.high)
            gaps.push({ low: next, high: range.high });
        return gaps;
    }
    /** Both sets are sorted and merged already: one linear pass, no sort. */
    union(other) {
        const [a, b] = [this.ranges, other.ranges];
        if (b.length === 0)
            return this;
        if (a.length === 0)
            return other;
        const both = [];
        for (let i = 0, j = 0; i < a.length || j < b.length;) {
            both.push(j >= b.length || (i < a.length && a[i].low <= b[j].low) ? a[i++] : b[j++]);
        }
        return new port_set_PortSet(both);
    }
    /** The set of `ports` (any order, repeats allowed), without an object per port: a batch of 1000 costs microseconds. */
    static of(ports) {
        const sorted = Uint16Array.from(ports).sort();
        const ranges = [];
        for (let i = 0; i < sorted.length;) {
            let j = i;
            while (j + 1 < sorted.length && sorted[j + 1] <= sorted[j] + 1)
                j++;
            ranges.push({ low: sorted[i], high: sorted[j] });
            i = j + 1;
        }
        return new port_set_PortSet(ranges);
    }
    get size() {
        return this.ranges.length;
    }
}
/** Sorted, with overlapping and adjacent ranges joined; input already in order (the usual case) is not sorted again. */
function merge(ranges) {
    let ordered = true;
    for (let i = 1; i < ranges.length && ordered; i++)
        ordered = ranges[i - 1].low <= ranges[i].low;
    const sorted = ordered ? ranges : ranges.toSorted((a, b) => a.low - b.low);
    const merged = [];
    for (const r of sorted) {
        const last = merged.at(-1);
        if (last && r.low <= last.high + 1) {
            if (r.high > last.high)
                merged[merged.length - 1] = { low: last.low, high: r.high };
        }
        else
            merged.push(r);
    }
    return merged;
}

;// CONCATENATED MODULE: ./src/ports/bad-ports.ts

/**
 * The Fetch standard's "bad ports" (https://fetch.spec.whatwg.org/#port-blocking, with
 * 4190 and 6679 added in 2024, whatwg/fetch#1663): browsers and Node's fetch refuse to
 * connect to them (Chromium: ERR_UNSAFE_PORT), so a test server handed one of them fails
 * in every browser test. None lies in Linux's default ephemeral range (32768-60999), but a
 * `range`, a custom ephemeral range or a preferred list can hold some.
 */
const BAD_PORTS = [
    1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117,
    119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636,
    989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
];
/** The bad ports as a set: never drawn, never handed out unless named one by one as preferred. */
const bad_ports_BAD_PORT_SET = port_set_PortSet.of(BAD_PORTS);

;// CONCATENATED MODULE: ./src/platform/reserved-ports.ts



/**
 * Linux's reserved-port list, `net.ipv4.ip_local_reserved_ports`, as a fact to read:
 * ports on it are skipped by bind(0) on every address (IPv4 and IPv6, TCP and UDP)
 * and by connect() autobind, with no expiry, while explicit binds still succeed with
 * or without SO_REUSEADDR. One list per network namespace, shared by every account.
 * Writing it is a protection of its own (protection/kernel-list.ts).
 *
 * Facts measured on Linux 6.18: the file reads back as ranges ("20000-20010,30500");
 * a write replaces the whole list; a zero-length write changes nothing, so an empty
 * list is written as "\n". Root, or CAP_NET_ADMIN in the namespace, may write it.
 */
const reserved_ports_RESERVED_PORTS_FILE = '/proc/sys/net/ipv4/ip_local_reserved_ports';
/** The most text the list can take: 32768 single ports of up to 5 digits and a comma each. */
const MAX_LIST_BYTES = (/* unused pure expression or super */ null && (512 * 1024));
/**
 * The whole file in one read(). procfs answers a sysctl only on the first read of an
 * open file, so Node's readFileSync (8 KiB chunks) would cut a long list off in the
 * middle of a number (proc_sys_call_handler, fs/proc/proc_sysctl.c).
 * @throws the read's error, or an Error when the text does not end in a newline (cut off).
 */
function reserved_ports_readReservedPortsText(file = reserved_ports_RESERVED_PORTS_FILE) {
    const fd = fs.openSync(file, 'r');
    try {
        // Not zero-filled: only the bytes read are decoded, and a 512 KiB fill is work every step would pay.
        const buffer = Buffer.allocUnsafeSlow(MAX_LIST_BYTES);
        const text = buffer.toString('utf8', 0, fs.readSync(fd, buffer, 0, buffer.length, 0));
        if (!text.endsWith('\n'))
            throw new Error(`${file} was cut off after ${text.length} characters`);
        return text;
    }
    finally {
        fs.closeSync(fd);
    }
}
/** The ports listed now; an empty set where there is no such file (not Linux, no /proc) or it cannot be read. */
function readReservedPorts(file = reserved_ports_RESERVED_PORTS_FILE) {
    if (process.platform !== 'linux' && file === reserved_ports_RESERVED_PORTS_FILE)
        return new PortSet();
    try {
        return reserved_ports_parseReservedPorts(reserved_ports_readReservedPortsText(file));
    }
    catch {
        return new PortSet();
    }
}
/** "20000-20010,30500\n" (or "\n") as a set. @throws Error when the text is not such a list. */
function reserved_ports_parseReservedPorts(text) {
    const ranges = parsePortList(text);
    if (!ranges)
        throw new Error(`not a reserved-port list: ${JSON.stringify(text.slice(0, 80))}`);
    return new PortSet(ranges);
}
/** The list as the kernel takes it: "a-b,c\n"; an empty list is "\n" (a zero-length write would change nothing). */
function reserved_ports_formatReservedPorts(set) {
    return `${formatPortSet(set)}\n`;
}

;// CONCATENATED MODULE: ./src/allocator/own-connection.ts

/**
 * Connects to `host`:`port`, where `server` (ours; or several of ours on that port, such
 * as macOS's `0.0.0.0` and dual-stack `::` listeners, where the kernel decides which one
 * a connection reaches) listens, and resolves with the socket one of them accepted for
 * that connection; both stay open for the caller.
 * 'elsewhere': the connection succeeded but nothing of ours arrived within
 * `waitMs` (another program listens on that address). 'refused': the connection
 * failed, with its error code: ECONNREFUSED when nobody listens there, EADDRNOTAVAIL
 * when no source port is left.
 *
 * The client's port is known only after its 'connect' event, and whether that or
 * the server's 'connection' comes first varies with the platform's poller, so the
 * accepted sockets wait until both are in. Sockets of other clients are closed.
 */
function own_connection_connectToOwn(server, host, port, waitMs) {
    const servers = Array.isArray(server) ? server : [server];
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
            for (const own of servers)
                own.off('connection', onConnection);
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
        for (const own of servers)
            own.on('connection', onConnection);
        const client = net.connect({ host, port });
        client.once('connect', () => {
            clientPort = client.localPort;
            match();
            if (done)
                return;
            timer = setTimeout(() => afterPendingIO(() => {
                if (done)
                    return;
                client.destroy();
                finish({ outcome: 'elsewhere' });
            }), waitMs);
        });
        client.once('error', (error) => {
            client.destroy();
            finish({ outcome: 'refused', code: error.code ?? error.message });
        });
    });
}
/**
 * Runs `decide` once the I/O already waiting has been handled. After a stall (a loaded
 * host, a long GC), the event loop runs expired timers before it polls for I/O, so a
 * time-out would otherwise win over the very connection or datagram it waits for, which
 * has arrived meanwhile. setImmediate callbacks run after the next poll (Node's event
 * loop: timers, poll, check).
 */
function afterPendingIO(decide) {
    setImmediate(decide);
}

;// CONCATENATED MODULE: ./src/protection/self-connect-child.ts



/** The loopback addresses the child can self-connect on, as it names them: 4 is 127.0.0.1, 6 is ::1. */
const self_connect_child_CHILD_ADDRESSES = { '127.0.0.1': '4', '::1': '6' };
/**
 * Reads lines "FAMILIES PORT PORT ..." (FAMILIES: "4", "6" or "4,6"); for each
 * port and family, opens a TCP socket, sets SO_REUSEADDR (as libuv does on every
 * Node bind, so the two methods refuse the same ports), binds loopback:PORT and
 * connects it to itself, then closes it: the simultaneous open completes inside
 * connect() on loopback, and the close leaves one TIME_WAIT entry. Answers each
 * line with the failures, "PORT:FAMILY:ERRNO ...". Prints "ready" before it
 * touches any port. No modules (Socket alone costs about 15 ms to load): the
 * constants are Linux's (AF_INET 2, AF_INET6 10, SOCK_STREAM 1, SOL_SOCKET 1,
 * SO_REUSEADDR 2), and the sockaddrs are packed by hand.
 */
const SCRIPT = (/* unused pure expression or super */ null && (String.raw `
$| = 1; print "ready\n";
my %to = (4 => [2, "\x7f\0\0\x01"], 6 => [10, ("\0" x 15) . "\x01"]);
while (my $line = <STDIN>) {
  my ($families, @ports) = split ' ', $line;
  my @failed;
  for my $port (@ports) {
    for my $f (split /,/, $families) {
      my ($family, $host) = @{$to{$f}};
      my $sa = $family == 2 ? pack('S n a4 x8', 2, $port, $host) : pack('S n N a16 L', 10, $port, 0, $host, 0);
      my $s;
      push @failed, "$port:$f:" . ($! + 0)
        unless socket($s, $family, 1, 0) && setsockopt($s, 1, 2, 1) && bind($s, $sa) && connect($s, $sa);
      close $s if $s;
    }
  }
  print "@failed\n";
}`));
/** Ports in one request: about 2 ms of the child's work, so it starts on the first while the caller closes the next. */
const self_connect_child_CHILD_LINE = 128;
const ERRNO_NAMES = new Map(Object.entries((external_node_os_default()).constants.errno).map(([name, n]) => [n, name]));
/**
 * One short-lived perl process making TCP self-connections for a batch (Linux):
 * about 40 us per connection, where Node's own sockets cost about 115 us. Start
 * it before closing the listeners, so its start-up overlaps theirs; send each
 * group of ports once its listeners are closed; then `finish`.
 *
 * perl is run by absolute path (perl-base is part of every Debian and Ubuntu
 * system). When it is missing or exits before it says "ready", it touched no
 * port, and `finish` resolves `undefined`: the caller makes the connections itself.
 */
class self_connect_child_SelfConnectChild {
    child;
    sent = [];
    constructor(program) {
        this.child = new LineChild(program, ['-e', SCRIPT]);
    }
    /** Asks for a self-connection on each of `addresses` (keys of CHILD_ADDRESSES) from and to each port. */
    send(addresses, ports) {
        const families = addresses.map((a) => self_connect_child_CHILD_ADDRESSES[a]);
        this.sent.push({ families, ports });
        this.child.send(`${families.join(',')} ${ports.join(' ')}`);
    }
    /**
     * Waits for every answer and for the process to end, at most `waitMs` (then it
     * is killed). Resolves the failed connections, or undefined when it never
     * started (no port touched).
     * @throws AllocationError when it started but did not answer every request.
     */
    async finish(waitMs) {
        try {
            const end = await this.child.finish(waitMs);
            const [first, ...answers] = this.child.drain();
            const started = first === 'ready';
            if (end !== 'late' && !started)
                return undefined;
            if (end === 'late' || end.code !== 0 || answers.length !== this.sent.length) {
                const how = end === 'late' ? `did not finish within ${waitMs / 1000} s` : `ended (${end.error ?? end.signal ?? `exit code ${end.code}`})`;
                const said = this.child.stderr.trim() ? `: ${this.child.stderr.trim()}` : '';
                const count = this.sent.reduce((n, s) => n + s.ports.length, 0);
                throw new AllocationError(`The TIME_WAIT reservation of ${plural(count, 'port')} failed: the perl process making the self-connections ${how} after answering ${answers.length} of ${this.sent.length} requests${said}`);
            }
            return answers.flatMap((line) => line.split(' ').filter(Boolean).map(failure));
        }
        finally {
            await this.stop(); // killed when late: reaped before the caller goes on
        }
    }
    /** Kills the process if it still runs. Safe to call twice. */
    stop() {
        return this.child.stop();
    }
}
function failure(field) {
    const [port, family, errno] = field.split(':').map(Number);
    const address = Object.keys(self_connect_child_CHILD_ADDRESSES).find((a) => self_connect_child_CHILD_ADDRESSES[a] === String(family));
    return { port, address, code: ERRNO_NAMES.get(errno) ?? `errno ${errno}` };
}

;// CONCATENATED MODULE: ./src/protection/time-wait.ts





function defaultMethod(platform = process.platform) {
    return platform === 'linux' ? 'self-connect' : 'accepted';
}
/** Self-connections in flight at once: two sockets per port and family, well under a default 1024-descriptor limit. */
const CHUNK = 256;
const CONNECT_WAIT_MS = 10_000;
/**
 * Leaves each held TCP port in TIME_WAIT on 127.0.0.1 and ::1. For the next 60 s
 * (Linux; 30 s macOS) no bind(0) on 127.0.0.1, ::1, 0.0.0.0 or :: (dual-stack or
 * IPv6-only) and no outgoing connection gets the port, while a server that sets
 * SO_REUSEADDR still binds it at once. A TIME_WAIT entry conflicts only with
 * addresses that overlap its own, hence both loopback families (measured on Linux 6.18).
 *
 * Must run while the batch is still bound. 'self-connect' closes the TCP listeners
 * itself; in the gap before its bind, another program may take the port: such
 * ports are returned as lost (the caller draws them again), never handed out.
 *
 * @returns the ports another program took during the reservation (empty as a rule).
 * @throws AllocationError naming the port and the real cause of any other failure,
 *   or the perl process's failure once it has started (see SelfConnectChild).
 */
async function reserveTimeWait(held, method = defaultMethod(), options = {}) {
    const byPort = new Map();
    for (const h of held)
        if (h.protocol === 'tcp')
            byPort.set(h.port, [...(byPort.get(h.port) ?? []), h]);
    const ports = [...byPort.entries()];
    if (method === 'self-connect')
        return selfConnectBatch(ports, options);
    return chunked(ports, ([port, sockets]) => acceptAll(port, sockets));
}
/** Runs `reserve` on CHUNK ports at a time; returns the ports it found lost. */
async function chunked(ports, reserve) {
    const lost = [];
    for (let i = 0; i < ports.length; i += CHUNK) {
        const chunk = ports.slice(i, i + CHUNK);
        const results = await Promise.all(chunk.map(reserve));
        chunk.forEach(([port], j) => results[j] || lost.push(port));
    }
    return lost;
}
/**
 * From this many ports on, the perl process makes the self-connections: starting it
 * costs 10-30 ms (Node forks its whole process, then perl starts), and each port
 * saves about 0.15 ms of Node's socket work (two connections), so below this
 * Node's own sockets are faster (measured on Linux 6.18, 2 cores).
 */
const CHILD_FROM = 200;
/**
 * Self-connections in one perl process for every port whose targets it knows (the
 * loopback addresses) in batches of CHILD_FROM ports or more; Node's own sockets
 * for the rest, and for all of them where perl is missing or does not start. The
 * process starts before the first listener closes, and each line of ports goes
 * to it as soon as their listeners are closed.
 */
async function selfConnectBatch(ports, options) {
    const program = options.program === undefined ? (process.platform === 'linux' ? systemTool('perl') : null) : options.program;
    const plans = ports.map(([port, sockets]) => ({ port, sockets, targets: targets(sockets) }));
    const known = program ? plans.filter((p) => p.targets.every((t) => t.address in CHILD_ADDRESSES)) : [];
    const byChild = known.length >= (options.childFrom ?? CHILD_FROM) ? known : [];
    const inPerl = new Set(byChild);
    const byNode = plans.filter((p) => !inPerl.has(p));
    const lost = [];
    if (byChild.length > 0) {
        const failures = await inChild(program, byChild, options.waitMs ?? CONNECT_WAIT_MS);
        // Undefined: it never started, so it touched no port.
        if (failures === undefined)
            byNode.push(...byChild);
        else
            for (const p of byChild)
                if (!judge(p.port, p.targets, failures.get(p.port) ?? []))
                    lost.push(p.port);
    }
    const viaNode = await chunked(byNode.map((p) => [p.port, p.sockets]), ([port, sockets]) => selfConnectAll(port, sockets));
    return [...lost, ...viaNode];
}
/** The perl process's failed connections by port, or undefined when it never started. */
async function inChild(program, plans, waitMs) {
    const child = new SelfConnectChild(program);
    try {
        for (const [key, group] of Map.groupBy(plans, (p) => p.targets.map((t) => t.address).join(' '))) {
            for (let i = 0; i < group.length; i += CHILD_LINE) {
                const line = group.slice(i, i + CHILD_LINE);
                for (const p of line)
                    closeListeners(p.sockets);
                const ports = line.map((p) => p.port);
                child.send(key.split(' '), ports);
            }
        }
    }
    catch (error) {
        await child.stop();
        throw error;
    }
    const failures = await child.finish(waitMs);
    return failures && Map.groupBy(failures, (f) => f.port);
}
/** The loopback addresses to leave TIME_WAIT on for a socket bound to `host`; optional ones may be missing here. */
function loopbacksFor(host) {
    if (host === '::' || host === '')
        return [
            { address: '127.0.0.1', required: true },
            { address: '::1', required: false },
        ];
    if (host === '0.0.0.0')
        return [{ address: '127.0.0.1', required: true }];
    return [{ address: host, required: true }];
}
/** The loopback address to reach a server bound to `host`: the holder's, and the accepted method's first. */
function time_wait_loopbackFor(host) {
    return loopbacksFor(host)[0].address;
}
function targets(sockets) {
    const seen = new Map();
    for (const s of sockets)
        for (const t of loopbacksFor(s.host))
            seen.set(t.address, (seen.get(t.address) ?? false) || t.required);
    return [...seen].map(([address, required]) => ({ address, required }));
}
/** The descriptors close now (the callbacks come later); a listener closed already is left alone. */
function closeListeners(sockets) {
    for (const s of sockets)
        if (s.server.listening)
            s.server.close();
}
/** False when another program took the port between our close and our bind. */
async function selfConnectAll(port, sockets) {
    closeListeners(sockets);
    const targeted = targets(sockets);
    const failures = await Promise.all(targeted.map(async ({ address }) => ({ port, address, code: await selfConnect(address, port) })));
    return judge(port, targeted, failures);
}
/**
 * False when a self-connection found the port taken (EADDRINUSE); true when every
 * required one succeeded and any optional one failed only for want of ::1 here.
 * @throws AllocationError for any other failure.
 */
function judge(port, targeted, failures) {
    const failed = failures.filter((f) => f.code !== undefined);
    if (failed.some((f) => f.code === 'EADDRINUSE'))
        return false;
    for (const { address, code } of failed) {
        const required = targeted.find((t) => t.address === address)?.required ?? true;
        if (!required && (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT' || code === 'ENETUNREACH'))
            continue; // no ::1 here
        throw new AllocationError(`Port ${port} could not be reserved: a TIME_WAIT self-connection on ${address} failed (${code})`);
    }
    return true;
}
/** Connects `address`:`port` to itself and destroys the connection; resolves with the error code, if any. */
function selfConnect(address, port) {
    return new Promise((resolve) => {
        const socket = net.connect({ host: address, port, localAddress: address, localPort: port });
        const timer = setTimeout(() => finish('ETIMEDOUT'), CONNECT_WAIT_MS);
        function finish(code) {
            clearTimeout(timer);
            socket.destroy(); // after connect: a FIN, not a reset, so the entry stays in TIME_WAIT
            resolve(code);
        }
        socket.once('connect', () => finish(undefined));
        socket.once('error', (error) => finish(error.code ?? error.message));
    });
}
/**
 * The accepted-connection method; the listeners stay open (the caller closes them). Each
 * loopback address once per port, to whichever of the port's listeners the kernel hands
 * it (macOS: `0.0.0.0` or the dual-stack `::`, both ours).
 */
async function acceptAll(port, sockets) {
    const servers = sockets.map((s) => s.server);
    for (const { address, required } of targets(sockets))
        await acceptOne(servers, address, port, required);
    return true;
}
async function acceptOne(servers, address, port, required) {
    const own = await connectToOwn(servers, address, port, CONNECT_WAIT_MS);
    if (own.outcome === 'ours') {
        own.accepted.destroy(); // the server side closes first: the TIME_WAIT entry is on the held port
        // On loopback the server's FIN has reached the client already, so this close completes the exchange.
        own.client.destroy();
        return;
    }
    if (!required)
        return;
    const cause = own.outcome === 'elsewhere'
        ? 'its loopback connection reached another program'
        : own.code === 'EADDRNOTAVAIL'
            ? 'no source port was left for its loopback connection (EADDRNOTAVAIL): the ephemeral range is full'
            : `its loopback connection failed (${own.code})`;
    throw new AllocationError(`Port ${port} could not be reserved: ${cause}`);
}
/** TIME_WAIT lasts 60 s on Linux, 30 s on macOS (fixed by each kernel). */
function timeWaitSeconds(platform = process.platform) {
    return platform === 'darwin' ? 30 : 60;
}
/** The TIME_WAIT reservation as a protection: nothing outlives the step, and nothing can be undone (it ends by itself). */
function time_wait_timeWaitProtection() {
    let used = false;
    return {
        mode: 'time-wait',
        protect: (held) => {
            used ||= held.some((h) => h.protocol === 'tcp');
            return reserveTimeWait(held);
        },
        settle: async () => { },
        describe: (now = Date.now()) => (used ? `TIME_WAIT until ${clock(now + timeWaitSeconds() * 1000)} UTC` : 'nothing'),
        state: () => undefined,
        undo: async () => { },
    };
}
/** `hh:mm:ss` of `ms` since the epoch, in UTC. */
function clock(ms) {
    return new Date(ms).toISOString().slice(11, 19);
}

;// CONCATENATED MODULE: ./src/protection/kernel-list.ts







/**
 * Writes Linux's reserved-port list (platform/reserved-ports.ts says what it is): this
 * job's ports go on it while their sockets are still bound, and come off in its post step.
 */
/** Every Port Zero process of every account takes this lock around a read-merge-write. */
const LOCK_NAME = '\0port-zero/reserved-ports';
/** The list cannot be read, written or locked; the message says why and what to do. */
class KernelListError extends errors_PortZeroError {
    name = 'KernelListError';
    /** True when the cause is a missing right to write (then another mechanism can take over). */
    notAllowed;
    constructor(message, notAllowed = false) {
        super(message);
        this.notAllowed = notAllowed;
    }
}
/** Whether this process may write the file itself (root, or CAP_NET_ADMIN in its namespace; not a read-only /proc/sys). */
function kernel_list_mayWriteDirectly(file = RESERVED_PORTS_FILE) {
    try {
        fs.accessSync(file, fs.constants.W_OK);
        return true;
    }
    catch {
        return false;
    }
}
/** What the kernel prints: ranges and ports, commas, a newline. Anything else is parsed and cleaned first. */
const CANONICAL_LIST = /^[\d,-]*\n?$/;
/**
 * Adds `ports` to the list, keeping every entry already there. Resolves with how
 * the list was written. Throws KernelListError (nothing written) when the list
 * cannot be locked or written.
 *
 * The kernel takes entries in any order, overlapping or not, and sets a bit for each
 * (proc_do_large_bitmap, kernel/sysctl.c): the list as read and this job's ports are
 * written one after the other, with no parse or merge per port on the step's path.
 */
async function addReservedPorts(ports, options) {
    const file = options.file ?? RESERVED_PORTS_FILE;
    return withLock(options, async () => {
        const text = readListText(file);
        const listed = CANONICAL_LIST.test(text) ? text.trim() : formatReservedPorts(parseList(text)).trim();
        const ours = ports.join(',');
        return writeList(file, `${listed}${listed && ours ? ',' : ''}${ours}\n`, options);
    });
}
/**
 * Removes `ports` from the list and nothing else; `keep(port)` true spares a port
 * (another job holds it now). Resolves with the ports removed.
 */
async function kernel_list_removeReservedPorts(ports, options) {
    const file = options.file ?? RESERVED_PORTS_FILE;
    return withLock(options, async () => {
        const listed = readList(file);
        const gone = ports.filter((p) => listed.has(p) && !options.keep?.(p));
        if (gone.length === 0)
            return [];
        const drop = new Set(gone);
        const left = listed.ranges.flatMap((r) => {
            const kept = [];
            let low = r.low;
            for (let p = r.low; p <= r.high; p++) {
                if (!drop.has(p))
                    continue;
                if (p > low)
                    kept.push({ low, high: p - 1 });
                low = p + 1;
            }
            if (low <= r.high)
                kept.push({ low, high: r.high });
            return kept;
        });
        await writeList(file, formatReservedPorts(new PortSet(left)), options);
        return gone;
    });
}
function readList(file) {
    return parseList(readListText(file));
}
function parseList(text) {
    try {
        return parseReservedPorts(text);
    }
    catch (error) {
        throw new KernelListError(errorMessage(error));
    }
}
function readListText(file) {
    try {
        return readReservedPortsText(file);
    }
    catch (error) {
        const code = error.code;
        throw new KernelListError(code ? `Cannot read ${file} (${code}): this kernel has no reserved-port list` : errorMessage(error));
    }
}
const NOT_ALLOWED = new Set(['EACCES', 'EPERM', 'EROFS']);
/** Writes the whole list in one go: directly when allowed, else through `sudo -n tee` when permitted. */
async function writeList(file, text, options) {
    let denied;
    try {
        // No O_CREAT: the file is the kernel's; nothing is created when it is missing.
        const fd = fs.openSync(file, fs.constants.O_WRONLY);
        try {
            fs.writeFileSync(fd, text); // loops over partial writes: the kernel takes at most a page per write
        }
        finally {
            fs.closeSync(fd);
        }
        return 'direct';
    }
    catch (error) {
        const code = error.code ?? '';
        if (!NOT_ALLOWED.has(code))
            throw new KernelListError(`Cannot write ${file} (${code || error.message})`);
        denied = code;
    }
    if (!options.sudo)
        throw notAllowed(file, `this process may not write it (${denied}) and sudo was not tried`);
    await sudoTee(file, text);
    return 'sudo';
}
function notAllowed(file, why) {
    return new KernelListError(`Cannot write the kernel's reserved-port list ${file}: ${why}. Writing it needs root, CAP_NET_ADMIN, or passwordless sudo for this account; reserve: auto uses TIME_WAIT instead`, true);
}
/** `sudo -n tee FILE` with the list on stdin: -n fails at once instead of asking for a password. */
async function sudoTee(file, text) {
    try {
        await runToolAsync(systemTool('sudo'), ['-n', 'tee', file], { input: text });
    }
    catch (error) {
        const code = error.code;
        const why = code === 'ENOENT' ? 'sudo is not installed' : code ? `sudo did not start (${code})` : `sudo -n tee failed: ${errorMessage(error)}`;
        throw notAllowed(file, why);
    }
}
/**
 * Runs `work` holding a Linux abstract-namespace socket as a lock: one per network
 * namespace, like the list; any account can take it; the kernel frees it when the
 * holder dies; there is no file to plant links on. Waits at most `lockWaitMs`.
 */
async function withLock(options, work) {
    const name = options.lockName ?? LOCK_NAME;
    const waitMs = options.lockWaitMs ?? 10_000;
    const lock = await takeLock(name, Date.now() + waitMs, waitMs);
    try {
        return await work();
    }
    finally {
        await new Promise((resolve) => lock.close(resolve));
    }
}
async function takeLock(name, deadline, waitMs) {
    for (let pause = 1;; pause = Math.min(pause * 2, 50)) {
        const server = net.createServer();
        const taken = await new Promise((resolve) => {
            server.once('error', (error) => resolve(error.code === 'EADDRINUSE' ? false : error));
            server.listen({ path: name, exclusive: true }, () => resolve(true));
        });
        if (taken === true)
            return server.unref();
        if (taken instanceof Error)
            throw new KernelListError(`Cannot take the reserved-port list's lock: ${taken.message}`);
        if (Date.now() >= deadline) {
            throw new KernelListError(`Another process has held the reserved-port list's lock (abstract socket @${name.slice(1)}) for ${waitMs / 1000} s; nothing was written`);
        }
        await new Promise((r) => setTimeout(r, pause * (0.5 + Math.random())));
    }
}
/**
 * The kernel's reserved-port list as a protection: the ports go on it while their sockets
 * are still bound, so there is no unprotected moment, and stay until the post step takes
 * them off. With `fallback`, a list this process may not write gives way to TIME_WAIT
 * (told in the debug log); otherwise its KernelListError fails the allocation.
 */
function kernel_list_kernelListProtection(choice, log) {
    const listed = [];
    let route;
    let instead;
    return {
        mode: 'kernel',
        protect: async (held) => {
            if (instead)
                return instead.protect(held);
            const ports = [...new Set(held.map((h) => h.port))];
            try {
                route = await addReservedPorts(ports, { sudo: choice.sudo });
            }
            catch (error) {
                if (!choice.fallback || !(error instanceof KernelListError))
                    throw error;
                log.debug(`${error.message}; falling back to TIME_WAIT`);
                instead = timeWaitProtection();
                return instead.protect(held);
            }
            listed.push(...ports);
            return [];
        },
        settle: async () => { },
        describe: (now) => instead?.describe(now) ?? (listed.length ? 'kernel reserved-port list until the post step' : 'nothing'),
        state: () => (listed.length && route ? { kind: 'kernel', ports: [...listed], route } : undefined),
        undo: async () => {
            if (listed.length === 0)
                return;
            try {
                await kernel_list_removeReservedPorts(listed.splice(0), { sudo: route === 'sudo' });
            }
            catch (error) {
                log.warn(`Could not take ports off the kernel's reserved-port list: ${errorMessage(error)}`);
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/platform/ids.ts

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
    return [(host ??= hash((0,external_node_os_namespaceObject.hostname)())), process.pid.toString(36), process.hrtime.bigint().toString(36), random].join('-');
}
/** The host name's hash, worked out once: a system call each time is work an id does not need. */
let host;
/** FNV-1a (32 bits) of `text`, in base 36. */
function hash(text) {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++)
        h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    return (h >>> 0).toString(36);
}
/**
 * A secret: 24 random bytes from the OS's generator, in base64url (32 characters). For
 * what must not be guessed, such as the token a holder's stop request carries. Loads
 * node:crypto (about 10 ms) on first use, so only the steps that need a secret pay it.
 */
function ids_secretToken() {
    const { randomBytes } = process.getBuiltinModule('node:crypto');
    return randomBytes(24).toString('base64url');
}

;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./src/platform/packaged-programs.ts



/**
 * Where `program` is, seen from the module at `moduleUrl` (its import.meta.url): in a
 * bundle, dist/<program>/index.js beside it or one folder up (dist/index.js, dist/post,
 * dist/lib); running from src/, src/programs/<program>.ts.
 * @throws Error when none of them exists.
 */
function packaged_programs_packagedProgram(program, moduleUrl) {
    const here = path.dirname(fileURLToPath(moduleUrl));
    const candidates = [
        path.join(here, program, 'index.js'),
        path.join(here, '..', program, 'index.js'),
        path.join(here, '..', 'programs', `${program}.ts`),
    ];
    const found = candidates.find((file) => existsSync(file));
    if (!found)
        throw new Error(`The ${program} program of Port Zero is missing beside ${here}`);
    return found;
}

;// CONCATENATED MODULE: ./src/protection/holder.ts







/** Starts the detached holder, hands it its secret over IPC, and waits (at most 10 s) until it holds every port it can. */
function startHolder(request) {
    const { spawn } = process.getBuiltinModule('node:child_process');
    const config = { ownerCheckMs: 2000, ...request, token: secretToken() };
    const child = spawn(process.execPath, [packagedProgram('holder', import.meta.url)], {
        detached: true,
        windowsHide: true, // no console window for a background process on Windows
        stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    return new Promise((resolve, reject) => {
        const fail = (why) => {
            child.kill('SIGKILL'); // our own child, still attached: its pid cannot have been reused
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
            // Windows: never signalled (libuv's SIGTERM is TerminateProcess), so no costly start-time lookup.
            const identity = process.platform === 'win32' ? { pid: child.pid, start: null } : identify(child.pid);
            resolve({ ...ready, process: identity, host: config.host, token: config.token });
        });
        child.send(config);
    });
}
/**
 * How long (ms) the post step waits for the holder's answer. The holder answers in
 * milliseconds; this only bounds a hung one, and leaves room for a loaded host.
 */
const STOP_WAIT_MS = 3000;
/**
 * How long (ms) a stopped holder is waited for until it has exited. It exits in
 * milliseconds after its answer; on a loaded host, over a second has been seen.
 */
const GONE_WAIT_MS = 5000;
/**
 * Stops the holder of `saved` without ever signalling a process not proven to be it.
 * First the control channel: a holder that answers with its pid exits at once. No
 * answer means it is gone or hung; then, off Windows only, a process whose pid and
 * start time both match the saved ones (so it is the process the main step started)
 * is killed. On Windows nothing is signalled: there SIGTERM is TerminateProcess and
 * pids are reused. Ends within about 8 s (STOP_WAIT_MS, then GONE_WAIT_MS for the process to go).
 */
async function holder_stopHolder(saved, platform = process.platform) {
    if (await askToStop(saved)) {
        await waitUntilGone(saved.process, GONE_WAIT_MS);
        return 'stopped';
    }
    if (platform === 'win32' || saved.process.start === null || !isRunning(saved.process))
        return 'gone';
    process.kill(saved.process.pid, 'SIGKILL');
    await waitUntilGone(saved.process, GONE_WAIT_MS);
    return 'killed';
}
/** Sends the stop request; true when the answer names the saved pid. Gives up after STOP_WAIT_MS. */
function askToStop(saved) {
    if (!Number.isInteger(saved.control) || typeof saved.token !== 'string')
        return Promise.resolve(false);
    return new Promise((resolve) => {
        const socket = net.connect({ host: saved.host, port: saved.control });
        let answer = '';
        const done = (ok) => {
            clearTimeout(timer);
            socket.destroy();
            resolve(ok);
        };
        const timer = setTimeout(() => done(false), STOP_WAIT_MS);
        socket.on('error', () => done(false));
        socket.on('connect', () => socket.write(stopRequest(saved.token)));
        socket.on('data', (chunk) => {
            answer += chunk.toString('latin1');
            if (answer.includes('\n'))
                done(answer === stopAnswer(saved.process.pid));
        });
        socket.on('end', () => done(answer === stopAnswer(saved.process.pid)));
    });
}
async function waitUntilGone(identity, ms) {
    for (let waited = 0; waited < ms && isRunning(identity); waited += 10)
        await new Promise((r) => setTimeout(r, 10));
}
/**
 * The holder as a protection: TIME_WAIT while the batch is bound (so no moment is left
 * open), then, once the allocation is settled, a holder process that keeps the TCP ports
 * until the post step, the job's runner process exits or `minutes` pass. UDP ports have
 * no holder: their leases protect them (a warning says so).
 */
function holder_holderProtection(context) {
    const timeWait = timeWaitProtection();
    let holder;
    return {
        mode: 'holder',
        protect: (held) => timeWait.protect(held),
        settle: async ({ ports, hosts, protocols }) => {
            if (!protocols.includes('tcp')) {
                context.log.warn('reserve: holder holds TCP ports only; these UDP ports are protected by their leases.');
                return;
            }
            holder = await startHolder({
                ports: [...ports],
                host: loopbackFor(hosts[0]),
                deadline: Date.now() + context.minutes * 60_000,
                owner: context.owner,
            });
            context.log.debug(`holder process ${holder.process.pid} holds ${plural(holder.held.length, 'port')}`);
            if (holder.missed.length) {
                context.log.warn(`The holder could not hold ports ${holder.missed.join(' ')}: something already listens there.`);
            }
        },
        describe: (now) => [timeWait.describe(now), ...(holder ? ['holder until the post step'] : [])].join(' + '),
        state: () => holder && { kind: 'holder', holder },
        undo: async () => {
            if (holder)
                await holder_stopHolder(holder);
            holder = undefined;
        },
    };
}

;// CONCATENATED MODULE: ./src/protection/choose-protection.ts




/** Every `reserve` setting, in the order the messages list them. */
const RESERVE_SETTINGS = (/* unused pure expression or super */ null && (['auto', 'kernel', 'time-wait', 'holder', 'none']));
/**
 * Why `setting` cannot be used by this program on this platform, as the text of what is
 * allowed, or undefined when it can:
 * - kernel: Linux only (the list exists nowhere else), and only with a post step;
 * - holder: not on Windows, where libuv sets neither SO_REUSEADDR nor
 *   SO_EXCLUSIVEADDRUSE, so a server's bind beside the holder's connection is refused
 *   and nothing would let it go; and only with a post step;
 * - time-wait: not on Windows, which reuses recently used ports by default, so TIME_WAIT
 *   does not keep bind(0) off them (RESEARCH: Go's Windows socket code says so).
 */
function choose_protection_reserveProblem(setting, context = {}) {
    const platform = context.platform ?? process.platform;
    const postStep = context.postStep ?? true;
    const offered = RESERVE_SETTINGS.filter((s) => postStep || (s !== 'kernel' && s !== 'holder'));
    const list = `${offered.slice(0, -1).join(', ')} or ${offered.at(-1)}`;
    if (!RESERVE_SETTINGS.includes(setting))
        return list;
    if (!postStep && (setting === 'kernel' || setting === 'holder'))
        return `${list} (holder and kernel need a job's post step to end them)`;
    if (setting === 'kernel' && platform !== 'linux')
        return `the kernel's reserved-port list exists on Linux only; use auto`;
    if (setting === 'holder' && platform === 'win32') {
        return 'holder is not available on Windows, where it would keep your own servers off the ports; use auto or none';
    }
    if (setting === 'time-wait' && platform === 'win32') {
        return 'time-wait is not available on Windows, where TIME_WAIT does not keep other programs off a port; use auto or none';
    }
    return undefined;
}
/**
 * Resolves a valid `setting` (see reserveProblem) to the strongest mechanism the program
 * can use without a prompt, for `auto`:
 * - Linux with a post step: the kernel's reserved-port list when this process may write
 *   it (root, CAP_NET_ADMIN); through `sudo -n` only on GitHub-hosted runners
 *   (RUNNER_ENVIRONMENT=github-hosted), whose passwordless sudo is documented: on a
 *   self-hosted machine a sudo attempt is logged and reported as a policy violation, and
 *   costs 25-40 ms even when it works. Otherwise TIME_WAIT.
 * - Linux without a post step, and macOS: TIME_WAIT. Windows: none.
 */
function chooseReserve(setting, context = {}) {
    const platform = context.platform ?? process.platform;
    const env = context.env ?? process.env;
    if (setting === 'kernel')
        return { mode: 'kernel', sudo: true, fallback: false, why: 'kernel asked for: written directly, else through sudo -n' };
    if (setting !== 'auto')
        return { mode: setting, sudo: false, fallback: false, why: `${setting} asked for` };
    if (platform === 'win32')
        return { mode: 'none', sudo: false, fallback: false, why: 'auto on Windows: TIME_WAIT does not keep ports off there' };
    const timeWait = (why) => ({ mode: 'time-wait', sudo: false, fallback: false, why });
    if (platform !== 'linux')
        return timeWait(`auto on ${platform}: TIME_WAIT`);
    if (context.postStep === false)
        return timeWait('auto without a post step to take ports off the kernel list: TIME_WAIT');
    if ((context.mayWrite ?? mayWriteDirectly)()) {
        return { mode: 'kernel', sudo: false, fallback: true, why: 'auto: this process may write the kernel reserved-port list' };
    }
    if (env.RUNNER_ENVIRONMENT === 'github-hosted') {
        return { mode: 'kernel', sudo: true, fallback: true, why: 'auto on a GitHub-hosted runner: the kernel list through sudo -n' };
    }
    return timeWait('auto: this process may not write the kernel reserved-port list (sudo is tried only on GitHub-hosted runners), so TIME_WAIT');
}
/** The protection for `choice`: the one place a mode becomes its mechanism. */
function createProtection(choice, context) {
    switch (choice.mode) {
        case 'kernel':
            return kernelListProtection(choice, context.log);
        case 'holder':
            return holderProtection(context);
        case 'time-wait':
            return timeWaitProtection();
        case 'none':
            return noProtection();
    }
}
/**
 * Ends what a protection left for the post step: takes its ports off the kernel list, or
 * stops its holder. @throws the mechanism's error (the post step warns with it).
 */
async function endProtection(state) {
    if (state.kind === 'kernel') {
        const removed = await removeReservedPorts(state.ports, { sudo: state.route === 'sudo' });
        return { kind: 'kernel', removed: removed.length, of: state.ports.length };
    }
    return { kind: 'holder', pid: state.holder.process.pid, outcome: await stopHolder(state.holder) };
}

;// CONCATENATED MODULE: ./src/session/request.ts








/** The most ports one request hands out. */
const request_MAX_COUNT = 1000;

/** The request's defaults: one TCP port on every address, protected the strongest way the program may. */
const request_DEFAULT_REQUEST = {
    envPrefix: '',
    protocols: ['tcp'],
    hosts: [],
    exclude: new port_set_PortSet(),
    contiguous: false,
    prefer: [],
    preferOnly: false,
    reserve: 'auto',
    leaseDir: '',
    leaseMinutes: DEFAULT_LEASE_MINUTES,
};
const THIS_MACHINE = { addresses: hosts_localAddresses, mayBind: (hosts) => privilegedPortsAllowed(hosts) };
/**
 * Checks a request by the rules every program shares: names, counts, the range against
 * the count and the exclusions, addresses of this machine, the lease time, the
 * reservation this program may use here. The first broken rule throws.
 * @throws InputError naming the setting in the program's words, quoting the value as given.
 */
function request_checkRequest(request, source) {
    const fail = (setting, allowed, value = source.shown(setting)) => {
        throw new InputError(setting, value, allowed, source.vocabulary);
    };
    const count = request.names.length;
    if (count < 1 || count > request_MAX_COUNT)
        fail('count', `a whole number from 1 to ${request_MAX_COUNT}`);
    for (const name of request.names) {
        const problem = nameProblem(name);
        if (problem)
            fail('names', problem, name);
    }
    if (request.envPrefix !== '' && (request.envPrefix.length > MAX_ENV_PREFIX || !ENV_PREFIX_PATTERN.test(request.envPrefix))) {
        fail('env-prefix', `a letter or "_" first, then letters, digits or "_", at most ${MAX_ENV_PREFIX} characters (or empty)`);
    }
    const mapped = mapEnvNames(request.names, request.envPrefix);
    if ('why' in mapped)
        fail('names', mapped.why, mapped.name);
    const facts = source.facts ?? THIS_MACHINE;
    // Listed only when an address is given: the usual empty list costs no interface lookup.
    const addresses = request.hosts.length ? facts.addresses() : new Set();
    const unknown = request.hosts.find((host) => !addresses.has(host));
    if (unknown)
        fail('host', `not an address of this machine; it has ${[...addresses].join(', ')}`, unknown);
    if (request.range)
        checkRange(request.range, request, facts, fail);
    checkPrefer(request, facts, fail);
    if (request.leaseMinutes < 1 || request.leaseMinutes > MAX_LEASE_MINUTES || !Number.isInteger(request.leaseMinutes)) {
        fail('lease-minutes', `a whole number of minutes from 1 to ${MAX_LEASE_MINUTES}`);
    }
    const reserve = reserveProblem(request.reserve, { postStep: source.postStep });
    if (reserve)
        fail('reserve', reserve);
}
/** The range holds the count, can be bound by this user, and is not all excluded. */
function checkRange(range, request, facts, fail) {
    const count = request.names.length;
    const size = rangeSize(range);
    if (size < count)
        fail('range', `it holds ${plural(size, 'port')}, fewer than the ${count} asked for`);
    if (!facts.mayBind(request.hosts)(range.low)) {
        fail('range', `ports below ${firstUnprivilegedPort()} need root on this runner; use a range above it`);
    }
    const where = `range ${range.low}-${range.high}`;
    if (BAD_PORT_SET.countOutside(range) < count) {
        fail('range', `it holds ${plural(BAD_PORT_SET.countOutside(range), 'port')} that browsers accept, fewer than the ${count} asked for (the others are the Fetch standard's bad ports, which browsers refuse)`);
    }
    if (request.exclude.size === 0)
        return;
    const left = request.exclude.union(BAD_PORT_SET).countOutside(range);
    if (request.exclude.countOutside(range) === 0)
        fail('exclude', `it covers the whole ${where}`);
    if (left < count)
        fail('exclude', `it leaves ${left} of the ports of ${where}, fewer than the ${count} asked for`);
}
/**
 * Preferred ports can be bound by this user; with prefer-only they are enough for the
 * request (without the excluded ones, and the bad ports not named on their own); they
 * are not combined with a block.
 */
function checkPrefer(request, facts, fail) {
    if (request.preferOnly && request.prefer.length === 0)
        fail('prefer-only', 'true only together with prefer (the ports to hand out)');
    if (request.prefer.length === 0)
        return;
    if (request.contiguous)
        fail('prefer', 'empty when contiguous is true: a block is drawn whole, from the range');
    const mayBind = facts.mayBind(request.hosts);
    if (request.prefer.some((r) => !mayBind(r.low))) {
        fail('prefer', `ports below ${firstUnprivilegedPort()} need root on this runner; prefer ports above it`);
    }
    if (!request.preferOnly)
        return;
    const named = PortSet.of(request.prefer.filter((r) => r.low === r.high).map((r) => r.low));
    const excluded = request.exclude.union(new PortSet(BAD_PORT_SET.ranges.filter((r) => !named.has(r.low))));
    const left = preferredLeft(request.prefer, excluded);
    if (left < request.names.length) {
        fail('prefer', `it offers ${plural(left, 'port')} (leaving out the excluded ones and bad ports in runs), fewer than the ${request.names.length} asked for with prefer-only`);
    }
}
/** How many distinct preferred ports `excluded` leaves. */
function preferredLeft(prefer, excluded) {
    const all = new PortSet(prefer);
    return all.ranges.reduce((n, r) => n + excluded.countOutside(r), 0);
}
/** The environment variable of each of the request's names (checkRequest has made sure they are distinct). */
function envNamesOf(request) {
    const mapped = mapEnvNames(request.names, request.envPrefix);
    return 'envNames' in mapped ? mapped.envNames : [];
}

;// CONCATENATED MODULE: ./src/text/names.ts
/** Names that cross a boundary: action.yml inputs (which the command's options follow) and step outputs. */
const names_Input = {
    Names: 'names',
    Count: 'count',
    EnvPrefix: 'env-prefix',
    ExportEnv: 'export-env',
    Protocol: 'protocol',
    Host: 'host',
    Range: 'range',
    Exclude: 'exclude',
    Contiguous: 'contiguous',
    Prefer: 'prefer',
    PreferOnly: 'prefer-only',
    Reserve: 'reserve',
    LeaseDir: 'lease-dir',
    LeaseMinutes: 'lease-minutes',
    Summary: 'summary',
    EnvFile: 'env-file',
};
const names_Output = {
    Port: 'port',
    Ports: 'ports',
    Json: 'json',
    EnvFile: 'env-file',
};
/** The wait action's inputs (wait/action.yml). */
const WaitInput = {
    Names: 'names',
    Timeout: 'timeout',
    Protocol: 'protocol',
    OnForeign: 'on-foreign',
    Summary: 'summary',
};
/** The wait action's fixed outputs; each name also gets `<name>-pid`. */
const WaitOutput = {
    Json: 'json',
    PidSuffix: '-pid',
};

;// CONCATENATED MODULE: ./src/text/text-request.ts








/**
 * The request `raw` describes, checked by every rule.
 * @throws InputError naming the first setting that breaks its rule, in the source's words.
 */
function parseTextRequest(raw, source) {
    const value = (name) => (raw[name] ?? '').trim();
    const fail = (setting, allowed, shown = value(setting)) => {
        throw new InputError(setting, shown, allowed, source.vocabulary);
    };
    const request = {
        ...DEFAULT_REQUEST,
        names: parseNames(value(Input.Names), value(Input.Count), fail),
        named: value(Input.Names) !== '',
        envPrefix: value(Input.EnvPrefix),
        protocols: parseProtocols(value(Input.Protocol), fail),
        hosts: parseHosts(value(Input.Host), fail),
        range: parseRange(value(Input.Range), fail),
        exclude: parseExclude(value(Input.Exclude), fail),
        contiguous: parseBoolean(Input.Contiguous, value(Input.Contiguous), false, source.vocabulary),
        prefer: parsePrefer(value(Input.Prefer), fail),
        preferOnly: parseBoolean(Input.PreferOnly, value(Input.PreferOnly), false, source.vocabulary),
        reserve: (value(Input.Reserve) || 'auto'),
        leaseDir: value(Input.LeaseDir),
        leaseMinutes: parseWholeNumber(value(Input.LeaseMinutes), DEFAULT_REQUEST.leaseMinutes),
    };
    checkRequest(request, { ...source, shown: (setting) => value(setting) });
    return request;
}
/** Names as given, or `port-1` ... `port-N` from `count`. */
function parseNames(rawNames, rawCount, fail) {
    const count = rawCount === '' ? 1 : parseWholeNumber(rawCount, NaN);
    if (!(count >= 1 && count <= MAX_COUNT))
        fail(Input.Count, `a whole number from 1 to ${MAX_COUNT}`);
    if (rawNames === '')
        return defaultNames(count);
    if (rawNames.split(',').some((part) => part.trim() === '')) {
        fail(Input.Names, 'an empty name between commas; separate names with spaces, commas or newlines');
    }
    const names = splitNames(rawNames);
    if (names.length > MAX_COUNT)
        fail(Input.Names, `at most ${MAX_COUNT} names, not ${names.length}`);
    if (rawCount !== '' && count !== 1 && count !== names.length) {
        fail(Input.Count, `${plural(names.length, 'name was', 'names were')} given, so leave it out or make it ${names.length}`);
    }
    return names;
}
/** A whole number in decimal digits, `fallback` for empty text, NaN for anything else. */
function parseWholeNumber(raw, fallback) {
    if (raw === '')
        return fallback;
    return /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
}
/** The values the runner's own getBooleanInput accepts, and empty for the default. */
function parseBoolean(setting, raw, fallback, vocabulary) {
    if (raw === '')
        return fallback;
    if (['true', 'True', 'TRUE'].includes(raw))
        return true;
    if (['false', 'False', 'FALSE'].includes(raw))
        return false;
    throw new errors_InputError(setting, raw, 'true or false', vocabulary);
}
function parseProtocols(raw, fail) {
    if (raw === '')
        return ['tcp'];
    const parts = raw
        .toLowerCase()
        .split(/[\s,]+/)
        .filter(Boolean);
    const valid = parts.length > 0 && parts.length <= 2 && parts.every((p) => p === 'tcp' || p === 'udp');
    if (!valid || new Set(parts).size !== parts.length)
        fail(Input.Protocol, 'tcp, udp or tcp,udp');
    return parts;
}
/**
 * Addresses a port must be free on, each spelled one way (`0:0::1` is `::1`) and listed
 * once. Addresses that a wildcard in the list covers (`0.0.0.0 ::`) are kept here and
 * folded by the allocator (see planHosts), which binds the wildcard alone.
 */
function parseHosts(raw, fail) {
    const given = raw.split(/[\s,]+/).filter(Boolean);
    const bad = given.find((host) => net.isIP(host) === 0);
    if (bad !== undefined)
        fail(Input.Host, 'IP addresses separated by spaces or commas, such as 127.0.0.1 ::1', bad);
    return [...new Set(given.map(canonicalHost))];
}
const RANGE_RULE = (/* unused pure expression or super */ null && (`LOW-HIGH with ${MIN_PORT} <= LOW <= HIGH <= ${MAX_PORT}, such as 20000-29999`));
function parseRange(raw, fail) {
    if (raw === '')
        return undefined;
    const range = raw.includes('-') ? parsePortEntry(raw) : undefined;
    return range ?? fail(Input.Range, RANGE_RULE);
}
/** Ports and runs in the order given (not sorted or merged: the order is the preference). */
function parsePrefer(raw, fail) {
    return parsePortList(raw) ?? fail(Input.Prefer, 'ports and LOW-HIGH runs in the order to try them, such as 3000, 3001, 8000-8099');
}
function parseExclude(raw, fail) {
    const ranges = parsePortList(raw);
    return new PortSet(ranges ?? fail(Input.Exclude, 'ports and ranges separated by commas or spaces, such as 5432, 6000-6100'));
}

;// CONCATENATED MODULE: ./src/session/naming.ts
/** Names: how a port's name becomes its environment variable, and which names a port may have. */
const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const NAME_RULE = 'a letter first, then letters, digits, "-" or "_", at most 64 characters';
/**
 * Names no port may take, in any letter case: the action's outputs that every run sets
 * (`port`, `ports`, `json`, and `env-file` when asked). One rule for every program, so a
 * name means the same everywhere.
 */
const RESERVED_NAMES = (/* unused pure expression or super */ null && (['port', 'ports', 'json', 'env-file']));
/** The longest `env-prefix`: with 64-character names, 1000 variables stay far below what a process's environment can take. */
const naming_MAX_ENV_PREFIX = 64;
const naming_ENV_PREFIX_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Splits a `names` value at spaces, commas and newlines. */
function naming_splitNames(raw) {
    return raw.split(/[\s,]+/).filter((n) => n.length > 0);
}
/** `port-1` ... `port-N`, the names used when only a count is given. */
function naming_defaultNames(count) {
    return Array.from({ length: count }, (_, i) => `port-${i + 1}`);
}
/**
 * `web` -> `WEB_PORT`, `db-main` -> `DB_MAIN_PORT`, `api_port` -> `API_PORT`,
 * `port-2` -> `PORT_2`: upper-case, `-` to `_`, and `_PORT` unless the name
 * already ends in `PORT` or `PORT_<digits>`.
 */
function naming_envName(name, prefix = '') {
    const base = name.toUpperCase().replaceAll('-', '_');
    const suffix = /PORT(_\d+)?$/.test(base) ? '' : '_PORT';
    return `${prefix}${base}${suffix}`;
}
/** Why `name` cannot name a port, or undefined when it can. */
function naming_nameProblem(name) {
    if (!NAME_PATTERN.test(name))
        return `each name must have ${NAME_RULE}`;
    if (RESERVED_NAMES.includes(name.toLowerCase())) {
        return `the outputs ${RESERVED_NAMES.join(', ')} are always set, so no port can take those names`;
    }
    return undefined;
}
/**
 * Each name's environment variable, or the first name whose variable another name has
 * already (`web-api`, `web_api`, `Web-API` all become WEB_API_PORT) with why.
 */
function naming_mapEnvNames(names, prefix) {
    const seen = new Map();
    const envNames = [];
    for (const name of names) {
        const env = naming_envName(name, prefix);
        const other = seen.get(env);
        if (other !== undefined) {
            return {
                name,
                why: `each name must be unique; it ${other === name ? 'appears twice' : `clashes with '${other}': both become ${env}`}`,
            };
        }
        seen.set(env, name);
        envNames.push(env);
    }
    return { envNames };
}

;// CONCATENATED MODULE: ./src/session/job-ports.ts




const FILE = external_node_path_default().join('port-zero', 'job-ports.jsonl');
const MAX_BYTES = 4 * 2 ** 20;
/** The record's path for `env`'s RUNNER_TEMP; undefined outside a runner. */
function jobPortsFile(env = process.env) {
    return env.RUNNER_TEMP ? external_node_path_default().join(env.RUNNER_TEMP, FILE) : undefined;
}
/**
 * The record's file, made ready for an append (its directory and an empty file created
 * when missing, by the rule of safe-files.ts), and the text that lists `ports`: for the
 * main step to append with its other files, all or none. Undefined outside a runner (no
 * RUNNER_TEMP) or for no ports.
 * @throws UnsafePathError when the path is a link or not a regular file, or the fs error.
 */
function job_ports_jobPortsAppend(ports, env = process.env) {
    const file = jobPortsFile(env);
    if (!file || ports.length === 0)
        return undefined;
    makeDirectories(path.dirname(file));
    const fd = openSync(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | NO_FOLLOW, 0o600);
    try {
        if (!fstatSync(fd).isFile())
            throw new UnsafePathError(`${file} is not a regular file`);
    }
    finally {
        closeSync(fd);
    }
    return { file, text: ports.map((p) => `${JSON.stringify({ name: p.name, port: p.port, protocols: p.protocols })}\n`).join('') };
}
/** One line of the record, checked field by field; undefined for anything else. */
function parseJobPort(line) {
    let value;
    try {
        value = JSON.parse(line);
    }
    catch {
        return undefined;
    }
    const { name, port, protocols } = (value ?? {});
    if (typeof name !== 'string' || !NAME_PATTERN.test(name))
        return undefined;
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535)
        return undefined;
    if (!Array.isArray(protocols) || protocols.length < 1 || protocols.length > 2)
        return undefined;
    if (!protocols.every((p) => p === 'tcp' || p === 'udp') || new Set(protocols).size !== protocols.length)
        return undefined;
    return { name, port, protocols: protocols };
}
/**
 * Every name this job's earlier steps handed out, the last port of each, in the order
 * first handed out. Empty outside a runner or before any step wrote the record; lines
 * that do not parse are skipped (`skipped` counts them, for a debug line). Throws
 * UnsafePathError when the record is a link, not a regular file, or larger than 4 MiB.
 */
function readJobPorts(env = process.env) {
    const file = jobPortsFile(env);
    let text;
    try {
        if (!file)
            return { ports: [], skipped: 0 };
        text = safe_files_readRegularFile(file, MAX_BYTES).text;
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return { ports: [], skipped: 0 };
        throw error;
    }
    const byName = new Map();
    let skipped = 0;
    for (const line of text.split('\n').filter(Boolean)) {
        const port = parseJobPort(line);
        if (port)
            byName.set(port.name, port);
        else
            skipped++;
    }
    return { ports: [...byName.values()], skipped };
}

;// CONCATENATED MODULE: ./src/readiness/name-sources.ts

/** Shows at most this many names in an error, then how many more. */
const SHOWN = 10;
function listed(names) {
    const shown = names.slice(0, SHOWN).join(', ');
    return names.length > SHOWN ? `${shown} and ${names.length - SHOWN} more` : shown;
}
/** Names from the job's record (session/job-ports.ts): what this job's earlier Port Zero steps handed out. */
function recordedNames(ports) {
    const byName = new Map(ports.map((p) => [p.name, p]));
    return {
        find: (name) => byName.get(name),
        describe: () => ports.length
            ? `one of the names this job's earlier Port Zero steps handed out (${listed(ports.map((p) => p.name))})`
            : 'a name an earlier Port Zero step of this job handed out: none did',
    };
}
/**
 * Names from the environment, for the command outside a job: `web` is the port in
 * WEB_PORT (with `prefix` in front, as `--env-prefix` gave it), which `export $(port-zero web)`
 * set; such a port is waited for with `protocols`.
 */
function environmentNames(env, prefix, protocols) {
    return {
        find: (name) => {
            const value = env[envName(name, prefix)];
            const port = value && /^\d{1,5}$/.test(value) ? Number(value) : 0;
            return port >= 1 && port <= 65535 ? { port, protocols } : undefined;
        },
        describe: () => 'a name whose variable (web: WEB_PORT) holds a port in this environment',
    };
}

;// CONCATENATED MODULE: ./src/platform/line-child.ts
/**
 * A helper process that answers one line for each line it is sent, in order: the one
 * shape of every small program Port Zero runs beside itself (perl one-liners that make
 * sockets Node cannot). Lines go out as they are sent; answers are taken in order with
 * `next`. Its stderr is kept (the last 400 characters) for messages.
 */
class line_child_LineChild {
    child;
    lines = [];
    waiting = [];
    buffer = '';
    closed = false;
    /** The end of the process, once it has exited (or failed to start). */
    ended;
    stderr = '';
    constructor(file, args) {
        const { spawn } = process.getBuiltinModule('node:child_process');
        this.child = spawn(file, args, { stdio: 'pipe', windowsHide: true });
        this.ended = new Promise((resolve) => {
            this.child.once('error', (error) => resolve({ code: null, signal: null, error: error.code ?? error.message }));
            this.child.once('close', (code, signal) => resolve({ code, signal }));
        });
        void this.ended.then(() => this.close());
        this.child.stdin.on('error', () => { }); // EPIPE when it never started or died: `ended` says how
        this.child.stdout.setEncoding('utf8').on('data', (chunk) => this.receive(chunk));
        this.child.stderr.setEncoding('utf8').on('data', (chunk) => (this.stderr = (this.stderr + chunk).slice(-400)));
    }
    receive(chunk) {
        const parts = (this.buffer + chunk).split('\n');
        this.buffer = parts.pop();
        for (const line of parts) {
            const waiter = this.waiting.shift();
            if (waiter)
                waiter(line);
            else
                this.lines.push(line);
        }
    }
    close() {
        this.closed = true;
        for (const waiter of this.waiting.splice(0))
            waiter(undefined);
    }
    /** Sends one request line. */
    send(line) {
        this.child.stdin.write(`${line}\n`);
    }
    /** The next answer line, in order; undefined once the process has ended without one. */
    next() {
        if (this.lines.length)
            return Promise.resolve(this.lines.shift());
        if (this.closed)
            return Promise.resolve(undefined);
        return new Promise((resolve) => this.waiting.push(resolve));
    }
    /** Every answer line received and not yet taken. */
    drain() {
        return this.lines.splice(0);
    }
    /** Ends its input, and waits for it to exit for at most `waitMs`: 'late' when it has not. */
    async finish(waitMs) {
        this.child.stdin.end();
        let timer;
        const late = new Promise((resolve) => (timer = setTimeout(() => resolve('late'), waitMs)));
        try {
            return await Promise.race([this.ended, late]);
        }
        finally {
            clearTimeout(timer);
        }
    }
    /** Kills the process if it still runs and waits until it has gone; true when it had to be killed. Safe to call twice. */
    async stop() {
        const running = this.child.pid !== undefined && this.child.exitCode === null && this.child.signalCode === null;
        if (!running || !this.child.kill('SIGKILL'))
            return false;
        await this.ended;
        return true;
    }
}

;// CONCATENATED MODULE: ./src/platform/sock-diag.ts


/**
 * Watches Linux's socket table for a few ports from a small long-lived perl helper
 * (perl-base is part of every Debian and Ubuntu system, and Port Zero already runs it).
 *
 * TCP listeners come from netlink sock_diag with the state filter set to LISTEN only:
 * the kernel then walks its listening hash and skips the established hash altogether
 * (inet_diag_dump_icsk), so a look does not grow with the host's connections. Bound UDP
 * sockets come from /proc/net/udp and udp6, whose table is small. The helper polls by
 * itself and writes only when what it sees on the watched ports changes, so the waiting
 * Node process sleeps until then: only one process wakes for each look.
 *
 * Measured here (Linux 6.18 in a firecracker VM, 2 cores shared with other test runs,
 * Node 24; scripts under /tmp, 200 to 2000 repetitions each):
 * - one look through netlink, IPv4 and IPv6, asked by Node over a pipe: 0.11 ms a round
 *   trip, 0.13 ms of CPU in both processes, the same with 0, 1000 or 5000 connections open;
 * - reading /proc/net/tcp and tcp6 whole: 1.7 ms idle, 19 ms with 5000 connections in the
 *   namespace, 2.9 ms with them in another namespace (the established hash is host-wide);
 * - reading them in 512 or 4096-byte pieces and stopping at the first socket that is not
 *   a listener (listeners come first): as costly as the whole file when the namespace has
 *   no other socket, since the kernel then walks the whole hash to find the end;
 * - `ss -Htln` run for each look: 12-18 ms;
 * - polling every 20 ms from Node, which asks the helper each time: 2.5 % of a CPU in
 *   Node and 0.8 % in perl (a bare 20 ms Node timer alone costs 0.9-1 % here); with the
 *   helper polling and Node asleep, the whole wait step: 0.8-1.0 % of a CPU with the
 *   machine's load average at 6, 1.4 % at 10 (`npm run bench`, 5 s windows).
 */
const sock_diag_SCRIPT = String.raw `
use strict; use Socket qw(AF_INET AF_INET6 SOCK_DGRAM inet_ntop); $| = 1;
my ($AF_NETLINK, $SOCK_DIAG, $BY_FAMILY, $DONE, $ERROR, $LISTEN) = (16, 4, 20, 3, 2, 10);
socket(my $nl, $AF_NETLINK, SOCK_DGRAM, $SOCK_DIAG) or do { print "! socket: $!\n"; exit 1 };
my $kernel = pack('S x10', $AF_NETLINK);
my ($seq, $in, $last) = (0, '', '');
sub tcp_listeners {
  my ($family, $want, $out) = @_;
  # inet_diag_req_v2: family, protocol 6 (TCP), no extensions, states = LISTEN only, a zeroed sockid.
  my $req = pack('C C C x L x48', $family, 6, 0, 1 << $LISTEN);
  $seq++;
  send($nl, pack('L S S L L', 16 + length $req, $BY_FAMILY, 0x301, $seq, 0) . $req, 0, $kernel) or die "send: $!\n";
  for (;;) {
    defined recv($nl, my $buf, 65536, 0) or die "recv: $!\n";
    while (length $buf >= 16) {
      my ($len, $type, undef, $got) = unpack('L S S L', $buf);
      die "bad message\n" if $len < 16 || $len > length $buf;
      if ($got == $seq) {
        return if $type == $DONE;
        die 'error ' . -unpack('l', substr($buf, 16, 4)) . "\n" if $type == $ERROR;
        my ($fam, $port, $src, $uid, $inode) = unpack('C x3 n x2 a16 x16 x4 x8 x4 x4 x4 L L', substr($buf, 16));
        push @$out, 'tcp ' . inet_ntop($fam, $fam == AF_INET ? substr($src, 0, 4) : $src) . " $port $uid $inode" if $want->{$port};
      }
      substr($buf, 0, ($len + 3) & ~3, '');
    }
  }
}
sub udp_sockets {
  my ($file, $want, $out) = @_;
  open(my $fh, '<', $file) or return;
  <$fh>;
  while (my $line = <$fh>) {
    my @f = split ' ', $line;
    my ($hex, $port) = split /:/, $f[1] // '';
    next unless defined $port && $want->{hex $port} && $hex =~ /^([0-9A-F]{8}){1,4}$/;
    my $address = inet_ntop(length $hex == 8 ? AF_INET : AF_INET6, pack('L*', map { hex } unpack('(A8)*', $hex)));
    push @$out, "udp $address " . hex($port) . " $f[7] $f[9]";
  }
}
sub want { my %w = map { $_ => 1 } grep { /^\d+$/ } split /,/, $_[0] // ''; \%w }
sub look {
  my ($tcp, $udp) = @_;
  my @out;
  if (%$tcp) { tcp_listeners(AF_INET, $tcp, \@out); tcp_listeners(AF_INET6, $tcp, \@out) }
  if (%$udp) { udp_sockets('/proc/net/udp', $udp, \@out); udp_sockets('/proc/net/udp6', $udp, \@out) }
  join '', map { "$_\n" } sort @out;
}
sub answer { my ($text, $id) = @_; $last = $text; print $text, ". $id\n" }
# The next command line; undef when none came within $timeout seconds (undef: wait for one). Ends at EOF.
sub next_line {
  my ($timeout) = @_;
  for (;;) {
    return $1 if $in =~ s/^([^\n]*)\n//;
    my $rin = ''; vec($rin, fileno(STDIN), 1) = 1;
    my $ready = select(my $rout = $rin, undef, undef, $timeout);
    return undef if $ready == 0;
    next if $ready < 0;
    my $got = sysread(STDIN, $in, 4096, length $in);
    exit 0 unless $got;
  }
}
sub look_or_exit { my $text = eval { look(@_) }; defined $text or do { print "! $@"; exit 1 }; $text }
my $line = next_line(undef);
COMMAND: for (;;) {
  my ($id, $command, @args) = split ' ', $line;
  if (($command // '') eq 'watch') {
    my @schedule = grep { /^\d+$/ } split /,/, $args[0];
    my ($max, $tcp, $udp) = ($args[1], want($args[2]), want($args[3]));
    # What was last reported on these ports: the helper answers when that changes.
    my $known = join '', grep { my ($p, undef, $port) = split ' '; ($p eq 'tcp' ? $tcp : $udp)->{$port} } split /^/m, $last;
    for (my $i = 0; ; $i++) {
      my $now = look_or_exit($tcp, $udp);
      if ($now ne $known) { answer($now, $id); last }
      my $next = next_line(($schedule[$i] // $max) / 1000);
      if (defined $next) { $line = $next; next COMMAND } # a newer request takes over
    }
  } else {
    answer(look_or_exit(want($args[0]), want($args[1])), $id);
  }
  $line = next_line(undef);
}`;
/** A look not answered in this long ends the helper, and the caller reads /proc/net instead. */
const ANSWER_MS = 2000;
const list = (ports) => (ports.length ? ports.join(',') : '-');
/**
 * The helper. Each method resolves to the sockets on the queried ports, or to undefined
 * once the helper cannot serve (no perl, netlink refused, no answer in time), after which
 * the caller reads /proc/net itself. One request at a time; a new one (`look` during a
 * `watch`) takes over, and the older one's promise resolves with its answer.
 */
class SockDiag {
    child;
    failed = false;
    lines = [];
    serial = 0;
    pending;
    /** Started on the first request, so a wait that is over at once never starts it. */
    start() {
        const child = new line_child_LineChild(system_tools_systemTool('perl'), ['-e', sock_diag_SCRIPT]);
        this.child = child;
        void this.pump(child);
        return child;
    }
    /** Takes the helper's lines as they come; its end (no perl, killed) ends the service. */
    async pump(child) {
        for (let line = await child.next(); line !== undefined && this.child === child; line = await child.next()) {
            if (line.startsWith('!'))
                return this.fail();
            const done = /^\. (\d+)$/.exec(line);
            if (!done)
                this.lines.push(line);
            else if (Number(done[1]) === this.pending?.id)
                this.settle(parseHelperLines(this.lines.splice(0)));
            else
                this.lines = []; // the answer to a request that a newer one took over
        }
        if (this.child === child)
            this.fail();
    }
    settle(sockets) {
        const pending = this.pending;
        this.pending = undefined;
        clearTimeout(pending?.timer);
        pending?.resolve(sockets);
    }
    fail() {
        this.failed = true;
        this.close();
    }
    request(command, timed) {
        if (this.failed)
            return Promise.resolve(undefined);
        const child = this.child ?? this.start();
        const id = ++this.serial;
        const earlier = this.pending;
        return new Promise((resolve) => {
            // A request that takes over resolves the earlier one's promise with its own answer.
            const both = (sockets) => {
                earlier?.resolve(sockets);
                resolve(sockets);
            };
            clearTimeout(earlier?.timer);
            this.pending = { id, resolve: both, timer: timed ? setTimeout(() => this.fail(), ANSWER_MS) : undefined };
            child.send(`${id} ${command}`);
        });
    }
    /** The sockets on the queried ports now: TCP listeners, bound UDP sockets. */
    look(query) {
        return this.request(`look ${list(query.tcp)} ${list(query.udp)}`, true);
    }
    /**
     * Resolves once the sockets on the queried ports differ from what the helper last
     * reported (for those ports), looking on `schedule`; `look()` answers it at once.
     */
    watch(query, schedule) {
        return this.request(`watch ${schedule.firstMs.join(',') || '-'} ${schedule.maxMs} ${list(query.tcp)} ${list(query.udp)}`, false);
    }
    /** Ends the helper; safe to call twice. A request still waiting resolves to undefined. */
    close() {
        const child = this.child;
        this.child = undefined;
        void child?.stop();
        this.settle(undefined);
    }
}
/** The helper's `PROTOCOL ADDRESS PORT UID INODE` lines; a line that does not fit is skipped. */
function parseHelperLines(lines) {
    const sockets = [];
    for (const line of lines) {
        const match = /^(tcp|udp) ([0-9a-fA-F:.]{2,45}) (\d{1,5}) (\d{1,10}) (\d{1,20})$/.exec(line);
        const port = Number(match?.[3]);
        if (!match || port < 1 || port > 65535)
            continue;
        const [protocol, address, , uid, inode] = match.slice(1);
        sockets.push({
            protocol: protocol,
            address,
            port,
            uid: Number(uid),
            inode: Number(inode) || null,
            pid: null,
            command: null,
            account: null,
        });
    }
    return sockets;
}

;// CONCATENATED MODULE: ./src/platform/socket-table.ts


const NOT_NAMED = { uid: null, inode: null, pid: null, command: null, account: null };
function port(text, radix = 10) {
    if (text === undefined || !(radix === 16 ? /^[0-9A-Fa-f]{1,4}$/ : /^\d{1,5}$/).test(text))
        return null;
    const value = parseInt(text, radix);
    return value >= 1 && value <= 65535 ? value : null;
}
/** TCP state 0A in /proc/net/tcp: LISTEN. */
const PROC_LISTEN = '0A';
/**
 * An address from /proc/net/*: each 32-bit word is printed as hex in the host's
 * byte order (`0100007F` is 127.0.0.1 on a little-endian host). Null when malformed.
 */
function procAddress(hex) {
    if (!/^([0-9A-F]{8}){1,4}$/.test(hex) || (hex.length !== 8 && hex.length !== 32))
        return null;
    const bytes = Buffer.alloc(hex.length / 2);
    for (let word = 0; word < hex.length / 8; word++) {
        const value = parseInt(hex.slice(word * 8, word * 8 + 8), 16);
        if ((0,external_node_os_namespaceObject.endianness)() === 'LE')
            bytes.writeUInt32LE(value, word * 4);
        else
            bytes.writeUInt32BE(value, word * 4);
    }
    if (bytes.length === 4)
        return [...bytes].join('.');
    const groups = Array.from({ length: 8 }, (_, i) => bytes.readUInt16BE(i * 2).toString(16));
    return compressIpv6(groups);
}
/** `0:0:0:0:0:0:0:1` to `::1`: the longest run of zero groups (two or more) becomes `::`. */
function compressIpv6(groups) {
    let best = { at: -1, length: 1 };
    for (let i = 0; i < groups.length;) {
        let j = i;
        while (j < groups.length && groups[j] === '0')
            j++;
        if (j - i > best.length)
            best = { at: i, length: j - i };
        i = j > i ? j : i + 1;
    }
    if (best.at < 0)
        return groups.join(':');
    return `${groups.slice(0, best.at).join(':')}::${groups.slice(best.at + best.length).join(':')}`;
}
/**
 * The sockets of one /proc/net/{tcp,tcp6,udp,udp6} text: for TCP the listeners (state
 * 0A), for UDP every socket (a server's unconnected socket is state 07). Columns:
 * `sl local_address rem_address st queues timer retrnsmt uid timeout inode ...`.
 */
function parseProcNet(text, protocol) {
    const sockets = [];
    for (const line of text.split('\n').slice(1)) {
        const fields = line.trim().split(/\s+/);
        if (fields.length < 10 || (protocol === 'tcp' && fields[3] !== PROC_LISTEN))
            continue;
        const [hexAddress, hexPort] = fields[1].split(':');
        const address = procAddress(hexAddress ?? '');
        const number = port(hexPort, 16);
        const uid = /^\d{1,10}$/.test(fields[7]) ? Number(fields[7]) : null;
        const inode = /^\d{1,20}$/.test(fields[9]) ? Number(fields[9]) : null;
        if (address === null || number === null)
            continue;
        sockets.push({ ...NOT_NAMED, protocol, address, port: number, uid, inode: inode || null });
    }
    return sockets;
}
/**
 * Reads /proc/net/<protocol> and <protocol>6 whole. For TCP this walks the kernel's whole
 * established hash (see sock-diag.ts for the cost), so it is the fallback there; for UDP it
 * is the cheapest source (about 0.03 ms a file here). A file that cannot be read (no IPv6)
 * adds nothing.
 */
function readProcNet(protocol) {
    return [protocol, `${protocol}6`].flatMap((file) => {
        try {
            return parseProcNet((0,external_node_fs_namespaceObject.readFileSync)(`/proc/net/${file}`, 'latin1'), protocol);
        }
        catch {
            return [];
        }
    });
}
/** `127.0.0.1:8080`, `[::1]:8080`, `*:8080` to address and port; null for a connection (`a->b`) or anything else. */
function splitEndpoint(name) {
    const match = /^(\[[0-9A-Fa-f:.%a-zA-Z0-9]+\]|[0-9.]+|\*):(\d{1,5})$/.exec(name);
    const number = port(match?.[2]);
    if (!match || number === null)
        return null;
    return { address: match[1].replace(/^\[(.*)\]$/, '$1'), port: number };
}
/**
 * lsof's field output (`-F pcuLPnT`), as macOS's lsof 4.91 and Linux's 4.95 print it:
 * one field a line, its identifier first; `p` starts a process (`c` command, `u` uid,
 * `L` login), `P` starts a network file (`n` its name, `TST=` its TCP state). Kept:
 * TCP files in state LISTEN and every UDP file whose name is a local endpoint.
 */
function parseLsof(text) {
    const sockets = [];
    let owner = { pid: null, command: null, uid: null, account: null };
    let file;
    const flush = () => {
        const endpoint = file && splitEndpoint(file.name);
        const protocol = file?.protocol.toLowerCase();
        if (endpoint && owner.pid !== null && (protocol === 'udp' || (protocol === 'tcp' && file.state === 'LISTEN'))) {
            sockets.push({ protocol, ...endpoint, inode: null, ...owner });
        }
        file = undefined;
    };
    for (const line of text.split('\n')) {
        const [id, value] = [line[0], line.slice(1).replace(/\r$/, '')];
        if (id === 'p' || id === 'P')
            flush();
        if (id === 'p')
            owner = { pid: /^\d{1,10}$/.test(value) ? Number(value) : null, command: null, uid: null, account: null };
        else if (id === 'c')
            owner.command = value.slice(0, 256);
        else if (id === 'u')
            owner.uid = /^\d{1,10}$/.test(value) ? Number(value) : null;
        else if (id === 'L')
            owner.account = value.slice(0, 64);
        else if (id === 'P')
            file = { protocol: value, name: '', state: '' };
        else if (id === 'n' && file)
            file.name = value;
        else if (id === 'T' && file && value.startsWith('ST='))
            file.state = value.slice(3);
    }
    flush();
    return sockets;
}
/**
 * Windows `netstat -ano`: `Proto  Local Address  Foreign Address  State  PID` rows.
 * The State column is translated on other display languages (`ABHÖREN`), so a TCP
 * listener is told by its foreign address, `0.0.0.0:0` or `[::]:0`, which only a
 * listening socket shows; UDP rows have no state and a foreign address of `*:*`.
 */
function parseNetstat(text) {
    const sockets = [];
    for (const line of text.split(/\r?\n/)) {
        const fields = line.trim().split(/\s+/);
        const protocol = fields[0]?.toLowerCase();
        if (protocol !== 'tcp' && protocol !== 'udp')
            continue;
        const endpoint = splitEndpoint(fields[1] ?? '');
        const pid = fields.at(-1) ?? '';
        const listening = protocol === 'udp' ? fields[2] === '*:*' : /^(0\.0\.0\.0|\[::\]):0$/.test(fields[2] ?? '');
        if (!endpoint || !listening || !/^\d{1,10}$/.test(pid))
            continue;
        sockets.push({ ...NOT_NAMED, protocol, ...endpoint, pid: Number(pid) });
    }
    return sockets;
}

;// CONCATENATED MODULE: ./src/platform/socket-readers.ts



/** Linux: the perl helper (sock-diag.ts); /proc/net/tcp and udp read here once it cannot serve. */
class LinuxReader {
    diag = new SockDiag();
    fallback = false;
    get source() {
        return this.fallback ? '/proc/net/tcp and /proc/net/udp' : 'netlink sock_diag and /proc/net/udp (perl helper)';
    }
    async read(query) {
        const found = this.fallback ? undefined : await this.diag.look(query);
        if (found)
            return found;
        this.fallback = true;
        return [...(query.tcp.length ? readProcNet('tcp') : []), ...(query.udp.length ? readProcNet('udp') : [])];
    }
    async watch(query, schedule) {
        const found = this.fallback ? undefined : await this.diag.watch(query, schedule);
        if (!found)
            this.fallback = true;
        return found;
    }
    close() {
        this.diag.close();
    }
}
/**
 * macOS: lsof, asked about the ports only (`-iTCP:P,Q -iUDP:R`; several -i select the
 * union). Not `-sTCP:LISTEN`: with a state list lsof leaves UDP files out altogether
 * (seen with lsof 4.95), so the state is read from each file's `TST=` field. Run by
 * absolute path with a fixed locale, like every system tool here.
 */
class LsofReader {
    source = 'lsof';
    async read(query) {
        const select = ['tcp', 'udp'].filter((p) => query[p].length).map((p) => `-i${p.toUpperCase()}:${query[p].join(',')}`);
        if (select.length === 0)
            return [];
        const env = { LC_ALL: 'C', PATH: '/usr/bin:/bin:/usr/sbin:/sbin' };
        return parseLsof(await system_tools_runToolAsync(system_tools_systemTool('lsof', 'darwin'), ['-nP', ...select, '-F', 'pcuLPnT'], { env, answers: [1] }));
    }
    close() { }
}
/** Windows: `netstat -ano` by absolute path; its pid column names the process. */
class NetstatReader {
    source = 'netstat -ano';
    async read() {
        return parseNetstat(await system_tools_runToolAsync(system_tools_systemTool('netstat', 'win32'), ['-ano']));
    }
    close() { }
}
/** The reader for `platform`; throws on an OS with none. */
function openSocketReader(platform = process.platform) {
    if (platform === 'linux')
        return new LinuxReader();
    if (platform === 'darwin')
        return new LsofReader();
    if (platform === 'win32')
        return new NetstatReader();
    throw new Error(`Waiting for ports is not supported on ${platform}`);
}

;// CONCATENATED MODULE: ./src/readiness/describe.ts
/** The words every program uses for a wait's results, so the log, the errors and the summary say the same. */
/** `web (port 34567)`, or `port 8080` for a port given by number. */
function targetLabel(target) {
    return target.byNumber ? `port ${target.port}` : `${target.name} (port ${target.port})`;
}
/** `1.23 s` */
function seconds(ms) {
    return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}
/** `account runner`, `uid 1234`, or `account unknown`. */
function accountText(owner) {
    if (owner.account)
        return `account ${owner.account}`;
    return owner.uid === null ? 'account unknown' : `uid ${owner.uid}`;
}
/** `pid 4242 (nginx: master process nginx)`, or `pid unknown`. */
function processText(owner) {
    return owner.pid === null ? 'pid unknown' : `pid ${owner.pid}${owner.command ? ` (${owner.command})` : ''}`;
}
/** `pid 4242 (nginx: master process nginx), account runner`, or `pid unknown, uid 1001`. */
function ownerText(owner) {
    return `${processText(owner)}, ${accountText(owner)}`;
}
const BELONGS = {
    job: "this job's",
    container: "a container's",
    foreign: "NOT this job's",
    unknown: 'owner unknown',
};
/** `this job's (carries this job's RUNNER_TRACKING_ID)` */
function belongingText(owner) {
    return `${BELONGS[owner.belongs]} (${owner.why})`;
}
/** What a listener of someone else's means, said once under the list of them. */
const FOREIGN_MEANING = 'Port Zero handed these ports to this job, so either another program took them after that, or the server meant for them ' +
    'runs somewhere else (another job, an earlier run on this host). Clients of this job would talk to that program, not to your server.';
/** `web (port 34567) ready after 0.84 s on tcp ::, pid 4242 (nginx: master process), account runner: this job's (carries …)` */
function readyLine(ready) {
    const { target, ms, listening, owner } = ready;
    return `${targetLabel(target)} ready after ${seconds(ms)} on ${listening.join(', ')}, ${ownerText(owner)}: ${belongingText(owner)}`;
}
/**
 * The results as one JSON object by name, for the action's `json` output and `port-zero wait --json`:
 * `{"web":{"port":34567,"protocols":["tcp"],"seconds":0.84,"listening":["tcp ::"],"pid":4242,"command":"...",
 * "account":"runner","belongs":"job","why":"...","container":null}}`.
 */
function resultsJson(results) {
    const entries = results.map(({ target, ms, listening, owner }) => {
        const { pid, command, account, belongs, why, containerName: container } = owner;
        return [
            target.name,
            {
                port: target.port,
                protocols: target.protocols,
                seconds: Math.round(ms) / 1000,
                listening,
                pid,
                command,
                account,
                belongs,
                why,
                container,
            },
        ];
    });
    return JSON.stringify(Object.fromEntries(entries));
}

;// CONCATENATED MODULE: ./src/platform/process-facts.ts




/**
 * What can be read about another process, from /proc on Linux and from system tools
 * elsewhere: parent, command line, account, one environment variable, control groups.
 * One home for such reads. Everything here belongs to another process, possibly another
 * account's, so it is hostile input: read with a size cap, parsed field by field, never
 * followed through a link, and a process that is gone or unreadable gives null, not an error.
 * Files under /proc/PID are the kernel's own (never FIFOs), so reading them cannot block on a writer.
 */
/** Longest command line kept for messages: a server's command line can be kilobytes of flags. */
const COMMAND_CHARS = 200;
/** Most read from an environment (the kernel caps it near a quarter of the stack limit, megabytes at most). */
const ENVIRON_BYTES = 4 * 2 ** 20;
/** Reads at most `limit` bytes of a /proc file; null when it cannot be read (gone, another account's). */
function readCapped(file, limit) {
    let fd;
    try {
        fd = (0,external_node_fs_namespaceObject.openSync)(file, external_node_fs_namespaceObject.constants.O_RDONLY | (external_node_fs_namespaceObject.constants.O_NOFOLLOW ?? 0) | (external_node_fs_namespaceObject.constants.O_NONBLOCK ?? 0));
    }
    catch {
        return null;
    }
    try {
        const chunks = [];
        let total = 0;
        while (total < limit) {
            const chunk = Buffer.alloc(Math.min(65536, limit - total));
            const n = (0,external_node_fs_namespaceObject.readSync)(fd, chunk, 0, chunk.length, null);
            if (n === 0)
                break;
            chunks.push(chunk.subarray(0, n));
            total += n;
        }
        return Buffer.concat(chunks);
    }
    catch {
        return null;
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
}
/** The fields of /proc/PID/stat after the command name (which may hold spaces and parentheses): state first. */
function statFields(pid) {
    const stat = readCapped(`/proc/${pid}/stat`, 4096)?.toString('latin1');
    const end = stat?.lastIndexOf(')') ?? -1;
    return stat && end > 0 ? stat.slice(end + 2).split(' ') : null;
}
/** The parent's pid (field 4 of /proc/PID/stat); null when gone, or for pid 1 and kernel threads (parent 0). */
function parentPid(pid) {
    const parent = Number(statFields(pid)?.[1]);
    return Number.isInteger(parent) && parent > 0 ? parent : null;
}
/**
 * The command line, its arguments joined by spaces and cut to 200 characters; for a
 * process without one (a kernel thread, a zombie) its name in brackets, as ps shows it.
 * Null when gone. Control characters are replaced, so a message cannot be forged with it.
 */
function commandLine(pid) {
    const args = commandArgs(pid);
    if (args === null)
        return null;
    let text = args.join(' ');
    if (!text) {
        const comm = readCapped(`/proc/${pid}/comm`, 64)?.toString('utf8').trim();
        if (!comm)
            return null;
        text = `[${comm}]`;
    }
    return cleanText(text, COMMAND_CHARS);
}
/** The command line as its arguments (Linux, up to 8 KiB of it); null when gone or unreadable. Raw: clean before showing. */
function commandArgs(pid) {
    const raw = readCapped(`/proc/${pid}/cmdline`, 8192);
    return raw === null ? null : raw.toString('utf8').split('\0').filter(Boolean);
}
/** `text` with control characters as `?`, cut to `limit` characters with an ellipsis. */
function cleanText(text, limit) {
    // eslint-disable-next-line no-control-regex
    const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
    return clean.length > limit ? `${clean.slice(0, limit - 1)}…` : clean;
}
/** The effective uid (second field of the `Uid:` line of /proc/PID/status); null when gone. */
function processUid(pid) {
    const status = readCapped(`/proc/${pid}/status`, 16384)?.toString('latin1');
    const match = status && /^Uid:\s+\d+\s+(\d+)/m.exec(status);
    return match ? Number(match[1]) : null;
}
let passwd;
/**
 * The login name of `uid`, from /etc/passwd (read once); this process's own from the OS
 * when passwd lacks it (an account from a directory service). Null when unknown: callers
 * then show `uid N`.
 */
function accountName(uid) {
    if (!passwd) {
        passwd = new Map();
        const text = readCapped('/etc/passwd', 4 * 2 ** 20)?.toString('utf8') ?? '';
        for (const line of text.split('\n')) {
            const [name, , id] = line.split(':');
            if (name && /^\d{1,10}$/.test(id ?? '') && !passwd.has(Number(id)))
                passwd.set(Number(id), cleanText(name, 64));
        }
    }
    if (passwd.has(uid))
        return passwd.get(uid);
    try {
        return process.getuid?.() === uid ? (0,external_node_os_namespaceObject.userInfo)().username : null;
    }
    catch {
        return null;
    }
}
/** An environment variable's value as the process started with it, or null without it; `unreadable` for another account's process. */
function environmentVariable(pid, name) {
    const raw = readCapped(`/proc/${pid}/environ`, ENVIRON_BYTES);
    if (raw === null)
        return 'unreadable';
    const prefix = `${name}=`;
    for (const entry of raw.toString('utf8').split('\0')) {
        if (entry.startsWith(prefix))
            return cleanText(entry.slice(prefix.length), 200);
    }
    return null;
}
/** The process's control groups (`4:memory:/docker/<id>`, `0::/system.slice/docker-<id>.scope`), one a line; empty when unreadable. */
function controlGroups(pid) {
    const text = readCapped(`/proc/${pid}/cgroup`, 65536)?.toString('utf8') ?? '';
    return text.split('\n').filter(Boolean);
}
/** Every process's parent, from one run of a system tool: macOS `ps`, Windows PowerShell. Empty on failure. */
function processParents(platform = process.platform, run = system_tools_runTool) {
    try {
        if (platform === 'darwin') {
            const env = { LC_ALL: 'C', PATH: '/usr/bin:/bin' };
            return parsePidPairs(run(system_tools_systemTool('ps', 'darwin'), ['-A', '-o', 'pid=,ppid='], env));
        }
        if (platform === 'win32') {
            const script = 'Get-CimInstance Win32_Process | ForEach-Object { "$($_.ProcessId) $($_.ParentProcessId)" }';
            return parsePidPairs(run(system_tools_systemTool('powershell', 'win32'), ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', script]));
        }
    }
    catch {
        // the tool failed: no ancestry, so owners are reported as unknown
    }
    return new Map();
}
/**
 * Every process's parent and command line, from one run of a system tool: macOS
 * `ps -A -ww -o pid=,ppid=,command=` (full width), Windows PowerShell's Win32_Process
 * listing (its line breaks in a command line made spaces). Empty on failure or elsewhere.
 * The command lines are other processes' and so hostile: matched, never shown unclean.
 */
function processTable(platform = process.platform, run = runTool) {
    try {
        if (platform === 'darwin') {
            const env = { LC_ALL: 'C', PATH: '/usr/bin:/bin' };
            return parseProcessLines(run(systemTool('ps', 'darwin'), ['-A', '-ww', '-o', 'pid=,ppid=,command='], env));
        }
        if (platform === 'win32') {
            const script = "Get-CimInstance Win32_Process | ForEach-Object { \"$($_.ProcessId) $($_.ParentProcessId) $($_.CommandLine -replace '[\\r\\n]+', ' ')\" }";
            return parseProcessLines(run(systemTool('powershell', 'win32'), ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', script]));
        }
    }
    catch {
        // the tool failed: no listing, so callers take a process as it is
    }
    return new Map();
}
/** `PID PPID COMMAND...` lines to a map; lines that do not start with two numbers are skipped. */
function parseProcessLines(text) {
    const table = new Map();
    for (const line of text.split(/\r?\n/)) {
        const match = /^\s*(\d{1,10})\s+(\d{1,10})(?:\s(.*))?$/.exec(line);
        if (match)
            table.set(Number(match[1]), { parent: Number(match[2]), command: (match[3] ?? '').trim() });
    }
    return table;
}
/** `PID PPID` lines to a map; lines that are not two numbers are skipped. */
function parsePidPairs(text) {
    const parents = new Map();
    for (const line of text.split(/\r?\n/)) {
        const match = /^\s*(\d{1,10})\s+(\d{1,10})\s*$/.exec(line);
        if (match)
            parents.set(Number(match[1]), Number(match[2]));
    }
    return parents;
}
/** The image name of a Windows process from `tasklist /fo csv /nh` (`"node.exe","4242",...`); null when not found. */
function windowsImageName(pid, run = system_tools_runTool) {
    try {
        const out = run(system_tools_systemTool('tasklist', 'win32'), ['/fo', 'csv', '/nh', '/fi', `PID eq ${pid}`]);
        const match = /^"([^"]{1,260})","(\d+)"/m.exec(out);
        return match && Number(match[2]) === pid ? cleanText(match[1], COMMAND_CHARS) : null;
    }
    catch {
        return null;
    }
}
/**
 * `pid` and its ancestors, nearest first, up to init (at most 64): Linux from
 * /proc/PID/stat, one look per process; macOS and Windows from one listing of every
 * process's parent (processParents). Only `pid` itself where its parents cannot be read.
 */
function process_facts_ancestorPids(pid = process.pid, platform = process.platform) {
    const parents = platform === 'linux' ? undefined : processParents(platform);
    const chain = [pid];
    for (let hop = 0; hop < 64; hop++) {
        const last = chain[chain.length - 1];
        const parent = parents ? parents.get(last) : parentPid(last);
        if (!parent || parent === last || chain.includes(parent))
            break;
        chain.push(parent);
    }
    return chain;
}

;// CONCATENATED MODULE: ./src/platform/socket-owners.ts


/** The socket inodes `pid` holds, from its /proc/PID/fd links (read, never followed); `unreadable` for another account's process. */
function socketInodes(pid) {
    const inodes = new Set();
    let fds;
    try {
        fds = (0,external_node_fs_namespaceObject.readdirSync)(`/proc/${pid}/fd`);
    }
    catch (error) {
        return error.code === 'EACCES' ? 'unreadable' : inodes;
    }
    for (const fd of fds) {
        try {
            const match = /^socket:\[(\d{1,20})\]$/.exec((0,external_node_fs_namespaceObject.readlinkSync)(`/proc/${pid}/fd/${fd}`));
            if (match)
                inodes.add(Number(match[1]));
        }
        catch {
            // closed meanwhile
        }
    }
    return inodes;
}
/** `pid`, or the highest of its ancestors that holds `inode` too: a pre-forking server's master rather than a worker. */
function topHolder(pid, inode) {
    let holder = pid;
    for (let parent = parentPid(holder); parent !== null && parent !== holder; parent = parentPid(holder)) {
        const held = socketInodes(parent);
        if (held === 'unreadable' || !held.has(inode))
            break;
        holder = parent;
    }
    return holder;
}
/**
 * The process that holds each socket `inodes` names. Walks the processes newest first (a
 * server that just started is among the last), stops once every inode is found, and
 * climbs from each holder to the topmost ancestor that holds the socket too. Each step
 * reads a process's descriptor links, so the walk is done once for the sockets that
 * newly appeared, never on every look. A process that exits during the walk is skipped.
 */
function socketHolders(inodes) {
    const holders = new Map();
    let unreadable = 0;
    let pids;
    try {
        pids = (0,external_node_fs_namespaceObject.readdirSync)('/proc')
            .filter((name) => /^\d{1,10}$/.test(name))
            .map(Number)
            .sort((a, b) => b - a);
    }
    catch {
        return { holders, unreadable };
    }
    for (const pid of pids) {
        if (holders.size === inodes.size)
            break;
        const held = socketInodes(pid);
        if (held === 'unreadable') {
            unreadable++;
            continue;
        }
        for (const inode of held)
            if (inodes.has(inode) && !holders.has(inode))
                holders.set(inode, topHolder(pid, inode));
    }
    return { holders, unreadable };
}

;// CONCATENATED MODULE: ./src/readiness/containers.ts



const CGROUP_PATTERNS = [
    [/\/docker\/([0-9a-f]{64})(?:\/|$)/, 'docker'],
    [/\/docker-([0-9a-f]{64})\.scope/, 'docker'],
    [/\/libpod-(?:conmon-)?([0-9a-f]{64})(?:\.scope)?/, 'podman'],
    [/\/cri-containerd-([0-9a-f]{64})\.scope/, 'containerd'],
    [/\/crio-([0-9a-f]{64})\.scope/, 'cri-o'],
];
/** The container a process's control groups (lines of /proc/PID/cgroup) place it in; null for none. */
function containerFromCgroups(lines) {
    for (const line of lines) {
        for (const [pattern, engine] of CGROUP_PATTERNS) {
            const match = pattern.exec(line);
            if (match)
                return { id: match[1], engine };
        }
    }
    return null;
}
/**
 * The container whose runtime shim started a process, from the shim's command line
 * (`containerd-shim-runc-v2 -namespace moby -id <id> ...`, podman's `conmon ... -c <id>`);
 * null when the command is no shim. Seen also where the cgroup path is hidden (a cgroup namespace).
 */
function containerFromShim(command) {
    const [program, ...args] = command.split(' ');
    const name = external_node_path_default().basename(program ?? '');
    const after = (...flags) => args[args.findIndex((a) => flags.includes(a)) + 1];
    if (/^containerd-shim/.test(name)) {
        const id = after('-id', '--id');
        const namespace = after('-namespace', '--namespace');
        return id && /^[0-9a-f]{12,64}$/.test(id) ? { id, engine: namespace === 'moby' ? 'docker' : 'containerd' } : null;
    }
    if (name === 'conmon') {
        const id = after('-c', '--cid');
        return id && /^[0-9a-f]{12,64}$/.test(id) ? { id, engine: 'podman' } : null;
    }
    return null;
}
/** Programs that hold a container's published port on the host: Docker's proxy, rootless networking, podman's forwarder. */
const PORT_PROXIES = new Set(['docker-proxy', 'rootlesskit', 'slirp4netns', 'pasta', 'pasta.avx2', 'rootlessport']);
/** Whether `command` is a published-port proxy; its name when so. */
function portProxy(command) {
    const name = external_node_path_default().basename(command.split(' ')[0] ?? '');
    return PORT_PROXIES.has(name) ? name : null;
}
/** The Docker Engine's socket: DOCKER_HOST when it names a unix socket, else the usual places; none for a TCP engine. */
function engineSockets(env) {
    const host = env.DOCKER_HOST ?? '';
    if (host.startsWith('unix://'))
        return [host.slice('unix://'.length)];
    if (host)
        return []; // an engine over TCP: no request leaves this host for a name
    const rootless = env.XDG_RUNTIME_DIR ? [external_node_path_default().join(env.XDG_RUNTIME_DIR, 'docker.sock')] : [];
    return ['/var/run/docker.sock', ...rootless].filter((socket) => (0,external_node_fs_namespaceObject.existsSync)(socket));
}
/** GET `route` from the engine on a unix socket: the parsed JSON, or undefined (no engine, no access, slow, not JSON). */
function engineGet(socketPath, route, timeoutMs) {
    // Loaded only here: most waits never ask an engine, and node:http costs a step's start-up.
    const { get } = process.getBuiltinModule('node:http');
    return new Promise((resolve) => {
        const request = get({ socketPath, path: route, timeout: timeoutMs }, (response) => {
            let body = '';
            response.setEncoding('utf8');
            response.on('data', (chunk) => {
                body += chunk;
                if (body.length > 2 ** 20)
                    request.destroy(); // a container list that large is not read
            });
            response.on('end', () => {
                try {
                    resolve(response.statusCode === 200 ? JSON.parse(body) : undefined);
                }
                catch {
                    resolve(undefined);
                }
            });
            response.on('error', () => resolve(undefined));
        });
        request.on('timeout', () => request.destroy());
        request.on('error', () => resolve(undefined));
    });
}
/** A container name as the engine gives it (`/web`), cleaned for messages; null for anything else. */
function cleanName(name) {
    return typeof name === 'string' && name.length > 0 ? cleanText(name.replace(/^\//, ''), 128) : null;
}
/** The name of container `id`, asked of the Docker Engine (1 s at most); null when it cannot be asked. */
async function containerName(id, env = process.env, timeoutMs = 1000) {
    for (const socket of engineSockets(env)) {
        const info = (await engineGet(socket, `/containers/${id}/json`, timeoutMs));
        const name = cleanName(info?.Name);
        if (name)
            return name;
    }
    return null;
}
/** The container that publishes host `port` for `protocol`, by the engine's list of running containers; null when none or unknown. */
async function containerPublishing(port, protocol, env = process.env, timeoutMs = 1000) {
    for (const socket of engineSockets(env)) {
        const list = await engineGet(socket, '/containers/json', timeoutMs);
        if (!Array.isArray(list))
            continue;
        for (const container of list) {
            const ports = Array.isArray(container?.Ports) ? container.Ports : [];
            if (ports.some((p) => p?.PublicPort === port && p?.Type === protocol)) {
                return cleanName(Array.isArray(container.Names) ? container.Names[0] : undefined);
            }
        }
    }
    return null;
}

;// CONCATENATED MODULE: ./src/readiness/ownership.ts

function judged(facts, belongs, why, extra = {}) {
    const { pid, command, uid, account } = facts;
    return { pid, command, uid, account, belongs, why, container: null, containerName: null, proxy: null, ...extra };
}
/** The container a process runs in, from its control groups or a runtime shim among its ancestors. */
function containerOf(facts) {
    return containerFromCgroups(facts.cgroups) ?? facts.ancestors.map((a) => containerFromShim(a.command ?? '')).find(Boolean) ?? null;
}
/**
 * The rules, in order: the job's by tracking id or by descent from the job's root; a
 * container's (inside one, or its published-port proxy); someone else's by another
 * tracking id or another non-root account; else unknown, with the reason.
 */
function judgeOwner(facts, job) {
    if (job.trackingId !== null && facts.trackingId === job.trackingId)
        return judged(facts, 'job', "carries this job's RUNNER_TRACKING_ID");
    if (job.root !== null && (facts.pid === job.root || facts.ancestors.some((a) => a.pid === job.root))) {
        return judged(facts, 'job', facts.pid === job.root ? `is ${job.rootName}` : `descends from ${job.rootName} (pid ${job.root})`);
    }
    const container = containerOf(facts);
    if (container)
        return judged(facts, 'container', `runs in ${container.engine} container ${container.id.slice(0, 12)}`, { container });
    const proxy = portProxy(facts.command ?? '');
    if (proxy)
        return judged(facts, 'container', `is ${proxy}, which holds a container's published port`, { proxy });
    if (typeof facts.trackingId === 'string' && facts.trackingId !== 'unreadable') {
        return judged(facts, 'foreign', `carries another job's RUNNER_TRACKING_ID (${facts.trackingId})`);
    }
    if (facts.uid !== null && facts.uid !== 0 && job.uid !== null && facts.uid !== job.uid) {
        return judged(facts, 'foreign', 'runs as another account');
    }
    return judged(facts, 'unknown', unknownWhy(facts, job));
}
function unknownWhy(facts, job) {
    if (facts.pid === null)
        return facts.uid === null ? 'its process could not be found' : 'its process could not be read';
    if (facts.trackingId === 'unreadable')
        return 'its environment could not be read';
    const id = job.trackingId === null ? '' : ' without a RUNNER_TRACKING_ID';
    if (facts.uid === 0)
        return `runs as root${id} and does not descend from ${job.rootName}; sudo clears the environment`;
    return `runs as this account${id} and does not descend from ${job.rootName}`;
}

;// CONCATENATED MODULE: ./src/readiness/owner-facts.ts




/** Ancestors followed at most: deeper than any real process tree, and a bound if /proc changes under the walk. */
const MAX_DEPTH = 64;
/** The parents of `pid` on Linux, from /proc, parent first, up to pid 1 or MAX_DEPTH. */
function linuxAncestors(pid) {
    const ancestors = [];
    for (let at = parentPid(pid); at !== null && ancestors.length < MAX_DEPTH; at = parentPid(at)) {
        if (ancestors.some((a) => a.pid === at))
            break;
        ancestors.push({ pid: at, command: commandLine(at) });
    }
    return ancestors;
}
/** Everything Linux's /proc tells about `pid`, the holder of a socket that `socketUid` created. */
function linuxFacts(pid, socketUid) {
    if (pid === null) {
        const account = socketUid === null ? null : accountName(socketUid);
        return { pid, command: null, uid: socketUid, account, trackingId: null, ancestors: [], cgroups: [] };
    }
    const uid = processUid(pid) ?? socketUid;
    return {
        pid,
        command: commandLine(pid),
        uid,
        account: uid === null ? null : accountName(uid),
        trackingId: environmentVariable(pid, 'RUNNER_TRACKING_ID'),
        ancestors: linuxAncestors(pid),
        cgroups: controlGroups(pid),
    };
}
/** The ancestors of `pid` from a map of every process's parent (macOS ps, Windows PowerShell). */
function mappedAncestors(pid, parents) {
    const ancestors = [];
    for (let at = parents.get(pid); at !== undefined && at > 0 && ancestors.length < MAX_DEPTH; at = parents.get(at)) {
        if (ancestors.some((a) => a.pid === at))
            break;
        ancestors.push({ pid: at, command: null });
    }
    return ancestors;
}
/**
 * The owner of each socket in `sockets` (sockets newly found listening), judged for `job`.
 * Linux: one walk of /proc/*\/fd for all their inodes, naming of several processes that
 * hold one socket (a pre-forking server's workers) the topmost. macOS and Windows: the
 * pid the table names, and one run of the OS's tool for every process's parent.
 * Containers are named by the engine where it answers.
 */
async function ownersOf(sockets, job, platform = process.platform, env = process.env) {
    let owners;
    if (platform === 'linux') {
        const { holders } = socketHolders(new Set(sockets.flatMap((s) => (s.inode === null ? [] : [s.inode]))));
        owners = sockets.map((socket) => judgeOwner(linuxFacts(socket.inode === null ? null : (holders.get(socket.inode) ?? null), socket.uid), job));
    }
    else {
        const parents = processParents(platform);
        owners = sockets.map((socket) => judgeOwner(tableFacts(socket, parents, platform), job));
    }
    return Promise.all(owners.map((owner, i) => nameContainer(owner, sockets[i], env)));
}
function tableFacts(socket, parents, platform) {
    const command = socket.command ?? (platform === 'win32' && socket.pid !== null ? windowsImageName(socket.pid) : null);
    const ancestors = socket.pid === null ? [] : mappedAncestors(socket.pid, parents);
    return { pid: socket.pid, command, uid: socket.uid, account: socket.account, trackingId: null, ancestors, cgroups: [] };
}
async function nameContainer(owner, socket, env) {
    if (owner.belongs !== 'container')
        return owner;
    const name = owner.container?.engine === 'docker' ? await containerName(owner.container.id, env) : null;
    const published = owner.proxy ? await containerPublishing(socket.port, socket.protocol, env) : null;
    if (name)
        return { ...owner, containerName: name, why: `runs in docker container ${name} (${owner.container.id.slice(0, 12)})` };
    if (published)
        return { ...owner, containerName: published, why: `is ${owner.proxy}, which holds the published port of container ${published}` };
    return owner;
}

;// CONCATENATED MODULE: ./src/readiness/poll-schedule.ts
/**
 * How long to sleep between two looks at the socket table. A server that is up at once
 * is seen within a few ms; one that takes seconds is looked for every 20 ms. With the
 * Linux helper (../platform/sock-diag.ts, 0.13 ms of CPU a look) that measured here, on 2
 * cores shared with other test runs: 13 ms at the median from listen() to the helper's
 * report, 31-43 ms to the wait step's line for the port (owner lookup, two processes
 * woken, the pipe), and 0.8-1.4 % of a CPU while waiting. Every 10 ms would halve the
 * first figure and double the CPU. A look that costs more (a reader that walks /proc/net/tcp on
 * a busy host, lsof, netstat) stretches the interval so the looks stay under 2 % of a
 * CPU, up to 2 s between looks. The cost is the least of the last few looks' wall-clock
 * times, so one look delayed by a busy host does not stretch the next sleep. `npm run
 * bench` measures both figures.
 */
/** The first intervals, in ms, then MAX_MS. */
const FIRST_MS = [2, 4, 8, 16];
const MAX_MS = 20;
/** The same schedule for a reader that watches by itself (Linux's helper), whose looks cost a fraction of the budget. */
const WATCH_SCHEDULE = { firstMs: FIRST_MS, maxMs: MAX_MS };
/** The share of one CPU the looks may take: the interval is at least the look's cost divided by it. */
const CPU_SHARE = 0.02;
/** However costly a look, one at least this often. */
const SLOWEST_MS = 2000;
/**
 * The sleep after look number `look` (0 for the first), given what a look costs in
 * wall-clock ms (an upper bound on its CPU time), and never past `remainingMs`. The
 * first few follow FIRST_MS whatever they cost: together they last 30 ms, and a server
 * that is already up is seen without waiting for the budget.
 */
function nextInterval(look, lookCostMs, remainingMs) {
    const interval = look < FIRST_MS.length ? FIRST_MS[look] : Math.max(MAX_MS, Math.min(lookCostMs / CPU_SHARE, SLOWEST_MS));
    return Math.max(0, Math.min(interval, remainingMs));
}

;// CONCATENATED MODULE: ./src/readiness/socket-changes.ts

/** The sockets of `sockets` that `query` asks about, as one comparable text. */
function key(sockets, query) {
    return sockets
        .filter((s) => query[s.protocol].includes(s.port))
        .map((s) => `${s.protocol} ${s.address} ${s.port} ${s.inode ?? s.pid}`)
        .sort()
        .join('\n');
}
/** Rejects with the signal's reason when it aborts; resolves after `ms` otherwise. */
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal.reason);
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
/**
 * The sockets on the queried ports once they differ from `known` (the last answer), or,
 * at `deadline` (a performance.now() time), whatever they are then. Where the reader
 * watches by itself (Linux's helper), this process sleeps until the helper writes; a
 * read at the deadline makes it answer at once. Otherwise the table is read on the poll
 * schedule (poll-schedule.ts). Rejects with the signal's reason when it aborts.
 */
async function nextChange(reader, query, known, deadline, signal) {
    signal?.throwIfAborted();
    if (reader.watch && performance.now() < deadline) {
        const timer = setTimeout(() => void reader.read(query).catch(() => undefined), Math.ceil(deadline - performance.now()));
        const onAbort = () => reader.close(); // the pending watch then resolves, and the reason is thrown below
        signal?.addEventListener('abort', onAbort, { once: true });
        try {
            const found = await reader.watch(query, WATCH_SCHEDULE);
            signal?.throwIfAborted();
            if (found)
                return found;
        }
        finally {
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
        }
    }
    return poll(reader, query, key(known, query), deadline, signal);
}
/** Reads the table on the poll schedule until it differs from `before` or the deadline passes. */
async function poll(reader, query, before, deadline, signal) {
    const costs = [];
    for (let look = 0;; look++) {
        const start = performance.now();
        const sockets = await reader.read(query);
        const end = performance.now();
        if (key(sockets, query) !== before || end >= deadline)
            return sockets;
        costs.push(end - start);
        if (costs.length > 4)
            costs.shift(); // the last four looks: one slowed by a busy host does not stretch the next sleep
        await sleep(nextInterval(look, Math.min(...costs), deadline - end), signal);
    }
}

;// CONCATENATED MODULE: ./src/readiness/wait-errors.ts


/**
 * A port is held by a process that provably is not the job's (another job's
 * RUNNER_TRACKING_ID, another non-root account). Thrown as soon as it is seen;
 * `listeners` names each such port with its owner's pid, command and account.
 */
class ForeignListenerError extends errors_PortZeroError {
    name = 'ForeignListenerError';
    listeners;
    constructor(listeners) {
        const lines = listeners.map(({ target, owner }) => `- ${targetLabel(target)}: ${ownerText(owner)}: ${belongingText(owner)}`);
        super(`Another program listens on ${listeners.length === 1 ? 'a port' : 'ports'} of this job:\n${lines.join('\n')}\n${FOREIGN_MEANING}`);
        this.listeners = listeners;
    }
}
/** The time-out passed before every port was ready; `ports` lists each with what was seen. */
class WaitTimeoutError extends errors_PortZeroError {
    name = 'WaitTimeoutError';
    ports;
    constructor(timeoutMs, ports) {
        const waiting = ports.filter((p) => !p.ready);
        const lines = ports.map((p) => `- ${targetLabel(p.target)}: ${p.seen}`);
        super(`Timed out after ${timeoutMs / 1000} s with ${waiting.length} of ${ports.length} ports not ready:\n${lines.join('\n')}`);
        this.ports = ports;
    }
}

;// CONCATENATED MODULE: ./src/readiness/wait-loop.ts





/** `tcp ::1` */
const where = (s) => `${s.protocol} ${s.address}`;
/** The sockets on `target`'s port, when every protocol it asks for has one; else undefined. */
function readySockets(target, sockets) {
    const mine = sockets.filter((s) => s.port === target.port && target.protocols.includes(s.protocol));
    return target.protocols.every((p) => mine.some((s) => s.protocol === p)) ? mine : undefined;
}
/** The ports `targets` ask about, per protocol. */
function queryOf(targets) {
    const ports = (protocol) => targets.filter((t) => t.protocols.includes(protocol)).map((t) => t.port);
    return { tcp: ports('tcp'), udp: ports('udp') };
}
/**
 * Watches the socket table until every target is ready, the time-out passes
 * (WaitTimeoutError, listing what was seen of each port), a port turns out to be held by
 * someone else's process (ForeignListenerError, at once, with `foreign: 'fail'`), or the
 * signal aborts (its reason is thrown). Owners are looked up once per port, when it
 * becomes ready. Returns one result per target, in the targets' order.
 */
async function waitForTargets(targets, options) {
    const start = performance.now();
    const deadline = start + options.timeoutMs;
    const reader = options.reader ?? openSocketReader();
    const done = new Map();
    let known = [];
    try {
        for (;;) {
            const pending = targets.filter((t) => !done.has(t));
            known = await nextChange(reader, queryOf(pending), known, deadline, options.signal);
            options.debug?.(`${seconds(performance.now() - start)}: ${known.map(where).join(', ') || 'nothing'} on the ports (${reader.source})`);
            await settle(pending, known, performance.now() - start, done, options);
            if (done.size === targets.length)
                return targets.map((t) => done.get(t));
            if (performance.now() >= deadline)
                throw await timedOut(targets, done, reader, options.timeoutMs);
        }
    }
    finally {
        reader.close();
    }
}
/** Records the targets this look found ready, with their owners; throws ForeignListenerError for those held by someone else. */
async function settle(pending, sockets, ms, done, options) {
    const ready = pending.flatMap((target) => {
        const found = readySockets(target, sockets);
        return found ? [{ target, found }] : [];
    });
    if (ready.length === 0)
        return;
    const owners = await ownersOf(ready.flatMap((r) => r.found), options.job);
    let next = 0;
    const results = ready.map(({ target, found }) => {
        const mine = owners.slice(next, (next += found.length));
        const owner = mine.find((o) => o.belongs === 'job') ?? mine.find((o) => o.belongs === 'foreign') ?? mine[0];
        return { target, ms, listening: found.map(where), owner, owners: mine };
    });
    const foreign = results.flatMap((r) => r.owners.filter((o) => o.belongs === 'foreign').map((owner) => ({ target: r.target, owner })));
    if (foreign.length && options.foreign === 'fail')
        throw new ForeignListenerError(foreign);
    for (const result of results) {
        done.set(result.target, result);
        options.onReady?.(result);
    }
}
/** The time-out's error: one more look at both protocols, to say for each port what is there. */
async function timedOut(targets, done, reader, timeoutMs) {
    const ports = targets.map((t) => t.port);
    const sockets = await reader.read({ tcp: ports, udp: ports }).catch(() => []);
    const seen = targets.map((target) => {
        const result = done.get(target);
        if (result) {
            const { owner } = result;
            return { target, ready: true, seen: `ready after ${seconds(result.ms)}, ${ownerText(owner)}: ${belongingText(owner)}` };
        }
        return {
            target,
            ready: false,
            seen: notReady(target, sockets.filter((s) => s.port === target.port)),
        };
    });
    return new WaitTimeoutError(timeoutMs, seen);
}
/** `nothing listening`, `listening for udp only`, `tcp ready; nothing bound for udp`. */
function notReady(target, onPort) {
    const present = new Set(onPort.map((s) => s.protocol));
    const missing = target.protocols.filter((p) => !present.has(p));
    const noun = (p) => (p === 'tcp' ? 'nothing listening for tcp' : 'nothing bound for udp');
    if (present.size === 0)
        return target.protocols.length === 1 ? 'nothing listening' : 'nothing listening for tcp or udp';
    const others = [...present].filter((p) => !target.protocols.includes(p));
    if (others.length && missing.length === target.protocols.length)
        return `listening for ${others.join(' and ')} only, not ${missing.join(' or ')}`;
    return `${target.protocols.filter((p) => present.has(p)).join(' and ')} ready; ${missing.map(noun).join('; ')}`;
}

;// CONCATENATED MODULE: ./src/readiness/wait-request.ts

/** The longest wait: a day. */
const MAX_TIMEOUT_MS = 86_400_000;
/** The default wait: 60 s. */
const DEFAULT_TIMEOUT_MS = 60_000;
function refuse(naming, value, allowed) {
    throw new errors_InputError(naming.setting, value, allowed, naming.vocabulary);
}
/** A time-out in seconds (`60`, `2.5`) to milliseconds; more than 0 and at most a day. */
function parseTimeoutSeconds(raw, naming) {
    const allowed = 'a number of seconds above 0 and at most 86400 (a day)';
    if (!/^\d{1,5}(\.\d{1,3})?$/.test(raw.trim()))
        refuse(naming, raw, allowed);
    const ms = Math.round(Number(raw) * 1000);
    if (ms <= 0 || ms > MAX_TIMEOUT_MS)
        refuse(naming, raw, allowed);
    return ms;
}
/** A time-out in milliseconds, as the library takes it: a whole number from 1 to 86400000. */
function checkTimeoutMs(value, naming) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_TIMEOUT_MS) {
        refuse(naming, String(value), `a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS} (a day)`);
    }
    return value;
}
/** `tcp`, `udp` or `tcp,udp` (either order, spaces allowed) to the protocols it names. */
function wait_request_parseProtocols(raw, naming) {
    const parts = raw
        .toLowerCase()
        .split(/[\s,]+/)
        .filter(Boolean);
    const valid = parts.length >= 1 && parts.length <= 2 && parts.every((p) => p === 'tcp' || p === 'udp');
    if (!valid || new Set(parts).size !== parts.length)
        refuse(naming, raw, 'tcp, udp or tcp,udp');
    return parts;
}
/** A port number from 1 to 65535, given as text. */
function parsePort(raw, naming) {
    const port = /^\d{1,5}$/.test(raw) ? Number(raw) : 0;
    if (port < 1 || port > 65535)
        refuse(naming, raw, 'a port number from 1 to 65535, or a name');
    return port;
}
/** A port given by number: named `port-N` in outputs. */
function numberTarget(port, protocols) {
    return { name: `port-${port}`, port, protocols, byNumber: true };
}
/**
 * Names and port numbers (`web 8080 db`) to targets: a token of digits is a port, for
 * `protocols`; anything else a name, looked up in `names`. Each port once: a name and a
 * number for the same port wait once, under the name. Throws InputError for an unknown
 * name or a port out of range.
 */
function resolveTargets(tokens, names, protocols, naming) {
    const targets = [];
    for (const token of tokens) {
        let target;
        if (/^\d+$/.test(token))
            target = numberTarget(parsePort(token, naming), protocols);
        else {
            const found = names.find(token);
            if (!found)
                refuse(naming, token, `not ${names.describe()}; give a name from there or a port number`);
            target = { name: token, port: found.port, protocols: found.protocols, byNumber: false };
        }
        const same = targets.findIndex((t) => t.port === target.port);
        if (same < 0)
            targets.push(target);
        else if (targets[same].byNumber && !target.byNumber)
            targets[same] = target;
    }
    return targets;
}

;// CONCATENATED MODULE: ./src/action/file-commands.ts


/**
 * The runner's file commands (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STATE), formatted
 * without node:crypto, which @actions/core loads for every step only to draw a
 * random heredoc delimiter (about 10 ms of start-up).
 *
 * The runner's parser (actions/runner `EnvFileKeyValuePairs`, `SetEnvFileCommand`)
 * reads a line as `name=value` when its first `=` comes before any `<<`, and the
 * value runs to the end of the line (LF; CRLF on Windows); otherwise as
 * `name<<DELIMITER`, with the value on the lines up to one equal to DELIMITER.
 * So a one-line value is written as `name=value`, which the parser reads back
 * exactly; any other value as a heredoc whose delimiter is checked to appear
 * in neither name nor value.
 */
/**
 * Formats one `name`/`value` pair as the runner reads it back, without the final line ending.
 * Throws when `name` is one the runner cannot read back (empty, or with `=`, `<`,
 * CR or LF) or when the delimiter turns up in the value. `delimiter`: the heredoc delimiter
 * of a multi-line value; a fresh one when not given.
 */
function keyValueMessage(name, value, delimiter) {
    if (name === '' || /[=<\r\n]/.test(name)) {
        throw new Error(`File command name ${JSON.stringify(name)} cannot be read back by the runner: it must be non-empty, without "=", "<" or line breaks`);
    }
    if (!/[\r\n]/.test(value))
        return `${name}=${value}`;
    // Drawn only for a value that needs one: a step writes thousands of one-line values.
    delimiter ??= newDelimiter();
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
/** Every `[name, value]` pair as keyValueMessage formats it, each on its own line: one append for a batch. */
function file_commands_formatFileCommands(pairs) {
    return pairs.map(([name, value]) => keyValueMessage(name, value) + external_node_os_namespaceObject.EOL).join('');
}

;// CONCATENATED MODULE: ./src/session/inherited-ports.ts




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
const inherited_ports_LEASES_VARIABLE = 'PORT_ZERO_LEASES';
/**
 * The ports of `names` that a live lease of this process or one of its ancestors holds,
 * found through PORT_ZERO_LEASES in `env`. What the variable names is checked as hostile:
 * only lease records (`lease-<token>.json`, absolute paths), read as any record is, live,
 * owned by this process or an ancestor (pid and start time), and a name's port one the
 * record leases. A name found in no such record is left out.
 */
function inheritedPorts(names, env = process.env) {
    const found = new Map();
    const files = (env[inherited_ports_LEASES_VARIABLE] ?? '')
        .split(path.delimiter)
        .filter((f) => path.isAbsolute(f) && recordToken(path.basename(f)) !== undefined);
    if (files.length === 0 || names.length === 0)
        return found;
    const ancestors = new Set(ancestorPids());
    for (const file of files) {
        const read = readRecord(file);
        if (read.kind !== 'record' || !judgeRecord(read.record, read.changed).live)
            continue;
        if (!ancestors.has(read.record.owner.runner.pid) || !sameStart(read.record.owner.runner))
            continue;
        const leased = new Set(leaseFilePorts(read, path.basename(file)));
        for (const name of names) {
            const port = read.record.names?.[name];
            if (port !== undefined && leased.has(port) && !found.has(name))
                found.set(name, port);
        }
    }
    return found;
}
/** The owner is the very process that runs under its pid now, not a later one that reused it. */
function sameStart(owner) {
    return owner.start === null || processStart(owner.pid) === owner.start;
}
/**
 * Makes `session`'s ports visible to the processes this one starts from now on: each
 * name's variable, and its lease record in PORT_ZERO_LEASES. Nothing for an unleased session.
 */
function advertise(session, env = process.env) {
    for (const row of session.rows)
        env[row.envName] = String(row.port);
    const leases = inherited_ports_leasesValue(session, env);
    if (leases !== undefined)
        env[inherited_ports_LEASES_VARIABLE] = leases;
}
/** PORT_ZERO_LEASES as it is once `session`'s record joins what `env` has; undefined for an unleased session. */
function inherited_ports_leasesValue(session, env = process.env) {
    const leases = session.state.leases;
    if (!leases)
        return undefined;
    const record = path.join(leases.own, recordFileName(leases.token));
    const known = (env[inherited_ports_LEASES_VARIABLE] ?? '').split(path.delimiter).filter(Boolean);
    return (known.includes(record) ? known : [...known, record]).join(path.delimiter);
}
/** Takes `session`'s record out of PORT_ZERO_LEASES once its leases end, so processes started later do not look for it. */
function withdraw(session, env = process.env) {
    const leases = session.state.leases;
    if (leases)
        withdrawRecord(path.join(leases.own, recordFileName(leases.token)), env);
}
/** Takes the lease record `file` out of PORT_ZERO_LEASES. */
function withdrawRecord(file, env = process.env) {
    const left = (env[inherited_ports_LEASES_VARIABLE] ?? '').split(path.delimiter).filter((f) => f && f !== file);
    if (left.length)
        env[inherited_ports_LEASES_VARIABLE] = left.join(path.delimiter);
    else
        Reflect.deleteProperty(env, inherited_ports_LEASES_VARIABLE);
}

;// CONCATENATED MODULE: ./src/session/post-state.ts



/** The state keys, as the runner passes them back (`STATE_leaseDir`). */
const StateKey = {
    LeaseDir: 'leaseDir',
    /** This account's directory inside the lease location, where its leases are. */
    LeaseAccountDir: 'leaseAccountDir',
    LeaseToken: 'leaseToken',
    LeasePorts: 'leasePorts',
    Holder: 'holder',
    KernelPorts: 'kernelPorts',
    KernelRoute: 'kernelRoute',
};
/** The state as key-value pairs, in the order they are saved. */
function post_state_encodeState(state) {
    const pairs = [];
    const { leases, protection } = state;
    if (leases) {
        pairs.push([StateKey.LeaseDir, leases.root], [StateKey.LeaseAccountDir, leases.own]);
        pairs.push([StateKey.LeaseToken, leases.token], [StateKey.LeasePorts, leases.ports.join(' ')]);
    }
    if (protection?.kind === 'holder') {
        const { process, host, control, token } = protection.holder;
        pairs.push([StateKey.Holder, JSON.stringify({ process, host, control, token })]);
    }
    if (protection?.kind === 'kernel') {
        pairs.push([StateKey.KernelPorts, protection.ports.join(' ')], [StateKey.KernelRoute, protection.route]);
    }
    return pairs;
}
const TOKEN = /^[\w-]{1,200}$/;
/**
 * The state from its saved values (`read(key)` is empty for a key never saved). Each
 * part is checked on its own: the lease directory must be a direct child of the saved
 * root, the token a token, the holder's pid a pid, its host an address of this machine, its
 * secret and port of their shape; a part that fails is dropped, with its reason in `problems`.
 */
function decodeState(read) {
    const problems = [];
    const state = {};
    const root = read(StateKey.LeaseDir);
    const own = read(StateKey.LeaseAccountDir);
    if (own !== '') {
        const token = read(StateKey.LeaseToken);
        const ports = parsePorts(read(StateKey.LeasePorts));
        const valid = path.isAbsolute(root) && path.dirname(own) === root && TOKEN.test(token) && ports !== undefined;
        if (valid)
            state.leases = { root, own, token, ports };
        else
            problems.push(`the saved lease directory, token or ports are not of their form (${JSON.stringify(own).slice(0, 120)})`);
    }
    const holder = read(StateKey.Holder);
    if (holder !== '') {
        const parsed = parseHolder(holder);
        if (parsed)
            state.protection = { kind: 'holder', holder: parsed };
        else
            problems.push('the saved holder is not of its form');
    }
    const kernelPorts = read(StateKey.KernelPorts);
    if (kernelPorts !== '') {
        const ports = parsePorts(kernelPorts);
        const route = read(StateKey.KernelRoute);
        if (ports && (route === 'direct' || route === 'sudo'))
            state.protection = { kind: 'kernel', ports, route };
        else
            problems.push('the saved kernel-list ports or route are not of their form');
    }
    return { state, problems };
}
/** The holder as saved, or undefined unless every field has its shape. */
function parseHolder(text) {
    let h;
    try {
        h = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    const pid = h?.process?.pid;
    const start = h?.process?.start;
    const valid = Number.isInteger(pid) &&
        pid > 0 &&
        (start === null || (typeof start === 'string' && /^[\w:]{1,40}$/.test(start))) &&
        typeof h.host === 'string' &&
        localAddresses().has(h.host) &&
        Number.isInteger(h.control) &&
        h.control > 0 &&
        h.control <= 65535 &&
        typeof h.token === 'string' &&
        TOKEN.test(h.token);
    return valid
        ? { process: { pid: pid, start: start }, host: h.host, control: h.control, token: h.token, held: [], missed: [] }
        : undefined;
}

;// CONCATENATED MODULE: ./src/text/results.ts

/**
 * Step outputs for `rows`: one per name, then `port` (the first), `ports` (all, in the
 * order of the names), `json` (name to port) and, when one was written, `env-file`.
 */
function results_stepOutputs(rows, envFile = '') {
    const outputs = rows.map((row) => [row.name, String(row.port)]);
    outputs.push([Output.Port, String(rows[0].port)]);
    outputs.push([Output.Ports, rows.map((r) => r.port).join(' ')]);
    outputs.push([Output.Json, portsJson(rows)]);
    if (envFile)
        outputs.push([Output.EnvFile, envFile]);
    return outputs;
}
/** `{"web":34567,"db":34569}`: each name to its port. */
function portsJson(rows) {
    return JSON.stringify(Object.fromEntries(rows.map((r) => [r.name, r.port])));
}
/** Each port's environment variable: `[['WEB_PORT', '34567'], ...]`. */
function results_variables(rows) {
    return rows.map((r) => [r.envName, String(r.port)]);
}
/** `WEB_PORT=34567` lines: what docker compose --env-file and dotenv read. */
function results_dotenv(rows) {
    return rows.map((r) => `${r.envName}=${r.port}\n`).join('');
}

;// CONCATENATED MODULE: ./src/action/step-files.ts

/**
 * Appends each text to its file, then commits `staged` (the env-file), all or nothing:
 * every file is opened before anything is written (a missing one fails first), and on
 * any failure (a full disk, a file that cannot be written) each file is cut back to the
 * size it had and the staged file is dropped, so the runner reads none of it. Without
 * O_CREAT, as in @actions/core: a missing file is an error, not a new file nobody reads.
 * @throws the first fs error.
 */
function step_files_appendAll(appends, staged = []) {
    const opened = [];
    try {
        for (const { file, text } of appends) {
            const fd = external_node_fs_default().openSync(file, (external_node_fs_default()).constants.O_WRONLY | (external_node_fs_default()).constants.O_APPEND);
            opened.push({ fd, size: external_node_fs_default().fstatSync(fd).size, text });
        }
        for (const { fd, text } of opened)
            external_node_fs_default().writeFileSync(fd, text);
        for (const file of staged)
            file.commit();
    }
    catch (error) {
        for (const { fd, size } of opened)
            cutBack(fd, size);
        for (const file of staged)
            file.abort();
        throw error;
    }
    finally {
        for (const { fd } of opened)
            external_node_fs_default().closeSync(fd);
    }
}
/** Cuts a file back to `size`; one that cannot be cut (a device such as /dev/full) took nothing anyway. */
function cutBack(fd, size) {
    try {
        external_node_fs_default().ftruncateSync(fd, size);
    }
    catch {
        // nothing was written to it
    }
}

;// CONCATENATED MODULE: ./src/action/workflow-commands.ts

/**
 * The runner's side of a JavaScript action, as much of it as Port Zero uses: inputs
 * and saved state from the environment, log lines and workflow commands on stdout.
 * Outputs, environment and state go through the runner's files (file-commands.ts,
 * written by publish.ts). It stands in for @actions/core, which every step would
 * otherwise load whole: its bundle is about 1 MB (most of it the HTTP client for OIDC
 * tokens) and node:crypto, and a step that loads it took 149-216 ms against 75-93 ms
 * for a bare Node 24 start (30 runs each, whole processes; bench/NOTES.md). The
 * behaviour is the toolkit's, read from actions/toolkit packages/core (command.ts, core.ts).
 */
/** An input as the runner passes it: `INPUT_<NAME>` (upper-cased, spaces to `_`, hyphens kept), trimmed. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
/** A value the main step saved, as the runner passes it to the post step: `STATE_<name>`, or empty. */
function getState(name) {
    return process.env[`STATE_${name}`] ?? '';
}
/** One log line (or several, joined with line breaks). */
function workflow_commands_info(message) {
    process.stdout.write(message + (external_node_os_default()).EOL);
}
/**
 * A debug line. A runner shows `::debug::` lines only with step debug logging on, and
 * then sets RUNNER_DEBUG=1 for the step; under a runner without it, the line would be
 * dropped unseen, so it is not written. Elsewhere (a shell, a test) it is always written.
 */
function workflow_commands_debug(message) {
    if (process.env.GITHUB_ACTIONS === 'true' && process.env.RUNNER_DEBUG !== '1')
        return;
    issue('debug', message);
}
/** A warning annotation. */
function warning(message) {
    issue('warning', message);
}
/** An error annotation. */
function error(message) {
    issue('error', message);
}
/** Fails the step: exit code 1 and an error annotation. Called once, at the top of a step. */
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
/** Folds the lines that follow, up to endGroup, under `title` in the log. */
function workflow_commands_startGroup(title) {
    issue('group', title);
}
function workflow_commands_endGroup() {
    issue('endgroup', '');
}
/**
 * Writes `::command::data` with the data escaped as the runner unescapes it (% as %25,
 * CR as %0D, LF as %0A), so no text in a message can start a workflow command of its own.
 */
function issue(command, data) {
    process.stdout.write(`::${command}::${escapeData(data)}${(external_node_os_default()).EOL}`);
}
function escapeData(data) {
    return data.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

;// CONCATENATED MODULE: ./src/action/publish.ts











/**
 * Hands a session's ports to the rest of the job: the env-file, step outputs,
 * environment, the state for the post step and the job summary, written all or none
 * (see appendAll), then the log lines. A failure writes nothing and throws; the caller
 * then undoes the session.
 * @throws InputError naming `env-file` when that path cannot be used; the fs error of a runner file.
 */
function publish(session, settings) {
    const staged = settings.envFile ? [stageEnvFile(settings.envFile, dotenv(session.rows))] : [];
    const envFile = staged[0]?.target ?? '';
    const commands = [
        ['GITHUB_OUTPUT', stepOutputs(session.rows, envFile)],
        ['GITHUB_ENV', settings.exportEnv ? exported(session) : []],
        ['GITHUB_STATE', encodeState(session.state)],
    ];
    const appends = [];
    const unfiled = [];
    for (const [variable, pairs] of commands) {
        const file = process.env[variable];
        if (file && pairs.length)
            appends.push({ file, text: formatFileCommands(pairs) });
        else if (pairs.length)
            unfiled.push([variable, pairs]);
    }
    // The names for a later wait step of this job (wait/action.yml), written with the rest.
    const jobPorts = jobPortsAppend(session.rows.map((row) => ({ name: row.name, port: row.port, protocols: [...session.protocols] })));
    if (jobPorts)
        appends.push(jobPorts);
    const summaryFile = process.env.GITHUB_STEP_SUMMARY;
    if (settings.summary && summaryFile)
        appends.push({ file: summaryFile, text: summary(session, settings.exportEnv) });
    if (settings.summary && !summaryFile)
        debug('GITHUB_STEP_SUMMARY is not set: no job summary');
    appendAll(appends, staged);
    // Written: the rest of this process sees the variables too, as core.exportVariable would make it.
    if (settings.exportEnv)
        for (const [name, value] of variables(session.rows))
            process.env[name] = value;
    log(session, settings.exportEnv);
    for (const [variable, pairs] of unfiled)
        issueOlderCommands(variable, pairs);
}
/**
 * The variables later steps get: each port's, and PORT_ZERO_LEASES, so that a test
 * suite's getPorts({ names }) in a later step gets the very ports this step handed out
 * (the job's runner process, which owns the leases, started that step).
 */
function exported(session) {
    const leases = leasesValue(session);
    return [...variables(session.rows), ...(leases ? [[LEASES_VARIABLE, leases]] : [])];
}
/**
 * The dotenv file, staged so that it appears only with everything else. Never through a
 * symbolic link, never to a FIFO, device or kernel pseudo-filesystem (safe-files.ts).
 */
function stageEnvFile(file, text) {
    try {
        return stageFile(file, text);
    }
    catch (error) {
        const why = error instanceof UnsafePathError
            ? error.message
            : `it cannot be written (${error.code ?? errorMessage(error)})`;
        throw new InputError(Input.EnvFile, file, `${why}; name a regular file in a directory this job owns, such as \${{ runner.temp }}/ports.env`);
    }
}
/** Above this many ports the list is folded in a group; a few lines are shown as they are. */
const GROUP_ABOVE = 20;
function log(session, exportEnv) {
    const long = session.rows.length > GROUP_ABOVE;
    if (long)
        startGroup(`Port Zero: ${session.rows.length} ports`);
    const lines = session.rows.map((row) => `${row.name} -> ${row.port}` + (exportEnv ? ` (${row.envName})` : '') + `, protected by ${session.protection}`);
    info(lines.join(EOL)); // one write for the list
    if (long)
        endGroup();
}
/** Where the runner sets no file for a command (an older runner): the workflow commands it read before files. */
function issueOlderCommands(variable, pairs) {
    const command = { GITHUB_OUTPUT: 'set-output', GITHUB_ENV: 'set-env', GITHUB_STATE: 'save-state' }[variable];
    for (const [name, value] of pairs)
        issue(`${command} name=${escapeProperty(name)}`, value);
}
function escapeProperty(text) {
    return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A').replaceAll(':', '%3A').replaceAll(',', '%2C');
}
/**
 * The job summary: a heading and a table; protection the step could not give (leases,
 * say) is listed under it. Written here rather than with core.summary, whose module
 * loads fs/promises (with readline and the file watchers) as soon as it is imported.
 */
function summary(session, exportEnv) {
    const header = ['Name', 'Port', 'Environment variable', 'Protocol', 'Protected by'];
    const protocol = session.protocols.join('+');
    const rows = session.rows.map((r) => [r.name, String(r.port), exportEnv ? r.envName : '', protocol, session.protection]);
    const table = [tableRow('th', header), ...rows.map((cells) => tableRow('td', cells))].join('');
    const notes = session.notes.length ? `<ul>${session.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>${EOL}` : '';
    return `<h3>Port Zero</h3>${EOL}<table>${table}</table>${EOL}${notes}${EOL}`;
}
function escapeHtml(text) {
    return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
function tableRow(tag, cells) {
    return `<tr>${cells.map((cell) => `<${tag}>${escapeHtml(cell)}</${tag}>`).join('')}</tr>`;
}

;// CONCATENATED MODULE: ./src/action/wait-publish.ts







/** Outputs (`<name>-pid` for each, empty where the pid is unknown, and `json`), then the job summary. */
function publishWait(results, summary) {
    const pairs = results.map((r) => [
        `${r.target.name}${WaitOutput.PidSuffix}`,
        r.owner.pid === null ? '' : String(r.owner.pid),
    ]);
    pairs.push([WaitOutput.Json, resultsJson(results)]);
    const appends = [];
    const output = process.env.GITHUB_OUTPUT;
    if (output)
        appends.push({ file: output, text: file_commands_formatFileCommands(pairs) });
    const summaryFile = process.env.GITHUB_STEP_SUMMARY;
    if (summary && summaryFile)
        appends.push({ file: summaryFile, text: summaryTable(results) });
    if (summary && !summaryFile)
        workflow_commands_debug('GITHUB_STEP_SUMMARY is not set: no job summary');
    step_files_appendAll(appends);
    if (!output)
        issueOlderCommands('GITHUB_OUTPUT', pairs);
}
function summaryTable(results) {
    const header = ['Name', 'Port', 'Ready after', 'Listening on', 'Process', 'Account', 'Belongs to'];
    const rows = results.map((r) => [
        r.target.byNumber ? '' : r.target.name,
        String(r.target.port),
        seconds(r.ms),
        r.listening.join(', '),
        processText(r.owner),
        accountText(r.owner).replace(/^account /, ''),
        belongingText(r.owner),
    ]);
    const table = [tableRow('th', header), ...rows.map((cells) => tableRow('td', cells))].join('');
    return `<h3>Port Zero: servers ready</h3>${external_node_os_namespaceObject.EOL}<table>${table}</table>${external_node_os_namespaceObject.EOL}${external_node_os_namespaceObject.EOL}`;
}

;// CONCATENATED MODULE: ./src/action/wait.ts











const input = (setting) => ({ setting, vocabulary: ACTION_VOCABULARY });
/** Reads and checks every input; the names default to every name this job's earlier Port Zero steps handed out. */
function parseWaitInputs(read = getInput) {
    const timeoutMs = parseTimeoutSeconds(read(WaitInput.Timeout) || '60', input(WaitInput.Timeout));
    const protocols = wait_request_parseProtocols(read(WaitInput.Protocol) || 'tcp', input(WaitInput.Protocol));
    const onForeign = read(WaitInput.OnForeign) || 'fail';
    if (onForeign !== 'fail' && onForeign !== 'warn')
        throw new errors_InputError(WaitInput.OnForeign, onForeign, 'fail or warn');
    const raw = read(WaitInput.Names);
    const given = naming_splitNames(raw);
    // Read only when a name must be looked up: ports given by number need no record.
    const ports = given.every((token) => /^\d+$/.test(token)) && given.length ? [] : recordedPorts();
    const tokens = given.length ? given : ports.map((p) => p.name);
    if (tokens.length === 0) {
        throw new errors_InputError(WaitInput.Names, raw, 'no earlier Port Zero step of this job handed out ports, so name the ports to wait for by number');
    }
    const targets = resolveTargets(tokens, recordedNames(ports), protocols, input(WaitInput.Names));
    return {
        targets,
        timeoutMs,
        foreign: onForeign === 'fail' ? 'fail' : 'report',
        summary: parseBoolean(WaitInput.Summary, read(WaitInput.Summary), true, ACTION_VOCABULARY),
    };
}
function recordedPorts() {
    const { ports, skipped } = readJobPorts();
    if (skipped)
        workflow_commands_debug(`skipped ${skipped} unreadable lines of the job's port record`);
    return ports;
}
/** The job: its steps carry RUNNER_TRACKING_ID, and the runner's worker (this step's parent) started all of them. */
function stepJob() {
    return {
        trackingId: process.env.RUNNER_TRACKING_ID || null,
        root: process.ppid,
        rootName: "the job's runner process",
        uid: process.getuid?.() ?? null,
    };
}
/** The wait step: each port reported as it becomes ready; outputs and the summary once all are. */
async function run() {
    try {
        const settings = parseWaitInputs();
        const job = stepJob();
        workflow_commands_debug(`waiting for ${settings.targets.map((t) => `${t.name}=${t.port}/${t.protocols.join('+')}`).join(' ')}; job ${JSON.stringify(job)}`);
        workflow_commands_info(`Waiting up to ${settings.timeoutMs / 1000} s for ${settings.targets.map(targetLabel).join(', ')}`);
        const results = await waitForTargets(settings.targets, {
            timeoutMs: settings.timeoutMs,
            job,
            foreign: settings.foreign,
            debug: workflow_commands_debug,
            onReady: (ready) => {
                workflow_commands_info(readyLine(ready));
                for (const owner of ready.owners.filter((o) => o.belongs === 'foreign')) {
                    warning(`${targetLabel(ready.target)}: ${ownerText(owner)}: ${belongingText(owner)}`);
                }
            },
        });
        publishWait(results, settings.summary);
    }
    catch (error) {
        setFailed(errors_errorMessage(error));
    }
}


/***/ }),

/***/ 131:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _action_wait_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(648);
/* harmony import */ var _action_exit_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(380);
/** The wait action's step (wait/action.yml `runs.main`). */


await (0,_action_wait_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();
(0,_action_exit_js__WEBPACK_IMPORTED_MODULE_1__/* .exitWhenWritten */ .u)();

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
/******/ var __webpack_exports__ = __nccwpck_require__(131);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

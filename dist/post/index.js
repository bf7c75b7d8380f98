import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 253:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runPost)
});

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
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
function canonicalHost(host) {
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
    const unique = [...new Set(hosts.map(canonicalHost))];
    const covers = (wildcard, host) => host !== wildcard && (wildcard === '::' || (wildcard === '0.0.0.0' && net.isIPv4(host)));
    const covered = unique.filter((host) => unique.some((other) => covers(other, host)));
    return { bind: unique.filter((host) => !covered.includes(host)), covered };
}
/** Every address of this machine, in canonical spelling, with the two wildcards. */
function localAddresses() {
    const found = Object.values(external_node_os_default().networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address));
    return new Set(['0.0.0.0', '::', ...found.map(canonicalHost)]);
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
function bindPairs(protocols, hosts, platform = process.platform, hasIpv6 = () => [...localAddresses()].some((a) => a !== '::' && net.isIPv6(a))) {
    const bound = hosts.length ? hosts : [EVERY_ADDRESS];
    const pairs = protocols.flatMap((protocol) => bound.map((host) => ({ protocol, host })));
    const dualStackTcp = pairs.some((p) => p.protocol === 'tcp' && (p.host === EVERY_ADDRESS || p.host === '::'));
    if (platform !== 'darwin' || !dualStackTcp || !hasIpv6())
        return pairs;
    return [{ protocol: 'tcp', host: '0.0.0.0' }, ...pairs];
}

;// CONCATENATED MODULE: ./src/ports/port-set.ts
const MIN_PORT = 1;
const MAX_PORT = 65535;
function rangeSize(range) {
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
        return rangeSize(range) - inside;
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

;// CONCATENATED MODULE: ./src/ports/port-list.ts

/**
 * Port lists as text: entries of one port (`5432`) or an ascending run (`6000-6100`),
 * separated by commas and whitespace. The one parser for every list Port Zero reads:
 * the `exclude` and `range` settings, the kernel's reserved-port list (which prints
 * `20000-20010,30500`) and the ports of a lease record (`40000 40001 40100`).
 */
const ENTRY = /^(\d{1,5})(?:-(\d{1,5}))?$/;
/** One entry as a range, or undefined unless it is a port (1-65535) or an ascending run of them. */
function parsePortEntry(entry) {
    const match = ENTRY.exec(entry);
    if (!match)
        return undefined;
    const low = Number(match[1]);
    const high = match[2] === undefined ? low : Number(match[2]);
    return low >= MIN_PORT && high <= MAX_PORT && low <= high ? { low, high } : undefined;
}
/** The entries of `text` in the order given, or undefined when any entry is not a port or a run. Empty text is an empty list. */
function parsePortList(text) {
    const ranges = [];
    for (const entry of text.split(/[\s,]+/)) {
        if (entry === '')
            continue;
        const range = parsePortEntry(entry);
        if (!range)
            return undefined;
        ranges.push(range);
    }
    return ranges;
}
/** Every port of `ranges`, in order (a run expanded). */
function expandRanges(ranges) {
    const ports = [];
    for (const { low, high } of ranges)
        for (let port = low; port <= high; port++)
            ports.push(port);
    return ports;
}
/** A set as the kernel prints its list: `20000-20010,30500` (empty for an empty set). */
function formatPortSet(set) {
    return set.ranges.map((r) => (r.low === r.high ? `${r.low}` : `${r.low}-${r.high}`)).join(',');
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
var external_node_fs_default = /*#__PURE__*/__nccwpck_require__.n(external_node_fs_namespaceObject);
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
const runTool = (file, args, env) => childProcesses().execFileSync(file, args, {
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
const runToolAsync = (file, args, options = {}) => new Promise((resolve, reject) => {
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
const unseen = (identity) => identity.pid === 0;
let namespace;
/**
 * This process's pid namespace, as Linux names it (`pid:[4026531836]`, the target of the
 * link /proc/self/ns/pid), or undefined off Linux or where it cannot be read. Pids and
 * start times mean something only inside one namespace: a container's pid 57 is another
 * number, or no process at all, outside it. Read once per process.
 */
function pidNamespace() {
    if (namespace === undefined) {
        try {
            namespace = process.platform === 'linux' ? (0,external_node_fs_namespaceObject.readlinkSync)('/proc/self/ns/pid') : null;
        }
        catch {
            namespace = null;
        }
    }
    return namespace ?? undefined;
}
const HOST = { platform: process.platform, run: runTool };
/**
 * The start time of `pid` in the form `ProcessIdentity.start` describes, or null when it
 * is not running or cannot be read, and always on Windows, where no program that ships
 * with the system prints it faster than a Windows PowerShell start (about 0.6 s; `wmic`
 * is gone from current versions, `tasklist` does not show it), and nothing needs it (see isRunning).
 */
function processStart(pid, facts = HOST) {
    if (!Number.isInteger(pid) || pid <= 0)
        return null;
    try {
        if (facts.platform === 'linux') {
            // Field 22 of /proc/PID/stat (clock ticks after boot); the name before it may hold spaces.
            const fields = (0,external_node_fs_namespaceObject.readFileSync)(`/proc/${pid}/stat`, 'utf8');
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
    const seconds = parseCLocaleLstart(run(system_tools_systemTool('ps', 'darwin'), ['-o', 'lstart=', '-p', String(pid)], env));
    return seconds === null ? null : `unix:${seconds}`;
}
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
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
        return { pid, start: processStart(pid, facts) };
    let identity = named.get(pid);
    if (!identity)
        named.set(pid, (identity = { pid, start: processStart(pid, facts) }));
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
function isRunning(identity, facts = HOST) {
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
    const now = processStart(identity.pid, facts);
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
class UnsafePathError extends Error {
    name = 'UnsafePathError';
}
/** A file that is not what a reader may read: `why` says what it is instead ("a symbolic link"). */
class NotARegularFileError extends UnsafePathError {
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
function safe_files_pseudoFilesystem(file) {
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
function makeDirectories(dir, workdir = process.cwd()) {
    const workdirs = [...new Set([path.resolve(workdir), fs.realpathSync(workdir)])];
    const absolute = path.resolve(workdir, dir);
    const pseudo = safe_files_pseudoFilesystem(absolute);
    if (pseudo)
        throw new UnsafePathError(`${absolute} is on ${pseudo}, a kernel pseudo-filesystem`);
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
                throw new UnsafePathError(`${next} is a symbolic link`);
            current = fs.realpathSync(next);
            const leadsTo = safe_files_pseudoFilesystem(current);
            if (leadsTo)
                throw new UnsafePathError(`${next} leads to ${current}, on ${leadsTo}, a kernel pseudo-filesystem`);
            if (!fs.statSync(current).isDirectory())
                throw new UnsafePathError(`${next} is not a directory`);
            continue;
        }
        if (!stat.isDirectory())
            throw new UnsafePathError(`${next} is not a directory`);
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
const NO_FOLLOW = ((external_node_fs_default()).constants.O_NOFOLLOW ?? 0) | ((external_node_fs_default()).constants.O_NONBLOCK ?? 0);
/**
 * Reads a file that others could have planted or swapped: never through a symbolic
 * link (O_NOFOLLOW), never blocking on a FIFO or device (O_NONBLOCK, then fstat must say
 * regular file), never more than `maxBytes`. Returns its text and its fstat.
 * @throws NotARegularFileError ("a symbolic link", "not a regular file", "larger than N
 *   bytes"), or the fs error (ENOENT when it is missing).
 */
function readRegularFile(file, maxBytes) {
    let fd;
    try {
        fd = external_node_fs_default().openSync(file, (external_node_fs_default()).constants.O_RDONLY | NO_FOLLOW);
    }
    catch (error) {
        if (error.code === 'ELOOP')
            throw new NotARegularFileError(file, 'a symbolic link');
        throw error;
    }
    try {
        const stat = external_node_fs_default().fstatSync(fd);
        if (!stat.isFile())
            throw new NotARegularFileError(file, 'not a regular file');
        if (stat.size > maxBytes)
            throw new NotARegularFileError(file, `larger than ${maxBytes} bytes`);
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
    const fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | NO_FOLLOW, mode ?? 0o666);
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
function stageFile(file, data, workdir = process.cwd()) {
    const absolute = path.resolve(workdir, file);
    const dir = makeDirectories(path.dirname(absolute), workdir);
    const target = path.join(dir, path.basename(absolute));
    const existing = lstatOrUndefined(target);
    if (existing?.isSymbolicLink())
        throw new UnsafePathError(`${target} is a symbolic link`);
    if (existing && !existing.isFile())
        throw new UnsafePathError(`${target} is not a regular file`);
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
    const staged = stageFile(file, data, workdir);
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
    return external_node_path_default().join(external_node_os_default().tmpdir(), 'port-zero-leases');
}
/** A 1.0.0 lease: `<port>.lease`, a hard link of its job's record. */
const PORT_FILE = /^(\d{1,5})\.lease$/;
/** A 1.0.0 record being written, removed when its allocation ended: `.owner-<pid>-<token>.json`. */
const RECORD_FILE = /^\.owner-(\d+)-[\w-]+\.json$/;
/** The port a 1.0.0 lease file is named for, or undefined when `name` is not one. */
function legacyLeasePort(name) {
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
const MAX_LEASE_MINUTES = 7 * 24 * 60;
/** An allocation's record: `lease-<token>.json`. */
const lease_record_RECORD_FILE = /^lease-([\w-]+)\.json$/;
/** A record being written: `.tmp-<pid>-<token>.<n>`, renamed over the record at once. */
const TEMP_FILE = /^\.tmp-(\d+)-[\w.-]+$/;
/** The file name of allocation `token`'s record. */
const recordFileName = (token) => `lease-${token}.json`;
/** The name of the `n`th temporary file this process writes for `token`'s record. */
const tempFileName = (token, n) => `.tmp-${process.pid}-${token}.${n}`;
/** The token a record's file name carries, or undefined when `name` is not a record's. */
const recordToken = (name) => lease_record_RECORD_FILE.exec(name)?.[1];
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
const MAX_RECORD_BYTES = 512 * 1024;
const MAX_LEASE_MS = MAX_LEASE_MINUTES * 60_000;
/**
 * Reads a record as readRegularFile does (no link followed, no FIFO blocked on, at
 * most 512 KiB). Never throws: anything but a record is `missing` or `corrupt`.
 */
function readRecord(file) {
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
        const valid = (r?.version === 1 || (r?.version === 2 && typeof r.ports === 'string' && parsePorts(r.ports) !== undefined)) &&
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
function parsePorts(text) {
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
function judgeRecord(record, changed, now = Date.now()) {
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
function leaseFilePorts(read, name) {
    const legacy = legacyLeasePort(name);
    if (legacy !== undefined)
        return [legacy];
    if (read.kind !== 'record' || read.record.version !== 2)
        return [];
    return parsePorts(read.record.ports ?? '') ?? [];
}
/** The ports a lease file holds while it is live (see judgeRecord); none once it is not, or for anything but a record. */
function livePorts(read, name) {
    if (read.kind !== 'record' || !judgeRecord(read.record, read.changed).live)
        return [];
    return leaseFilePorts(read, name);
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
function encodeState(state) {
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
        const valid = external_node_path_default().isAbsolute(root) && external_node_path_default().dirname(own) === root && TOKEN.test(token) && ports !== undefined;
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

;// CONCATENATED MODULE: ./src/errors.ts
/** A problem the user can fix; its message is meant to be shown as it is. */
class errors_PortZeroError extends Error {
    name = 'PortZeroError';
}
/** The action's words: inputs as written in a workflow's `with:`. */
const errors_ACTION_VOCABULARY = {
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
class InputError extends errors_PortZeroError {
    name = 'InputError';
    input;
    value;
    allowed;
    /** `setting` by its action input name; `vocabulary` says how the calling program names it. */
    constructor(setting, value, allowed, vocabulary = errors_ACTION_VOCABULARY) {
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
class errors_LeaseError extends errors_PortZeroError {
    name = 'LeaseError';
}
/** `1 port`, `2 ports`: a count with its noun in the right number. */
function errors_plural(count, noun, nouns = `${noun}s`) {
    return `${count} ${count === 1 ? noun : nouns}`;
}
function errors_errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/leases/lease-location.ts






const DEFAULT_NAME = 'port-zero';
const windows = process.platform === 'win32';
/**
 * The default root: `port-zero` in the temp directory every account shares. Linux:
 * the system temp directory (`$TMPDIR`, else /tmp), the same path for every account.
 * macOS: `os.tmpdir()` is a per-user folder under /var/folders unless TMPDIR names
 * another, so there it is /tmp. Windows: the temp directory is per-user, so the root is
 * `%ProgramData%\port-zero`, where every account may add folders.
 */
function defaultLeaseRoot(env = process.env, platform = process.platform, tmp = external_node_os_default().tmpdir()) {
    if (platform === 'win32')
        return external_node_path_default().win32.join(env.ProgramData ?? tmp, DEFAULT_NAME);
    const perUser = platform === 'darwin' && /^(\/private)?\/var\/folders\//.test(tmp);
    return external_node_path_default().posix.join(perUser ? '/tmp' : tmp, DEFAULT_NAME);
}
/** This account's name inside a root: the uid, or the user name on Windows. */
function accountName() {
    return windows ? os.userInfo().username.replace(/[^\w.-]/g, '_') : String(process.getuid());
}
/** The one command that sets up a named lease-dir for the accounts of a group (the README shows it). */
const SHARED_SETUP = 'install -d -m 3770 -g GROUP DIR';
/**
 * Opens a location: validates the root (creating it when missing) and this account's
 * directory in it (creating that too).
 * The default root is created mode 1777 (anyone may add a directory, only its owner may
 * remove or rename it); a named root missing is created private (0700), one level only.
 * A root is accepted when it is a real directory (not a link) on a real filesystem, and
 * others can write to it only if it is sticky, or group-writable and setgid with this
 * account in the group (an administrator's shared directory).
 * `vocabulary` names the setting in errors (the action's `'lease-dir'` by default).
 * @throws LeaseError saying why the location cannot be used.
 */
function openLeaseLocation(root, named, vocabulary = ACTION_VOCABULARY) {
    try {
        openRoot(root, named);
        return { root, own: openOwnDir(root), ...legacyOf(root) };
    }
    catch (error) {
        const why = error instanceof LeaseError ? error.message : `${code(error)}`;
        throw new LeaseError(named
            ? `${vocabulary.kind} ${vocabulary.name('lease-dir')} has a directory that cannot be used, ${JSON.stringify(root)}: ${why}${setupHint(root)}`
            : `The shared lease directory ${root} cannot be used: ${why}`);
    }
}
/**
 * The location a `lease-dir` setting gives: the directory named, or the default root
 * when the setting is empty. Throws as openLeaseLocation does.
 */
function lease_location_openLeaseDir(leaseDir, vocabulary = ACTION_VOCABULARY) {
    const root = leaseDir || defaultLeaseRoot();
    const known = opened.get(root);
    // A process that asks again (a test suite's library calls) finds it opened: one lstat of its
    // own directory instead of the whole check, which runs again should that directory have changed.
    if (known && ownDirProblem(known.own) === undefined)
        return known;
    const location = openLeaseLocation(root, leaseDir !== '', vocabulary);
    opened.set(root, location);
    return location;
}
/** The locations this process has opened, by root. */
const opened = new Map();
/**
 * The set-up command for a shared `root`, where running it would help: a missing root
 * or a directory with the wrong mode or group. Never for a symbolic link (`install -d`
 * follows it and would change the mode of whatever it points to) or what is no directory.
 */
function setupHint(root) {
    try {
        const stat = fs.lstatSync(root, { throwIfNoEntry: false });
        if (stat && (!stat.isDirectory() || pseudoFilesystem(root)))
            return '';
    }
    catch {
        return '';
    }
    return `. For several accounts, set one up with \`${SHARED_SETUP.replace('DIR', root)}\``;
}
function openRoot(root, named) {
    let stat = lstat(root);
    if (!stat) {
        try {
            fs.mkdirSync(root, named ? 0o700 : 0o777);
        }
        catch (error) {
            if (code(error) !== 'EEXIST')
                throw new LeaseError(`it cannot be created (${code(error)})`);
        }
        stat = lstat(root);
        // Ours and new: make it shared whatever the umask; one someone else made is judged below.
        if (!named && stat?.isDirectory() && !windows && stat.uid === process.getuid()) {
            fs.chmodSync(root, 0o1777);
            stat = lstat(root);
        }
    }
    if (!stat)
        throw new LeaseError('it vanished while being opened');
    const problem = rootProblem(root, stat);
    if (problem)
        throw new LeaseError(problem);
}
function rootProblem(root, stat) {
    if (stat.isSymbolicLink())
        return 'it is a symbolic link; refusing to follow it';
    if (!stat.isDirectory())
        return 'it is not a directory';
    const pseudo = pseudoFilesystem(root);
    if (pseudo)
        return `it is on ${pseudo}, a kernel pseudo-filesystem`;
    if (windows)
        return undefined;
    const mode = stat.mode;
    const octal = (mode & 0o7777).toString(8).padStart(4, '0');
    if (mode & 0o1000)
        return undefined; // sticky: no one may remove or rename another's entries
    if (mode & 0o002)
        return `it is writable by every user but not sticky (mode ${octal})`;
    if (mode & 0o020) {
        if (!(mode & 0o2000))
            return `it is group-writable but neither setgid nor sticky (mode ${octal})`;
        if (!process.getgroups().includes(stat.gid) && process.getegid() !== stat.gid)
            return `it is shared with group ${stat.gid}, and this account (uid ${process.getuid()}) is not in it`;
    }
    return undefined;
}
/**
 * This account's directory: `<root>/<account>`, or, should another account have taken
 * that name first, a directory of ours named `<account>.<suffix>`. Readers never go by
 * the name, so any directory of ours will do.
 */
function openOwnDir(root) {
    const account = accountName();
    const preferred = path.join(root, account);
    // Jobs of one account start together: one creates the directory, the others find it.
    if (createOwnDir(preferred) || ownDirProblem(preferred) === undefined)
        return shared(preferred);
    for (const name of fs.readdirSync(root)) {
        const dir = path.join(root, name);
        if (name.startsWith(`${account}.`) && ownDirProblem(dir) === undefined)
            return shared(dir);
    }
    const alternative = path.join(root, `${account}.${process.pid}-${Date.now().toString(36)}`);
    if (createOwnDir(alternative))
        return shared(alternative);
    throw new LeaseError(`this account's directory in it cannot be created`);
}
/** True when `dir` was created now; false when the name exists already. */
function createOwnDir(dir) {
    try {
        fs.mkdirSync(dir, 0o755);
        return true;
    }
    catch (error) {
        if (code(error) === 'EEXIST')
            return false;
        throw new LeaseError(`this account's directory ${dir} cannot be created (${code(error)})`);
    }
}
/** Makes this account's directory readable by every account whatever the umask (checked ours first). */
function shared(dir) {
    const problem = ownDirProblem(dir);
    if (problem)
        throw new LeaseError(`this account's directory ${dir} cannot be used: ${problem}`);
    if (!windows && (lstat(dir).mode & 0o755) !== 0o755)
        fs.chmodSync(dir, 0o755);
    return dir;
}
/** Why `dir` is not this account's own lease directory, or undefined when it is. */
function ownDirProblem(dir) {
    const stat = lstat(dir);
    if (!stat)
        return 'it does not exist';
    if (stat.isSymbolicLink() || !stat.isDirectory())
        return 'it is not a directory';
    // Windows: Node shows no owner or ACL (stat's uid is 0), and asking icacls is a program run
    // on every step (one process per directory; 80 ms under Wine). %ProgramData% lets any account
    // make folders and add files in another's, so the default location trusts the host's
    // accounts; docs/guarantee.md says so, and how an administrator sets up a lease-dir that does not.
    if (windows)
        return undefined;
    if (stat.uid !== process.getuid())
        return `it belongs to uid ${stat.uid}`;
    if (stat.mode & 0o022)
        return 'others can write to it';
    return undefined;
}
/** Checks, before any write or removal, that `dir` is still this account's own directory. */
function assertOwnDir(dir) {
    const problem = ownDirProblem(dir);
    if (problem)
        throw new errors_LeaseError(`The lease directory ${dir} cannot be used: ${problem}`);
}
/**
 * Every directory whose lease files count: each account's directory in the root, the
 * root itself and, for the default root, 1.0.0's default directory (see legacy-layout.ts). Every real directory in the root counts,
 * whatever its name (an account's own is named by its uid, `1001` or `1001.<suffix>`,
 * but a renamed one must still count: the owner of a sticky root may rename another
 * account's directory, never move it out). One directory read gives each entry's type
 * (d_type; Node falls back to lstat where the filesystem does not say), so links and
 * files cost no lookup.
 */
function lease_location_leaseDirs(location) {
    const dirs = [location.root];
    if (location.legacy)
        dirs.push(location.legacy);
    for (const entry of external_node_fs_default().readdirSync(location.root, { withFileTypes: true })) {
        if (entry.isDirectory())
            dirs.push(external_node_path_default().join(location.root, entry.name));
    }
    return dirs;
}
/** `{ legacy }` when `root` is the default root and 1.0.0's default directory is a real directory; else nothing. */
function legacyOf(root) {
    const legacy = legacyDefaultDir();
    return root === defaultLeaseRoot() && lstat(legacy)?.isDirectory() ? { legacy } : {};
}
function lstat(file) {
    try {
        return external_node_fs_default().lstatSync(file);
    }
    catch (error) {
        if (code(error) === 'ENOENT' || code(error) === 'ENOTDIR')
            return undefined;
        throw new errors_LeaseError(`it cannot be read (${code(error)})`);
    }
}
function code(error) {
    return error.code ?? String(error);
}

;// CONCATENATED MODULE: ./src/leases/lease-reader.ts





/**
 * The live leases in one directory, by port (only ports of `wanted`, when given),
 * leaving out the record of `claimant` itself. A record outside the claimant's own
 * directory is never the caller's, whatever it says; a pending record (an allocation
 * running now) is another's. A record's ports are matched against `wanted` before its
 * owner is judged: judging a process can cost a program run (macOS), so a claim judges
 * only the records that list a port it asks for.
 */
function readDirLeases(dir, claimant, wanted) {
    const found = new Map();
    for (const name of readNames(dir)) {
        const token = recordToken(name);
        const legacy = token === undefined ? legacyLeasePort(name) : undefined;
        if (token !== undefined ? token === claimant?.owner.token : legacy === undefined || (wanted && !wanted.has(legacy)))
            continue;
        const read = readRecord(external_node_path_default().join(dir, name));
        if (read.kind !== 'record')
            continue;
        const ports = leaseFilePorts(read, name).filter((port) => !wanted || wanted.has(port));
        if (ports.length === 0 || !judgeRecord(read.record, read.changed).live)
            continue;
        const mine = claimant !== undefined && dir === claimant.own && read.record.pending !== true;
        const holder = mine && sameRunner(read.record.owner, claimant.owner) ? 'caller' : 'other';
        const lease = { holder, reservation: read.record.reservation, changed: read.changed };
        for (const port of ports)
            lease_reader_merge(found, port, lease);
    }
    return found;
}
/** Keeps one lease per port: another's over the caller's, since another's is the one that must not be touched. */
function lease_reader_merge(into, port, lease) {
    if (into.get(port)?.holder !== 'other')
        into.set(port, lease);
}
/**
 * The ports of `wanted` that a live lease of any account holds, in the location rooted at
 * `root`, each with who holds it ('other' when both do), leaving out the record of
 * `claimant` itself.
 * @throws the error of reading the root itself (see liveLeasedPorts for a caller that must not fail).
 */
function leasedPorts(location, wanted, claimant) {
    const taken = new Map();
    if (wanted.size === 0)
        return taken;
    for (const dir of lease_location_leaseDirs(location)) {
        for (const [port, lease] of readDirLeases(dir, claimant, wanted))
            if (taken.get(port) !== 'other')
                taken.set(port, lease.holder);
    }
    return taken;
}
/**
 * The ports of `ports` that any account holds a live lease for, in the location rooted at
 * `root`. Never throws for what others put there; an unreadable location holds no lease.
 */
function liveLeasedPorts(root, ports) {
    try {
        return new Set(leasedPorts({ root, ...legacyOf(root) }, new Set(ports)).keys());
    }
    catch {
        return new Set();
    }
}
/**
 * Every live lease in a location, kept current cheaply: each look lists the root and
 * stats each account's directory, and reads again only a directory that changed since
 * the last look (a record written or renamed into place changes its directory's times).
 * For avoiding leased ports during a search; a claim reads afresh (LeaseBook.claim).
 */
class LeaseWatch {
    seen = new Map();
    location;
    claimant;
    dirs;
    constructor(location, claimant) {
        this.location = location;
        this.claimant = claimant;
    }
    /** The directories to read: listed again only when the root itself has changed (an account's directory made). */
    lookDirs() {
        const stamp = stampOf(this.location.root);
        if (this.dirs?.stamp !== stamp)
            this.dirs = { stamp, list: leaseDirs(this.location) };
        return this.dirs.list;
    }
    /** Every port a live lease holds now, with its lease. Never throws; an unreadable location holds none. */
    current() {
        const all = new Map();
        let dirs;
        try {
            dirs = this.lookDirs();
        }
        catch {
            return all;
        }
        for (const dir of dirs) {
            const stamp = stampOf(dir);
            let entry = this.seen.get(dir);
            if (!entry || entry.stamp !== stamp)
                this.seen.set(dir, (entry = { stamp, leases: readDirLeases(dir, this.claimant) }));
            for (const [port, lease] of entry.leases)
                lease_reader_merge(all, port, lease);
        }
        // A lease that ends by time or with its owner changes no directory, so a cached one stays avoided
        // for the rest of this search: that errs toward leaving a free port alone, and a claim judges afresh.
        return all;
    }
}
/** When a directory last changed, as far as lstat tells: its contents' times and identity. */
function stampOf(dir) {
    try {
        const stat = fs.lstatSync(dir, { bigint: true });
        return `${stat.ino}:${stat.mtimeNs}:${stat.ctimeNs}`;
    }
    catch {
        return '';
    }
}
/** The same process: same pid and same start time (a pid alone may have been reused). */
const lease_reader_sameProcess = (a, b) => a.pid === b.pid && a.start === b.start;
/** The names in another account's directory; none when it cannot be read (its leases are then invisible to us anyway). */
function readNames(dir) {
    try {
        return external_node_fs_default().readdirSync(dir);
    }
    catch {
        return [];
    }
}

;// CONCATENATED MODULE: ./src/leases/lease-cleanup.ts







/** The lease files in this account's directory `own` (records, and 1.0.0's port files), with what each says. */
function* ownLeases(own) {
    assertOwnDir(own);
    for (const name of external_node_fs_default().readdirSync(own)) {
        if (!isLeaseFile(name))
            continue;
        const file = external_node_path_default().join(own, name);
        yield { file, name, read: readRecord(file) };
    }
}
/** Removes every lease file of `own` that `owned` picks; returns the ports they held, ascending. */
function removeOwned(own, owned) {
    const held = new Set();
    for (const { file, name, read } of ownLeases(own)) {
        if (!owned(read))
            continue;
        external_node_fs_default().rmSync(file, { force: true });
        for (const port of leaseFilePorts(read, name))
            held.add(port);
    }
    return [...held].sort((a, b) => a - b);
}
/**
 * The post step: removes the leases of allocation `token` from this account's directory
 * `own`. Returns the ports they held.
 * @throws LeaseError when `own` is not this account's directory; the fs error when it cannot be read.
 */
function releaseLeases(own, token) {
    return removeOwned(own, (read) => read.kind === 'record' && read.record.owner.token === token);
}
/** `port-zero release`: removes every lease in this account's directory owned by `owner` (same pid and start); returns their ports. */
function lease_cleanup_releaseOwnedBy(own, owner) {
    return removeOwned(own, (read) => read.kind === 'record' && sameProcess(read.record.owner.runner, owner));
}
/**
 * Tidies this account's directory `own`: removes leases that are stale or corrupt (each
 * file judged once), temporary files and 1.0.0's records of processes that are gone.
 * Returns the stale leases it removed, one entry per port.
 */
function sweepStale(own, warn) {
    assertOwnDir(own);
    const names = external_node_fs_default().readdirSync(own);
    const stale = [];
    // 1.0.0 linked one record under many port names: each such file is read and judged once,
    // by file ID (bigint: NTFS file IDs are 64-bit). Only those: a record removed here frees
    // its file ID, and a record another job renames into place meanwhile may get it.
    const judged = new Map();
    for (const name of names.filter(isLeaseFile)) {
        const file = external_node_path_default().join(own, name);
        // A record's read says itself when it is gone ('missing', judged live: left alone).
        const ino = legacyLeasePort(name) !== undefined ? external_node_fs_default().lstatSync(file, { bigint: true, throwIfNoEntry: false })?.ino : null;
        if (ino === undefined)
            continue;
        const verdict = (ino !== null && judged.get(ino)) || judgeFile(readRecord(file));
        if (ino !== null && !verdict.corrupt)
            judged.set(ino, verdict);
        if (verdict.live || !unlinkQuietly(file, warn))
            continue;
        if (verdict.corrupt)
            warn(`Removed a corrupt lease ${file} (${verdict.why})`);
        for (const port of leaseFilePorts(verdict.read, name))
            stale.push({ port, reservation: verdict.reservation, why: verdict.why });
    }
    sweepLeftovers(own, names, warn);
    return stale;
}
/**
 * Temporary files and 1.0.0's records among `names` (this account's directory `own`)
 * whose writing process is gone (killed mid-write), or unreadable and older than any lease can be.
 */
function sweepLeftovers(own, names, warn) {
    for (const name of names) {
        const pid = tempFileWriter(name) ?? legacyRecordWriter(name);
        if (pid === undefined)
            continue;
        const file = external_node_path_default().join(own, name);
        const read = readRecord(file);
        if (read.kind === 'missing')
            continue;
        const writer = read.kind === 'record' ? (read.record.allocator ?? { pid, start: null }) : { pid, start: null };
        const stat = external_node_fs_default().lstatSync(file, { throwIfNoEntry: false });
        const old = stat !== undefined && stat.ctimeMs + MAX_LEASE_MINUTES * 60_000 < Date.now();
        if (!isRunning(writer) || old)
            unlinkQuietly(file, warn);
    }
}
function unlinkQuietly(file, warn) {
    try {
        external_node_fs_default().unlinkSync(file);
        return true;
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT')
            return true;
        warn(`Cannot remove ${file} (${code})`);
        return false;
    }
}
function judgeFile(read) {
    if (read.kind === 'missing')
        return { read, live: true, why: 'already gone' }; // nothing to remove
    if (read.kind === 'corrupt')
        return { read, live: false, why: read.why, corrupt: true };
    const verdict = judgeRecord(read.record, read.changed);
    return { read, live: verdict.live, why: verdict.live ? '' : verdict.why, reservation: read.record.reservation };
}

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
const MAX_LIST_BYTES = 512 * 1024;
/**
 * The whole file in one read(). procfs answers a sysctl only on the first read of an
 * open file, so Node's readFileSync (8 KiB chunks) would cut a long list off in the
 * middle of a number (proc_sys_call_handler, fs/proc/proc_sysctl.c).
 * @throws the read's error, or an Error when the text does not end in a newline (cut off).
 */
function readReservedPortsText(file = reserved_ports_RESERVED_PORTS_FILE) {
    const fd = external_node_fs_default().openSync(file, 'r');
    try {
        // Not zero-filled: only the bytes read are decoded, and a 512 KiB fill is work every step would pay.
        const buffer = Buffer.allocUnsafeSlow(MAX_LIST_BYTES);
        const text = buffer.toString('utf8', 0, external_node_fs_default().readSync(fd, buffer, 0, buffer.length, 0));
        if (!text.endsWith('\n'))
            throw new Error(`${file} was cut off after ${text.length} characters`);
        return text;
    }
    finally {
        external_node_fs_default().closeSync(fd);
    }
}
/** The ports listed now; an empty set where there is no such file (not Linux, no /proc) or it cannot be read. */
function readReservedPorts(file = reserved_ports_RESERVED_PORTS_FILE) {
    if (process.platform !== 'linux' && file === reserved_ports_RESERVED_PORTS_FILE)
        return new PortSet();
    try {
        return parseReservedPorts(readReservedPortsText(file));
    }
    catch {
        return new PortSet();
    }
}
/** "20000-20010,30500\n" (or "\n") as a set. @throws Error when the text is not such a list. */
function parseReservedPorts(text) {
    const ranges = parsePortList(text);
    if (!ranges)
        throw new Error(`not a reserved-port list: ${JSON.stringify(text.slice(0, 80))}`);
    return new port_set_PortSet(ranges);
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
function kernel_list_mayWriteDirectly(file = reserved_ports_RESERVED_PORTS_FILE) {
    try {
        external_node_fs_default().accessSync(file, (external_node_fs_default()).constants.W_OK);
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
async function removeReservedPorts(ports, options) {
    const file = options.file ?? reserved_ports_RESERVED_PORTS_FILE;
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
        await writeList(file, reserved_ports_formatReservedPorts(new port_set_PortSet(left)), options);
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
        throw new KernelListError(errors_errorMessage(error));
    }
}
function readListText(file) {
    try {
        return readReservedPortsText(file);
    }
    catch (error) {
        const code = error.code;
        throw new KernelListError(code ? `Cannot read ${file} (${code}): this kernel has no reserved-port list` : errors_errorMessage(error));
    }
}
const NOT_ALLOWED = new Set(['EACCES', 'EPERM', 'EROFS']);
/** Writes the whole list in one go: directly when allowed, else through `sudo -n tee` when permitted. */
async function writeList(file, text, options) {
    let denied;
    try {
        // No O_CREAT: the file is the kernel's; nothing is created when it is missing.
        const fd = external_node_fs_default().openSync(file, (external_node_fs_default()).constants.O_WRONLY);
        try {
            external_node_fs_default().writeFileSync(fd, text); // loops over partial writes: the kernel takes at most a page per write
        }
        finally {
            external_node_fs_default().closeSync(fd);
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
        await runToolAsync(system_tools_systemTool('sudo'), ['-n', 'tee', file], { input: text });
    }
    catch (error) {
        const code = error.code;
        const why = code === 'ENOENT' ? 'sudo is not installed' : code ? `sudo did not start (${code})` : `sudo -n tee failed: ${errors_errorMessage(error)}`;
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
        const server = external_node_net_default().createServer();
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
                await removeReservedPorts(listed.splice(0), { sudo: route === 'sudo' });
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
    return [(host ??= hash(hostname())), process.pid.toString(36), process.hrtime.bigint().toString(36), random].join('-');
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

;// CONCATENATED MODULE: ./src/protection/holder-protocol.ts
/** The line a stop request is, and the line the holder answers with. */
const stopRequest = (token) => `stop ${token}\n`;
const stopAnswer = (pid) => `stopped ${pid}\n`;

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
async function stopHolder(saved, platform = process.platform) {
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
        const socket = external_node_net_default().connect({ host: saved.host, port: saved.control });
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
                await stopHolder(holder);
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
function reserveProblem(setting, context = {}) {
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

;// CONCATENATED MODULE: ./src/session/dead-jobs.ts


/**
 * Takes the kernel-list entries of jobs whose runner died off the list: the ports of
 * `swept` stale leases whose record named the kernel list, except a port that a live
 * lease holds again (another job may have listed it since). Without the right to
 * write the list, it does nothing and resolves with [].
 *
 * @param root the lease location the stale leases were swept from
 * @param route how this job may write the list ('sudo' allows `sudo -n tee`)
 * @returns the ports taken off the list
 */
async function releaseDeadJobsPorts(root, swept, route) {
    const ports = swept.filter((s) => s.reservation === 'kernel').map((s) => s.port);
    if (ports.length === 0 || (route === 'direct' && !kernel_list_mayWriteDirectly()))
        return [];
    // Judged under the list's lock (on first use), where no job can lease and list a port unseen.
    let live;
    const keep = (port) => (live ??= liveLeasedPorts(root, ports)).has(port);
    return removeReservedPorts(ports, { sudo: route === 'sudo', keep });
}

;// CONCATENATED MODULE: ./src/session/end-session.ts





/**
 * The action's post step: stops the holder, takes the job's ports off the kernel list,
 * releases its leases, then tidies up after this account's crashed jobs. Every part that
 * fails is a warning; nothing here throws.
 */
async function endSession(state, log) {
    const attempt = async (what, step) => {
        try {
            return await step();
        }
        catch (error) {
            log.warn(`Port Zero could not ${what}: ${errors_errorMessage(error)}`);
            return undefined;
        }
    };
    const { protection, leases } = state;
    if (protection) {
        const what = protection.kind === 'kernel' ? "take this job's ports off the kernel's reserved-port list" : 'stop the port holder';
        const ended = await attempt(what, () => endProtection(protection));
        if (ended?.kind === 'holder')
            reportHolder(ended.pid, ended.outcome, log);
        if (ended?.kind === 'kernel')
            log.info(`Took ${ended.removed} of ${ended.of} ports off the kernel's reserved-port list.`);
        // Before the leases go: once they do, another job may list the same ports. Entries that could
        // not be taken off keep their leases, so a later job's post step finds them stale.
        if (protection.kind === 'kernel' && ended === undefined) {
            log.warn("The leases of this job's ports stay until its runner process exits, so a later job takes them off the list.");
            return;
        }
    }
    if (!leases)
        return log.debug('no leases to release');
    await attempt('release the leases', async () => {
        const problem = ownDirProblem(leases.own);
        if (problem)
            throw new Error(`the lease directory ${leases.own} is not this account's own: ${problem}`);
        const released = new Set(releaseLeases(leases.own, leases.token));
        log.info(`Released ${leases.ports.filter((p) => released.has(p)).length} of ${errors_plural(leases.ports.length, 'port lease')}.`);
        // Off the hot path: tidy up after this account's jobs that crashed or never ran their post step.
        const swept = sweepStale(leases.own, (m) => log.warn(m));
        if (swept.length)
            log.info(`Removed ${errors_plural(swept.length, 'stale lease')} left by other jobs.`);
        // The same right this job used; a job that did not use the list writes it only where it may directly.
        const route = protection?.kind === 'kernel' ? protection.route : 'direct';
        await attempt('take the ports of dead jobs off the kernel list', async () => {
            const removed = await releaseDeadJobsPorts(leases.root, swept, route);
            if (removed.length)
                log.info(`Took ${errors_plural(removed.length, 'port')} of stale leases off the kernel's reserved-port list.`);
        });
    });
}
function reportHolder(pid, outcome, log) {
    if (outcome === 'stopped')
        log.info(`Stopped the port holder (process ${pid}).`);
    else if (outcome === 'killed')
        log.warn(`The port holder (process ${pid}) did not answer its stop request; it was killed.`);
    else
        log.info(`The port holder (process ${pid}) had already exited.`);
}
/**
 * `port-zero release`: ends every lease that `caller` (the calling shell or script) holds
 * in the location `leaseDir` names. Returns their ports, ascending.
 * @throws LeaseError when the location cannot be used.
 */
function releaseCaller(leaseDir, caller, vocabulary) {
    return releaseOwnedBy(openLeaseDir(leaseDir, vocabulary).own, caller);
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
function info(message) {
    process.stdout.write(message + (external_node_os_default()).EOL);
}
/**
 * A debug line. A runner shows `::debug::` lines only with step debug logging on, and
 * then sets RUNNER_DEBUG=1 for the step; under a runner without it, the line would be
 * dropped unseen, so it is not written. Elsewhere (a shell, a test) it is always written.
 */
function debug(message) {
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
function startGroup(title) {
    issue('group', title);
}
function endGroup() {
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

;// CONCATENATED MODULE: ./src/action/post.ts



/**
 * The post step: ends what the main step's session left (holder, kernel-list entries,
 * leases). It warns, and never fails the job. With no state from the main step
 * (cancelled before it ran, or failed early) it does nothing.
 */
async function runPost() {
    const { state, problems } = decodeState(getState);
    for (const problem of problems)
        warning(`Port Zero ignored part of its saved state: ${problem}.`);
    if (!state.leases && !state.protection)
        return debug(`nothing to end (no ${StateKey.LeaseToken} saved)`);
    await endSession(state, { info: info, warn: warning, debug: debug });
}


/***/ }),

/***/ 890:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _action_post_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(253);
/**
 * The action's post step (action.yml `runs.post`): an entry of its own, as in
 * actions/setup-node and actions/cache, so it can never allocate. With no state
 * from the main step (cancelled before it ran, or failed early) it does nothing.
 */

await (0,_action_post_js__WEBPACK_IMPORTED_MODULE_0__/* .runPost */ .a)();

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
/******/ var __webpack_exports__ = __nccwpck_require__(890);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

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

/***/ 549:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

;// CONCATENATED MODULE: ./src/errors.ts
/** A problem the user can fix; its message is meant to be shown as it is. */
class PortZeroError extends Error {
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
class InputError extends PortZeroError {
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
class AllocationError extends PortZeroError {
    name = 'AllocationError';
}
/** The lease directory cannot be used. */
class LeaseError extends PortZeroError {
    name = 'LeaseError';
}
/** `1 port`, `2 ports`: a count with its noun in the right number. */
function plural(count, noun, nouns = `${noun}s`) {
    return `${count} ${count === 1 ? noun : nouns}`;
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
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
    const now = process_identity_processStart(identity.pid, facts);
    // Linux reads null only for a zombie (it has exited); elsewhere a tool that fails on a live pid proves nothing.
    if (now === null)
        return facts.platform !== 'linux';
    return now === identity.start;
}

;// CONCATENATED MODULE: ./src/ports/port-set.ts
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
        return new PortSet(both);
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
        return new PortSet(ranges);
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
const BAD_PORT_SET = PortSet.of(BAD_PORTS);

;// CONCATENATED MODULE: ./src/platform/ephemeral-range.ts


/** The IANA dynamic range: the default of macOS and Windows, and the answer when the system will not say. */
const IANA_DYNAMIC = { low: 49152, high: 65535 };
/**
 * The range the kernel draws ephemeral ports from, read from the system each call:
 * Linux `/proc/sys/net/ipv4/ip_local_port_range`; macOS
 * `sysctl -n net.inet.ip.portrange.first net.inet.ip.portrange.last`; Windows
 * `netsh int ipv4 show dynamicport tcp`. Contiguous blocks come from here when no
 * `range` is given: it is where port 0 would have picked anyway. Falls back to
 * 49152-65535 when the answer cannot be read.
 */
function ephemeralRange(platform = process.platform, run = system_tools_runTool) {
    try {
        if (platform === 'linux')
            return valid((0,external_node_fs_namespaceObject.readFileSync)('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/));
        if (platform === 'darwin' || platform === 'freebsd') {
            const out = run(system_tools_systemTool('sysctl', platform), ['-n', 'net.inet.ip.portrange.first', 'net.inet.ip.portrange.last']);
            return valid(out.trim().split(/\s+/));
        }
        if (platform === 'win32')
            return parseDynamicPortRange(run(system_tools_systemTool('netsh', platform), ['int', 'ipv4', 'show', 'dynamicport', 'tcp']));
    }
    catch {
        // fall through to the IANA range
    }
    return IANA_DYNAMIC;
}
function valid(fields) {
    const [low, high] = fields.map(Number);
    if (fields.length !== 2 || !(Number.isInteger(low) && Number.isInteger(high) && 1 <= low && low <= high && high <= 65535)) {
        throw new Error(`not a port range: ${fields.join(' ')}`);
    }
    return { low, high };
}
/**
 * `netsh int ipv4 show dynamicport tcp` prints, in the system's language:
 *
 *     Protocol tcp Dynamic Port Range
 *     ---------------------------------
 *     Start Port      : 49152
 *     Number of Ports : 16384
 *
 * The labels are localized, so only the two `label : number` lines count, in that order.
 * Throws when the output does not have them.
 */
function parseDynamicPortRange(output) {
    const numbers = output
        .split(/\r?\n/)
        .map((line) => /:\s*(\d{1,5})\s*$/.exec(line)?.[1])
        .filter((n) => n !== undefined)
        .map(Number);
    if (numbers.length !== 2)
        throw new Error('netsh printed no dynamic port range');
    const [start, count] = numbers;
    return valid([String(start), String(start + count - 1)]);
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
const RESERVED_PORTS_FILE = '/proc/sys/net/ipv4/ip_local_reserved_ports';
/** The most text the list can take: 32768 single ports of up to 5 digits and a comma each. */
const MAX_LIST_BYTES = 512 * 1024;
/**
 * The whole file in one read(). procfs answers a sysctl only on the first read of an
 * open file, so Node's readFileSync (8 KiB chunks) would cut a long list off in the
 * middle of a number (proc_sys_call_handler, fs/proc/proc_sysctl.c).
 * @throws the read's error, or an Error when the text does not end in a newline (cut off).
 */
function readReservedPortsText(file = RESERVED_PORTS_FILE) {
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
function readReservedPorts(file = RESERVED_PORTS_FILE) {
    if (process.platform !== 'linux' && file === RESERVED_PORTS_FILE)
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
    return new PortSet(ranges);
}
/** The list as the kernel takes it: "a-b,c\n"; an empty list is "\n" (a zero-length write would change nothing). */
function formatReservedPorts(set) {
    return `${formatPortSet(set)}\n`;
}

;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
var external_node_net_default = /*#__PURE__*/__nccwpck_require__.n(external_node_net_namespaceObject);
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
    if (host !== EVERY_ADDRESS)
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
        const server = external_node_net_default().createServer();
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
    if (host !== EVERY_ADDRESS)
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
        const socket = createSocket({ type: external_node_net_default().isIPv6(host) ? 'udp6' : 'udp4', ipv6Only: false });
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
function connectToOwn(server, host, port, waitMs) {
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
        const client = external_node_net_default().connect({ host, port });
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

;// CONCATENATED MODULE: ./src/allocator/confirm-loopback.ts


const LOOPBACKS = ['127.0.0.1', '::1'];
/** How long a datagram to our own socket may take, from its send, before another program is taken to have it, ms. */
const UDP_WAIT_MS = 250;
/** The addresses a wildcard socket on `host` covers that another program may hold apart: the loopbacks and `also`. */
function addressesFor(host, also) {
    if (host !== '::' && host !== '0.0.0.0')
        return [];
    const covered = also.filter((a) => a !== '::' && a !== '0.0.0.0' && (host === '::' || external_node_net_default().isIPv4(a)));
    return [...new Set([...(host === '::' ? LOOPBACKS : LOOPBACKS.slice(0, 1)), ...covered])];
}
/**
 * On macOS and Windows a wildcard socket can coexist with another program's
 * socket on 127.0.0.1 or ::1, for TCP and UDP alike, or on any address the
 * wildcard covers. Reach each loopback address and each of `also` (addresses
 * asked for that the wildcard covers): if our own socket does not get the
 * connection (TCP) or the datagram (UDP), somebody else has that address and port.
 */
async function confirmLoopback(held, also = []) {
    const addresses = addressesFor(held.host, also);
    const reach = held.server
        ? (a) => reachesOwnServer([held.server], a, held.port)
        : held.socket
            ? (a) => reachesOwnSocket(held.socket, a, held.port)
            : undefined;
    // One address at a time: a probe closes the connections it did not make, which a probe of another address may be waiting for.
    for (const address of reach ? addresses : [])
        if (!(await reach(address)))
            return false;
    return true;
}
/**
 * confirmLoopback for every socket of one port. Its TCP wildcard listeners are confirmed
 * together: where two of ours share the port (macOS's `0.0.0.0` and dual-stack `::`), the
 * kernel hands a connection to 127.0.0.1 to either, and one that reaches any of them
 * reached us. A connection that reaches none of them reached another program.
 */
async function confirmPort(held, also = []) {
    const listeners = held.filter((h) => h.server && addressesFor(h.host, also).length > 0);
    const rest = held.filter((h) => !listeners.includes(h));
    const addresses = [...new Set(listeners.flatMap((h) => addressesFor(h.host, also)))];
    const servers = listeners.map((h) => h.server);
    for (const address of addresses)
        if (!(await reachesOwnServer(servers, address, listeners[0].port)))
            return false;
    const results = await Promise.all(rest.map((h) => confirmLoopback(h, also)));
    return results.every(Boolean);
}
/**
 * Refused counts as free: nobody listens on that address (or the machine lacks it).
 * Our probe is reset, not closed: a close would leave TIME_WAIT on the port itself
 * (where the server side closes first), and `reserve: none` promises none.
 */
async function reachesOwnServer(servers, address, port) {
    const own = await connectToOwn(servers, address, port, 1000);
    if (own.outcome === 'ours') {
        own.client.resetAndDestroy();
        own.accepted.destroy();
    }
    return own.outcome !== 'elsewhere';
}
/**
 * Sends a datagram carrying a nonce to `address`:`port` and waits for our socket to
 * receive it. A socket bound to that exact address takes precedence over our
 * wildcard, so a datagram that does not arrive went to another program. An address
 * the machine lacks cannot be sent to, and counts as free.
 */
function reachesOwnSocket(socket, address, port) {
    const { createSocket } = process.getBuiltinModule('node:dgram');
    const nonce = `port-zero ${process.pid} ${port} ${Math.random()}`;
    return new Promise((resolve) => {
        const client = createSocket(external_node_net_default().isIPv6(address) ? 'udp6' : 'udp4');
        let finished = false;
        let timer;
        const done = (result) => {
            if (finished)
                return;
            finished = true;
            clearTimeout(timer);
            socket.off('message', onMessage);
            client.close();
            resolve(result);
        };
        const onMessage = (message) => {
            if (message.toString() === nonce)
                done(true);
        };
        socket.on('message', onMessage);
        client.on('error', () => done(true));
        client.send(nonce, port, address, (error) => {
            if (error)
                return done(true);
            if (finished)
                return; // the datagram arrived first
            // From the send on: a stalled process must not count its own late datagram as lost
            // (see afterPendingIO in own-connection.ts).
            timer = setTimeout(() => afterPendingIO(() => done(false)), UDP_WAIT_MS);
        });
    });
}

;// CONCATENATED MODULE: ./src/platform/line-child.ts
/**
 * A helper process that answers one line for each line it is sent, in order: the one
 * shape of every small program Port Zero runs beside itself (perl one-liners that make
 * sockets Node cannot). Lines go out as they are sent; answers are taken in order with
 * `next`. Its stderr is kept (the last 400 characters) for messages.
 */
class LineChild {
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

;// CONCATENATED MODULE: ./src/allocator/foreign-binds.ts




/**
 * Binds each port without SO_REUSEADDR and closes it at once, printing the
 * ports the kernel refused. One request per line: "HOST PORT PORT ...".
 */
const SCRIPT = String.raw `
use strict; use Socket qw(:all); $| = 1;
while (my $line = <STDIN>) {
  my ($host, @ports) = split ' ', $line;
  my $v6 = $host =~ /:/;
  my $addr = inet_pton($v6 ? AF_INET6 : AF_INET, $host);
  my @busy;
  for my $port (defined $addr ? @ports : ()) {
    socket(my $s, $v6 ? PF_INET6 : PF_INET, SOCK_STREAM, 0) or last;
    setsockopt($s, IPPROTO_IPV6, IPV6_V6ONLY, 0) if $v6;
    my $sa = $v6 ? pack_sockaddr_in6($port, $addr) : pack_sockaddr_in($port, $addr);
    push @busy, $port if !bind($s, $sa) && ($!{EADDRINUSE} || $!{EACCES});
    close $s;
  }
  print "@busy\n";
}`;
/**
 * Finds TCP ports that other sockets use where Node's own bind cannot tell.
 *
 * Node sets SO_REUSEADDR on every TCP bind (libuv does, unconditionally), and
 * on Linux such a listen succeeds next to a socket another program keeps bound
 * but not listening with SO_REUSEADDR (a common way for test harnesses to
 * reserve a port); that program's own listen then fails. Linux lists no such
 * socket in /proc/net/tcp (inet_diag dumps them only from 6.9 on). A bind
 * without SO_REUSEADDR is refused by it, as by a listener, a TIME_WAIT entry or
 * a connection on the port, which is also what the kernel's own choice (port 0)
 * skips. Node cannot make such a bind, so a perl one-off does (perl-base is part
 * of every Debian and Ubuntu system); where perl is missing, or not on Linux,
 * `busy` finds nothing. macOS needs no probe for this: BSD refuses a second
 * bind of the same address and port unless both set SO_REUSEPORT. Windows: Node
 * binds without SO_REUSEADDR there, so its bind sees every socket itself.
 *
 * One process serves a whole allocation; `close` ends it.
 */
class ForeignBinds {
    child;
    /** Started on the first request: the kernel's own choice, the usual path, needs no probe. */
    unstarted;
    deadline;
    /**
     * @param deadline when the allocation gives up (ms since the epoch): a request
     *   not answered by then ends the probe and counts as "nothing found", so the
     *   allocation's own bound ends it.
     */
    constructor(enabled = process.platform === 'linux', deadline = Infinity) {
        this.unstarted = enabled;
        this.deadline = deadline;
    }
    /**
     * The ports of `ports` another TCP socket uses on `host` (EVERY_ADDRESS: the
     * dual-stack wildcard), as far as the probe can tell; empty without the probe.
     * One request at a time.
     */
    async busy(host, ports) {
        if (ports.length === 0)
            return new Set();
        if (this.unstarted) {
            this.unstarted = false;
            this.child = new LineChild(system_tools_systemTool('perl'), ['-e', SCRIPT]);
        }
        const child = this.child;
        if (!child)
            return new Set();
        child.send(`${host === EVERY_ADDRESS ? '::' : host} ${ports.join(' ')}`);
        let timer;
        const late = new Promise((resolve) => (timer = setTimeout(() => resolve('late'), Math.min(Math.max(this.deadline - Date.now(), 0), 2 ** 31 - 1))));
        const answer = await Promise.race([child.next(), late]).finally(() => clearTimeout(timer));
        // No answer: no perl here, or it died or hung. Go on without the probe.
        if (answer === undefined || answer === 'late') {
            this.close();
            return new Set();
        }
        return new Set(answer.split(' ').filter(Boolean).map(Number));
    }
    /** Ends the probe process; safe to call twice. */
    close() {
        this.unstarted = false;
        void this.child?.stop();
        this.child = undefined;
    }
}
/** TCP state 06 in /proc/net/tcp: TIME_WAIT. */
const TIME_WAIT = '06';
/**
 * The local ports of the sockets /proc/net/<file> lists (tcp, tcp6, udp,
 * udp6), each with the states seen. Bound-but-not-listening TCP sockets are
 * not listed (see ForeignBinds). Empty where there is no /proc. One read of
 * each file costs about 10-20 ms on Linux: the kernel walks its whole table.
 */
function socketStates(files) {
    const states = new Map();
    if (process.platform !== 'linux')
        return states; // elsewhere a /proc is an ordinary folder anyone may make
    for (const file of files) {
        let text;
        try {
            text = (0,external_node_fs_namespaceObject.readFileSync)(`/proc/net/${file}`, 'utf8');
        }
        catch {
            continue;
        }
        for (const line of text.split('\n').slice(1)) {
            const [, local, , state] = line.trim().split(/\s+/);
            const port = parseInt(local?.split(':')[1] ?? '', 16);
            if (port > 0)
                states.set(port, (states.get(port) ?? new Set()).add(state));
        }
    }
    return states;
}
/** Whether the only sockets on a port are in TIME_WAIT: a SO_REUSEADDR server binds it at once. */
function onlyTimeWait(states) {
    return states !== undefined && states.size === 1 && states.has(TIME_WAIT);
}

;// CONCATENATED MODULE: ./src/allocator/messages.ts





/** The errors an allocation ends in: what refused the ports, in the caller's words, and what to change. */
/** At most this many rounds of a source (each at most 1024 binds or one block): the attempt bound. */
const MAX_ROUNDS = 4096;
/** Rounds of drawing again the ports another program took while they were being reserved. */
const MAX_REDRAWS = 5;
/** Why ports on the system's lists were never tried. */
const SYSTEM_REFUSAL = process.platform === 'win32'
    ? "in Windows' excluded port ranges"
    : "on the kernel's reserved-port list (other jobs' ports, or an administrator's)";
const BAD_REFUSAL = "refused by browsers (the Fetch standard's bad ports)";
function searched(spec) {
    return spec.range ?? ephemeralRange();
}
function where(spec) {
    const { low, high } = searched(spec);
    return spec.range ? `range ${low}-${high}` : `the ephemeral range ${low}-${high}`;
}
/** The main reasons ports were refused, most frequent first: "1890 excluded, 12 taken for udp on ::". */
function reasons(refusals) {
    const top = [...refusals].sort((a, b) => b[1] - a[1]).slice(0, 3);
    return top.length ? ` (refused: ${top.map(([why, n]) => `${n} ${why}`).join(', ')})` : '';
}
/** What the user can change to get the ports; `listed`: the kernel list holds much of where the kernel chooses. */
function remedy(spec, listed) {
    const { name } = spec.vocabulary;
    if (spec.preferOnly)
        return `name more ports in ${name('prefer')}, or drop ${name('prefer-only')} to draw the rest`;
    if (spec.contiguous)
        return `ask for a smaller block, widen ${name('range')} or drop ${name('contiguous')}`;
    if (spec.range)
        return `widen ${name('range')}, shorten ${name('exclude')} or ask for fewer ports`;
    if (listed)
        return `other jobs hold those ports until their post steps: ask for fewer ports, or set a ${name('range')} outside the ephemeral range`;
    return `shorten ${name('exclude')}, ask for fewer ports, or set a ${name('range')} outside the ephemeral range`;
}
/** What to do when other programs keep taking the ports before they are reserved (the stronger reservation is Linux's). */
function retry(vocabulary) {
    return vocabulary.stronger && process.platform === 'linux' ? `try again, or ${vocabulary.stronger}` : 'try again';
}
/**
 * Counts what the system's lists held of the searched ports among the refusals: the kernel
 * list (read now for the kernel's own choice, which skips it unseen) or Windows' excluded
 * ranges, and the bad ports. Returns whether the kernel list held any.
 */
function countSystemRefusals(spec, refusals) {
    const range = searched(spec);
    const system = spec.range || spec.contiguous || spec.preferred.length ? spec.system : readReservedPorts();
    const held = rangeSize(range) - system.countOutside(range);
    if (held > 0)
        refusals.set(SYSTEM_REFUSAL, held);
    const bad = rangeSize(range) - BAD_PORT_SET.countOutside(range);
    if (bad > 0 && !spec.asked.has(range.low))
        refusals.set(BAD_REFUSAL, bad);
    return held > 0 && process.platform === 'linux';
}
function shortfall(spec, found, refusals) {
    const range = searched(spec);
    const listed = countSystemRefusals(spec, refusals);
    // Only the user's own exclude is named: system lists are counted among the reasons above.
    const left = spec.asked.countOutside(range);
    const why = spec.asked.size > 0 && left < spec.count ? ` (${spec.vocabulary.name('exclude')} leaves ${left} of its ports)` : reasons(refusals);
    const fix = remedy(spec, listed && !spec.range);
    if (spec.contiguous)
        return new AllocationError(`No block of ${spec.count} consecutive free ports in ${where(spec)}${why}: ${fix}`);
    const asked = `${found} of the ${plural(spec.count, 'port')} asked for ${found === 1 || spec.count === 1 ? 'is' : 'are'}`;
    const place = spec.preferOnly ? `among the preferred ports` : `in ${where(spec)}`;
    return new AllocationError(`Only ${asked} free ${place}${why}: ${fix}`);
}
function gaveUp(spec, chosen, refusals, rounds) {
    const found = chosen.flatMap((c) => c.ports).length;
    const seconds = (spec.timeLimitMs / 1000).toFixed(1);
    const bound = rounds >= MAX_ROUNDS ? `${rounds} rounds` : `${seconds} s`;
    return new AllocationError(`Gave up after ${bound} with ${found} of the ${spec.count} ports asked for in ${where(spec)}${reasons(refusals)}: ${remedy(spec, false)}`);
}
/** Other programs took the same ports between their check and their reservation, too many times. */
function lostTooOften(lost, vocabulary) {
    return new AllocationError(`Another program took ports ${lost.join(' ')} between their check and their reservation, ${MAX_REDRAWS} times in a row; ${retry(vocabulary)}`);
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
/** Every excluded range for the protocols asked, IPv4 and IPv6 alike (each has its own list). */
async function windowsExcludedPorts(protocols, run = runToolAsync) {
    const queries = protocols.flatMap((protocol) => ['ipv4', 'ipv6'].map((family) => ['interface', family, 'show', 'excludedportrange', `protocol=${protocol}`]));
    const outputs = await Promise.all(queries.map((args) => run(system_tools_systemTool('netsh', 'win32'), args).catch(() => '')));
    return new PortSet(outputs.flatMap(parseExcludedRanges));
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
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
    const covers = (wildcard, host) => host !== wildcard && (wildcard === '::' || (wildcard === '0.0.0.0' && external_node_net_default().isIPv4(host)));
    const covered = unique.filter((host) => unique.some((other) => covers(other, host)));
    return { bind: unique.filter((host) => !covered.includes(host)), covered };
}
/** Every address of this machine, in canonical spelling, with the two wildcards. */
function hosts_localAddresses() {
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
function bindPairs(protocols, hosts, platform = process.platform, hasIpv6 = () => [...hosts_localAddresses()].some((a) => a !== '::' && external_node_net_default().isIPv6(a))) {
    const bound = hosts.length ? hosts : [EVERY_ADDRESS];
    const pairs = protocols.flatMap((protocol) => bound.map((host) => ({ protocol, host })));
    const dualStackTcp = pairs.some((p) => p.protocol === 'tcp' && (p.host === EVERY_ADDRESS || p.host === '::'));
    if (platform !== 'darwin' || !dualStackTcp || !hasIpv6())
        return pairs;
    return [{ protocol: 'tcp', host: '0.0.0.0' }, ...pairs];
}

;// CONCATENATED MODULE: ./src/allocator/taken.ts

const NOTHING_TAKEN = { leased: new Map(), listed: new PortSet(), shielded: new PortSet() };
/**
 * The addresses whose bind(0) the loopback TIME_WAIT entries and holder connections keep
 * off a port. Measured on Linux 6.18: a bind(0) on 127.0.0.2 or another address of the
 * machine gets such ports all the same.
 */
const SHIELDED_HOSTS = new Set(['', '::', '0.0.0.0', '127.0.0.1', '::1']);
/**
 * The leased ports the kernel's own choice (bind to port 0) could return for a bind on
 * one of `pairs`: not on the reserved-port list, and not shielded for that protocol and address.
 */
function exposedPorts(taken, pairs) {
    const shielded = (pair, port) => pair.protocol === 'tcp' && SHIELDED_HOSTS.has(pair.host) && taken.shielded.has(port);
    return [...taken.leased.keys()].filter((port) => !taken.listed.has(port) && pairs.some((pair) => !shielded(pair, port)));
}

;// CONCATENATED MODULE: ./src/allocator/request.ts







/** Gives up after this long (ms) by default: a request that cannot be met ends in an error, never a hang. */
const DEFAULT_TIME_LIMIT_MS = 10_000;
/**
 * The request worked out once per allocation: the (protocol, address) pairs to bind,
 * every exclusion (the caller's, the system's lists where explicit binds could hit them,
 * and the Fetch standard's bad ports except those preferred one by one), the preferred
 * ports in order. @throws PortZeroError for a count that is not a whole number of at least 1.
 */
async function resolveRequest(options) {
    if (!Number.isInteger(options.count) || options.count < 1) {
        throw new PortZeroError(`count must be a whole number of at least 1, got ${options.count}`);
    }
    // A host list that can never be bound together ("0.0.0.0 ::") would refuse every port: fold it.
    const plan = planHosts(options.hosts ?? []);
    const protocols = options.protocols?.length ? [...new Set(options.protocols)] : ['tcp'];
    const asked = options.exclude ?? new PortSet();
    const system = await systemExclusions(options, protocols);
    // A bad port named on its own among the preferred ones was asked for by number: the only way to get one.
    const named = PortSet.of((options.prefer ?? []).filter((r) => r.low === r.high).map((r) => r.low));
    const bad = new PortSet(BAD_PORT_SET.ranges.filter((r) => !named.has(r.low)));
    const exclude = asked.union(system).union(bad);
    const vocabulary = options.vocabulary ?? ACTION_VOCABULARY;
    return {
        count: options.count,
        protocols,
        pairs: bindPairs(protocols, plan.bind),
        covered: plan.covered,
        range: options.range,
        exclude,
        asked,
        system,
        preferred: preferredOrder(options, exclude),
        preferOnly: options.preferOnly ?? false,
        contiguous: options.contiguous ?? false,
        claim: options.claim,
        protect: options.protect,
        taken: options.taken ?? (() => NOTHING_TAKEN),
        leasedRefusal: (holder) => (holder === 'caller' ? vocabulary.ownLease : 'leased by another job'),
        confirmLoopback: options.confirmLoopback ?? process.platform !== 'linux',
        timeLimitMs: options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS,
        vocabulary,
        probeForeign: process.platform === 'linux' && protocols.includes('tcp'),
    };
}
/**
 * What the system keeps from ports chosen by number (a range, a block, preferred ports):
 * Windows' excluded ranges and Linux's reserved-port list. Port 0 avoids both, so the
 * kernel's own choice needs neither (and Windows' netsh is not run for it).
 */
async function systemExclusions(options, protocols) {
    const byNumber = options.range !== undefined || options.contiguous === true || (options.prefer?.length ?? 0) > 0;
    if (!byNumber)
        return new PortSet();
    if (process.platform === 'win32')
        return windowsExcludedPorts(protocols);
    if (process.platform === 'linux')
        return readReservedPorts();
    return new PortSet();
}
/** The preferred ports in the order given, each once, without the excluded ones. */
function preferredOrder(options, exclude) {
    const ports = new Set();
    for (const { low, high } of options.prefer ?? [])
        for (let port = low; port <= high; port++)
            if (!exclude.has(port))
                ports.add(port);
    return [...ports];
}

;// CONCATENATED MODULE: ./src/allocator/candidate.ts


/** The most binds one round of a source makes at once. */
const MAX_ROUND = 1024;
function describePair(pair) {
    return `${pair.protocol} on ${pair.host || 'every address'}`;
}
/**
 * Binds `port` on every pair, holding what succeeds. Port 0 lets the first bind
 * choose. Resolves with a refused candidate when the port is taken somewhere;
 * rejects on any other error (the kernel out of ephemeral ports, an address the
 * machine lacks), having closed what it bound.
 */
async function bindEverywhere(spec, port) {
    const [head, ...rest] = spec.pairs;
    const first = await bind(head.protocol, head.host, port).catch((error) => {
        if (port !== 0 && isBusy(error))
            return undefined;
        throw explain(error, head.host, port);
    });
    if (!first)
        return { ports: [port], held: [], free: false, refusal: `taken for ${describePair(head)}` };
    if (rest.length === 0)
        return { ports: [first.port], held: [first], free: true }; // the usual case: TCP, every address
    const others = await Promise.allSettled(rest.map((p) => bind(p.protocol, p.host, first.port)));
    const held = [first, ...fulfilled(others)];
    const failure = rejected(others).find((e) => !isBusy(e));
    if (failure) {
        await closeAll(held);
        throw explain(failure, '', first.port);
    }
    const refusedOn = rest.find((_, i) => others[i].status === 'rejected');
    return { ports: [first.port], held, free: !refusedOn, refusal: refusedOn && `taken for ${describePair(refusedOn)}` };
}
/** bind(0) failed because the kernel has no ephemeral port left to give on that address. */
class EphemeralExhausted extends AllocationError {
    name = 'EphemeralExhausted';
}
function explain(error, host, port) {
    const code = error?.code;
    if (code === 'EADDRNOTAVAIL')
        return new AllocationError(`Address ${host || 'asked for'} is not an address of this machine`);
    if (port === 0 && (code === 'EADDRINUSE' || code === 'EAGAIN')) {
        return new EphemeralExhausted('The kernel has no free ephemeral port left');
    }
    return error instanceof Error ? error : new Error(String(error));
}
function fulfilled(results) {
    return results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
}
function rejected(results) {
    return results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
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
/** The ports of `ranges` in random order: lowest-first would make concurrent jobs collide on the same low ports. */
function shuffled(ranges) {
    const ports = [];
    for (const range of ranges)
        for (let p = range.low; p <= range.high; p++)
            ports.push(p);
    for (let i = ports.length - 1; i > 0; i--) {
        const j = Math.floor(Math.random() * (i + 1));
        [ports[i], ports[j]] = [ports[j], ports[i]];
    }
    return ports;
}

;// CONCATENATED MODULE: ./src/allocator/sources.ts




/** Why a port the probe found in use is refused. */
const FOREIGN = 'in use by another socket (bound, listening, connected or in TIME_WAIT)';
/**
 * The kernel picks (bind to port 0); every proposal stays bound, so it never
 * offers the same port twice. When the kernel runs out of ephemeral ports, or
 * keeps proposing excluded ones, the search goes on with `explicit(tried)`
 * over what is left, keeping what this source has found so far.
 */
function kernelSource(spec, explicit) {
    let size = 0;
    let excluded = 0;
    const tried = [];
    let next;
    return async (remaining) => {
        if (next)
            return next(remaining);
        // When proposals keep being refused (leased, excluded), draw more at once instead of a few per round.
        size = size === 0 ? remaining : Math.min(Math.max(size * 2, remaining), MAX_ROUND);
        const results = await Promise.allSettled(Array.from({ length: size }, () => bindEverywhere(spec, 0)));
        const found = fulfilled(results);
        const failure = rejected(results).find((e) => !(e instanceof EphemeralExhausted));
        if (failure) {
            await closeAll(found.flatMap((c) => c.held));
            throw failure;
        }
        for (const c of found) {
            tried.push(c.ports[0]);
            if (spec.exclude.has(c.ports[0]))
                excluded++;
        }
        const leased = spec.taken().leased;
        const onLease = found.filter((c) => leased.has(c.ports[0]));
        // A leased port the kernel proposed anyway (its lease appeared since the search began) is let go at
        // once, before anything else, and the rest of the search skips leased ports by drawing them itself.
        if (onLease.length)
            await closeAll(onLease.flatMap((c) => c.held));
        // Every excluded proposal stays bound and each later bind(0) walks past it: past a few, search directly.
        if (found.length < size || excluded > spec.count + 64 || onLease.length)
            next = explicit(tried);
        return found.map((c) => (leased.has(c.ports[0]) ? refusedAsLeased(spec, c.ports, leased) : c));
    };
}
/** An unbound refused candidate for `ports`, at least one of which `leased` holds. */
function refusedAsLeased(spec, ports, leased) {
    const holders = ports.map((p) => leased.get(p)).filter((h) => h !== undefined);
    return { ports, held: [], free: false, refusal: spec.leasedRefusal(holders.includes('other') ? 'other' : 'caller') };
}
/**
 * Pauses (ms) before each further pass over the ports a pass found in use. Another
 * allocator drawing from the same range holds each port it tries only while it judges
 * it (and the ports it drew beyond its need until it ends): a port refused for that
 * alone is free again a moment later, and one pass would lose it for good.
 */
const RETRY_PAUSES_MS = [20, 80];
/**
 * Explicit binds over `search` minus `exclude` and `skip`, in random order. Ports the
 * probe finds in use are refused unbound, and refused ports are closed at once: a range
 * is walked once, so nothing needs steering away. Ports found in use are tried again
 * after the walk, twice at most (see RETRY_PAUSES_MS), and only the last try's refusals
 * are reported, so each port is counted once.
 */
function rangeSource(spec, search, probe, skip = new PortSet()) {
    let order = shuffled(spec.exclude.union(skip).complementIn(search));
    let inUse = [];
    let pass = 0;
    let size = 0;
    return async (remaining) => {
        if (order.length === 0 && inUse.length > 0 && pass < RETRY_PAUSES_MS.length) {
            await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSES_MS[pass++]));
            order = shuffled(inUse.map((p) => ({ low: p, high: p })));
            inUse = [];
        }
        if (order.length === 0)
            return undefined;
        size = size === 0 ? remaining : Math.min(Math.max(size * 2, remaining), MAX_ROUND);
        const drawn = order.splice(-size);
        // Leased ports are never bound, nor probed: asked again each round, since a lease may appear at any time.
        const leased = spec.taken().leased;
        const ports = drawn.filter((p) => !leased.has(p));
        const foreign = await foreignPorts(spec, probe, ports, spec.range === undefined);
        const batch = await settleAll(ports.filter((p) => !foreign.has(p)).map((port) => bindEverywhere(spec, port)));
        await closeAll(batch.filter((c) => !c.free).flatMap((c) => c.held));
        const onLease = drawn.filter((p) => leased.has(p));
        if (pass < RETRY_PAUSES_MS.length) {
            inUse.push(...foreign, ...onLease, ...batch.filter((c) => !c.free).flatMap((c) => c.ports));
            return batch.filter((c) => c.free);
        }
        const refused = [...foreign].map((port) => ({ ports: [port], held: [], free: false, refusal: FOREIGN }));
        const leasedOnes = onLease.map((port) => refusedAsLeased(spec, [port], leased));
        return [...batch.map((c) => (c.free ? c : { ...c, held: [] })), ...refused, ...leasedOnes];
    };
}
/**
 * Random blocks of `count` consecutive ports until one is wholly free. Every
 * port found busy (excluded, in use, refused by a bind) rules out each block
 * that contains it; after the first refused block every socket the kernel
 * lists is learned at once (/proc on Linux). So a range with no such block ends after a few rounds instead
 * of trying every base.
 */
function blockSource(spec, search, probe, skip = new PortSet()) {
    const emulateKernel = spec.range === undefined;
    let busy = spec.exclude.union(skip);
    const learn = (ports) => (busy = busy.union(PortSet.of(ports)));
    let surveyed = false;
    let leaseTold = false;
    // One look at every socket the kernel lists, after the first refused block: cheaper than any more blocks.
    const survey = () => {
        if (surveyed)
            return;
        surveyed = true;
        const files = [...new Set(spec.pairs.map((p) => p.protocol))].flatMap((p) => [p, `${p}6`]);
        const states = socketStates(files);
        learn([...states].filter(([, seen]) => emulateKernel || !onlyTimeWait(seen)).map(([port]) => port));
    };
    return async () => {
        const leased = spec.taken().leased;
        const base = randomBase(busy.union(PortSet.of(leased.keys())).complementIn(search), spec.count);
        if (base === undefined) {
            const told = leaseTold;
            leaseTold = true;
            return told ? undefined : leasedBlock(spec, search, busy, leased);
        }
        const ports = Array.from({ length: spec.count }, (_, i) => base + i);
        const foreign = await foreignPorts(spec, probe, ports, emulateKernel);
        if (foreign.size > 0) {
            learn(foreign);
            survey();
            return [{ ports, held: [], free: false, refusal: FOREIGN }];
        }
        const parts = await settleAll(ports.map((port) => bindEverywhere(spec, port)));
        const held = parts.flatMap((p) => p.held);
        if (parts.every((p) => p.free))
            return [{ ports, held, free: true }];
        await closeAll(held);
        const refused = parts.filter((p) => !p.free);
        learn(refused.map((p) => p.ports[0]));
        survey();
        return [{ ports, held: [], free: false, refusal: refused[0].refusal }];
    };
}
/**
 * When no block is free of leases, whether one would be without them: one refused
 * candidate saying a lease is in the way (so the error names leases), then the end.
 */
function leasedBlock(spec, search, busy, leased) {
    const base = randomBase(busy.complementIn(search), spec.count);
    if (base === undefined)
        return undefined;
    const ports = Array.from({ length: spec.count }, (_, i) => base + i);
    const hit = ports.filter((p) => leased.has(p));
    return hit.length ? [refusedAsLeased(spec, ports, leased)] : undefined;
}
/** A base chosen uniformly among those whose whole block lies in one of `runs`; undefined when none fits. */
function randomBase(runs, count) {
    const bases = runs.map((r) => Math.max(0, r.high - r.low + 2 - count));
    let pick = Math.floor(Math.random() * bases.reduce((a, b) => a + b, 0));
    for (let i = 0; i < runs.length; i++) {
        if (pick < bases[i])
            return runs[i].low + pick;
        pick -= bases[i];
    }
    return undefined;
}
/**
 * The ports of `ports` the probe finds in use for any TCP pair. An explicit
 * `range` (`emulateKernel` false) keeps ports that are only in TIME_WAIT, as a
 * SO_REUSEADDR server binds them; a search standing in for the kernel's own
 * choice skips them, as bind(0) does: TIME_WAIT is what keeps it off other
 * jobs' reserved ports.
 */
async function foreignPorts(spec, probe, ports, emulateKernel) {
    const found = new Set();
    for (const pair of spec.pairs) {
        if (pair.protocol !== 'tcp')
            continue;
        for (const port of await probe.busy(pair.host, ports))
            found.add(port);
    }
    if (emulateKernel || found.size === 0)
        return found;
    const states = socketStates(['tcp', 'tcp6']);
    return new Set([...found].filter((port) => !onlyTimeWait(states.get(port))));
}
/**
 * Preferred ports, in the order given (already without the excluded ones), bound by
 * number as many at a time as are still needed; a port in use or leased is skipped
 * unbound, never retried. Ports only in TIME_WAIT count as free, as for a `range`: a
 * SO_REUSEADDR server binds them at once. Once the list is walked, `then` (the usual
 * draw) serves the rest; without it, nothing is left to try.
 */
function preferSource(spec, preferred, probe, then) {
    const order = [...preferred];
    return async (remaining) => {
        if (order.length === 0)
            return then?.(remaining);
        const drawn = order.splice(0, remaining);
        const leased = spec.taken().leased;
        const ports = drawn.filter((p) => !leased.has(p));
        const foreign = await foreignPorts(spec, probe, ports, false);
        const batch = await settleAll(ports.filter((p) => !foreign.has(p)).map((port) => bindEverywhere(spec, port)));
        await closeAll(batch.filter((c) => !c.free).flatMap((c) => c.held));
        const refused = [...foreign].map((port) => ({ ports: [port], held: [], free: false, refusal: FOREIGN }));
        const leasedOnes = drawn.filter((p) => leased.has(p)).map((port) => refusedAsLeased(spec, [port], leased));
        // In the order given: the judge takes free candidates from the front.
        const byPort = new Map([...batch.map((c) => (c.free ? c : { ...c, held: [] })), ...refused, ...leasedOnes].map((c) => [c.ports[0], c]));
        return drawn.map((port) => byPort.get(port));
    };
}

;// CONCATENATED MODULE: ./src/allocator/allocate-ports.ts












/**
 * Binds the whole batch, holds every socket until all ports are known, then
 * closes them all, so no port can be handed out twice within the batch. Ports lost
 * during the reservation are drawn again (a contiguous block as a whole).
 *
 * Every request ends: each source walks a finite space (see sources.ts), and
 * the search stops after `timeLimitMs` or MAX_ROUNDS rounds, whichever comes
 * first. Throws AllocationError naming what refused the ports and what to
 * change; PortZeroError for a bad count; the socket error for anything else.
 */
async function allocatePorts(options) {
    let { allocation, lost } = await allocateOnce(options);
    let seen = PortSet.of(allocation.ports);
    for (let round = 1; lost.length > 0; round++) {
        if (round > MAX_REDRAWS) {
            throw lostTooOften(lost, options.vocabulary ?? ACTION_VOCABULARY);
        }
        const exclude = (options.exclude ?? new PortSet()).union(seen);
        const again = await allocateOnce({ ...options, exclude, count: options.contiguous ? options.count : lost.length });
        seen = seen.union(PortSet.of(again.allocation.ports));
        const fresh = [...again.allocation.ports];
        const ports = options.contiguous ? fresh : allocation.ports.map((p) => (lost.includes(p) ? fresh.shift() : p));
        ({ allocation, lost } = { allocation: { ...allocation, ports }, lost: again.lost });
    }
    return allocation;
}
async function allocateOnce(options) {
    const spec = await resolveRequest(options);
    const deadline = Date.now() + spec.timeLimitMs;
    const chosen = [];
    const skipped = [];
    const refusals = new Map();
    const probe = new ForeignBinds(spec.probeForeign, deadline);
    try {
        const source = chooseSource(spec, probe);
        for (let round = 0; chosen.length < spec.count && !(spec.contiguous && chosen.length > 0); round++) {
            if (Date.now() > deadline || round >= MAX_ROUNDS)
                throw gaveUp(spec, chosen, refusals, round);
            const batch = await source(spec.count - chosen.length);
            if (!batch)
                break;
            await judge(spec, batch, chosen, skipped, refusals);
        }
        const ports = chosen.flatMap((c) => c.ports);
        if (ports.length < spec.count)
            throw shortfall(spec, ports.length, refusals);
        // Refused ports only steered the search: free them before reserving, whose loopback clients need ephemeral ports.
        await closeAll(skipped.splice(0));
        const lost = spec.protect ? await spec.protect(chosen.flatMap((c) => c.held)) : [];
        const bound = chosen[0].held.map((h) => h.host); // what "every address" turned out to be here
        return { allocation: { ports, hosts: [...new Set(bound)], protocols: spec.protocols }, lost };
    }
    finally {
        probe.close();
        await closeAll([...skipped, ...chosen.flatMap((c) => c.held)]);
    }
}
/**
 * Preferred ports first, when asked, then the usual draw (unless only preferred ports
 * may be handed out): the kernel's choice by default; explicit search where it cannot
 * serve: a `range`, a block, an `exclude` covering much of the ephemeral range (every
 * excluded proposal would stay bound, and each later bind(0) walks past all of them), or
 * leased ports the kernel could return (see exposedPorts).
 */
function chooseSource(spec, probe) {
    if (spec.preferred.length)
        return preferSource(spec, spec.preferred, probe, spec.preferOnly ? undefined : drawSource(spec, probe));
    return drawSource(spec, probe);
}
function drawSource(spec, probe) {
    if (spec.range)
        return (spec.contiguous ? blockSource : rangeSource)(spec, spec.range, probe);
    // Read only where it decides something: on Windows it costs a netsh run.
    let read;
    const ephemeral = () => (read ??= ephemeralRange());
    // What the kernel's own choice skips and an explicit bind does not see: the reserved list.
    const reserved = () => readReservedPorts();
    if (spec.contiguous)
        return blockSource(spec, ephemeral(), probe, reserved());
    const explicit = (tried) => rangeSource(spec, ephemeral(), probe, reserved().union(PortSet.of(tried)));
    // The caller's own exclusions may cover much of the range; the bad ports alone never do (they lie below 10081, a few a range).
    const excludedShare = spec.asked.size === 0 ? 0 : 1 - spec.exclude.countOutside(ephemeral()) / rangeSize(ephemeral());
    // A leased port that bind(0) could return would be bound before its lease is seen: draw past them instead.
    const leased = exposedPorts(spec.taken(), spec.pairs);
    const exposed = leased.length > 0 && leased.some((port) => port >= ephemeral().low && port <= ephemeral().high);
    return excludedShare >= 0.25 || exposed ? explicit([]) : kernelSource(spec, explicit);
}
/**
 * Sorts a batch into chosen and skipped, counting why each refused one was
 * refused. Skipped sockets stay bound until the end, so the kernel cannot offer
 * those ports again; so do any not needed. The free candidates are taken in
 * order, as many as are still needed at a time: confirmed (off Linux), then
 * claimed in one call; those refused make room for the next ones.
 */
async function judge(spec, batch, chosen, skipped, refusals) {
    const settled = new Set();
    const refuse = (candidate, why) => {
        settled.add(candidate);
        skipped.push(...candidate.held);
        if (why)
            refusals.set(why, (refusals.get(why) ?? 0) + candidate.ports.length);
    };
    const pool = [];
    for (const candidate of batch) {
        const why = !candidate.free
            ? (candidate.refusal ?? 'taken')
            : candidate.ports.some((p) => spec.exclude.has(p))
                ? 'excluded'
                : undefined;
        if (why)
            refuse(candidate, why);
        else
            pool.push(candidate);
    }
    try {
        for (let needed = stillNeeded(spec, chosen); needed > 0 && pool.length > 0; needed = stillNeeded(spec, chosen)) {
            const taken = takeUpTo(pool, needed);
            if (taken.length === 0)
                break; // nothing left that fits
            const wanted = spec.confirmLoopback ? await confirmed(spec, taken, refuse) : taken;
            const verdicts = spec.claim && wanted.length ? await spec.claim(wanted.map((c) => c.ports)) : wanted.map(() => 'granted');
            wanted.forEach((candidate, i) => {
                if (verdicts[i] === 'granted')
                    chosen.push(candidate);
                else
                    refuse(candidate, spec.leasedRefusal(verdicts[i] === 'leased-by-caller' ? 'caller' : 'other'));
            });
            for (const candidate of wanted)
                settled.add(candidate);
        }
    }
    finally {
        // Not needed, or left unjudged by a failure: still ours to close.
        for (const candidate of batch)
            if (!settled.has(candidate))
                refuse(candidate, undefined);
    }
}
/** How many more ports the request needs; a block is complete once one is chosen. */
function stillNeeded(spec, chosen) {
    return spec.count - chosen.reduce((n, c) => n + c.ports.length, 0);
}
/** Removes from the front of `pool` the candidates that fit in `ports` ports, in order. */
function takeUpTo(pool, ports) {
    const taken = [];
    for (let i = 0; i < pool.length && ports > 0;) {
        if (pool[i].ports.length > ports)
            i++;
        else {
            ports -= pool[i].ports.length;
            taken.push(...pool.splice(i, 1));
        }
    }
    return taken;
}
/** Loopback connections in flight at once while confirming: each needs a source port. */
const CONFIRM_CHUNK = 64;
/** The candidates that nothing else holds on a loopback or listed address; `refuse` gets the others. */
async function confirmed(spec, wanted, refuse) {
    const kept = [];
    for (let i = 0; i < wanted.length; i += CONFIRM_CHUNK) {
        const chunk = wanted.slice(i, i + CONFIRM_CHUNK);
        const results = await Promise.all(chunk.map((c) => confirmAll(spec, c)));
        chunk.forEach((c, j) => (results[j] ? kept.push(c) : refuse(c, 'taken on a loopback or listed address')));
    }
    return kept;
}
/** Each port of the candidate (a block has several) with every socket of ours on it. */
async function confirmAll(spec, candidate) {
    const byPort = Map.groupBy(candidate.held, (h) => h.port);
    const results = await Promise.all([...byPort.values()].map((held) => confirmPort(held, spec.covered)));
    return results.every(Boolean);
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
const PSEUDO_PATHS = [
    ['/proc', 'procfs'],
    ['/sys', 'sysfs'],
];
/**
 * The kernel pseudo-filesystem `file` is on (`'procfs'`), or undefined when it is on a
 * real one: by the statfs type of `file` or of its nearest existing ancestor, which a
 * bind mount or a link elsewhere cannot hide, and by its absolute path. Never on Windows,
 * which has none (and where `C:\proc` is an ordinary folder anyone may create).
 */
function pseudoFilesystem(file) {
    if (process.platform === 'win32')
        return undefined;
    const absolute = external_node_path_default().resolve(file);
    const byPath = PSEUDO_PATHS.find(([root]) => absolute === root || absolute.startsWith(`${root}/`));
    if (byPath)
        return byPath[1];
    for (let dir = absolute;; dir = external_node_path_default().dirname(dir)) {
        try {
            return PSEUDO_TYPES.get(Number(external_node_fs_default().statfsSync(dir).type));
        }
        catch {
            if (dir === external_node_path_default().dirname(dir))
                return undefined;
        }
    }
}
function below(dir, file) {
    const relative = external_node_path_default().relative(dir, file);
    return relative !== '' && !relative.startsWith('..') && !external_node_path_default().isAbsolute(relative);
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
    const workdirs = [...new Set([external_node_path_default().resolve(workdir), external_node_fs_default().realpathSync(workdir)])];
    const absolute = external_node_path_default().resolve(workdir, dir);
    const pseudo = pseudoFilesystem(absolute);
    if (pseudo)
        throw new UnsafePathError(`${absolute} is on ${pseudo}, a kernel pseudo-filesystem`);
    const { root } = external_node_path_default().parse(absolute);
    let current = root;
    for (const part of absolute.slice(root.length).split((external_node_path_default()).sep).filter(Boolean)) {
        const next = external_node_path_default().join(current, part);
        let stat = lstatOrUndefined(next);
        if (!stat) {
            try {
                external_node_fs_default().mkdirSync(next);
            }
            catch (error) {
                if (error.code !== 'EEXIST')
                    throw error;
            }
            stat = external_node_fs_default().lstatSync(next); // checked after creating: something else may have raced us to the name
        }
        if (stat.isSymbolicLink()) {
            if (!trustedLink(next, stat, workdirs))
                throw new UnsafePathError(`${next} is a symbolic link`);
            current = external_node_fs_default().realpathSync(next);
            const leadsTo = pseudoFilesystem(current);
            if (leadsTo)
                throw new UnsafePathError(`${next} leads to ${current}, on ${leadsTo}, a kernel pseudo-filesystem`);
            if (!external_node_fs_default().statSync(current).isDirectory())
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
        return external_node_fs_default().lstatSync(file);
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
function safe_files_readRegularFile(file, maxBytes) {
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
    const fd = external_node_fs_default().openSync(file, (external_node_fs_default()).constants.O_WRONLY | (external_node_fs_default()).constants.O_CREAT | (external_node_fs_default()).constants.O_EXCL | NO_FOLLOW, mode ?? 0o666);
    try {
        try {
            if (mode !== undefined && process.platform !== 'win32')
                external_node_fs_default().fchmodSync(fd, mode);
            external_node_fs_default().writeFileSync(fd, data);
        }
        finally {
            external_node_fs_default().closeSync(fd);
        }
    }
    catch (error) {
        external_node_fs_default().rmSync(file, { force: true });
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
            external_node_fs_default().renameSync(from, to);
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
        external_node_fs_default().rmSync(temp, { force: true });
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
    const absolute = external_node_path_default().resolve(workdir, file);
    const dir = makeDirectories(external_node_path_default().dirname(absolute), workdir);
    const target = external_node_path_default().join(dir, external_node_path_default().basename(absolute));
    const existing = lstatOrUndefined(target);
    if (existing?.isSymbolicLink())
        throw new UnsafePathError(`${target} is a symbolic link`);
    if (existing && !existing.isFile())
        throw new UnsafePathError(`${target} is not a regular file`);
    const temp = external_node_path_default().join(dir, `.${external_node_path_default().basename(absolute)}.${process.pid}.${Date.now()}.tmp`);
    writeNewFile(temp, data);
    const abort = () => external_node_fs_default().rmSync(temp, { force: true });
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
    return windows ? external_node_os_default().userInfo().username.replace(/[^\w.-]/g, '_') : String(process.getuid());
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
function openLeaseDir(leaseDir, vocabulary = ACTION_VOCABULARY) {
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
        const stat = external_node_fs_default().lstatSync(root, { throwIfNoEntry: false });
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
            external_node_fs_default().mkdirSync(root, named ? 0o700 : 0o777);
        }
        catch (error) {
            if (code(error) !== 'EEXIST')
                throw new LeaseError(`it cannot be created (${code(error)})`);
        }
        stat = lstat(root);
        // Ours and new: make it shared whatever the umask; one someone else made is judged below.
        if (!named && stat?.isDirectory() && !windows && stat.uid === process.getuid()) {
            external_node_fs_default().chmodSync(root, 0o1777);
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
    const preferred = external_node_path_default().join(root, account);
    // Jobs of one account start together: one creates the directory, the others find it.
    if (createOwnDir(preferred) || ownDirProblem(preferred) === undefined)
        return shared(preferred);
    for (const name of external_node_fs_default().readdirSync(root)) {
        const dir = external_node_path_default().join(root, name);
        if (name.startsWith(`${account}.`) && ownDirProblem(dir) === undefined)
            return shared(dir);
    }
    const alternative = external_node_path_default().join(root, `${account}.${process.pid}-${Date.now().toString(36)}`);
    if (createOwnDir(alternative))
        return shared(alternative);
    throw new LeaseError(`this account's directory in it cannot be created`);
}
/** True when `dir` was created now; false when the name exists already. */
function createOwnDir(dir) {
    try {
        external_node_fs_default().mkdirSync(dir, 0o755);
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
        external_node_fs_default().chmodSync(dir, 0o755);
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
function lease_location_assertOwnDir(dir) {
    const problem = ownDirProblem(dir);
    if (problem)
        throw new LeaseError(`The lease directory ${dir} cannot be used: ${problem}`);
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
function leaseDirs(location) {
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
        throw new LeaseError(`it cannot be read (${code(error)})`);
    }
}
function code(error) {
    return error.code ?? String(error);
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
const lease_record_isLeaseFile = (name) => lease_record_RECORD_FILE.test(name) || legacyLeasePort(name) !== undefined;
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
function lease_record_readRecord(file) {
    let read;
    try {
        read = safe_files_readRegularFile(file, MAX_RECORD_BYTES);
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
        return error.code === 'EPERM' && process_identity_processStart(owner.pid) === null;
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
        const token = lease_record_recordToken(name);
        const legacy = token === undefined ? legacyLeasePort(name) : undefined;
        if (token !== undefined ? token === claimant?.owner.token : legacy === undefined || (wanted && !wanted.has(legacy)))
            continue;
        const read = lease_record_readRecord(external_node_path_default().join(dir, name));
        if (read.kind !== 'record')
            continue;
        const ports = lease_record_leaseFilePorts(read, name).filter((port) => !wanted || wanted.has(port));
        if (ports.length === 0 || !lease_record_judgeRecord(read.record, read.changed).live)
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
    for (const dir of leaseDirs(location)) {
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
        const stat = external_node_fs_default().lstatSync(dir, { bigint: true });
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

;// CONCATENATED MODULE: ./src/leases/lease-book.ts








/** The leases of one allocation: claims ports in batches, and gives them all back if the allocation fails. */
class LeaseBook {
    location;
    owner;
    base;
    claimed = new Set();
    file;
    written = 0;
    /** The owner is this very process (the library): a record need not say "pending", since it ends with this process either way. */
    selfOwned;
    /** What the record says now, so that a commit that changes nothing writes nothing. */
    published = '';
    /**
     * Publishes the allocation's record, with no ports yet, so an unusable directory shows
     * before any port is bound; not where this process owns its leases itself (the
     * library), where the first claim shows it as soon. @throws LeaseError when this
     * account's directory cannot be written.
     */
    constructor(options) {
        this.location = options.location;
        this.owner = options.owner;
        const allocator = thisProcess();
        this.selfOwned = lease_reader_sameProcess(options.owner.runner, allocator);
        this.base = {
            version: 2,
            owner: options.owner,
            expires: Date.now() + options.ttlMs,
            ...(options.reservation === undefined ? {} : { reservation: options.reservation }),
            allocator,
            ...(pidNamespace() === undefined ? {} : { pidns: pidNamespace() }),
        };
        if (!this.selfOwned)
            this.publish(true, []);
    }
    /** The ports leased so far, in the order they were claimed. */
    get ports() {
        return [...this.claimed];
    }
    /**
     * Leases each group of ports whole, or not at all (a block is one group): resolves
     * with one verdict per group, refused where another live lease holds one of its ports
     * (saying whether that lease is the same caller's: its runner process is this book's).
     * One record write and one read of every account's directory, however many ports;
     * a second write only when some group was refused. Called while the ports' sockets are held.
     * @throws LeaseError when this account's directory cannot be written.
     */
    claim = async (groups) => {
        const asked = groups.flat();
        this.publish(!this.selfOwned, this.claimed.size ? [...this.claimed, ...asked] : asked);
        const taken = leasedPorts(this.location, new Set(asked), { owner: this.owner, own: this.location.own });
        if (taken.size === 0) {
            // No other lease holds any of them (the usual case): every group is ours, with no work per group.
            for (const port of asked)
                this.claimed.add(port);
            return groups.map(() => 'granted');
        }
        const verdicts = groups.map((group) => verdictOn(group, taken));
        groups.forEach((group, i) => verdicts[i] === 'granted' && group.forEach((port) => this.claimed.add(port)));
        this.publish(!this.selfOwned, this.ports); // back off: the refused ports leave the record
        return verdicts;
    };
    /**
     * The allocation succeeded with `ports` (claimed ones; ports lost to another program
     * during the reservation are left out), handed out under `names` where the program
     * names them: the record now lists exactly these and outlives this process.
     * @throws LeaseError when the directory cannot be written.
     */
    commit(ports = this.ports, names) {
        this.claimed.clear();
        for (const port of ports)
            this.claimed.add(port);
        this.publish(false, ports, names);
    }
    /** The allocation failed, or its leases end now: no lease of it stays behind. */
    releaseAll() {
        this.claimed.clear();
        if (this.file)
            external_node_fs_default().rmSync(this.file, { force: true });
        this.file = undefined;
        this.published = '';
    }
    /** Writes the record anew, listing `ports`: a new file renamed over the record's one name. */
    publish(pending, ports, names) {
        const { own } = this.location;
        const record = {
            ...this.base,
            ports: formatPorts(ports),
            ...(pending ? { pending } : {}),
            ...(names ? { names: { ...names } } : {}),
        };
        const text = formatRecord(record);
        if (text === this.published && this.file)
            return; // a commit of what the claim wrote
        const file = external_node_path_default().join(own, lease_record_recordFileName(this.owner.token));
        try {
            lease_location_assertOwnDir(own);
            // Mode 0644 whatever the umask: every account reads every other's records.
            replaceThrough(external_node_path_default().join(own, tempFileName(this.owner.token, ++this.written)), file, text, 0o644);
        }
        catch (error) {
            throw new LeaseError(`The lease directory ${own} cannot be written: ${error.message}`);
        }
        this.file = file;
        this.published = text;
    }
}
let lease_book_self;
/** This process's identity, read once: it cannot change. */
function thisProcess() {
    return (lease_book_self ??= process_identity_identify(process.pid));
}
/** A group's verdict: granted when no lease holds any of its ports; else whose lease refuses it. */
function verdictOn(group, taken) {
    const holders = group.map((port) => taken.get(port));
    if (holders.includes('other'))
        return 'leased-by-other';
    return holders.includes('caller') ? 'leased-by-caller' : 'granted';
}

;// CONCATENATED MODULE: ./src/leases/lease-cleanup.ts







/** The lease files in this account's directory `own` (records, and 1.0.0's port files), with what each says. */
function* ownLeases(own) {
    assertOwnDir(own);
    for (const name of fs.readdirSync(own)) {
        if (!isLeaseFile(name))
            continue;
        const file = path.join(own, name);
        yield { file, name, read: readRecord(file) };
    }
}
/** Removes every lease file of `own` that `owned` picks; returns the ports they held, ascending. */
function removeOwned(own, owned) {
    const held = new Set();
    for (const { file, name, read } of ownLeases(own)) {
        if (!owned(read))
            continue;
        fs.rmSync(file, { force: true });
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
function releaseOwnedBy(own, owner) {
    return removeOwned(own, (read) => read.kind === 'record' && sameProcess(read.record.owner.runner, owner));
}
/**
 * Tidies this account's directory `own`: removes leases that are stale or corrupt (each
 * file judged once), temporary files and 1.0.0's records of processes that are gone.
 * Returns the stale leases it removed, one entry per port.
 */
function sweepStale(own, warn) {
    lease_location_assertOwnDir(own);
    const names = external_node_fs_default().readdirSync(own);
    const stale = [];
    // 1.0.0 linked one record under many port names: each such file is read and judged once,
    // by file ID (bigint: NTFS file IDs are 64-bit). Only those: a record removed here frees
    // its file ID, and a record another job renames into place meanwhile may get it.
    const judged = new Map();
    for (const name of names.filter(lease_record_isLeaseFile)) {
        const file = external_node_path_default().join(own, name);
        // A record's read says itself when it is gone ('missing', judged live: left alone).
        const ino = legacyLeasePort(name) !== undefined ? external_node_fs_default().lstatSync(file, { bigint: true, throwIfNoEntry: false })?.ino : null;
        if (ino === undefined)
            continue;
        const verdict = (ino !== null && judged.get(ino)) || judgeFile(lease_record_readRecord(file));
        if (ino !== null && !verdict.corrupt)
            judged.set(ino, verdict);
        if (verdict.live || !unlinkQuietly(file, warn))
            continue;
        if (verdict.corrupt)
            warn(`Removed a corrupt lease ${file} (${verdict.why})`);
        for (const port of lease_record_leaseFilePorts(verdict.read, name))
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
        const read = lease_record_readRecord(file);
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
    const verdict = lease_record_judgeRecord(read.record, read.changed);
    return { read, live: verdict.live, why: verdict.live ? '' : verdict.why, reservation: read.record.reservation };
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
function secretToken() {
    const { randomBytes } = process.getBuiltinModule('node:crypto');
    return randomBytes(24).toString('base64url');
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
const ENVIRON_BYTES = (/* unused pure expression or super */ null && (4 * 2 ** 20));
/** Reads at most `limit` bytes of a /proc file; null when it cannot be read (gone, another account's). */
function readCapped(file, limit) {
    let fd;
    try {
        fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    }
    catch {
        return null;
    }
    try {
        const chunks = [];
        let total = 0;
        while (total < limit) {
            const chunk = Buffer.alloc(Math.min(65536, limit - total));
            const n = readSync(fd, chunk, 0, chunk.length, null);
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
        closeSync(fd);
    }
}
/** The fields of /proc/PID/stat after the command name (which may hold spaces and parentheses): state first. */
function statFields(pid) {
    const stat = readCapped(`/proc/${pid}/stat`, 4096)?.toString('latin1');
    const end = stat?.lastIndexOf(')') ?? -1;
    return stat && end > 0 ? stat.slice(end + 2).split(' ') : null;
}
/** The parent's pid (field 4 of /proc/PID/stat); null when gone, or for pid 1 and kernel threads (parent 0). */
function process_facts_parentPid(pid) {
    const parent = Number(statFields(pid)?.[1]);
    return Number.isInteger(parent) && parent > 0 ? parent : null;
}
/**
 * The command line, its arguments joined by spaces and cut to 200 characters; for a
 * process without one (a kernel thread, a zombie) its name in brackets, as ps shows it.
 * Null when gone. Control characters are replaced, so a message cannot be forged with it.
 */
function commandLine(pid) {
    const args = process_facts_commandArgs(pid);
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
function process_facts_commandArgs(pid) {
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
function process_facts_accountName(uid) {
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
        return process.getuid?.() === uid ? userInfo().username : null;
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
function processParents(platform = process.platform, run = runTool) {
    try {
        if (platform === 'darwin') {
            const env = { LC_ALL: 'C', PATH: '/usr/bin:/bin' };
            return parsePidPairs(run(systemTool('ps', 'darwin'), ['-A', '-o', 'pid=,ppid='], env));
        }
        if (platform === 'win32') {
            const script = 'Get-CimInstance Win32_Process | ForEach-Object { "$($_.ProcessId) $($_.ParentProcessId)" }';
            return parsePidPairs(run(systemTool('powershell', 'win32'), ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', script]));
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
function process_facts_processTable(platform = process.platform, run = runTool) {
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
function windowsImageName(pid, run = runTool) {
    try {
        const out = run(systemTool('tasklist', 'win32'), ['/fo', 'csv', '/nh', '/fi', `PID eq ${pid}`]);
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
        const parent = parents ? parents.get(last) : process_facts_parentPid(last);
        if (!parent || parent === last || chain.includes(parent))
            break;
        chain.push(parent);
    }
    return chain;
}

;// CONCATENATED MODULE: ./src/leases/lease-owner.ts





/** The host's name, read once per process: os.hostname() is a system call each time. */
let hostname;
/**
 * A new allocation's owner: a fresh token, unique across processes and hosts (see
 * uniqueId; not a secret), the workflow run and job it serves, and `runner`, the process
 * whose exit ends its leases. A runner that could not be seen (pid 0, see `unseen`) is
 * stood in for by the job's RUNNER_TRACKING_ID, which tells its steps from other jobs'.
 */
function newOwner(runner, env = process.env) {
    const tracking = unseen(runner) ? env.RUNNER_TRACKING_ID?.slice(0, 200) : undefined;
    return {
        token: uniqueId(),
        run: [env.GITHUB_REPOSITORY, env.GITHUB_RUN_ID, env.GITHUB_RUN_ATTEMPT].filter(Boolean).join('/') || 'local',
        job: env.GITHUB_JOB ?? 'local',
        runner,
        host: (hostname ??= external_node_os_default().hostname()),
        ...(tracking ? { tracking } : {}),
    };
}
const HOST_CALLER = { platform: process.platform, run: system_tools_runTool, env: process.env };
/**
 * The process that owns the local command's leases: the shell or script that ran it, so
 * its ports stay leased while that process lives. Usually the parent; a package runner in
 * between (`npx port-zero`, `npm exec`, an npm script, pnpm, yarn), with the script shell it
 * starts the command in (`sh -c`; Windows: `cmd.exe /d /s /c`) and a shell running its
 * launcher script (Git Bash's `npx`), exits at once, so it is looked past. Linux reads
 * each process from /proc; macOS and Windows from one listing of every process (`ps`;
 * Windows PowerShell, about 0.6 s), taken only when the environment shows that a package
 * runner started this process (it sets npm_lifecycle_event or npm_config_user_agent).
 */
function callerIdentity(facts = HOST_CALLER) {
    const pid = callerPid(process.ppid, facts);
    return facts === HOST_CALLER ? identify(pid) : identify(pid, { platform: facts.platform, run: facts.run });
}
/** The caller above `parent` (this process's parent), looked past any package runner as callerIdentity says. */
function callerPid(parent, facts = HOST_CALLER) {
    const table = processesOf(facts);
    if (!table)
        return parent;
    let pid = parent;
    // A few hops at most: Git Bash's npx script -> node npx-cli.js -> cmd.exe /d /s /c -> this process.
    for (let hop = 0; hop < 4; hop++) {
        const above = launcherParent(pid, table);
        if (above === undefined)
            break;
        pid = above;
    }
    return pid;
}
function processesOf(facts) {
    if (facts.platform === 'linux')
        return { parent: (pid) => parentPid(pid) ?? undefined, command: (pid) => commandArgs(pid) ?? undefined };
    if (facts.env.npm_lifecycle_event === undefined && facts.env.npm_config_user_agent === undefined)
        return undefined;
    const listed = processTable(facts.platform, facts.run);
    return {
        parent: (pid) => listed.get(pid)?.parent,
        command: (pid) => (listed.has(pid) ? splitCommand(listed.get(pid).command) : undefined),
    };
}
/** When `pid` is a package runner, or a script shell that one started, the process above it; else undefined. */
function launcherParent(pid, table) {
    const argv = table.command(pid);
    const parent = table.parent(pid);
    if (!argv?.length || parent === undefined || parent <= 0)
        return undefined;
    if (isPackageRunner(argv))
        return parent;
    const parentArgv = isScriptShell(argv) ? table.command(parent) : undefined;
    return parentArgv && isPackageRunner(parentArgv) ? parent : undefined;
}
/** A program's name without its folder and `.exe`, lower-cased: `C:\Program Files\nodejs\node.exe` is `node`. */
const programName = (arg) => (arg.trim().split(/[\\/]/).pop() ?? '').toLowerCase().replace(/\.exe$/, '');
const PACKAGE_RUNNER = /^(npm|npx|pnpm|yarn)(\.cmd|\.ps1)?$|^(npm|npx)-cli\.js$|^(pnpm|yarn)\.c?js$/;
/**
 * npm, npx, pnpm or yarn: the program itself, node running its script (`npm-cli.js`), a
 * shell running its launcher script, or npm under the name it gives itself ("npm exec").
 */
function isPackageRunner(argv) {
    return (argv.slice(0, 2).some((arg) => PACKAGE_RUNNER.test(programName(arg))) ||
        argv.slice(0, 2).some((arg) => /^np[mx] exec\b/.test(arg.trim())));
}
/** The shell a package runner starts a command in: `sh -c` (bash, dash), Windows' `cmd.exe /d /s /c`. */
function isScriptShell(argv) {
    const name = programName(argv[0]);
    if (name === 'cmd')
        return argv.slice(1, 4).some((arg) => arg.toLowerCase() === '/c');
    return ['sh', 'bash', 'dash'].includes(name) && argv[1] === '-c';
}
/**
 * A command line as its arguments: split at spaces outside double quotes, the quotes
 * removed. Enough to find the program and its first arguments in what ps and Windows
 * show (`"C:\Program Files\nodejs\node.exe" "C:\...\npx-cli.js" port-zero`).
 */
function splitCommand(line) {
    return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

;// CONCATENATED MODULE: ./src/protection/self-connect-child.ts



/** The loopback addresses the child can self-connect on, as it names them: 4 is 127.0.0.1, 6 is ::1. */
const CHILD_ADDRESSES = { '127.0.0.1': '4', '::1': '6' };
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
const self_connect_child_SCRIPT = String.raw `
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
}`;
/** Ports in one request: about 2 ms of the child's work, so it starts on the first while the caller closes the next. */
const CHILD_LINE = 128;
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
class SelfConnectChild {
    child;
    sent = [];
    constructor(program) {
        this.child = new LineChild(program, ['-e', self_connect_child_SCRIPT]);
    }
    /** Asks for a self-connection on each of `addresses` (keys of CHILD_ADDRESSES) from and to each port. */
    send(addresses, ports) {
        const families = addresses.map((a) => CHILD_ADDRESSES[a]);
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
    const address = Object.keys(CHILD_ADDRESSES).find((a) => CHILD_ADDRESSES[a] === String(family));
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
    const program = options.program === undefined ? (process.platform === 'linux' ? system_tools_systemTool('perl') : null) : options.program;
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
                if (!time_wait_judge(p.port, p.targets, failures.get(p.port) ?? []))
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
function loopbackFor(host) {
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
    return time_wait_judge(port, targeted, failures);
}
/**
 * False when a self-connection found the port taken (EADDRINUSE); true when every
 * required one succeeded and any optional one failed only for want of ::1 here.
 * @throws AllocationError for any other failure.
 */
function time_wait_judge(port, targeted, failures) {
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
        const socket = external_node_net_default().connect({ host: address, port, localAddress: address, localPort: port });
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
function timeWaitProtection() {
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
class KernelListError extends PortZeroError {
    name = 'KernelListError';
    /** True when the cause is a missing right to write (then another mechanism can take over). */
    notAllowed;
    constructor(message, notAllowed = false) {
        super(message);
        this.notAllowed = notAllowed;
    }
}
/** Whether this process may write the file itself (root, or CAP_NET_ADMIN in its namespace; not a read-only /proc/sys). */
function mayWriteDirectly(file = RESERVED_PORTS_FILE) {
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
function kernelListProtection(choice, log) {
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

;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./src/platform/packaged-programs.ts



/**
 * Where `program` is, seen from the module at `moduleUrl` (its import.meta.url): in a
 * bundle, dist/<program>/index.js beside it or one folder up (dist/index.js, dist/post,
 * dist/lib); running from src/, src/programs/<program>.ts.
 * @throws Error when none of them exists.
 */
function packagedProgram(program, moduleUrl) {
    const here = external_node_path_default().dirname((0,external_node_url_namespaceObject.fileURLToPath)(moduleUrl));
    const candidates = [
        external_node_path_default().join(here, program, 'index.js'),
        external_node_path_default().join(here, '..', program, 'index.js'),
        external_node_path_default().join(here, '..', 'programs', `${program}.ts`),
    ];
    const found = candidates.find((file) => (0,external_node_fs_namespaceObject.existsSync)(file));
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
            const identity = process.platform === 'win32' ? { pid: child.pid, start: null } : process_identity_identify(child.pid);
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
function holderProtection(context) {
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

;// CONCATENATED MODULE: ./src/protection/none.ts
/** No reservation: the ports are free for anyone once the allocation ends (their leases still keep Port Zero off them). */
function noProtection() {
    return {
        mode: 'none',
        protect: async () => [],
        settle: async () => { },
        describe: () => 'nothing',
        state: () => undefined,
        undo: async () => { },
    };
}

;// CONCATENATED MODULE: ./src/protection/choose-protection.ts




/** Every `reserve` setting, in the order the messages list them. */
const RESERVE_SETTINGS = ['auto', 'kernel', 'time-wait', 'holder', 'none'];
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
    if (ports.length === 0 || (route === 'direct' && !mayWriteDirectly()))
        return [];
    // Judged under the list's lock (on first use), where no job can lease and list a port unseen.
    let live;
    const keep = (port) => (live ??= liveLeasedPorts(root, ports)).has(port);
    return kernel_list_removeReservedPorts(ports, { sudo: route === 'sudo', keep });
}

;// CONCATENATED MODULE: ./src/session/taken-ports.ts





/**
 * A TIME_WAIT entry is taken to shield its port this much less than it lasts: the record
 * is written after the entry, and a search takes a few milliseconds to bind after it looks.
 */
const MARGIN_MS = 10_000;
/**
 * What the live leases in `leases`' location hold, as the allocator asks before each
 * round (see Taken): the ports, and which of them the kernel's own choice skips anyway.
 * A port on the kernel's reserved-port list is skipped by every bind(0); one whose record
 * names TIME_WAIT (or the kernel list, which may have fallen back to it) and was written
 * less than the TIME_WAIT time ago, or a holder, is skipped by a TCP bind(0) on the
 * loopback and wildcard addresses. Anything else is exposed, and the allocator then draws
 * the ports itself, past the leased ones.
 */
function takenPorts(leases) {
    const watch = new LeaseWatch(leases.location, { owner: leases.owner, own: leases.location.own });
    let listed; // read once per call, and only when some port is leased
    const shieldMs = timeWaitSeconds() * 1000 - MARGIN_MS;
    return () => {
        const current = watch.current();
        if (current.size === 0)
            return NOTHING_TAKEN;
        const onList = (listed ??= readReservedPorts()); // a port of a live lease stays listed until its post step
        const now = Date.now();
        const leased = new Map([...current].map(([port, lease]) => [port, lease.holder]));
        const shielded = [...current].filter(([, lease]) => shieldedByReservation(lease, now, shieldMs)).map(([port]) => port);
        return { leased, listed: PortSet.of([...current.keys()].filter((port) => onList.has(port))), shielded: PortSet.of(shielded) };
    };
}
function shieldedByReservation(lease, now, shieldMs) {
    if (lease.reservation === 'holder')
        return true;
    return (lease.reservation === 'time-wait' || lease.reservation === 'kernel') && now - lease.changed < shieldMs;
}

;// CONCATENATED MODULE: ./src/platform/privileged-ports.ts

/** Linux lets only root bind below net.ipv4.ip_unprivileged_port_start (1024 unless changed); elsewhere 1024. */
function firstUnprivilegedPort(platform = process.platform) {
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
    const first = firstUnprivilegedPort(platform);
    return (port) => port >= first;
}

;// CONCATENATED MODULE: ./src/session/naming.ts
/** Names: how a port's name becomes its environment variable, and which names a port may have. */
const naming_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const NAME_RULE = 'a letter first, then letters, digits, "-" or "_", at most 64 characters';
/**
 * Names no port may take, in any letter case: the action's outputs that every run sets
 * (`port`, `ports`, `json`, and `env-file` when asked). One rule for every program, so a
 * name means the same everywhere.
 */
const RESERVED_NAMES = ['port', 'ports', 'json', 'env-file'];
/** The longest `env-prefix`: with 64-character names, 1000 variables stay far below what a process's environment can take. */
const MAX_ENV_PREFIX = 64;
const ENV_PREFIX_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
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
/** Why `name` cannot name a port, or undefined when it can. */
function nameProblem(name) {
    if (!naming_NAME_PATTERN.test(name))
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
function mapEnvNames(names, prefix) {
    const seen = new Map();
    const envNames = [];
    for (const name of names) {
        const env = envName(name, prefix);
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

;// CONCATENATED MODULE: ./src/session/request.ts








/** The most ports one request hands out. */
const MAX_COUNT = 1000;

/** The request's defaults: one TCP port on every address, protected the strongest way the program may. */
const DEFAULT_REQUEST = {
    envPrefix: '',
    protocols: ['tcp'],
    hosts: [],
    exclude: new PortSet(),
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
function checkRequest(request, source) {
    const fail = (setting, allowed, value = source.shown(setting)) => {
        throw new InputError(setting, value, allowed, source.vocabulary);
    };
    const count = request.names.length;
    if (count < 1 || count > MAX_COUNT)
        fail('count', `a whole number from 1 to ${MAX_COUNT}`);
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

;// CONCATENATED MODULE: ./src/session/session.ts














/**
 * Allocates the request's ports for `program` and protects them.
 * @throws AllocationError when the host cannot supply them, LeaseError when a named lease
 *   directory cannot be used, the protection's error when it fails; nothing is left behind.
 */
async function openSession(request, program) {
    const choice = chooseReserve(request.reserve, { postStep: program.postStep });
    program.log.debug(`reserve ${choice.mode}: ${choice.why}`);
    const notes = [];
    const leases = openLeases(request, program, choice, notes);
    const protection = createProtection(choice, { owner: program.owner, minutes: request.leaseMinutes, log: program.log });
    try {
        if (leases && choice.mode === 'kernel' && (request.range || request.contiguous))
            await clearDeadJobs(leases, choice, program.log);
        const allocation = await allocatePorts({
            count: request.names.length,
            protocols: request.protocols,
            hosts: request.hosts,
            range: request.range,
            exclude: request.exclude,
            contiguous: request.contiguous,
            prefer: request.prefer,
            preferOnly: request.preferOnly,
            claim: leases?.claim,
            taken: leases && takenPorts(leases),
            protect: protection.protect,
            vocabulary: program.vocabulary,
        });
        program.log.debug(`allocated ${allocation.ports.join(' ')} on ${allocation.hosts.join(' ')} (${allocation.protocols.join(',')})`);
        const bad = allocation.ports.filter((port) => BAD_PORT_SET.has(port));
        if (bad.length)
            program.log.warn(`${plural(bad.length, 'Port', 'Ports')} ${bad.join(' ')}, named in prefer, ${bad.length === 1 ? 'is one' : 'are'} that browsers refuse to fetch from (the Fetch standard's bad ports)`);
        await protection.settle(allocation);
        leases?.commit(allocation.ports, request.named ? Object.fromEntries(request.names.map((name, i) => [name, allocation.ports[i]])) : undefined);
        if (leases)
            tidy(leases, program.log);
        return session(request, allocation.ports, allocation.protocols, leases, protection, notes);
    }
    catch (error) {
        await undo(leases, protection);
        throw error;
    }
}
function session(request, ports, protocols, leases, protection, notes) {
    const envNames = envNamesOf(request);
    const described = protection.describe();
    return {
        rows: request.names.map((name, i) => ({ name, port: ports[i], envName: envNames[i] })),
        ports,
        protocols,
        protection: leases ? (described === 'nothing' ? 'lease' : `lease + ${described}`) : described,
        notes,
        state: {
            leases: leases && { root: leases.location.root, own: leases.location.own, token: leases.owner.token, ports: [...ports] },
            protection: protection.state(),
        },
        release: () => leases?.releaseAll(),
        undo: () => undo(leases, protection),
    };
}
async function undo(leases, protection) {
    await protection.undo();
    try {
        leases?.releaseAll();
    }
    catch {
        // A record that cannot be removed ends with its owner process or its expiry.
    }
}
/**
 * The program's leases. The default location falls back to none when unusable, with a
 * warning (and a note for the job summary) saying what that costs and how to fix it; a
 * lease-dir the user named must work.
 */
function openLeases(request, program, choice, notes) {
    try {
        const location = openLeaseDir(request.leaseDir, program.vocabulary);
        const owner = newOwner(program.owner);
        const book = new LeaseBook({ location, owner, ttlMs: request.leaseMinutes * 60_000, reservation: choice.mode });
        program.log.debug(`leases in ${location.own} for process ${program.owner.pid} (token ${owner.token})`);
        return book;
    }
    catch (error) {
        if (request.leaseDir !== '' || !(error instanceof LeaseError))
            throw error;
        const lost = unleased(error.message, choice.mode);
        program.log.warn(lost);
        notes.push(lost);
        return undefined;
    }
}
function unleased(why, mode) {
    const left = mode === 'none' ? 'nothing keeps them' : `only the ${mode} reservation keeps them`;
    return (`${why}. These ports are not leased: another Port Zero job on this host may be handed them too (${left} apart). ` +
        `To fix it, remove the directory so Port Zero recreates it, or give every runner on the host one lease-dir set up with \`${SHARED_SETUP}\`.`);
}
/** Past this many lease files in its own directory, a call sweeps the stale ones. */
const TIDY_ABOVE = 32;
/**
 * The action's post step sweeps its account's stale leases, but the command and the library
 * have none (a test suite's workers leave one record each), and a main step whose post step
 * never ran (a cancelled job, a killed runner) leaves its own. A dead record blocks no port,
 * but every claim reads and judges it: 250 of them added about 80 ms to a main step. So each
 * call, after its own commit, sweeps when they pile up: one directory listing a call, the
 * sweep only past TIDY_ABOVE.
 */
function tidy(leases, log) {
    try {
        if (external_node_fs_default().readdirSync(leases.location.own).filter(lease_record_isLeaseFile).length > TIDY_ABOVE)
            sweepStale(leases.location.own, (m) => log.debug(m));
    }
    catch (error) {
        log.debug(`could not sweep stale leases: ${errorMessage(error)}`);
    }
}
/**
 * A range or block draw skips every port on the kernel list, so the entries of jobs
 * whose runner died are cleared first when there are any; their post step never ran.
 */
async function clearDeadJobs(leases, choice, log) {
    if (readReservedPorts().size === 0)
        return;
    const swept = sweepStale(leases.location.own, (m) => log.warn(m));
    try {
        const removed = await releaseDeadJobsPorts(leases.location.root, swept, choice.sudo ? 'sudo' : 'direct');
        if (removed.length)
            log.debug(`took ports ${removed.join(' ')} of dead jobs off the kernel list`);
    }
    catch (error) {
        log.debug(`could not take the ports of dead jobs off the kernel list: ${errorMessage(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/text/names.ts
/** Names that cross a boundary: action.yml inputs (which the command's options follow) and step outputs. */
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
    Prefer: 'prefer',
    PreferOnly: 'prefer-only',
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
    throw new InputError(setting, raw, 'true or false', vocabulary);
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
    const bad = given.find((host) => external_node_net_default().isIP(host) === 0);
    if (bad !== undefined)
        fail(Input.Host, 'IP addresses separated by spaces or commas, such as 127.0.0.1 ::1', bad);
    return [...new Set(given.map(canonicalHost))];
}
const RANGE_RULE = `LOW-HIGH with ${MIN_PORT} <= LOW <= HIGH <= ${MAX_PORT}, such as 20000-29999`;
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

;// CONCATENATED MODULE: ./src/action/inputs.ts





/**
 * Reads every input of action.yml, as the runner passes it, into checked settings.
 * @throws InputError naming the first input that breaks its rule.
 */
function readSettings(read = getInput) {
    const raw = Object.fromEntries(Object.values(Input).map((name) => [name, read(name)]));
    const value = (name) => (raw[name] ?? '').trim();
    const request = parseTextRequest(raw, { vocabulary: ACTION_VOCABULARY, postStep: true });
    return {
        request,
        exportEnv: parseBoolean(Input.ExportEnv, value(Input.ExportEnv), true, ACTION_VOCABULARY),
        summary: parseBoolean(Input.Summary, value(Input.Summary), true, ACTION_VOCABULARY),
        envFile: value(Input.EnvFile) && external_node_path_default().resolve(value(Input.EnvFile)),
    };
}

;// CONCATENATED MODULE: ./src/session/job-ports.ts




const FILE = external_node_path_default().join('port-zero', 'job-ports.jsonl');
const MAX_BYTES = (/* unused pure expression or super */ null && (4 * 2 ** 20));
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
function jobPortsAppend(ports, env = process.env) {
    const file = jobPortsFile(env);
    if (!file || ports.length === 0)
        return undefined;
    makeDirectories(external_node_path_default().dirname(file));
    const fd = (0,external_node_fs_namespaceObject.openSync)(file, external_node_fs_namespaceObject.constants.O_WRONLY | external_node_fs_namespaceObject.constants.O_APPEND | external_node_fs_namespaceObject.constants.O_CREAT | NO_FOLLOW, 0o600);
    try {
        if (!(0,external_node_fs_namespaceObject.fstatSync)(fd).isFile())
            throw new UnsafePathError(`${file} is not a regular file`);
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
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
        text = readRegularFile(file, MAX_BYTES).text;
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
const LEASES_VARIABLE = 'PORT_ZERO_LEASES';
/**
 * The ports of `names` that a live lease of this process or one of its ancestors holds,
 * found through PORT_ZERO_LEASES in `env`. What the variable names is checked as hostile:
 * only lease records (`lease-<token>.json`, absolute paths), read as any record is, live,
 * owned by this process or an ancestor (pid and start time), and a name's port one the
 * record leases. A name found in no such record is left out.
 */
function inheritedPorts(names, env = process.env) {
    const found = new Map();
    const files = (env[LEASES_VARIABLE] ?? '')
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
    const leases = leasesValue(session, env);
    if (leases !== undefined)
        env[LEASES_VARIABLE] = leases;
}
/** PORT_ZERO_LEASES as it is once `session`'s record joins what `env` has; undefined for an unleased session. */
function leasesValue(session, env = process.env) {
    const leases = session.state.leases;
    if (!leases)
        return undefined;
    const record = external_node_path_default().join(leases.own, lease_record_recordFileName(leases.token));
    const known = (env[LEASES_VARIABLE] ?? '').split((external_node_path_default()).delimiter).filter(Boolean);
    return (known.includes(record) ? known : [...known, record]).join((external_node_path_default()).delimiter);
}
/** Takes `session`'s record out of PORT_ZERO_LEASES once its leases end, so processes started later do not look for it. */
function withdraw(session, env = process.env) {
    const leases = session.state.leases;
    if (leases)
        withdrawRecord(path.join(leases.own, recordFileName(leases.token)), env);
}
/** Takes the lease record `file` out of PORT_ZERO_LEASES. */
function withdrawRecord(file, env = process.env) {
    const left = (env[LEASES_VARIABLE] ?? '').split(path.delimiter).filter((f) => f && f !== file);
    if (left.length)
        env[LEASES_VARIABLE] = left.join(path.delimiter);
    else
        Reflect.deleteProperty(env, LEASES_VARIABLE);
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
function stepOutputs(rows, envFile = '') {
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
function variables(rows) {
    return rows.map((r) => [r.envName, String(r.port)]);
}
/** `WEB_PORT=34567` lines: what docker compose --env-file and dotenv read. */
function dotenv(rows) {
    return rows.map((r) => `${r.envName}=${r.port}\n`).join('');
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
function formatFileCommands(pairs) {
    return pairs.map(([name, value]) => keyValueMessage(name, value) + external_node_os_namespaceObject.EOL).join('');
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
function appendAll(appends, staged = []) {
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
    info(lines.join(external_node_os_namespaceObject.EOL)); // one write for the list
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
    const notes = session.notes.length ? `<ul>${session.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>${external_node_os_namespaceObject.EOL}` : '';
    return `<h3>Port Zero</h3>${external_node_os_namespaceObject.EOL}<table>${table}</table>${external_node_os_namespaceObject.EOL}${notes}${external_node_os_namespaceObject.EOL}`;
}
function escapeHtml(text) {
    return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
function tableRow(tag, cells) {
    return `<tr>${cells.map((cell) => `<${tag}>${escapeHtml(cell)}</${tag}>`).join('')}</tr>`;
}

;// CONCATENATED MODULE: ./src/action/main.ts






/**
 * The main step: checks every input, opens a session (allocated, protected, leased
 * ports), and hands the ports to the job. Anything that fails fails the step once, here,
 * with nothing written and nothing left behind.
 */
async function run() {
    try {
        const settings = readSettings();
        debug(`settings: ${JSON.stringify(settings)}`);
        const session = await openSession(settings.request, actionProgram());
        try {
            publish(session, settings);
        }
        catch (error) {
            await session.undo();
            throw error;
        }
    }
    catch (error) {
        setFailed(errorMessage(error));
    }
}
/** The action as a program: its inputs' words, leases and the holder tied to the job's runner process, a post step. */
function actionProgram() {
    return {
        vocabulary: ACTION_VOCABULARY,
        // The runner process that runs this job: leases and the holder end when it does.
        owner: process_identity_identify(process.ppid),
        postStep: true,
        log: { debug: debug, warn: warning },
    };
}


/***/ }),

/***/ 485:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _action_main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(549);
/* harmony import */ var _action_exit_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(380);
/** The action's main step (action.yml `runs.main`). */


await (0,_action_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();
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
/******/ var __webpack_exports__ = __nccwpck_require__(485);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

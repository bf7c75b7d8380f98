import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ // The require scope
/******/ var __nccwpck_require__ = {};
/******/ 
/************************************************************************/
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
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
var external_node_net_default = /*#__PURE__*/__nccwpck_require__.n(external_node_net_namespaceObject);
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
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
function systemTool(tool, platform = process.platform, env = process.env) {
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
            namespace = process.platform === 'linux' ? readlinkSync('/proc/self/ns/pid') : null;
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
    const seconds = parseCLocaleLstart(run(systemTool('ps', 'darwin'), ['-o', 'lstart=', '-p', String(pid)], env));
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
function identify(pid, facts = HOST) {
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

;// CONCATENATED MODULE: ./src/protection/holder-protocol.ts
/** The line a stop request is, and the line the holder answers with. */
const stopRequest = (token) => `stop ${token}\n`;
const stopAnswer = (pid) => `stopped ${pid}\n`;

;// CONCATENATED MODULE: ./src/programs/holder.ts
/**
 * The holder: a detached process that keeps each port owned after the action
 * exits, without listening on it. For each port it holds an established loopback
 * connection whose local port is that port: bind(0) on that address skips it,
 * while a server that sets SO_REUSEADDR (Node, Go, nginx...) still binds and
 * listens on it beside the connection, so nothing needs to watch for servers.
 *
 * Idle, it does nothing but wait: it wakes every `ownerCheckMs` to see whether the
 * job's runner process still runs, and at its deadline. It exits at the first of:
 * a stop request on its control channel, SIGTERM/SIGINT, the runner process gone
 * (where it could be seen), the deadline.
 *
 * Control channel: the server its held connections go to also takes stop requests.
 * A client sends `stop <token>\n`; the holder answers `stopped <pid>\n` and exits at
 * once. The token reaches the holder over the IPC channel it starts with (never on
 * its command line, which other accounts can read), so only the step that started it
 * can stop it, and an answer proves the process is this holder.
 */



/** A request longer than this is not one: the connection is dropped. */
const MAX_REQUEST = 256;
const held = [];
function listen(host, token, exit) {
    return new Promise((resolve, reject) => {
        const server = external_node_net_default().createServer((socket) => {
            socket.on('error', () => { });
            let request = '';
            socket.on('data', (chunk) => {
                request += chunk.toString('latin1');
                if (request === stopRequest(token))
                    socket.end(stopAnswer(process.pid), exit);
                else if (request.includes('\n') || request.length > MAX_REQUEST)
                    socket.destroy();
            });
        });
        server.once('error', reject);
        server.listen({ host, port: 0 }, () => resolve(server));
    });
}
function hold(host, target, port) {
    return new Promise((resolve) => {
        const socket = external_node_net_default().connect({ host, port: target, localAddress: host, localPort: port });
        socket.once('connect', () => {
            held.push(socket);
            resolve(true);
        });
        socket.once('error', () => resolve(false));
    });
}
/** Resets every held connection (an RST leaves no TIME_WAIT on the ports) and ends the process. */
function exit() {
    for (const socket of held)
        socket.resetAndDestroy();
    process.exit(0);
}
/** Waits on events only: a timer for the owner check, one for the deadline, the control server. */
function watch(config) {
    process.on('SIGTERM', exit);
    process.on('SIGINT', exit);
    setInterval(() => {
        // A runner that could not be seen (pid 0, a step started by `docker exec`): the post step or the deadline ends it.
        if (Date.now() >= config.deadline || (!unseen(config.owner) && !isRunning(config.owner)))
            exit();
    }, config.ownerCheckMs);
    setTimeout(exit, Math.min(Math.max(0, config.deadline - Date.now()), 2 ** 31 - 1));
}
async function main(config) {
    const server = await listen(config.host, config.token, exit);
    const control = server.address().port;
    const results = await Promise.all(config.ports.map((port) => hold(config.host, control, port)));
    const ready = {
        held: config.ports.filter((_, i) => results[i]),
        missed: config.ports.filter((_, i) => !results[i]),
        control,
    };
    watch(config);
    process.send?.(ready);
    process.disconnect?.();
}
process.once('message', (config) => void main(config));


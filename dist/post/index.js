import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 428:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runPost)
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
function utils_toCommandValue(input) {
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
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return utils_toCommandValue(s)
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
function unique_id_uniqueId() {
    const random = Math.floor(Math.random() * 2 ** 52).toString(36);
    return [hash(hostname()), process.pid.toString(36), process.hrtime.bigint().toString(36), random].join('-');
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
    return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}`;
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
function file_commands_writeFileCommand(command, name, value) {
    return writeFileCommands(command, [[name, value]]);
}
/**
 * Appends every `[name, value]` pair to the file of GITHUB_<command> in one write
 * (one open and close for the batch, not one per pair), each formatted as
 * keyValueMessage does; nothing is written when any pair cannot be. Returns false,
 * writing nothing, when the variable is unset; throws when the file is missing.
 */
function writeFileCommands(command, pairs) {
    const file = process.env[`GITHUB_${command}`];
    if (!file)
        return false;
    if (pairs.length)
        file_commands_appendLine(file, pairs.map(([name, value]) => keyValueMessage(name, value)).join(EOL));
    return true;
}
/**
 * Appends `line` and a line ending to `file`, which must exist: without O_CREAT a
 * missing file is an error (ENOENT), as in @actions/core, not a new file nobody reads.
 */
function file_commands_appendLine(file, line) {
    const fd = openSync(file, constants.O_WRONLY | constants.O_APPEND);
    try {
        writeSync(fd, line + EOL);
    }
    finally {
        closeSync(fd);
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
 *
 * One difference: `debug` writes nothing under a runner whose step debug logging
 * is off, where the runner would drop the line (see there).
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
    process.stdout.write(os.EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
};
const exportVariable = (name, value) => {
    const converted = toCommandValue(value);
    process.env[name] = converted;
    if (!writeFileCommand('ENV', name, converted))
        issueCommand('set-env', { name }, converted);
};
const saveState = (name, value) => {
    if (!writeFileCommand('STATE', name, toCommandValue(value)))
        issueCommand('save-state', { name }, toCommandValue(value));
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
/**
 * A runner shows `::debug::` lines only with step debug logging on, and then sets
 * RUNNER_DEBUG=1 for the step; under a runner without it, the line would be dropped
 * unseen, so it is not written (nor its escaping done). Elsewhere it is always written.
 */
const debug = (message) => {
    if (process.env.GITHUB_ACTIONS === 'true' && !isDebug())
        return;
    command_issueCommand('debug', {}, message);
};
const info = (message) => void process.stdout.write(message + (external_node_os_default()).EOL);
const startGroup = (name) => issue('group', name);
const endGroup = () => issue('endgroup');
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
    /** This account's directory inside the lease location, where its leases are. */
    LeaseAccountDir: 'leaseAccountDir',
    LeaseToken: 'leaseToken',
    LeasePorts: 'leasePorts',
    Holder: 'holder',
    KernelPorts: 'kernelPorts',
    KernelRoute: 'kernelRoute',
};
/** The most ports one step hands out. */
const MAX_COUNT = 1000;
/** Leases and the holder end after this long unless released first: six hours, the longest a hosted job runs. */
const DEFAULT_LEASE_MINUTES = 360;
const MAX_LEASE_MINUTES = 7 * 24 * 60;
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

;// CONCATENATED MODULE: ./src/errors.ts
/** A problem the user can fix; its message is meant to be shown as it is. */
class errors_PortZeroError extends Error {
    name = 'PortZeroError';
}
/**
 * An input (or command-line option, or library option) that breaks its rule.
 * `input` names it, `value` is the value as given (as text), `allowed` says what is allowed.
 */
class InputError extends errors_PortZeroError {
    name = 'InputError';
    input;
    value;
    allowed;
    /** `kind` is the word the message starts with: 'Input' for the action, 'Option' for the library. */
    constructor(input, value, allowed, kind = 'Input') {
        super(`${kind} '${input}' has invalid value ${JSON.stringify(value)}: ${allowed}`);
        this.input = input;
        this.value = value;
        this.allowed = allowed;
    }
}
/** The host could not supply the ports asked for. */
class AllocationError extends (/* unused pure expression or super */ null && (errors_PortZeroError)) {
    name = 'AllocationError';
}
/** The lease directory cannot be used. */
class errors_LeaseError extends errors_PortZeroError {
    name = 'LeaseError';
}
/** The action's words: inputs as written in a workflow's `with:`. */
const errors_ACTION_VOCABULARY = {
    kind: 'Input',
    name: (input) => `'${input}'`,
    ownLease: 'leased by an earlier step of this job',
    stronger: 'use reserve: kernel',
};
/** `1 port`, `2 ports`: a count with its noun in the right number. */
function plural(count, noun, nouns = `${noun}s`) {
    return `${count} ${count === 1 ? noun : nouns}`;
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
var external_node_net_default = /*#__PURE__*/__nccwpck_require__.n(external_node_net_namespaceObject);
;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./src/protection/holder-protocol.ts
/** The line a stop request is, and the line the holder answers with. */
const stopRequest = (token) => `stop ${token}\n`;
const stopAnswer = (pid) => `stopped ${pid}\n`;

;// CONCATENATED MODULE: ./src/platform/system-tools.ts

/**
 * Absolute paths of the system programs Port Zero runs. Never the search path: on
 * Windows the working directory (the workspace, which a pull request controls) is
 * searched first, and on any OS a step can prepend directories to PATH.
 */
const TOOLS = {
    ps: { darwin: '/bin/ps', freebsd: '/bin/ps' },
    perl: { linux: '/usr/bin/perl' },
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
 * Throws when the tool does not exist on that platform.
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

;// CONCATENATED MODULE: ./src/platform/process-identity.ts


const runTool = (file, args, env) => {
    const { execFileSync } = process.getBuiltinModule('node:child_process');
    return execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env, timeout: 10_000, windowsHide: true });
};
const HOST = { platform: process.platform, run: runTool };
/** The start time of `pid` in the form `ProcessIdentity.start` describes, or null when it is not running or cannot be read. */
function processStart(pid, facts = HOST) {
    try {
        if (facts.platform === 'linux') {
            // Field 22 of /proc/PID/stat (clock ticks after boot); the name before it may hold spaces.
            const fields = (0,external_node_fs_namespaceObject.readFileSync)(`/proc/${pid}/stat`, 'utf8');
            const [state, ...rest] = fields.slice(fields.lastIndexOf(')') + 2).split(' ');
            return state === 'Z' ? null : (rest[18] ?? null); // a zombie has exited already
        }
        if (facts.platform === 'darwin' || facts.platform === 'freebsd')
            return macStart(pid, facts.run);
        if (facts.platform === 'win32')
            return windowsStart(pid, facts.run);
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
/**
 * The creation time as a FILETIME. No program that ships with every current Windows
 * prints it faster: `wmic` is gone from Windows Server 2025 and Windows 11 24H2, and
 * `tasklist` does not show it. Windows PowerShell 5.1 is on every version; it costs one
 * PowerShell start (a few hundred ms), paid once per step that names its runner.
 */
function windowsStart(pid, run) {
    const script = `[Diagnostics.Process]::GetProcessById(${pid}).StartTime.ToFileTimeUtc()`;
    const out = run(systemTool('powershell', 'win32'), ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', script]).trim();
    return /^\d{15,20}$/.test(out) ? `filetime:${out}` : null;
}
/** The identity of `pid` now. */
function process_identity_identify(pid, facts = HOST) {
    return { pid, start: processStart(pid, facts) };
}
/** A start this code can compare: on Linux any (its form never changed), elsewhere the tagged forms. Anything else came from an older macOS record. */
function comparable(start, platform) {
    return platform === 'linux' || /^(unix|filetime):\d+$/.test(start);
}
/**
 * True while the process runs and, where its start time is known, is still the same
 * process. A start in a form this code cannot compare (a macOS record of an older
 * version, written in someone's locale and time zone) counts as unknown: the process
 * is judged by its pid alone, and the lease's expiry is the backstop. That errs toward
 * keeping a lease, never toward handing out a live job's port.
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

;// CONCATENATED MODULE: ./src/protection/holder.ts







/**
 * Where the holder program is: dist/holder/index.js beside the main bundle or one
 * level up from the post bundle, or src/programs/holder.ts when running from src/.
 */
const HOLDER_PATHS = (/* unused pure expression or super */ null && ([
    ['holder', 'index.js'],
    ['..', 'holder', 'index.js'],
    ['..', 'programs', 'holder.ts'],
]));
function holderScript() {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const found = HOLDER_PATHS.map((parts) => path.join(here, ...parts)).find((file) => existsSync(file));
    if (!found)
        throw new PortZeroError(`The port holder program is missing beside ${here}`);
    return found;
}
function newHolderToken() {
    const { randomBytes } = process.getBuiltinModule('node:crypto');
    return randomBytes(24).toString('base64url');
}
/** Starts the detached holder, hands it its secret over IPC, and waits (at most 10 s) until it holds every port it can. */
function startHolder(request) {
    const { spawn } = process.getBuiltinModule('node:child_process');
    const config = { ownerCheckMs: 2000, ...request, token: newHolderToken() };
    const child = spawn(process.execPath, [holderScript()], {
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
 * Stops the holder of `saved` without ever signalling a process not proven to be it.
 * First the control channel: a holder that answers with its pid exits at once. No
 * answer means it is gone or hung; then, off Windows only, a process whose pid and
 * start time both match the saved ones (so it is the process the main step started)
 * is killed. On Windows nothing is signalled: there SIGTERM is TerminateProcess and
 * pids are reused. Ends within about 4 s (STOP_WAIT_MS, then 1 s for the process to go).
 */
async function stopHolder(saved, platform = process.platform) {
    if (await askToStop(saved)) {
        await waitUntilGone(saved.process, 1000);
        return 'stopped';
    }
    if (platform === 'win32' || saved.process.start === null || !isRunning(saved.process))
        return 'gone';
    process.kill(saved.process.pid, 'SIGKILL');
    await waitUntilGone(saved.process, 1000);
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

;// CONCATENATED MODULE: ./src/protection/lease-location.ts




/** The earlier layout: one directory of `<port>.lease` files, private to the account that created it. */
const LEGACY_DEFAULT_NAME = 'port-zero-leases';
const DEFAULT_NAME = 'port-zero';
const PSEUDO_FILESYSTEMS = new Map([
    [0x9fa0, 'procfs'],
    [0x62656572, 'sysfs'],
]);
const windows = process.platform === 'win32';
/**
 * The default root: `port-zero` in the system temp directory (`$TMPDIR`, else /tmp), the
 * same path for every account on Linux and macOS. On Windows the temp directory is
 * per-user, so the root is `%ProgramData%\port-zero` instead, which every account may add
 * folders to.
 */
function defaultLeaseRoot(env = process.env) {
    const base = windows ? (env.ProgramData ?? os.tmpdir()) : os.tmpdir();
    return path.join(base, DEFAULT_NAME);
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
        return { root, own: openOwnDir(root) };
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
    return leaseDir ? openLeaseLocation(leaseDir, true, vocabulary) : openLeaseLocation(defaultLeaseRoot(), false, vocabulary);
}
/**
 * The set-up command for a shared `root`, where running it would help: a missing root
 * or a directory with the wrong mode or group. Never for a symbolic link (`install -d`
 * follows it and would change the mode of whatever it points to) or what is no directory.
 */
function setupHint(root) {
    try {
        const stat = fs.lstatSync(root, { throwIfNoEntry: false });
        if (stat && (!stat.isDirectory() || PSEUDO_FILESYSTEMS.has(Number(fs.statfsSync(root).type))))
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
    const kind = PSEUDO_FILESYSTEMS.get(Number(fs.statfsSync(root).type));
    if (kind)
        return `it is on ${kind}, a kernel pseudo-filesystem`;
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
        throw new errors_LeaseError(`The lease directory ${dir} cannot be used: ${problem}`);
}
/**
 * Every directory whose lease files count: each account's directory in the root, the
 * root itself and, for the default root, the earlier default directory (the earlier
 * layout kept lease files directly there). Every real directory in the root counts,
 * whatever its name (an account's own is named by its uid, `1001` or `1001.<suffix>`,
 * but a renamed one must still count: the owner of a sticky root may rename another
 * account's directory, never move it out). One directory read gives each entry's type
 * (d_type; Node falls back to lstat where the filesystem does not say), so links and
 * files cost no lookup.
 */
function leaseDirs(root) {
    const dirs = [root];
    const legacy = external_node_path_default().join(external_node_path_default().dirname(root), LEGACY_DEFAULT_NAME);
    if (external_node_path_default().basename(root) === DEFAULT_NAME && lstat(legacy)?.isDirectory())
        dirs.push(legacy);
    for (const entry of external_node_fs_default().readdirSync(root, { withFileTypes: true })) {
        if (entry.isDirectory())
            dirs.push(external_node_path_default().join(root, entry.name));
    }
    return dirs;
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

;// CONCATENATED MODULE: ./src/protection/lease-record.ts



/** A record of every port (65,535 of them, none adjacent) takes under 400 KiB; anything bigger is not a record. */
const MAX_RECORD_BYTES = 512 * 1024;
const MAX_LEASE_MS = MAX_LEASE_MINUTES * 60_000;
const O_NOFOLLOW = (external_node_fs_default()).constants.O_NOFOLLOW ?? 0; // absent on Windows, where lstat checks of the directories suffice
const O_NONBLOCK = (external_node_fs_default()).constants.O_NONBLOCK ?? 0;
/**
 * Reads a record without following a symbolic link (O_NOFOLLOW), without blocking on a
 * FIFO or device (O_NONBLOCK, then fstat must say regular file) and without reading more
 * than 512 KiB. Never throws: anything but a record is `missing` or `corrupt`.
 */
function readRecord(file) {
    let fd;
    try {
        fd = external_node_fs_default().openSync(file, (external_node_fs_default()).constants.O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return { kind: 'missing' };
        return { kind: 'corrupt', why: code === 'ELOOP' ? 'a symbolic link' : `unreadable (${code})` };
    }
    try {
        const stat = external_node_fs_default().fstatSync(fd);
        if (!stat.isFile())
            return { kind: 'corrupt', why: 'not a regular file' };
        if (stat.size > MAX_RECORD_BYTES)
            return { kind: 'corrupt', why: `larger than ${MAX_RECORD_BYTES} bytes` };
        // One byte more: a file that grew since fstat is caught by the parse. Not zero-filled:
        // only the `length` bytes read are ever looked at.
        const buffer = Buffer.allocUnsafe(stat.size + 1);
        const length = external_node_fs_default().readSync(fd, buffer, 0, buffer.length, 0);
        const text = buffer.toString('utf8', 0, length);
        const record = parseRecord(text);
        if (!record)
            return { kind: 'corrupt', why: length === 0 ? 'empty' : 'not a lease record' };
        return { kind: 'record', record, changed: stat.ctimeMs };
    }
    catch (error) {
        return { kind: 'corrupt', why: `unreadable (${error.code})` };
    }
    finally {
        external_node_fs_default().closeSync(fd);
    }
}
const isIdentity = (p) => typeof p === 'object' &&
    p !== null &&
    Number.isInteger(p.pid) &&
    (p.start === null || typeof p.start === 'string');
/** The record if `text` has its shape, else undefined. Unknown fields are dropped by never being read. */
function parseRecord(text) {
    try {
        const r = JSON.parse(text);
        const valid = (r?.version === 1 || (r?.version === 2 && typeof r.ports === 'string' && parsePorts(r.ports) !== undefined)) &&
            Number.isFinite(r.expires) &&
            typeof r.owner?.token === 'string' &&
            isIdentity(r.owner.runner) &&
            (r.reservation === undefined || typeof r.reservation === 'string') &&
            (r.allocator === undefined || isIdentity(r.allocator));
        return valid ? r : undefined;
    }
    catch {
        return undefined;
    }
}
function lease_record_formatRecord(record) {
    return JSON.stringify(record);
}
/**
 * Ports as a record keeps them: "40000 40001 40100", in the order given. Joined
 * natively, with no work per port in the step's own code; readers also take runs
 * ("40000-40009"), so a later writer may fold blocks.
 */
function lease_record_formatPorts(ports) {
    return ports.join(' ');
}
const PORT_ENTRY = /^(\d{1,5})(?:-(\d{1,5}))?$/;
/** The ports of `formatPorts` text, or undefined unless every entry is a port (1-65535) or an ascending run of them. */
function parsePorts(text) {
    const ports = [];
    for (const entry of text.split(' ')) {
        if (entry === '')
            continue;
        const m = PORT_ENTRY.exec(entry);
        if (!m)
            return undefined;
        const low = Number(m[1]);
        const high = m[2] === undefined ? low : Number(m[2]);
        if (low < 1 || high > 65535 || high < low)
            return undefined;
        for (let p = low; p <= high; p++)
            ports.push(p);
    }
    return ports;
}
/**
 * A lease is live while unexpired and its runner process runs (pid and start time, so a
 * reused pid does not count). The expiry is capped at the record's last inode change
 * (ctime) + the longest `lease-minutes`: a forged expiry years ahead, or pid 1 as the
 * owner, blocks a port for at most that long. ctime, not mtime: utimes() can set mtime
 * to any date, while ctime is always the kernel's clock.
 */
function judgeRecord(record, changed, now = Date.now()) {
    const expires = Math.min(record.expires, changed + MAX_LEASE_MS);
    if (expires <= now)
        return { live: false, why: `expired at ${new Date(expires).toISOString()}` };
    if (!ownerRuns(record.owner.runner))
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

;// CONCATENATED MODULE: ./src/protection/leases.ts









/** An allocation's record: `lease-<token>.json`. */
const RECORD_FILE = /^lease-([\w-]+)\.json$/;
/** The earlier layout: one hard link of the record per port. */
const PORT_FILE = /^(\d{1,5})\.lease$/;
/** The earlier layout's record name, removed when its allocation ended. */
const EARLIER_RECORD_FILE = /^\.owner-(\d+)-[\w-]+\.json$/;
/** A record being written: `.tmp-<pid>-<token>.<n>`, renamed over the record at once. */
const TEMP_FILE = /^\.tmp-(\d+)-[\w.-]+$/;
/** A lease file's name: a record, or a port file of the earlier layout. */
const isLeaseFile = (name) => RECORD_FILE.test(name) || PORT_FILE.test(name);
const leases_O_NOFOLLOW = (external_node_fs_default()).constants.O_NOFOLLOW ?? 0;
/**
 * A new allocation's token, e.g. `1x2kq9c-4d2-2p5ds3k1x3-3mtw0ahk1z4`: unique across
 * processes and hosts (see uniqueId for why) and safe in a file name. Built without
 * node:crypto, which would cost every step about 10 ms of start-up; a token is not a
 * secret. The one place tokens are made.
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
        host: os.hostname(),
    };
}
/** The leases of one allocation: claims ports in batches, and gives them all back if the allocation fails. */
class LeaseBook {
    location;
    owner;
    base;
    claimed = new Set();
    file;
    written = 0;
    /**
     * Publishes the allocation's record, with no ports yet, so an unusable directory shows
     * before any port is bound. @throws LeaseError when this account's directory cannot be written.
     */
    constructor(options) {
        this.location = options.location;
        this.owner = options.owner;
        this.base = {
            version: 2,
            owner: options.owner,
            expires: Date.now() + options.ttlMs,
            ...(options.reservation === undefined ? {} : { reservation: options.reservation }),
            allocator: identify(process.pid),
        };
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
        this.publish(true, this.claimed.size ? [...this.claimed, ...asked] : asked);
        const taken = leasedPorts(this.location.root, new Set(asked), { owner: this.owner, own: this.location.own });
        if (taken.size === 0) {
            // No other lease holds any of them (the usual case): every group is ours, with no work per group.
            for (const port of asked)
                this.claimed.add(port);
            return groups.map(() => 'granted');
        }
        const verdicts = groups.map((group) => verdictOn(group, taken));
        groups.forEach((group, i) => verdicts[i] === 'granted' && group.forEach((port) => this.claimed.add(port)));
        this.publish(true, this.ports); // back off: the refused ports leave the record
        return verdicts;
    };
    /**
     * The allocation succeeded with `ports` (claimed ones; ports lost to another program
     * during the reservation are left out): the record now lists exactly these and
     * outlives this process. @throws LeaseError when the directory cannot be written.
     */
    commit(ports = this.ports) {
        this.claimed.clear();
        for (const port of ports)
            this.claimed.add(port);
        this.publish(false, ports);
    }
    /** The allocation failed: no lease of it may stay behind. */
    releaseAll() {
        this.claimed.clear();
        if (this.file)
            fs.rmSync(this.file, { force: true });
        this.file = undefined;
    }
    /** Writes the record anew, listing `ports`: a new file renamed over the record's one name (atomic on every OS). */
    publish(pending, ports) {
        const { own } = this.location;
        const record = { ...this.base, ports: formatPorts(ports), ...(pending ? { pending } : {}) };
        const temp = path.join(own, `.tmp-${process.pid}-${this.owner.token}.${++this.written}`);
        const file = path.join(own, `lease-${this.owner.token}.json`);
        try {
            assertOwnDir(own);
            writeExclusive(temp, formatRecord(record));
            renameOver(temp, file);
        }
        catch (error) {
            fs.rmSync(temp, { force: true });
            throw new LeaseError(`The lease directory ${own} cannot be written: ${error.message}`);
        }
        this.file = file;
    }
}
/**
 * rename() over an existing name. Windows refuses it (EPERM, EBUSY) while another
 * process has the target open without FILE_SHARE_DELETE (a virus scanner, say;
 * Node itself always shares): tried again a few times, 10 ms apart, before failing.
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
/** Creates `file` (never an existing one, never through a link), readable by every account whatever the umask. */
function writeExclusive(file, content) {
    const flags = fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY | leases_O_NOFOLLOW;
    const fd = fs.openSync(file, flags, 0o644);
    try {
        if (process.platform !== 'win32')
            fs.fchmodSync(fd, 0o644);
        fs.writeSync(fd, content);
    }
    finally {
        fs.closeSync(fd);
    }
}
/** What a live lease file says: its ports among those asked, or none. Records are parsed, never trusted further. */
function liveIn(read, portFromName) {
    if (read.kind !== 'record' || !judgeRecord(read.record, read.changed).live)
        return [];
    if (read.record.version === 1)
        return portFromName === undefined ? [] : [portFromName];
    return parsePorts(read.record.ports ?? '') ?? [];
}
/**
 * The ports of `wanted` that a live lease of any account holds, in the location rooted
 * at `root`, each with who holds it ('other' when both do), leaving out the record of
 * `claimant`. Reads each directory once and each record once; anything but a record
 * counts for nothing, and a record elsewhere than the claimant's own directory is never
 * the caller's, whatever it says.
 * @throws the error of reading the root itself (callers outside a claim use `liveLeasedPorts`).
 */
function leasedPorts(root, wanted, claimant) {
    const taken = new Map();
    if (wanted.size === 0)
        return taken;
    for (const dir of leaseDirs(root)) {
        for (const name of readNames(dir)) {
            const record = RECORD_FILE.exec(name);
            const port = record ? undefined : PORT_FILE.exec(name)?.[1];
            if (record ? record[1] === claimant?.owner.token : port === undefined || !wanted.has(Number(port)))
                continue;
            const read = readRecord(external_node_path_default().join(dir, name));
            // The caller's own: committed by an earlier allocation of the same runner, in its own account's
            // directory. A pending record is an allocation running now (a concurrent call): another's.
            const mine = claimant !== undefined && dir === claimant.own && read.kind === 'record' && read.record.pending !== true;
            const holder = mine && sameProcess(read.record.owner.runner, claimant.owner.runner) ? 'caller' : 'other';
            for (const p of liveIn(read, port === undefined ? undefined : Number(port))) {
                if (wanted.has(p) && taken.get(p) !== 'other')
                    taken.set(p, holder);
            }
        }
    }
    return taken;
}
/** A group's verdict: granted when no lease holds any of its ports; else whose lease refuses it. */
function verdictOn(group, taken) {
    const holders = group.map((port) => taken.get(port));
    if (holders.includes('other'))
        return 'leased-by-other';
    return holders.includes('caller') ? 'leased-by-caller' : 'granted';
}
/** The same process: same pid and same start time (a pid alone may have been reused). */
const sameProcess = (a, b) => a.pid === b.pid && a.start === b.start;
/** The names in another account's directory; none when it cannot be read (its leases are then invisible to us anyway). */
function readNames(dir) {
    try {
        return external_node_fs_default().readdirSync(dir);
    }
    catch {
        return [];
    }
}
/**
 * The ports of `ports` that any account on the host holds a live lease for, in the
 * location rooted at `location` (the default root or a `lease-dir`). Never throws for
 * what others put there; an unreadable location holds no lease.
 */
function liveLeasedPorts(location, ports) {
    try {
        return new Set(leasedPorts(location, new Set(ports)).keys());
    }
    catch {
        return new Set();
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
/** The ports a record file of this account lists (format 2), or its one port (the earlier layout). */
function portsOf(read, name) {
    const port = PORT_FILE.exec(name)?.[1];
    if (port !== undefined)
        return [Number(port)];
    return read.kind === 'record' ? (parsePorts(read.record.ports ?? '') ?? []) : [];
}
/** The lease files in this account's directory `own` (records, and the earlier layout's port files), with what each says. */
function* ownLeases(own) {
    lease_location_assertOwnDir(own);
    for (const name of external_node_fs_default().readdirSync(own)) {
        if (!isLeaseFile(name))
            continue;
        const file = external_node_path_default().join(own, name);
        yield { file, name, read: readRecord(file) };
    }
}
/**
 * The post step: removes the leases of allocation `token` from this account's directory
 * `own`. Returns how many of `ports` (the ports the step handed out) they held.
 */
function releaseLeases(own, token, ports) {
    const held = new Set();
    for (const { file, name, read } of ownLeases(own)) {
        if (read.kind !== 'record' || read.record.owner.token !== token)
            continue;
        external_node_fs_default().rmSync(file, { force: true });
        for (const port of portsOf(read, name))
            held.add(port);
    }
    return ports.filter((port) => held.has(port)).length;
}
/** `port-zero release`: removes every lease in this account's directory owned by `owner` (same pid and start); returns their ports. */
function releaseOwnedBy(own, owner) {
    const released = new Set();
    for (const { file, name, read } of ownLeases(own)) {
        const runner = read.kind === 'record' ? read.record.owner.runner : undefined;
        if (runner?.pid !== owner.pid || runner.start !== owner.start)
            continue;
        fs.rmSync(file, { force: true });
        for (const port of portsOf(read, name))
            released.add(port);
    }
    return [...released].sort((a, b) => a - b);
}
/**
 * Tidies this account's directory `own`: removes leases that are stale or corrupt (each
 * file judged once), temporary files and the earlier layout's records of processes that
 * are gone. Other accounts' files are never touched: their stale leases simply stop
 * counting. Returns the stale leases it removed, one entry per port.
 */
function sweepStale(own, warn) {
    lease_location_assertOwnDir(own);
    const names = external_node_fs_default().readdirSync(own);
    const stale = [];
    // The earlier layout linked one record under many port names: each such file is read and
    // judged once, by file ID (bigint: NTFS file IDs are 64-bit). Only those: a record removed
    // here frees its file ID, and a record another job renames into place meanwhile may get it.
    const judged = new Map();
    for (const name of names.filter(isLeaseFile)) {
        const file = external_node_path_default().join(own, name);
        // A record's read says itself when it is gone ('missing', judged live: left alone).
        const ino = PORT_FILE.test(name) ? external_node_fs_default().lstatSync(file, { bigint: true, throwIfNoEntry: false })?.ino : null;
        if (ino === undefined)
            continue;
        const verdict = (ino !== null && judged.get(ino)) || judgeFile(readRecord(file));
        if (ino !== null && !verdict.corrupt)
            judged.set(ino, verdict);
        if (verdict.live || !unlinkQuietly(file, warn))
            continue;
        if (verdict.corrupt)
            warn(`Removed a corrupt lease ${file} (${verdict.why})`);
        for (const port of portsOf(verdict.read, name))
            stale.push({ port, reservation: verdict.reservation, why: verdict.why });
    }
    sweepLeftovers(own, names, warn);
    return stale;
}
/**
 * Temporary files and earlier records among `names` (this account's directory `own`)
 * whose writing process is gone (killed mid-write), or unreadable and older than any lease can be.
 */
function sweepLeftovers(own, names, warn) {
    for (const name of names) {
        const pid = (TEMP_FILE.exec(name) ?? EARLIER_RECORD_FILE.exec(name))?.[1];
        if (pid === undefined)
            continue;
        const file = external_node_path_default().join(own, name);
        const read = readRecord(file);
        if (read.kind === 'missing')
            continue;
        const writer = read.kind === 'record' ? (read.record.allocator ?? { pid: Number(pid), start: null }) : { pid: Number(pid), start: null };
        const stat = external_node_fs_default().lstatSync(file, { throwIfNoEntry: false });
        const old = stat !== undefined && stat.ctimeMs + MAX_LEASE_MINUTES * 60_000 < Date.now();
        if (!isRunning(writer) || old)
            unlinkQuietly(file, warn);
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

;// CONCATENATED MODULE: ./src/allocator/port-range.ts
const MIN_PORT = 1;
const MAX_PORT = 65535;
function rangeSize(range) {
    return range.high - range.low + 1;
}
/** A set of ports kept as sorted, merged ranges: `exclude` lists and Windows' excluded ranges. */
class port_range_PortSet {
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
        return new port_range_PortSet(both);
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
        return new port_range_PortSet(ranges);
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

;// CONCATENATED MODULE: ./src/protection/kernel-list.ts




/**
 * Linux's reserved-port list, `net.ipv4.ip_local_reserved_ports`: ports on it are
 * skipped by bind(0) on every address (IPv4 and IPv6, TCP and UDP) and by connect()
 * autobind, with no expiry, while explicit binds still succeed with or without
 * SO_REUSEADDR. One list per network namespace, shared by every account in it.
 *
 * Facts measured on Linux 6.18: the file reads back as ranges ("20000-20010,30500");
 * a write replaces the whole list; a zero-length write changes nothing, so an empty
 * list is written as "\n". Root, or CAP_NET_ADMIN in the namespace, may write it.
 */
const RESERVED_PORTS_FILE = '/proc/sys/net/ipv4/ip_local_reserved_ports';
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
/** "20000-20010,30500" (or empty) as a PortSet; anything else in it is ignored. */
function parseReservedPorts(text) {
    const ranges = [];
    for (const item of text.split(/[\s,]+/)) {
        const match = /^(\d+)(?:-(\d+))?$/.exec(item);
        if (!match)
            continue;
        const low = Number(match[1]);
        const high = match[2] === undefined ? low : Number(match[2]);
        if (low <= high && high <= 65535)
            ranges.push({ low, high });
    }
    return new port_range_PortSet(ranges);
}
/** The list as the kernel takes it: "a-b,c\n"; an empty list is "\n" (a zero-length write would change nothing). */
function formatReservedPorts(set) {
    return set.ranges.map((r) => (r.low === r.high ? `${r.low}` : `${r.low}-${r.high}`)).join(',') + '\n';
}
/** The most text the list can take: 32768 single ports of up to 5 digits and a comma each. */
const MAX_LIST_BYTES = 512 * 1024;
/**
 * The whole file in one read(). procfs answers a sysctl only on the first read of an
 * open file, so Node's readFileSync (8 KiB chunks) would cut a long list off in the
 * middle of a number (proc_sys_call_handler, fs/proc/proc_sysctl.c).
 * @throws the read's error, or an Error when the text does not end in a newline (cut off).
 */
function readWhole(file) {
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
/** The ports listed now; an empty set where there is no such file (not Linux, no /proc). */
function readReservedPorts(file = RESERVED_PORTS_FILE) {
    try {
        return parseReservedPorts(readWhole(file));
    }
    catch {
        return new PortSet();
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
        const listed = CANONICAL_LIST.test(text) ? text.trim() : formatReservedPorts(parseReservedPorts(text)).trim();
        const ours = ports.join(',');
        return writeList(file, `${listed}${listed && ours ? ',' : ''}${ours}\n`, options);
    });
}
/**
 * Removes `ports` from the list and nothing else; `keep(port)` true spares a port
 * (another job holds it now). Resolves with the ports removed.
 */
async function removeReservedPorts(ports, options) {
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
        await writeList(file, formatReservedPorts(new port_range_PortSet(left)), options);
        return gone;
    });
}
function readList(file) {
    return parseReservedPorts(readListText(file));
}
function readListText(file) {
    try {
        return readWhole(file);
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
function sudoTee(file, text) {
    const { spawn } = process.getBuiltinModule('node:child_process');
    return new Promise((resolve, reject) => {
        const child = spawn('sudo', ['-n', 'tee', file], { stdio: ['pipe', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('error', (error) => {
            clearTimeout(timer);
            reject(notAllowed(file, error.code === 'ENOENT' ? 'sudo is not installed' : `sudo did not start (${error.code})`));
        });
        child.once('close', (code, signal) => {
            clearTimeout(timer);
            if (code === 0)
                return resolve();
            const said = stderr.trim().split('\n')[0] || (signal ? `killed by ${signal} after 10 s` : `exit code ${code}`);
            reject(notAllowed(file, `sudo -n tee failed: ${said}`));
        });
        child.stdin.on('error', () => { }); // sudo may exit before reading: its exit code tells
        child.stdin.end(text);
    });
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

;// CONCATENATED MODULE: ./src/protection/dead-jobs.ts


/**
 * Takes the kernel-list entries of jobs whose runner died off the list: the ports of
 * `swept` stale leases whose record named the kernel list, except a port that a live
 * lease holds again (another job may have listed it since). Without the right to
 * write the list, it does nothing and resolves with [].
 *
 * @param location the lease directory the stale leases were swept from
 * @param route how this job may write the list ('sudo' allows `sudo -n tee`)
 * @returns the ports taken off the list
 */
async function releaseDeadJobsPorts(location, swept, route) {
    const ports = swept.filter((s) => s.reservation === 'kernel').map((s) => s.port);
    if (ports.length === 0 || (route === 'direct' && !mayWriteDirectly()))
        return [];
    // Judged under the list's lock (on first use), where no job can lease and list a port unseen.
    let live;
    const keep = (port) => (live ??= liveLeasedPorts(location, ports)).has(port);
    return removeReservedPorts(ports, { sudo: route === 'sudo', keep });
}

;// CONCATENATED MODULE: ./src/action/post.ts







/** The post step: stops the holder, takes this job's ports off the kernel list, releases its leases. It warns, and never fails the job. */
async function runPost() {
    await attempt('stop the port holder', stopJobHolder);
    // Before the leases go: once they do, another job may put the same ports on the list. Entries
    // that could not be taken off keep their leases, so a later job's post step finds them stale.
    const listed = await attempt("take this job's ports off the kernel's reserved-port list", releaseJobKernelPorts);
    if (listed === undefined && savedPorts(State.KernelPorts).length > 0) {
        warning("The leases of this job's ports stay until its runner process exits, so a later job takes them off the list.");
        return;
    }
    await attempt('release the leases', releaseJobLeases);
}
/** Runs `step`; on failure warns and resolves undefined, else resolves true. */
async function attempt(what, step) {
    try {
        await step();
        return true;
    }
    catch (error) {
        warning(`Port Zero could not ${what}: ${errorMessage(error)}`);
        return undefined;
    }
}
async function stopJobHolder() {
    const saved = getState(State.Holder);
    if (saved === '')
        return;
    const holder = JSON.parse(saved);
    const pid = holder.process?.pid;
    const outcome = await stopHolder(holder);
    if (outcome === 'stopped')
        info(`Stopped the port holder (process ${pid}).`);
    else if (outcome === 'killed')
        warning(`The port holder (process ${pid}) did not answer its stop request; it was killed.`);
    else
        info(`The port holder (process ${pid}) had already exited.`);
}
function savedPorts(name) {
    return getState(name).split(' ').filter(Boolean).map(Number);
}
async function releaseJobKernelPorts() {
    const ports = savedPorts(State.KernelPorts);
    if (ports.length === 0)
        return;
    const removed = await removeReservedPorts(ports, { sudo: getState(State.KernelRoute) === 'sudo' });
    info(`Took ${removed.length} of ${ports.length} ports off the kernel's reserved-port list.`);
}
async function releaseJobLeases() {
    const own = getState(State.LeaseAccountDir);
    if (own === '') {
        debug('no leases to release');
        return;
    }
    const ports = savedPorts(State.LeasePorts);
    const released = releaseLeases(own, getState(State.LeaseToken), ports);
    info(`Released ${released} of ${plural(ports.length, 'port lease')}.`);
    // Off the hot path: tidy up after this account's jobs that crashed or never ran their post step.
    const swept = sweepStale(own, (m) => warning(m));
    if (swept.length)
        info(`Removed ${plural(swept.length, 'stale lease')} left by other jobs.`);
    // The same right this job used; a job that did not use the list writes it only where it may directly.
    const route = (getState(State.KernelRoute) || 'direct');
    await attempt('take the ports of dead jobs off the kernel list', async () => {
        const removed = await releaseDeadJobsPorts(getState(State.LeaseDir), swept, route);
        if (removed.length)
            info(`Took ${plural(removed.length, 'port')} of stale leases off the kernel's reserved-port list.`);
    });
}


/***/ }),

/***/ 890:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _action_post_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(428);
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

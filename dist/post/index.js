import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 381:
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
const debug = (message) => command_issueCommand('debug', {}, message);
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
    LeaseToken: 'leaseToken',
    LeasePorts: 'leasePorts',
    Holder: 'holder',
};
/** The most ports one step hands out. */
const MAX_COUNT = 1000;
/** Leases and the holder end after this long unless released first: six hours, the longest a hosted job runs. */
const DEFAULT_LEASE_MINUTES = 360;
const MAX_LEASE_MINUTES = (/* unused pure expression or super */ null && (7 * 24 * 60));

;// CONCATENATED MODULE: ./src/errors.ts
/** A problem the user can fix; its message is meant to be shown as it is. */
class errors_PortZeroError extends Error {
    name = 'PortZeroError';
}
/** An input (or command-line option) that breaks its rule. */
class InputError extends errors_PortZeroError {
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
class AllocationError extends (/* unused pure expression or super */ null && (errors_PortZeroError)) {
    name = 'AllocationError';
}
/** The lease directory cannot be used. */
class errors_LeaseError extends (/* unused pure expression or super */ null && (errors_PortZeroError)) {
    name = 'LeaseError';
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}

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
function process_identity_identify(pid) {
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
        host: os.hostname(),
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
        stat = fs.lstatSync(dir);
    }
    catch (error) {
        if (error.code !== 'ENOENT')
            throw unusable(dir, error);
        try {
            fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
            stat = fs.lstatSync(dir);
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
        this.record = path.join(this.dir, `.owner-${options.owner.token}.json`);
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
                fs.linkSync(this.record, file);
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
        fs.rmSync(leasePath(this.dir, port), { force: true });
        this.claimed.delete(port);
    }
    /** The allocation is over: the lease files stay, the shared record name goes. */
    close() {
        fs.rmSync(this.record, { force: true });
    }
    /** The allocation failed: no lease of it may stay behind. */
    releaseAll() {
        for (const port of this.ports)
            this.unlinkOwn(port);
        this.close();
    }
}
function writeExclusive(file, content) {
    const flags = fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY | O_NOFOLLOW;
    const fd = fs.openSync(file, flags, 0o644);
    try {
        fs.writeSync(fd, content);
    }
    finally {
        fs.closeSync(fd);
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
            external_node_fs_default().rmSync(file, { force: true });
            released++;
        }
    }
    return released;
}
/** Removes every stale or corrupt lease in the directory; a file shared by many leases is judged once. */
function sweepStale(dir, warn) {
    const verdicts = new Map();
    let removed = 0;
    for (const name of external_node_fs_default().readdirSync(dir)) {
        if (!LEASE_FILE.test(name))
            continue;
        const file = external_node_path_default().join(dir, name);
        const ino = external_node_fs_default().lstatSync(file, { throwIfNoEntry: false })?.ino;
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

;// CONCATENATED MODULE: ./src/action/post.ts





/** The post step: stops the holder and releases this job's leases. It warns, and never fails the job. */
async function runPost() {
    await attempt('stop the port holder', stopJobHolder);
    await attempt('release the leases', releaseJobLeases);
}
async function attempt(what, step) {
    try {
        await step();
    }
    catch (error) {
        warning(`Port Zero could not ${what}: ${errorMessage(error)}`);
    }
}
async function stopJobHolder() {
    const saved = getState(State.Holder);
    if (saved === '')
        return;
    const holder = JSON.parse(saved);
    if (await stopHolder(holder))
        info(`Stopped the port holder (process ${holder.pid}).`);
    else
        warning(`The port holder (process ${holder.pid}) did not stop.`);
}
function releaseJobLeases() {
    const dir = getState(State.LeaseDir);
    if (dir === '') {
        debug('no leases to release');
        return;
    }
    const ports = getState(State.LeasePorts).split(' ').filter(Boolean).map(Number);
    const released = releaseLeases(dir, getState(State.LeaseToken), ports);
    info(`Released ${released} of ${ports.length} port leases.`);
    // Off the hot path: tidy up after jobs that crashed or never ran their post step.
    const swept = sweepStale(dir, (m) => warning(m));
    if (swept)
        info(`Removed ${swept} stale leases left by other jobs.`);
}


/***/ }),

/***/ 890:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _action_post_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(381);
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

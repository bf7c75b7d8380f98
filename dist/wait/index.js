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

/***/ 251:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// UNUSED EXPORTS: parseWaitInputs

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
function file_commands_writeFileCommand(command, name, value) {
    return file_commands_writeFileCommands(command, [[name, value]]);
}
/**
 * Appends every `[name, value]` pair to the file of GITHUB_<command> in one write
 * (one open and close for the batch, not one per pair), each formatted as
 * keyValueMessage does; nothing is written when any pair cannot be. Returns false,
 * writing nothing, when the variable is unset; throws when the file is missing.
 */
function file_commands_writeFileCommands(command, pairs) {
    const file = process.env[`GITHUB_${command}`];
    if (!file)
        return false;
    if (pairs.length)
        file_commands_appendLine(file, pairs.map(([name, value]) => keyValueMessage(name, value)).join(external_node_os_namespaceObject.EOL));
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
    if (file_commands_writeFileCommand('OUTPUT', name, utils_toCommandValue(value)))
        return;
    process.stdout.write((external_node_os_default()).EOL);
    command_issueCommand('set-output', { name }, utils_toCommandValue(value));
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

;// CONCATENATED MODULE: ./src/errors.ts
/** A problem the user can fix; its message is meant to be shown as it is. */
class PortZeroError extends Error {
    name = 'PortZeroError';
}
/**
 * An input (or command-line option, or library option) that breaks its rule.
 * `input` names it, `value` is the value as given (as text), `allowed` says what is allowed.
 */
class errors_InputError extends PortZeroError {
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
class AllocationError extends (/* unused pure expression or super */ null && (PortZeroError)) {
    name = 'AllocationError';
}
/** The lease directory cannot be used. */
class LeaseError extends (/* unused pure expression or super */ null && (PortZeroError)) {
    name = 'LeaseError';
}
/** The action's words: inputs as written in a workflow's `with:`. */
const ACTION_VOCABULARY = {
    kind: 'Input',
    name: (input) => `'${input}'`,
    ownLease: 'leased by an earlier step of this job',
    stronger: 'use reserve: kernel',
};
/** `1 port`, `2 ports`: a count with its noun in the right number. */
function plural(count, noun, nouns = `${noun}s`) {
    return `${count} ${count === 1 ? noun : nouns}`;
}
function errors_errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/settings/constants.ts
/** Names that cross a boundary: action.yml inputs, step outputs, and state kept for the post step. */
const constants_Input = {
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
const constants_Output = {
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
const MAX_LEASE_MINUTES = (/* unused pure expression or super */ null && (7 * 24 * 60));
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

;// CONCATENATED MODULE: ./src/settings/naming.ts

/** Names: how a port's name becomes its step output and its environment variable. */
const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const NAME_RULE = 'a letter first, then letters, digits, "-" or "_", at most 64 characters';
/** Outputs that every run sets (env-file when asked); a port may not take their names. */
const FIXED_OUTPUTS = Object.values(constants_Output);
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
function naming_envName(name, prefix = '') {
    const base = name.toUpperCase().replaceAll('-', '_');
    const suffix = /PORT(_\d+)?$/.test(base) ? '' : '_PORT';
    return `${prefix}${base}${suffix}`;
}

;// CONCATENATED MODULE: ./src/platform/safe-files.ts


/**
 * Files written where a checkout, another account or the kernel could lay a
 * trap: a symbolic link to a file elsewhere (a pull request can add one), a FIFO
 * that blocks the writer, or procfs/sysfs, where Node's recursive mkdir loops.
 *
 * The rule for a path (made absolute against the working directory):
 * - nothing under /proc, /sys or /dev, however it is reached;
 * - below the working directory no component may be a symbolic link: the
 *   checkout decides what is there;
 * - elsewhere a symbolic link in a directory component is followed only when
 *   root or this user owns it (system links such as macOS's /tmp); one another
 *   account planted in a shared directory is refused. On Windows none is followed;
 * - missing directories are created one level at a time, each checked after;
 * - the file itself is never followed or opened: an existing one must be a
 *   regular file, and it is replaced by a new file renamed over it, so a hard
 *   link to another file is never written through.
 */
class safe_files_UnsafePathError extends Error {
    name = 'UnsafePathError';
}
/** Pseudo-filesystems: nothing is written there (procfs makes recursive mkdir loop; devices and FIFOs block). */
const PSEUDO = (/* unused pure expression or super */ null && (['/proc', '/sys', '/dev']));
function isPseudoFilesystem(file) {
    return process.platform !== 'win32' && PSEUDO.some((root) => file === root || file.startsWith(`${root}/`));
}
function below(dir, file) {
    const relative = path.relative(dir, file);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
/** Whether a symbolic link at `link` may be followed (see the rule above). */
function trustedLink(link, stat, workdirs) {
    if (process.platform === 'win32' || workdirs.some((dir) => below(dir, link)))
        return false;
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
    if (isPseudoFilesystem(absolute))
        throw new safe_files_UnsafePathError(`${absolute} is on a kernel pseudo-filesystem`);
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
            if (isPseudoFilesystem(current))
                throw new safe_files_UnsafePathError(`${next} leads to ${current}, a kernel pseudo-filesystem`);
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
 * Opens an existing file for reading without following a symbolic link or
 * blocking on a FIFO, and checks it is a regular file. Returns the descriptor
 * (the caller closes it). Throws UnsafePathError for anything but a regular
 * file (ELOOP from O_NOFOLLOW is reported as a link), the fs error otherwise.
 */
function openRegularFile(file) {
    let fd;
    try {
        fd = external_node_fs_default().openSync(file, (external_node_fs_default()).constants.O_RDONLY | safe_files_NO_FOLLOW);
    }
    catch (error) {
        if (error.code === 'ELOOP')
            throw new safe_files_UnsafePathError(`${file} is a symbolic link`);
        throw error;
    }
    if (!external_node_fs_default().fstatSync(fd).isFile()) {
        external_node_fs_default().closeSync(fd);
        throw new safe_files_UnsafePathError(`${file} is not a regular file`);
    }
    return fd;
}
/**
 * Writes `data` to `file` by the rule above: directories made safely, an
 * existing entry must be a regular file (not a link, FIFO, device or
 * directory), and the data goes to a new file (O_EXCL, O_NOFOLLOW) renamed
 * over the old one, so nothing is ever written through a link and a reader
 * sees the old content or the new, never half. Returns the real path written.
 * Throws UnsafePathError or the fs error; on error no temporary file is left.
 */
function safe_files_replaceFile(file, data, workdir = process.cwd()) {
    const absolute = path.resolve(workdir, file);
    const dir = safe_files_makeDirectories(path.dirname(absolute), workdir);
    const target = path.join(dir, path.basename(absolute));
    const existing = lstatOrUndefined(target);
    if (existing?.isSymbolicLink())
        throw new safe_files_UnsafePathError(`${target} is a symbolic link`);
    if (existing && !existing.isFile())
        throw new safe_files_UnsafePathError(`${target} is not a regular file`);
    const temp = path.join(dir, `.${path.basename(absolute)}.${process.pid}.${Date.now()}.tmp`);
    const flags = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | safe_files_NO_FOLLOW;
    const fd = fs.openSync(temp, flags, 0o666);
    try {
        try {
            fs.writeFileSync(fd, data);
        }
        finally {
            fs.closeSync(fd);
        }
        fs.renameSync(temp, target);
    }
    catch (error) {
        fs.rmSync(temp, { force: true });
        throw error;
    }
    return target;
}

;// CONCATENATED MODULE: ./src/session/job-ports.ts




const FILE = external_node_path_default().join('port-zero', 'job-ports.jsonl');
const MAX_BYTES = 4 * 2 ** 20;
/** The record's path for `env`'s RUNNER_TEMP; undefined outside a runner. */
function jobPortsFile(env = process.env) {
    return env.RUNNER_TEMP ? external_node_path_default().join(env.RUNNER_TEMP, FILE) : undefined;
}
/**
 * Appends `ports` to the record in one write. Does nothing outside a runner (no
 * RUNNER_TEMP). Throws UnsafePathError when the path is a link or not a regular file,
 * or the fs error; the caller decides whether that fails its step.
 */
function recordJobPorts(ports, env = process.env) {
    const file = jobPortsFile(env);
    if (!file || ports.length === 0)
        return;
    makeDirectories(path.dirname(file));
    const fd = openSync(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | NO_FOLLOW, 0o600);
    try {
        if (!fstatSync(fd).isFile())
            throw new Error(`${file} is not a regular file`);
        writeSync(fd, ports.map((p) => `${JSON.stringify({ name: p.name, port: p.port, protocols: p.protocols })}\n`).join(''));
    }
    finally {
        closeSync(fd);
    }
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
 * UnsafePathError when the record is a link or not a regular file.
 */
function readJobPorts(env = process.env) {
    const file = jobPortsFile(env);
    let fd;
    try {
        if (!file)
            return { ports: [], skipped: 0 };
        fd = openRegularFile(file);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return { ports: [], skipped: 0 };
        throw error;
    }
    let buffer;
    let length = 0;
    try {
        buffer = Buffer.alloc(Math.min((0,external_node_fs_namespaceObject.fstatSync)(fd).size, MAX_BYTES));
        for (let n; length < buffer.length && (n = (0,external_node_fs_namespaceObject.readSync)(fd, buffer, length, buffer.length - length, null)) > 0;)
            length += n;
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
    const byName = new Map();
    let skipped = 0;
    for (const line of buffer.toString('utf8', 0, length).split('\n').filter(Boolean)) {
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

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
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
function system_tools_systemTool(tool, platform = process.platform, env = process.env) {
    const where = TOOLS[tool][platform];
    if (where === undefined)
        throw new Error(`${tool} is not a system program on ${platform}`);
    if (typeof where === 'string')
        return where;
    const root = env.SystemRoot || env.SYSTEMROOT || 'C:\\Windows';
    return external_node_path_default().win32.join(root, ...where);
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
const SCRIPT = String.raw `
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
    buffer = '';
    lines = [];
    serial = 0;
    pending;
    /** Started on the first request, so a wait that is over at once never starts it. */
    start() {
        const child = (0,external_node_child_process_namespaceObject.spawn)(system_tools_systemTool('perl'), ['-e', SCRIPT], { stdio: 'pipe' });
        child.on('error', () => this.fail());
        child.on('exit', () => this.fail());
        child.stdin.on('error', () => this.fail());
        child.stdout.setEncoding('latin1').on('data', (chunk) => this.receive(chunk));
        this.child = child;
        return child;
    }
    receive(chunk) {
        this.buffer += chunk;
        let end;
        while ((end = this.buffer.indexOf('\n')) >= 0) {
            const line = this.buffer.slice(0, end);
            this.buffer = this.buffer.slice(end + 1);
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
            child.stdin.write(`${id} ${command}\n`);
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
        if (child && child.exitCode === null && child.signalCode === null)
            child.kill();
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




/** Runs a system program without blocking the wait, and returns what it printed; exit code 1 with output is an answer (lsof: "nothing found"). */
function runAsync(file, args, env) {
    return new Promise((resolve, reject) => {
        const options = { encoding: 'utf8', env, timeout: 10_000, maxBuffer: 64 * 2 ** 20, windowsHide: true };
        (0,external_node_child_process_namespaceObject.execFile)(file, args, options, (error, stdout) => {
            if (error && !(error.code === 1 && typeof stdout === 'string'))
                reject(error);
            else
                resolve(stdout);
        });
    });
}
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
        return parseLsof(await runAsync(system_tools_systemTool('lsof', 'darwin'), ['-nP', ...select, '-F', 'pcuLPnT'], env));
    }
    close() { }
}
/** Windows: `netstat -ano` by absolute path; its pid column names the process. */
class NetstatReader {
    source = 'netstat -ano';
    async read() {
        return parseNetstat(await runAsync(system_tools_systemTool('netstat', 'win32'), ['-ano']));
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
            const fields = readFileSync(`/proc/${pid}/stat`, 'utf8');
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
function identify(pid, facts = HOST) {
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
    const raw = readCapped(`/proc/${pid}/cmdline`, 8192);
    if (raw === null)
        return null;
    let text = raw.toString('utf8').split('\0').filter(Boolean).join(' ');
    if (!text) {
        const comm = readCapped(`/proc/${pid}/comm`, 64)?.toString('utf8').trim();
        if (!comm)
            return null;
        text = `[${comm}]`;
    }
    return cleanText(text, COMMAND_CHARS);
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
function processParents(platform = process.platform, run = runTool) {
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
        const out = run(system_tools_systemTool('tasklist', 'win32'), ['/fo', 'csv', '/nh', '/fi', `PID eq ${pid}`]);
        const match = /^"([^"]{1,260})","(\d+)"/m.exec(out);
        return match && Number(match[2]) === pid ? cleanText(match[1], COMMAND_CHARS) : null;
    }
    catch {
        return null;
    }
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
class ForeignListenerError extends PortZeroError {
    name = 'ForeignListenerError';
    listeners;
    constructor(listeners) {
        const lines = listeners.map(({ target, owner }) => `- ${targetLabel(target)}: ${ownerText(owner)}: ${belongingText(owner)}`);
        super(`Another program listens on ${listeners.length === 1 ? 'a port' : 'ports'} of this job:\n${lines.join('\n')}\n${FOREIGN_MEANING}`);
        this.listeners = listeners;
    }
}
/** The time-out passed before every port was ready; `ports` lists each with what was seen. */
class WaitTimeoutError extends PortZeroError {
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
/** A long value quoted in an error: its first 40 characters and an ellipsis. */
function quoted(value) {
    return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
function refuse(naming, value, allowed) {
    throw new errors_InputError(naming.name, quoted(value), allowed, naming.kind);
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
function parseProtocols(raw, naming) {
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
function results_dotenv(variables) {
    return Object.entries(variables)
        .map(([name, value]) => `${name}=${value}\n`)
        .join('');
}

;// CONCATENATED MODULE: ./src/action/publish.ts








/**
 * Writes the dotenv file before anything else, so a path that cannot be used
 * fails the step with nothing written. The file is written by the rule of
 * safe-files.ts: never through a symbolic link, never to a FIFO, device or
 * kernel pseudo-filesystem. Throws InputError naming `env-file`.
 */
function writeEnvFile(file, results) {
    if (!file)
        return;
    try {
        replaceFile(file, dotenv(results.variables));
    }
    catch (error) {
        const why = error instanceof UnsafePathError
            ? error.message
            : `it cannot be written (${error.code ?? errorMessage(error)})`;
        throw new InputError(Input.EnvFile, file, `${why}; name a regular file in a directory this job owns, such as \${{ runner.temp }}/ports.env`);
    }
    core.debug(`wrote ${file}`);
}
const GROUP_ABOVE = 20;
/** Writes outputs and environment, then the summary. Called only once everything is known. */
function publish(results, summary) {
    // A long list stays readable folded in a group; a few lines are shown as they are.
    const long = results.rows.length > GROUP_ABOVE;
    if (long)
        core.startGroup(`Port Zero: ${results.rows.length} ports`);
    const lines = results.rows.map((row) => `${row.name} -> ${row.port}` + (results.exportEnv ? ` (${row.envName})` : '') + `, protected by ${results.protection}`);
    core.info(lines.join(EOL)); // one write for the list
    if (long)
        core.endGroup();
    setOutputs(results.outputs);
    if (results.exportEnv)
        exportVariables(results.variables);
    if (summary)
        writeSummary(results);
}
/**
 * core.setOutput for each output, written to GITHUB_OUTPUT in one go (a step sets
 * one per name and four more); the workflow command where there is no such file.
 */
function setOutputs(outputs) {
    const pairs = Object.entries(outputs);
    if (!writeFileCommands('OUTPUT', pairs))
        for (const [name, value] of pairs)
            core.setOutput(name, value);
}
/** core.exportVariable for each variable, written to GITHUB_ENV in one go. */
function exportVariables(variables) {
    const pairs = Object.entries(variables);
    if (!writeFileCommands('ENV', pairs))
        for (const [name, value] of pairs)
            core.exportVariable(name, value);
    else
        Object.assign(process.env, variables); // as core.exportVariable does, for the rest of this process
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
        core.debug('GITHUB_STEP_SUMMARY is not set: no job summary');
        return;
    }
    const header = ['Name', 'Port', 'Environment variable', 'Protocol', 'Protected by'];
    const rows = results.rows.map((r) => [r.name, String(r.port), results.exportEnv ? r.envName : '', results.protocol, results.protection]);
    const table = [tableRow('th', header), ...rows.map((cells) => tableRow('td', cells))].join('');
    // Protection the step could not give (leases, say) is listed under the table.
    const notes = results.notes?.length ? `<ul>${results.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>${EOL}` : '';
    appendFileSync(file, `<h3>Port Zero</h3>${EOL}<table>${table}</table>${EOL}${notes}${EOL}`);
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
    if (!file_commands_writeFileCommands('OUTPUT', pairs))
        for (const [name, value] of pairs)
            setOutput(name, value);
    if (summary)
        wait_publish_writeSummary(results);
}
function wait_publish_writeSummary(results) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file) {
        debug('GITHUB_STEP_SUMMARY is not set: no job summary');
        return;
    }
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
    (0,external_node_fs_namespaceObject.appendFileSync)(file, `<h3>Port Zero: servers ready</h3>${external_node_os_namespaceObject.EOL}<table>${table}</table>${external_node_os_namespaceObject.EOL}${external_node_os_namespaceObject.EOL}`);
}

;// CONCATENATED MODULE: ./src/action/wait.ts










const input = (name) => ({ name, kind: 'Input' });
function parseBooleanInput(name, raw) {
    if (['true', 'True', 'TRUE', ''].includes(raw))
        return true;
    if (['false', 'False', 'FALSE'].includes(raw))
        return false;
    throw new errors_InputError(name, raw, 'true or false');
}
/** Reads and checks every input; the names default to every name this job's earlier Port Zero steps handed out. */
function parseWaitInputs(read = (name) => getInput(name)) {
    const timeoutMs = parseTimeoutSeconds(read(WaitInput.Timeout) || '60', input(WaitInput.Timeout));
    const protocols = parseProtocols(read(WaitInput.Protocol) || 'tcp', input(WaitInput.Protocol));
    const onForeign = read(WaitInput.OnForeign) || 'fail';
    if (onForeign !== 'fail' && onForeign !== 'warn')
        throw new errors_InputError(WaitInput.OnForeign, onForeign, 'fail or warn');
    const raw = read(WaitInput.Names);
    const given = splitNames(raw);
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
        summary: parseBooleanInput(WaitInput.Summary, read(WaitInput.Summary)),
    };
}
function recordedPorts() {
    const { ports, skipped } = readJobPorts();
    if (skipped)
        debug(`skipped ${skipped} unreadable lines of the job's port record`);
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
        debug(`waiting for ${settings.targets.map((t) => `${t.name}=${t.port}/${t.protocols.join('+')}`).join(' ')}; job ${JSON.stringify(job)}`);
        info(`Waiting up to ${settings.timeoutMs / 1000} s for ${settings.targets.map(targetLabel).join(', ')}`);
        const results = await waitForTargets(settings.targets, {
            timeoutMs: settings.timeoutMs,
            job,
            foreign: settings.foreign,
            debug: (m) => debug(m),
            onReady: (ready) => {
                info(readyLine(ready));
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
/* harmony import */ var _action_wait_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(251);
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

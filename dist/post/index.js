import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 720:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runPost)
});

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
function utils_toCommandProperties(annotationProperties) {
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
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!fs.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    fs.appendFileSync(filePath, `${toCommandValue(message)}${os.EOL}`, {
        encoding: 'utf8'
    });
}
function file_command_prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
    const convertedValue = toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${os.EOL}${convertedValue}${os.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/auth.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
class BasicCredentialHandler {
    constructor(username, password) {
        this.username = username;
        this.password = password;
    }
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class auth_BearerCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Bearer ${this.token}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class PersonalAccessTokenCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`PAT:${this.token}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
//# sourceMappingURL=auth.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/oidc-utils.js
var oidc_utils_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



class oidc_utils_OidcClient {
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        const requestOptions = {
            allowRetries: allowRetry,
            maxRetries: maxRetry
        };
        return new HttpClient('actions/oidc-client', [new BearerCredentialHandler(oidc_utils_OidcClient.getRequestToken())], requestOptions);
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            var _a;
            const httpclient = oidc_utils_OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = oidc_utils_OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                debug(`ID token url is ${id_token_url}`);
                const id_token = yield oidc_utils_OidcClient.getCall(id_token_url);
                setSecret(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
//# sourceMappingURL=oidc-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_namespaceObject.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_namespaceObject.constants.R_OK | external_fs_namespaceObject.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return summary_awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return summary_awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_namespaceObject.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = (/* unused pure expression or super */ null && (_summary));
//# sourceMappingURL=summary.js.map
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
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_namespaceObject.platform();
const arch = external_os_namespaceObject.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function core_setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    }
    process.stdout.write(os.EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function core_debug(message) {
    command_issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_namespaceObject.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    }
    issueCommand('save-state', { name }, toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map
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
    KernelPorts: 'kernelPorts',
    KernelRoute: 'kernelRoute',
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
class errors_LeaseError extends (/* unused pure expression or super */ null && (errors_PortZeroError)) {
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
;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
var external_node_net_default = /*#__PURE__*/__nccwpck_require__.n(external_node_net_namespaceObject);
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
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
    sysctl: { darwin: '/usr/sbin/sysctl', freebsd: '/sbin/sysctl' },
    netsh: { win32: ['System32', 'netsh.exe'] },
    powershell: { win32: ['System32', 'WindowsPowerShell', 'v1.0', 'powershell.exe'] },
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
 * Stops the holder of `saved` without ever signalling a process not proven to be it.
 * First the control channel: a holder that answers with its pid exits at once. No
 * answer means it is gone or hung; then, off Windows only, a process whose pid and
 * start time both match the saved ones (so it is the process the main step started)
 * is killed. On Windows nothing is signalled: there SIGTERM is TerminateProcess and
 * pids are reused. Ends within about 2 s.
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
/** Sends the stop request; true when the answer names the saved pid. Gives up after 1 s. */
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
        const timer = setTimeout(() => done(false), 1000);
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

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
;// CONCATENATED MODULE: ./src/protection/leases.ts






const DEFAULT_LEASE_DIR = external_node_path_default().join(external_node_os_default().tmpdir(), 'port-zero-leases');
const LEASE_FILE = /^(\d{1,5})\.lease$/;
const O_NOFOLLOW = (external_node_fs_default()).constants.O_NOFOLLOW ?? 0; // absent on Windows, where the directory check suffices
function newOwner(runner, env = process.env) {
    return {
        token: randomUUID(),
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
            ...(options.reservation && { reservation: options.reservation }),
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
            (r.owner.runner.start === null || typeof r.owner.runner.start === 'string') &&
            (r.reservation === undefined || typeof r.reservation === 'string');
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
/** Whether any live lease holds `port` in the lease directory `location`. */
function hasLiveLease(location, port) {
    return inspectLease(leasePath(location, port)).kind === 'live';
}
/** Removes every stale or corrupt lease in the directory; a file shared by many leases is judged once. */
function sweepStale(dir, warn) {
    // bigint: NTFS file IDs are 64-bit, and as doubles two records could share a key.
    const verdicts = new Map();
    const removed = [];
    for (const name of external_node_fs_default().readdirSync(dir)) {
        if (!LEASE_FILE.test(name))
            continue;
        const file = external_node_path_default().join(dir, name);
        const ino = external_node_fs_default().lstatSync(file, { bigint: true, throwIfNoEntry: false })?.ino;
        if (ino === undefined)
            continue;
        const state = verdicts.get(ino) ?? inspectLease(file);
        if (state.kind !== 'corrupt')
            verdicts.set(ino, state);
        if (state.kind === 'live')
            continue;
        const read = readLease(file); // before the unlink: what reserved the port
        if (!removeLease(file, state, warn))
            continue;
        const reservation = read.kind === 'record' ? read.record.reservation : undefined;
        removed.push({ port: Number(LEASE_FILE.exec(name)[1]), ...(reservation && { reservation }) });
    }
    return removed;
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
    union(other) {
        return new port_range_PortSet([...this.ranges, ...other.ranges]);
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
/** The ports listed now; an empty set where there is no such file (not Linux, no /proc). */
function readReservedPorts(file = RESERVED_PORTS_FILE) {
    try {
        return parseReservedPorts(fs.readFileSync(file, 'utf8'));
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
/**
 * Adds `ports` to the list, keeping every entry already there. Resolves with how
 * the list was written. Throws KernelListError (nothing written) when the list
 * cannot be locked or written.
 */
async function addReservedPorts(ports, options) {
    const file = options.file ?? RESERVED_PORTS_FILE;
    return withLock(options, async () => {
        const listed = readList(file);
        const merged = listed.union(toSet(ports));
        return writeList(file, formatReservedPorts(merged), options);
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
function toSet(ports) {
    return new PortSet(ports.map((p) => ({ low: p, high: p })));
}
function readList(file) {
    try {
        return parseReservedPorts(external_node_fs_default().readFileSync(file, 'utf8'));
    }
    catch (error) {
        throw new KernelListError(`Cannot read ${file} (${error.code}): this kernel has no reserved-port list`);
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
    return removeReservedPorts(ports, { sudo: route === 'sudo', keep: (port) => hasLiveLease(location, port) });
}

;// CONCATENATED MODULE: ./src/action/post.ts







/** The post step: stops the holder, takes this job's ports off the kernel list, releases its leases. It warns, and never fails the job. */
async function runPost() {
    await attempt('stop the port holder', stopJobHolder);
    // Before the leases go: once they do, another job may put the same ports on the list.
    await attempt("take this job's ports off the kernel's reserved-port list", releaseJobKernelPorts);
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
    const dir = getState(State.LeaseDir);
    if (dir === '') {
        core_debug('no leases to release');
        return;
    }
    const ports = savedPorts(State.LeasePorts);
    const released = releaseLeases(dir, getState(State.LeaseToken), ports);
    info(`Released ${released} of ${plural(ports.length, 'port lease')}.`);
    // Off the hot path: tidy up after jobs that crashed or never ran their post step.
    const swept = sweepStale(dir, (m) => warning(m));
    if (swept.length)
        info(`Removed ${plural(swept.length, 'stale lease')} left by other jobs.`);
    // The same right this job used; a job that did not use the list writes it only where it may directly.
    const route = (getState(State.KernelRoute) || 'direct');
    await attempt('take the ports of dead jobs off the kernel list', async () => {
        const removed = await releaseDeadJobsPorts(dir, swept, route);
        if (removed.length)
            info(`Took ${plural(removed.length, 'port')} of stale leases off the kernel's reserved-port list.`);
    });
}


/***/ }),

/***/ 890:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _action_post_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(720);
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

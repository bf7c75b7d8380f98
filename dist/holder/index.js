import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 366:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ isListening)
/* harmony export */ });
/* unused harmony export listeningPortsFromProc */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(24);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(30);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_net__WEBPACK_IMPORTED_MODULE_1__);


/**
 * Whether some process listens on TCP `port`. Linux: read the kernel's socket
 * tables (no traffic to the server). Elsewhere: try to connect on loopback.
 */
async function isListening(port, platform = process.platform) {
    if (platform === 'linux')
        return listeningPortsFromProc().has(port);
    return (await Promise.all(['127.0.0.1', '::1'].map((host) => accepts(host, port)))).some(Boolean);
}
const TCP_LISTEN = '0A';
function listeningPortsFromProc() {
    const ports = new Set();
    for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
        let text;
        try {
            text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(table, 'utf8');
        }
        catch {
            continue; // no IPv6
        }
        for (const line of text.split('\n').slice(1)) {
            const fields = line.trim().split(/\s+/);
            if (fields[3] === TCP_LISTEN)
                ports.add(parseInt(fields[1].split(':')[1], 16));
        }
    }
    return ports;
}
function accepts(host, port) {
    return new Promise((resolve) => {
        const socket = node_net__WEBPACK_IMPORTED_MODULE_1___default().connect({ host, port });
        socket.once('connect', () => {
            socket.destroy();
            resolve(true);
        });
        socket.once('error', () => resolve(false));
    });
}


/***/ }),

/***/ 261:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   W_: () => (/* binding */ isRunning)
/* harmony export */ });
/* unused harmony exports processStart, identify */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(24);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

/** The start time of `pid`, or null when it is not running or the OS does not tell. */
function processStart(pid, platform = process.platform) {
    try {
        if (platform === 'linux') {
            // Field 22 of /proc/PID/stat (clock ticks after boot); the name before it may hold spaces.
            const fields = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(`/proc/${pid}/stat`, 'utf8');
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


/***/ }),

/***/ 251:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(30);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _platform_listeners_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(366);
/* harmony import */ var _platform_process_identity_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(261);
/**
 * The holder: a detached process that keeps each port owned after the action
 * exits, without listening on it. For each port it holds an established loopback
 * connection whose local port is that port: bind(0) anywhere on the host skips
 * it, while a server that sets SO_REUSEADDR still binds and listens on it.
 *
 * It lets a port go once a server listens on it, and exits when every port is
 * let go, when it is told to stop (SIGTERM), when the job's runner process
 * exits, or at its deadline.
 */



const held = new Map();
function listen(host) {
    return new Promise((resolve, reject) => {
        const server = node_net__WEBPACK_IMPORTED_MODULE_0___default().createServer((socket) => socket.on('error', () => { }));
        server.once('error', reject);
        server.listen({ host, port: 0 }, () => resolve(server));
    });
}
function hold(host, target, port) {
    return new Promise((resolve) => {
        const socket = node_net__WEBPACK_IMPORTED_MODULE_0___default().connect({ host, port: target, localAddress: host, localPort: port });
        socket.once('connect', () => {
            held.set(port, socket);
            resolve(true);
        });
        socket.once('error', () => resolve(false));
    });
}
function letGo(port) {
    held.get(port)?.destroy();
    held.delete(port);
}
async function watch(config, server) {
    const exit = () => {
        for (const port of [...held.keys()])
            letGo(port);
        server.close();
        process.exit(0);
    };
    process.on('SIGTERM', exit);
    process.on('SIGINT', exit);
    for (;;) {
        await new Promise((r) => setTimeout(r, config.pollMs));
        if (Date.now() >= config.deadline || !(0,_platform_process_identity_js__WEBPACK_IMPORTED_MODULE_2__/* .isRunning */ .W_)(config.owner))
            exit();
        for (const port of [...held.keys()])
            if (await (0,_platform_listeners_js__WEBPACK_IMPORTED_MODULE_1__/* .isListening */ .C)(port))
                letGo(port);
        if (held.size === 0)
            exit();
    }
}
async function main() {
    const config = JSON.parse(process.argv[2]);
    const server = await listen(config.host);
    const target = server.address().port;
    const results = await Promise.all(config.ports.map((port) => hold(config.host, target, port)));
    const ready = {
        held: config.ports.filter((_, i) => results[i]),
        missed: config.ports.filter((_, i) => !results[i]),
    };
    process.send?.(ready);
    process.disconnect?.();
    await watch(config, server);
}
await main();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 24:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 30:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

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
/******/ var __webpack_exports__ = __nccwpck_require__(251);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

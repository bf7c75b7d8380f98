#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 450:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  C: () => (/* binding */ allocatePorts)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(916);
// EXTERNAL MODULE: ./src/allocator/port-range.ts
var port_range = __nccwpck_require__(850);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __nccwpck_require__(30);
var external_node_net_default = /*#__PURE__*/__nccwpck_require__.n(external_node_net_);
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
        throw new errors/* AllocationError */.ZB(`Port ${held.port} could not be reserved: its connection went ${own.outcome === 'refused' ? 'unanswered' : 'to another program'}`);
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
    return new port_range/* PortSet */.oQ(outputs.flatMap(parseExcludedRanges));
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
                throw new errors/* AllocationError */.ZB(`Gave up after skipping ${skipped.length} taken ports`);
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
        throw new errors/* PortZeroError */.ES(`count must be a whole number of at least 1, got ${options.count}`);
    }
    const hosts = options.hosts?.length ? [...options.hosts] : [EVERY_ADDRESS];
    const protocols = options.protocols?.length ? [...new Set(options.protocols)] : ['tcp'];
    let exclude = options.exclude ?? new port_range/* PortSet */.oQ();
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
        return new errors/* AllocationError */.ZB(`No block of ${spec.count} consecutive free ports in ${where}`);
    }
    return new errors/* AllocationError */.ZB(`Only ${found} of the ${spec.count} ports asked for are free in ${where}`);
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
        return new errors/* AllocationError */.ZB(`Address ${host || 'asked for'} is not an address of this machine`);
    if (port === 0 && (code === 'EADDRINUSE' || code === 'EAGAIN')) {
        return new errors/* AllocationError */.ZB('The kernel has no free ephemeral port left');
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
    const range = spec.range ?? (0,port_range/* ephemeralRange */.RC)();
    const bases = shuffled({ low: range.low, high: range.high - spec.count + 1 }, new port_range/* PortSet */.oQ());
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


/***/ }),

/***/ 850:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   RC: () => (/* binding */ ephemeralRange),
/* harmony export */   XP: () => (/* binding */ MAX_PORT),
/* harmony export */   ln: () => (/* binding */ MIN_PORT),
/* harmony export */   oQ: () => (/* binding */ PortSet),
/* harmony export */   xh: () => (/* binding */ rangeSize)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(24);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

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
            const [low, high] = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
            if (low && high && low <= high)
                return { low, high };
        }
        catch {
            // fall through to the IANA range
        }
    }
    return { low: 49152, high: 65535 }; // macOS and Windows default
}


/***/ }),

/***/ 916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   ES: () => (/* binding */ PortZeroError),
/* harmony export */   ZB: () => (/* binding */ AllocationError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   pS: () => (/* binding */ LeaseError)
/* harmony export */ });
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


/***/ }),

/***/ 261:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   W_: () => (/* binding */ isRunning),
/* harmony export */   gy: () => (/* binding */ processStart),
/* harmony export */   ls: () => (/* binding */ identify)
/* harmony export */ });
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

/***/ 447:
/***/ ((module, __webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ main)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _allocator_allocate_ports_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(450);
/* harmony import */ var _settings_constants_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(804);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(916);
/* harmony import */ var _settings_inputs_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(462);
/* harmony import */ var _protection_leases_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(953);
/* harmony import */ var _protection_lease_location_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(329);
/* harmony import */ var _protection_lease_caller_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(653);
/* harmony import */ var _settings_results_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(207);
/**
 * The local command: the same allocator as the action, for a shell.
 *   export $(npx port-zero web db)   # WEB_PORT=... DB_PORT=...
 */









const HELP = `Usage: port-zero [options] [name ...]

Prints a free port for each name as NAME_PORT=port lines, so that
  export $(npx port-zero web db)
sets WEB_PORT and DB_PORT in your shell. The ports of one call are distinct
and were all free together; by default (Linux, macOS) they are then held in
TIME_WAIT for 60 s so no other program's port 0 gets them, while servers that
set SO_REUSEADDR (Node, Go, nginx, Redis, ...) bind them at once.

Names: a letter first, then letters, digits, "-" or "_". Without names,
--count ports are named port-1 ... port-N (PORT_1 ...).

Options:
  -n, --count N        how many ports when no names are given (default 1)
      --env-prefix P   put P in front of each variable name (E2E_ -> E2E_WEB_PORT)
      --json           print a JSON object from name to port instead
      --protocol P     tcp (default), udp, or tcp,udp
      --host ADDRS     addresses each port must be free on, e.g. "127.0.0.1 ::1"
      --range LOW-HIGH draw from this range in random order
      --exclude LIST   ports and ranges never to hand out, e.g. "5432,6000-6100"
      --contiguous     one block of consecutive ports, in the order of the names
      --reserve MODE   auto (default), time-wait or none
      --lease-minutes N  how long the leases last at most (default 360)
      --lease-dir DIR  the lease directory shared with the action's lease-dir
  -h, --help           show this help

The ports are leased to the shell or script that ran the command: no other
call, and no Port Zero job on this host, gets them while it runs, or until
--lease-minutes pass.
  port-zero release    hands back every lease of the calling shell or script`;
const OPTIONS = {
    count: { type: 'string', short: 'n' },
    'env-prefix': { type: 'string' },
    json: { type: 'boolean' },
    protocol: { type: 'string' },
    host: { type: 'string' },
    range: { type: 'string' },
    exclude: { type: 'string' },
    contiguous: { type: 'boolean' },
    reserve: { type: 'string' },
    'lease-minutes': { type: 'string' },
    'lease-dir': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
};
function rawInputs(values, names) {
    const text = (key) => (typeof values[key] === 'string' ? values[key] : '');
    return {
        [_settings_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.Names]: names.join(' '),
        [_settings_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.Count]: text('count'),
        [_settings_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.EnvPrefix]: text('env-prefix'),
        [_settings_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.Protocol]: text('protocol'),
        [_settings_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.Host]: text('host'),
        [_settings_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.Range]: text('range'),
        [_settings_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.Exclude]: text('exclude'),
        [_settings_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.Contiguous]: values.contiguous ? 'true' : 'false',
        [_settings_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.Reserve]: text('reserve'),
        [_settings_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.LeaseMinutes]: text('lease-minutes'),
        [_settings_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.LeaseDir]: text('lease-dir'),
    };
}
/** Errors in the words of this command: its options, not the action's inputs. */
function describe(error) {
    if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz))
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error);
    const what = error.input === _settings_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.Names ? 'name' : `--${error.input}`;
    return `invalid ${what} ${JSON.stringify(error.value)}: ${error.allowed}`;
}
const RELEASE = 'release';
/** The calling shell's leases; without a usable default location, a warning and none (a named --lease-dir must work). */
function openLeases(settings) {
    const named = settings.leaseDir !== '';
    try {
        const location = (0,_protection_lease_location_js__WEBPACK_IMPORTED_MODULE_6__/* .openLeaseLocation */ .qF)(named ? settings.leaseDir : (0,_protection_lease_location_js__WEBPACK_IMPORTED_MODULE_6__/* .defaultLeaseRoot */ ._G)(), named);
        const ttlMs = settings.leaseMinutes * 60_000;
        return new _protection_leases_js__WEBPACK_IMPORTED_MODULE_5__/* .LeaseBook */ .u4({ location, owner: (0,_protection_leases_js__WEBPACK_IMPORTED_MODULE_5__/* .newOwner */ .Eh)((0,_protection_lease_caller_js__WEBPACK_IMPORTED_MODULE_7__/* .callerIdentity */ .I)()), ttlMs, reservation: settings.reserve });
    }
    catch (error) {
        if (named || !(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LeaseError */ .pS))
            throw error;
        process.stderr.write(`port-zero: warning: ${error.message}; these ports are not leased, so a Port Zero job may get them too.\n`);
        return undefined;
    }
}
/** `port-zero release`: removes the leases the calling shell or script holds. */
function release(settings, extra) {
    if (extra.length)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(_settings_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.Names, extra.join(' '), `nothing after "${RELEASE}"`);
    const named = settings.leaseDir !== '';
    const location = (0,_protection_lease_location_js__WEBPACK_IMPORTED_MODULE_6__/* .openLeaseLocation */ .qF)(named ? settings.leaseDir : (0,_protection_lease_location_js__WEBPACK_IMPORTED_MODULE_6__/* .defaultLeaseRoot */ ._G)(), named);
    const ports = (0,_protection_leases_js__WEBPACK_IMPORTED_MODULE_5__/* .releaseOwnedBy */ .Of)(location.own, (0,_protection_lease_caller_js__WEBPACK_IMPORTED_MODULE_7__/* .callerIdentity */ .I)());
    process.stdout.write(`Released ${ports.length} port leases${ports.length ? `: ${ports.join(' ')}` : ''}.\n`);
    return 0;
}
async function main(argv) {
    try {
        const { values, positionals } = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
        if (values.help) {
            process.stdout.write(`${HELP}\n`);
            return 0;
        }
        if (positionals[0] === RELEASE)
            return release((0,_settings_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .parseSettings */ .P$)(rawInputs(values, [])), positionals.slice(1));
        const settings = (0,_settings_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .parseSettings */ .P$)(rawInputs(values, positionals));
        if (settings.reserve === 'holder')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(_settings_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.Reserve, 'holder', 'auto, time-wait or none (the holder needs a job to end it)');
        const leases = openLeases(settings);
        let allocation;
        try {
            const reserve = settings.reserve === 'none' ? 'none' : 'time-wait';
            allocation = await (0,_allocator_allocate_ports_js__WEBPACK_IMPORTED_MODULE_1__/* .allocatePorts */ .C)({ ...(0,_settings_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .allocationRequest */ .i4)(settings), claim: leases?.claim, reserve });
        }
        catch (error) {
            leases?.releaseAll();
            throw error;
        }
        leases?.close();
        const results = (0,_settings_results_js__WEBPACK_IMPORTED_MODULE_8__/* .buildResults */ .r)(settings, allocation.ports, settings.reserve);
        const json = Object.fromEntries(results.rows.map((r) => [r.name, r.port]));
        process.stdout.write(values.json ? `${JSON.stringify(json)}\n` : (0,_settings_results_js__WEBPACK_IMPORTED_MODULE_8__/* .dotenv */ .P)(results.variables));
        return 0;
    }
    catch (error) {
        process.stderr.write(`port-zero: ${describe(error)}\nTry 'port-zero --help'.\n`);
        return 2;
    }
}
process.exitCode = await main(process.argv.slice(2));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 653:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ callerIdentity)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(24);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _platform_process_identity_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(261);


/**
 * The process that owns the local command's leases: the shell or script that ran it, so
 * its ports stay leased while that process lives. Usually the parent; a package runner in
 * between (`npx port-zero`, `npm exec`, an npm script, with the `sh -c` npm starts) exits
 * at once, so on Linux it is looked past. Elsewhere the parent is taken as it is.
 */
function callerIdentity() {
    let pid = process.ppid;
    if (process.platform === 'linux') {
        // A few hops at most: the chain is npm (or npx) -> sh -c -> this process.
        for (let hop = 0; hop < 3; hop++) {
            const above = launcherParent(pid);
            if (above === undefined)
                break;
            pid = above;
        }
    }
    return (0,_platform_process_identity_js__WEBPACK_IMPORTED_MODULE_1__/* .identify */ .ls)(pid);
}
const PACKAGE_RUNNER = /(^|\/)(npm|npx|pnpm|yarn|npm-cli\.js|npx-cli\.js)$/;
/** When `pid` is a package runner, or a `sh -c` that one started, the process above it; else undefined. */
function launcherParent(pid) {
    const argv = commandLine(pid);
    const parent = parentOf(pid);
    if (!argv || parent === undefined)
        return undefined;
    if (isPackageRunner(argv))
        return parent;
    const shell = /(^|\/)(sh|bash|dash)$/.test(argv[0]) && argv[1] === '-c';
    const parentArgv = shell ? commandLine(parent) : undefined;
    return parentArgv && isPackageRunner(parentArgv) ? parent : undefined;
}
/** npm renames its process "npm exec" (padded with spaces); node running npm-cli.js shows the script. */
function isPackageRunner(argv) {
    return argv.slice(0, 2).some((arg) => PACKAGE_RUNNER.test(arg.trim()) || /^np[mx] exec\b/.test(arg.trim()));
}
function commandLine(pid) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    }
    catch {
        return undefined;
    }
}
function parentOf(pid) {
    try {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]); // field 4, after the state
        return ppid > 1 ? ppid : undefined;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 329:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $v: () => (/* binding */ leaseDirs),
/* harmony export */   _G: () => (/* binding */ defaultLeaseRoot),
/* harmony export */   oX: () => (/* binding */ assertOwnDir),
/* harmony export */   qF: () => (/* binding */ openLeaseLocation)
/* harmony export */ });
/* unused harmony exports LEGACY_DEFAULT_NAME, accountName, SHARED_SETUP, ownDirProblem */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(24);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(916);




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
    const base = windows ? (env.ProgramData ?? node_os__WEBPACK_IMPORTED_MODULE_1___default().tmpdir()) : node_os__WEBPACK_IMPORTED_MODULE_1___default().tmpdir();
    return node_path__WEBPACK_IMPORTED_MODULE_2___default().join(base, DEFAULT_NAME);
}
/** This account's name inside a root: the uid, or the user name on Windows. */
function accountName() {
    return windows ? node_os__WEBPACK_IMPORTED_MODULE_1___default().userInfo().username.replace(/[^\w.-]/g, '_') : String(process.getuid());
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
 * @throws LeaseError saying why the location cannot be used.
 */
function openLeaseLocation(root, named) {
    try {
        openRoot(root, named);
        return { root, own: openOwnDir(root) };
    }
    catch (error) {
        const why = error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LeaseError */ .pS ? error.message : `${code(error)}`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LeaseError */ .pS(named
            ? `Input 'lease-dir' has a directory that cannot be used, ${JSON.stringify(root)}: ${why}. For several accounts, set one up with \`${SHARED_SETUP.replace('DIR', root)}\``
            : `The shared lease directory ${root} cannot be used: ${why}`);
    }
}
function openRoot(root, named) {
    let stat = lstat(root);
    if (!stat) {
        try {
            node_fs__WEBPACK_IMPORTED_MODULE_0___default().mkdirSync(root, named ? 0o700 : 0o777);
        }
        catch (error) {
            if (code(error) !== 'EEXIST')
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LeaseError */ .pS(`it cannot be created (${code(error)})`);
        }
        stat = lstat(root);
        // Ours and new: make it shared whatever the umask; one someone else made is judged below.
        if (!named && stat?.isDirectory() && !windows && stat.uid === process.getuid()) {
            node_fs__WEBPACK_IMPORTED_MODULE_0___default().chmodSync(root, 0o1777);
            stat = lstat(root);
        }
    }
    if (!stat)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LeaseError */ .pS('it vanished while being opened');
    const problem = rootProblem(root, stat);
    if (problem)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LeaseError */ .pS(problem);
}
function rootProblem(root, stat) {
    if (stat.isSymbolicLink())
        return 'it is a symbolic link; refusing to follow it';
    if (!stat.isDirectory())
        return 'it is not a directory';
    const kind = PSEUDO_FILESYSTEMS.get(Number(node_fs__WEBPACK_IMPORTED_MODULE_0___default().statfsSync(root).type));
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
    const preferred = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(root, account);
    // Jobs of one account start together: one creates the directory, the others find it.
    if (createOwnDir(preferred) || ownDirProblem(preferred) === undefined)
        return shared(preferred);
    for (const name of node_fs__WEBPACK_IMPORTED_MODULE_0___default().readdirSync(root)) {
        const dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(root, name);
        if (name.startsWith(`${account}.`) && ownDirProblem(dir) === undefined)
            return shared(dir);
    }
    const alternative = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(root, `${account}.${process.pid}-${Date.now().toString(36)}`);
    if (createOwnDir(alternative))
        return shared(alternative);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LeaseError */ .pS(`this account's directory in it cannot be created`);
}
/** True when `dir` was created now; false when the name exists already. */
function createOwnDir(dir) {
    try {
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().mkdirSync(dir, 0o755);
        return true;
    }
    catch (error) {
        if (code(error) === 'EEXIST')
            return false;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LeaseError */ .pS(`this account's directory ${dir} cannot be created (${code(error)})`);
    }
}
/** Makes this account's directory readable by every account whatever the umask (checked ours first). */
function shared(dir) {
    const problem = ownDirProblem(dir);
    if (problem)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LeaseError */ .pS(`this account's directory ${dir} cannot be used: ${problem}`);
    if (!windows && (lstat(dir).mode & 0o755) !== 0o755)
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().chmodSync(dir, 0o755);
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
function assertOwnDir(dir) {
    const problem = ownDirProblem(dir);
    if (problem)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LeaseError */ .pS(`The lease directory ${dir} cannot be used: ${problem}`);
}
/**
 * Every directory whose `<port>.lease` files count: each account's directory in the root,
 * the root itself and, for the default root, the earlier default directory (the earlier
 * layout kept lease files directly there). An account's directory is a real directory
 * named by its owner's uid (`1001`, or `1001.<suffix>`), so junk that another account
 * adds to the root costs one lstat per name and is then skipped: `seen` keeps those
 * verdicts across calls (a name that changes owner is its owner's to change).
 */
function leaseDirs(root, seen = new Map()) {
    const dirs = [root];
    const legacy = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(root), LEGACY_DEFAULT_NAME);
    if (node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(root) === DEFAULT_NAME && lstat(legacy)?.isDirectory())
        dirs.push(legacy);
    for (const name of node_fs__WEBPACK_IMPORTED_MODULE_0___default().readdirSync(root)) {
        const uid = ACCOUNT_DIR.exec(name)?.[1];
        if (uid === undefined)
            continue;
        const dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(root, name);
        let ok = seen.get(name);
        if (ok === undefined) {
            const stat = node_fs__WEBPACK_IMPORTED_MODULE_0___default().lstatSync(dir, { throwIfNoEntry: false });
            ok = stat !== undefined && stat.isDirectory() && (windows || stat.uid === Number(uid));
            seen.set(name, ok);
        }
        if (ok)
            dirs.push(dir);
    }
    return dirs;
}
const ACCOUNT_DIR = windows ? /^([^.][^.]*)(\.[\w-]+)?$/ : /^(\d+)(\.[\w-]+)?$/;
function lstat(file) {
    try {
        return node_fs__WEBPACK_IMPORTED_MODULE_0___default().lstatSync(file);
    }
    catch (error) {
        if (code(error) === 'ENOENT' || code(error) === 'ENOTDIR')
            return undefined;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LeaseError */ .pS(`it cannot be read (${code(error)})`);
    }
}
function code(error) {
    return error.code ?? String(error);
}


/***/ }),

/***/ 953:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  u4: () => (/* binding */ LeaseBook),
  Eh: () => (/* binding */ newOwner),
  Of: () => (/* binding */ releaseOwnedBy)
});

// UNUSED EXPORTS: hasLiveLease, newToken, releaseLeases, sweepStale

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(24);
var external_node_fs_default = /*#__PURE__*/__nccwpck_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(161);
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(916);
// EXTERNAL MODULE: ./src/platform/process-identity.ts
var process_identity = __nccwpck_require__(261);
// EXTERNAL MODULE: ./src/settings/constants.ts
var constants = __nccwpck_require__(804);
// EXTERNAL MODULE: ./src/protection/lease-location.ts
var lease_location = __nccwpck_require__(329);
;// CONCATENATED MODULE: ./src/protection/lease-record.ts



/** Nothing a lease needs comes near this; anything bigger is not a record. */
const MAX_RECORD_BYTES = 4096;
const MAX_LEASE_MS = constants/* MAX_LEASE_MINUTES */.UE * 60_000;
const O_NOFOLLOW = (external_node_fs_default()).constants.O_NOFOLLOW ?? 0; // absent on Windows, where lstat checks of the directories suffice
const O_NONBLOCK = (external_node_fs_default()).constants.O_NONBLOCK ?? 0;
/**
 * Reads a record without following a symbolic link (O_NOFOLLOW), without blocking on a
 * FIFO or device (O_NONBLOCK, then fstat must say regular file) and without reading more
 * than 4 KiB. Never throws: anything but a record is `missing` or `corrupt`.
 */
function lease_record_readRecord(file) {
    // Most names are missing: existsSync says so without the cost of an exception.
    if (!external_node_fs_default().existsSync(file) && !isLink(file))
        return { kind: 'missing' };
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
        const buffer = Buffer.alloc(MAX_RECORD_BYTES + 1);
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
function isLink(file) {
    return external_node_fs_default().lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink() ?? false;
}
const isIdentity = (p) => typeof p === 'object' &&
    p !== null &&
    Number.isInteger(p.pid) &&
    (p.start === null || typeof p.start === 'string');
/** The record if `text` has its shape, else undefined. Unknown fields are dropped by never being read. */
function parseRecord(text) {
    try {
        const r = JSON.parse(text);
        const valid = r?.version === 1 &&
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
function formatRecord(record) {
    return JSON.stringify(record);
}
/**
 * A lease is live while unexpired and its runner process runs (pid and start time, so a
 * reused pid does not count). The expiry is capped at the record's last inode change
 * (ctime) + the longest `lease-minutes`: a forged expiry years ahead, or pid 1 as the
 * owner, blocks a port for at most that long. ctime, not mtime: utimes() can set mtime
 * to any date, while ctime is always the kernel's clock.
 */
function lease_record_judgeRecord(record, changed, now = Date.now()) {
    const expires = Math.min(record.expires, changed + MAX_LEASE_MS);
    if (expires <= now)
        return { live: false, why: `expired at ${new Date(expires).toISOString()}` };
    if (!ownerRuns(record.owner.runner))
        return { live: false, why: `its owner process ${record.owner.runner.pid} is gone` };
    return { live: true };
}
/**
 * Whether the owner process runs. On a host that hides other users' processes
 * (/proc mounted with hidepid) another account's process exists (kill() answers EPERM)
 * but its start time cannot be read; it then counts as running, and the capped expiry
 * bounds the lease.
 */
function ownerRuns(owner) {
    if ((0,process_identity/* isRunning */.W_)(owner))
        return true;
    if (owner.start === null || !Number.isInteger(owner.pid) || owner.pid <= 0)
        return false;
    try {
        process.kill(owner.pid, 0);
        return false; // ours to see, and not the same process
    }
    catch (error) {
        return error.code === 'EPERM' && (0,process_identity/* processStart */.gy)(owner.pid) === null;
    }
}

;// CONCATENATED MODULE: ./src/protection/leases.ts









const LEASE_FILE = /^(\d{1,5})\.lease$/;
const RECORD_FILE = /^\.owner-(\d+)-[\w-]+\.json$/;
const leases_O_NOFOLLOW = (external_node_fs_default()).constants.O_NOFOLLOW ?? 0;
/** The one place lease tokens are made: unique to one allocation. */
function newToken() {
    return (0,external_node_crypto_namespaceObject.randomUUID)();
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
/** The leases of one allocation: claims ports, and gives them all back if the allocation fails. */
class LeaseBook {
    location;
    owner;
    record;
    warn;
    claimed = new Set();
    /** Which names in the root are account directories, judged once per allocation. */
    seen = new Map();
    /** Writes the allocation's record. @throws LeaseError when this account's directory cannot be written. */
    constructor(options) {
        this.location = options.location;
        this.owner = options.owner;
        this.warn = options.warn ?? (() => { });
        // The allocating pid in the name: a record left by an allocation killed mid-way is swept once that process is gone.
        this.record = external_node_path_default().join(this.location.own, `.owner-${process.pid}-${options.owner.token}.json`);
        const record = {
            version: 1,
            owner: options.owner,
            created: new Date().toISOString(),
            expires: Date.now() + options.ttlMs,
            ...(options.reservation === undefined ? {} : { reservation: options.reservation }),
            allocator: (0,process_identity/* identify */.ls)(process.pid),
        };
        try {
            (0,lease_location/* assertOwnDir */.oX)(this.location.own);
            writeExclusive(this.record, formatRecord(record));
        }
        catch (error) {
            throw new errors/* LeaseError */.pS(`The lease directory ${this.location.own} cannot be written: ${error.message}`);
        }
    }
    get ports() {
        return [...this.claimed];
    }
    /** Leases every port, or none of them (then false: one is someone else's). Called while the ports' sockets are held. */
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
        if (!this.linkOwn(port))
            return false;
        if (!liveIn((0,lease_location/* leaseDirs */.$v)(this.location.root, this.seen), port, this.location.own))
            return true;
        this.unlinkOwn(port); // another account's live lease: back off
        return false;
    }
    /** Publishes this allocation's lease in its own directory, replacing a stale one of the same account. */
    linkOwn(port) {
        const file = leasePath(this.location.own, port);
        for (let attempt = 0; attempt < 2; attempt++) {
            try {
                external_node_fs_default().linkSync(this.record, file);
                return true;
            }
            catch (error) {
                if (error.code !== 'EEXIST')
                    throw new errors/* LeaseError */.pS(`Cannot lease port ${port}: ${error.message}`);
            }
            // Only the process holding the port's socket gets here, so no other allocator
            // of this account is judging the same lease: removing a stale one is safe.
            if (!this.removeIfStale(file))
                return false;
        }
        return false;
    }
    removeIfStale(file) {
        const read = lease_record_readRecord(file);
        if (read.kind === 'record' && lease_record_judgeRecord(read.record, read.changed).live)
            return false;
        const removed = unlinkQuietly(file, this.warn);
        if (removed && read.kind === 'corrupt')
            this.warn(`Removed a corrupt lease ${file} (${read.why})`);
        return removed;
    }
    unlinkOwn(port) {
        external_node_fs_default().rmSync(leasePath(this.location.own, port), { force: true });
        this.claimed.delete(port);
    }
    /** The allocation is over: the lease files stay, the record's own name goes. */
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
/** Creates `file` (never an existing one, never through a link), readable by every account whatever the umask. */
function writeExclusive(file, content) {
    const flags = (external_node_fs_default()).constants.O_CREAT | (external_node_fs_default()).constants.O_EXCL | (external_node_fs_default()).constants.O_WRONLY | leases_O_NOFOLLOW;
    const fd = external_node_fs_default().openSync(file, flags, 0o644);
    try {
        if (process.platform !== 'win32')
            external_node_fs_default().fchmodSync(fd, 0o644);
        external_node_fs_default().writeSync(fd, content);
    }
    finally {
        external_node_fs_default().closeSync(fd);
    }
}
/** True if any directory but `except` holds a live lease for `port`. Reads only; anything but a record does not count. */
function liveIn(dirs, port, except) {
    return dirs.some((dir) => {
        if (dir === except)
            return false;
        const read = lease_record_readRecord(leasePath(dir, port));
        return read.kind === 'record' && lease_record_judgeRecord(read.record, read.changed).live;
    });
}
/**
 * True if any account on the host holds a live lease for `port` in the location rooted at
 * `location` (the default root or a `lease-dir`). Never throws for what others put there.
 */
function hasLiveLease(location, port) {
    try {
        return liveIn(leaseDirs(location), port);
    }
    catch {
        return false; // no readable location: no lease
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
        warn(`Cannot remove ${file} (${code}); its port is skipped`);
        return false;
    }
}
/** The post step: removes exactly the leases of `token` among `ports` from this account's directory `own`. */
function releaseLeases(own, token, ports) {
    assertOwnDir(own);
    let released = 0;
    for (const port of ports) {
        const file = leasePath(own, port);
        const read = readRecord(file);
        if (read.kind === 'record' && read.record.owner.token === token) {
            fs.rmSync(file, { force: true });
            released++;
        }
    }
    return released;
}
/** `port-zero release`: removes every lease in this account's directory owned by `owner` (same pid and start); returns their ports. */
function releaseOwnedBy(own, owner) {
    (0,lease_location/* assertOwnDir */.oX)(own);
    const released = [];
    for (const name of external_node_fs_default().readdirSync(own)) {
        const port = LEASE_FILE.exec(name)?.[1];
        if (port === undefined)
            continue;
        const read = lease_record_readRecord(external_node_path_default().join(own, name));
        const runner = read.kind === 'record' ? read.record.owner.runner : undefined;
        if (runner?.pid === owner.pid && runner.start === owner.start) {
            external_node_fs_default().rmSync(external_node_path_default().join(own, name), { force: true });
            released.push(Number(port));
        }
    }
    return released.sort((a, b) => a - b);
}
/**
 * Tidies this account's directory `own`: removes leases that are stale or corrupt (a
 * record shared by many leases is judged once), and records of allocations whose
 * process is gone (killed mid-way). Other accounts' files are never touched: their stale
 * leases simply stop counting. Returns the stale leases it removed.
 */
function sweepStale(own, warn) {
    assertOwnDir(own);
    const verdicts = new Map();
    const stale = [];
    for (const name of fs.readdirSync(own)) {
        const file = path.join(own, name);
        const record = RECORD_FILE.exec(name);
        if (record) {
            if (abandoned(file, Number(record[1])))
                unlinkQuietly(file, warn);
            continue;
        }
        const port = LEASE_FILE.exec(name)?.[1];
        const ino = port === undefined ? undefined : fs.lstatSync(file, { throwIfNoEntry: false })?.ino;
        if (ino === undefined)
            continue;
        const verdict = verdicts.get(ino) ?? judgeFile(file);
        if (!verdict.corrupt)
            verdicts.set(ino, verdict);
        if (verdict.live || !unlinkQuietly(file, warn))
            continue;
        if (verdict.corrupt)
            warn(`Removed a corrupt lease ${file} (${verdict.why})`);
        stale.push({ port: Number(port), reservation: verdict.reservation, why: verdict.why });
    }
    return stale;
}
function judgeFile(file) {
    const read = readRecord(file);
    if (read.kind === 'missing')
        return { live: true, why: 'already gone' }; // nothing to remove
    if (read.kind === 'corrupt')
        return { live: false, why: read.why, corrupt: true };
    const verdict = judgeRecord(read.record, read.changed);
    return { live: verdict.live, why: verdict.live ? '' : verdict.why, reservation: read.record.reservation };
}
/** A record whose allocating process is gone, or that is unreadable and older than any lease can be. */
function abandoned(file, pid) {
    const read = readRecord(file);
    if (read.kind === 'missing')
        return false;
    if (read.kind === 'record')
        return !isRunning(read.record.allocator ?? { pid, start: null });
    const stat = fs.lstatSync(file, { throwIfNoEntry: false });
    return !isRunning({ pid, start: null }) || (stat !== undefined && stat.ctimeMs + MAX_LEASE_MINUTES * 60_000 < Date.now());
}


/***/ }),

/***/ 804:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Df: () => (/* binding */ DEFAULT_LEASE_MINUTES),
/* harmony export */   H$: () => (/* binding */ MAX_COUNT),
/* harmony export */   UE: () => (/* binding */ MAX_LEASE_MINUTES),
/* harmony export */   k7: () => (/* binding */ Output),
/* harmony export */   pd: () => (/* binding */ Input)
/* harmony export */ });
/* unused harmony export State */
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
};
/** The most ports one step hands out. */
const MAX_COUNT = 1000;
/** Leases and the holder end after this long unless released first: six hours, the longest a hosted job runs. */
const DEFAULT_LEASE_MINUTES = 360;
const MAX_LEASE_MINUTES = 7 * 24 * 60;


/***/ }),

/***/ 462:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i4: () => (/* binding */ allocationRequest),
  P$: () => (/* binding */ parseSettings)
});

// UNUSED EXPORTS: mapEnvNames, parseBoolean, parseCount, parseEnvPrefix, parseHosts, parseLeaseMinutes, parseNames, parsePortList, parseProtocol, parseRange, parseReserve

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(24);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __nccwpck_require__(30);
var external_node_net_default = /*#__PURE__*/__nccwpck_require__.n(external_node_net_);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(161);
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/settings/constants.ts
var constants = __nccwpck_require__(804);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(916);
;// CONCATENATED MODULE: ./src/settings/naming.ts

/** Names: how a port's name becomes its step output and its environment variable. */
const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const NAME_RULE = 'a letter first, then letters, digits, "-" or "_", at most 64 characters';
/** Outputs that every run sets (env-file when asked); a port may not take their names. */
const FIXED_OUTPUTS = Object.values(constants/* Output */.k7);
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

// EXTERNAL MODULE: ./src/allocator/port-range.ts
var port_range = __nccwpck_require__(850);
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
    const names = parseNames(value(constants/* Input */.pd.Names), value(constants/* Input */.pd.Count));
    const prefix = parseEnvPrefix(value(constants/* Input */.pd.EnvPrefix));
    const envNames = mapEnvNames(names, prefix);
    const range = parseRange(value(constants/* Input */.pd.Range), names.length);
    const exclude = parsePortList(constants/* Input */.pd.Exclude, value(constants/* Input */.pd.Exclude));
    checkRangeAgainstExclude(range, exclude, names.length, value(constants/* Input */.pd.Exclude));
    return {
        names,
        envNames,
        exportEnv: parseBoolean(constants/* Input */.pd.ExportEnv, value(constants/* Input */.pd.ExportEnv), true),
        protocols: parseProtocol(value(constants/* Input */.pd.Protocol)),
        hosts: parseHosts(value(constants/* Input */.pd.Host)),
        range,
        exclude,
        contiguous: parseBoolean(constants/* Input */.pd.Contiguous, value(constants/* Input */.pd.Contiguous), false),
        reserve: parseReserve(value(constants/* Input */.pd.Reserve)),
        leaseDir: value(constants/* Input */.pd.LeaseDir),
        leaseMinutes: parseLeaseMinutes(value(constants/* Input */.pd.LeaseMinutes)),
        summary: parseBoolean(constants/* Input */.pd.Summary, value(constants/* Input */.pd.Summary), true),
        envFile: value(constants/* Input */.pd.EnvFile) && external_node_path_default().resolve(value(constants/* Input */.pd.EnvFile)),
    };
}
function parseCount(raw) {
    const allowed = `a whole number from 1 to ${constants/* MAX_COUNT */.H$}`;
    if (!/^\d+$/.test(raw))
        throw new errors/* InputError */.dz(constants/* Input */.pd.Count, raw, allowed);
    const count = Number(raw);
    if (count < 1 || count > constants/* MAX_COUNT */.H$)
        throw new errors/* InputError */.dz(constants/* Input */.pd.Count, raw, allowed);
    return count;
}
/** Names as given, or `port-1` ... `port-N` from `count`. */
function parseNames(rawNames, rawCount) {
    const count = parseCount(rawCount || '1');
    if (rawNames === '')
        return defaultNames(count);
    if (rawNames.split(',').some((part) => part.trim() === '')) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.Names, rawNames, 'an empty name between commas; separate names with spaces, commas or newlines');
    }
    const names = splitNames(rawNames);
    for (const name of names) {
        if (!NAME_PATTERN.test(name))
            throw new errors/* InputError */.dz(constants/* Input */.pd.Names, name, `each name must have ${NAME_RULE}`);
        if (FIXED_OUTPUTS.some((fixed) => fixed === name.toLowerCase())) {
            throw new errors/* InputError */.dz(constants/* Input */.pd.Names, name, `the outputs ${FIXED_OUTPUTS.join(', ')} are always set, so no port can take those names`);
        }
    }
    if (names.length > constants/* MAX_COUNT */.H$)
        throw new errors/* InputError */.dz(constants/* Input */.pd.Names, rawNames, `at most ${constants/* MAX_COUNT */.H$} names`);
    if (count !== 1 && count !== names.length) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.Count, rawCount, `${names.length} names were given, so 'count' must be left out or be ${names.length}`);
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
            throw new errors/* InputError */.dz(constants/* Input */.pd.Names, name, `each name must be unique; it ${why}`);
        }
        seen.set(env, name);
        return env;
    });
}
function parseEnvPrefix(raw) {
    if (raw === '' || /^[A-Za-z_][A-Za-z0-9_]*$/.test(raw))
        return raw;
    throw new errors/* InputError */.dz(constants/* Input */.pd.EnvPrefix, raw, 'a letter or "_" first, then letters, digits or "_" (or empty)');
}
/** The values the runner's own getBooleanInput accepts, and empty for the default. */
function parseBoolean(input, raw, fallback) {
    if (raw === '')
        return fallback;
    if (['true', 'True', 'TRUE'].includes(raw))
        return true;
    if (['false', 'False', 'FALSE'].includes(raw))
        return false;
    throw new errors/* InputError */.dz(input, raw, 'true or false');
}
/** auto: TIME_WAIT where it protects (Linux, macOS); on Windows it does not, so none. */
function parseReserve(raw, platform = process.platform) {
    const mode = raw === '' ? 'auto' : raw;
    if (mode === 'auto')
        return platform === 'win32' ? 'none' : 'time-wait';
    if (mode === 'none' || mode === 'time-wait' || mode === 'holder')
        return mode;
    throw new errors/* InputError */.dz(constants/* Input */.pd.Reserve, raw, 'auto, time-wait, holder or none');
}
function parseLeaseMinutes(raw) {
    if (raw === '')
        return constants/* DEFAULT_LEASE_MINUTES */.Df;
    const minutes = Number(raw);
    if (!/^\d+$/.test(raw) || minutes < 1 || minutes > constants/* MAX_LEASE_MINUTES */.UE) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.LeaseMinutes, raw, `a whole number of minutes from 1 to ${constants/* MAX_LEASE_MINUTES */.UE}`);
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
        throw new errors/* InputError */.dz(constants/* Input */.pd.Protocol, raw, 'tcp, udp or tcp,udp');
    return parts;
}
/** Addresses a port must be free on; each must be an address of this machine. */
function parseHosts(raw, known) {
    const hosts = [...new Set(raw.split(/[\s,]+/).filter(Boolean))];
    // Listed only when an address is given: the usual empty input costs no interface lookup.
    const interfaces = hosts.length > 0 ? (known ?? localAddresses()) : new Set();
    for (const host of hosts) {
        if (external_node_net_default().isIP(host) === 0)
            throw new errors/* InputError */.dz(constants/* Input */.pd.Host, host, 'IP addresses separated by spaces or commas, such as 127.0.0.1 ::1');
        if (!interfaces.has(host)) {
            throw new errors/* InputError */.dz(constants/* Input */.pd.Host, host, `not an address of this machine; it has ${[...interfaces].join(', ')}`);
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
    if (!match || low < port_range/* MIN_PORT */.ln || high > port_range/* MAX_PORT */.XP || low > high)
        throw new errors/* InputError */.dz(input, raw, allowed);
    return { low, high };
}
function parseRange(raw, count, canBind) {
    if (raw === '')
        return undefined;
    const allowed = `LOW-HIGH with ${port_range/* MIN_PORT */.ln} <= LOW <= HIGH <= ${port_range/* MAX_PORT */.XP}, such as 20000-29999`;
    if (!raw.includes('-'))
        throw new errors/* InputError */.dz(constants/* Input */.pd.Range, raw, allowed);
    const range = parseItem(constants/* Input */.pd.Range, raw, raw, allowed);
    if ((0,port_range/* rangeSize */.xh)(range) < count)
        throw new errors/* InputError */.dz(constants/* Input */.pd.Range, raw, `it holds ${(0,port_range/* rangeSize */.xh)(range)} ports, fewer than the ${count} asked for`);
    if (!(canBind ?? privilegedPortsAllowed())(range.low)) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.Range, raw, `ports below ${firstUnprivilegedPort()} need root on this runner; use a range above it`);
    }
    return range;
}
function parsePortList(input, raw) {
    const allowed = 'ports and ranges separated by commas or spaces, such as 5432, 6000-6100';
    const items = raw.split(/[\s,]+/).filter(Boolean);
    return new port_range/* PortSet */.oQ(items.map((item) => parseItem(input, raw, item, allowed)));
}
function checkRangeAgainstExclude(range, exclude, count, raw) {
    if (!range || exclude.size === 0)
        return;
    const left = exclude.countOutside(range);
    const where = `range ${range.low}-${range.high}`;
    if (left === 0)
        throw new errors/* InputError */.dz(constants/* Input */.pd.Exclude, raw, `it covers the whole ${where}`);
    if (left < count) {
        throw new errors/* InputError */.dz(constants/* Input */.pd.Exclude, raw, `it leaves ${left} of the ports of ${where}, fewer than the ${count} asked for`);
    }
}
/** Linux lets only root bind below net.ipv4.ip_unprivileged_port_start (1024 unless changed). */
function firstUnprivilegedPort() {
    if (process.platform !== 'linux')
        return 1024;
    try {
        return Number((0,external_node_fs_.readFileSync)('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8').trim());
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


/***/ }),

/***/ 207:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ dotenv),
/* harmony export */   r: () => (/* binding */ buildResults)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(804);

function buildResults(settings, ports, protection) {
    const rows = settings.names.map((name, i) => ({ name, port: ports[i], envName: settings.envNames[i] }));
    const outputs = {};
    for (const row of rows)
        outputs[row.name] = String(row.port);
    outputs[_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Output */ .k7.Port] = String(ports[0]);
    outputs[_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Output */ .k7.Ports] = ports.join(' ');
    outputs[_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Output */ .k7.Json] = JSON.stringify(Object.fromEntries(rows.map((r) => [r.name, r.port])));
    if (settings.envFile)
        outputs[_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Output */ .k7.EnvFile] = settings.envFile;
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


/***/ }),

/***/ 24:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 30:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

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
/******/ var __webpack_exports__ = __nccwpck_require__(447);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ var __webpack_exports__main = __webpack_exports__.i;
/******/ export { __webpack_exports__main as main };
/******/ 

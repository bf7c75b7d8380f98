#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 608:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  C: () => (/* binding */ allocatePorts)
});

// UNUSED EXPORTS: DEFAULT_TIME_LIMIT_MS

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
 * listener on 127.0.0.1 or ::1, or on any address the wildcard covers. Connect
 * to each loopback address and to each of `also` (addresses asked for that the
 * wildcard covers): if our own server does not get the connection, somebody
 * else listens there.
 */
async function confirmLoopback(held, also = []) {
    if (!held.server || (held.host !== '::' && held.host !== '0.0.0.0'))
        return true;
    const covered = also.filter((a) => a !== '::' && a !== '0.0.0.0' && (held.host === '::' || external_node_net_default().isIPv4(a)));
    const addresses = [...new Set([...(held.host === '::' ? LOOPBACKS : LOOPBACKS.slice(0, 1)), ...covered])];
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

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(24);
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
    pending;
    buffer = '';
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
    start() {
        const child = (0,external_node_child_process_namespaceObject.spawn)('perl', ['-e', SCRIPT], { stdio: 'pipe' });
        child.on('error', () => this.stop()); // no perl: go on without the probe
        child.on('exit', () => this.stop());
        child.stdin.on('error', () => this.stop());
        child.stdout.setEncoding('utf8').on('data', (chunk) => this.receive(chunk));
        this.child = child;
    }
    receive(chunk) {
        this.buffer += chunk;
        const end = this.buffer.indexOf('\n');
        if (end < 0 || !this.pending)
            return;
        const line = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 1);
        this.answer(new Set(line.split(' ').filter(Boolean).map(Number)));
    }
    answer(busy) {
        const pending = this.pending;
        this.pending = undefined;
        if (pending) {
            clearTimeout(pending.timer);
            pending.resolve(busy);
        }
    }
    stop() {
        const child = this.child;
        this.child = undefined;
        if (child && child.exitCode === null && child.signalCode === null)
            child.kill();
        this.answer(new Set());
    }
    /**
     * The ports of `ports` another TCP socket uses on `host` (EVERY_ADDRESS: the
     * dual-stack wildcard), as far as the probe can tell; empty without the probe.
     * One request at a time.
     */
    async busy(host, ports) {
        if (this.unstarted && ports.length > 0) {
            this.unstarted = false;
            this.start();
        }
        const child = this.child;
        if (!child || ports.length === 0)
            return new Set();
        return new Promise((resolve) => {
            const timer = setTimeout(() => this.stop(), Math.min(Math.max(this.deadline - Date.now(), 0), 2 ** 31 - 1));
            this.pending = { resolve, timer };
            child.stdin.write(`${host === EVERY_ADDRESS ? '::' : host} ${ports.join(' ')}\n`);
        });
    }
    /** Ends the probe process; safe to call twice. */
    close() {
        this.unstarted = false;
        this.stop();
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
    for (const file of files) {
        let text;
        try {
            text = (0,external_node_fs_.readFileSync)(`/proc/net/${file}`, 'utf8');
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
/**
 * Linux's `net.ipv4.ip_local_reserved_ports`: ports the kernel's own choice
 * skips on every address, which an explicit bind does not see. Empty elsewhere.
 */
function kernelReservedPorts() {
    if (process.platform !== 'linux')
        return [];
    try {
        const text = (0,external_node_fs_.readFileSync)('/proc/sys/net/ipv4/ip_local_reserved_ports', 'utf8').trim();
        return text
            .split(',')
            .filter(Boolean)
            .map((item) => {
            const [low, high = low] = item.split('-').map(Number);
            return { low, high };
        });
    }
    catch {
        return [];
    }
}

// EXTERNAL MODULE: ./src/allocator/hosts.ts
var allocator_hosts = __nccwpck_require__(502);
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
class EphemeralExhausted extends errors/* AllocationError */.ZB {
    name = 'EphemeralExhausted';
}
function explain(error, host, port) {
    const code = error?.code;
    if (code === 'EADDRNOTAVAIL')
        return new errors/* AllocationError */.ZB(`Address ${host || 'asked for'} is not an address of this machine`);
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
        // Every excluded proposal stays bound and each later bind(0) walks past it: past a few, search directly.
        if (found.length < size || excluded > spec.count + 64)
            next = explicit(tried);
        return found;
    };
}
/**
 * Explicit binds over `search` minus `exclude` and `skip`, in random order,
 * each port tried once. Ports the probe finds in use are refused unbound;
 * refused ports are closed at once (a range is walked once, so nothing needs
 * steering away).
 */
function rangeSource(spec, search, probe, skip = new port_range/* PortSet */.oQ()) {
    const order = shuffled(spec.exclude.union(skip).complementIn(search));
    let size = 0;
    return async (remaining) => {
        if (order.length === 0)
            return undefined;
        size = size === 0 ? remaining : Math.min(Math.max(size * 2, remaining), MAX_ROUND);
        const ports = order.splice(-size);
        const foreign = await foreignPorts(spec, probe, ports, spec.range === undefined);
        const batch = await settleAll(ports.filter((p) => !foreign.has(p)).map((port) => bindEverywhere(spec, port)));
        await closeAll(batch.filter((c) => !c.free).flatMap((c) => c.held));
        const refused = [...foreign].map((port) => ({ ports: [port], held: [], free: false, refusal: FOREIGN }));
        return [...batch.map((c) => (c.free ? c : { ...c, held: [] })), ...refused];
    };
}
/**
 * Random blocks of `count` consecutive ports until one is wholly free. Every
 * port found busy (excluded, in use, refused by a bind) rules out each block
 * that contains it; after the first refused block every socket the kernel
 * lists is learned at once (/proc on Linux). So a range with no such block ends after a few rounds instead
 * of trying every base.
 */
function blockSource(spec, search, probe, skip = new port_range/* PortSet */.oQ()) {
    const emulateKernel = spec.range === undefined;
    let busy = spec.exclude.union(skip);
    const learn = (ports) => (busy = busy.union(new port_range/* PortSet */.oQ([...ports].map((p) => ({ low: p, high: p })))));
    let surveyed = false;
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
        const base = randomBase(busy.complementIn(search), spec.count);
        if (base === undefined)
            return undefined;
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

;// CONCATENATED MODULE: ./src/allocator/allocate-ports.ts









/** Gives up after this long (ms) by default: a request that cannot be met ends in an error, never a hang. */
const DEFAULT_TIME_LIMIT_MS = 10_000;
/** At most this many rounds of a source (each at most 1024 binds or one block): the attempt bound. */
const MAX_ROUNDS = 4096;
/**
 * Binds the whole batch, holds every socket until all ports are known, then
 * closes them all, so no port can be handed out twice within the batch.
 *
 * Every request ends: each source walks a finite space (see sources.ts), and
 * the search stops after `timeLimitMs` or MAX_ROUNDS rounds, whichever comes
 * first. Throws AllocationError naming what refused the ports and what to
 * change; PortZeroError for a bad count; the socket error for anything else.
 */
async function allocatePorts(options) {
    const spec = await resolveSpec(options);
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
        if (spec.reserve === 'time-wait')
            await reserveTimeWait(chosen.flatMap((c) => c.held));
        const bound = chosen[0].held.map((h) => h.host); // what "every address" turned out to be here
        return { ports, hosts: [...new Set(bound)], protocols: spec.protocols, reserve: spec.reserve };
    }
    finally {
        probe.close();
        await closeAll([...skipped, ...chosen.flatMap((c) => c.held)]);
    }
}
/**
 * The kernel's choice by default; explicit search where it cannot serve: a
 * `range`, a block, or an `exclude` covering much of the ephemeral range (every
 * excluded proposal would stay bound, and each later bind(0) walks past all of them).
 */
function chooseSource(spec, probe) {
    if (spec.range)
        return (spec.contiguous ? blockSource : rangeSource)(spec, spec.range, probe);
    const ephemeral = (0,port_range/* ephemeralRange */.RC)();
    // What the kernel's own choice skips and an explicit bind does not see: the reserved list.
    const reserved = () => new port_range/* PortSet */.oQ(kernelReservedPorts());
    if (spec.contiguous)
        return blockSource(spec, ephemeral, probe, reserved());
    const explicit = (tried) => rangeSource(spec, ephemeral, probe, reserved().union(new port_range/* PortSet */.oQ(tried.map((p) => ({ low: p, high: p })))));
    const excludedShare = 1 - spec.exclude.countOutside(ephemeral) / (0,port_range/* rangeSize */.xh)(ephemeral);
    return excludedShare >= 0.25 ? explicit([]) : kernelSource(spec, explicit);
}
/**
 * Sorts a batch into chosen and skipped, counting why each refused one was
 * refused. Skipped sockets stay bound until the end, so the kernel cannot offer
 * those ports again; so do any not needed.
 */
async function judge(spec, batch, chosen, skipped, refusals) {
    const asks = spec.claim !== undefined || spec.confirmLoopback;
    for (let i = 0; i < batch.length; i++) {
        const candidate = batch[i];
        const wanted = chosen.length < spec.count && !(spec.contiguous && chosen.length > 0);
        let refusal;
        try {
            if (!wanted)
                refusal = undefined;
            else if (!candidate.free)
                refusal = candidate.refusal ?? 'taken';
            else if (candidate.ports.some((p) => spec.exclude.has(p)))
                refusal = 'excluded';
            else if (asks)
                refusal = await claimed(spec, candidate);
        }
        catch (error) {
            for (const rest of batch.slice(i))
                skipped.push(...rest.held); // still ours to close
            throw error;
        }
        if (wanted && refusal === undefined)
            chosen.push(candidate);
        else
            skipped.push(...candidate.held);
        if (refusal)
            refusals.set(refusal, (refusals.get(refusal) ?? 0) + candidate.ports.length);
    }
}
/** Undefined when the candidate is ours; else why not. */
async function claimed(spec, candidate) {
    if (spec.confirmLoopback && !(await confirmAll(spec, candidate)))
        return 'taken on a loopback or listed address';
    if (spec.claim && !(await spec.claim(candidate.ports)))
        return 'leased by another job';
    return undefined;
}
async function resolveSpec(options) {
    if (!Number.isInteger(options.count) || options.count < 1) {
        throw new errors/* PortZeroError */.ES(`count must be a whole number of at least 1, got ${options.count}`);
    }
    // A host list that can never be bound together ("0.0.0.0 ::") would refuse every port: fold it.
    const plan = (0,allocator_hosts/* planHosts */.l)(options.hosts ?? []);
    const hosts = plan.bind.length ? plan.bind : [EVERY_ADDRESS];
    const protocols = options.protocols?.length ? [...new Set(options.protocols)] : ['tcp'];
    let exclude = options.exclude ?? new port_range/* PortSet */.oQ();
    // Port 0 avoids Windows' excluded ranges, but a range or a contiguous block does not.
    if (process.platform === 'win32' && (options.range || options.contiguous)) {
        exclude = exclude.union(await windowsExcludedPorts(protocols));
    }
    return {
        count: options.count,
        protocols,
        pairs: protocols.flatMap((protocol) => hosts.map((host) => ({ protocol, host }))),
        covered: plan.covered,
        range: options.range,
        exclude,
        contiguous: options.contiguous ?? false,
        claim: options.claim,
        reserve: options.reserve ?? 'none',
        confirmLoopback: options.confirmLoopback ?? process.platform !== 'linux',
        timeLimitMs: options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS,
        probeForeign: process.platform === 'linux' && protocols.includes('tcp'),
    };
}
async function confirmAll(spec, candidate) {
    const results = await Promise.all(candidate.held.map((h) => confirmLoopback(h, spec.covered)));
    return results.every(Boolean);
}
function where(spec) {
    const { low, high } = spec.range ?? (0,port_range/* ephemeralRange */.RC)();
    return spec.range ? `range ${low}-${high}` : `the ephemeral range ${low}-${high}`;
}
/** The main reasons ports were refused, most frequent first: "1890 excluded, 12 taken for udp on ::". */
function reasons(refusals) {
    const top = [...refusals].sort((a, b) => b[1] - a[1]).slice(0, 3);
    return top.length ? ` (refused: ${top.map(([why, n]) => `${n} ${why}`).join(', ')})` : '';
}
/** What the user can change to get the ports. */
function remedy(spec) {
    if (spec.contiguous)
        return `ask for a smaller block, widen 'range' or drop 'contiguous'`;
    if (spec.range)
        return `widen 'range', shorten 'exclude' or ask for fewer ports`;
    return `shorten 'exclude', ask for fewer ports, or set a 'range' outside the ephemeral range`;
}
function shortfall(spec, found, refusals) {
    const left = spec.exclude.countOutside(spec.range ?? (0,port_range/* ephemeralRange */.RC)());
    const why = left < spec.count ? ` ('exclude' leaves ${left} of its ports)` : reasons(refusals);
    if (spec.contiguous) {
        return new errors/* AllocationError */.ZB(`No block of ${spec.count} consecutive free ports in ${where(spec)}${why}: ${remedy(spec)}`);
    }
    return new errors/* AllocationError */.ZB(`Only ${found} of the ${spec.count} ports asked for are free in ${where(spec)}${why}: ${remedy(spec)}`);
}
function gaveUp(spec, chosen, refusals, rounds) {
    const found = chosen.flatMap((c) => c.ports).length;
    const seconds = (spec.timeLimitMs / 1000).toFixed(1);
    const bound = rounds >= MAX_ROUNDS ? `${rounds} rounds` : `${seconds} s`;
    return new errors/* AllocationError */.ZB(`Gave up after ${bound} with ${found} of the ${spec.count} ports asked for in ${where(spec)}${reasons(refusals)}: ${remedy(spec)}`);
}


/***/ }),

/***/ 502:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ planHosts),
/* harmony export */   r: () => (/* binding */ canonicalHost)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(30);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);

/** One spelling per address: `0:0::1` is `::1`, `::ffff:127.0.0.1` is `127.0.0.1`. A scoped address (`fe80::1%eth0`) is kept as given. */
function canonicalHost(host) {
    const family = node_net__WEBPACK_IMPORTED_MODULE_0___default().isIP(host);
    if (family === 0 || host.includes('%'))
        return host;
    const address = new (node_net__WEBPACK_IMPORTED_MODULE_0___default().SocketAddress)({ address: host, family: family === 6 ? 'ipv6' : 'ipv4' }).address;
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
    const covers = (wildcard, host) => host !== wildcard && (wildcard === '::' || (wildcard === '0.0.0.0' && node_net__WEBPACK_IMPORTED_MODULE_0___default().isIPv4(host)));
    const covered = unique.filter((host) => unique.some((other) => covers(other, host)));
    return { bind: unique.filter((host) => !covered.includes(host)), covered };
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
/* harmony export */   gJ: () => (/* binding */ errorMessage)
/* harmony export */ });
/* unused harmony export LeaseError */
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
class LeaseError extends (/* unused pure expression or super */ null && (PortZeroError)) {
    name = 'LeaseError';
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
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
/* harmony import */ var _allocator_allocate_ports_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(608);
/* harmony import */ var _settings_constants_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(804);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(916);
/* harmony import */ var _settings_inputs_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(359);
/* harmony import */ var _settings_results_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(207);
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
  -h, --help           show this help

Leases between jobs belong to the GitHub Action (its post step ends them);
the local command takes none.`;
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
    };
}
/** Errors in the words of this command: its options, not the action's inputs. */
function describe(error) {
    if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz))
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error);
    const what = error.input === _settings_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.Names ? 'name' : `--${error.input}`;
    return `invalid ${what} ${JSON.stringify(error.value)}: ${error.allowed}`;
}
async function main(argv) {
    try {
        const { values, positionals } = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
        if (values.help) {
            process.stdout.write(`${HELP}\n`);
            return 0;
        }
        const settings = (0,_settings_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .parseSettings */ .P$)(rawInputs(values, positionals));
        if (settings.reserve === 'holder')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(_settings_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .pd.Reserve, 'holder', 'auto, time-wait or none (the holder needs a job to end it)');
        const allocation = await (0,_allocator_allocate_ports_js__WEBPACK_IMPORTED_MODULE_1__/* .allocatePorts */ .C)({ ...(0,_settings_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .allocationRequest */ .i4)(settings), reserve: settings.reserve === 'none' ? 'none' : 'time-wait' });
        const results = (0,_settings_results_js__WEBPACK_IMPORTED_MODULE_5__/* .buildResults */ .r)(settings, allocation.ports, settings.reserve);
        const json = Object.fromEntries(results.rows.map((r) => [r.name, r.port]));
        process.stdout.write(values.json ? `${JSON.stringify(json)}\n` : (0,_settings_results_js__WEBPACK_IMPORTED_MODULE_5__/* .dotenv */ .P)(results.variables));
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

/***/ 359:
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
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
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
// EXTERNAL MODULE: ./src/allocator/hosts.ts
var allocator_hosts = __nccwpck_require__(502);
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
/**
 * Addresses a port must be free on; each must be an address of this machine.
 * Each is spelled one way (`0:0::1` is `::1`) and listed once. Addresses that a
 * wildcard in the list covers (`0.0.0.0 ::`) are kept here and folded by the
 * allocator (see planHosts), which binds the wildcard alone.
 */
function parseHosts(raw, known) {
    const given = raw.split(/[\s,]+/).filter(Boolean);
    for (const host of given) {
        if (external_node_net_default().isIP(host) === 0)
            throw new errors/* InputError */.dz(constants/* Input */.pd.Host, host, 'IP addresses separated by spaces or commas, such as 127.0.0.1 ::1');
    }
    const hosts = [...new Set(given.map(allocator_hosts/* canonicalHost */.r))];
    // Listed only when an address is given: the usual empty input costs no interface lookup.
    const interfaces = hosts.length > 0 ? (known ?? localAddresses()) : new Set();
    for (const host of hosts) {
        if (!interfaces.has(host)) {
            throw new errors/* InputError */.dz(constants/* Input */.pd.Host, host, `not an address of this machine; it has ${[...interfaces].join(', ')}`);
        }
    }
    return hosts;
}
function localAddresses() {
    const found = Object.values(external_node_os_default().networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address));
    return new Set(['0.0.0.0', '::', ...found.map(allocator_hosts/* canonicalHost */.r)]);
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

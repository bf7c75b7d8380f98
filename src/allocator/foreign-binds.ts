import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { EVERY_ADDRESS } from './sockets.ts';
import { systemTool } from '../platform/system-tools.ts';

/**
 * Binds each port without SO_REUSEADDR and closes it at once, printing the
 * ports the kernel refused. One request per line: "HOST PORT PORT ...".
 */
const SCRIPT = String.raw`
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
export class ForeignBinds {
  private child?: ChildProcessWithoutNullStreams;
  private pending?: { resolve: (busy: Set<number>) => void; timer: NodeJS.Timeout };
  private buffer = '';
  /** Started on the first request: the kernel's own choice, the usual path, needs no probe. */
  private unstarted: boolean;
  private readonly deadline: number;

  /**
   * @param deadline when the allocation gives up (ms since the epoch): a request
   *   not answered by then ends the probe and counts as "nothing found", so the
   *   allocation's own bound ends it.
   */
  constructor(enabled = process.platform === 'linux', deadline = Infinity) {
    this.unstarted = enabled;
    this.deadline = deadline;
  }

  private start() {
    const child = spawn(systemTool('perl'), ['-e', SCRIPT], { stdio: 'pipe' });
    child.on('error', () => this.stop()); // no perl: go on without the probe
    child.on('exit', () => this.stop());
    child.stdin.on('error', () => this.stop());
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => this.receive(chunk));
    this.child = child;
  }

  private receive(chunk: string) {
    this.buffer += chunk;
    const end = this.buffer.indexOf('\n');
    if (end < 0 || !this.pending) return;
    const line = this.buffer.slice(0, end);
    this.buffer = this.buffer.slice(end + 1);
    this.answer(new Set(line.split(' ').filter(Boolean).map(Number)));
  }

  private answer(busy: Set<number>) {
    const pending = this.pending;
    this.pending = undefined;
    if (pending) {
      clearTimeout(pending.timer);
      pending.resolve(busy);
    }
  }

  private stop() {
    const child = this.child;
    this.child = undefined;
    if (child && child.exitCode === null && child.signalCode === null) child.kill();
    this.answer(new Set());
  }

  /**
   * The ports of `ports` another TCP socket uses on `host` (EVERY_ADDRESS: the
   * dual-stack wildcard), as far as the probe can tell; empty without the probe.
   * One request at a time.
   */
  async busy(host: string, ports: readonly number[]): Promise<Set<number>> {
    if (this.unstarted && ports.length > 0) {
      this.unstarted = false;
      this.start();
    }
    const child = this.child;
    if (!child || ports.length === 0) return new Set();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.stop(), Math.min(Math.max(this.deadline - Date.now(), 0), 2 ** 31 - 1));
      this.pending = { resolve, timer };
      child.stdin.write(`${host === EVERY_ADDRESS ? '::' : host} ${ports.join(' ')}\n`);
    });
  }

  /** Ends the probe process; safe to call twice. */
  close(): void {
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
export function socketStates(files: readonly string[]): Map<number, Set<string>> {
  const states = new Map<number, Set<string>>();
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(`/proc/net/${file}`, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      const port = parseInt(local?.split(':')[1] ?? '', 16);
      if (port > 0) states.set(port, (states.get(port) ?? new Set()).add(state));
    }
  }
  return states;
}

/** Whether the only sockets on a port are in TIME_WAIT: a SO_REUSEADDR server binds it at once. */
export function onlyTimeWait(states: ReadonlySet<string> | undefined): boolean {
  return states !== undefined && states.size === 1 && states.has(TIME_WAIT);
}

import { readFileSync } from 'node:fs';
import { EVERY_ADDRESS } from './sockets.ts';
import { LineChild } from '../platform/line-child.ts';
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
  private child?: LineChild;
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

  /**
   * The ports of `ports` another TCP socket uses on `host` (EVERY_ADDRESS: the
   * dual-stack wildcard), as far as the probe can tell; empty without the probe.
   * One request at a time.
   */
  async busy(host: string, ports: readonly number[]): Promise<Set<number>> {
    if (ports.length === 0) return new Set();
    if (this.unstarted) {
      this.unstarted = false;
      this.child = new LineChild(systemTool('perl'), ['-e', SCRIPT]);
    }
    const child = this.child;
    if (!child) return new Set();
    child.send(`${host === EVERY_ADDRESS ? '::' : host} ${ports.join(' ')}`);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>(
      (resolve) => (timer = setTimeout(() => resolve('late'), Math.min(Math.max(this.deadline - Date.now(), 0), 2 ** 31 - 1))),
    );
    const answer = await Promise.race([child.next(), late]).finally(() => clearTimeout(timer));
    // No answer: no perl here, or it died or hung. Go on without the probe.
    if (answer === undefined || answer === 'late') {
      this.close();
      return new Set();
    }
    return new Set(answer.split(' ').filter(Boolean).map(Number));
  }

  /** Ends the probe process; safe to call twice. */
  close(): void {
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
export function socketStates(files: readonly string[]): Map<number, Set<string>> {
  const states = new Map<number, Set<string>>();
  if (process.platform !== 'linux') return states; // elsewhere a /proc is an ordinary folder anyone may make
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

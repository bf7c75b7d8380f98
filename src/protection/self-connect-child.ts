import os from 'node:os';
import { AllocationError, plural } from '../errors.ts';
import { LineChild } from '../platform/line-child.ts';

/** The loopback addresses the child can self-connect on, as it names them: 4 is 127.0.0.1, 6 is ::1. */
export const CHILD_ADDRESSES: Readonly<Record<string, string>> = { '127.0.0.1': '4', '::1': '6' };

/**
 * Reads lines "FAMILIES PORT PORT ..." (FAMILIES: "4", "6" or "4,6"); for each
 * port and family, opens a TCP socket, sets SO_REUSEADDR (as libuv does on every
 * Node bind, so the two methods refuse the same ports), binds loopback:PORT and
 * connects it to itself, then closes it: the simultaneous open completes inside
 * connect() on loopback, and the close leaves one TIME_WAIT entry. Answers each
 * line with the failures, "PORT:FAMILY:ERRNO ...". Prints "ready" before it
 * touches any port. No modules (Socket alone costs about 15 ms to load): the
 * constants are Linux's (AF_INET 2, AF_INET6 10, SOCK_STREAM 1, SOL_SOCKET 1,
 * SO_REUSEADDR 2), and the sockaddrs are packed by hand.
 */
const SCRIPT = String.raw`
$| = 1; print "ready\n";
my %to = (4 => [2, "\x7f\0\0\x01"], 6 => [10, ("\0" x 15) . "\x01"]);
while (my $line = <STDIN>) {
  my ($families, @ports) = split ' ', $line;
  my @failed;
  for my $port (@ports) {
    for my $f (split /,/, $families) {
      my ($family, $host) = @{$to{$f}};
      my $sa = $family == 2 ? pack('S n a4 x8', 2, $port, $host) : pack('S n N a16 L', 10, $port, 0, $host, 0);
      my $s;
      push @failed, "$port:$f:" . ($! + 0)
        unless socket($s, $family, 1, 0) && setsockopt($s, 1, 2, 1) && bind($s, $sa) && connect($s, $sa);
      close $s if $s;
    }
  }
  print "@failed\n";
}`;

/** A self-connection that failed: the port, the loopback address and the error code ("EADDRINUSE"). */
export interface ChildFailure {
  port: number;
  address: string;
  code: string;
}

/** Ports in one request: about 2 ms of the child's work, so it starts on the first while the caller closes the next. */
export const CHILD_LINE = 128;

const ERRNO_NAMES = new Map(Object.entries(os.constants.errno).map(([name, n]) => [n, name]));

/**
 * One short-lived perl process making TCP self-connections for a batch (Linux):
 * about 40 us per connection, where Node's own sockets cost about 115 us. Start
 * it before closing the listeners, so its start-up overlaps theirs; send each
 * group of ports once its listeners are closed; then `finish`.
 *
 * perl is run by absolute path (perl-base is part of every Debian and Ubuntu
 * system). When it is missing or exits before it says "ready", it touched no
 * port, and `finish` resolves `undefined`: the caller makes the connections itself.
 */
export class SelfConnectChild {
  private readonly child: LineChild;
  private readonly sent: { families: string[]; ports: readonly number[] }[] = [];

  constructor(program: string) {
    this.child = new LineChild(program, ['-e', SCRIPT]);
  }

  /** Asks for a self-connection on each of `addresses` (keys of CHILD_ADDRESSES) from and to each port. */
  send(addresses: readonly string[], ports: readonly number[]): void {
    const families = addresses.map((a) => CHILD_ADDRESSES[a]);
    this.sent.push({ families, ports });
    this.child.send(`${families.join(',')} ${ports.join(' ')}`);
  }

  /**
   * Waits for every answer and for the process to end, at most `waitMs` (then it
   * is killed). Resolves the failed connections, or undefined when it never
   * started (no port touched).
   * @throws AllocationError when it started but did not answer every request.
   */
  async finish(waitMs: number): Promise<ChildFailure[] | undefined> {
    try {
      const end = await this.child.finish(waitMs);
      const [first, ...answers] = this.child.drain();
      const started = first === 'ready';
      if (end !== 'late' && !started) return undefined;
      if (end === 'late' || end.code !== 0 || answers.length !== this.sent.length) {
        const how =
          end === 'late' ? `did not finish within ${waitMs / 1000} s` : `ended (${end.error ?? end.signal ?? `exit code ${end.code}`})`;
        const said = this.child.stderr.trim() ? `: ${this.child.stderr.trim()}` : '';
        const count = this.sent.reduce((n, s) => n + s.ports.length, 0);
        throw new AllocationError(
          `The TIME_WAIT reservation of ${plural(count, 'port')} failed: the perl process making the self-connections ${how} after answering ${answers.length} of ${this.sent.length} requests${said}`,
        );
      }
      return answers.flatMap((line) => line.split(' ').filter(Boolean).map(failure));
    } finally {
      await this.stop(); // killed when late: reaped before the caller goes on
    }
  }

  /** Kills the process if it still runs. Safe to call twice. */
  stop(): Promise<boolean> {
    return this.child.stop();
  }
}

function failure(field: string): ChildFailure {
  const [port, family, errno] = field.split(':').map(Number);
  const address = Object.keys(CHILD_ADDRESSES).find((a) => CHILD_ADDRESSES[a] === String(family))!;
  return { port, address, code: ERRNO_NAMES.get(errno) ?? `errno ${errno}` };
}

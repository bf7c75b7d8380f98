import { LineChild } from './line-child.ts';
import { systemTool } from './system-tools.ts';
import type { PortSocket } from './socket-table.ts';

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
const SCRIPT = String.raw`
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

/** Which ports to look at, per protocol. */
export interface PortQuery {
  tcp: readonly number[];
  udp: readonly number[];
}

/** How often the helper looks while it watches: `firstMs` in turn, then every `maxMs`. */
export interface WatchSchedule {
  firstMs: readonly number[];
  maxMs: number;
}

const list = (ports: readonly number[]) => (ports.length ? ports.join(',') : '-');

/**
 * The helper. Each method resolves to the sockets on the queried ports, or to undefined
 * once the helper cannot serve (no perl, netlink refused, no answer in time), after which
 * the caller reads /proc/net itself. One request at a time; a new one (`look` during a
 * `watch`) takes over, and the older one's promise resolves with its answer.
 */
export class SockDiag {
  private child?: LineChild;
  private failed = false;
  private lines: string[] = [];
  private serial = 0;
  private pending?: { id: number; resolve: (sockets: PortSocket[] | undefined) => void; timer?: NodeJS.Timeout };

  /** Started on the first request, so a wait that is over at once never starts it. */
  private start(): LineChild {
    const child = new LineChild(systemTool('perl'), ['-e', SCRIPT]);
    this.child = child;
    void this.pump(child);
    return child;
  }

  /** Takes the helper's lines as they come; its end (no perl, killed) ends the service. */
  private async pump(child: LineChild) {
    for (let line = await child.next(); line !== undefined && this.child === child; line = await child.next()) {
      if (line.startsWith('!')) return this.fail();
      const done = /^\. (\d+)$/.exec(line);
      if (!done) this.lines.push(line);
      else if (Number(done[1]) === this.pending?.id) this.settle(parseHelperLines(this.lines.splice(0)));
      else this.lines = []; // the answer to a request that a newer one took over
    }
    if (this.child === child) this.fail();
  }

  private settle(sockets: PortSocket[] | undefined) {
    const pending = this.pending;
    this.pending = undefined;
    clearTimeout(pending?.timer);
    pending?.resolve(sockets);
  }

  private fail() {
    this.failed = true;
    this.close();
  }

  private request(command: string, timed: boolean): Promise<PortSocket[] | undefined> {
    if (this.failed) return Promise.resolve(undefined);
    const child = this.child ?? this.start();
    const id = ++this.serial;
    const earlier = this.pending;
    return new Promise((resolve) => {
      // A request that takes over resolves the earlier one's promise with its own answer.
      const both = (sockets: PortSocket[] | undefined) => {
        earlier?.resolve(sockets);
        resolve(sockets);
      };
      clearTimeout(earlier?.timer);
      this.pending = { id, resolve: both, timer: timed ? setTimeout(() => this.fail(), ANSWER_MS) : undefined };
      child.send(`${id} ${command}`);
    });
  }

  /** The sockets on the queried ports now: TCP listeners, bound UDP sockets. */
  look(query: PortQuery): Promise<PortSocket[] | undefined> {
    return this.request(`look ${list(query.tcp)} ${list(query.udp)}`, true);
  }

  /**
   * Resolves once the sockets on the queried ports differ from what the helper last
   * reported (for those ports), looking on `schedule`; `look()` answers it at once.
   */
  watch(query: PortQuery, schedule: WatchSchedule): Promise<PortSocket[] | undefined> {
    return this.request(`watch ${schedule.firstMs.join(',') || '-'} ${schedule.maxMs} ${list(query.tcp)} ${list(query.udp)}`, false);
  }

  /** Ends the helper; safe to call twice. A request still waiting resolves to undefined. */
  close(): void {
    const child = this.child;
    this.child = undefined;
    void child?.stop();
    this.settle(undefined);
  }
}

/** The helper's `PROTOCOL ADDRESS PORT UID INODE` lines; a line that does not fit is skipped. */
export function parseHelperLines(lines: readonly string[]): PortSocket[] {
  const sockets: PortSocket[] = [];
  for (const line of lines) {
    const match = /^(tcp|udp) ([0-9a-fA-F:.]{2,45}) (\d{1,5}) (\d{1,10}) (\d{1,20})$/.exec(line);
    const port = Number(match?.[3]);
    if (!match || port < 1 || port > 65535) continue;
    const [protocol, address, , uid, inode] = match.slice(1);
    sockets.push({
      protocol: protocol as 'tcp' | 'udp',
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

# The self-connect floor's kernel work: for each port read from standard input
# (lines of space-separated ports), a TCP socket with SO_REUSEADDR binds
# 127.0.0.1:PORT, connects to itself and closes, leaving one TIME_WAIT entry;
# then the same on ::1. Exits non-zero if any step fails. Linux constants, no modules.
my ($v4, $v6) = ("\x7f\0\0\x01", ("\0" x 15) . "\x01");
while (my $line = <STDIN>) {
  for my $port (split ' ', $line) {
    for my $sa (pack('S n a4 x8', 2, $port, $v4), pack('S n N a16 L', 10, $port, 0, $v6, 0)) {
      my $s;
      socket($s, unpack('S', $sa), 1, 0) && setsockopt($s, 1, 2, 1) && bind($s, $sa) && connect($s, $sa) or die "port $port: $!\n";
      close $s;
    }
  }
}

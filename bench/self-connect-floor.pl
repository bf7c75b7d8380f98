# The self-connect floor's kernel work: for each port on standard input (one
# line, space-separated), a TCP socket with SO_REUSEADDR binds 127.0.0.1:PORT,
# connects to itself and closes, leaving one TIME_WAIT entry; then the same on
# ::1. Exits 1 if any step fails. Linux constants, no modules.
my @to = ([2, sub { pack('S n a4 x8', 2, $_[0], "\x7f\0\0\x01") }], [10, sub { pack('S n N a16 L', 10, $_[0], 0, ("\0" x 15) . "\x01", 0) }]);
for my $port (split ' ', scalar <STDIN>) {
  for (@to) {
    my ($family, $address) = @$_;
    my $sa = $address->($port);
    my $s;
    socket($s, $family, 1, 0) && setsockopt($s, 1, 2, 1) && bind($s, $sa) && connect($s, $sa) or die "port $port: $!\n";
    close $s;
  }
}

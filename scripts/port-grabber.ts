/**
 * Another program on the host: it keeps asking the kernel for port 0 (as a
 * SO_REUSEADDR server, like most) and holds every port it gets, until told to
 * stop; then it reports them all.
 */
import net from 'node:net';

const MAX_HELD = Number(process.argv[2] ?? 5000);
const held: net.Server[] = [];
let running = true;

process.on('message', () => {
  running = false;
  process.send!(
    held.map((s) => (s.address() as net.AddressInfo).port),
    () => process.exit(0),
  );
});

process.send!('ready');
while (running && held.length < MAX_HELD) {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, () => resolve()));
  held.push(server);
  await new Promise((r) => setTimeout(r, 1));
}

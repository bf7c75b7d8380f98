/**
 * Another program on the host: it keeps asking the kernel for port 0 (as a
 * SO_REUSEADDR server, like most) and holds every port it gets, until told to
 * stop; then it reports them all. Usage: port-grabber.ts [max-held] [hosts]:
 * hosts, comma-separated ("::1,127.0.0.1,::"), are bound in turn; default every address.
 */
import net from 'node:net';

const MAX_HELD = Number(process.argv[2] ?? 5000);
const HOSTS = (process.argv[3] ?? '').split(',').filter(Boolean);
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
for (let turn = 0; running && held.length < MAX_HELD; turn++) {
  const server = net.createServer();
  const host = HOSTS.length ? HOSTS[turn % HOSTS.length] : undefined;
  const bound = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false)); // this address has no port left: go on with the others
    server.listen({ port: 0, host }, () => resolve(true));
  });
  if (bound) held.push(server);
  await new Promise((r) => setTimeout(r, 1));
}

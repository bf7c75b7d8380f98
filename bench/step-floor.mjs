/**
 * The least any Node step doing this job costs, with none of Port Zero's code:
 * bind N ports (5 unless argv says), reserve them, and write N + 3 outputs as
 * `name=value` lines (no node:crypto). Reserves with the kernel list (ip_local_reserved_ports) when
 * PORT_ZERO_BENCH_NAMESPACE says this is a fresh network namespace of its own,
 * else with a TCP self-connect per port (which leaves it in TIME_WAIT). With the
 * kernel list the listeners are never closed one by one: the process's exit closes
 * them, as the least a step that exits right after can do.
 * Plain JavaScript: a .ts file would make Node load its type stripper first.
 *   node bench/step-floor.mjs [N]
 */
import fs from 'node:fs';
import net from 'node:net';

const servers = await Promise.all(
  Array.from(
    { length: Number(process.argv[2] ?? 5) },
    () =>
      new Promise((ok) => {
        const s = net.createServer();
        s.listen(0, () => ok(s));
      }),
  ),
);
const ports = servers.map((s) => s.address().port);
if (process.env.PORT_ZERO_BENCH_NAMESPACE === '1') {
  // Listed while still bound, and never closed one by one: the process's exit closes them all.
  fs.writeFileSync('/proc/sys/net/ipv4/ip_local_reserved_ports', ports.join(','));
} else {
  await Promise.all(servers.map((s) => new Promise((ok) => s.close(ok))));
  await Promise.all(
    ports.map(
      (port) =>
        new Promise((ok) => {
          const socket = net.connect({ host: '127.0.0.1', port, localAddress: '127.0.0.1', localPort: port });
          socket.once('connect', () => (socket.destroy(), ok()));
          socket.once('error', ok);
        }),
    ),
  );
}
const lines = ports.map((port, i) => `port-${i}=${port}\n`).join('');
fs.appendFileSync(process.env.GITHUB_OUTPUT, lines + `ports=${ports.join(' ')}\nport=${ports[0]}\njson=${JSON.stringify(ports)}\n`);
// Held listeners would keep the event loop alive; the action's step ends the same way (process.exit once written).
process.exit(0);

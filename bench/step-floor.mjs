/**
 * The least any Node step doing this job costs, with none of Port Zero's code:
 * bind 5 ports, reserve each with one loopback connection, and write 8 outputs
 * the way @actions/core does (a random delimiter from node:crypto each).
 * Plain JavaScript: a .ts file would make Node load its type stripper first.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';

const servers = await Promise.all(
  Array.from(
    { length: 5 },
    () =>
      new Promise((ok) => {
        const s = net.createServer();
        s.listen(0, () => ok(s));
      }),
  ),
);
await Promise.all(
  servers.map(
    (s) =>
      new Promise((ok) => {
        const client = net.connect(s.address().port, '127.0.0.1');
        s.once('connection', (socket) => {
          socket.destroy();
          client.destroy();
          ok();
        });
      }),
  ),
);
await Promise.all(servers.map((s) => new Promise((ok) => s.close(ok))));
for (let i = 0; i < 8; i++) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  fs.appendFileSync(process.env.GITHUB_OUTPUT, `port-${i}<<${delimiter}\n1\n${delimiter}\n`);
}

/** One neighbour, in its own process: prints how long 1000 calls of `kind` took, in ms. */
import net from 'node:net';
import getPort from 'get-port';

const kind = process.argv[2];
const CALLS = 1000;

async function listenZero(): Promise<net.Server> {
  const server = net.createServer();
  await new Promise<void>((ok) => server.listen(0, () => ok()));
  return server;
}

const loops: Record<string, () => Promise<void>> = {
  // bind(0), release, again: a one-liner in a loop.
  'listen-loop': async () => {
    for (let i = 0; i < CALLS; i++) {
      const s = await listenZero();
      await new Promise((ok) => s.close(ok));
    }
  },
  // bind(0) and hold: a test suite starting many servers.
  'listen-hold': async () => {
    const held: net.Server[] = [];
    for (let i = 0; i < CALLS; i++) held.push(await listenZero());
    await Promise.all(held.map((s) => new Promise((ok) => s.close(ok))));
  },
  'get-port': async () => {
    for (let i = 0; i < CALLS; i++) await getPort();
  },
};

await loops[kind](); // warm-up in this process
const start = performance.now();
await loops[kind]();
console.log((performance.now() - start).toFixed(1));

import { once } from 'node:events';
import http from 'node:http';
import { getPorts } from 'port-zero';

// Runs once, in Jest's main process, before the workers start: every worker that asks for 'web' or 'db' gets these ports.
export default async function globalSetup() {
  const { ports, release } = await getPorts({ names: ['web', 'db'] });
  // The app under test, told where its database is (start the database on ports.db here too).
  const app = http.createServer((_request, response) => response.end(JSON.stringify({ db: ports.db })));
  await once(app.listen(ports.web), 'listening');
  // What globalSetup puts on globalThis, globalTeardown finds there.
  globalThis.stopApp = async () => {
    await new Promise((resolve) => app.close(resolve));
    await release();
  };
}

import { once } from 'node:events';
import http from 'node:http';
import { afterAll, expect, test } from '@jest/globals';
import { getPorts } from 'port-zero';

// 'web' and 'db': the global set-up's ports, the same in every worker. 'api': this file's own.
const { ports, release } = await getPorts({ names: ['web', 'db', 'api'] });
afterAll(release);

test("reaches the app that the global set-up started, on the set-up's ports", async () => {
  const response = await fetch(`http://127.0.0.1:${ports.web}/`);
  expect(await response.json()).toEqual({ db: ports.db });
});

test('starts a server of its own on a port of its own', async () => {
  const api = http.createServer((_request, response) => response.end('api'));
  await once(api.listen(ports.api), 'listening');
  const response = await fetch(`http://127.0.0.1:${ports.api}/`);
  expect(await response.text()).toBe('api');
  await new Promise((resolve) => api.close(resolve));
});

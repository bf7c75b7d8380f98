import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { connectToOwn } from '../src/allocator/own-connection.ts';
import { close, listen } from './helpers/servers.ts';

const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(close));
});

async function ownServer() {
  const server = await listen(0);
  servers.push(server);
  return { server, port: (server.address() as net.AddressInfo).port };
}

describe('connectToOwn', () => {
  it("finds its own connection when another client's reaches the server first, and closes the stranger", async () => {
    const { server, port } = await ownServer();
    const stranger = net.connect({ host: '127.0.0.1', port });
    await new Promise((r) => stranger.once('connect', r));
    const strangerClosed = new Promise((r) => stranger.once('close', r));
    stranger.resume();
    const own = await connectToOwn(server, '127.0.0.1', port, 5000);
    expect(own.outcome).toBe('ours');
    if (own.outcome !== 'ours') return;
    expect(own.accepted.remotePort).toBe(own.client.localPort);
    expect(own.accepted.remotePort).not.toBe(stranger.localPort);
    await strangerClosed;
    own.accepted.destroy();
    own.client.destroy();
  });

  it('matches every connection of a large concurrent batch, whichever event comes first', async () => {
    const own = await Promise.all(Array.from({ length: 200 }, () => ownServer()));
    const results = await Promise.all(own.map(({ server, port }) => connectToOwn(server, '127.0.0.1', port, 5000)));
    expect(results.map((r) => r.outcome)).toEqual(Array(200).fill('ours'));
    for (const r of results) {
      if (r.outcome !== 'ours') continue;
      r.accepted.destroy();
      r.client.destroy();
    }
  });

  it('reports a refused connection when nobody listens on that port', async () => {
    const { server } = await ownServer();
    const { port: unused } = await ownServer();
    await close(servers.pop()!);
    expect((await connectToOwn(server, '127.0.0.1', unused, 5000)).outcome).toBe('refused');
  });
});

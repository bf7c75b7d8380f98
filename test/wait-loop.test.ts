import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { needInSuite } from './harness/needs.ts';
import { openSocketReader, type SocketReader } from '../src/platform/socket-readers.ts';
import { waitForTargets } from '../src/readiness/wait-loop.ts';
import type { JobIdentity } from '../src/readiness/ownership.ts';
import { close, listen } from './helpers/servers.ts';

const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(close));
});

const job: JobIdentity = { trackingId: null, root: process.pid, rootName: 'this process', uid: process.getuid?.() ?? null };

/** This OS's reader with its watch taken away: how lsof and netstat are waited on, by polling. */
function pollingOnly(): SocketReader & { reads: number } {
  const real = openSocketReader();
  const reader = {
    source: `${real.source}, polled`,
    reads: 0,
    read: (query: Parameters<SocketReader['read']>[0]) => {
      reader.reads++;
      return real.read(query);
    },
    close: () => real.close(),
  };
  return reader;
}

describe('the wait loop with a reader that cannot watch', () => {
  needInSuite('proc');
  it('polls until a listener appears, then names its owner', async () => {
    const probe = await listen(0, '127.0.0.1');
    const port = (probe.address() as net.AddressInfo).port;
    await close(probe);
    const reader = pollingOnly();
    setTimeout(() => void listen(port, '127.0.0.1').then((s) => servers.push(s)), 300);
    const target = { name: 'web', port, protocols: ['tcp' as const], byNumber: false };
    const [ready] = await waitForTargets([target], { timeoutMs: 30_000, job, foreign: 'fail', reader });
    expect(ready.owner).toMatchObject({ pid: process.pid, belongs: 'job' });
    expect(reader.reads).toBeGreaterThan(2); // it looked before the server was there
  });

  it('stops at the time-out with what the last look saw', async () => {
    const reader = pollingOnly();
    const target = { name: 'port-1', port: 1, protocols: ['udp' as const], byNumber: true };
    const error = await waitForTargets([target], { timeoutMs: 300, job, foreign: 'fail', reader }).catch((e: unknown) => e);
    expect((error as Error).message).toBe('Timed out after 0.3 s with 1 of 1 ports not ready:\n- port 1: nothing listening');
  });
});

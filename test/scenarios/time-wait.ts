/**
 * TIME_WAIT reservations in a network namespace of their own (its ephemeral range
 * narrowed by the caller). Prints one JSON line. Usage: node time-wait.ts <scenario> [method]
 */
import net from 'node:net';
import { allocatePorts } from '../../src/allocator/allocate-ports.ts';
import { bind, closeAll } from '../../src/allocator/sockets.ts';
import { reserveTimeWait, type TimeWaitMethod } from '../../src/protection/time-wait.ts';
import { errorMessage } from '../../src/errors.ts';
import { storm } from '../helpers/storm.ts';
import { bindEachWithoutReuseAddr } from '../helpers/foreign.ts';

function listenOn(port: number, host: string): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port, host }, () => resolve(server));
  });
}

const scenarios: Record<string, (method: TimeWaitMethod) => Promise<unknown>> = {
  /** 20 ports reserved by `method` on every address, then a storm walks the whole range. */
  async storm(method) {
    const held = await Promise.all(Array.from({ length: 20 }, () => bind('tcp', '', 0)));
    const ports = held.map((h) => h.port);
    const lost = await reserveTimeWait(held, method);
    await closeAll(held);
    const got = await storm(39999);
    const taken = Object.fromEntries(Object.entries(got).map(([kind, p]) => [kind, p.filter((x) => ports.includes(x)).length]));
    const plain = await bindEachWithoutReuseAddr(ports);
    return { lost, taken, plain };
  },

  /** Ephemeral range 40000-40009 with listeners on 40000-40007: two ports are left, and no source port. */
  async full(method) {
    const listeners = await Promise.all(Array.from({ length: 8 }, (_, i) => listenOn(40000 + i, '::')));
    let allocated: number[] | string;
    try {
      allocated = (await allocatePorts({ count: 2, protect: reserveTimeWait })).ports;
    } catch (error) {
      allocated = errorMessage(error);
    }
    // TIME_WAIT from the allocation keeps bind(0) off 40008-40009 now: hold them by hand for the old method.
    const held = await Promise.all([40008, 40009].map((p) => bind('tcp', '', p)));
    let accepted: string;
    try {
      accepted = `lost ${await reserveTimeWait(held, method)}`;
    } catch (error) {
      accepted = errorMessage(error);
    }
    await closeAll(held);
    await Promise.all(listeners.map((l) => new Promise((r) => l.close(r))));
    return { allocated, accepted };
  },
};

const [name, method] = process.argv.slice(2);
process.stdout.write(`${JSON.stringify(await scenarios[name](method as TimeWaitMethod))}\n`);

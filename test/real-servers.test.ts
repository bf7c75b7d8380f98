import { afterEach, describe, expect, it } from 'vitest';
import { isRunning } from '../src/platform/process-identity.ts';
import type { Holder } from '../src/protection/holder.ts';
import { runStep } from './harness/action-runner.ts';
import { need } from './harness/needs.ts';
import {
  answer,
  ask,
  startNginx,
  startNodeHttp,
  startPlainSocket,
  startPythonHttp,
  startRedis,
  stop,
  type Running,
} from './helpers/real-servers.ts';

const servers: Running[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(stop));
});

/** Several server starts (Python through a version manager's shim can take seconds each on a loaded host): a bound for a hang. */
const SERVERS_MS = 180_000;

function run(server: Running): Running {
  servers.push(server);
  return server;
}

// nginx and redis-server are installed by .ci/run on Linux; the hosted macOS and Windows jobs do not have them.
describe('real servers on the ports the action hands out', () => {
  it(
    'nginx, redis-server, python http.server and a Node server each bind the port from their variable and answer',
    async (context) => {
      need(context, 'nginx', 'redis-server', 'python3');
      const main = await runStep({ with: { names: 'nginx redis python-http node-http' } });
      expect(main.code).toBe(0);
      const env = main.env;
      const nginx = run(startNginx(Number(env.NGINX_PORT)));
      const redis = run(startRedis(Number(env.REDIS_PORT)));
      const python = run(startPythonHttp(Number(env.PYTHON_HTTP_PORT)));
      const node = run(startNodeHttp(Number(env.NODE_HTTP_PORT)));
      expect(await answer(nginx, () => ask.http(Number(env.NGINX_PORT)))).toBe(200);
      expect(await answer(redis, () => ask.redis(Number(env.REDIS_PORT)))).toBe('+PONG');
      expect(await answer(python, () => ask.http(Number(env.PYTHON_HTTP_PORT)))).toBe(200);
      expect(await answer(node, () => ask.http(Number(env.NODE_HTTP_PORT)))).toBe(200);
      const post = await runStep({ entry: 'post', state: main.state });
      expect(post.code).toBe(0);
    },
    SERVERS_MS,
  );

  it(
    'the same servers bind the ports a holder keeps, and the holder lets go',
    async (context) => {
      need(context, 'nginx', 'redis-server', 'python3');
      const main = await runStep({ with: { names: 'nginx redis python-http', reserve: 'holder' } });
      expect(main.code).toBe(0);
      const env = main.env;
      const nginx = run(startNginx(Number(env.NGINX_PORT)));
      const redis = run(startRedis(Number(env.REDIS_PORT)));
      const python = run(startPythonHttp(Number(env.PYTHON_HTTP_PORT)));
      expect(await answer(nginx, () => ask.http(Number(env.NGINX_PORT)))).toBe(200);
      expect(await answer(redis, () => ask.redis(Number(env.REDIS_PORT)))).toBe('+PONG');
      expect(await answer(python, () => ask.http(Number(env.PYTHON_HTTP_PORT)))).toBe(200);
      // The holder keeps its sockets beside the servers until the post step stops it.
      const holder = JSON.parse(main.state.holder) as Holder;
      expect(isRunning(holder.process)).toBe(true);
      expect((await runStep({ entry: 'post', state: main.state })).code).toBe(0);
      expect(isRunning(holder.process)).toBe(false);
    },
    SERVERS_MS,
  );

  it(
    'a server without SO_REUSEADDR: refused under reserve: time-wait, served with reserve: none',
    async (context) => {
      need(context, 'python3');
      const reserved = await runStep({ with: { names: 'plain', reserve: 'time-wait' } });
      const refused = run(startPlainSocket(Number(reserved.env.PLAIN_PORT)));
      await expect(answer(refused, () => ask.line(Number(reserved.env.PLAIN_PORT)))).rejects.toThrow(/Address already in use/);

      const plain = await runStep({ with: { names: 'plain', reserve: 'none' } });
      const served = run(startPlainSocket(Number(plain.env.PLAIN_PORT)));
      expect(await answer(served, () => ask.line(Number(plain.env.PLAIN_PORT)))).toBe('plain');
    },
    SERVERS_MS,
  );
});

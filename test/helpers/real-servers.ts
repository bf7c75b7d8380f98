/** Real servers from the machine's packages, started on a given port and asked to answer. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface Running {
  name: string;
  child: ChildProcess;
  output: () => string;
}

/** Debian puts nginx in /usr/sbin, which is not on every user's PATH. */
const env = { ...process.env, PATH: `${process.env.PATH}:/usr/local/sbin:/usr/sbin:/sbin` };

function start(name: string, command: string, args: string[], options: { cwd?: string } = {}): Running {
  const child = spawn(command, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  child.on('error', (e) => (output += `\nspawn error: ${e.message}`));
  return { name, child, output: () => output };
}

function tempDir(name: string) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `port-zero-${name}-`));
}

export function startNginx(port: number): Running {
  const dir = tempDir('nginx');
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${dir}/${t};`).join(' ');
  const conf = `daemon off; pid ${dir}/nginx.pid; error_log stderr; events {}
http { access_log off; ${temp}
  server { listen [::]:${port} ipv6only=off; location / { return 200 "nginx\\n"; } } }`;
  fs.writeFileSync(path.join(dir, 'nginx.conf'), conf);
  return start('nginx', 'nginx', ['-p', dir, '-e', 'stderr', '-c', path.join(dir, 'nginx.conf')]);
}

export function startRedis(port: number): Running {
  return start('redis-server', 'redis-server', [
    '--port',
    String(port),
    '--bind',
    '* -::*',
    '--save',
    '',
    '--appendonly',
    'no',
    '--protected-mode',
    'no',
  ]);
}

export function startPythonHttp(port: number): Running {
  return start('python http.server', 'python3', ['-m', 'http.server', String(port), '--bind', '::'], { cwd: tempDir('python') });
}

export function startNodeHttp(port: number): Running {
  const script = `require('node:http').createServer((q, r) => r.end('node\\n')).listen(${port})`;
  return start('node http', process.execPath, ['-e', script]);
}

/** A server without SO_REUSEADDR: a plain Python socket that answers "plain" to each connection. */
export function startPlainSocket(port: number): Running {
  const script = [
    'import socket',
    's = socket.socket(socket.AF_INET6)',
    's.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)',
    `s.bind(("::", ${port}))`,
    's.listen()',
    'while True:',
    '    c, _ = s.accept(); c.sendall(b"plain\\n"); c.close()',
  ].join('\n');
  return start('plain socket', 'python3', ['-c', script]);
}

function httpGet(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject);
  });
}

function redisPing(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => socket.write('PING\r\n'));
    socket.once('data', (d) => {
      resolve(String(d).trim());
      socket.destroy();
    });
    socket.once('error', reject);
  });
}

function firstLine(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('data', (d) => {
      resolve(String(d).trim());
      socket.destroy();
    });
    socket.once('error', reject);
  });
}

export const ask = { http: httpGet, redis: redisPing, line: firstLine };

/** How long a server may take to start answering: a bound for a hang, generous for a loaded host. */
const START_MS = 60_000;

/**
 * Asks the server until it answers or exits. A server that has exited (it could
 * not bind, say) rejects with its own output.
 */
export async function answer<T>(server: Running, question: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + START_MS;
  for (;;) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`${server.name} exited: ${server.output().trim()}`);
    }
    try {
      return await question();
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`${server.name} did not answer: ${(error as Error).message}\n${server.output()}`, { cause: error });
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

export async function stop(server: Running) {
  if (server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
  }
}

import { existsSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { cleanText } from '../platform/process-facts.ts';

/**
 * Telling a container's listener from the job's, and naming the container where the
 * engine says so cheaply. A server in a host-network container (`docker run --network
 * host`) runs as root with none of the job's environment; measured with Docker 20.10 its
 * parent is `containerd-shim-runc-v2 -namespace moby -id <id>` and its control group
 * `/docker/<id>` (cgroupfs driver) or `docker-<id>.scope` (systemd driver). A published
 * port (`-p 8080:80`) is held on the host by the engine's proxy, not by the container.
 */

/** A container as far as the process tells it: its id and the engine that runs it. */
export interface ContainerRef {
  id: string;
  engine: 'docker' | 'podman' | 'containerd' | 'cri-o';
}

const CGROUP_PATTERNS: [RegExp, ContainerRef['engine']][] = [
  [/\/docker\/([0-9a-f]{64})(?:\/|$)/, 'docker'],
  [/\/docker-([0-9a-f]{64})\.scope/, 'docker'],
  [/\/libpod-(?:conmon-)?([0-9a-f]{64})(?:\.scope)?/, 'podman'],
  [/\/cri-containerd-([0-9a-f]{64})\.scope/, 'containerd'],
  [/\/crio-([0-9a-f]{64})\.scope/, 'cri-o'],
];

/** The container a process's control groups (lines of /proc/PID/cgroup) place it in; null for none. */
export function containerFromCgroups(lines: readonly string[]): ContainerRef | null {
  for (const line of lines) {
    for (const [pattern, engine] of CGROUP_PATTERNS) {
      const match = pattern.exec(line);
      if (match) return { id: match[1], engine };
    }
  }
  return null;
}

/**
 * The container whose runtime shim started a process, from the shim's command line
 * (`containerd-shim-runc-v2 -namespace moby -id <id> ...`, podman's `conmon ... -c <id>`);
 * null when the command is no shim. Seen also where the cgroup path is hidden (a cgroup namespace).
 */
export function containerFromShim(command: string): ContainerRef | null {
  const [program, ...args] = command.split(' ');
  const name = path.basename(program ?? '');
  const after = (...flags: string[]) => args[args.findIndex((a) => flags.includes(a)) + 1];
  if (/^containerd-shim/.test(name)) {
    const id = after('-id', '--id');
    const namespace = after('-namespace', '--namespace');
    return id && /^[0-9a-f]{12,64}$/.test(id) ? { id, engine: namespace === 'moby' ? 'docker' : 'containerd' } : null;
  }
  if (name === 'conmon') {
    const id = after('-c', '--cid');
    return id && /^[0-9a-f]{12,64}$/.test(id) ? { id, engine: 'podman' } : null;
  }
  return null;
}

/** Programs that hold a container's published port on the host: Docker's proxy, rootless networking, podman's forwarder. */
const PORT_PROXIES = new Set(['docker-proxy', 'rootlesskit', 'slirp4netns', 'pasta', 'pasta.avx2', 'rootlessport']);

/** Whether `command` is a published-port proxy; its name when so. */
export function portProxy(command: string): string | null {
  const name = path.basename(command.split(' ')[0] ?? '');
  return PORT_PROXIES.has(name) ? name : null;
}

/** The Docker Engine's socket: DOCKER_HOST when it names a unix socket, else the usual places; none for a TCP engine. */
function engineSockets(env: NodeJS.ProcessEnv): string[] {
  const host = env.DOCKER_HOST ?? '';
  if (host.startsWith('unix://')) return [host.slice('unix://'.length)];
  if (host) return []; // an engine over TCP: no request leaves this host for a name
  const rootless = env.XDG_RUNTIME_DIR ? [path.join(env.XDG_RUNTIME_DIR, 'docker.sock')] : [];
  return ['/var/run/docker.sock', ...rootless].filter((socket) => existsSync(socket));
}

/** GET `route` from the engine on a unix socket: the parsed JSON, or undefined (no engine, no access, slow, not JSON). */
function engineGet(socketPath: string, route: string, timeoutMs: number): Promise<unknown> {
  // Loaded only here: most waits never ask an engine, and node:http costs a step's start-up.
  const { get } = process.getBuiltinModule('node:http') as typeof http;
  return new Promise((resolve) => {
    const request = get({ socketPath, path: route, timeout: timeoutMs }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
        if (body.length > 2 ** 20) request.destroy(); // a container list that large is not read
      });
      response.on('end', () => {
        try {
          resolve(response.statusCode === 200 ? JSON.parse(body) : undefined);
        } catch {
          resolve(undefined);
        }
      });
      response.on('error', () => resolve(undefined));
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(undefined));
  });
}

/** A container name as the engine gives it (`/web`), cleaned for messages; null for anything else. */
function cleanName(name: unknown): string | null {
  return typeof name === 'string' && name.length > 0 ? cleanText(name.replace(/^\//, ''), 128) : null;
}

/** The name of container `id`, asked of the Docker Engine (1 s at most); null when it cannot be asked. */
export async function containerName(id: string, env: NodeJS.ProcessEnv = process.env, timeoutMs = 1000): Promise<string | null> {
  for (const socket of engineSockets(env)) {
    const info = (await engineGet(socket, `/containers/${id}/json`, timeoutMs)) as { Name?: unknown } | undefined;
    const name = cleanName(info?.Name);
    if (name) return name;
  }
  return null;
}

/** The container that publishes host `port` for `protocol`, by the engine's list of running containers; null when none or unknown. */
export async function containerPublishing(
  port: number,
  protocol: string,
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = 1000,
): Promise<string | null> {
  for (const socket of engineSockets(env)) {
    const list = await engineGet(socket, '/containers/json', timeoutMs);
    if (!Array.isArray(list)) continue;
    for (const container of list as { Names?: unknown; Ports?: unknown }[]) {
      const ports = Array.isArray(container?.Ports) ? (container.Ports as { PublicPort?: unknown; Type?: unknown }[]) : [];
      if (ports.some((p) => p?.PublicPort === port && p?.Type === protocol)) {
        return cleanName(Array.isArray(container.Names) ? container.Names[0] : undefined);
      }
    }
  }
  return null;
}

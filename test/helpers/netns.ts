import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stepTmp } from '../harness/action-runner.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** A way another program holds ports (see hold-ports.py). */
export interface Hold {
  kind: 'listen' | 'udp' | 'reuse-bound';
  low: number;
  high: number;
  /** Every `step`-th port from `low`; default 1. */
  step?: number;
}

export interface NamespaceRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time of the command alone (ms), without the namespace's set-up. */
  ms: number;
}

/**
 * Private network namespaces need root (or CAP_SYS_ADMIN) and `unshare`/`ip`.
 * Tests that need one are skipped where they cannot run, except under CI=true,
 * where they must run (and fail if they cannot).
 */
export const namespacesAvailable = (() => {
  try {
    execFileSync('unshare', ['-n', 'ip', 'link', 'set', 'lo', 'up'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

export const requireNamespaces = namespacesAvailable || process.env.CI === 'true';

/**
 * Runs `command` in a fresh network namespace: loopback up, the ephemeral range
 * narrowed to `ephemeral`, the ports of `hold` held by another process first.
 * The command is killed after `killAfterMs`; the host's settings are never touched.
 */
export function inNamespace(options: { ephemeral?: [number, number]; hold?: Hold[]; command: string[]; killAfterMs?: number }) {
  const [low, high] = options.ephemeral ?? [32768, 60999];
  const holdArgs = (options.hold ?? []).flatMap((h) => [h.kind, h.low, h.high, h.step ?? 1].map(String));
  const seconds = ((options.killAfterMs ?? 60_000) / 1000).toFixed(1);
  const script = [
    'set -e',
    'ip link set lo up',
    `sysctl -q -w net.ipv4.ip_local_port_range="${low} ${high}"`,
    holdArgs.length
      ? // The file exists before the holder starts: the redirection of a background
        // job may open it only after the first grep. A holder that dies ends the wait.
        `: > "$HOLD_READY"; python3 "${HERE}/hold-ports.py" ${holdArgs.join(' ')} >> "$HOLD_READY" & holder=$!; ` +
        `until grep -q ready "$HOLD_READY"; do kill -0 $holder 2>/dev/null || { echo "hold-ports.py exited" >&2; exit 3; }; sleep 0.02; done`
      : 'holder=',
    'start=$(date +%s%N)',
    'set +e',
    `timeout ${seconds} "$@"; code=$?`,
    'echo "elapsed-ns $(( $(date +%s%N) - start ))" >&2',
    '[ -n "$holder" ] && kill $holder; rm -f "$HOLD_READY"',
    'exit $code',
  ].join('\n');
  // The test process's own TMPDIR: the command's default lease location is never the machine's /tmp/port-zero.
  const tmp = stepTmp();
  const ready = path.join(tmp, `port-zero-hold-${process.pid}-${Math.random().toString(36).slice(2)}`);
  return new Promise<NamespaceRun>((resolve, reject) => {
    const child = spawn('unshare', ['-n', 'sh', '-c', script, 'sh', ...options.command], {
      env: { ...process.env, TMPDIR: tmp, HOLD_READY: ready },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const elapsed = /elapsed-ns (\d+)/.exec(stderr);
      resolve({ code, stdout, stderr: stderr.replace(/elapsed-ns \d+\n?/, ''), ms: elapsed ? Number(elapsed[1]) / 1e6 : NaN });
    });
  });
}

/** Runs allocatePorts (from src, as a child node process) in a namespace; resolves with its JSON answer and the time taken. */
export async function allocateInNamespace(
  options: object,
  setup: { ephemeral?: [number, number]; hold?: Hold[]; killAfterMs?: number } = {},
): Promise<{ ports?: number[]; hosts?: string[]; error?: string; name?: string; ms: number; code: number | null; stderr: string }> {
  const run = await inNamespace({ ...setup, command: [process.execPath, path.join(HERE, 'allocate-child.ts'), JSON.stringify(options)] });
  const answer = run.stdout ? (JSON.parse(run.stdout) as object) : {};
  return { ...answer, ms: run.ms, code: run.code, stderr: run.stderr };
}

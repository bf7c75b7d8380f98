/**
 * A Docker Engine of the test's own: Debian's docker.io started with its data, its exec
 * root and its socket in a temporary folder, without a bridge or iptables rules (so no
 * traffic goes anywhere but loopback, and no host firewall is touched), and an image made
 * locally with `docker import` from a folder holding a static busybox (no registry needed).
 * `stop()` removes every container, ends the daemon, unmounts what it mounted, removes the
 * folder, and removes what the daemon put outside it (its key file, containerd's default
 * folders, the /docker cgroups) when they were not there before.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const IMAGE = 'pz-busybox:test';
/** Paths dockerd 20.10 and its containerd create outside their folders (measured here): removed after, unless they were there before. */
const OUTSIDE = ['/etc/docker/key.json', '/opt/containerd', '/run/containerd', '/run/docker'];
const PATH = `${process.env.PATH}:/usr/local/sbin:/usr/sbin:/sbin`;

function which(command: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8', env: { ...process.env, PATH } }).trim();
  } catch {
    return undefined;
  }
}

/** A busybox that runs without libraries (Debian's busybox-static), or undefined. */
function staticBusybox(): string | undefined {
  const busybox = ['/bin/busybox', '/usr/bin/busybox'].find((p) => fs.existsSync(p));
  // A dynamic executable names its loader (ld-linux) near its start; a static one does not.
  return busybox && !fs.readFileSync(busybox).subarray(0, 65536).includes('ld-linux') ? busybox : undefined;
}

const cgroupDirs = () => fs.readdirSync('/sys/fs/cgroup').map((c) => path.join('/sys/fs/cgroup', c, 'docker'));

export class Docker {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pz-docker-'));
  readonly socket = path.join(this.dir, 'docker.sock');
  readonly host = `unix://${this.socket}`;
  private daemon?: ChildProcess;
  private readonly before = new Set([...OUTSIDE, ...cgroupDirs()].filter((p) => fs.existsSync(p)));

  /** Runs the docker CLI against this engine; returns its output. */
  cli(args: string[], input?: Buffer): string {
    return execFileSync('docker', ['-H', this.host, ...args], {
      encoding: 'utf8',
      input,
      env: { ...process.env, PATH },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  }

  /** Starts the engine and imports the image; resolves with undefined, or with why Docker cannot run here. */
  async start(): Promise<string | undefined> {
    if (process.platform !== 'linux' || process.getuid?.() !== 0) return 'the test starts its own dockerd, which needs root on Linux';
    for (const tool of ['dockerd', 'docker', 'tar']) if (!which(tool)) return `${tool} is not installed (apt-get install docker.io)`;
    const busybox = staticBusybox();
    if (!busybox) return 'no static busybox for the image (apt-get install busybox-static)';
    const args = ['--bridge=none', '--iptables=false', '--ip6tables=false', '--data-root', path.join(this.dir, 'data')];
    args.push('--exec-root', path.join(this.dir, 'exec'), '--host', this.host, '--pidfile', path.join(this.dir, 'dockerd.pid'));
    const log = fs.openSync(path.join(this.dir, 'dockerd.log'), 'w');
    this.daemon = spawn('dockerd', args, { env: { ...process.env, PATH }, stdio: ['ignore', log, log], detached: true });
    fs.closeSync(log);
    for (let i = 0; ; i++) {
      try {
        this.cli(['version']);
        break;
      } catch {
        if (i > 300 || this.daemon.exitCode !== null) return `dockerd did not start: ${this.logTail()}`;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    const rootfs = path.join(this.dir, 'rootfs');
    fs.mkdirSync(path.join(rootfs, 'bin'), { recursive: true });
    fs.copyFileSync(busybox, path.join(rootfs, 'bin/busybox'));
    fs.chmodSync(path.join(rootfs, 'bin/busybox'), 0o755);
    this.cli(['import', '-', IMAGE], execFileSync('tar', ['-C', rootfs, '-c', '.'], { maxBuffer: 64 * 2 ** 20 }));
    return undefined;
  }

  private logTail(): string {
    try {
      return fs.readFileSync(path.join(this.dir, 'dockerd.log'), 'utf8').trim().split('\n').slice(-3).join(' | ');
    } catch {
      return 'no log';
    }
  }

  async stop(): Promise<void> {
    const daemon = this.daemon;
    if (daemon && daemon.exitCode === null) {
      try {
        const ids = this.cli(['ps', '-aq']).split('\n').filter(Boolean);
        if (ids.length) this.cli(['rm', '-f', ...ids]);
      } catch {
        // the daemon no longer answers: its processes go with its group below
      }
      const exited = new Promise((r) => daemon.once('exit', r));
      daemon.kill('SIGTERM');
      const late = setTimeout(() => killGroup(daemon.pid!), 30_000);
      await exited;
      clearTimeout(late);
      killGroup(daemon.pid!); // the managed containerd and any shim, should one outlive the daemon
    }
    this.unmountAll();
    fs.rmSync(this.dir, { recursive: true, force: true });
    for (const leftover of [...OUTSIDE, ...cgroupDirs()].filter((p) => !this.before.has(p) && fs.existsSync(p))) {
      if (leftover.startsWith('/sys/fs/cgroup/')) fs.rmdirSync(leftover);
      else fs.rmSync(leftover, { recursive: true, force: true });
    }
  }

  /** Unmounts every mount the engine left under its folder (overlays, the netns bind mount), deepest first. */
  private unmountAll() {
    const mounts = fs
      .readFileSync('/proc/self/mountinfo', 'utf8')
      .split('\n')
      .map((line) => line.split(' ')[4])
      .filter((point) => point?.startsWith(this.dir))
      .sort((a, b) => b.length - a.length);
    for (const point of mounts) execFileSync('umount', ['-l', point]);
  }
}

function killGroup(pid: number) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

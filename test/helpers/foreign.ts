import { execFile } from 'node:child_process';
import net from 'node:net';

/** Python's name on this OS: hosted Windows runners have `python`, the others `python3`. */
export const PYTHON = process.platform === 'win32' ? 'python' : 'python3';

/** A server without SO_REUSEADDR (a plain Python socket): 'bound', or 'in-use' when the kernel refuses it. */
export function bindWithoutReuseAddr(port: number): Promise<'bound' | 'in-use'> {
  const script = [
    'import errno, socket, sys',
    's = socket.socket(socket.AF_INET6)',
    's.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)',
    'try:',
    `    s.bind(("::", ${port})); s.listen(); print("bound")`,
    'except OSError as e:',
    '    print("in-use" if e.errno in (errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", -1)) else e)',
  ].join('\n');
  return new Promise((resolve, reject) => {
    execFile(PYTHON, ['-c', script], (error, stdout) => {
      if (error) return reject(error);
      const answer = stdout.trim();
      if (answer === 'bound' || answer === 'in-use') resolve(answer);
      else reject(new Error(`${PYTHON}: ${answer}`));
    });
  });
}

/**
 * What another program on the host gets from the kernel: `rounds` x 1000 bind(0) calls, released each round.
 * `host` undefined: Node's default, the dual-stack wildcard.
 */
export async function kernelProposals(rounds: number, host?: string): Promise<Set<number>> {
  const seen = new Set<number>();
  for (let r = 0; r < rounds; r++) {
    const servers = await Promise.all(
      Array.from(
        { length: 1000 },
        () =>
          new Promise<net.Server>((ok) => {
            const s = net.createServer();
            s.listen(0, host, () => ok(s));
          }),
      ),
    );
    for (const s of servers) seen.add((s.address() as net.AddressInfo).port);
    await Promise.all(servers.map((s) => new Promise((ok) => s.close(ok))));
  }
  return seen;
}

/** bindWithoutReuseAddr for many ports in one Python process (each port bound, listened on and closed in turn). */
export function bindEachWithoutReuseAddr(ports: readonly number[]): Promise<('bound' | 'in-use')[]> {
  const script = [
    'import socket, sys',
    'for port in map(int, sys.argv[1:]):',
    '    s = socket.socket(socket.AF_INET6)',
    '    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)',
    '    try:',
    '        s.bind(("::", port)); s.listen(); print("bound")',
    '    except OSError as e:',
    '        print("in-use" if e.errno == 98 else e)',
    '    s.close()',
  ].join('\n');
  return new Promise((resolve, reject) => {
    execFile('python3', ['-c', script, ...ports.map(String)], (error, stdout) => {
      if (error) return reject(error);
      const answers = stdout.trim().split('\n').filter(Boolean);
      const bad = answers.find((a) => a !== 'bound' && a !== 'in-use');
      if (bad !== undefined || answers.length !== ports.length) reject(new Error(`python3: ${stdout}`));
      else resolve(answers as ('bound' | 'in-use')[]);
    });
  });
}

import type childProcess from 'node:child_process';

/** How a child ended: its exit code, or the signal that ended it, or why it never started. */
export interface ChildEnd {
  code: number | null;
  signal: string | null;
  /** The spawn error's code (ENOENT: the program is missing). */
  error?: string;
}

/**
 * A helper process that answers one line for each line it is sent, in order: the one
 * shape of every small program Port Zero runs beside itself (perl one-liners that make
 * sockets Node cannot). Lines go out as they are sent; answers are taken in order with
 * `next`. Its stderr is kept (the last 400 characters) for messages.
 */
export class LineChild {
  private readonly child: childProcess.ChildProcessWithoutNullStreams;
  private readonly lines: string[] = [];
  private readonly waiting: ((line: string | undefined) => void)[] = [];
  private buffer = '';
  private closed = false;
  /** The end of the process, once it has exited (or failed to start). */
  readonly ended: Promise<ChildEnd>;
  stderr = '';

  constructor(file: string, args: string[]) {
    const { spawn } = process.getBuiltinModule('node:child_process') as typeof childProcess;
    this.child = spawn(file, args, { stdio: 'pipe', windowsHide: true });
    this.ended = new Promise((resolve) => {
      this.child.once('error', (error: NodeJS.ErrnoException) => resolve({ code: null, signal: null, error: error.code ?? error.message }));
      this.child.once('close', (code, signal) => resolve({ code, signal }));
    });
    void this.ended.then(() => this.close());
    this.child.stdin.on('error', () => {}); // EPIPE when it never started or died: `ended` says how
    this.child.stdout.setEncoding('utf8').on('data', (chunk: string) => this.receive(chunk));
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr = (this.stderr + chunk).slice(-400)));
  }

  private receive(chunk: string) {
    const parts = (this.buffer + chunk).split('\n');
    this.buffer = parts.pop()!;
    for (const line of parts) {
      const waiter = this.waiting.shift();
      if (waiter) waiter(line);
      else this.lines.push(line);
    }
  }

  private close() {
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) waiter(undefined);
  }

  /** Sends one request line. */
  send(line: string): void {
    this.child.stdin.write(`${line}\n`);
  }

  /** The next answer line, in order; undefined once the process has ended without one. */
  next(): Promise<string | undefined> {
    if (this.lines.length) return Promise.resolve(this.lines.shift());
    if (this.closed) return Promise.resolve(undefined);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Every answer line received and not yet taken. */
  drain(): string[] {
    return this.lines.splice(0);
  }

  /** Ends its input, and waits for it to exit for at most `waitMs`: 'late' when it has not. */
  async finish(waitMs: number): Promise<ChildEnd | 'late'> {
    this.child.stdin.end();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), waitMs)));
    try {
      return await Promise.race([this.ended, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Kills the process if it still runs and waits until it has gone; true when it had to be killed. Safe to call twice. */
  async stop(): Promise<boolean> {
    const running = this.child.pid !== undefined && this.child.exitCode === null && this.child.signalCode === null;
    if (!running || !this.child.kill('SIGKILL')) return false;
    await this.ended;
    return true;
  }
}

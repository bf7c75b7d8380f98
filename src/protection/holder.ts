import type childProcess from 'node:child_process';
import net from 'node:net';
import { plural, PortZeroError } from '../errors.ts';
import { secretToken } from '../platform/ids.ts';
import { packagedProgram } from '../platform/packaged-programs.ts';
import { stopAnswer, stopRequest, type HolderConfig, type HolderReady } from './holder-protocol.ts';
import { identify, isRunning, type ProcessIdentity } from '../platform/process-identity.ts';
import type { Protection, ProtectionContext } from './protection.ts';
import { loopbackFor, timeWaitProtection } from './time-wait.ts';

/** A running holder, as the main step saves it for the post step. */
export interface Holder extends HolderReady {
  /** Its pid and start time (start null on Windows, where it is never signalled). */
  process: ProcessIdentity;
  /** The loopback address of its control channel. */
  host: string;
  /** The secret its control channel answers to. */
  token: string;
}

/** What `stopHolder` found: it answered and exited, it had to be killed, or it was already gone. */
export type HolderStop = 'stopped' | 'killed' | 'gone';

export type HolderRequest = Omit<HolderConfig, 'token' | 'ownerCheckMs'> & { ownerCheckMs?: number };

/** Starts the detached holder, hands it its secret over IPC, and waits (at most 10 s) until it holds every port it can. */
export function startHolder(request: HolderRequest): Promise<Holder> {
  const { spawn } = process.getBuiltinModule('node:child_process') as typeof childProcess;
  const config: HolderConfig = { ownerCheckMs: 2000, ...request, token: secretToken() };
  const child = spawn(process.execPath, [packagedProgram('holder', import.meta.url)], {
    detached: true,
    windowsHide: true, // no console window for a background process on Windows
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      child.kill('SIGKILL'); // our own child, still attached: its pid cannot have been reused
      reject(new PortZeroError(`The port holder did not start: ${why}`));
    };
    const timer = setTimeout(() => fail('no answer in 10 s'), 10_000);
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code) => fail(`it exited with code ${code}`));
    child.once('message', (ready: HolderReady) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.disconnect();
      child.unref();
      // Windows: never signalled (libuv's SIGTERM is TerminateProcess), so no costly start-time lookup.
      const identity = process.platform === 'win32' ? { pid: child.pid!, start: null } : identify(child.pid!);
      resolve({ ...ready, process: identity, host: config.host, token: config.token });
    });
    child.send(config);
  });
}

/**
 * How long (ms) the post step waits for the holder's answer. The holder answers in
 * milliseconds; this only bounds a hung one, and leaves room for a loaded host.
 */
const STOP_WAIT_MS = 3000;

/**
 * How long (ms) a stopped holder is waited for until it has exited. It exits in
 * milliseconds after its answer; on a loaded host, over a second has been seen.
 */
const GONE_WAIT_MS = 5000;

/**
 * Stops the holder of `saved` without ever signalling a process not proven to be it.
 * First the control channel: a holder that answers with its pid exits at once. No
 * answer means it is gone or hung; then, off Windows only, a process whose pid and
 * start time both match the saved ones (so it is the process the main step started)
 * is killed. On Windows nothing is signalled: there SIGTERM is TerminateProcess and
 * pids are reused. Ends within about 8 s (STOP_WAIT_MS, then GONE_WAIT_MS for the process to go).
 */
export async function stopHolder(saved: Holder, platform = process.platform): Promise<HolderStop> {
  if (await askToStop(saved)) {
    await waitUntilGone(saved.process, GONE_WAIT_MS);
    return 'stopped';
  }
  if (platform === 'win32' || saved.process.start === null || !isRunning(saved.process)) return 'gone';
  process.kill(saved.process.pid, 'SIGKILL');
  await waitUntilGone(saved.process, GONE_WAIT_MS);
  return 'killed';
}

/** Sends the stop request; true when the answer names the saved pid. Gives up after STOP_WAIT_MS. */
function askToStop(saved: Holder): Promise<boolean> {
  if (!Number.isInteger(saved.control) || typeof saved.token !== 'string') return Promise.resolve(false);
  return new Promise((resolve) => {
    const socket = net.connect({ host: saved.host, port: saved.control });
    let answer = '';
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), STOP_WAIT_MS);
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write(stopRequest(saved.token)));
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\n')) done(answer === stopAnswer(saved.process.pid));
    });
    socket.on('end', () => done(answer === stopAnswer(saved.process.pid)));
  });
}

async function waitUntilGone(identity: ProcessIdentity, ms: number) {
  for (let waited = 0; waited < ms && isRunning(identity); waited += 10) await new Promise((r) => setTimeout(r, 10));
}

/**
 * The holder as a protection: TIME_WAIT while the batch is bound (so no moment is left
 * open), then, once the allocation is settled, a holder process that keeps the TCP ports
 * until the post step, the job's runner process exits or `minutes` pass. UDP ports have
 * no holder: their leases protect them (a warning says so).
 */
export function holderProtection(context: ProtectionContext): Protection {
  const timeWait = timeWaitProtection();
  let holder: Holder | undefined;
  return {
    mode: 'holder',
    protect: (held) => timeWait.protect(held),
    settle: async ({ ports, hosts, protocols }) => {
      if (!protocols.includes('tcp')) {
        context.log.warn('reserve: holder holds TCP ports only; these UDP ports are protected by their leases.');
        return;
      }
      holder = await startHolder({
        ports: [...ports],
        host: loopbackFor(hosts[0]),
        deadline: Date.now() + context.minutes * 60_000,
        owner: context.owner,
      });
      context.log.debug(`holder process ${holder.process.pid} holds ${plural(holder.held.length, 'port')}`);
      if (holder.missed.length) {
        context.log.warn(`The holder could not hold ports ${holder.missed.join(' ')}: something already listens there.`);
      }
    },
    describe: (now) => [timeWait.describe(now), ...(holder ? ['holder until the post step'] : [])].join(' + '),
    state: () => holder && { kind: 'holder', holder },
    undo: async () => {
      if (holder) await stopHolder(holder);
      holder = undefined;
    },
  };
}

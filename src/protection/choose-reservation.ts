import { InputError } from '../errors.ts';
import { Input } from '../settings/constants.ts';
import type { Held } from '../allocator/sockets.ts';
import type { Reservation } from '../allocator/allocate-ports.ts';
import { addReservedPorts, KernelListError, mayWriteDirectly, type WriteRoute } from './kernel-list.ts';
import { reserveTimeWait } from './time-wait.ts';

/** What protects the ports after the step, 'auto' resolved. */
export type ReserveMode = 'none' | 'time-wait' | 'holder' | 'kernel';

export interface ReserveChoice {
  mode: ReserveMode;
  /** The kernel list may be written through `sudo -n tee` when this process may not write it. */
  sudo: boolean;
  /** 'auto' was asked: a kernel list that cannot be written falls back to TIME_WAIT instead of failing. */
  fallback: boolean;
  /** Why this mode, for the debug log. */
  why: string;
}

export interface ChoiceContext {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  /** Whether this process may write the kernel list itself; probed with access(W_OK) by default. */
  mayWrite?: () => boolean;
}

const MODES = ['auto', 'kernel', 'time-wait', 'holder', 'none'];

/**
 * Resolves the `reserve` input to the strongest mechanism the step can use
 * without a prompt:
 * - Linux: the kernel's reserved-port list when this process may write it (root,
 *   CAP_NET_ADMIN); through `sudo -n` only on GitHub-hosted runners
 *   (RUNNER_ENVIRONMENT=github-hosted), whose passwordless sudo is documented: on
 *   a self-hosted machine a sudo attempt is logged and reported as a policy
 *   violation, and costs 25-40 ms even when it works. Otherwise TIME_WAIT.
 * - macOS: TIME_WAIT. Windows: none (TIME_WAIT does not keep ports off there).
 *
 * @throws InputError for an unknown mode, `kernel` off Linux, or `holder` on Windows.
 */
export function chooseReservation(raw: string, context: ChoiceContext = {}): ReserveChoice {
  const platform = context.platform ?? process.platform;
  const env = context.env ?? process.env;
  const mode = raw === '' ? 'auto' : raw;
  if (!MODES.includes(mode)) throw new InputError(Input.Reserve, raw, 'auto, kernel, time-wait, holder or none');
  if (mode === 'kernel') {
    if (platform !== 'linux') throw new InputError(Input.Reserve, raw, `the kernel's reserved-port list exists on Linux only; use auto`);
    return { mode, sudo: true, fallback: false, why: 'kernel asked for: written directly, else through sudo -n' };
  }
  if (mode === 'holder' && platform === 'win32') {
    // libuv on Windows sets neither SO_REUSEADDR nor SO_EXCLUSIVEADDRUSE, so a server's
    // bind beside the holder's connection is refused, and nothing would ever let it go.
    throw new InputError(
      Input.Reserve,
      raw,
      'holder is not available on Windows, where it would keep your own servers off the ports; use auto or none',
    );
  }
  if (mode !== 'auto') return { mode: mode as ReserveMode, sudo: false, fallback: false, why: `${mode} asked for` };
  if (platform === 'win32')
    return { mode: 'none', sudo: false, fallback: false, why: 'auto on Windows: TIME_WAIT does not keep ports off there' };
  if (platform !== 'linux') return { mode: 'time-wait', sudo: false, fallback: false, why: `auto on ${platform}: TIME_WAIT` };
  if ((context.mayWrite ?? mayWriteDirectly)()) {
    return { mode: 'kernel', sudo: false, fallback: true, why: 'auto: this process may write the kernel reserved-port list' };
  }
  if (env.RUNNER_ENVIRONMENT === 'github-hosted') {
    return { mode: 'kernel', sudo: true, fallback: true, why: 'auto on a GitHub-hosted runner: the kernel list through sudo -n' };
  }
  return {
    mode: 'time-wait',
    sudo: false,
    fallback: false,
    why: 'auto: this process may not write the kernel reserved-port list (sudo is tried only on GitHub-hosted runners), so TIME_WAIT',
  };
}

/** What protected a batch in the end. */
export interface Applied {
  mechanism: 'kernel' | 'time-wait' | 'none';
  /** Ports this job put on the kernel list, and how it wrote it. */
  kernelPorts: number[];
  route?: WriteRoute;
}

/**
 * The allocator's reservation for `mode`, and what it did. For the kernel list, the
 * ports go on it while their sockets are still bound, so there is no unprotected
 * moment; with `fallback`, a list that cannot be written gives way to TIME_WAIT
 * (told through `debug`), else its KernelListError fails the allocation.
 */
export function reservationFor(choice: ReserveChoice, debug: (message: string) => void = () => {}) {
  const applied: Applied = { mechanism: 'none', kernelPorts: [] };
  if (choice.mode === 'none') return { reserve: 'none' as Reservation, applied };
  if (choice.mode !== 'kernel') return { reserve: timeWait(applied), applied };
  const reserve = async (held: readonly Held[]): Promise<number[]> => {
    const ports = [...new Set(held.map((h) => h.port))];
    try {
      applied.route = await addReservedPorts(ports, { sudo: choice.sudo });
    } catch (error) {
      if (!choice.fallback || !(error instanceof KernelListError)) throw error;
      debug(`${error.message}; falling back to TIME_WAIT`);
      return timeWait(applied)(held);
    }
    applied.mechanism = 'kernel';
    applied.kernelPorts.push(...ports);
    return [];
  };
  return { reserve: reserve as Reservation, applied };
}

function timeWait(applied: Applied) {
  return (held: readonly Held[]) => {
    applied.mechanism = 'time-wait';
    return reserveTimeWait(held);
  };
}

/** TIME_WAIT lasts 60 s on Linux, 30 s on macOS. */
export function timeWaitSeconds(platform = process.platform): number {
  return platform === 'darwin' ? 30 : 60;
}

/** What protects the ports and until when, for the log and the job summary. */
export function describeProtection(applied: Applied, holder: boolean, leases: boolean, now = Date.now()): string {
  const parts: string[] = [];
  if (leases) parts.push('lease');
  if (applied.mechanism === 'kernel') parts.push('kernel reserved-port list until the post step');
  if (applied.mechanism === 'time-wait') {
    const until = new Date(now + timeWaitSeconds() * 1000).toISOString().slice(11, 19);
    parts.push(`TIME_WAIT until ${until} UTC`);
  }
  if (holder) parts.push('holder until the post step');
  return parts.join(' + ') || 'nothing';
}

import { mayWriteDirectly, kernelListProtection, removeReservedPorts } from './kernel-list.ts';
import { holderProtection, stopHolder, type HolderStop } from './holder.ts';
import { noProtection } from './none.ts';
import { timeWaitProtection } from './time-wait.ts';
import type { Protection, ProtectionContext, ProtectionState, ReserveMode, ReserveSetting } from './protection.ts';

/** Every `reserve` setting, in the order the messages list them. */
export const RESERVE_SETTINGS: readonly ReserveSetting[] = ['auto', 'kernel', 'time-wait', 'holder', 'none'];

/** A `reserve` setting resolved: the mode, and how the kernel list may be written. */
export interface ReserveChoice {
  mode: ReserveMode;
  /** The kernel list may be written through `sudo -n tee` when this process may not write it. */
  sudo: boolean;
  /** 'auto' was asked: a kernel list that cannot be written falls back to TIME_WAIT instead of failing. */
  fallback: boolean;
  /** Why this mode, for the debug log. */
  why: string;
}

/** What the choice depends on; tests pass other platforms and environments. */
export interface ChoiceContext {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  /** Whether this process may write the kernel list itself; probed with access(W_OK) by default. */
  mayWrite?: () => boolean;
  /** Whether the program has a post step to end what outlives it (the holder, kernel-list entries): the action only. */
  postStep?: boolean;
}

/**
 * Why `setting` cannot be used by this program on this platform, as the text of what is
 * allowed, or undefined when it can:
 * - kernel: Linux only (the list exists nowhere else), and only with a post step;
 * - holder: not on Windows, where libuv sets neither SO_REUSEADDR nor
 *   SO_EXCLUSIVEADDRUSE, so a server's bind beside the holder's connection is refused
 *   and nothing would let it go; and only with a post step;
 * - time-wait: not on Windows, which reuses recently used ports by default, so TIME_WAIT
 *   does not keep bind(0) off them (RESEARCH: Go's Windows socket code says so).
 */
export function reserveProblem(setting: string, context: ChoiceContext = {}): string | undefined {
  const platform = context.platform ?? process.platform;
  const postStep = context.postStep ?? true;
  const offered = RESERVE_SETTINGS.filter((s) => postStep || (s !== 'kernel' && s !== 'holder'));
  const list = `${offered.slice(0, -1).join(', ')} or ${offered.at(-1)}`;
  if (!RESERVE_SETTINGS.includes(setting as ReserveSetting)) return list;
  if (!postStep && (setting === 'kernel' || setting === 'holder')) return `${list} (holder and kernel need a job's post step to end them)`;
  if (setting === 'kernel' && platform !== 'linux') return `the kernel's reserved-port list exists on Linux only; use auto`;
  if (setting === 'holder' && platform === 'win32') {
    return 'holder is not available on Windows, where it would keep your own servers off the ports; use auto or none';
  }
  if (setting === 'time-wait' && platform === 'win32') {
    return 'time-wait is not available on Windows, where TIME_WAIT does not keep other programs off a port; use auto or none';
  }
  return undefined;
}

/**
 * Resolves a valid `setting` (see reserveProblem) to the strongest mechanism the program
 * can use without a prompt, for `auto`:
 * - Linux with a post step: the kernel's reserved-port list when this process may write
 *   it (root, CAP_NET_ADMIN); through `sudo -n` only on GitHub-hosted runners
 *   (RUNNER_ENVIRONMENT=github-hosted), whose passwordless sudo is documented: on a
 *   self-hosted machine a sudo attempt is logged and reported as a policy violation, and
 *   costs 25-40 ms even when it works. Otherwise TIME_WAIT.
 * - Linux without a post step, and macOS: TIME_WAIT. Windows: none.
 */
export function chooseReserve(setting: ReserveSetting, context: ChoiceContext = {}): ReserveChoice {
  const platform = context.platform ?? process.platform;
  const env = context.env ?? process.env;
  if (setting === 'kernel')
    return { mode: 'kernel', sudo: true, fallback: false, why: 'kernel asked for: written directly, else through sudo -n' };
  if (setting !== 'auto') return { mode: setting, sudo: false, fallback: false, why: `${setting} asked for` };
  if (platform === 'win32')
    return { mode: 'none', sudo: false, fallback: false, why: 'auto on Windows: TIME_WAIT does not keep ports off there' };
  const timeWait = (why: string): ReserveChoice => ({ mode: 'time-wait', sudo: false, fallback: false, why });
  if (platform !== 'linux') return timeWait(`auto on ${platform}: TIME_WAIT`);
  if (context.postStep === false) return timeWait('auto without a post step to take ports off the kernel list: TIME_WAIT');
  if ((context.mayWrite ?? mayWriteDirectly)()) {
    return { mode: 'kernel', sudo: false, fallback: true, why: 'auto: this process may write the kernel reserved-port list' };
  }
  if (env.RUNNER_ENVIRONMENT === 'github-hosted') {
    return { mode: 'kernel', sudo: true, fallback: true, why: 'auto on a GitHub-hosted runner: the kernel list through sudo -n' };
  }
  return timeWait(
    'auto: this process may not write the kernel reserved-port list (sudo is tried only on GitHub-hosted runners), so TIME_WAIT',
  );
}

/** The protection for `choice`: the one place a mode becomes its mechanism. */
export function createProtection(choice: ReserveChoice, context: ProtectionContext): Protection {
  switch (choice.mode) {
    case 'kernel':
      return kernelListProtection(choice, context.log);
    case 'holder':
      return holderProtection(context);
    case 'time-wait':
      return timeWaitProtection();
    case 'none':
      return noProtection();
  }
}

/** What ending a protection's saved state did, for the post step's log. */
export type Ended = { kind: 'kernel'; removed: number; of: number } | { kind: 'holder'; pid: number; outcome: HolderStop };

/**
 * Ends what a protection left for the post step: takes its ports off the kernel list, or
 * stops its holder. @throws the mechanism's error (the post step warns with it).
 */
export async function endProtection(state: ProtectionState): Promise<Ended> {
  if (state.kind === 'kernel') {
    const removed = await removeReservedPorts(state.ports, { sudo: state.route === 'sudo' });
    return { kind: 'kernel', removed: removed.length, of: state.ports.length };
  }
  return { kind: 'holder', pid: state.holder.process.pid, outcome: await stopHolder(state.holder) };
}

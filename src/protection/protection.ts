import type { Held } from '../allocator/sockets.ts';
import type { Protocol } from '../ports/protocol.ts';
import type { ProcessIdentity } from '../platform/process-identity.ts';
import type { WriteRoute } from './kernel-list.ts';
import type { Holder } from './holder.ts';

/**
 * What keeps a batch's ports free after the allocation, until the job's servers bind
 * them. Each mechanism (kernel list, TIME_WAIT, holder, none) is one module behind this
 * one face; the session picks one (choose-protection.ts) and the allocator calls it
 * without knowing which.
 */
export type ReserveMode = 'none' | 'time-wait' | 'holder' | 'kernel';

/** The setting every program takes: a mode, or `auto` for the strongest one it may use. */
export type ReserveSetting = 'auto' | ReserveMode;

/** The allocation a protection settles on: its ports, and what they were bound on. */
export interface Settled {
  ports: readonly number[];
  hosts: readonly string[];
  protocols: readonly Protocol[];
}

/** What the post step needs to end a protection that outlives the step. */
export type ProtectionState = { kind: 'kernel'; ports: number[]; route: WriteRoute } | { kind: 'holder'; holder: Holder };

export interface Protection {
  /** The mechanism asked for ('auto' resolved); the lease record names it. */
  readonly mode: ReserveMode;
  /**
   * Protects `held` while its sockets are still bound, so no moment is left open; may be
   * called for several rounds. Resolves with the ports another program took meanwhile
   * (the allocator draws them again).
   * @throws PortZeroError when the mechanism fails for any other reason.
   */
  protect(held: readonly Held[]): Promise<number[]>;
  /** Work that needs the final batch, once every socket is closed (the holder starts here). */
  settle(allocation: Settled): Promise<void>;
  /** What protects the ports and until when, for the log and the job summary ("TIME_WAIT until 12:00:00 UTC"). */
  describe(now?: number): string;
  /** What the post step must end, or undefined when nothing outlives the step. */
  state(): ProtectionState | undefined;
  /** Ends the protection now (a failure after allocation): nothing of it stays. Never throws. */
  undo(): Promise<void>;
}

/** Where a protection reports what the user should know and what only a debug log shows. */
export interface ProtectionLog {
  debug(message: string): void;
  warn(message: string): void;
}

/** What a protection that outlives the call needs to know about the job. */
export interface ProtectionContext {
  /** The process whose exit ends the holder: the job's runner process. */
  owner: ProcessIdentity;
  /** The longest the holder lives, in minutes (`lease-minutes`). */
  minutes: number;
  log: ProtectionLog;
}

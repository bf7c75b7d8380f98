import { PortZeroError } from '../errors.ts';
import { belongingText, FOREIGN_MEANING, ownerText, targetLabel } from './describe.ts';
import type { Owner } from './ownership.ts';
import type { WaitTarget } from './wait-request.ts';

/** A port the wait saw someone else's process listen on. */
export interface ForeignListener {
  target: WaitTarget;
  owner: Owner;
}

/**
 * A port is held by a process that provably is not the job's (another job's
 * RUNNER_TRACKING_ID, another non-root account). Thrown as soon as it is seen;
 * `listeners` names each such port with its owner's pid, command and account.
 */
export class ForeignListenerError extends PortZeroError {
  override name = 'ForeignListenerError';
  readonly listeners: readonly ForeignListener[];

  constructor(listeners: readonly ForeignListener[]) {
    const lines = listeners.map(({ target, owner }) => `- ${targetLabel(target)}: ${ownerText(owner)}: ${belongingText(owner)}`);
    super(
      `Another program listens on ${listeners.length === 1 ? 'a port' : 'ports'} of this job:\n${lines.join('\n')}\n${FOREIGN_MEANING}`,
    );
    this.listeners = listeners;
  }
}

/** What a wait saw of one port by its end. */
export interface SeenPort {
  target: WaitTarget;
  /** `nothing listening`, `listening for udp only`, or, for a ready port, its time and owner. */
  seen: string;
  ready: boolean;
}

/** The time-out passed before every port was ready; `ports` lists each with what was seen. */
export class WaitTimeoutError extends PortZeroError {
  override name = 'WaitTimeoutError';
  readonly ports: readonly SeenPort[];

  constructor(timeoutMs: number, ports: readonly SeenPort[]) {
    const waiting = ports.filter((p) => !p.ready);
    const lines = ports.map((p) => `- ${targetLabel(p.target)}: ${p.seen}`);
    super(`Timed out after ${timeoutMs / 1000} s with ${waiting.length} of ${ports.length} ports not ready:\n${lines.join('\n')}`);
    this.ports = ports;
  }
}

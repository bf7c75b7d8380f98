import { decodeState, StateKey } from '../session/post-state.ts';
import { endSession } from '../session/end-session.ts';
import { debug, getState, info, warning } from './workflow-commands.ts';

/**
 * The post step: ends what the main step's session left (holder, kernel-list entries,
 * leases). It warns, and never fails the job. With no state from the main step
 * (cancelled before it ran, or failed early) it does nothing.
 */
export async function runPost(): Promise<void> {
  const { state, problems } = decodeState(getState);
  for (const problem of problems) warning(`Port Zero ignored part of its saved state: ${problem}.`);
  if (!state.leases && !state.protection) return debug(`nothing to end (no ${StateKey.LeaseToken} saved)`);
  await endSession(state, { info, warn: warning, debug });
}

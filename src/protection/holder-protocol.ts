/** What the action and the holder program (src/programs/holder.ts) say to each other. */
import type { ProcessIdentity } from '../platform/process-identity.ts';

/** Sent over IPC as the holder's first message. */
export interface HolderConfig {
  ports: number[];
  /** The loopback address to hold on, and where the control channel listens. */
  host: string;
  /** Milliseconds since the epoch. */
  deadline: number;
  owner: ProcessIdentity;
  /** The secret a stop request must carry. */
  token: string;
  /** How often to check the owner, ms. */
  ownerCheckMs: number;
}

export interface HolderReady {
  held: number[];
  /** Ports that could not be held (a server was already listening, say). */
  missed: number[];
  /** The port of the control channel, on `host`. */
  control: number;
}

/** The line a stop request is, and the line the holder answers with. */
export const stopRequest = (token: string) => `stop ${token}\n`;
export const stopAnswer = (pid: number) => `stopped ${pid}\n`;

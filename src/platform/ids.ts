import type crypto from 'node:crypto';
import { hostname } from 'node:os';

/**
 * An identifier no other call on this host or another is expected to return,
 * without node:crypto (about 10 ms of a step's start-up): a hash of the host
 * name, the process ID, the monotonic clock in nanoseconds and 52 bits of
 * Math.random, in base 36 joined by `-` (so it is safe in a file name), e.g.
 * `1x2kq9c-4d2-2p5ds3k1x3-3mtw0ahk1z4`.
 *
 * Why that is enough: on one host, two live processes never share a process ID,
 * and one process never reads the same monotonic clock value twice (it ticks in
 * nanoseconds and only forward, and a reused process ID comes later on it);
 * Math.random (seeded from the OS's entropy for each process) and the host name
 * keep apart processes that do share an ID: other hosts, or containers with
 * their own process ID namespace. It is not a secret and must not be used as one.
 */
export function uniqueId(): string {
  const random = Math.floor(Math.random() * 2 ** 52).toString(36);
  return [(host ??= hash(hostname())), process.pid.toString(36), process.hrtime.bigint().toString(36), random].join('-');
}

/** The host name's hash, worked out once: a system call each time is work an id does not need. */
let host: string | undefined;

/** FNV-1a (32 bits) of `text`, in base 36. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/**
 * A secret: 24 random bytes from the OS's generator, in base64url (32 characters). For
 * what must not be guessed, such as the token a holder's stop request carries. Loads
 * node:crypto (about 10 ms) on first use, so only the steps that need a secret pay it.
 */
export function secretToken(): string {
  const { randomBytes } = process.getBuiltinModule('node:crypto') as typeof crypto;
  return randomBytes(24).toString('base64url');
}

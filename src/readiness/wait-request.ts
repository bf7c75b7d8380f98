import { InputError, type Vocabulary } from '../errors.ts';
import type { SocketProtocol } from '../platform/socket-table.ts';

/**
 * What a wait is asked, validated once at the edge: which ports, for which protocols,
 * for how long. The action, the command and the library each call these with their
 * own names for the settings, so an error names the input as the caller wrote it.
 */

/** One port to wait for. */
export interface WaitTarget {
  /** The name it was handed out under (`web`), or `port-8080` for a port given by number. */
  name: string;
  port: number;
  /** Every protocol must be ready: TCP when a socket listens, UDP when one is bound. */
  protocols: SocketProtocol[];
  /** True when given by number rather than by a name. */
  byNumber: boolean;
}

/** The longest wait: a day. */
export const MAX_TIMEOUT_MS = 86_400_000;
/** The default wait: 60 s. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** A setting as a caller names it in errors: the setting (by its action input name) and the program's words. */
export interface Naming {
  setting: string;
  vocabulary: Vocabulary;
}

function refuse(naming: Naming, value: string, allowed: string): never {
  throw new InputError(naming.setting, value, allowed, naming.vocabulary);
}

/** A time-out in seconds (`60`, `2.5`) to milliseconds; more than 0 and at most a day. */
export function parseTimeoutSeconds(raw: string, naming: Naming): number {
  const allowed = 'a number of seconds above 0 and at most 86400 (a day)';
  if (!/^\d{1,5}(\.\d{1,3})?$/.test(raw.trim())) refuse(naming, raw, allowed);
  const ms = Math.round(Number(raw) * 1000);
  if (ms <= 0 || ms > MAX_TIMEOUT_MS) refuse(naming, raw, allowed);
  return ms;
}

/** A time-out in milliseconds, as the library takes it: a whole number from 1 to 86400000. */
export function checkTimeoutMs(value: unknown, naming: Naming): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_TIMEOUT_MS) {
    refuse(naming, String(value), `a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS} (a day)`);
  }
  return value;
}

/** `tcp`, `udp` or `tcp,udp` (either order, spaces allowed) to the protocols it names. */
export function parseProtocols(raw: string, naming: Naming): SocketProtocol[] {
  const parts = raw
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  const valid = parts.length >= 1 && parts.length <= 2 && parts.every((p) => p === 'tcp' || p === 'udp');
  if (!valid || new Set(parts).size !== parts.length) refuse(naming, raw, 'tcp, udp or tcp,udp');
  return parts as SocketProtocol[];
}

/** A port number from 1 to 65535, given as text. */
export function parsePort(raw: string, naming: Naming): number {
  const port = /^\d{1,5}$/.test(raw) ? Number(raw) : 0;
  if (port < 1 || port > 65535) refuse(naming, raw, 'a port number from 1 to 65535, or a name');
  return port;
}

/** A port given by number: named `port-N` in outputs. */
export function numberTarget(port: number, protocols: SocketProtocol[]): WaitTarget {
  return { name: `port-${port}`, port, protocols, byNumber: true };
}

/** Where names come from, for one caller: a lookup, and what to say when a name is not found. */
export interface NameSource {
  find(name: string): { port: number; protocols: SocketProtocol[] } | undefined;
  /** Completes "… is not …": `one of the names this job's earlier Port Zero steps handed out (web, db)`. */
  describe(): string;
}

/**
 * Names and port numbers (`web 8080 db`) to targets: a token of digits is a port, for
 * `protocols`; anything else a name, looked up in `names`. Each port once: a name and a
 * number for the same port wait once, under the name. Throws InputError for an unknown
 * name or a port out of range.
 */
export function resolveTargets(tokens: readonly string[], names: NameSource, protocols: SocketProtocol[], naming: Naming): WaitTarget[] {
  const targets: WaitTarget[] = [];
  for (const token of tokens) {
    let target: WaitTarget;
    if (/^\d+$/.test(token)) target = numberTarget(parsePort(token, naming), protocols);
    else {
      const found = names.find(token);
      if (!found) refuse(naming, token, `not ${names.describe()}; give a name from there or a port number`);
      target = { name: token, port: found.port, protocols: found.protocols, byNumber: false };
    }
    const same = targets.findIndex((t) => t.port === target.port);
    if (same < 0) targets.push(target);
    else if (targets[same].byNumber && !target.byNumber) targets[same] = target;
  }
  return targets;
}

import path from 'node:path';
import { localAddresses } from '../allocator/hosts.ts';
import { parsePorts } from '../leases/lease-record.ts';
import type { Holder } from '../protection/holder.ts';
import type { ProtectionState } from '../protection/protection.ts';

/**
 * What a session leaves for the action's post step, and the one place it is written and
 * read. The runner hands each saved value back as `STATE_<key>`; values are text, and
 * the post step checks every one before use: a value that is not of its shape (a pid
 * holding a newline, a directory that is not a lease directory) is dropped with a
 * reason, never used.
 */
export interface PostState {
  /** The session's leases: where they are and the token of its record. */
  leases?: { root: string; own: string; token: string; ports: number[] };
  /** What its protection left to end: kernel-list entries or a holder. */
  protection?: ProtectionState;
}

/** The state keys, as the runner passes them back (`STATE_leaseDir`). */
export const StateKey = {
  LeaseDir: 'leaseDir',
  /** This account's directory inside the lease location, where its leases are. */
  LeaseAccountDir: 'leaseAccountDir',
  LeaseToken: 'leaseToken',
  LeasePorts: 'leasePorts',
  Holder: 'holder',
  KernelPorts: 'kernelPorts',
  KernelRoute: 'kernelRoute',
} as const;

/** The state as key-value pairs, in the order they are saved. */
export function encodeState(state: PostState): [string, string][] {
  const pairs: [string, string][] = [];
  const { leases, protection } = state;
  if (leases) {
    pairs.push([StateKey.LeaseDir, leases.root], [StateKey.LeaseAccountDir, leases.own]);
    pairs.push([StateKey.LeaseToken, leases.token], [StateKey.LeasePorts, leases.ports.join(' ')]);
  }
  if (protection?.kind === 'holder') {
    const { process, host, control, token } = protection.holder;
    pairs.push([StateKey.Holder, JSON.stringify({ process, host, control, token })]);
  }
  if (protection?.kind === 'kernel') {
    pairs.push([StateKey.KernelPorts, protection.ports.join(' ')], [StateKey.KernelRoute, protection.route]);
  }
  return pairs;
}

/** What decodeState made of the saved values: the usable state, and why any part was dropped. */
export interface DecodedState {
  state: PostState;
  problems: string[];
}

const TOKEN = /^[\w-]{1,200}$/;

/**
 * The state from its saved values (`read(key)` is empty for a key never saved). Each
 * part is checked on its own: the lease directory must be a direct child of the saved
 * root, the token a token, the holder's pid a pid, its host an address of this machine, its
 * secret and port of their shape; a part that fails is dropped, with its reason in `problems`.
 */
export function decodeState(read: (key: string) => string): DecodedState {
  const problems: string[] = [];
  const state: PostState = {};
  const root = read(StateKey.LeaseDir);
  const own = read(StateKey.LeaseAccountDir);
  if (own !== '') {
    const token = read(StateKey.LeaseToken);
    const ports = parsePorts(read(StateKey.LeasePorts));
    const valid = path.isAbsolute(root) && path.dirname(own) === root && TOKEN.test(token) && ports !== undefined;
    if (valid) state.leases = { root, own, token, ports };
    else problems.push(`the saved lease directory, token or ports are not of their form (${JSON.stringify(own).slice(0, 120)})`);
  }
  const holder = read(StateKey.Holder);
  if (holder !== '') {
    const parsed = parseHolder(holder);
    if (parsed) state.protection = { kind: 'holder', holder: parsed };
    else problems.push('the saved holder is not of its form');
  }
  const kernelPorts = read(StateKey.KernelPorts);
  if (kernelPorts !== '') {
    const ports = parsePorts(kernelPorts);
    const route = read(StateKey.KernelRoute);
    if (ports && (route === 'direct' || route === 'sudo')) state.protection = { kind: 'kernel', ports, route };
    else problems.push('the saved kernel-list ports or route are not of their form');
  }
  return { state, problems };
}

/** The holder as saved, or undefined unless every field has its shape. */
function parseHolder(text: string): Holder | undefined {
  let h: Partial<Holder>;
  try {
    h = JSON.parse(text) as Partial<Holder>;
  } catch {
    return undefined;
  }
  const pid = h?.process?.pid;
  const start = h?.process?.start;
  const valid =
    Number.isInteger(pid) &&
    pid! > 0 &&
    (start === null || (typeof start === 'string' && /^[\w:]{1,40}$/.test(start))) &&
    typeof h.host === 'string' &&
    localAddresses().has(h.host) &&
    Number.isInteger(h.control) &&
    h.control! > 0 &&
    h.control! <= 65535 &&
    typeof h.token === 'string' &&
    TOKEN.test(h.token);
  return valid
    ? { process: { pid: pid!, start: start! }, host: h.host!, control: h.control!, token: h.token!, held: [], missed: [] }
    : undefined;
}

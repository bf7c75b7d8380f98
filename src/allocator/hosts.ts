import net from 'node:net';
import os from 'node:os';
import type { Pair } from './candidate.ts';
import { EVERY_ADDRESS, type Protocol } from './sockets.ts';

/** One spelling per address: `0:0::1` is `::1`, `::ffff:127.0.0.1` is `127.0.0.1`. A scoped address (`fe80::1%eth0`) is kept as given. */
export function canonicalHost(host: string): string {
  const family = net.isIP(host);
  if (family === 0 || host.includes('%')) return host;
  const address = new net.SocketAddress({ address: host, family: family === 6 ? 'ipv6' : 'ipv4' }).address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

/** How a list of addresses is checked: what is bound, and what a wildcard in the list already covers. */
export interface HostPlan {
  /** Addresses to bind each port on, in the order given, without duplicates. */
  bind: string[];
  /** Addresses dropped because a wildcard in `bind` covers them (confirmed by connecting where the OS lets both bind). */
  covered: string[];
}

/**
 * Folds an address list into one that can be bound together. `::` is bound
 * dual-stack, so it covers every address of both families; `0.0.0.0` covers
 * every IPv4 address. On Linux a wildcard and an address it covers can never
 * both be bound on one port (even with SO_REUSEADDR), so binding both would
 * refuse every port: `0.0.0.0 ::` becomes `::`, `0.0.0.0 127.0.0.1` becomes
 * `0.0.0.0`, and duplicates (in any spelling) go.
 */
export function planHosts(hosts: readonly string[]): HostPlan {
  const unique = [...new Set(hosts.map(canonicalHost))];
  const covers = (wildcard: string, host: string) =>
    host !== wildcard && (wildcard === '::' || (wildcard === '0.0.0.0' && net.isIPv4(host)));
  const covered = unique.filter((host) => unique.some((other) => covers(other, host)));
  return { bind: unique.filter((host) => !covered.includes(host)), covered };
}

/** Every address of this machine, in canonical spelling, with the two wildcards. */
export function localAddresses(): Set<string> {
  const found = Object.values(os.networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address));
  return new Set(['0.0.0.0', '::', ...found.map(canonicalHost)]);
}

/**
 * The (protocol, address) pairs each port is bound on, the first one first (with port 0
 * when the kernel chooses): every protocol on every address of `hosts` (empty: every address).
 *
 * macOS adds `0.0.0.0` before the dual-stack `::` for TCP, first: XNU's bind(0) on IPv4
 * skips every socket on a port, while on a dual-stack `::` with SO_REUSEADDR (which Node
 * always sets) it looks only at unconnected IPv6 sockets, so an IPv4 connection's local
 * port or its TIME_WAIT entry would be handed out and a server without SO_REUSEADDR then
 * refused it. BSD lets the two wildcards share a port (an IPv4 one and an IPv6 one are
 * never in conflict), so both are held. Linux needs neither: its `::` bind(0) sees both
 * families, and refuses `0.0.0.0` beside a dual-stack `::`. Not where the machine has no
 * IPv6, where every address is `0.0.0.0` already.
 */
export function bindPairs(
  protocols: readonly Protocol[],
  hosts: readonly string[],
  platform: NodeJS.Platform = process.platform,
  hasIpv6: () => boolean = () => [...localAddresses()].some((a) => a !== '::' && net.isIPv6(a)),
): Pair[] {
  const bound = hosts.length ? hosts : [EVERY_ADDRESS];
  const pairs = protocols.flatMap((protocol) => bound.map((host): Pair => ({ protocol, host })));
  const dualStackTcp = pairs.some((p) => p.protocol === 'tcp' && (p.host === EVERY_ADDRESS || p.host === '::'));
  if (platform !== 'darwin' || !dualStackTcp || !hasIpv6()) return pairs;
  return [{ protocol: 'tcp', host: '0.0.0.0' }, ...pairs];
}

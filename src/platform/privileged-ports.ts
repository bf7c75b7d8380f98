import { readFileSync } from 'node:fs';

/** Linux lets only root bind below net.ipv4.ip_unprivileged_port_start (1024 unless changed); elsewhere 1024. */
export function firstUnprivilegedPort(platform: NodeJS.Platform = process.platform): number {
  if (platform !== 'linux') return 1024;
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8').trim());
  } catch {
    return 1024;
  }
}

/**
 * Whether this user may bind `port` on every one of `hosts` (empty: every address).
 * Windows lets anyone bind low ports. macOS (10.14 on) lets anyone bind them on the
 * wildcard addresses only: XNU still asks for privilege to bind a specific address
 * below 1024. Linux: root, or from ip_unprivileged_port_start up.
 */
export function privilegedPortsAllowed(
  hosts: readonly string[],
  platform: NodeJS.Platform = process.platform,
  isRoot = process.getuid?.() === 0,
): (port: number) => boolean {
  const wildcardsOnly = hosts.every((host) => host === '::' || host === '0.0.0.0');
  if (isRoot || platform === 'win32' || (platform === 'darwin' && wildcardsOnly)) return () => true;
  const first = firstUnprivilegedPort(platform);
  return (port) => port >= first;
}

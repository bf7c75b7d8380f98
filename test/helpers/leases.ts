import fs from 'node:fs';
import path from 'node:path';

/** Every lease and allocation record under a lease location, as paths relative to it, sorted. */
export function leaseFiles(location: string): string[] {
  if (!fs.existsSync(location)) return [];
  return (fs.readdirSync(location, { recursive: true }) as string[])
    .filter((name) => /(^|\/)(\d+\.lease|\.owner-.*\.json)$/.test(name))
    .sort();
}

/** The `<port>.lease` names in this account's directory of a location. */
export function ownLeases(location: string): string[] {
  const own = path.join(location, String(process.getuid!()));
  return fs.existsSync(own)
    ? fs
        .readdirSync(own)
        .filter((n) => n.endsWith('.lease'))
        .sort()
    : [];
}

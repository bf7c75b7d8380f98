import fs from 'node:fs';
import path from 'node:path';
import { parsePorts, readRecord } from '../../src/leases/lease-record.ts';

/** Every lease file under a lease location (records, records being written, the earlier layout's), as paths relative to it, sorted. */
export function leaseFiles(location: string): string[] {
  if (!fs.existsSync(location)) return [];
  return (fs.readdirSync(location, { recursive: true }) as string[])
    .filter((name) => /(^|\/)(lease-.*\.json|\.tmp-.*|\d+\.lease|\.owner-.*\.json)$/.test(name))
    .sort();
}

/** The allocation records (`lease-<token>.json`) in this account's directory of a location. */
export function ownRecords(location: string): string[] {
  const own = path.join(location, String(process.getuid!()));
  return fs.existsSync(own) ? fs.readdirSync(own).filter((n) => /^lease-.*\.json$/.test(n)) : [];
}

/** The ports the records in this account's directory of a location lease, live or not, ascending. */
export function ownLeasedPorts(location: string): number[] {
  const own = path.join(location, String(process.getuid!()));
  return ownRecords(location)
    .flatMap((name) => {
      const read = readRecord(path.join(own, name));
      return read.kind === 'record' ? (parsePorts(read.record.ports ?? '') ?? []) : [];
    })
    .sort((a, b) => a - b);
}

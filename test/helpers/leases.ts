import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parsePorts, readRecord } from '../../src/leases/lease-record.ts';

/** Every lease file under a lease location (records, records being written, the earlier layout's), as paths relative to it, sorted. */
export function leaseFiles(location: string): string[] {
  if (!fs.existsSync(location)) return [];
  return (fs.readdirSync(location, { recursive: true }) as string[])
    .filter((name) => /(^|\/)(lease-.*\.json|\.tmp-.*|\d+\.lease|\.owner-.*\.json)$/.test(name))
    .sort();
}

/** This account's directory in a lease location: named by its uid, or by its user name on Windows, which has no uids. */
export function ownDir(location: string): string {
  const name = process.platform === 'win32' ? os.userInfo().username.replace(/[^\w.-]/g, '_') : String(process.getuid!());
  return path.join(location, name);
}

/** The allocation records (`lease-<token>.json`) in this account's directory of a location. */
export function ownRecords(location: string): string[] {
  const own = ownDir(location);
  return fs.existsSync(own) ? fs.readdirSync(own).filter((n) => /^lease-.*\.json$/.test(n)) : [];
}

/** The ports the records in this account's directory of a location lease, live or not, ascending. */
export function ownLeasedPorts(location: string): number[] {
  const own = ownDir(location);
  return ownRecords(location)
    .flatMap((name) => {
      const read = readRecord(path.join(own, name));
      return read.kind === 'record' ? (parsePorts(read.record.ports ?? '') ?? []) : [];
    })
    .sort((a, b) => a - b);
}

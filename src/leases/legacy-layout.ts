import os from 'node:os';
import path from 'node:path';

/**
 * The lease layout of Port Zero 1.0.0, still honoured so that a job of 1.0.0 and a job
 * of this version on one host never get the same port. 1.0.0 kept, in one directory
 * private to its account (`os.tmpdir()/port-zero-leases` by default, on every OS), one
 * record per job hard-linked as `<port>.lease` for each of its ports, written as
 * `.owner-<pid>-<token>.json` first. Its records are format 1: they name no ports (the
 * file name does).
 *
 * When it can go: once no 1.0.0 job can still hold a lease, that is, one longest
 * `lease-minutes` (7 days) after every runner on a host has moved past 1.0.0; the next
 * major version drops this module.
 */

/** 1.0.0's default lease directory: `port-zero-leases` in the account's temp directory. */
export function legacyDefaultDir(): string {
  return path.join(os.tmpdir(), 'port-zero-leases');
}

/** A 1.0.0 lease: `<port>.lease`, a hard link of its job's record. */
const PORT_FILE = /^(\d{1,5})\.lease$/;

/** A 1.0.0 record being written, removed when its allocation ended: `.owner-<pid>-<token>.json`. */
const RECORD_FILE = /^\.owner-(\d+)-[\w-]+\.json$/;

/** The port a 1.0.0 lease file is named for, or undefined when `name` is not one. */
export function legacyLeasePort(name: string): number | undefined {
  const port = PORT_FILE.exec(name)?.[1];
  return port === undefined ? undefined : Number(port);
}

/** The pid of the process that wrote a 1.0.0 record file, or undefined when `name` is not one. */
export function legacyRecordWriter(name: string): number | undefined {
  const pid = RECORD_FILE.exec(name)?.[1];
  return pid === undefined ? undefined : Number(pid);
}

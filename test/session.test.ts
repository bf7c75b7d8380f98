import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_VOCABULARY } from '../src/errors.ts';
import { identify } from '../src/platform/process-identity.ts';
import { readReservedPorts } from '../src/platform/reserved-ports.ts';
import { DEFAULT_REQUEST, type PortRequest } from '../src/session/request.ts';
import { openSession, type Program } from '../src/session/session.ts';
import { need } from './harness/needs.ts';
import { leaseFiles } from './helpers/leases.ts';
import { canListen } from './helpers/servers.ts';

/**
 * The session's undo: whatever fails after the ports are allocated (here, the program's
 * own log, as a publishing step might fail), nothing of the session is left: no socket,
 * no lease record, no kernel-list entry, no holder process. Every program (the action's
 * steps, the command, the library) reaches allocation through openSession, so this is
 * their one undo.
 */

const leaseDir = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-session-')), 'leases');

/** A program whose log throws at the first line that starts with `at`: a failure at that point of the session. */
function failingAt(at: string, postStep: boolean): { program: Program; seen: () => number[] } {
  let ports: number[] = [];
  const debug = (message: string) => {
    const allocated = /^allocated ([\d ]+) on/.exec(message);
    if (allocated) ports = allocated[1].split(' ').map(Number);
    if (message.startsWith(at)) throw new Error(`failed at "${at}"`);
  };
  return {
    program: { vocabulary: ACTION_VOCABULARY, owner: identify(process.pid), postStep, log: { debug, warn: () => {} } },
    seen: () => ports,
  };
}

/** Processes running the holder program now (every account's visible ones). */
function holders(): number[] {
  if (process.platform !== 'linux') return [];
  return fs
    .readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('holder');
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function expectNothingLeft(dir: string, ports: number[]) {
  expect(ports.length).toBeGreaterThan(0);
  expect(leaseFiles(dir)).toEqual([]);
  for (const port of ports) expect(await canListen(port)).toBe(true);
  const listed = readReservedPorts();
  expect(ports.filter((p) => listed.has(p))).toEqual([]);
}

describe("the session's undo after a failure past the allocation", () => {
  it.for<[string, Partial<PortRequest>, boolean]>([
    ['the library or the command (reserve time-wait, no post step)', { reserve: 'time-wait' }, false],
    ["the action's main step (reserve none)", { reserve: 'none' }, true],
  ])('%s: no socket or lease left', async ([, asked], context) => {
    need(context, 'time-wait');
    const dir = leaseDir();
    const { program, seen } = failingAt('allocated', asked.reserve === 'none');
    const request: PortRequest = { ...DEFAULT_REQUEST, ...asked, names: ['web', 'db'], named: true, leaseDir: dir };
    await expect(openSession(request, program)).rejects.toThrow(/failed at "allocated"/);
    await expectNothingLeft(dir, seen());
  });

  it("the action's main step with the kernel list: its entries come off the list", async (context) => {
    // npm test gives the suite a network namespace of its own as root; elsewhere this process may not write the list.
    need(context, 'namespace', 'kernel-list-here');
    const dir = leaseDir();
    const { program, seen } = failingAt('allocated', true);
    const request: PortRequest = { ...DEFAULT_REQUEST, names: ['web'], named: true, reserve: 'kernel', leaseDir: dir };
    await expect(openSession(request, program)).rejects.toThrow(/failed at "allocated"/);
    await expectNothingLeft(dir, seen());
  });

  it("the action's main step with the holder: the holder is stopped", async (context) => {
    need(context, 'holder', 'proc');
    const before = holders();
    const dir = leaseDir();
    const { program, seen } = failingAt('holder process', true);
    const request: PortRequest = { ...DEFAULT_REQUEST, names: ['web'], named: true, reserve: 'holder', leaseDir: dir };
    await expect(openSession(request, program)).rejects.toThrow(/failed at "holder process"/);
    await expectNothingLeft(dir, seen());
    expect(holders().filter((pid) => !before.includes(pid))).toEqual([]);
  });
});

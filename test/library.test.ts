import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AllocationError, getPort, getPorts, InputError, LeaseError, PortZeroError } from '../src/programs/library.ts';
import { readRecord } from '../src/leases/lease-record.ts';
import { identify } from '../src/platform/process-identity.ts';
import { LeaseBook } from '../src/leases/lease-book.ts';
import { openLeaseLocation } from '../src/leases/lease-location.ts';
import { newOwner } from '../src/leases/lease-owner.ts';
import { ownDir, ownLeasedPorts, ownRecords } from './helpers/leases.ts';
import { close, listen } from './helpers/servers.ts';

const parents: string[] = [];
afterAll(() => {
  for (const dir of parents) fs.rmSync(dir, { recursive: true, force: true });
});

function leaseDir(): string {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-library-test-'));
  parents.push(parent);
  return path.join(parent, 'leases');
}

/** The lease files of this account in a lease location: they live in its own directory, named by uid. */
const own = ownDir;
const leaseFiles = (dir: string) => ownRecords(dir);

describe('getPorts', () => {
  it('hands out distinct ports by name, leased to this process until release()', async () => {
    const dir = leaseDir();
    const { ports, release } = await getPorts({ names: ['web', 'db-main'], leaseDir: dir });
    expect(Object.keys(ports)).toEqual(['web', 'db-main']);
    expect(ports.web).not.toBe(ports['db-main']);
    expect(ownLeasedPorts(dir)).toEqual([ports.web, ports['db-main']].sort((a, b) => a - b));
    const lease = readRecord(path.join(own(dir), leaseFiles(dir)[0]));
    expect(lease.kind === 'record' && lease.record.owner.runner).toEqual(identify(process.pid));
    // Servers bind them at once (SO_REUSEADDR), TIME_WAIT reservation and all.
    await Promise.all((await Promise.all([listen(ports.web), listen(ports['db-main'])])).map(close));
    await release();
    expect(leaseFiles(dir)).toEqual([]);
    await release(); // twice is harmless
  });

  it('hands out a number of ports in order, and never one leased to a concurrent call', async () => {
    const dir = leaseDir();
    const range = [27000, 27009] as const;
    const calls = await Promise.all([1, 2, 3, 4, 5].map(() => getPorts({ count: 2, range, leaseDir: dir, reserve: 'none' })));
    const all = calls.flatMap((c) => c.ports);
    expect(new Set(all).size).toBe(10);
    // The range is now fully leased: a sixth call fails though every port is free of sockets.
    await expect(getPorts({ count: 1, range, leaseDir: dir })).rejects.toThrow(AllocationError);
    await expect(getPorts({ count: 1, range, leaseDir: dir })).rejects.toThrow(
      /^Only 0 of the 1 port asked for is free in range 27000-27009 \(refused: 10 leased by an earlier call in this process until its release\(\)\)/,
    );
    await calls[0].release();
    expect(calls[0].ports).toContain(await getPort({ range, leaseDir: dir, reserve: 'none' }));
  });

  it('lets another process have the ports once the process holding their leases has exited', async () => {
    const dir = leaseDir();
    const range = [27100, 27101] as const;
    const child = `import { getPorts } from ${JSON.stringify(path.resolve('src/programs/library.ts'))};
      const { ports } = await getPorts({ count: 2, range: [27100, 27101], leaseDir: ${JSON.stringify(dir)}, reserve: 'none' });
      console.log(JSON.stringify(ports));`;
    const printed = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['--input-type=module', '-e', child], (error, stdout) => (error ? reject(error) : resolve(stdout))),
    );
    expect(JSON.parse(printed).sort()).toEqual([27100, 27101]);
    expect(ownLeasedPorts(dir)).toEqual([27100, 27101]); // never released: the process just exited
    const { ports } = await getPorts({ count: 2, range, leaseDir: dir });
    expect(ports.sort()).toEqual([27100, 27101]);
  });

  it('reports a bad option by its own name, with the value and what is allowed', async () => {
    const cases: [object, string, string][] = [
      [{ count: 0 }, 'count', '0'],
      [{ names: ['web server'] }, 'names', 'web server'],
      [{ names: [] }, 'names', ''],
      [{ names: ['a'], count: 2 }, 'count', '2'],
      [{ names: ['web', 'web'] }, 'names', 'web'],
      [{ count: 1, leaseMinutes: 0 }, 'leaseMinutes', '0'],
      [{ count: 1, range: [30000, 20000] }, 'range', '30000-20000'],
      [{ count: 1, protocol: 'sctp' }, 'protocol', 'sctp'],
      [{ count: 1, reserve: 'holder' }, 'reserve', 'holder'],
      [{ count: 1, reserve: 'kernel' }, 'reserve', 'kernel'],
      [{ count: 1, leaseMinute: 5 }, 'leaseMinute', '5'],
    ];
    for (const [request, option, value] of cases) {
      const error = await getPorts(request as { count: number }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect(error).toBeInstanceOf(PortZeroError);
      expect(error).toMatchObject({ input: option, value });
      expect((error as Error).message).toMatch(new RegExp(`^Option '${option}' has invalid value ".*": .+`));
    }
  });

  it('fails with a LeaseError, and leaves nothing, when the lease directory given cannot be used', async () => {
    const parent = path.dirname(leaseDir());
    fs.mkdirSync(parent, { recursive: true });
    const link = path.join(parent, 'link');
    fs.symlinkSync(os.tmpdir(), link);
    const failed = getPorts({ count: 1, leaseDir: link });
    await expect(failed).rejects.toThrow(LeaseError);
    // In the library's words: its option, not the action's input.
    await expect(failed).rejects.toThrow(/^Option 'leaseDir' has a directory that cannot be used, ".*": it is a symbolic link/);
  });

  it('sweeps the records of exited processes once they pile up, as a test run with many workers leaves them', async () => {
    const dir = leaseDir();
    const where = openLeaseLocation(dir, true);
    const exited = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ['-e', '0']);
      child.once('exit', () => resolve(child.pid!));
    });
    for (let i = 0; i < 40; i++) {
      const book = new LeaseBook({ location: where, owner: newOwner({ pid: exited, start: null }), ttlMs: 60_000 });
      await book.claim([[27300 + i]]);
      book.commit();
    }
    expect(ownRecords(dir)).toHaveLength(40);
    const { release } = await getPorts({ count: 1, leaseDir: dir });
    expect(ownRecords(dir)).toHaveLength(1); // this call's own
    await release();
  });

  it('leaves no lease behind when the allocation fails', async () => {
    const dir = leaseDir();
    const server = await listen(27200);
    try {
      await expect(getPorts({ count: 2, range: [27200, 27201], leaseDir: dir })).rejects.toThrow(/Only 1 of the 2 ports asked for is free/);
      expect(leaseFiles(dir)).toEqual([]);
    } finally {
      await close(server);
    }
  });
});

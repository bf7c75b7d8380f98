import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { portNumbers } from 'get-port';
import { describe, expect, it } from 'vitest';
import { allocatePorts } from '../src/allocator/allocate-ports.ts';
import { AllocationError, getPorts, InputError } from '../src/programs/library.ts';
import { BAD_PORTS } from '../src/ports/bad-ports.ts';
import { PortSet } from '../src/ports/port-set.ts';
import { close, listen } from './helpers/servers.ts';

const leaseDir = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-prefer-')), 'leases');
const one = (port: number) => ({ low: port, high: port });

describe('preferred ports', () => {
  it('takes them in the order given, and the usual draw fills the rest', async () => {
    const { ports } = await allocatePorts({ count: 4, prefer: [one(23003), one(23001), one(23002)] });
    expect(ports.slice(0, 3)).toEqual([23003, 23001, 23002]);
    expect([23001, 23002, 23003]).not.toContain(ports[3]);
  });

  it('skips one that is busy on any address asked for, and one that a lease holds', async () => {
    const busy = await listen(23011, '127.0.0.1');
    try {
      const { ports } = await allocatePorts({
        count: 2,
        prefer: [{ low: 23010, high: 23013 }],
        taken: () => ({ leased: new Map([[23010, 'other' as const]]), listed: new PortSet(), shielded: new PortSet() }),
        preferOnly: true,
      });
      expect(ports).toEqual([23012, 23013]);
    } finally {
      await close(busy);
    }
  });

  it('fails with one clear error when only preferred ports may be handed out and too few are free', async () => {
    const busy = await listen(23021);
    try {
      const error = await allocatePorts({ count: 2, prefer: [one(23020), one(23021)], preferOnly: true }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AllocationError);
      expect((error as Error).message).toMatch(
        /^Only 1 of the 2 ports asked for is free among the preferred ports .*: name more ports in 'prefer', or drop 'prefer-only'/,
      );
    } finally {
      await close(busy);
    }
  });

  it("take get-port's portNumbers(from, to) as they are, in the library", async () => {
    const { ports, release } = await getPorts({ names: ['web', 'api'], prefer: portNumbers(23030, 23039), leaseDir: leaseDir() });
    expect(ports).toEqual({ web: 23030, api: 23031 });
    await release();
  });

  it('are refused with an error naming the option when they are not ports', async () => {
    const error = await getPorts({ count: 1, prefer: [70000] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/^Option 'prefer' has invalid value "70000"/);
  });
});

describe("ports a browser accepts: the Fetch standard's bad ports", () => {
  it('are never drawn from a range that holds some', async () => {
    for (let round = 0; round < 5; round++) {
      const { ports } = await allocatePorts({ count: 6, range: { low: 6660, high: 6671 } });
      expect(ports.filter((p) => BAD_PORTS.includes(p))).toEqual([]);
    }
  });

  it('are never part of a contiguous block', async () => {
    const { ports } = await allocatePorts({ count: 3, contiguous: true, range: { low: 6662, high: 6672 } });
    expect(ports.filter((p) => BAD_PORTS.includes(p))).toEqual([]);
  });

  it('make a range of only bad ports one clear error', async () => {
    const error = await getPorts({ count: 1, range: [6665, 6669] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/^Option 'range' has invalid value "6665-6669": it holds 0 ports that browsers accept/);
  });

  it('are handed out when preferred one by one, never from a preferred run', async () => {
    const named = await allocatePorts({ count: 1, prefer: [one(6000)], preferOnly: true });
    expect(named.ports).toEqual([6000]);
    const run = await allocatePorts({ count: 1, prefer: [{ low: 5999, high: 6001 }] });
    expect(run.ports).not.toContain(6000);
  });

  it('say so in the log when one is handed out because it was named', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      const { ports, release } = await getPorts({ count: 1, prefer: [6000], preferOnly: true, leaseDir: leaseDir() });
      expect(ports).toEqual([6000]);
      await release();
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.join('\n')).toMatch(/Port 6000, named in prefer, is one that browsers refuse/);
    } finally {
      process.off('warning', onWarning);
    }
  });
});

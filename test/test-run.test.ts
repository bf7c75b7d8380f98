import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getPorts, getPortsSync } from '../src/programs/library.ts';

/**
 * One allocation for a whole test run: the names a process holds are the same ports for
 * the processes it starts (a test runner's workers, a config loaded again), and only for them.
 */

const LIBRARY = JSON.stringify(path.resolve(import.meta.dirname, '../src/programs/library.ts'));
const leaseDir = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-test-run-')), 'leases');

/** A node process asking for `names` (asynchronously, or with getPortsSync), with this process's environment; its answer. */
function ask(dir: string, names: string[], options: { sync?: boolean; shell?: boolean } = {}): Promise<Record<string, number>> {
  const call = options.sync ? 'getPortsSync' : 'await getPorts';
  const script = `import { getPorts, getPortsSync } from ${LIBRARY};
    const { ports } = ${call}({ names: ${JSON.stringify(names)}, leaseDir: ${JSON.stringify(dir)} });
    console.log(JSON.stringify(ports));`;
  const argv = [process.execPath, '--input-type=module', '-e', script];
  const [file, args] = options.shell ? ['sh', ['-c', '"$@"', 'sh', ...argv]] : [argv[0], argv.slice(1)];
  return new Promise((resolve, reject) =>
    execFile(file, args, { env: process.env }, (error, stdout, stderr) =>
      error ? reject(new Error(stderr)) : resolve(JSON.parse(stdout)),
    ),
  );
}

/**
 * The same, from a process that is no descendant of this one: started by a shell that exits
 * at once, so init adopts it. It has this process's whole environment all the same.
 */
async function askUnrelated(dir: string, names: string[]): Promise<Record<string, number>> {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-unrelated-')), 'ports.json');
  const script = `import { getPorts } from ${LIBRARY}; import fs from 'node:fs';
    const { ports } = await getPorts({ names: ${JSON.stringify(names)}, leaseDir: ${JSON.stringify(dir)} });
    fs.writeFileSync(${JSON.stringify(out + '.tmp')}, JSON.stringify(ports)); fs.renameSync(${JSON.stringify(out + '.tmp')}, ${JSON.stringify(out)});`;
  await new Promise((resolve, reject) =>
    execFile('sh', ['-c', '("$@" > /dev/null 2>&1 &)', 'sh', process.execPath, '--input-type=module', '-e', script], (e) =>
      e ? reject(e) : resolve(0),
    ),
  );
  for (let i = 0; !fs.existsSync(out); i++) {
    if (i > 1200) throw new Error('the unrelated process did not answer within 60 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}

const saved = { ...process.env };
afterEach(() => {
  for (const name of Object.keys(process.env)) if (!(name in saved)) Reflect.deleteProperty(process.env, name);
  Object.assign(process.env, saved);
});

describe('one allocation for a whole test run', () => {
  it("gives a child, and a grandchild through a shell, the parent's ports for the parent's names", async () => {
    const dir = leaseDir();
    const { ports } = await getPorts({ names: ['web', 'db'], leaseDir: dir });
    expect(process.env.WEB_PORT).toBe(String(ports.web));
    expect(await ask(dir, ['web', 'db'])).toEqual(ports);
    expect(await ask(dir, ['db'], { shell: true })).toEqual({ db: ports.db });
    expect(await ask(dir, ['web'], { sync: true })).toEqual({ web: ports.web });
  });

  it('gives the same names the same ports again in the same process, and other names new ports', async () => {
    const dir = leaseDir();
    const first = await getPorts({ names: ['web'], leaseDir: dir });
    const again = await getPorts({ names: ['web', 'api'], leaseDir: dir });
    expect(again.ports.web).toBe(first.ports.web);
    expect(again.ports.api).not.toBe(first.ports.web);
  });

  it("gives new ports once the parent's lease has ended", async () => {
    const dir = leaseDir();
    const { ports, release } = await getPorts({ names: ['web'], leaseDir: dir });
    await release();
    const child = await ask(dir, ['web']);
    expect(child.web).not.toBe(ports.web);
  });

  it('gives an unrelated process with the same environment other ports', async () => {
    const dir = leaseDir();
    const { ports } = await getPorts({ names: ['web', 'db'], leaseDir: dir });
    const other = await askUnrelated(dir, ['web', 'db']);
    expect(other.web).not.toBe(ports.web);
    expect(other.db).not.toBe(ports.db);
    expect([other.web, other.db]).not.toContain(ports.web);
  });

  it('never lets a count request inherit: each getPort() call gets a new port', async () => {
    const dir = leaseDir();
    const a = await getPorts({ count: 1, leaseDir: dir });
    const b = await getPorts({ count: 1, leaseDir: dir });
    expect(b.ports[0]).not.toBe(a.ports[0]);
  });

  it('allocates synchronously too, leased to this process, and releases synchronously', () => {
    const dir = leaseDir();
    const first = getPortsSync({ names: ['web'], leaseDir: dir });
    expect(process.env.WEB_PORT).toBe(String(first.ports.web));
    const again = getPortsSync({ names: ['web'], leaseDir: dir });
    expect(again.ports.web).toBe(first.ports.web);
    first.release();
    expect(process.env.PORT_ZERO_LEASES ?? '').not.toContain('lease-');
    const after = getPortsSync({ names: ['web'], leaseDir: dir });
    expect(after.ports.web).not.toBe(first.ports.web);
    after.release();
  });
});

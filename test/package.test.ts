import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, stepTmp } from './harness/action-runner.ts';

/**
 * The package as a user gets it: `npm pack`, then installed offline into an empty
 * project (so it must bundle everything it runs), its types checked under
 * `tsc --strict`, its library run by Node and its command run by `npx`.
 */

const run = promisify(execFile);
// A fresh shell's environment, with this Node first on PATH; npm's own variables from `npm test` left out.
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_'))),
  PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`,
  // Leases in the test process's own temporary directory, never the machine's /tmp/port-zero.
  TMPDIR: stepTmp(),
};
const sh = (file: string, args: string[], cwd: string) => run(file, args, { cwd, env, maxBuffer: 1 << 24 });

const USAGE = `import { AllocationError, getPort, getPorts, InputError, PortZeroError, type Ports } from 'port-zero';
import { readdirSync, readFileSync } from 'node:fs';

const leaseDir = process.argv[2];
// Each account's leases are in its own directory of the lease location (named by its uid, or its
// user name on Windows; this one is the only account here): one record per call, listing its
// ports ("40000-40002 40100"). How many ports they lease:
const own = () => \`\${leaseDir}/\${readdirSync(leaseDir)[0]}\`;
const leases = () =>
  readdirSync(own())
    .filter((f) => f.startsWith('lease-'))
    .flatMap((f) => (JSON.parse(readFileSync(\`\${own()}/\${f}\`, 'utf8')).ports as string).split(' ').filter(Boolean))
    .reduce((n, entry) => {
      const [low, high = low] = entry.split('-').map(Number);
      return n + high - low + 1;
    }, 0);

const named: Ports<Record<'web' | 'db', number>> = await getPorts({ names: ['web', 'db'], leaseDir });
const web: number = named.ports.web;
// @ts-expect-error: only the names asked for are keys
named.ports.cache;
const counted = await getPorts({ count: 3, protocol: 'tcp,udp', exclude: [5432, [6000, 6100]], leaseDir });
const list: number[] = counted.ports;
const one: number = await getPort({ host: ['127.0.0.1'], leaseDir });
// @ts-expect-error: names and count are alternatives
await getPorts({ names: ['a'], count: 1 }).catch(() => {});
// @ts-expect-error: not a reserve mode
await getPorts({ count: 1, reserve: 'forever' }).catch(() => {});
const during = leases();
await named.release();
await counted.release();
const after = leases();
const error: unknown = await getPorts({ count: 0 }).catch((e: unknown) => e);
const kinds = [error instanceof InputError, error instanceof PortZeroError, error instanceof AllocationError];
console.log(JSON.stringify({ web, db: named.ports.db, list, one, during, after, kinds, message: (error as Error).message }));
`;

describe('the npm package, installed from its tarball into an empty project', () => {
  let work: string;
  let project: string;
  let packed: { filename: string; files: { path: string }[] };

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-package-test-'));
    project = path.join(work, 'project');
    fs.mkdirSync(path.join(project, 'leases'), { recursive: true, mode: 0o700 });
    packed = JSON.parse((await sh('npm', ['pack', '--json', '--pack-destination', work], ROOT)).stdout)[0];
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    await sh('npm', ['install', '--offline', '--no-audit', '--no-fund', path.join(work, packed.filename)], project);
  }, 300_000);

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('holds only what users need, and depends on nothing outside itself', () => {
    const files = packed.files.map((f) => f.path).sort();
    expect(files).toEqual(
      expect.arrayContaining(['LICENSE', 'README.md', 'dist/cli/index.js', 'dist/lib/index.d.ts', 'dist/lib/index.js', 'package.json']),
    );
    for (const file of files) expect(file).toMatch(/^(LICENSE|README\.md|package\.json|dist\/(lib|cli)\/.+)$/);
    const manifest = JSON.parse(fs.readFileSync(path.join(project, 'node_modules/port-zero/package.json'), 'utf8'));
    expect(manifest.private).toBeUndefined();
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(fs.readdirSync(path.join(project, 'node_modules')).filter((d) => !d.startsWith('.'))).toEqual(['port-zero']);
  });

  /** Runs this repository's tsc on a tsconfig written into the project; resolves with what it printed (empty: no errors). */
  async function tsc(name: string, compilerOptions: object, files: string[]): Promise<string> {
    const config = { compilerOptions: { strict: true, module: 'nodenext', target: 'es2022', noEmit: true, ...compilerOptions }, files };
    fs.writeFileSync(path.join(project, name), JSON.stringify(config));
    const result = await sh(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', name], project).catch((e) => e);
    return result.stdout;
  }

  it('ships types that stand alone: index.d.ts checks under --strict with no other types', async () => {
    expect(await tsc('tsconfig.types.json', { types: [], skipLibCheck: false }, ['node_modules/port-zero/dist/lib/index.d.ts'])).toBe('');
  }, 300_000);

  it('type-checks a usage file under tsc --strict, misuses refused', async () => {
    fs.writeFileSync(path.join(project, 'usage.ts'), USAGE);
    // Node's own types are checked as a project would (skipLibCheck); the package's are checked above.
    const options = { types: ['node'], typeRoots: [path.join(ROOT, 'node_modules/@types')], skipLibCheck: true };
    // Each @ts-expect-error line in the usage file is itself an error (TS2578) if the types let its misuse through.
    expect(await tsc('tsconfig.json', options, ['usage.ts'])).toBe('');
  }, 300_000);

  it('hands out distinct ports through the library and releases their leases', async () => {
    fs.writeFileSync(path.join(project, 'usage.ts'), USAGE);
    const { stdout } = await sh(process.execPath, ['usage.ts', path.join(project, 'leases')], project);
    const result = JSON.parse(stdout);
    const ports = [result.web, result.db, ...result.list, result.one];
    expect(ports.every((p) => Number.isInteger(p) && p > 0 && p < 65536)).toBe(true);
    expect(new Set(ports).size).toBe(6);
    expect(result.during).toBe(6);
    expect(result.after).toBe(1); // getPort's lease lasts until the process exits
    expect(result.kinds).toEqual([true, true, false]);
    expect(result.message).toBe('Option \'count\' has invalid value "0": a whole number from 1 to 1000');
  }, 120_000);

  it('loads from CommonJS too, as a Playwright config in a project without "type": "module" is loaded', async () => {
    // require(esm): Node 22.12 and newer load an ES module that has no top-level await.
    const script = `const { getPortsSync } = require('port-zero'); const { ports, release } = getPortsSync({ names: ['web'] }); release(); console.log(JSON.stringify(ports));`;
    const { stdout } = await sh(process.execPath, ['--input-type=commonjs', '-e', script], project);
    expect(JSON.parse(stdout).web).toBeGreaterThan(0);
  }, 120_000);

  it('runs the port-zero command with npx', async () => {
    const help = await sh('npx', ['--offline', 'port-zero', '--help'], project);
    expect(help.stdout).toMatch(/^Usage: port-zero \[options\] \[name \.\.\.\]/);
    const json = JSON.parse((await sh('npx', ['--offline', 'port-zero', '--json', 'web', 'db'], project)).stdout);
    expect(Object.keys(json)).toEqual(['web', 'db']);
    expect(json.web).not.toBe(json.db);
  }, 120_000);
});

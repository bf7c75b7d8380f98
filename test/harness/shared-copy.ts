/**
 * What steps and scenarios run as other accounts read, in a world-readable folder
 * of the temporary directory: dist/, src/, test/, action.yml, package.json, the
 * packages the scenarios import, and the Node binary. Other accounts cannot read a
 * checkout in a private folder (`mktemp -d` makes 0700 ones, homes are often 0700),
 * nor the Node that npm installed into it. Files are hard-linked where the link
 * gives others what they need, copied otherwise; the folder goes when this process exits.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** A copy of the checkout that every account can read, and a Node binary every account can run. */
export interface SharedCopy {
  root: string;
  node: string;
}

/** Set to a copy's folder for the processes started with it, so that they use it instead of making their own. */
export const SHARED_COPY_VARIABLE = 'PORT_ZERO_TEST_SHARED_COPY';

const ENTRIES = ['dist', 'src', 'test', 'action.yml', 'package.json'];
let made: SharedCopy | undefined;

/** This process's shared copy (the one its starter named, else one made now). */
export function sharedCopy(): SharedCopy {
  const given = process.env[SHARED_COPY_VARIABLE];
  if (given) return { root: given, node: path.join(given, 'node') };
  if (made) return made;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-shared-'));
  process.once('exit', () => fs.rmSync(root, { recursive: true, force: true }));
  for (const entry of ENTRIES) place(path.join(ROOT, entry), path.join(root, entry));
  for (const name of packagesOf(path.join(ROOT, 'test/scenarios'))) {
    place(path.join(ROOT, 'node_modules', name), path.join(root, 'node_modules', name));
  }
  place(process.execPath, path.join(root, 'node'));
  fs.chmodSync(root, 0o755);
  made = { root, node: path.join(root, 'node') };
  return made;
}

/** Puts `from` at `to`: folders made 0755, files linked when others may read (and run) them as they are, else copied. */
function place(from: string, to: string): void {
  const stat = fs.lstatSync(from);
  if (stat.isSymbolicLink()) return fs.symlinkSync(fs.readlinkSync(from), to);
  if (stat.isDirectory()) {
    fs.mkdirSync(to, { recursive: true, mode: 0o755 });
    fs.chmodSync(to, 0o755); // mkdir's mode goes through the umask
    for (const name of fs.readdirSync(from)) place(path.join(from, name), path.join(to, name));
    return;
  }
  const executable = (stat.mode & 0o100) !== 0;
  const others = executable ? 0o005 : 0o004;
  if ((stat.mode & others) === others) {
    try {
      return fs.linkSync(from, to);
    } catch {
      // another file system, or a kernel that forbids the link (protected_hardlinks): copy
    }
  }
  fs.copyFileSync(from, to);
  fs.chmodSync(to, executable ? 0o755 : 0o644);
}

/** Bare imports that load code at run time (not `import type`), and imports into node_modules by path. */
const IMPORT = /^(?!import type|export type).*?(?:from |import\()'([^'.][^']*|[./]*node_modules\/[^']+)'/gm;

/**
 * The packages (with the packages they depend on) that the files under `dir` load,
 * following their relative imports through the rest of the checkout.
 */
function packagesOf(dir: string): Set<string> {
  const files = fs.readdirSync(dir).map((name) => path.join(dir, name));
  const seen = new Set<string>();
  const packages = new Set<string>();
  while (files.length) {
    const file = files.pop()!;
    if (seen.has(file) || !/\.[cm]?[jt]s$/.test(file) || !fs.existsSync(file)) continue;
    seen.add(file);
    const text = fs.readFileSync(file, 'utf8');
    for (const [, specifier] of text.matchAll(IMPORT)) {
      const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(specifier);
      if (inModules) addPackage(inModules[1], packages);
      else if (!specifier.startsWith('node:'))
        addPackage(
          specifier
            .split('/')
            .slice(0, specifier.startsWith('@') ? 2 : 1)
            .join('/'),
          packages,
        );
    }
    for (const [, relative] of text.matchAll(/(?:from |import\()'(\.[^']+)'/g)) files.push(path.resolve(path.dirname(file), relative));
  }
  return packages;
}

/** Adds an installed package and, through its package.json, what it depends on. */
function addPackage(name: string, packages: Set<string>): void {
  const manifest = path.join(ROOT, 'node_modules', name, 'package.json');
  if (packages.has(name) || !fs.existsSync(manifest)) return;
  packages.add(name);
  const { dependencies = {} } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { dependencies?: Record<string, string> };
  for (const dependency of Object.keys(dependencies)) addPackage(dependency, packages);
}

/**
 * Fails when dist/ is not exactly a fresh build of src/: builds the bundles
 * `npm run bundle` builds (scripts/bundle.ts) into a temporary directory, then
 * compares the two trees file by file. A script of its own (and a CI step),
 * not a test: three bundle builds take most of a minute on a loaded 2-core machine.
 *   npm run check-dist
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from './bundle.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** The files of dist/ that differ from `fresh`, are missing from dist/, or are extra in it. */
export function distDifferences(fresh: string, committed = path.join(ROOT, 'dist')): string[] {
  const want = filesUnder(fresh);
  const have = new Set(filesUnder(committed));
  const differ = want.filter((f) => !have.has(f) || !readFileSync(path.join(fresh, f)).equals(readFileSync(path.join(committed, f))));
  const extra = [...have].filter((f) => !want.includes(f));
  return [...differ, ...extra];
}

if (import.meta.main) {
  const fresh = mkdtempSync(path.join(os.tmpdir(), 'port-zero-dist-'));
  try {
    bundle(fresh);
    const differences = distDifferences(fresh);
    if (differences.length > 0) {
      console.error(
        `dist/ is not a fresh build of src/; these files differ:\n  ${differences.join('\n  ')}\nRun npm run bundle and commit dist/.`,
      );
      process.exitCode = 1;
    } else {
      console.log('dist/ is exactly a fresh build of src/.');
    }
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
}

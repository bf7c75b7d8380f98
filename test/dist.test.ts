import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readActionYml, ROOT } from '../scripts/action-runner.ts';

/** The bundle commands from package.json, with their output folders moved under `dir`. */
function bundleInto(dir: string) {
  const script = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.bundle as string;
  for (const command of script.split('&&')) {
    const words = command.trim().split(/\s+/);
    const args = words.slice(1).map((a, i, all) => (all[i - 1] === '-o' ? path.join(dir, path.relative('dist', a)) : a));
    execFileSync(path.join(ROOT, 'node_modules/.bin', words[0]), args, { cwd: ROOT, stdio: 'pipe' });
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe('dist/', () => {
  it('is exactly a fresh build of src/', () => {
    const fresh = mkdtempSync(path.join(os.tmpdir(), 'port-zero-dist-'));
    bundleInto(fresh);
    const committed = path.join(ROOT, 'dist');
    expect(filesUnder(committed)).toEqual(filesUnder(fresh));
    for (const file of filesUnder(fresh)) {
      const same = readFileSync(path.join(fresh, file)).equals(readFileSync(path.join(committed, file)));
      expect(same, `dist/${file} differs from a fresh build: run npm run bundle and commit dist/`).toBe(true);
    }
  });

  it('is an ES module bundle for the runtime action.yml declares', () => {
    const yml = readActionYml();
    expect(yml.runs.using).toBe('node24');
    expect(yml.runs.main).toBe('dist/index.js');
    expect(JSON.parse(readFileSync(path.join(ROOT, 'dist/package.json'), 'utf8')).type).toBe('module');
  });
});

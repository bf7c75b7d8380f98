import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readActionYml, ROOT } from '../scripts/action-runner.ts';

/** The bundle command from package.json, pointed at another output folder. */
function bundleInto(dir: string) {
  const script = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.bundle as string;
  const args = script.split(/\s+/).slice(1).map((a, i, all) => (all[i - 1] === '-o' ? dir : a));
  execFileSync(path.join(ROOT, 'node_modules/.bin/ncc'), args, { cwd: ROOT, stdio: 'pipe' });
}

describe('dist/', () => {
  it('is exactly a fresh build of src/', () => {
    const fresh = mkdtempSync(path.join(os.tmpdir(), 'port-zero-dist-'));
    bundleInto(fresh);
    const committed = path.join(ROOT, 'dist');
    expect(readdirSync(committed).sort()).toEqual(readdirSync(fresh).sort());
    for (const file of readdirSync(fresh)) {
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

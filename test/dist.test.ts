import fs, { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readActionYml, ROOT } from './harness/action-runner.ts';

// Whether dist/ is a fresh build of src/ is checked by `npm run check-dist` (a CI step of its own).
describe('dist/', () => {
  it('is an ES module bundle for the runtime action.yml declares, with a post entry of its own', () => {
    const yml = readActionYml();
    expect(yml.runs.using).toBe('node24');
    expect(yml.runs.main).toBe('dist/index.js');
    expect(yml.runs.post).toBe('dist/post/index.js');
    expect(JSON.parse(readFileSync(path.join(ROOT, 'dist/package.json'), 'utf8')).type).toBe('module');
  });

  it('holds the wait action as an ES module bundle of its own, which wait/action.yml names from one folder up', () => {
    const wait = readActionYml(ROOT, 'wait');
    expect(wait.runs.using).toBe('node24');
    // The runner joins runs.main to the action's folder (wait/), as github/codeql-action's sub-actions do with ../lib/.
    expect(wait.runs.main).toBe('../dist/wait/index.js');
    expect(fs.existsSync(path.join(ROOT, 'wait', wait.runs.main))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(ROOT, 'dist/wait/package.json'), 'utf8')).type).toBe('module');
  });
});

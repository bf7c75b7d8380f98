import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, stepTmp } from './harness/action-runner.ts';

describe('npm run local-action', () => {
  it('runs src/action/main.ts through @github/local-action with .env.example and sets every output', async () => {
    const stdout = await new Promise<string>((resolve, reject) => {
      const bin = path.join(ROOT, 'node_modules/.bin/local-action');
      execFile(
        bin,
        ['.', 'src/action/main.ts', '.env.example'],
        { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', TMPDIR: stepTmp() } },
        (error, out) => (error ? reject(error) : resolve(out)),
      );
    });
    expect(stdout).not.toContain('::error::');
    const ports = /::set-output name=ports::(\d+) (\d+) (\d+)/.exec(stdout);
    expect(ports).not.toBeNull();
    expect(new Set(ports!.slice(1)).size).toBe(3);
    expect(stdout).toMatch(/::set-output name=json::\{"web":\d+,"db-main":\d+,"cache":\d+\}/);
  });
});

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStep } from './harness/action-runner.ts';

const RECORDER = path.join(import.meta.dirname, 'helpers', 'record-builtins.cjs');

/** Environment that makes a Node process record the built-in modules it loads, and the list it fills. */
function recorder(): { env: Record<string, string>; loaded: () => string[] } {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-builtins-')), 'loaded');
  return {
    env: { NODE_OPTIONS: `--require "${RECORDER}"`, PORT_ZERO_BUILTINS_FILE: file },
    loaded: () => fs.readFileSync(file, 'utf8').split('\n'),
  };
}

/** Loaded for features a default step does not use: random delimiters and tokens, promise-based files. */
const UNUSED = ['NativeModule crypto', 'NativeModule internal/fs/promises'];

describe('what the bundled steps load', () => {
  it('records node:crypto and fs/promises when a program loads them', () => {
    const probe = recorder();
    execFileSync(process.execPath, ['-e', 'require("node:crypto").randomUUID(); require("node:fs").promises'], {
      env: { ...process.env, ...probe.env },
    });
    for (const module of UNUSED) expect(probe.loaded()).toContain(module);
  });

  it('records the address lookup when a program listens on "::" by name', () => {
    const probe = recorder();
    execFileSync(
      process.execPath,
      ['-e', 'require("node:net").createServer().listen({ host: "::", port: 0 }, function () { this.close(); })'],
      {
        env: { ...process.env, ...probe.env },
      },
    );
    expect(probe.loaded()).toContain('NativeModule dns');
  });

  it('runs a default job, main and post step, without node:crypto or fs/promises', async () => {
    const mainLoads = recorder();
    const main = await runStep({ with: { names: 'web api db cache queue' }, env: mainLoads.env });
    expect(main.code).toBe(0);
    expect(Object.keys(main.env)).toEqual(['WEB_PORT', 'API_PORT', 'DB_PORT', 'CACHE_PORT', 'QUEUE_PORT', 'PORT_ZERO_LEASES']);
    expect(main.state.leaseToken).toMatch(/^[0-9a-z]+(-[0-9a-z]+){3}$/);
    expect(main.summary).toContain('<td>web</td>');
    expect(mainLoads.loaded()).toContain('NativeModule net'); // the recorder ran in this step
    for (const module of UNUSED) expect(mainLoads.loaded()).not.toContain(module);
    // Binding every address without naming "::" skips Node's address lookup and its IPv6 pattern.
    expect(mainLoads.loaded()).not.toContain('NativeModule dns');

    const postLoads = recorder();
    const post = await runStep({ entry: 'post', state: main.state, env: { ...main.env, ...postLoads.env } });
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('Released 5 of 5 port leases.');
    expect(postLoads.loaded()).toContain('NativeModule fs');
    for (const module of UNUSED) expect(postLoads.loaded()).not.toContain(module);
  });
});

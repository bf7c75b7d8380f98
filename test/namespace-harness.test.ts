import { describe, expect, it } from 'vitest';
import { inNamespace } from './harness/namespace.ts';
import { need } from './harness/needs.ts';

describe('the namespace harness', () => {
  it("passes the runner's input names with hyphens (INPUT_LEASE-DIR) into the namespace", async (context) => {
    need(context, 'namespace');
    const run = await inNamespace([process.execPath, '-p', 'process.env["INPUT_LEASE-DIR"]'], {
      env: { 'INPUT_LEASE-DIR': '/somewhere/leases' },
      killAfterMs: 30_000,
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('/somewhere/leases\n');
  });
});

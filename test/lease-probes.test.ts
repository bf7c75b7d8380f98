import { describe, expect, it } from 'vitest';
import { scenario } from './harness/namespace.ts';
import { need } from './harness/needs.ts';

interface Probes {
  port: number;
  tries: number;
  failures: number;
  calls: number;
}

/** How long each contest runs; PORT_ZERO_PROBE_SECONDS makes a longer run for a measurement. */
const SECONDS = Number(process.env.PORT_ZERO_PROBE_SECONDS ?? 4);

/** The owner's server loops on its own leased port in a fresh namespace while two other processes ask for ports from the same pool. */
async function contest(program: string, request: object, options: { range?: [number, number]; settle?: number } = {}) {
  const run = await scenario<Probes>(
    'lease-probes.ts',
    ['owner', program, JSON.stringify(request), String(SECONDS), String(options.settle ?? 0)],
    {
      range: options.range,
    },
  );
  const { failures, tries, calls } = run.result;
  console.log(`${program} ${JSON.stringify(request)}: ${failures} of ${tries} listens failed while others made ${calls} calls`);
  return run;
}

describe("a lease keeps every other Port Zero call off its port, probes included: the owner's server always listens", () => {
  it.for<[string, object]>([
    ['library', { count: 1, range: [47000, 47003], reserve: 'none' }],
    ['library', { count: 2, range: [47000, 47005], contiguous: true, reserve: 'none' }],
    ['command', { count: 1, range: [47000, 47003], reserve: 'none' }],
    ['command', { count: 2, range: [47000, 47005], contiguous: true, reserve: 'none' }],
    ['action', { count: 1, range: [47000, 47003], reserve: 'none' }],
    ['action', { count: 2, range: [47000, 47005], contiguous: true, reserve: 'none' }],
  ])('%s, %j: others draw from the same range', { timeout: 60_000 }, async ([program, request], context) => {
    need(context, 'namespace');
    const { code, stderr, result } = await contest(program, request);
    expect(code, stderr).toBe(0);
    expect(result.calls).toBeGreaterThan(0);
    expect(result.tries).toBeGreaterThan(0);
    expect(result.failures, `${result.failures} of ${result.tries} listens failed`).toBe(0);
  });

  it("the kernel's choice with reserve: none, on a 4-port ephemeral range", async (context) => {
    need(context, 'namespace');
    const { code, stderr, result } = await contest('library', { count: 1, reserve: 'none' }, { range: [47000, 47003] });
    expect(code, stderr).toBe(0);
    expect(result.failures, `${result.failures} of ${result.tries} listens failed`).toBe(0);
  }, 60_000);

  it("the kernel's choice with the default reserve, once the owner's TIME_WAIT has ended (61 s)", async (context) => {
    need(context, 'namespace');
    const { code, stderr, result } = await contest('library', { count: 1 }, { range: [47000, 47003], settle: 61 });
    expect(code, stderr).toBe(0);
    expect(result.failures, `${result.failures} of ${result.tries} listens failed`).toBe(0);
  }, 120_000);
});

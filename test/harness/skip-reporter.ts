/**
 * Prints, at the end of a run, every skipped test under the reason it was skipped for
 * (see needs.ts), so that a skip is never mistaken for a pass. A test skipped without
 * a reason breaks the one skip rule: the run says so and fails.
 */
import type { Reporter, TestCase } from 'vitest/node';

const NO_REASON = 'skipped without a reason: use need() from test/harness/needs.ts';

export default class SkipReporter implements Reporter {
  private readonly skipped = new Map<string, string[]>();

  onTestCaseResult(test: TestCase): void {
    const result = test.result();
    if (result.state !== 'skipped') return;
    // Skipped because another test has .only, or a name filter: chosen by the caller, not a skip of this machine.
    if (test.options.mode === 'skip' && result.note === undefined && this.filtered(test)) return;
    const reason = result.note ?? NO_REASON;
    this.skipped.set(reason, [...(this.skipped.get(reason) ?? []), `${test.module.relativeModuleId} > ${test.fullName}`]);
  }

  onTestRunEnd(): void {
    const total = [...this.skipped.values()].reduce((n, tests) => n + tests.length, 0);
    if (total === 0) return;
    const lines = [`\nSkipped here, by reason (${total}):`];
    for (const [reason, tests] of [...this.skipped].sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`  ${reason} (${tests.length}):`, ...tests.map((t) => `    - ${t}`));
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    if (this.skipped.has(NO_REASON)) process.exitCode = 1;
  }

  /** Whether the run was narrowed by a name filter or .only, which skips tests with no reason to give. */
  private filtered(test: TestCase): boolean {
    return test.project.config.testNamePattern !== undefined || [...test.module.children.allTests()].some((t) => t.options.mode === 'only');
  }
}

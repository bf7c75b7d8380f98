import { describe, expect, it } from 'vitest';
import { checkLocalAction, lintWorkflows } from '../scripts/lint-workflows.ts';

const workflow = (withBlock: string, run: string) => `on: push
jobs:
  t:
    runs-on: ubuntu-latest
    steps:
      - id: ports
        uses: ./
        with:
${withBlock}
      - run: echo "${run}"
`;

describe('workflow lint', () => {
  it("passes the repository's own workflows", async () => {
    expect(await lintWorkflows()).toEqual([]);
  });

  it('catches an input that action.yml does not declare', () => {
    const problems = checkLocalAction('w.yml', workflow('          nmes: web', '${{ steps.ports.outputs.port }}'));
    expect(problems.map((p) => p.message)).toEqual(['job t: input "nmes" is not defined in action.yml']);
  });

  it('catches an output the step cannot set, and accepts one per name', () => {
    const text = workflow('          names: web db', '${{ steps.ports.outputs.web }} ${{ steps.ports.outputs.cache }}');
    expect(checkLocalAction('w.yml', text).map((p) => p.message)).toEqual(['job t: step "ports" has no output "cache"']);
  });

  it('checks steps of the wait action against wait/action.yml, with a -pid output per name', () => {
    const text = `on: push
jobs:
  t:
    runs-on: ubuntu-latest
    steps:
      - id: wait
        uses: ./wait
        with:
          names: web 8080
          timeot: 5
      - run: echo "\${{ steps.wait.outputs.web-pid }} \${{ steps.wait.outputs.port-8080-pid }} \${{ steps.wait.outputs.db-pid }}"
`;
    expect(checkLocalAction('w.yml', text).map((p) => p.message)).toEqual([
      'job t: input "timeot" is not defined in wait/action.yml',
      'job t: step "wait" has no output "db-pid"',
    ]);
  });
});

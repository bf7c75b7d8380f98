import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readActionYml, ROOT } from './harness/action-runner.ts';
import { END, START, usageBlock } from '../scripts/docs.ts';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** Rows of the first table under a `## heading`: the cells of each row, code quotes removed. */
function tableUnder(heading: string): string[][] {
  const section = readme.split(/^## /m).find((s) => s.startsWith(`${heading}\n`));
  if (!section) throw new Error(`README has no "## ${heading}" section`);
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim().replace(/^`(.*)`$/, '$1')),
    );
}

/** The README's usage block, markers included. */
function readmeUsage(): string {
  return readme.slice(readme.indexOf(START), readme.indexOf(END) + END.length);
}

describe('README', () => {
  const yml = readActionYml();

  it('has the usage block that npm run docs makes from action.yml: every input, its default and description', () => {
    expect(readmeUsage(), 'README.md is out of date: run npm run docs').toBe(usageBlock(yml.inputs));
    for (const [name, spec] of Object.entries(yml.inputs)) expect(readmeUsage()).toContain(`    ${name}: '${spec.default}'`);
  });

  it('tells an input added to action.yml from the usage block that lacks it', () => {
    const added = { ...yml.inputs, 'new-input': { description: 'An input added to action.yml.', default: 'x' } };
    expect(readmeUsage()).not.toBe(usageBlock(added));
  });

  it('lists every output of action.yml', () => {
    const names = tableUnder('Outputs').map(([name]) => name);
    expect(names).toEqual(Object.keys(yml.outputs));
  });

  it('gives every input and output in action.yml a description', () => {
    for (const spec of [...Object.values(yml.inputs), ...Object.values(yml.outputs)]) {
      expect(spec.description.length).toBeGreaterThan(10);
    }
  });

  it('shows the commands that work on a fresh clone', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm test');
    const scripts = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts;
    for (const script of ['start', 'test', 'bundle']) expect(scripts[script]).toBeDefined();
  });
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readActionYml, ROOT } from './harness/action-runner.ts';
import { END, START, usageBlock, WAIT_END, WAIT_START, WAIT_USES } from '../scripts/docs.ts';

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

  it('gives every input and output in action.yml and wait/action.yml a description', () => {
    for (const action of [yml, readActionYml(ROOT, 'wait')]) {
      for (const spec of [...Object.values(action.inputs), ...Object.values(action.outputs)]) {
        expect(spec.description.length).toBeGreaterThan(10);
      }
    }
  });

  it("has the wait action's usage block that npm run docs makes from wait/action.yml, and lists its outputs", () => {
    const wait = readActionYml(ROOT, 'wait');
    const block = readme.slice(readme.indexOf(WAIT_START), readme.indexOf(WAIT_END) + WAIT_END.length);
    expect(block, 'README.md is out of date: run npm run docs').toBe(usageBlock(wait.inputs, WAIT_USES, [WAIT_START, WAIT_END]));
    const section = readme.split(/^## /m).find((s) => s.startsWith('Waiting for your servers\n'))!;
    for (const output of Object.keys(wait.outputs)) expect(section).toMatch(new RegExp(`^\\| \`${output}\` +\\|`, 'm'));
    expect(section).toMatch(/^\| _each name_`-pid` +\|/m);
  });

  it('no longer shows a hand-written wait loop in the README or its recipes', () => {
    const examples = readFileSync(path.join(ROOT, 'docs/examples.md'), 'utf8');
    for (const text of [readme, examples]) expect(text).not.toMatch(/\/dev\/tcp|until .*; do sleep/);
    const recipes = examples.split(/^## /m).find((s) => s.startsWith('Recipes\n'))!;
    // Playwright's recipe has none: Playwright starts its web server and waits for its url itself.
    for (const recipe of ['Docker Compose', 'Services started in the background']) {
      const text = recipes.split(/^### /m).find((r) => r.startsWith(recipe))!;
      expect(text, recipe).toContain('uses: port-zero/port-zero/wait@v1');
    }
  });

  it('shows the commands that work on a fresh clone', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm test');
    const scripts = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts;
    for (const script of ['start', 'test', 'bundle']) expect(scripts[script]).toBeDefined();
  });
});

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens; repeats get -1, -2. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  const text = markdown.replace(/^```[\s\S]*?^```/gm, '');
  for (const [, heading] of text.matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    result.add(count ? `${slug}-${count}` : slug);
  }
  return result;
}

describe('the README and docs/', () => {
  const pages = ['README.md', ...readdirSync(path.join(ROOT, 'docs')).map((f) => `docs/${f}`)];

  it('keep the quick start on the first screen of the README', () => {
    const lines = readme.split('\n');
    expect(lines.findIndex((line) => line === '## Quick start')).toBeLessThan(40);
    expect(lines.length).toBeLessThan(400);
  });

  it.each(pages)('%s links only to files that exist and to headings they have', (page) => {
    const text = readFileSync(path.join(ROOT, page), 'utf8').replace(/^```[\s\S]*?^```/gm, '');
    const broken: string[] = [];
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target)) continue;
      const [file, anchor] = target.split('#');
      const resolved = file ? path.join(path.dirname(path.join(ROOT, page)), file) : path.join(ROOT, page);
      if (!existsSync(resolved)) broken.push(`${target}: no such file`);
      else if (anchor && !anchors(readFileSync(resolved, 'utf8')).has(anchor)) broken.push(`${target}: no such heading`);
    }
    expect(broken).toEqual([]);
  });

  it('tells a link to a missing heading from a good one', () => {
    expect(anchors('## The guarantee and its limits\n## On each OS\n### `reserve: none`')).toEqual(
      new Set(['the-guarantee-and-its-limits', 'on-each-os', 'reserve-none']),
    );
  });
});

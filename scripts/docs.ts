/**
 * Rewrites the README's usage blocks from action.yml and wait/action.yml: every input,
 * its description and its default, between the `<!-- start usage -->` and
 * `<!-- end usage -->` markers (and `<!-- start wait usage -->`, `<!-- end wait usage -->`
 * for the wait action), so the README cannot drift from the actions.
 *   npm run docs            # rewrite README.md
 *   npm run docs -- --check # exit 1 when README.md is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readActionYml, ROOT } from '../test/harness/action-runner.ts';

export const START = '<!-- start usage -->';
export const END = '<!-- end usage -->';
export const WAIT_START = '<!-- start wait usage -->';
export const WAIT_END = '<!-- end wait usage -->';
export const USES = 'port-zero/port-zero@v1';
export const WAIT_USES = 'port-zero/port-zero/wait@v1';
const WIDTH = 100;

/** `text` in lines of at most `width` characters, broken at spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  return line ? [...lines, line] : lines;
}

const quote = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** The usage block, markers included: a step with every input set to its default, described above it. */
export function usageBlock(
  inputs: Record<string, { description: string; default?: string }>,
  uses = USES,
  [start, end] = [START, END],
): string {
  const indent = '    ';
  const body = Object.entries(inputs).flatMap(([name, spec], i) => [
    ...(i > 0 ? [''] : []),
    ...wrap(spec.description, WIDTH - indent.length - 2).map((l) => `${indent}# ${l}`),
    `${indent}${name}: ${quote(spec.default ?? '')}`,
  ]);
  return [start, '', '```yaml', `- uses: ${uses}`, '  with:', ...body, '```', '', end].join('\n');
}

/** `readme` with the usage block between `markers` replaced; throws when the markers are missing. */
export function withUsage(readme: string, block: string, [startMarker, endMarker] = [START, END]): string {
  const start = readme.indexOf(startMarker);
  const end = readme.indexOf(endMarker);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${startMarker} and ${endMarker}, in that order`);
  return readme.slice(0, start) + block + readme.slice(end + endMarker.length);
}

/** `readme` with both usage blocks made from the actions' action.yml files. */
export function withBothUsages(readme: string): string {
  const main = withUsage(readme, usageBlock(readActionYml().inputs));
  const markers: [string, string] = [WAIT_START, WAIT_END];
  return withUsage(main, usageBlock(readActionYml(ROOT, 'wait').inputs, WAIT_USES, markers), markers);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = path.join(ROOT, 'README.md');
  const readme = readFileSync(file, 'utf8');
  const updated = withBothUsages(readme);
  if (process.argv.includes('--check')) {
    if (updated !== readme) {
      console.error("README.md's usage blocks differ from action.yml or wait/action.yml: run npm run docs");
      process.exitCode = 1;
    }
  } else if (updated !== readme) {
    writeFileSync(file, updated);
    console.log('Rewrote the usage blocks of README.md from action.yml and wait/action.yml.');
  }
}

/**
 * Rewrites the README's usage block from action.yml: every input, its description
 * and its default, between the `<!-- start usage -->` and `<!-- end usage -->`
 * markers, so the README cannot drift from the action.
 *   npm run docs            # rewrite README.md
 *   npm run docs -- --check # exit 1 when README.md is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readActionYml, ROOT } from '../test/harness/action-runner.ts';

export const START = '<!-- start usage -->';
export const END = '<!-- end usage -->';
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
export function usageBlock(inputs: Record<string, { description: string; default?: string }>): string {
  const indent = '    ';
  const body = Object.entries(inputs).flatMap(([name, spec], i) => [
    ...(i > 0 ? [''] : []),
    ...wrap(spec.description, WIDTH - indent.length - 2).map((l) => `${indent}# ${l}`),
    `${indent}${name}: ${quote(spec.default ?? '')}`,
  ]);
  return [START, '', '```yaml', '- uses: port-zero/port-zero@v1', '  with:', ...body, '```', '', END].join('\n');
}

/** `readme` with its usage block replaced; throws when the markers are missing. */
export function withUsage(readme: string, block: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${START} and ${END}, in that order`);
  return readme.slice(0, start) + block + readme.slice(end + END.length);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = path.join(ROOT, 'README.md');
  const readme = readFileSync(file, 'utf8');
  const updated = withUsage(readme, usageBlock(readActionYml().inputs));
  if (process.argv.includes('--check')) {
    if (updated !== readme) {
      console.error("README.md's usage block differs from action.yml: run npm run docs");
      process.exitCode = 1;
    }
  } else if (updated !== readme) {
    writeFileSync(file, updated);
    console.log('Rewrote the usage block of README.md from action.yml.');
  }
}

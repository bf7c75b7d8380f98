import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.join(import.meta.dirname, '..', 'src');

/**
 * The floors of src/, lowest first: a module imports only from its own folder or a lower
 * floor. Folders on one floor (leases and protection) know nothing of each other.
 */
const FLOORS: readonly (readonly string[])[] = [
  ['errors.ts'],
  ['ports'],
  ['platform'],
  ['allocator'],
  ['leases', 'protection'],
  ['session'],
  ['readiness', 'text'],
  ['action', 'command', 'library'],
  ['programs'],
];

const floorOf = (top: string) => FLOORS.findIndex((floor) => floor.includes(top));

function modules(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(dir, file));
}

/** Every relative import of `file` (static, dynamic and type-only), as paths under src/. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]);
  return specifiers.map((s) => path.relative(SRC, path.resolve(path.dirname(file), s)));
}

describe('the layers of src/', () => {
  it('places every module on a floor', () => {
    const unplaced = modules(SRC)
      .map((f) => path.relative(SRC, f).split(path.sep)[0])
      .filter((top) => floorOf(top) < 0);
    expect([...new Set(unplaced)]).toEqual([]);
  });

  it('imports only from its own folder or a lower floor, never back up or sideways', () => {
    const wrong: string[] = [];
    for (const file of modules(SRC)) {
      const from = path.relative(SRC, file).split(path.sep)[0];
      for (const target of importsOf(file)) {
        const to = target.split(path.sep)[0];
        if (to.startsWith('..')) wrong.push(`${path.relative(SRC, file)} -> ${target} (outside src/)`);
        else if (to !== from && floorOf(to) >= floorOf(from)) wrong.push(`${path.relative(SRC, file)} -> ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps the allocator free of any protection or lease', () => {
    const reaches = modules(path.join(SRC, 'allocator')).flatMap((file) =>
      importsOf(file).filter((target) => /^(protection|leases)\//.test(target)),
    );
    expect(reaches).toEqual([]);
  });
});

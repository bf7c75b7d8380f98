import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The programs Port Zero starts from its own package: the holder, and the command (for the library's synchronous form). */
export type PackagedProgram = 'holder' | 'cli';

/**
 * Where `program` is, seen from the module at `moduleUrl` (its import.meta.url): in a
 * bundle, dist/<program>/index.js beside it or one folder up (dist/index.js, dist/post,
 * dist/lib); running from src/, src/programs/<program>.ts.
 * @throws Error when none of them exists.
 */
export function packagedProgram(program: PackagedProgram, moduleUrl: string): string {
  const here = path.dirname(fileURLToPath(moduleUrl));
  const candidates = [
    path.join(here, program, 'index.js'),
    path.join(here, '..', program, 'index.js'),
    path.join(here, '..', 'programs', `${program}.ts`),
  ];
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error(`The ${program} program of Port Zero is missing beside ${here}`);
  return found;
}

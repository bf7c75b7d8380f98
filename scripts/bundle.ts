/**
 * Builds dist/ from src/: one ncc bundle per program, then the library's type
 * declarations. BUNDLES is the one list of what dist/ holds: `npm run bundle`
 * builds it into dist/, `npm run check-dist` into a temporary folder to compare.
 *   npm run bundle
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** One program's bundle: its entry in src/, and its folder under dist/. */
export interface Bundle {
  entry: string;
  /** Relative to dist/: '' is dist/ itself. */
  out: string;
  /** Where ncc writes the licenses of what it bundled, relative to `out`. */
  license?: string;
}

/**
 * Every bundle of dist/, in build order: ncc empties its output folder first, so the
 * action's main step (dist/ itself) comes before the bundles in folders under it.
 */
export const BUNDLES: readonly Bundle[] = [
  { entry: 'src/programs/action-main.ts', out: '', license: 'licenses.txt' },
  { entry: 'src/programs/action-post.ts', out: 'post' },
  { entry: 'src/programs/holder.ts', out: 'holder' },
  { entry: 'src/programs/wait-step.ts', out: 'wait' },
  { entry: 'src/programs/cli.ts', out: 'cli' },
  { entry: 'src/programs/library.ts', out: 'lib' },
];

/** The library's declarations, bundled into one file beside its code. */
export const TYPES = { entry: 'src/programs/library.ts', out: 'lib/index.d.ts' };

/**
 * Runs a tool's own script with this Node, as `npm run` would run its bin shim, from the
 * repository root; its errors go to stderr, its progress nowhere.
 * @throws when the tool fails.
 */
function tool(script: string, args: string[]): void {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', script), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0)
    throw new Error(`${path.basename(script)} ${args.join(' ')} failed (${run.error?.message ?? `exit code ${run.status}`})`);
}

/** Builds every bundle and the declarations into `dist` (default: the repository's dist/). */
export function bundle(dist = path.join(ROOT, 'dist')): void {
  for (const { entry, out, license } of BUNDLES) {
    tool('@vercel/ncc/dist/ncc/cli.js', ['build', entry, '-o', path.join(dist, out), ...(license ? ['--license', license] : [])]);
  }
  tool('dts-bundle-generator/dist/bin/dts-bundle-generator.js', [
    '--project',
    'tsconfig.json',
    '--no-banner',
    '-o',
    path.join(dist, TYPES.out),
    TYPES.entry,
  ]);
}

if (import.meta.main) {
  try {
    bundle();
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}

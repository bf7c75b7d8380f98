/**
 * Tags a release: `vX.Y.Z` on HEAD, and the major tag `vX` moved to it, so that
 * `uses: port-zero/port-zero@v1` gets the new release and `@v1.2.3` stays fixed.
 *   npm run release -- [VERSION] [--dry-run] [--push] [--remote NAME]
 * Refuses (exit 1, nothing changed) unless the work tree is clean, dist/ is a
 * fresh build (npm run check-dist), VERSION is package.json's version, is greater
 * than the latest vX.Y.Z tag, and CHANGELOG.md has a section for it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const HELP = `Usage: npm run release -- [VERSION] [--dry-run] [--push] [--remote NAME]

Creates the tag vVERSION on HEAD and moves the major tag (v1 for 1.x.y) to it.
VERSION defaults to package.json's version; given, it must equal it, so the npm
package and the tag agree (bump it with: npm version --no-git-tag-version X.Y.Z).

  --dry-run      check everything and print the tags it would create or move
  --push         push the new tag, and force-push the major tag, to the remote
  --remote NAME  the remote to push to (default origin)`;

type Version = [number, number, number];

class ReleaseError extends Error {}

const VERSION = /^(\d+)\.(\d+)\.(\d+)$/;

function parseVersion(text: string): Version | undefined {
  const match = VERSION.exec(text);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function git(root: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trimEnd();
}

/** The commit a tag points to, or undefined when there is no such tag. */
function tagCommit(root: string, tag: string): string | undefined {
  try {
    return git(root, 'rev-parse', '--verify', '--quiet', `refs/tags/${tag}^{commit}`);
  } catch {
    return undefined;
  }
}

/** The highest vX.Y.Z tag, if any. */
function latestRelease(root: string): { tag: string; version: Version } | undefined {
  const releases = git(root, 'tag', '--list', 'v*')
    .split('\n')
    .map((tag) => ({ tag, version: parseVersion(tag.slice(1)) }))
    .filter((r): r is { tag: string; version: Version } => r.version !== undefined);
  return releases.sort((a, b) => compare(b.version, a.version))[0];
}

export interface Plan {
  tag: string;
  major: string;
  commit: string;
  /** Where the major tag points now, if it exists. */
  majorWas?: string;
}

/** Every check, in the order a person would make them; throws a ReleaseError naming what to fix. */
export function plan(root: string, requested: string | undefined, checkDist: () => void): Plan {
  const pkgVersion = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version as string;
  const text = requested ?? pkgVersion;
  const version = parseVersion(text);
  if (!version) throw new ReleaseError(`Version ${JSON.stringify(text)} is not X.Y.Z`);
  if (text !== pkgVersion) {
    throw new ReleaseError(`package.json's version is ${pkgVersion}, not ${text}; run npm version --no-git-tag-version ${text} and commit`);
  }
  const dirty = git(root, 'status', '--porcelain');
  if (dirty) throw new ReleaseError(`The work tree has uncommitted changes; commit or stash them first:\n${dirty}`);
  const latest = latestRelease(root);
  if (latest && compare(version, latest.version) <= 0) {
    throw new ReleaseError(`Version ${text} is not greater than the latest release, ${latest.tag}`);
  }
  const changelog = readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');
  if (!changelog.includes(`## [${text}]`)) throw new ReleaseError(`CHANGELOG.md has no "## [${text}]" section`);
  checkDist();
  const major = `v${version[0]}`;
  return { tag: `v${text}`, major, commit: git(root, 'rev-parse', 'HEAD'), majorWas: tagCommit(root, major) };
}

/** What the release does, one line per tag, as printed by both the dry run and the real one. */
export function describe(p: Plan, done: boolean): string[] {
  const [create, move] = done ? ['created', 'moved'] : ['would create', 'would move'];
  const short = (sha: string) => sha.slice(0, 12);
  const majorLine =
    p.majorWas === undefined
      ? `${create} tag ${p.major} at ${short(p.commit)}`
      : `${move} tag ${p.major} from ${short(p.majorWas)} to ${short(p.commit)}`;
  return [`${create} tag ${p.tag} at ${short(p.commit)}`, majorLine];
}

function release(root: string, p: Plan, push: boolean, remote: string): string[] {
  git(root, 'tag', '--annotate', '--message', `${p.tag} release`, p.tag, p.commit);
  git(root, 'tag', '--force', '--annotate', '--message', `Move ${p.major} to ${p.tag}`, p.major, p.commit);
  const lines = describe(p, true);
  const pushes = [
    ['push', remote, `refs/tags/${p.tag}`],
    ['push', '--force', remote, `refs/tags/${p.major}`],
  ];
  if (!push) return [...lines, `Push them with: ${pushes.map((args) => `git ${args.join(' ')}`).join(' && ')}`];
  for (const args of pushes) git(root, ...args);
  return [...lines, `pushed ${p.tag} and ${p.major} to ${remote}`];
}

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean' },
      push: { type: 'boolean' },
      remote: { type: 'string', default: 'origin' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (positionals.length > 1) throw new ReleaseError(`One version at most, got ${positionals.join(' ')}`);
  const root = git(process.cwd(), 'rev-parse', '--show-toplevel');
  const checkDist = () => {
    try {
      execFileSync('npm', ['run', '--silent', 'check-dist'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    } catch {
      throw new ReleaseError('npm run check-dist failed: run npm run bundle and commit dist/');
    }
  };
  const p = plan(root, positionals[0], checkDist);
  const push = values.push ?? false;
  const lines = values['dry-run']
    ? [...describe(p, false), ...(push ? [`would push them to ${values.remote}`] : []), 'Dry run: no tag was created, moved or pushed.']
    : release(root, p, push, values.remote);
  console.log(lines.join('\n'));
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(`release: ${error instanceof ReleaseError || error instanceof TypeError ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './harness/action-runner.ts';

/**
 * scripts/release.ts in a temporary clone of this repository, pushing to a bare
 * repository of its own. The clone's check-dist script is a stand-in that fails
 * when DIST_STALE=1: the real check is its own CI step and takes most of a minute.
 */

let work: string;
let repo: string;
let origin: string;
const env = {
  ...process.env,
  PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`,
  HOME: '',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Release Test',
  GIT_AUTHOR_EMAIL: 'release-test@example.invalid',
  GIT_COMMITTER_NAME: 'Release Test',
  GIT_COMMITTER_EMAIL: 'release-test@example.invalid',
};

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim();
const tags = (cwd = repo) =>
  Object.fromEntries(
    git(cwd, 'tag', '--list')
      .split('\n')
      .filter(Boolean)
      .map((t) => [t, git(cwd, 'rev-parse', `${t}^{commit}`)]),
  );
const head = () => git(repo, 'rev-parse', 'HEAD');
const short = (sha: string) => sha.slice(0, 12);

function release(args: string[], extraEnv: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/release.ts'), ...args], {
    cwd: repo,
    env: { ...env, ...extraEnv },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Commits package.json at `version` and a CHANGELOG.md with a section for each of `sections`. */
function commitVersion(version: string, sections: string[]) {
  const file = path.join(repo, 'package.json');
  const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
  pkg.version = version;
  pkg.scripts['check-dist'] = 'node -e "process.exit(Number(process.env.DIST_STALE ?? 0))"';
  fs.writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
  fs.writeFileSync(
    path.join(repo, 'CHANGELOG.md'),
    `# Changelog\n\n${sections.map((v) => `## [${v}] - 2026-01-01\n\n- A change.\n`).join('\n')}`,
  );
  git(repo, 'commit', '--quiet', '--all', '--message', `Release ${version}`);
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-release-test-'));
  repo = path.join(work, 'repo');
  origin = path.join(work, 'origin.git');
  git(work, 'init', '--quiet', '--bare', origin);
  // CI checks out a shallow clone; the bare remote must accept tags on commits whose history it lacks.
  git(origin, 'config', 'receive.shallowUpdate', 'true');
  git(work, 'clone', '--quiet', '--no-tags', ROOT, repo);
  fs.writeFileSync(path.join(repo, 'CHANGELOG.md'), '');
  git(repo, 'add', 'CHANGELOG.md');
  git(repo, 'remote', 'set-url', 'origin', origin);
  commitVersion('1.0.0', ['1.0.0']);
});

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('the release script (npm run release)', () => {
  it('prints the tags a dry run would create, and creates none', () => {
    const { code, stdout } = release(['--dry-run', '--push']);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toEqual([
      `would create tag v1.0.0 at ${short(head())}`,
      `would create tag v1 at ${short(head())}`,
      'would push them to origin',
      'Dry run: no tag was created, moved or pushed.',
    ]);
    expect(tags()).toEqual({});
    expect(git(origin, 'tag', '--list')).toBe('');
  });

  it('tags vX.Y.Z and the major tag on HEAD, and pushes both with --push', () => {
    const { code, stdout, stderr } = release(['1.0.0', '--push']);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain(`created tag v1.0.0 at ${short(head())}`);
    expect(tags()).toEqual({ 'v1.0.0': head(), v1: head() });
    expect(tags(origin)).toEqual({ 'v1.0.0': head(), v1: head() });
  });

  it('moves the major tag to the next release and leaves the last one where it was', () => {
    const first = head();
    commitVersion('1.0.1', ['1.0.1', '1.0.0']);
    const dry = release(['--dry-run']);
    expect(dry.stdout).toContain(`would move tag v1 from ${short(first)} to ${short(head())}`);
    expect(tags()).toEqual({ 'v1.0.0': first, v1: first });
    const { code, stdout } = release([]);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toEqual([
      `created tag v1.0.1 at ${short(head())}`,
      `moved tag v1 from ${short(first)} to ${short(head())}`,
      'Push them with: git push origin refs/tags/v1.0.1 && git push --force origin refs/tags/v1',
    ]);
    expect(tags()).toEqual({ 'v1.0.0': first, 'v1.0.1': head(), v1: head() });
  });

  it.each([
    [
      'a version not greater than the latest tag',
      '1.0.1',
      () => commitVersion('1.0.1', ['1.0.1']),
      /not greater than the latest release, v1\.0\.1/,
    ],
    [
      'a version other than package.json',
      '1.0.3',
      () => commitVersion('1.0.2', ['1.0.2']),
      /package.json's version is 1\.0\.2, not 1\.0\.3/,
    ],
    ['a version missing from the changelog', '1.0.4', () => commitVersion('1.0.4', ['1.0.2']), /CHANGELOG.md has no "## \[1\.0\.4\]/],
    [
      'uncommitted changes',
      '1.0.5',
      () => (commitVersion('1.0.5', ['1.0.5']), fs.writeFileSync(path.join(repo, 'README.md'), 'edited')),
      /uncommitted changes/,
    ],
  ])('refuses %s, changing nothing', (_, version, arrange, message) => {
    arrange();
    const before = tags();
    const { code, stderr } = release([version]);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
    expect(tags()).toEqual(before);
    git(repo, 'checkout', '--quiet', '--', '.');
  });

  it('refuses when dist/ is not a fresh build', () => {
    commitVersion('1.1.0', ['1.1.0']);
    const { code, stderr } = release(['--dry-run'], { DIST_STALE: '1' });
    expect(code).toBe(1);
    expect(stderr).toContain('npm run check-dist failed');
    expect(Object.keys(tags()).sort()).toEqual(['v1', 'v1.0.0', 'v1.0.1']);
  });
});

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './harness/action-runner.ts';
import { judgeRecord, readRecord, recordToken } from '../src/leases/lease-record.ts';

/**
 * The recipes for Vitest, Jest and Playwright (test/recipes/), run by the real
 * runners with several workers, on the package as a user installs it: `npm pack`, installed
 * offline into a temporary project that has no "type": "module" (as `npm init playwright`
 * makes it), with the runners of this repository linked into its node_modules.
 */

const RECIPES = path.join(ROOT, 'test', 'recipes');
const RECIPES_PAGE = fs.readFileSync(path.join(ROOT, 'docs/examples.md'), 'utf8');
/** Test files per Vitest or Jest run, and the workers each runner may start. */
const FILES = 4;
const WORKERS = 3;

interface Run {
  code: number | null;
  output: string;
}

/**
 * Runs `args` with this Node in `cwd`; resolves (never rejects) with its exit code and all it
 * printed. A run still going after 240 s (a hung runner) is killed, within the tests' bound.
 */
function node(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) =>
    execFile(process.execPath, args, { cwd, env, maxBuffer: 1 << 26, timeout: 240_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, output: `${stdout}\n${stderr}` }),
    ),
  );
}

/**
 * A fresh shell's environment for the runners, with this Node first on PATH and `tmp` as the
 * temporary directory, so their default lease location is `tmp`'s (shared by the runs given the
 * same one) and nothing they write is left in the machine's. What npm, this test run and its
 * runner set is left out: no runner inside may take itself for a worker of this one, and no
 * lease of this process may be inherited.
 */
function runnerEnv(tmp: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(
    ([key]) => !/^(npm_|VITEST|JEST_|TEST_|PW_|PLAYWRIGHT_)/i.test(key) && !['PORT_ZERO_LEASES', 'NODE_OPTIONS', 'TEST'].includes(key),
  );
  return {
    ...Object.fromEntries(inherited),
    PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`,
    TMPDIR: tmp,
    ...extra,
  };
}

/** Whether something on this host accepts a TCP connection on 127.0.0.1:`port`. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.setTimeout(5_000, () => done(false));
  });
}

/** The lease records under the lease location in `tmp` still live (their owner running), as "pid: ports". */
function liveLeases(tmp: string): string[] {
  const root = path.join(tmp, 'port-zero');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => recordToken(path.basename(file)) !== undefined)
    .map((file) => readRecord(path.join(root, file)))
    .flatMap((read) =>
      read.kind === 'record' && judgeRecord(read.record, read.changed).live
        ? [`${read.record.owner.runner.pid}: ${read.record.ports}`]
        : [],
    );
}

/**
 * Appended by this test to each copy of a recipe's test file, not part of the recipe: after
 * the file's tests, writes the `ports` it was handed, with the process and thread it ran in.
 */
const reportHook = (globals: string, file: string) => `
// Added by test/recipes.test.ts, not part of the recipe: what this file was handed.
import { afterAll as reportAfterAll } from '${globals}';
import { writeFileSync as reportWrite } from 'node:fs';
import { threadId as reportThread } from 'node:worker_threads';
reportAfterAll(() => reportWrite(${JSON.stringify(file)}, JSON.stringify({ pid: process.pid, thread: reportThread, ports })));
`;

interface Report {
  pid: number;
  thread: number;
  ports: { web: number; db: number; api: number };
}

let work: string;
let project: string;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-recipes-'));
  project = path.join(work, 'project');
  fs.mkdirSync(project);
  const env = runnerEnv(path.join(work, 'tmp'));
  fs.mkdirSync(env.TMPDIR!);
  const npm = (args: string[], cwd: string) =>
    new Promise<string>((resolve, reject) =>
      execFile('npm', args, { cwd, env }, (error, stdout, stderr) =>
        error ? reject(new Error(`npm ${args.join(' ')}: ${stderr}`)) : resolve(stdout),
      ),
    );
  const [{ filename }] = JSON.parse(await npm(['pack', '--json', '--pack-destination', work], ROOT));
  // No "type": "module": the Playwright config is loaded as CommonJS, as in most Playwright projects.
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'recipes', private: true }));
  await npm(['install', '--offline', '--no-audit', '--no-fund', path.join(work, filename)], project);
  // The runners as this repository has them, found from the project as if installed there.
  for (const runner of ['vitest', 'jest', '@playwright/test']) {
    fs.mkdirSync(path.dirname(path.join(project, 'node_modules', runner)), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'node_modules', runner), path.join(project, 'node_modules', runner), 'junction');
  }
}, 300_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('the recipes page (docs/examples.md)', () => {
  /** Each recipe file as the page shows it: a code block that opens with a comment naming the file. */
  const block = (file: string) => {
    const text = fs.readFileSync(path.join(RECIPES, file), 'utf8');
    return `\`\`\`${path.extname(file).slice(1).replace('mjs', 'js')}\n// ${file.split('/').slice(1).join('/')}\n${text}\`\`\``;
  };

  it('shows every file of the Vitest, Jest and Playwright recipes exactly as the suite runs it', () => {
    const files = fs
      .readdirSync(RECIPES, { recursive: true, encoding: 'utf8' })
      .map((f) => f.split(path.sep).join('/'))
      .filter((f) => fs.statSync(path.join(RECIPES, f)).isFile() && f !== 'jest/app.test.mjs');
    expect(files.length).toBe(9);
    for (const file of files) expect(RECIPES_PAGE.includes(block(file)), `docs/examples.md shows test/recipes/${file} as it is`).toBe(true);
  });

  it("says Jest's test file is Vitest's with the test functions imported from @jest/globals, which it is", () => {
    const vitest = fs.readFileSync(path.join(RECIPES, 'vitest/app.test.ts'), 'utf8');
    const jest = fs.readFileSync(path.join(RECIPES, 'jest/app.test.mjs'), 'utf8');
    expect(jest).toBe(vitest.replace("from 'vitest';", "from '@jest/globals';"));
    expect(RECIPES_PAGE.includes("`app.test.mjs`: Vitest's `app.test.ts` above, with `from '@jest/globals'` for `from 'vitest'`")).toBe(
      true,
    );
  });
});

describe('Vitest (forks and threads) and Jest, each with several workers, all at once on one host', () => {
  const runs = { 'vitest-forks': 'vitest', 'vitest-threads': 'vitest', jest: 'jest' } as const;
  type Name = keyof typeof runs;
  const results = {} as Record<Name, Run & { reports: Report[]; summary: { numPassedTests: number; numFailedTests: number } }>;
  let tmp: string;

  beforeAll(async () => {
    // One temporary directory, so one lease location, for the three runs.
    tmp = path.join(work, 'runs-tmp');
    fs.mkdirSync(tmp);
    await Promise.all(
      (Object.entries(runs) as [Name, 'vitest' | 'jest'][]).map(async ([name, recipe]) => {
        const dir = path.join(project, name);
        const reports = path.join(work, `${name}-reports`);
        fs.mkdirSync(reports);
        fs.cpSync(path.join(RECIPES, recipe), dir, { recursive: true });
        // The recipe's test file, several times: several files for the runner's several workers.
        const testFile = recipe === 'vitest' ? 'app.test.ts' : 'app.test.mjs';
        const source = fs.readFileSync(path.join(dir, testFile), 'utf8');
        fs.rmSync(path.join(dir, testFile));
        for (let i = 1; i <= FILES; i++) {
          const copy = testFile.replace('app', `app-${i}`);
          const hook = reportHook(recipe === 'vitest' ? 'vitest' : '@jest/globals', path.join(reports, `${copy}.json`));
          fs.writeFileSync(path.join(dir, copy), source + hook);
        }
        const summary = path.join(work, `${name}-summary.json`);
        const run =
          recipe === 'vitest'
            ? await node(
                [
                  path.join(project, 'node_modules/vitest/vitest.mjs'),
                  'run',
                  '--pool',
                  name.split('-')[1],
                  '--maxWorkers',
                  `${WORKERS}`,
                  '--reporter',
                  'default',
                  '--reporter',
                  'json',
                  '--outputFile.json',
                  summary,
                ],
                dir,
                runnerEnv(tmp),
              )
            : await node(
                [path.join(project, 'node_modules/jest/bin/jest.js'), '--maxWorkers', `${WORKERS}`, '--json', '--outputFile', summary],
                dir,
                // As the recipe says: Jest runs ES modules as they are with this flag.
                runnerEnv(tmp, { NODE_OPTIONS: '--experimental-vm-modules' }),
              );
        results[name] = {
          ...run,
          reports: fs.readdirSync(reports).map((f) => JSON.parse(fs.readFileSync(path.join(reports, f), 'utf8'))),
          summary: fs.existsSync(summary) ? JSON.parse(fs.readFileSync(summary, 'utf8')) : { numPassedTests: 0, numFailedTests: 0 },
        };
      }),
    );
  }, 300_000);

  it('passes every test of every file, the files run by several workers of each runner', () => {
    for (const [name, run] of Object.entries(results)) {
      expect(run.code, `${name}:\n${run.output}`).toBe(0);
      expect(run.summary.numFailedTests, name).toBe(0);
      expect(run.summary.numPassedTests, name).toBe(FILES * 2);
      expect(run.reports.length, name).toBe(FILES);
      const workers = new Set(run.reports.map((r) => `${r.pid}/${r.thread}`));
      expect(workers.size, `${name}: workers ${[...workers].join(' ')}`).toBeGreaterThanOrEqual(2);
    }
  });

  it("gives every file of a run the global set-up's ports for the set-up's names", () => {
    for (const [name, run] of Object.entries(results)) {
      const [first] = run.reports;
      for (const report of run.reports)
        expect({ web: report.ports.web, db: report.ports.db }, name).toEqual({ web: first.ports.web, db: first.ports.db });
    }
  });

  it("never hands a port out twice across the three runs: each run's set-up ports and every file's own port are distinct", () => {
    const handedOut = Object.values(results).flatMap((run) => [
      run.reports[0].ports.web,
      run.reports[0].ports.db,
      ...run.reports.map((r) => r.ports.api),
    ]);
    expect(handedOut.length).toBe(3 * (2 + FILES));
    expect(new Set(handedOut).size).toBe(handedOut.length);
  });

  it('leaves no server listening and no live lease behind', async () => {
    const ports = Object.values(results).flatMap((run) => run.reports.flatMap((r) => [r.ports.web, r.ports.api]));
    for (const port of new Set(ports)) expect(await listening(port), `port ${port}`).toBe(false);
    expect(liveLeases(tmp)).toEqual([]);
  });
});

describe('Playwright, with several workers', () => {
  it('gives its web server and every worker, each loading the config again, the same port', async () => {
    const dir = path.join(project, 'playwright');
    const tmp = path.join(work, 'playwright-tmp');
    const report = path.join(work, 'playwright.json');
    fs.mkdirSync(tmp);
    fs.cpSync(path.join(RECIPES, 'playwright'), dir, { recursive: true });
    const run = await node(
      [path.join(project, 'node_modules/@playwright/test/cli.js'), 'test', '--workers', `${WORKERS}`, '--reporter', 'json'],
      dir,
      runnerEnv(tmp, { PLAYWRIGHT_JSON_OUTPUT_FILE: report }),
    );
    expect(run.code, run.output).toBe(0);
    const json = JSON.parse(fs.readFileSync(report, 'utf8'));
    expect(json.stats).toMatchObject({ expected: 3, unexpected: 0, flaky: 0, skipped: 0 });
    const results: PlaywrightResult[] = json.suites.flatMap(function flat(suite: PlaywrightSuite): PlaywrightResult[] {
      return [...(suite.specs ?? []).flatMap((s) => s.tests.flatMap((t) => t.results)), ...(suite.suites ?? []).flatMap(flat)];
    });
    expect(results.map((r) => r.status)).toEqual(['passed', 'passed', 'passed']);
    // Every request went to the web server's port from a worker's own load of the config.
    expect(new Set(results.map((r) => r.workerIndex)).size).toBeGreaterThanOrEqual(2);
    const port = Number(new URL(json.config.webServer.url).port);
    expect(await listening(port)).toBe(false);
    expect(liveLeases(tmp)).toEqual([]);
  }, 300_000);
});

/** What Playwright's JSON report says of one run of a test, and how it nests them. */
interface PlaywrightResult {
  workerIndex: number;
  status: string;
}
interface PlaywrightSuite {
  specs?: { tests: { results: PlaywrightResult[] }[] }[];
  suites?: PlaywrightSuite[];
}

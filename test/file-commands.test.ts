import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { need } from './harness/needs.ts';
import { formatFileCommands, keyValueMessage } from '../src/action/file-commands.ts';
import { appendAll } from '../src/action/step-files.ts';
import { stageFile } from '../src/platform/safe-files.ts';
import { parseFileCommands, runStep } from './harness/action-runner.ts';
import { ownDir } from './helpers/leases.ts';
import { uniqueId } from '../src/platform/ids.ts';

const temp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-file-commands-'));

describe('file commands as the runner reads them', () => {
  const saved = process.env.GITHUB_OUTPUT;
  afterEach(() => {
    if (saved === undefined) delete process.env.GITHUB_OUTPUT;
    else process.env.GITHUB_OUTPUT = saved;
  });

  it.each([
    ['a port', 'web', '41234'],
    ['a list', 'ports', '41234 41235'],
    ['JSON', 'json', '{"web":41234,"db":41235}'],
    ['a value with = and <<', 'x', 'a=b<<c'],
    ['an empty value', 'x', ''],
    ['a path with a line break', 'leaseDir', '/tmp/a\nb'],
    ['a value with a carriage return', 'x', 'a\rb'],
  ])('reads back %s exactly', (_, name, value) => {
    expect(parseFileCommands(keyValueMessage(name, value) + os.EOL)).toEqual({ [name]: value });
  });

  it('writes a one-line value as name=value and any other as a heredoc', () => {
    expect(keyValueMessage('web', '41234')).toBe('web=41234');
    expect(keyValueMessage('dir', 'a\nb', 'END')).toBe(`dir<<END${os.EOL}a\nb${os.EOL}END`);
  });

  it('refuses a value that contains its delimiter', () => {
    expect(() => keyValueMessage('dir', 'a\nEND', 'END')).toThrow('the value of dir contains the delimiter "END"');
  });

  it.each(['', 'a=b', 'a<<b', 'a<', 'a\nb'])('refuses the name %j, which the runner would read back differently', (name) => {
    expect(() => keyValueMessage(name, '1')).toThrow(`File command name ${JSON.stringify(name)} cannot be read back by the runner`);
  });

  it('draws a new delimiter for every multi-line value', () => {
    const delimiters = Array.from({ length: 100 }, () => keyValueMessage('x', 'a\nb').split(os.EOL)[0]);
    expect(new Set(delimiters).size).toBe(100);
    expect(delimiters[0]).toMatch(/^x<<ghadelimiter_[0-9a-z-]+$/);
  });

  it('appends every pair to the file in one write, as the runner reads it back', () => {
    const file = path.join(temp(), 'output');
    fs.writeFileSync(file, 'first=1\n');
    appendAll([
      {
        file,
        text: formatFileCommands([
          ['web', '41234'],
          ['dir', 'a\nb'],
        ]),
      },
    ]);
    expect(parseFileCommands(fs.readFileSync(file, 'utf8'))).toEqual({ first: '1', web: '41234', dir: 'a\nb' });
  });

  it('writes nothing anywhere when one file is missing, and creates no file nobody reads', () => {
    const dir = temp();
    const output = path.join(dir, 'output');
    fs.writeFileSync(output, 'first=1\n');
    const missing = path.join(dir, 'missing');
    const staged = stageFile(path.join(dir, 'ports.env'), 'WEB_PORT=1\n');
    expect(() =>
      appendAll(
        [
          { file: output, text: 'web=1\n' },
          { file: missing, text: 'x=1\n' },
        ],
        [staged],
      ),
    ).toThrow(/ENOENT/);
    expect(fs.readFileSync(output, 'utf8')).toBe('first=1\n');
    expect(fs.existsSync(missing)).toBe(false);
    expect(fs.readdirSync(dir).sort()).toEqual(['output']);
  });

  it('cuts every file back and drops the staged env-file when a write fails (a full disk: /dev/full)', (context) => {
    need(context, 'dev-full');
    const dir = temp();
    const output = path.join(dir, 'output');
    fs.writeFileSync(output, 'first=1\n');
    const staged = stageFile(path.join(dir, 'ports.env'), 'WEB_PORT=1\n');
    expect(() =>
      appendAll(
        [
          { file: output, text: 'web=1\n' },
          { file: '/dev/full', text: '<table></table>' },
        ],
        [staged],
      ),
    ).toThrow(/ENOSPC/);
    expect(fs.readFileSync(output, 'utf8')).toBe('first=1\n');
    expect(fs.readdirSync(dir)).toEqual(['output']);
  });

  it('carries a lease directory with a line break in its path from the main step to the post step', async () => {
    const dir = path.join(temp(), 'leases\nhere');
    const main = await runStep({ with: { count: '2', 'lease-dir': dir } });
    expect(main.code).toBe(0);
    expect(main.state.leaseDir).toBe(dir);
    const own = ownDir(dir); // this account's directory in the lease location
    expect(fs.readdirSync(own).filter((f) => f.startsWith('lease-'))).toHaveLength(1); // one record, for both ports
    const post = await runStep({ entry: 'post', state: main.state, env: main.env });
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('Released 2 of 2 port leases.');
    expect(fs.readdirSync(own).filter((f) => f.startsWith('lease-'))).toHaveLength(0);
  });
});

describe('lease tokens', () => {
  it('are distinct and safe in a file name', () => {
    const tokens = Array.from({ length: 10_000 }, uniqueId);
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const token of tokens.slice(0, 100)) expect(token).toMatch(/^[0-9a-z]+(-[0-9a-z]+){3}$/);
  });
});

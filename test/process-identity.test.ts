import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { identify, isRunning, parseCLocaleLstart, processStart, type IdentityFacts } from '../src/platform/process-identity.ts';
import { runTool } from '../src/platform/system-tools.ts';
import { systemTool } from '../src/platform/system-tools.ts';
import { need } from './harness/needs.ts';

/** One instant (epoch 1764418645) as strftime("%c") prints it under each LC_ALL and TZ: what Apple's ps prints for lstart. */
const captured = readFileSync(path.join(import.meta.dirname, 'fixtures/ps/lstart-locales.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => {
    const [locale, tz, text] = line.split('\t');
    return { locale, tz, text };
  });

const callerEnv = { TZ: process.env.TZ, LANG: process.env.LANG, LC_ALL: process.env.LC_ALL };
afterEach(() => {
  for (const [name, value] of Object.entries(callerEnv)) {
    if (value === undefined) Reflect.deleteProperty(process.env, name);
    else process.env[name] = value;
  }
});

async function standIn() {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e9)'], { stdio: 'ignore' });
  await new Promise((r) => child.once('spawn', r));
  return child;
}

describe('macOS process identity (ps lstart)', () => {
  it('reads only the C-locale form of lstart, as UTC epoch seconds', () => {
    expect(parseCLocaleLstart('Sat Nov 29 12:17:25 2025\n')).toBe(1764418645);
    expect(parseCLocaleLstart('Sun Nov  1 09:05:00 2026')).toBe(Date.UTC(2026, 10, 1, 9, 5) / 1000);
    // Every localized form is refused, never misread as another instant.
    for (const { locale, text } of captured.filter((c) => c.locale !== 'C')) {
      expect(parseCLocaleLstart(text), `${locale}: ${text}`).toBeNull();
    }
  });

  it('shows why the caller environment cannot be used: one instant prints differently under each TZ and LANG', () => {
    expect(new Set(captured.map((c) => c.text)).size).toBe(captured.length);
  });

  // Windows has no /bin/ps; everywhere else it is a real ps (Apple's on macOS, procps on Linux, which honours TZ).
  it('records the same identity whatever TZ and LANG the caller has (real /bin/ps)', (context) => {
    need(context, 'ps');
    const darwin: IdentityFacts = { platform: 'darwin', run: runTool };
    const seen = new Set<string | null>();
    for (const { locale, tz } of captured) {
      process.env.TZ = tz;
      process.env.LANG = locale;
      process.env.LC_ALL = locale;
      seen.add(processStart(process.pid, darwin));
    }
    expect([...seen]).toHaveLength(1);
    const [start] = seen;
    expect(start).toMatch(/^unix:\d+$/);
    // The recorded second is when this process started.
    const startedAt = (Date.now() - process.uptime() * 1000) / 1000;
    expect(Math.abs(Number(start!.slice(5)) - startedAt)).toBeLessThan(3);
  });

  it('runs ps by absolute path with a fixed locale and time zone, whatever PATH says', () => {
    const calls: { file: string; env?: NodeJS.ProcessEnv }[] = [];
    const facts: IdentityFacts = {
      platform: 'darwin',
      run: (file, _args, env) => {
        calls.push({ file, env });
        return 'Sat Nov 29 12:17:25 2025\n';
      },
    };
    process.env.TZ = 'JST-9';
    expect(identify(4242, facts)).toEqual({ pid: 4242, start: 'unix:1764418645' });
    expect(calls).toEqual([{ file: '/bin/ps', env: { LC_ALL: 'C', TZ: 'UTC0', PATH: '/usr/bin:/bin' } }]);
  });

  it('judges a lease of the older format (lstart in a locale) by its pid alone: never a live runner judged gone', async () => {
    const child = await standIn();
    const darwin: IdentityFacts = { platform: 'darwin', run: () => 'Sat Nov 29 12:17:25 2025\n' };
    try {
      for (const { text } of captured) expect(isRunning({ pid: child.pid!, start: text }, darwin)).toBe(true);
      expect(isRunning({ pid: child.pid!, start: 'unix:1764418645' }, darwin)).toBe(true);
      expect(isRunning({ pid: child.pid!, start: 'unix:1764418646' }, darwin)).toBe(false); // another process with that pid
    } finally {
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    }
    expect(isRunning({ pid: child.pid!, start: captured[3].text }, darwin)).toBe(false); // gone is gone
  });
});

describe('Windows process identity (the pid alone, no program started)', () => {
  /** An earlier version recorded the creation time: 2025-11-29T12:17:25Z in 100 ns intervals since 1601. */
  const filetime = 'filetime:134088922450000000';

  function windows(calls: string[]): IdentityFacts {
    return {
      platform: 'win32',
      run: (file, args) => {
        calls.push([file, ...args].join(' '));
        return '134088922460000000\r\n'; // what PowerShell would say of a later process on that pid
      },
    };
  }

  it('names a Windows process without starting Windows PowerShell (about 0.6 s a start)', () => {
    const calls: string[] = [];
    expect(identify(4242, windows(calls))).toEqual({ pid: 4242, start: null });
    expect(processStart(4242, windows(calls))).toBeNull();
    expect(calls).toEqual([]);
  });

  it('judges a lease by its pid: live while the pid runs, whatever start an older record holds; gone once it exits', async () => {
    const calls: string[] = [];
    const child = await standIn();
    const identity = { pid: child.pid!, start: filetime };
    try {
      // Never judged gone while its pid runs, so never handed out twice; a reused pid only keeps it longer.
      expect(isRunning(identity, windows(calls))).toBe(true);
      expect(isRunning({ pid: child.pid!, start: null }, windows(calls))).toBe(true);
    } finally {
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    }
    expect(isRunning(identity, windows(calls))).toBe(false);
    expect(calls).toEqual([]);
  });
});

describe('a runner that cannot be seen (pid 0)', () => {
  it('is named without reading anything, on every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const calls: string[] = [];
      const facts: IdentityFacts = { platform, run: (file) => (calls.push(file), 'Sun Nov 29 12:17:25 2026') };
      expect(identify(0, facts)).toEqual({ pid: 0, start: null });
      expect(calls).toEqual([]);
    }
  });
});

describe('system programs', () => {
  it('are named by absolute path, never looked up on the search path or in the working directory', () => {
    expect(systemTool('ps', 'darwin')).toBe('/bin/ps');
    expect(systemTool('sysctl', 'darwin')).toBe('/usr/sbin/sysctl');
    expect(systemTool('netsh', 'win32', { SystemRoot: 'C:\\Windows' })).toBe('C:\\Windows\\System32\\netsh.exe');
    expect(systemTool('netsh', 'win32', {})).toBe('C:\\Windows\\System32\\netsh.exe');
    expect(() => systemTool('netsh', 'linux')).toThrow(/not a system program on linux/);
  });
});

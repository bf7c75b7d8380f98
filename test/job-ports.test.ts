import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { need } from './harness/needs.ts';
import { appendAll } from '../src/action/step-files.ts';
import { jobPortsAppend, jobPortsFile, parseJobPort, readJobPorts, type JobPort } from '../src/session/job-ports.ts';
import { UnsafePathError } from '../src/platform/safe-files.ts';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** What the main step does with the record: its append, written with the step's other files. */
function recordJobPorts(ports: JobPort[], env: NodeJS.ProcessEnv) {
  const append = jobPortsAppend(ports, env);
  if (append) appendAll([append]);
}

/** A RUNNER_TEMP of its own, as the runner gives each job. */
function job(): NodeJS.ProcessEnv {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'port-zero-job-'));
  temps.push(dir);
  return { RUNNER_TEMP: dir };
}

describe("the job's record of handed-out ports", () => {
  it("keeps every step's names, the last port of a name handed out twice, in the order first handed out", () => {
    const env = job();
    recordJobPorts(
      [
        { name: 'web', port: 40001, protocols: ['tcp'] },
        { name: 'dns', port: 40003, protocols: ['tcp', 'udp'] },
      ],
      env,
    );
    recordJobPorts([{ name: 'web', port: 40005, protocols: ['tcp'] }], env);
    expect(readJobPorts(env)).toEqual({
      ports: [
        { name: 'web', port: 40005, protocols: ['tcp'] },
        { name: 'dns', port: 40003, protocols: ['tcp', 'udp'] },
      ],
      skipped: 0,
    });
  });

  it('is empty outside a runner and before any step wrote it', () => {
    recordJobPorts([{ name: 'web', port: 40001, protocols: ['tcp'] }], {});
    expect(jobPortsFile({})).toBeUndefined();
    expect(readJobPorts({})).toEqual({ ports: [], skipped: 0 });
    expect(readJobPorts(job())).toEqual({ ports: [], skipped: 0 });
  });

  it('skips lines that do not fit the record, whoever wrote them', () => {
    const env = job();
    recordJobPorts([{ name: 'web', port: 40001, protocols: ['tcp'] }], env);
    const junk = [
      'not json',
      '{"name":"../x","port":1,"protocols":["tcp"]}',
      '{"name":"db","port":0,"protocols":["tcp"]}',
      '{"name":"db","port":70000,"protocols":["tcp"]}',
      '{"name":"db","port":4.5,"protocols":["tcp"]}',
      '{"name":"db","port":40007,"protocols":["sctp"]}',
      '{"name":"db","port":40007,"protocols":["tcp","tcp"]}',
      '{"name":"db","port":40007}',
      'null',
      `{"name":"${'a'.repeat(100)}","port":40007,"protocols":["tcp"]}`,
    ];
    fs.appendFileSync(jobPortsFile(env)!, junk.join('\n') + '\n');
    expect(readJobPorts(env)).toEqual({ ports: [{ name: 'web', port: 40001, protocols: ['tcp'] }], skipped: junk.length });
    expect(parseJobPort('{"name":"db","port":40007,"protocols":["udp","tcp"]}')).toEqual({
      name: 'db',
      port: 40007,
      protocols: ['udp', 'tcp'],
    });
  });

  it('never reads or writes through a symbolic link', (context) => {
    need(context, 'posix-files');
    const env = job();
    const target = path.join(env.RUNNER_TEMP!, 'elsewhere.jsonl');
    fs.writeFileSync(target, '{"name":"web","port":40001,"protocols":["tcp"]}\n');
    fs.mkdirSync(path.dirname(jobPortsFile(env)!));
    fs.symlinkSync(target, jobPortsFile(env)!);
    expect(() => readJobPorts(env)).toThrow(UnsafePathError);
    expect(() => recordJobPorts([{ name: 'db', port: 40003, protocols: ['tcp'] }], env)).toThrow(/ELOOP/);
    expect(fs.readFileSync(target, 'utf8')).not.toContain('db');
  });

  it('never blocks on a FIFO put where the record goes', (context) => {
    need(context, 'posix-files');
    const env = job();
    fs.mkdirSync(path.dirname(jobPortsFile(env)!));
    execFileSync('mkfifo', [jobPortsFile(env)!]);
    expect(() => readJobPorts(env)).toThrow(/not a regular file/);
    expect(() => recordJobPorts([{ name: 'db', port: 40003, protocols: ['tcp'] }], env)).toThrow();
  });
});

import type childProcess from 'node:child_process';
import path from 'node:path';
import { AllocationError, LeaseError, PortZeroError } from '../errors.ts';
import { releaseLeases } from '../leases/lease-cleanup.ts';
import { recordToken } from '../leases/lease-record.ts';
import { packagedProgram } from '../platform/packaged-programs.ts';
import { envName } from '../session/naming.ts';
import { inheritedPorts, LEASES_VARIABLE, withdrawRecord } from '../session/inherited-ports.ts';
import type { PortRequest } from '../session/request.ts';
import type { CountRequest, NamedRequest } from './get-ports.ts';
import { toRequest, type Request } from './options.ts';

/** The variable that makes the command report an error as one JSON line (see command.ts). */
const ERRORS_VARIABLE = 'PORT_ZERO_ERRORS';

/** The result of a synchronous call: the ports, and a synchronous release. */
export interface PortsSync<Shape> {
  readonly ports: Shape;
  /** Ends the leases this call took (none when every port was an ancestor's). Calling it again does nothing. */
  release(): void;
}

/**
 * getPorts for a configuration file that cannot await (a Playwright config, say). Names
 * this process or an ancestor already holds are read from their leases at once; any
 * others are allocated by running the `port-zero` command and waiting for it (typically
 * 50-150 ms: a Node start), leased to this process as getPorts would lease them.
 * Throws as getPorts does.
 */
export function getPortsSync<const Name extends string>(request: NamedRequest<Name>): PortsSync<Record<Name, number>>;
export function getPortsSync(request: CountRequest): PortsSync<number[]>;
export function getPortsSync(request: Request): PortsSync<Record<string, number> | number[]> {
  const checked = toRequest(request);
  const named = request.names !== undefined;
  const inherited = named ? inheritedPorts(checked.names) : new Map<string, number>();
  const missing = checked.names.filter((name) => !inherited.has(name));
  const got = missing.length ? allocateByCommand({ ...checked, names: missing }) : { ports: new Map<string, number>(), variables: {} };
  if (named) Object.assign(process.env, got.variables);
  const found = new Map([...inherited, ...got.ports]);
  let released = false;
  return {
    ports: named ? Object.fromEntries(checked.names.map((name) => [name, found.get(name)!])) : checked.names.map((n) => found.get(n)!),
    release: () => {
      if (released || !got.record) return;
      released = true;
      releaseLeases(path.dirname(got.record), recordToken(path.basename(got.record))!);
      withdrawRecord(got.record);
    },
  };
}

/** Runs the command for `request`, leased to this process (its caller); the ports by name, its variables and its lease record. */
function allocateByCommand(request: PortRequest): { ports: Map<string, number>; variables: Record<string, string>; record?: string } {
  const { spawnSync } = process.getBuiltinModule('node:child_process') as typeof childProcess;
  const cli = packagedProgram('cli', import.meta.url);
  const run = spawnSync(process.execPath, [cli, ...commandArgs(request)], {
    encoding: 'utf8',
    env: { ...process.env, [ERRORS_VARIABLE]: 'json' },
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
  });
  if (run.status !== 0) throw commandError(run.stderr || run.error?.message || `exit code ${run.status}`);
  const variables = Object.fromEntries(
    run.stdout
      .split('\n')
      .map((line) => /^([A-Za-z_]\w*)=(.*)$/.exec(line))
      .filter((m) => m !== null)
      .map((m) => [m[1], m[2]]),
  );
  const ports = new Map(request.names.map((name) => [name, Number(variables[envName(name)])]));
  const known = new Set((process.env[LEASES_VARIABLE] ?? '').split(path.delimiter));
  const record = (variables[LEASES_VARIABLE] ?? '').split(path.delimiter).find((file) => file && !known.has(file));
  return { ports, variables, record };
}

/** The request as the command's arguments. */
function commandArgs(request: PortRequest): string[] {
  const list = (ranges: readonly { low: number; high: number }[]) =>
    ranges.map((r) => (r.low === r.high ? `${r.low}` : `${r.low}-${r.high}`)).join(',');
  const args = ['--protocol', request.protocols.join(','), '--reserve', request.reserve, '--lease-minutes', String(request.leaseMinutes)];
  if (request.hosts.length) args.push('--host', request.hosts.join(' '));
  if (request.range) args.push('--range', list([request.range]));
  if (request.exclude.size) args.push('--exclude', list(request.exclude.ranges));
  if (request.prefer.length) args.push('--prefer', list(request.prefer));
  if (request.preferOnly) args.push('--prefer-only');
  if (request.contiguous) args.push('--contiguous');
  if (request.leaseDir) args.push('--lease-dir', request.leaseDir);
  return [...args, '--', ...request.names];
}

/** The command's error, as the class it was thrown as. */
function commandError(stderr: string): PortZeroError {
  let reported: { name?: string; message?: string };
  try {
    reported = JSON.parse(stderr.trim().split('\n').at(-1) ?? '') as typeof reported;
  } catch {
    reported = { message: stderr.trim() };
  }
  const message = reported.message ?? stderr.trim();
  if (reported.name === 'AllocationError') return new AllocationError(message);
  if (reported.name === 'LeaseError') return new LeaseError(message);
  return new PortZeroError(message);
}

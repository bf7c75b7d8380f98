import fs from 'node:fs';
import { errorMessage, LeaseError, plural, type Vocabulary } from '../errors.ts';
import { BAD_PORT_SET } from '../ports/bad-ports.ts';
import { allocatePorts } from '../allocator/allocate-ports.ts';
import { LeaseBook } from '../leases/lease-book.ts';
import { sweepStale } from '../leases/lease-cleanup.ts';
import { isLeaseFile } from '../leases/lease-record.ts';
import { openLeaseDir, SHARED_SETUP } from '../leases/lease-location.ts';
import { newOwner } from '../leases/lease-owner.ts';
import type { ProcessIdentity } from '../platform/process-identity.ts';
import { readReservedPorts } from '../platform/reserved-ports.ts';
import type { Protocol } from '../ports/protocol.ts';
import { chooseReserve, createProtection, type ReserveChoice } from '../protection/choose-protection.ts';
import type { Protection } from '../protection/protection.ts';
import { releaseDeadJobsPorts } from './dead-jobs.ts';
import { takenPorts } from './taken-ports.ts';
import type { PostState } from './post-state.ts';
import { envNamesOf, type PortRequest } from './request.ts';

/**
 * One allocation session: the one path from a checked request to protected, leased
 * ports, which the action, the command and the library each call. It opens the leases
 * (or, where the default location cannot be used, goes on without them and says so),
 * gets one protection from the one chooser, allocates, settles the protection and
 * commits the leases; on any failure it undoes all of it, so nothing is left: no
 * socket, lease, kernel entry or process.
 */

/** Where a session reports: what the user should know, and what only a debug log shows. */
export interface SessionLog {
  debug(message: string): void;
  warn(message: string): void;
}

/** The program running the session: how it names things, whose process its leases follow, what it may use. */
export interface Program {
  vocabulary: Vocabulary;
  /** The process whose exit ends the leases and the holder: the job's runner, the calling shell, this process. */
  owner: ProcessIdentity;
  /** Whether a post step will end what outlives the program (the action only): the holder and the kernel list need one. */
  postStep: boolean;
  log: SessionLog;
}

/** One port handed out: its name, number and environment variable. */
export interface Row {
  name: string;
  port: number;
  envName: string;
}

/** An allocation that succeeded. The program publishes it, then keeps it, or undoes it if publishing fails. */
export interface Session {
  /** One row per name, in the order of the names. */
  readonly rows: readonly Row[];
  /** The ports, in the order of the names. */
  readonly ports: readonly number[];
  readonly protocols: readonly Protocol[];
  /** What protects the ports, for the log and the job summary: "lease + TIME_WAIT until 12:00:00 UTC". */
  readonly protection: string;
  /** What the session could not do (no leases, say), for the job summary. */
  readonly notes: readonly string[];
  /** What the action's post step needs to end the session. */
  readonly state: PostState;
  /** Ends the leases now (the library's release): the ports may be handed out again. Safe to call twice. */
  release(): void;
  /** Undoes everything: leases, kernel entries, the holder. For a failure after the allocation. Never throws. */
  undo(): Promise<void>;
}

/**
 * Allocates the request's ports for `program` and protects them.
 * @throws AllocationError when the host cannot supply them, LeaseError when a named lease
 *   directory cannot be used, the protection's error when it fails; nothing is left behind.
 */
export async function openSession(request: PortRequest, program: Program): Promise<Session> {
  const choice = chooseReserve(request.reserve, { postStep: program.postStep });
  program.log.debug(`reserve ${choice.mode}: ${choice.why}`);
  const notes: string[] = [];
  const leases = openLeases(request, program, choice, notes);
  const protection = createProtection(choice, { owner: program.owner, minutes: request.leaseMinutes, log: program.log });
  try {
    if (leases && choice.mode === 'kernel' && (request.range || request.contiguous)) await clearDeadJobs(leases, choice, program.log);
    const allocation = await allocatePorts({
      count: request.names.length,
      protocols: request.protocols,
      hosts: request.hosts,
      range: request.range,
      exclude: request.exclude,
      contiguous: request.contiguous,
      prefer: request.prefer,
      preferOnly: request.preferOnly,
      claim: leases?.claim,
      taken: leases && takenPorts(leases),
      protect: protection.protect,
      vocabulary: program.vocabulary,
    });
    program.log.debug(`allocated ${allocation.ports.join(' ')} on ${allocation.hosts.join(' ')} (${allocation.protocols.join(',')})`);
    const bad = allocation.ports.filter((port) => BAD_PORT_SET.has(port));
    if (bad.length)
      program.log.warn(
        `${plural(bad.length, 'Port', 'Ports')} ${bad.join(' ')}, named in prefer, ${bad.length === 1 ? 'is one' : 'are'} that browsers refuse to fetch from (the Fetch standard's bad ports)`,
      );
    await protection.settle(allocation);
    leases?.commit(
      allocation.ports,
      request.named ? Object.fromEntries(request.names.map((name, i) => [name, allocation.ports[i]])) : undefined,
    );
    if (leases) tidy(leases, program.log);
    return session(request, allocation.ports, allocation.protocols, leases, protection, notes);
  } catch (error) {
    await undo(leases, protection);
    throw error;
  }
}

function session(
  request: PortRequest,
  ports: readonly number[],
  protocols: readonly Protocol[],
  leases: LeaseBook | undefined,
  protection: Protection,
  notes: string[],
): Session {
  const envNames = envNamesOf(request);
  const described = protection.describe();
  return {
    rows: request.names.map((name, i) => ({ name, port: ports[i], envName: envNames[i] })),
    ports,
    protocols,
    protection: leases ? (described === 'nothing' ? 'lease' : `lease + ${described}`) : described,
    notes,
    state: {
      leases: leases && { root: leases.location.root, own: leases.location.own, token: leases.owner.token, ports: [...ports] },
      protection: protection.state(),
    },
    release: () => leases?.releaseAll(),
    undo: () => undo(leases, protection),
  };
}

async function undo(leases: LeaseBook | undefined, protection: Protection): Promise<void> {
  await protection.undo();
  try {
    leases?.releaseAll();
  } catch {
    // A record that cannot be removed ends with its owner process or its expiry.
  }
}

/**
 * The program's leases. The default location falls back to none when unusable, with a
 * warning (and a note for the job summary) saying what that costs and how to fix it; a
 * lease-dir the user named must work.
 */
function openLeases(request: PortRequest, program: Program, choice: ReserveChoice, notes: string[]): LeaseBook | undefined {
  try {
    const location = openLeaseDir(request.leaseDir, program.vocabulary);
    const owner = newOwner(program.owner);
    const book = new LeaseBook({ location, owner, ttlMs: request.leaseMinutes * 60_000, reservation: choice.mode });
    program.log.debug(`leases in ${location.own} for process ${program.owner.pid} (token ${owner.token})`);
    return book;
  } catch (error) {
    if (request.leaseDir !== '' || !(error instanceof LeaseError)) throw error;
    const lost = unleased(error.message, choice.mode);
    program.log.warn(lost);
    notes.push(lost);
    return undefined;
  }
}

function unleased(why: string, mode: string): string {
  const left = mode === 'none' ? 'nothing keeps them' : `only the ${mode} reservation keeps them`;
  return (
    `${why}. These ports are not leased: another Port Zero job on this host may be handed them too (${left} apart). ` +
    `To fix it, remove the directory so Port Zero recreates it, or give every runner on the host one lease-dir set up with \`${SHARED_SETUP}\`.`
  );
}

/** Past this many lease files in its own directory, a call sweeps the stale ones. */
const TIDY_ABOVE = 32;

/**
 * The action's post step sweeps its account's stale leases, but the command and the library
 * have none (a test suite's workers leave one record each), and a main step whose post step
 * never ran (a cancelled job, a killed runner) leaves its own. A dead record blocks no port,
 * but every claim reads and judges it: 250 of them added about 80 ms to a main step. So each
 * call, after its own commit, sweeps when they pile up: one directory listing a call, the
 * sweep only past TIDY_ABOVE.
 */
function tidy(leases: LeaseBook, log: SessionLog) {
  try {
    if (fs.readdirSync(leases.location.own).filter(isLeaseFile).length > TIDY_ABOVE) sweepStale(leases.location.own, (m) => log.debug(m));
  } catch (error) {
    log.debug(`could not sweep stale leases: ${errorMessage(error)}`);
  }
}

/**
 * A range or block draw skips every port on the kernel list, so the entries of jobs
 * whose runner died are cleared first when there are any; their post step never ran.
 */
async function clearDeadJobs(leases: LeaseBook, choice: ReserveChoice, log: SessionLog) {
  if (readReservedPorts().size === 0) return;
  const swept = sweepStale(leases.location.own, (m) => log.warn(m));
  try {
    const removed = await releaseDeadJobsPorts(leases.location.root, swept, choice.sudo ? 'sudo' : 'direct');
    if (removed.length) log.debug(`took ports ${removed.join(' ')} of dead jobs off the kernel list`);
  } catch (error) {
    log.debug(`could not take the ports of dead jobs off the kernel list: ${errorMessage(error)}`);
  }
}

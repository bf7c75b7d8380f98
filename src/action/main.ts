import * as core from '@actions/core';
import { allocatePorts, type Allocation, type Reservation } from '../allocator/allocate-ports.ts';
import { Input, State } from '../settings/constants.ts';
import { errorMessage, LeaseError, plural } from '../errors.ts';
import { startHolder, stopHolder, type Holder } from '../protection/holder.ts';
import { allocationRequest, parseSettings, type RawInputs, type Settings } from '../settings/inputs.ts';
import { LeaseBook, newOwner, sweepStale } from '../protection/leases.ts';
import { openLeaseDir, SHARED_SETUP } from '../protection/lease-location.ts';
import { releaseDeadJobsPorts } from '../protection/dead-jobs.ts';
import { readReservedPorts, removeReservedPorts } from '../protection/kernel-list.ts';
import { identify, type ProcessIdentity } from '../platform/process-identity.ts';
import { publish, writeEnvFile } from './publish.ts';
import { loopbackFor } from '../protection/time-wait.ts';
import { describeProtection, reservationFor, type Applied } from '../protection/choose-reservation.ts';
import { buildResults, type Results } from '../settings/results.ts';
import { recordJobPorts } from '../session/job-ports.ts';

function readInputs(): RawInputs {
  return Object.fromEntries(Object.values(Input).map((name) => [name, core.getInput(name)]));
}

/** The main step: validate every input, allocate and protect the batch, and only then write anything. */
export async function run(): Promise<void> {
  try {
    const settings = parseSettings(readInputs());
    core.debug(`settings: ${JSON.stringify(settings)}`);
    core.debug(`reserve ${settings.reserve}: ${settings.reserveChoice.why}`);
    // The runner process that runs this job: leases and the holder end when it does.
    const runner = identify(process.ppid);
    const leases = openLeases(settings, runner);
    const results = await allocateAndProtect(settings, leases, runner);
    publish(results, settings.summary);
    recordForWait(results, settings);
  } catch (error) {
    core.setFailed(errorMessage(error));
  }
}

/** Records the names for a later wait step of this job (wait/action.yml); the ports are handed out either way. */
function recordForWait(results: Results, settings: Settings) {
  try {
    recordJobPorts(results.rows.map((row) => ({ name: row.name, port: row.port, protocols: settings.protocols })));
  } catch (error) {
    core.warning(`Could not record these ports for a later wait step of this job (give it their names or numbers): ${errorMessage(error)}`);
  }
}

/** On any failure, nothing of this run stays behind: leases released, holder stopped (the allocator closes its own sockets). */
async function allocateAndProtect(settings: Settings, leases: LeaseBook | undefined, runner: ProcessIdentity): Promise<Results> {
  const undo: (() => unknown)[] = [];
  if (leases) undo.push(() => leases.releaseAll());
  const { reserve, applied } = reservationFor(settings.reserveChoice, (m) => core.debug(m));
  undo.push(() => applied.kernelPorts.length && removeReservedPorts(applied.kernelPorts, { sudo: applied.route === 'sudo' }));
  try {
    if (leases && settings.reserve === 'kernel' && (settings.range || settings.contiguous)) await clearDeadJobs(settings, leases);
    const allocation = await allocate(settings, leases, reserve);
    const holder = settings.reserve === 'holder' ? await hold(settings, allocation, runner) : undefined;
    if (holder) undo.push(() => stopHolder(holder));
    const results = {
      ...buildResults(settings, allocation.ports, describeProtection(applied, holder !== undefined, leases !== undefined)),
      notes,
    };
    writeEnvFile(settings.envFile, results);
    leases?.commit(allocation.ports);
    saveState(leases, holder, applied);
    return results;
  } catch (error) {
    for (const step of undo.reverse()) await step();
    throw error;
  }
}

/**
 * The default location falls back to no leases when unusable, with a warning (and a line
 * in the job summary) saying what that costs and how to fix it; a lease-dir the user
 * named must work.
 */
function openLeases(settings: Settings, runner: ProcessIdentity): LeaseBook | undefined {
  const named = settings.leaseDir !== '';
  try {
    const location = openLeaseDir(settings.leaseDir);
    const owner = newOwner(runner);
    const ttlMs = settings.leaseMinutes * 60_000;
    const book = new LeaseBook({ location, owner, ttlMs, reservation: settings.reserve, warn: (m) => core.warning(m) });
    core.debug(`leases in ${location.own} for runner process ${runner.pid} (token ${owner.token})`);
    return book;
  } catch (error) {
    if (named || !(error instanceof LeaseError)) throw error;
    const lost = unleased(error.message, settings.reserve);
    core.warning(lost);
    notes.push(lost);
    return undefined;
  }
}

/** Notes for the job summary: what this step could not do. */
const notes: string[] = [];

function unleased(why: string, reserve: string): string {
  const left = reserve === 'none' ? 'nothing keeps them' : `only the ${reserve} reservation keeps them`;
  return (
    `${why}. These ports are not leased: another Port Zero job on this host may be handed them too (${left} apart). ` +
    `To fix it, remove the directory so Port Zero recreates it, or give every runner on the host one lease-dir set up with \`${SHARED_SETUP}\`.`
  );
}

/**
 * A range or block draw skips every port on the kernel list, so the entries of jobs
 * whose runner died are cleared first when there are any; their post step never ran.
 */
async function clearDeadJobs(settings: Settings, leases: LeaseBook) {
  if (readReservedPorts().size === 0) return;
  const swept = sweepStale(leases.location.own, (m) => core.warning(m));
  try {
    const removed = await releaseDeadJobsPorts(leases.location.root, swept, settings.reserveChoice.sudo ? 'sudo' : 'direct');
    if (removed.length) core.debug(`took ports ${removed.join(' ')} of dead jobs off the kernel list`);
  } catch (error) {
    core.debug(`could not take the ports of dead jobs off the kernel list: ${errorMessage(error)}`);
  }
}

async function allocate(settings: Settings, leases: LeaseBook | undefined, reserve: Reservation): Promise<Allocation> {
  // With reserve: holder, the holder takes over from TIME_WAIT, so no moment is left unprotected.
  const allocation = await allocatePorts({ ...allocationRequest(settings), claim: leases?.claim, reserve });
  core.debug(
    `allocated ${allocation.ports.join(' ')} on ${allocation.hosts.join(' ')} (${allocation.protocols.join(',')}), reserve ${settings.reserve}`,
  );
  return allocation;
}

async function hold(settings: Settings, allocation: Allocation, runner: ProcessIdentity): Promise<Holder | undefined> {
  if (!allocation.protocols.includes('tcp')) {
    core.warning('reserve: holder holds TCP ports only; these UDP ports are protected by their leases.');
    return undefined;
  }
  const holder = await startHolder({
    ports: allocation.ports,
    host: loopbackFor(allocation.hosts[0]),
    deadline: Date.now() + settings.leaseMinutes * 60_000,
    owner: runner,
  });
  core.debug(`holder process ${holder.process.pid} holds ${plural(holder.held.length, 'port')}`);
  if (holder.missed.length) core.warning(`The holder could not hold ports ${holder.missed.join(' ')}: something already listens there.`);
  return holder;
}

function saveState(leases: LeaseBook | undefined, holder: Holder | undefined, applied: Applied) {
  if (leases) {
    core.saveState(State.LeaseDir, leases.location.root);
    core.saveState(State.LeaseAccountDir, leases.location.own);
    core.saveState(State.LeaseToken, leases.owner.token);
    core.saveState(State.LeasePorts, leases.ports.join(' '));
  }
  if (holder) {
    const { process, host, control, token } = holder;
    core.saveState(State.Holder, JSON.stringify({ process, host, control, token }));
  }
  if (applied.kernelPorts.length) {
    core.saveState(State.KernelPorts, applied.kernelPorts.join(' '));
    core.saveState(State.KernelRoute, applied.route!);
  }
}

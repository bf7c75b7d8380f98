import { AllocationError, plural, type Vocabulary } from '../errors.ts';
import { BAD_PORT_SET } from '../ports/bad-ports.ts';
import { rangeSize, type PortRange } from '../ports/port-set.ts';
import { ephemeralRange } from '../platform/ephemeral-range.ts';
import { readReservedPorts } from '../platform/reserved-ports.ts';
import type { Candidate } from './candidate.ts';
import type { Request } from './request.ts';

/** The errors an allocation ends in: what refused the ports, in the caller's words, and what to change. */

/** At most this many rounds of a source (each at most 1024 binds or one block): the attempt bound. */
export const MAX_ROUNDS = 4096;
/** Rounds of drawing again the ports another program took while they were being reserved. */
export const MAX_REDRAWS = 5;

/** Why ports on the system's lists were never tried. */
const SYSTEM_REFUSAL =
  process.platform === 'win32'
    ? "in Windows' excluded port ranges"
    : "on the kernel's reserved-port list (other jobs' ports, or an administrator's)";
const BAD_REFUSAL = "refused by browsers (the Fetch standard's bad ports)";

function searched(spec: Request): PortRange {
  return spec.range ?? ephemeralRange();
}

function where(spec: Request): string {
  const { low, high } = searched(spec);
  return spec.range ? `range ${low}-${high}` : `the ephemeral range ${low}-${high}`;
}

/** The main reasons ports were refused, most frequent first: "1890 excluded, 12 taken for udp on ::". */
function reasons(refusals: Map<string, number>): string {
  const top = [...refusals].sort((a, b) => b[1] - a[1]).slice(0, 3);
  return top.length ? ` (refused: ${top.map(([why, n]) => `${n} ${why}`).join(', ')})` : '';
}

/** What the user can change to get the ports; `listed`: the kernel list holds much of where the kernel chooses. */
function remedy(spec: Request, listed: boolean): string {
  const { name } = spec.vocabulary;
  if (spec.preferOnly) return `name more ports in ${name('prefer')}, or drop ${name('prefer-only')} to draw the rest`;
  if (spec.contiguous) return `ask for a smaller block, widen ${name('range')} or drop ${name('contiguous')}`;
  if (spec.range) return `widen ${name('range')}, shorten ${name('exclude')} or ask for fewer ports`;
  if (listed)
    return `other jobs hold those ports until their post steps: ask for fewer ports, or set a ${name('range')} outside the ephemeral range`;
  return `shorten ${name('exclude')}, ask for fewer ports, or set a ${name('range')} outside the ephemeral range`;
}

/** What to do when other programs keep taking the ports before they are reserved (the stronger reservation is Linux's). */
export function retry(vocabulary: Vocabulary): string {
  return vocabulary.stronger && process.platform === 'linux' ? `try again, or ${vocabulary.stronger}` : 'try again';
}

/**
 * Counts what the system's lists held of the searched ports among the refusals: the kernel
 * list (read now for the kernel's own choice, which skips it unseen) or Windows' excluded
 * ranges, and the bad ports. Returns whether the kernel list held any.
 */
function countSystemRefusals(spec: Request, refusals: Map<string, number>): boolean {
  const range = searched(spec);
  const system = spec.range || spec.contiguous || spec.preferred.length ? spec.system : readReservedPorts();
  const held = rangeSize(range) - system.countOutside(range);
  if (held > 0) refusals.set(SYSTEM_REFUSAL, held);
  const bad = rangeSize(range) - BAD_PORT_SET.countOutside(range);
  if (bad > 0 && !spec.asked.has(range.low)) refusals.set(BAD_REFUSAL, bad);
  return held > 0 && process.platform === 'linux';
}

export function shortfall(spec: Request, found: number, refusals: Map<string, number>): AllocationError {
  const range = searched(spec);
  const listed = countSystemRefusals(spec, refusals);
  // Only the user's own exclude is named: system lists are counted among the reasons above.
  const left = spec.asked.countOutside(range);
  const why =
    spec.asked.size > 0 && left < spec.count ? ` (${spec.vocabulary.name('exclude')} leaves ${left} of its ports)` : reasons(refusals);
  const fix = remedy(spec, listed && !spec.range);
  if (spec.contiguous) return new AllocationError(`No block of ${spec.count} consecutive free ports in ${where(spec)}${why}: ${fix}`);
  const asked = `${found} of the ${plural(spec.count, 'port')} asked for ${found === 1 || spec.count === 1 ? 'is' : 'are'}`;
  const place = spec.preferOnly ? `among the preferred ports` : `in ${where(spec)}`;
  return new AllocationError(`Only ${asked} free ${place}${why}: ${fix}`);
}

export function gaveUp(spec: Request, chosen: Candidate[], refusals: Map<string, number>, rounds: number): AllocationError {
  const found = chosen.flatMap((c) => c.ports).length;
  const seconds = (spec.timeLimitMs / 1000).toFixed(1);
  const bound = rounds >= MAX_ROUNDS ? `${rounds} rounds` : `${seconds} s`;
  return new AllocationError(
    `Gave up after ${bound} with ${found} of the ${spec.count} ports asked for in ${where(spec)}${reasons(refusals)}: ${remedy(spec, false)}`,
  );
}

/** Other programs took the same ports between their check and their reservation, too many times. */
export function lostTooOften(lost: readonly number[], vocabulary: Vocabulary): AllocationError {
  return new AllocationError(
    `Another program took ports ${lost.join(' ')} between their check and their reservation, ${MAX_REDRAWS} times in a row; ${retry(vocabulary)}`,
  );
}

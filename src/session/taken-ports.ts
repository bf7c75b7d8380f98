import { NOTHING_TAKEN, type Taken } from '../allocator/taken.ts';
import type { LeaseBook } from '../leases/lease-book.ts';
import { LeaseWatch, type LiveLease } from '../leases/lease-reader.ts';
import { readReservedPorts } from '../platform/reserved-ports.ts';
import { PortSet } from '../ports/port-set.ts';
import { timeWaitSeconds } from '../protection/time-wait.ts';

/**
 * A TIME_WAIT entry is taken to shield its port this much less than it lasts: the record
 * is written after the entry, and a search takes a few milliseconds to bind after it looks.
 */
const MARGIN_MS = 10_000;

/**
 * What the live leases in `leases`' location hold, as the allocator asks before each
 * round (see Taken): the ports, and which of them the kernel's own choice skips anyway.
 * A port on the kernel's reserved-port list is skipped by every bind(0); one whose record
 * names TIME_WAIT (or the kernel list, which may have fallen back to it) and was written
 * less than the TIME_WAIT time ago, or a holder, is skipped by a TCP bind(0) on the
 * loopback and wildcard addresses. Anything else is exposed, and the allocator then draws
 * the ports itself, past the leased ones.
 */
export function takenPorts(leases: LeaseBook): () => Taken {
  const watch = new LeaseWatch(leases.location, { owner: leases.owner, own: leases.location.own });
  let listed: PortSet | undefined; // read once per call, and only when some port is leased
  const shieldMs = timeWaitSeconds() * 1000 - MARGIN_MS;
  return () => {
    const current = watch.current();
    if (current.size === 0) return NOTHING_TAKEN;
    const onList = (listed ??= readReservedPorts()); // a port of a live lease stays listed until its post step
    const now = Date.now();
    const leased = new Map([...current].map(([port, lease]) => [port, lease.holder]));
    const shielded = [...current].filter(([, lease]) => shieldedByReservation(lease, now, shieldMs)).map(([port]) => port);
    return { leased, listed: PortSet.of([...current.keys()].filter((port) => onList.has(port))), shielded: PortSet.of(shielded) };
  };
}

function shieldedByReservation(lease: LiveLease, now: number, shieldMs: number): boolean {
  if (lease.reservation === 'holder') return true;
  return (lease.reservation === 'time-wait' || lease.reservation === 'kernel') && now - lease.changed < shieldMs;
}

import type { PortQuery, SocketReader } from '../platform/socket-readers.ts';
import type { PortSocket } from '../platform/socket-table.ts';
import { nextInterval, WATCH_SCHEDULE } from './poll-schedule.ts';

/** The sockets of `sockets` that `query` asks about, as one comparable text. */
function key(sockets: readonly PortSocket[], query: PortQuery): string {
  return sockets
    .filter((s) => query[s.protocol].includes(s.port))
    .map((s) => `${s.protocol} ${s.address} ${s.port} ${s.inode ?? s.pid}`)
    .sort()
    .join('\n');
}

/** Rejects with the signal's reason when it aborts; resolves after `ms` otherwise. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The sockets on the queried ports once they differ from `known` (the last answer), or,
 * at `deadline` (a performance.now() time), whatever they are then. Where the reader
 * watches by itself (Linux's helper), this process sleeps until the helper writes; a
 * read at the deadline makes it answer at once. Otherwise the table is read on the poll
 * schedule (poll-schedule.ts). Rejects with the signal's reason when it aborts.
 */
export async function nextChange(
  reader: SocketReader,
  query: PortQuery,
  known: readonly PortSocket[],
  deadline: number,
  signal?: AbortSignal,
): Promise<PortSocket[]> {
  signal?.throwIfAborted();
  if (reader.watch && performance.now() < deadline) {
    const timer = setTimeout(() => void reader.read(query).catch(() => undefined), Math.ceil(deadline - performance.now()));
    const onAbort = () => reader.close(); // the pending watch then resolves, and the reason is thrown below
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const found = await reader.watch(query, WATCH_SCHEDULE);
      signal?.throwIfAborted();
      if (found) return found;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }
  return poll(reader, query, key(known, query), deadline, signal);
}

/** Reads the table on the poll schedule until it differs from `before` or the deadline passes. */
async function poll(reader: SocketReader, query: PortQuery, before: string, deadline: number, signal?: AbortSignal): Promise<PortSocket[]> {
  const costs: number[] = [];
  for (let look = 0; ; look++) {
    const start = performance.now();
    const sockets = await reader.read(query);
    const end = performance.now();
    if (key(sockets, query) !== before || end >= deadline) return sockets;
    costs.push(end - start);
    if (costs.length > 4) costs.shift(); // the last four looks: one slowed by a busy host does not stretch the next sleep
    await sleep(nextInterval(look, Math.min(...costs), deadline - end), signal);
  }
}

/**
 * The reservation on each mechanism at 1, 10, 100 and 1000 ports: the kernel's
 * reserved-port list, TIME_WAIT by self-connect (from 200 ports in a perl process
 * on Linux, and with Node's sockets only), TIME_WAIT by an accepted
 * connection (the method kept for macOS and Windows), against no reservation and a
 * get-port loop; and the cost of one `sudo -n tee` write of the list. Each timed run
 * is one process in a fresh network namespace (root), median of RUNS.
 *
 *   node bench/reservation.ts            # prints a Markdown table
 *   node bench/reservation.ts one MECHANISM N   # one timed run, here (prints ms)
 */
import fs from 'node:fs';
import getPort from 'get-port';
import { allocatePorts, type Protector } from '../src/allocator/allocate-ports.ts';
import { reserveTimeWait } from '../src/protection/time-wait.ts';
import { addReservedPorts } from '../src/protection/kernel-list.ts';
import { allowSudoTee, testAccount } from '../test/harness/accounts.ts';
import { inNamespaceSync, whyNoNamespace } from '../test/harness/namespace.ts';

const MECHANISMS: Record<string, Protector | 'none' | 'get-port'> = {
  none: 'none',
  kernel: async (held) => {
    await addReservedPorts([...new Set(held.map((h) => h.port))], { sudo: false });
    return [];
  },
  'kernel via sudo -n': async (held) => {
    await addReservedPorts([...new Set(held.map((h) => h.port))], { sudo: true });
    return [];
  },
  'self-connect': (held) => reserveTimeWait(held, 'self-connect'),
  'self-connect, Node sockets only': (held) => reserveTimeWait(held, 'self-connect', { program: null }),
  accepted: (held) => reserveTimeWait(held, 'accepted'),
  'get-port': 'get-port',
};

/** One timed allocation: [whole call, the reservation inside it] in ms. */
async function once(mechanism: string, n: number): Promise<[number, number]> {
  const how = MECHANISMS[mechanism];
  await allocatePorts({ count: 1 }); // load and warm up the code paths first
  await getPort();
  let reserving = 0;
  const start = performance.now();
  if (how === 'get-port') for (let i = 0; i < n; i++) await getPort();
  else if (typeof how !== 'function') await allocatePorts({ count: n });
  else {
    const timed: Protector = async (held) => {
      const begin = performance.now();
      const lost = await how(held);
      reserving = performance.now() - begin;
      return lost;
    };
    await allocatePorts({ count: n, protect: timed });
  }
  return [performance.now() - start, reserving];
}

const SIZES = [1, 10, 100, 1000];
const RUNS = Number(process.env.RUNS ?? 5);
const SUDO_USER = 'port-zero-bench';

function median(values: number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** An account allowed `sudo -n tee` on the list only, as on GitHub-hosted runners, for the duration of `work`. */
function withSudoAccount<T>(work: () => T): T {
  allowSudoTee(testAccount(SUDO_USER).name, true);
  try {
    return work();
  } finally {
    allowSudoTee(SUDO_USER, false);
  }
}

function table(): string {
  if (process.getuid?.() !== 0 || whyNoNamespace())
    throw new Error('needs root and unshare -n: each timed run is in a fresh network namespace');
  const run = (mechanism: string, n: number, user?: string) =>
    inNamespaceSync([process.execPath, import.meta.filename, 'one', mechanism, String(n)], { user })
      .trim()
      .split(' ')
      .map(Number);
  const rows = ['| ports | ' + Object.keys(MECHANISMS).join(' | ') + ' |', '| ---: |' + ' ---: |'.repeat(Object.keys(MECHANISMS).length)];
  const sudo = fs.existsSync('/usr/bin/sudo');
  const measured = withSudoAccount(() =>
    SIZES.map((n) =>
      Object.keys(MECHANISMS).map((m) => {
        if (m === 'kernel via sudo -n' && !sudo) return [NaN, NaN];
        const times = Array.from({ length: RUNS }, () => run(m, n, m === 'kernel via sudo -n' ? SUDO_USER : undefined));
        return [median(times.map((t) => t[0])), median(times.map((t) => t[1]))];
      }),
    ),
  );
  const cell = ([whole, reserving]: number[]) => (Number.isNaN(whole) ? 'n/a' : `${whole.toFixed(2)} (${reserving.toFixed(2)})`);
  SIZES.forEach((n, i) => rows.push(`| ${n} | ` + measured[i].map(cell).join(' | ') + ' |'));
  return (
    `Milliseconds for one allocation with each reservation, the reservation itself in brackets ` +
    `(median of ${RUNS}, each run one process in a fresh network namespace):\n\n${rows.join('\n')}\n`
  );
}

if (process.argv[2] === 'one') process.stdout.write(`${(await once(process.argv[3], Number(process.argv[4]))).join(' ')}\n`);
else process.stdout.write(table());

import { PortSet, type PortRange } from '../ports/port-set.ts';
import type { Protocol } from '../ports/protocol.ts';
import { runToolAsync, systemTool, type AsyncToolRunner } from './system-tools.ts';

/**
 * Windows reserves whole port ranges (Hyper-V, WinNAT) that fail with EACCES and
 * move at run time. `netsh int ipv4 show excludedportrange protocol=tcp` lists them:
 *
 *     Start Port    End Port
 *     ----------    --------
 *          5357        5357
 *         50000       50059     *
 *
 * Headers and footnotes are localized, so only the rows of two numbers count.
 */
export function parseExcludedRanges(output: string): PortRange[] {
  const ranges: PortRange[] = [];
  for (const line of output.split(/\r?\n/)) {
    const match = /^\s*(\d{1,5})\s+(\d{1,5})(\s+\*)?\s*$/.exec(line);
    if (!match) continue;
    const low = Number(match[1]);
    const high = Number(match[2]);
    if (low >= 1 && low <= high && high <= 65535) ranges.push({ low, high });
  }
  return ranges;
}

/** Every excluded range for the protocols asked, IPv4 and IPv6 alike (each has its own list). */
export async function windowsExcludedPorts(protocols: readonly Protocol[], run: AsyncToolRunner = runToolAsync): Promise<PortSet> {
  const queries = protocols.flatMap((protocol) =>
    ['ipv4', 'ipv6'].map((family) => ['interface', family, 'show', 'excludedportrange', `protocol=${protocol}`]),
  );
  const outputs = await Promise.all(queries.map((args) => run(systemTool('netsh', 'win32'), args).catch(() => '')));
  return new PortSet(outputs.flatMap(parseExcludedRanges));
}

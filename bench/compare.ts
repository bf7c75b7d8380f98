/**
 * "Compared with the previous run": reads the tables of the RESULTS.md a run is about
 * to replace and of the one it wrote, and says which figures moved beyond their
 * run-to-run spread. A figure is a ratio to its peer in the same run (get-port, a bare
 * Node start), so a machine busier in one run than in the other moves neither; its
 * spread is the range of the single runs behind its median, divided by the peer's median.
 */

/** A Markdown table: the heading it sits under, its header cells, its rows. */
export interface Table {
  heading: string;
  header: string[];
  rows: string[][];
}

/** One compared figure: its median ratio and the range of the runs behind it. */
export interface Figure {
  value: number;
  low: number;
  high: number;
}

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());

/** Every table in `markdown`, with the last heading (## or ###) above it. */
export function parseTables(markdown: string): Table[] {
  const tables: Table[] = [];
  const lines = markdown.split('\n');
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^#{2,3} /.test(line)) heading = line.replace(/^#+ /, '').trim();
    if (!line.startsWith('|') || !/^\|\s*-{3}/.test(lines[i + 1] ?? '')) continue;
    const rows: string[][] = [];
    for (i += 2; i < lines.length && lines[i].startsWith('|'); i++) rows.push(cells(lines[i]));
    tables.push({ heading, header: cells(line), rows });
  }
  return tables;
}

/** The cell under `column` in `row`, as a number (NaN when missing or not a number). */
function numberAt(table: Table, row: string[], column: string): number {
  const i = table.header.indexOf(column);
  return i < 0 ? NaN : parseFloat(row[i] ?? '');
}

/** Each row's median, min and max as ratios to the median of the row named `peer`. */
function ratioFigures(
  table: Table,
  peer: string,
  label: (row: string) => string,
  into: Map<string, Figure>,
  columns = ['median ms', 'min', 'max'],
) {
  const peerRow = table.rows.find((r) => r[0] === peer);
  if (!peerRow) return;
  const base = numberAt(table, peerRow, columns[0]);
  for (const row of table.rows) {
    if (row[0] === peer) continue;
    const [value, low, high] = columns.map((c) => numberAt(table, row, c) / base);
    if (Number.isFinite(value))
      into.set(label(row[0]), { value, low: Number.isFinite(low) ? low : value, high: Number.isFinite(high) ? high : value });
  }
}

/**
 * The figures of one RESULTS.md that have a spread: each allocation row against the
 * get-port loop, each whole-step row against a bare start (wall time, and peak memory
 * where the run recorded its range), and the rows of the library and 1000-port tables,
 * which record their ratio's range themselves.
 */
export function figuresOf(tables: Table[]): Map<string, Figure> {
  const figures = new Map<string, Figure>();
  for (const table of tables) {
    const n = /^N = (\d+)$/.exec(table.heading)?.[1];
    if (n) ratioFigures(table, 'get-port loop', (row) => `${row} at N = ${n}, against get-port`, figures);
    if (table.heading === 'The whole step') {
      ratioFigures(table, 'node -e ""', (row) => `whole step: ${row}, wall time against a bare start`, figures);
      const memory = ['median peak RSS (MiB)', 'peak RSS min (MiB)', 'peak RSS max (MiB)'];
      ratioFigures(table, 'node -e ""', (row) => `whole step: ${row}, peak memory against a bare start`, figures, memory);
    }
    if (table.header.includes('ratio range')) {
      for (const row of table.rows) {
        const value = numberAt(table, row, 'ratio');
        const [low, high] = (row[table.header.indexOf('ratio range')] ?? '').split('-').map(parseFloat);
        if ([value, low, high].every(Number.isFinite)) figures.set(`${table.heading}: ${row[0]}`, { value, low, high });
      }
    }
  }
  return figures;
}

/** Each target's measured value and verdict, by what it measures. */
function targetsOf(tables: Table[]): Map<string, { measured: string; met: string }> {
  const table = tables.find((t) => t.heading === 'Targets');
  return new Map((table?.rows ?? []).map((r) => [r[0], { measured: r[1], met: r[3] }]));
}

const x = (v: number) => `${v.toFixed(2)}x`;

/**
 * The section: the figures whose ranges in the two runs leave out each other's median
 * (higher is worse for every one of them), the targets whose verdict changed, and what
 * could not be compared.
 */
export function comparisonSection(previous: string | undefined, current: string): string[] {
  const head = ['## Compared with the previous run', ''];
  if (previous === undefined) return [...head, 'No previous bench/RESULTS.md to compare with.', ''];
  const [before, after] = [parseTables(previous), parseTables(current)];
  const [old, now] = [figuresOf(before), figuresOf(after)];
  const common = [...now.keys()].filter((name) => old.has(name));
  const moved = common.filter((name) => {
    const [a, b] = [old.get(name)!, now.get(name)!];
    return (b.value < a.low || b.value > a.high) && (a.value < b.low || a.value > b.high);
  });
  const lines = [
    ...head,
    `Each figure is a ratio to its peer in the same run; its spread is the range of the runs behind its median (min to max, over the peer's median). A figure moved when each run's range leaves out the other run's median. Of ${common.length} figures in both runs, ${moved.length} moved:`,
    '',
  ];
  if (moved.length) {
    lines.push('| figure | previous (range) | now (range) | moved |', '| --- | --- | --- | --- |');
    for (const name of moved) {
      const [a, b] = [old.get(name)!, now.get(name)!];
      lines.push(
        `| ${name} | ${x(a.value)} (${x(a.low)}-${x(a.high)}) | ${x(b.value)} (${x(b.low)}-${x(b.high)}) | ${b.value > a.value ? 'worse' : 'better'} |`,
      );
    }
    lines.push('');
  }
  const [oldTargets, newTargets] = [targetsOf(before), targetsOf(after)];
  const flipped = [...newTargets].filter(([what, t]) => oldTargets.has(what) && oldTargets.get(what)!.met !== t.met);
  lines.push(
    flipped.length
      ? `Targets whose verdict changed: ${flipped.map(([what, t]) => `${what} (${oldTargets.get(what)!.measured}, ${oldTargets.get(what)!.met || 'no target'}; now ${t.measured}, ${t.met})`).join('; ')}.`
      : 'No target changed its verdict.',
    '',
  );
  const fresh = [...now.keys()].filter((name) => !old.has(name)).length;
  const newTables = [...new Set(after.map((t) => t.heading))].filter((h) => !before.some((t) => t.heading === h));
  if (fresh || newTables.length) lines.push(`Not in the previous run, so not compared: ${newTables.join('; ') || `${fresh} figures`}.`, '');
  lines.push(
    'Not judged, for want of a spread in the previous run: the scaling, holder, neighbour, storm and stress tables (one median or one count each).',
    '',
  );
  return lines;
}

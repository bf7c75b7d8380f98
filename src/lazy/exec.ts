/**
 * @actions/core's `platform` helpers import @actions/exec at start-up to run
 * `sw_vers` or `lsb_release` on request; Port Zero never asks. The bundle maps
 * `@actions/exec` here (tsconfig.json "paths") and loads it on first use.
 */
type Real = typeof import('../../node_modules/@actions/exec/lib/exec.js');

let real: Promise<Real> | undefined;
const load = () => (real ??= import('../../node_modules/@actions/exec/lib/exec.js'));

export const exec: Real['exec'] = async (...args) => (await load()).exec(...args);
export const getExecOutput: Real['getExecOutput'] = async (...args) => (await load()).getExecOutput(...args);

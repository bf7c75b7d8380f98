import { useScratchTmp } from '../harness/scratch-tmp.ts';

/** The whole test run makes its files in one temporary directory, removed when the run ends. */
export default function setup(): () => void {
  return useScratchTmp('port-zero-test-run-');
}

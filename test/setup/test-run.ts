import fs from 'node:fs';
import { useScratchTmp } from '../harness/scratch-tmp.ts';

const LIST = '/proc/sys/net/ipv4/ip_local_reserved_ports';

/** The network namespace of this process and of process 1 (the host's, or the container's), where this account may read both. */
function namespaces(): [string, string] | undefined {
  try {
    return [fs.readlinkSync('/proc/self/ns/net'), fs.readlinkSync('/proc/1/ns/net')];
  } catch {
    return undefined;
  }
}

/**
 * Once per test run: refuses to run as root in the host's network namespace (the action's
 * steps would write its kernel reserved-port list: `npm test` makes a namespace of its
 * own first), keeps in-process steps off sudo, and makes every file of the run in one
 * temporary directory. At the end: that directory is removed, and the run fails if the
 * reserved-port list is not as it was found.
 */
export default function setup(): () => void {
  const shared = namespaces();
  if (process.getuid?.() === 0 && shared && shared[0] === shared[1]) {
    throw new Error(
      "As root the tests write the kernel's reserved-port list: run them with npm test, which gives them a network namespace of their own, or in one (unshare -n sh -c 'ip link set lo up && npx vitest run')",
    );
  }
  // On a GitHub-hosted runner `reserve: auto` writes the list through sudo: only tests that say so, in namespaces of their own.
  delete process.env.RUNNER_ENVIRONMENT;
  const listed = () => (fs.existsSync(LIST) ? fs.readFileSync(LIST, 'utf8') : '');
  const before = listed();
  const removeScratch = useScratchTmp('port-zero-test-run-');
  return () => {
    removeScratch();
    const after = listed();
    if (after !== before) throw new Error(`The tests changed the kernel's reserved-port list: '${before.trim()}' -> '${after.trim()}'`);
  };
}

/**
 * `npm test`: the test suite (`vitest run`, with the arguments given). As root on Linux
 * it first gives the suite a network namespace of its own (unshare -n): there the
 * action's steps write the kernel's reserved-port list, which is one per namespace,
 * and the host's list stays as it is whatever a test does or however the run ends.
 *   npm test [-- vitest arguments]
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { namespaceArgv, whyNoNamespace } from '../test/harness/namespace.ts';

const vitest = [
  process.execPath,
  path.join(import.meta.dirname, '..', 'node_modules', 'vitest', 'vitest.mjs'),
  'run',
  ...process.argv.slice(2),
];
let argv = vitest;
if (process.platform === 'linux' && process.getuid!() === 0) {
  const why = whyNoNamespace();
  if (why) {
    console.error(`As root the tests need a network namespace of their own, to keep off the host's reserved-port list, but ${why}`);
    process.exit(1);
  }
  argv = namespaceArgv(vitest, {}, process.env);
}
const child = spawn(argv[0], argv.slice(1), { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

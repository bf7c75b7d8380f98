/**
 * A stand-in runner worker that SIGKILLs its step mid-allocation: as soon as the step's
 * allocation record (`lease-<token>.json`) appears in PORT_ZERO_TEST_WATCH, before the step can finish. It then
 * reports, and stays alive as the worker does until the job ends.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';

const watch = process.env.PORT_ZERO_TEST_WATCH!;
const child = spawn(process.execPath, process.argv.slice(2), { stdio: 'inherit' });
const poll = setInterval(() => {
  const names = fs.existsSync(watch) ? fs.readdirSync(watch) : [];
  if (names.some((n) => n.startsWith('lease-'))) {
    child.kill('SIGKILL');
    clearInterval(poll);
  }
}, 1);
child.on('exit', (code, signal) => process.send!({ code: code ?? signal }));
setInterval(() => {}, 1 << 30);
// Its starter is gone (killed, say): nothing would ever end this stand-in, so it ends with it.
process.on('disconnect', () => process.exit());

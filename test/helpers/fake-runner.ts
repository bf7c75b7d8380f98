/**
 * A stand-in for the runner's worker process: it runs one step as its child (so
 * it is the step's parent, the process leases name as owner), reports the exit
 * code, and stays alive as the worker does until the job ends. Sent
 * `{ run: argv, env }`, it runs a later step of the job the same way, as its child,
 * and answers with what that printed: `{ stdout }`, or `{ error }`.
 */
import { execFile, spawn } from 'node:child_process';

const child = spawn(process.execPath, process.argv.slice(2), { stdio: 'inherit' });
child.on('exit', (code) => process.send!({ code }));
process.on('message', (message: { run?: string[]; env?: NodeJS.ProcessEnv }) => {
  if (!message.run) return;
  const [file, ...args] = message.run;
  execFile(file, args, { env: message.env }, (error, stdout, stderr) =>
    process.send!(error ? { error: `${error.message}\n${stderr}` } : { stdout }),
  );
});
setInterval(() => {}, 1 << 30);
// Its starter is gone (killed, say): nothing would ever end this stand-in, so it ends with it.
process.on('disconnect', () => process.exit());

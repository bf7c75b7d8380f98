/**
 * Ends the step's process once its work is done, with the exit code already set
 * (process.exitCode), instead of letting Node wind down: the sockets' close
 * callbacks, a garbage collection V8 schedules for the next turn of the event loop,
 * and the teardown of every handle cost 3 to 8 ms of a step that lasts about 120 ms.
 *
 * Safe only when nothing is left to write: the step writes its files synchronously,
 * but process.exit drops output still queued on stdout or stderr. Writes to a pipe
 * (the runner's stdout) are asynchronous on POSIX: one the pipe cannot take at once
 * stays queued and counts in writableLength, and then the process is left to end
 * by itself, which flushes it.
 */
export function exitWhenWritten(): void {
  if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit();
}

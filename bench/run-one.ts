/**
 * One measurement, in its own process (and network namespace): warm up, then time
 * one call. Prints JSON. With `cold`, no warm-up: for calls too slow to repeat.
 *   node bench/run-one.ts <contender> <count> [cold]
 */
import { CONTENDERS, warmUp } from './contenders.ts';

const [name, count, cold] = [process.argv[2], Number(process.argv[3]), process.argv[4] === 'cold'];
const contender = CONTENDERS[name];
if (!contender) throw new Error(`unknown contender ${name}`);
if (!cold) {
  // Warm up at full size (compiled code, lazy module state), without leaving TIME_WAIT entries for the timed call.
  await warmUp(name)(count);
  await contender(Math.min(count, 20));
}
const start = performance.now();
const ports = await contender(count);
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, ports: ports.length, distinct: new Set(ports).size }));

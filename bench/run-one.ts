/** One measurement, in its own process (and network namespace): warm up, then time one call. Prints JSON. */
import { CONTENDERS, WARM_UPS } from './contenders.ts';

const [name, count] = [process.argv[2], Number(process.argv[3])];
const contender = CONTENDERS[name];
if (!contender) throw new Error(`unknown contender ${name}`);
// Warm up at full size (compiled code, lazy module state), without leaving TIME_WAIT entries for the timed call.
await (WARM_UPS[name] ?? contender)(count);
await contender(Math.min(count, 20));
const start = performance.now();
const ports = await contender(count);
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, ports: ports.length, distinct: new Set(ports).size }));

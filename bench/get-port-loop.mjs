/**
 * get-port as a whole process, the peer of Port Zero's step and command asking for N
 * ports: import get-port, call it N times one after another, print the ports.
 * Plain JavaScript: a .ts file would make Node load its type stripper first.
 *   node bench/get-port-loop.mjs <count>
 */
import getPort from 'get-port';

const ports = [];
for (let i = 0; i < Number(process.argv[2] ?? 1); i++) ports.push(await getPort());
process.stdout.write(`${ports.join(' ')}\n`);

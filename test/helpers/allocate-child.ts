/**
 * Runs allocatePorts once with the options given as JSON in argv[2] (exclude as
 * a list of {low, high}) and prints {ports, hosts} or {error, name} as JSON.
 */
import { allocatePorts, type AllocateOptions } from '../../src/allocator/allocate-ports.ts';
import { PortSet, type PortRange } from '../../src/ports/port-set.ts';

const given = JSON.parse(process.argv[2]) as Omit<AllocateOptions, 'exclude'> & { exclude?: PortRange[] };
try {
  const allocation = await allocatePorts({ ...given, exclude: new PortSet(given.exclude ?? []) });
  process.stdout.write(JSON.stringify({ ports: allocation.ports, hosts: allocation.hosts }));
} catch (error) {
  const { name, message } = error as Error;
  process.stdout.write(JSON.stringify({ error: message, name }));
}

/**
 * The library (dist/lib/index.js, types in dist/lib/index.d.ts): `import { getPorts } from 'port-zero'`.
 * The same allocator and leases as the action, for test suites.
 */
export { getPort, getPorts } from '../library/get-ports.ts';
export { getPortsSync } from '../library/get-ports-sync.ts';
export type { PortsSync } from '../library/get-ports-sync.ts';
export type { CountRequest, NamedRequest, PortOptions, PortRange, Ports } from '../library/get-ports.ts';
export { AllocationError, InputError, LeaseError, PortZeroError } from '../errors.ts';
export { waitForPorts } from '../library/wait-for-ports.ts';
export type { ReadyPort, WaitOptions } from '../library/wait-for-ports.ts';
export { ForeignListenerError, WaitTimeoutError } from '../readiness/wait-errors.ts';

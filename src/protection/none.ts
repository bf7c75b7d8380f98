import type { Protection } from './protection.ts';

/** No reservation: the ports are free for anyone once the allocation ends (their leases still keep Port Zero off them). */
export function noProtection(): Protection {
  return {
    mode: 'none',
    protect: async () => [],
    settle: async () => {},
    describe: () => 'nothing',
    state: () => undefined,
    undo: async () => {},
  };
}

/** A transport protocol a port is asked for: a port is free for TCP and for UDP separately. */
export type Protocol = 'tcp' | 'udp';

export const PROTOCOLS: readonly Protocol[] = ['tcp', 'udp'];

/** Names that cross a boundary: action.yml inputs, step outputs, and state kept for the post step. */

export const Input = {
  Names: 'names',
  Count: 'count',
  EnvPrefix: 'env-prefix',
  ExportEnv: 'export-env',
  Protocol: 'protocol',
  Host: 'host',
  Range: 'range',
  Exclude: 'exclude',
  Contiguous: 'contiguous',
  Reserve: 'reserve',
  LeaseDir: 'lease-dir',
  LeaseMinutes: 'lease-minutes',
  Summary: 'summary',
  EnvFile: 'env-file',
} as const;
export type InputName = (typeof Input)[keyof typeof Input];

export const Output = {
  Port: 'port',
  Ports: 'ports',
  Json: 'json',
  EnvFile: 'env-file',
} as const;

export const State = {
  LeaseDir: 'leaseDir',
  /** This account's directory inside the lease location, where its leases are. */
  LeaseAccountDir: 'leaseAccountDir',
  LeaseToken: 'leaseToken',
  LeasePorts: 'leasePorts',
  Holder: 'holder',
  KernelPorts: 'kernelPorts',
  KernelRoute: 'kernelRoute',
} as const;

/** The most ports one step hands out. */
export const MAX_COUNT = 1000;

/** Leases and the holder end after this long unless released first: six hours, the longest a hosted job runs. */
export const DEFAULT_LEASE_MINUTES = 360;
export const MAX_LEASE_MINUTES = 7 * 24 * 60;

/** The wait action's inputs (wait/action.yml). */
export const WaitInput = {
  Names: 'names',
  Timeout: 'timeout',
  Protocol: 'protocol',
  OnForeign: 'on-foreign',
  Summary: 'summary',
} as const;

/** The wait action's fixed outputs; each name also gets `<name>-pid`. */
export const WaitOutput = {
  Json: 'json',
  PidSuffix: '-pid',
} as const;

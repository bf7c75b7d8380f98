/** Names that cross a boundary: action.yml inputs (which the command's options follow) and step outputs. */

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
  Prefer: 'prefer',
  PreferOnly: 'prefer-only',
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

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
} as const;
export type InputName = (typeof Input)[keyof typeof Input];

export const Output = {
  Port: 'port',
  Ports: 'ports',
  Json: 'json',
} as const;

export const State = {
  IsPost: 'isPost',
} as const;

/** The most ports one step hands out. */
export const MAX_COUNT = 1000;

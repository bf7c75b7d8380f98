/** A problem the user can fix; its message is meant to be shown as it is. */
export class PortZeroError extends Error {
  override name = 'PortZeroError';
}

/**
 * How a program names its settings in messages, so that an error says what to change
 * in the caller's own words: the action's inputs, the command's options, the library's
 * option fields. Settings are given by their action input name ('lease-dir').
 */
export interface Vocabulary {
  /** The word a setting goes by: 'Input' (action) or 'Option' (command, library). */
  readonly kind: 'Input' | 'Option';
  /** A setting's own name in this program: `lease-dir` (action, command), `leaseDir` (library). */
  key(setting: string): string;
  /** A setting as messages write it: `'lease-dir'`, `--lease-dir`, `'leaseDir'`. */
  name(setting: string): string;
  /** The one line for an invalid value; default `Input 'range' has invalid value "x": allowed`. */
  invalid?(name: string, quoted: string, allowed: string): string;
  /** Why a port is refused that the caller itself leased earlier (the same job, shell or process) and still holds. */
  readonly ownLease: string;
  /** Advice to use a stronger reservation, where the program offers one. */
  readonly stronger?: string;
}

/** The action's words: inputs as written in a workflow's `with:`. */
export const ACTION_VOCABULARY: Vocabulary = {
  kind: 'Input',
  key: (setting) => setting,
  name: (setting) => `'${setting}'`,
  ownLease: 'leased by an earlier step of this job',
  stronger: 'use reserve: kernel',
};

/** The longest part of a value a message quotes: a value of 59 KB makes a message nobody reads. */
const QUOTED_CHARS = 80;

/** `value` in double quotes, cut to its first QUOTED_CHARS characters with the full length said. */
export function quote(value: string): string {
  if (value.length <= QUOTED_CHARS) return JSON.stringify(value);
  return `${JSON.stringify(value.slice(0, QUOTED_CHARS))}... (${value.length} characters)`;
}

/**
 * A setting (an input, a command-line option or a library option) that breaks its rule.
 * `input` is its name in the caller's words ('lease-dir', 'leaseDir'), `value` the value
 * as given (as text), `allowed` what is allowed. The message quotes at most the first 80
 * characters of the value.
 */
export class InputError extends PortZeroError {
  override name = 'InputError';
  readonly input: string;
  readonly value: string;
  readonly allowed: string;

  /** `setting` by its action input name; `vocabulary` says how the calling program names it. */
  constructor(setting: string, value: string, allowed: string, vocabulary: Vocabulary = ACTION_VOCABULARY) {
    const name = vocabulary.name(setting);
    const quoted = quote(value);
    super(vocabulary.invalid?.(name, quoted, allowed) ?? `${vocabulary.kind} ${name} has invalid value ${quoted}: ${allowed}`);
    this.input = vocabulary.key(setting);
    this.value = value;
    this.allowed = allowed;
  }
}

/** The host could not supply the ports asked for. */
export class AllocationError extends PortZeroError {
  override name = 'AllocationError';
}

/** The lease directory cannot be used. */
export class LeaseError extends PortZeroError {
  override name = 'LeaseError';
}

/** `1 port`, `2 ports`: a count with its noun in the right number. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

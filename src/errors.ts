/** A problem the user can fix; its message is meant to be shown as it is. */
export class PortZeroError extends Error {
  override name = 'PortZeroError';
}

/**
 * An input (or command-line option, or library option) that breaks its rule.
 * `input` names it, `value` is the value as given (as text), `allowed` says what is allowed.
 */
export class InputError extends PortZeroError {
  override name = 'InputError';
  readonly input: string;
  readonly value: string;
  readonly allowed: string;

  /** `kind` is the word the message starts with: 'Input' for the action, 'Option' for the library. */
  constructor(input: string, value: string, allowed: string, kind: 'Input' | 'Option' = 'Input') {
    super(`${kind} '${input}' has invalid value ${JSON.stringify(value)}: ${allowed}`);
    this.input = input;
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

/**
 * How a program names its settings in messages, so that an error says what to change
 * in the caller's own words: the action's inputs, the command's options, the library's
 * option fields.
 */
export interface Vocabulary {
  /** The word a setting goes by: 'Input' (action) or 'Option' (command, library). */
  readonly kind: 'Input' | 'Option';
  /** A setting, given by its action input name ('lease-dir'), as the program writes it: `'lease-dir'`, `--lease-dir`, `'leaseDir'`. */
  name(input: string): string;
  /** Why a port is refused that the caller itself leased earlier (the same job, shell or process) and still holds. */
  readonly ownLease: string;
  /** Advice to use a stronger reservation, where the program offers one. */
  readonly stronger?: string;
}

/** The action's words: inputs as written in a workflow's `with:`. */
export const ACTION_VOCABULARY: Vocabulary = {
  kind: 'Input',
  name: (input) => `'${input}'`,
  ownLease: 'leased by an earlier step of this job',
  stronger: 'use reserve: kernel',
};

/** `1 port`, `2 ports`: a count with its noun in the right number. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

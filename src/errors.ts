/** A problem the user can fix; its message is meant to be shown as it is. */
export class PortZeroError extends Error {
  override name = 'PortZeroError';
}

/** An input (or command-line option) that breaks its rule. */
export class InputError extends PortZeroError {
  override name = 'InputError';
  readonly input: string;
  readonly value: string;
  readonly allowed: string;

  constructor(input: string, value: string, allowed: string) {
    super(`Input '${input}' has invalid value ${JSON.stringify(value)}: ${allowed}`);
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

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

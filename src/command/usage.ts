import { errorMessage, InputError, quote } from '../errors.ts';

/** Bad arguments (exit code 2), as opposed to a request that cannot be met (exit code 1). */
export function isUsageError(error: unknown): boolean {
  return error instanceof InputError || String((error as NodeJS.ErrnoException)?.code).startsWith('ERR_PARSE_ARGS_');
}

/**
 * One line in the command's own form. Node's argument parser says more than one line,
 * naming its own API ("To specify an option argument starting with a dash use..."):
 * only what went wrong is kept, with the option named as the user wrote it.
 */
export function usageMessage(error: unknown): string {
  if (error instanceof InputError) return error.message;
  const message = errorMessage(error);
  const option = /--[\w-]+/.exec(message)?.[0] ?? /'(-\w)'/.exec(message)?.[1];
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${quote(option ?? message.split('\n')[0])}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const dash = /ambiguous|starting with a dash/i.test(message) ? `; a value starting with "-" is written ${option}=VALUE` : '';
    return option ? `option ${option} needs a value${dash}` : message.split('\n')[0];
  }
  return message.split('\n')[0];
}

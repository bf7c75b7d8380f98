import type { Vocabulary } from '../errors.ts';

/** The library's own name of each setting (by action input name), for errors in the caller's words. */
const OPTION: Record<string, string> = {
  'lease-minutes': 'leaseMinutes',
  'lease-dir': 'leaseDir',
  'env-prefix': 'envPrefix',
  'prefer-only': 'preferOnly',
};

/** The library's words: its option fields (`Option 'leaseDir'`). */
export const LIBRARY_VOCABULARY: Vocabulary = {
  kind: 'Option',
  key: (setting) => OPTION[setting] ?? setting,
  name: (setting) => `'${OPTION[setting] ?? setting}'`,
  ownLease: 'leased by an earlier call in this process until its release()',
};

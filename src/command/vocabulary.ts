import type { Vocabulary } from '../errors.ts';
import { Input } from '../text/names.ts';

/** The word that ends the calling shell's leases: `port-zero release`. */
export const RELEASE = 'release';

/**
 * The command's words in errors: its options (`--range`) and arguments (`name`), not the
 * action's inputs ('range'), one line each (`invalid --range "x": ...`), and the release
 * command that ends the caller's own leases in `leaseDir`.
 */
export function commandVocabulary(leaseDir = ''): Vocabulary {
  const release = `port-zero ${RELEASE}${leaseDir ? ` --lease-dir ${JSON.stringify(leaseDir)}` : ''}`;
  return {
    kind: 'Option',
    key: (setting) => setting,
    name: (setting) => (setting === Input.Names ? 'name' : `--${setting}`),
    invalid: (name, quoted, allowed) => `invalid ${name} ${quoted}: ${allowed}`,
    ownLease: `leased by an earlier call in this shell or script until '${release}'`,
  };
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Points TMPDIR (and so `os.tmpdir()` here and in every child started after) at one new
 * directory under the current one, and returns the function that removes it and puts
 * TMPDIR back. Everything a run makes under TMPDIR then goes with it, even after a
 * failure half-way. Mode 1777 like /tmp: runs start jobs as other accounts, which must
 * reach the lease locations made in it.
 */
export function useScratchTmp(prefix: string): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(root, 0o1777);
  const before = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    try {
      fs.rmSync(root, { recursive: true, force: true });
    } catch {
      // Files another account made in it, which only that account or root may remove: left.
    }
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
  };
}

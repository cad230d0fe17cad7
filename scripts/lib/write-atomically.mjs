// Writes a build output through a temporary name, so that concurrent builds (test workers) never expose half a file.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Writes `contents` to `file` (creating its directory) by renaming a fully written temporary file over it. */
export function writeAtomically(file, contents) {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, contents);
  renameSync(temp, file);
}

import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/**
 * Finds an executable: an explicit path (e.g. from `$HELM_BIN`) wins, else the first match of `name` on `pathEnv`.
 * Returns undefined when nothing executable is found.
 */
export function findExecutable(
  name: string,
  pathEnv: string | undefined,
  explicit?: string,
): string | undefined {
  if (explicit) return isExecutable(explicit) ? explicit : undefined;
  for (const dir of (pathEnv ?? '').split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

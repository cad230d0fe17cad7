import { createRequire } from 'node:module';
import { ChartlintError } from '../diagnostics/errors.js';
import type { Location } from '../diagnostics/location.js';
import { findExecutable } from '../render/find-executable.js';

/** The message given when `.rego` sources need compiling and no opa binary is found (documented in
 * policies/README.md). */
export const OPA_MISSING_MESSAGE =
  'Compiling Rego policies needs the opa CLI, which was not found: install it (https://www.openpolicyagent.org/docs/#running-opa) ' +
  'and put it on PATH, set OPA_BIN to its path, or pass a bundle prebuilt with `opa build -t wasm` instead of .rego files.';

/**
 * Finds the opa binary: `explicit` (an option), then `$OPA_BIN`, then `opa` on `$PATH`. Throws
 * ChartlintError('opa-missing') naming the fix when none is executable.
 */
export function requireOpa(explicit: string | undefined, env: Record<string, string | undefined>): string {
  const named = explicit ?? env.OPA_BIN;
  const found = findExecutable('opa', env.PATH, named || undefined);
  if (found) return found;
  const detail = named ? ` (${named} is not an executable file)` : '';
  throw new ChartlintError('opa-missing', OPA_MISSING_MESSAGE + detail);
}

/** What an opa run printed. */
export interface OpaRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs opa with `args` (never through a shell). Throws ChartlintError('opa-missing') if it cannot be started. */
export function runOpa(opa: string, args: string[], env: Record<string, string | undefined>): OpaRun {
  // Required here, not imported: most runs never start opa, and child_process brings net and dgram with it.
  const { spawnSync } = createRequire(import.meta.url)(
    'node:child_process',
  ) as typeof import('node:child_process');
  const result = spawnSync(opa, args, { encoding: 'utf8', env: cleanEnv(env), maxBuffer: 64 * 1024 * 1024 });
  if (result.error) {
    throw new ChartlintError(
      'opa-missing',
      `${OPA_MISSING_MESSAGE} (running ${opa} failed: ${result.error.message})`,
    );
  }
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

function cleanEnv(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}

/** One error opa reported, located at its file and line (and column when opa drew a caret under it). */
export interface OpaDiagnostic {
  message: string;
  location?: Location;
}

const HEADER =
  /^(?:(?:error|Error): )?(?:[a-z ]*error: )?(?:\d+ errors? occurred(?: during loading)?:\s*)?(.*)$/;
const LOCATED = /^(.+?):(\d+): (rego_[a-z_]+): (.*)$/;

/**
 * Parses opa's error output (`file:line: rego_parse_error: message`, each optionally followed by the source line
 * and a caret) into located diagnostics. Lines opa prints without a location become unlocated diagnostics.
 */
export function parseOpaErrors(stderr: string): OpaDiagnostic[] {
  const lines = stderr.split('\n');
  const out: OpaDiagnostic[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    if (raw.startsWith('\t') || raw.trim() === '') continue;
    const text = (HEADER.exec(raw.trim())?.[1] ?? raw).trim();
    if (text === '') continue;
    const m = LOCATED.exec(text);
    if (!m) {
      out.push({ message: text });
      continue;
    }
    const location: Location = { file: (m[1] as string).replace(/\\/g, '/'), startLine: Number(m[2]) };
    const caret = lines[i + 2];
    if (lines[i + 1]?.startsWith('\t') && caret?.startsWith('\t') && /^\t *\^/.test(caret)) {
      location.startColumn = caret.indexOf('^');
    }
    out.push({ message: `${m[4]} (${m[3]})`, location });
  }
  return out;
}

/**
 * The RE2 library (re2js, a port of Go's `regexp`), loaded when a regular expression is first compiled: most charts
 * use no regex function, and most secret scans never reach an expression (DESIGN.md §11: heavy modules load only
 * when used). Required rather than imported, so that neither the modules nor the CLI bundle evaluate it up front.
 */
import { createRequire } from 'node:module';
import type { RE2JS } from 're2js';

let loaded: typeof RE2JS | undefined;

/** re2js' `RE2JS` class, required on first call. */
export function re2js(): typeof RE2JS {
  loaded ??= (createRequire(import.meta.url)('re2js') as typeof import('re2js')).RE2JS;
  return loaded;
}

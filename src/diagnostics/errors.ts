import type { Location } from './location.js';

/**
 * The closed set of error codes chartlint raises. Each maps to exit code 2 in the CLI unless it is turned into a
 * finding (render errors are findings, not exceptions).
 */
export const ERROR_CODES = [
  'usage',
  'config-invalid',
  'chart-invalid',
  'archive-invalid',
  'values-invalid',
  'io',
  'helm-missing',
  'opa-missing',
  'policy-invalid',
  'template-parse',
  'template-exec',
  'limit-exceeded',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A problem chartlint reports to the user with a location when it has one. Never carries a secret value. */
export class ChartlintError extends Error {
  readonly code: ErrorCode;
  readonly location: Location | undefined;
  /** Further problems of the same kind reported together (e.g. every schema error of a config file). */
  readonly details: readonly { message: string; location?: Location }[];

  constructor(
    code: ErrorCode,
    message: string,
    options: {
      location?: Location;
      details?: { message: string; location?: Location }[];
      cause?: unknown;
    } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ChartlintError';
    this.code = code;
    this.location = options.location;
    this.details = options.details ?? [];
  }
}

/** Formats `file:line:col: message`, the one-line form used on stderr. */
export function formatLocated(message: string, location?: Location): string {
  if (!location) return message;
  let where = location.file;
  if (location.startLine !== undefined) {
    where += `:${location.startLine}`;
    if (location.startColumn !== undefined) where += `:${location.startColumn}`;
  }
  return `${where}: ${message}`;
}

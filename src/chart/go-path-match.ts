/**
 * Go's `path/filepath.Match` for `/`-separated names (what `.helmignore` patterns use): `*` matches any run of
 * non-`/` characters, `?` one non-`/` character, `[...]` a class (`^` negates, ranges, `\` escapes; a class may match `/`), `\` escapes.
 * A malformed pattern is reported as Go's `syntax error in pattern` (ErrBadPattern).
 */

/** Go's `filepath.ErrBadPattern` text. */
export const BAD_PATTERN = 'syntax error in pattern';

/** Thrown for malformed patterns. */
export class BadPatternError extends Error {
  constructor() {
    super(BAD_PATTERN);
    this.name = 'BadPatternError';
  }
}

/** Matches `name` against `pattern` exactly as Go's filepath.Match does (on Unix). Throws {@link BadPatternError}. */
export function goPathMatch(pattern: string, name: string): boolean {
  const p = [...pattern];
  const n = [...name];
  return matchFrom(p, 0, n, 0);
}

/** Validates a pattern the way Go does when matching it against a non-empty name (every part is parsed). */
export function checkGoPattern(pattern: string): void {
  const p = [...pattern];
  let i = 0;
  while (i < p.length) {
    const ch = p[i];
    if (ch === '[') i = parseClass(p, i, undefined).next;
    else if (ch === '\\') {
      if (i + 1 >= p.length) throw new BadPatternError();
      i += 2;
    } else i++;
  }
}

function matchFrom(p: string[], pi: number, n: string[], ni: number): boolean {
  while (pi < p.length) {
    const ch = p[pi] as string;
    if (ch === '*') {
      // Collapse consecutive stars; a star never crosses `/`.
      while (p[pi] === '*') pi++;
      if (pi === p.length) return !n.slice(ni).includes('/');
      for (let k = ni; k <= n.length; k++) {
        if (matchFrom(p, pi, n, k)) return true;
        if (n[k] === '/') break;
      }
      // Go still parses the rest of the pattern to report a bad pattern.
      checkGoPattern(p.slice(pi).join(''));
      return false;
    }
    if (ni >= n.length) {
      checkGoPattern(p.slice(pi).join(''));
      return false;
    }
    const c = n[ni] as string;
    if (ch === '?') {
      if (c === '/') return false;
      pi++;
      ni++;
    } else if (ch === '[') {
      const { next, matched } = parseClass(p, pi, c);
      if (!matched) return false;
      pi = next;
      ni++;
    } else if (ch === '\\') {
      if (pi + 1 >= p.length) throw new BadPatternError();
      if (p[pi + 1] !== c) return false;
      pi += 2;
      ni++;
    } else {
      if (ch !== c) return false;
      pi++;
      ni++;
    }
  }
  return ni === n.length;
}

/** Parses the class starting at `p[start] === '['`; tells whether `c` (if given) is in it and where it ends. */
function parseClass(p: string[], start: number, c: string | undefined): { next: number; matched: boolean } {
  let i = start + 1;
  const negated = p[i] === '^';
  if (negated) i++;
  let matched = false;
  let first = true;
  for (;;) {
    if (i < p.length && p[i] === ']' && !first) {
      i++;
      break;
    }
    const lo = classChar(p, i);
    i = lo.next;
    let hi = lo.ch;
    if (p[i] === '-') {
      const upper = classChar(p, i + 1);
      hi = upper.ch;
      i = upper.next;
      if (hi < lo.ch) throw new BadPatternError();
    }
    if (c !== undefined && lo.ch <= c && c <= hi) matched = true;
    first = false;
  }
  return { next: i, matched: matched !== negated };
}

function classChar(p: string[], i: number): { ch: string; next: number } {
  let ch = p[i];
  if (ch === undefined || ch === '-' || ch === ']') throw new BadPatternError();
  if (ch === '\\') {
    ch = p[i + 1];
    if (ch === undefined) throw new BadPatternError();
    return { ch, next: i + 2 };
  }
  return { ch, next: i + 1 };
}

/**
 * The glob syntax of `.Files.Glob` (gobwas/glob compiled with `/` as separator, helm-render-spec.md §6.5):
 * `*` and `?` stay within one path segment, `**` crosses segments, `[abc]`/`[a-z]`/`[!…]` classes, `{a,b}`
 * alternatives (nestable), `\` escapes the next character. Compiled to an anchored JavaScript RegExp.
 */

/** A pattern gobwas would refuse to compile (unclosed class or alternative, trailing escape …). */
export class GlobSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GlobSyntaxError';
  }
}

/** Characters escaped outside and inside a RegExp character class (the `u` flag allows no other escapes). */
const SPECIAL = new Set(['\\', '^', '$', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '/']);
const CLASS_SPECIAL = new Set(['\\', ']', '[', '^', '-']);

function literal(ch: string): string {
  return SPECIAL.has(ch) ? `\\${ch}` : ch;
}

function classLiteral(ch: string): string {
  return CLASS_SPECIAL.has(ch) ? `\\${ch}` : ch;
}

class GlobParser {
  private i = 0;
  private readonly chars: string[];

  constructor(pattern: string) {
    this.chars = [...pattern];
  }

  parse(): string {
    const re = this.sequence(false);
    if (this.i < this.chars.length) throw new GlobSyntaxError(`unexpected ${this.chars[this.i] ?? ''}`);
    return re;
  }

  /** A run of tokens; inside `{…}` it stops at `,` or `}`. */
  private sequence(inAlternatives: boolean): string {
    let out = '';
    while (this.i < this.chars.length) {
      const c = this.chars[this.i] as string;
      if (inAlternatives && (c === ',' || c === '}')) return out;
      this.i++;
      switch (c) {
        case '*':
          if (this.chars[this.i] === '*') {
            this.i++;
            out += '.*';
          } else {
            out += '[^/]*';
          }
          break;
        case '?':
          out += '[^/]';
          break;
        case '[':
          out += this.charClass();
          break;
        case '{':
          out += this.alternatives();
          break;
        case '\\': {
          const next = this.chars[this.i];
          if (next === undefined) throw new GlobSyntaxError('unexpected end of pattern after escape');
          this.i++;
          out += literal(next);
          break;
        }
        default:
          out += literal(c);
      }
    }
    return out;
  }

  private charClass(): string {
    let negate = false;
    if (this.chars[this.i] === '!') {
      negate = true;
      this.i++;
    }
    let body = '';
    let count = 0;
    while (this.i < this.chars.length && this.chars[this.i] !== ']') {
      const lo = this.chars[this.i++] as string;
      if (
        this.chars[this.i] === '-' &&
        this.chars[this.i + 1] !== undefined &&
        this.chars[this.i + 1] !== ']'
      ) {
        const hi = this.chars[this.i + 1] as string;
        this.i += 2;
        if (hi < lo) throw new GlobSyntaxError(`invalid range ${lo}-${hi}`);
        body += `${classLiteral(lo)}-${classLiteral(hi)}`;
      } else {
        body += classLiteral(lo);
      }
      count++;
    }
    if (this.chars[this.i] !== ']') throw new GlobSyntaxError('unclosed character class');
    this.i++;
    if (count === 0) throw new GlobSyntaxError('empty character class');
    // A negated class never matches the separator, as gobwas's does not.
    return negate ? `[^/${body}]` : `[${body}]`;
  }

  private alternatives(): string {
    const options: string[] = [];
    for (;;) {
      options.push(this.sequence(true));
      const c = this.chars[this.i];
      if (c === undefined) throw new GlobSyntaxError('unclosed alternatives');
      this.i++;
      if (c === '}') break;
    }
    return `(?:${options.join('|')})`;
  }
}

/** Compiles a glob; throws {@link GlobSyntaxError} for a pattern gobwas rejects. */
export function compileGlob(pattern: string): RegExp {
  return new RegExp(`^${new GlobParser(pattern).parse()}$`, 'su');
}

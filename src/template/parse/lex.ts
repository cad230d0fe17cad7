/**
 * The lexer of Go's text/template (helm-render-spec.md §8.1), ported state by state so that token boundaries,
 * trim markers and error texts match Go's `text/template/parse/lex.go`.
 *
 * Offsets are indices into the JavaScript string (UTF-16 code units); {@link byteColumn} converts them to the
 * byte columns Go prints in execution errors.
 */

/** Kinds of lexical items, named as Go names them (without the `item` prefix). */
export type TokenType =
  | 'error'
  | 'bool'
  | 'char'
  | 'charConstant'
  | 'complex'
  | 'assign'
  | 'declare'
  | 'eof'
  | 'field'
  | 'identifier'
  | 'leftDelim'
  | 'leftParen'
  | 'number'
  | 'pipe'
  | 'rawString'
  | 'rightDelim'
  | 'rightParen'
  | 'space'
  | 'string'
  | 'text'
  | 'variable'
  // Keywords (Go's item kinds after itemKeyword).
  | 'block'
  | 'break'
  | 'continue'
  | 'dot'
  | 'define'
  | 'else'
  | 'end'
  | 'if'
  | 'nil'
  | 'range'
  | 'template'
  | 'with';

/** One lexical item: its kind, its text (or error message), its offset and its 1-based line. */
export interface Token {
  type: TokenType;
  /** Source text of the token; for `error` tokens the error message. */
  val: string;
  /** Offset of the token's first character in the template text. */
  pos: number;
  /** 1-based line on which the token starts. */
  line: number;
}

const KEYWORDS: ReadonlyMap<string, TokenType> = new Map<string, TokenType>([
  ['.', 'dot'],
  ['block', 'block'],
  ['break', 'break'],
  ['continue', 'continue'],
  ['define', 'define'],
  ['else', 'else'],
  ['end', 'end'],
  ['if', 'if'],
  ['range', 'range'],
  ['nil', 'nil'],
  ['template', 'template'],
  ['with', 'with'],
]);

/** True for keyword token types (Go prints them as `<val>` in error messages). */
export function isKeyword(type: TokenType): boolean {
  return KEYWORD_TYPES.has(type);
}
const KEYWORD_TYPES: ReadonlySet<TokenType> = new Set(KEYWORDS.values());

/** Lexer options; Go derives `breakOK`/`continueOK` from whether a function of that name exists. */
export interface LexOptions {
  leftDelim?: string;
  rightDelim?: string;
  /** `break` is a keyword (true unless a function named `break` is defined). */
  breakOK?: boolean;
  /** `continue` is a keyword (true unless a function named `continue` is defined). */
  continueOK?: boolean;
}

const LEFT_COMMENT = '/*';
const RIGHT_COMMENT = '*/';
const SPACE_CHARS = ' \t\r\n';
/** A trim marker is the dash plus the one whitespace character next to it. */
const TRIM_MARKER_LEN = 2;

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n';
}

const ALNUM = /^[\p{L}\p{Nd}_]$/u;
/** Go's isAlphaNumeric: underscore, Unicode letter or decimal digit. */
function isAlphaNumeric(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 0x80) {
    return (
      code === 0x5f ||
      (code >= 0x30 && code <= 0x39) ||
      (code >= 0x41 && code <= 0x5a) ||
      (code >= 0x61 && code <= 0x7a)
    );
  }
  return ALNUM.test(c);
}

function hasLeftTrimMarker(s: string, at: number): boolean {
  return s[at] === '-' && isSpace(s[at + 1]);
}

function hasRightTrimMarker(s: string, at: number): boolean {
  return isSpace(s[at]) && s[at + 1] === '-';
}

/** Go's `%#U` rendering of a rune, e.g. `U+002D '-'`. */
export function formatRune(c: string): string {
  const cp = c.codePointAt(0) ?? 0;
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  // Go prints the character itself only when it is printable.
  const printable = !/[\p{C}\p{Z}]/u.test(c) || c === ' ';
  return printable ? `U+${hex} '${c}'` : `U+${hex}`;
}

/**
 * Splits a template into tokens. Lexing stops at the first error, which becomes the last token (type `error`,
 * `val` = Go's message); otherwise the last token is `eof`.
 */
export function lex(input: string, options: LexOptions = {}): Token[] {
  return new Lexer(input, options).run();
}

type StateFn = (() => StateFn) | null;

class Lexer {
  private readonly leftDelim: string;
  private readonly rightDelim: string;
  private readonly breakOK: boolean;
  private readonly continueOK: boolean;
  private pos = 0;
  private start = 0;
  private parenDepth = 0;
  private readonly tokens: Token[] = [];
  /** Offsets of line starts, to give each token its line. */
  private readonly lineStarts: number[] = [0];

  constructor(
    private readonly input: string,
    options: LexOptions,
  ) {
    this.leftDelim = options.leftDelim || '{{';
    this.rightDelim = options.rightDelim || '}}';
    this.breakOK = options.breakOK ?? true;
    this.continueOK = options.continueOK ?? true;
    for (let i = input.indexOf('\n'); i >= 0; i = input.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  run(): Token[] {
    let state: StateFn = this.lexText;
    while (state) state = state.call(this);
    return this.tokens;
  }

  private lineAt(offset: number): number {
    const ls = this.lineStarts;
    let lo = 0;
    let hi = ls.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((ls[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  private next(): string | undefined {
    if (this.pos >= this.input.length) {
      this.pos = this.input.length + 1; // Remember that we consumed EOF so backup() is symmetric.
      return undefined;
    }
    const cp = this.input.codePointAt(this.pos) ?? 0;
    const c = String.fromCodePoint(cp);
    this.pos += c.length;
    return c;
  }

  private backupChar(c: string | undefined): void {
    this.pos -= c === undefined ? 1 : c.length;
  }

  private peek(): string | undefined {
    if (this.pos >= this.input.length) return undefined;
    return String.fromCodePoint(this.input.codePointAt(this.pos) ?? 0);
  }

  private emit(type: TokenType): StateFn {
    this.tokens.push({
      type,
      val: this.input.slice(this.start, this.pos),
      pos: this.start,
      line: this.lineAt(this.start),
    });
    this.start = this.pos;
    return type === 'eof' ? null : this.afterEmit();
  }

  /** The state that follows an emitted token: inside an action or in text. */
  private afterEmit(): StateFn {
    return this.insideAction ? this.lexInsideAction : this.lexText;
  }

  private insideAction = false;

  private ignore(): void {
    this.start = this.pos;
  }

  private errorf(message: string): StateFn {
    this.tokens.push({ type: 'error', val: message, pos: this.start, line: this.lineAt(this.start) });
    return null;
  }

  private accept(valid: string): boolean {
    const c = this.next();
    if (c !== undefined && valid.includes(c)) return true;
    this.backupChar(c);
    return false;
  }

  private acceptRun(valid: string): void {
    for (;;) {
      const c = this.next();
      if (c === undefined || !valid.includes(c)) {
        this.backupChar(c);
        return;
      }
    }
  }

  private atRightDelim(): { delim: boolean; trimSpaces: boolean } {
    if (
      hasRightTrimMarker(this.input, this.pos) &&
      this.input.startsWith(this.rightDelim, this.pos + TRIM_MARKER_LEN)
    ) {
      return { delim: true, trimSpaces: true };
    }
    if (this.input.startsWith(this.rightDelim, this.pos)) return { delim: true, trimSpaces: false };
    return { delim: false, trimSpaces: false };
  }

  private atTerminator(): boolean {
    const c = this.peek();
    if (c === undefined || isSpace(c)) return true;
    switch (c) {
      case '.':
      case ',':
      case '|':
      case ':':
      case ')':
      case '(':
        return true;
    }
    // Go compares with the first rune of the right delimiter only.
    return c === String.fromCodePoint(this.rightDelim.codePointAt(0) ?? 0);
  }

  private lexText(): StateFn {
    const x = this.input.indexOf(this.leftDelim, this.pos);
    if (x >= 0) {
      if (x > this.pos) {
        this.pos = x;
        let trimLength = 0;
        if (hasLeftTrimMarker(this.input, x + this.leftDelim.length)) {
          const text = this.input.slice(this.start, this.pos);
          trimLength = text.length - trimRightSpace(text).length;
        }
        this.pos -= trimLength;
        const val = this.input.slice(this.start, this.pos);
        const tokenStart = this.start;
        this.pos += trimLength;
        this.ignore();
        if (val.length > 0) {
          this.tokens.push({ type: 'text', val, pos: tokenStart, line: this.lineAt(tokenStart) });
        }
      }
      return this.lexLeftDelim;
    }
    this.pos = this.input.length;
    if (this.pos > this.start) {
      this.emit('text');
    }
    return this.emit('eof');
  }

  private lexLeftDelim(): StateFn {
    this.pos += this.leftDelim.length;
    const trimSpace = hasLeftTrimMarker(this.input, this.pos);
    const afterMarker = trimSpace ? TRIM_MARKER_LEN : 0;
    if (this.input.startsWith(LEFT_COMMENT, this.pos + afterMarker)) {
      this.pos += afterMarker;
      this.ignore();
      return this.lexComment;
    }
    this.tokens.push({
      type: 'leftDelim',
      val: this.input.slice(this.start, this.pos),
      pos: this.start,
      line: this.lineAt(this.start),
    });
    this.insideAction = true;
    this.pos += afterMarker;
    this.ignore();
    this.parenDepth = 0;
    return this.lexInsideAction;
  }

  private lexComment(): StateFn {
    this.pos += LEFT_COMMENT.length;
    const x = this.input.indexOf(RIGHT_COMMENT, this.pos);
    if (x < 0) return this.errorf('unclosed comment');
    this.pos = x + RIGHT_COMMENT.length;
    const { delim, trimSpaces } = this.atRightDelim();
    if (!delim) return this.errorf('comment ends before closing delimiter');
    if (trimSpaces) this.pos += TRIM_MARKER_LEN;
    this.pos += this.rightDelim.length;
    if (trimSpaces) this.pos += leftSpaceLength(this.input, this.pos);
    this.ignore();
    return this.lexText;
  }

  private lexRightDelim(): StateFn {
    const { trimSpaces } = this.atRightDelim();
    if (trimSpaces) {
      this.pos += TRIM_MARKER_LEN;
      this.ignore();
    }
    this.pos += this.rightDelim.length;
    this.tokens.push({
      type: 'rightDelim',
      val: this.input.slice(this.start, this.pos),
      pos: this.start,
      line: this.lineAt(this.start),
    });
    this.start = this.pos;
    if (trimSpaces) {
      this.pos += leftSpaceLength(this.input, this.pos);
      this.ignore();
    }
    this.insideAction = false;
    return this.lexText;
  }

  private lexInsideAction(): StateFn {
    const { delim } = this.atRightDelim();
    if (delim) {
      if (this.parenDepth === 0) return this.lexRightDelim;
      return this.errorf('unclosed left paren');
    }
    const c = this.next();
    if (c === undefined) return this.errorf('unclosed action');
    if (isSpace(c)) {
      this.backupChar(c); // Put space back in case we have " -}}".
      return this.lexSpace;
    }
    switch (c) {
      case '=':
        return this.emit('assign');
      case ':':
        if (this.next() !== '=') {
          return this.errorf('expected :=');
        }
        return this.emit('declare');
      case '|':
        return this.emit('pipe');
      case '"':
        return this.lexQuote;
      case '`':
        return this.lexRawQuote;
      case '$':
        return this.lexVariable;
      case "'":
        return this.lexChar;
      case '(':
        this.parenDepth++;
        return this.emit('leftParen');
      case ')':
        this.parenDepth--;
        if (this.parenDepth < 0) return this.errorf('unexpected right paren');
        return this.emit('rightParen');
    }
    if (c === '.') {
      // A '.' followed by a non-digit is a field; otherwise it may start a number.
      const n = this.input[this.pos];
      if (this.pos < this.input.length && n !== undefined && (n < '0' || n > '9')) return this.lexField;
      this.backupChar(c);
      return this.lexNumber;
    }
    if (c === '+' || c === '-' || (c >= '0' && c <= '9')) {
      this.backupChar(c);
      return this.lexNumber;
    }
    if (isAlphaNumeric(c)) {
      this.backupChar(c);
      return this.lexIdentifier;
    }
    const code = c.codePointAt(0) ?? 0;
    if (code <= 0x7f && code >= 0x20 && code !== 0x7f) return this.emit('char');
    return this.errorf(`unrecognized character in action: ${formatRune(c)}`);
  }

  private lexSpace(): StateFn {
    let numSpaces = 0;
    while (isSpace(this.peek())) {
      this.next();
      numSpaces++;
    }
    // A trim-marked closing delimiter has a dash after a space: leave that space to ' -}}'.
    if (
      hasRightTrimMarker(this.input, this.pos - 1) &&
      this.input.startsWith(this.rightDelim, this.pos - 1 + TRIM_MARKER_LEN)
    ) {
      this.pos--;
      if (numSpaces === 1) return this.lexInsideAction;
    }
    return this.emit('space');
  }

  private lexIdentifier(): StateFn {
    for (;;) {
      const c = this.next();
      if (isAlphaNumeric(c)) continue;
      this.backupChar(c);
      const word = this.input.slice(this.start, this.pos);
      if (!this.atTerminator()) return this.errorf(`bad character ${formatRune(c ?? '')}`);
      const kw = KEYWORDS.get(word);
      if (kw !== undefined) {
        if ((kw === 'break' && !this.breakOK) || (kw === 'continue' && !this.continueOK))
          return this.emit('identifier');
        return this.emit(kw);
      }
      if (word === 'true' || word === 'false') return this.emit('bool');
      return this.emit('identifier');
    }
  }

  private lexField(): StateFn {
    return this.lexFieldOrVariable('field');
  }

  private lexVariable(): StateFn {
    if (this.atTerminator()) return this.emit('variable'); // "$" alone.
    return this.lexFieldOrVariable('variable');
  }

  private lexFieldOrVariable(type: 'field' | 'variable'): StateFn {
    if (this.atTerminator()) return this.emit(type === 'variable' ? 'variable' : 'dot');
    let c: string | undefined;
    for (;;) {
      c = this.next();
      if (!isAlphaNumeric(c)) {
        this.backupChar(c);
        break;
      }
    }
    if (!this.atTerminator()) return this.errorf(`bad character ${formatRune(c ?? '')}`);
    return this.emit(type);
  }

  private lexChar(): StateFn {
    for (;;) {
      const c = this.next();
      if (c === '\\') {
        const r = this.next();
        if (r !== undefined && r !== '\n') continue;
        return this.errorf('unterminated character constant');
      }
      if (c === undefined || c === '\n') return this.errorf('unterminated character constant');
      if (c === "'") break;
    }
    return this.emit('charConstant');
  }

  private lexNumber(): StateFn {
    if (!this.scanNumber())
      return this.errorf(`bad number syntax: ${goQuoteAscii(this.input.slice(this.start, this.pos))}`);
    const sign = this.peek();
    if (sign === '+' || sign === '-') {
      // Complex: 1+2i. No spaces, must end in 'i'.
      if (!this.scanNumber() || this.input[this.pos - 1] !== 'i') {
        return this.errorf(`bad number syntax: ${goQuoteAscii(this.input.slice(this.start, this.pos))}`);
      }
      return this.emit('complex');
    }
    return this.emit('number');
  }

  private scanNumber(): boolean {
    this.accept('+-');
    let digits = '0123456789_';
    if (this.accept('0')) {
      // A leading 0 does not mean octal in floats, so only the explicit prefixes switch the digit set.
      if (this.accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (this.accept('oO')) digits = '01234567_';
      else if (this.accept('bB')) digits = '01_';
    }
    this.acceptRun(digits);
    if (this.accept('.')) this.acceptRun(digits);
    if (digits.length === 11 && this.accept('eE')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    if (digits.length === 23 && this.accept('pP')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    this.accept('i');
    if (isAlphaNumeric(this.peek())) {
      this.next();
      return false;
    }
    return true;
  }

  private lexQuote(): StateFn {
    for (;;) {
      const c = this.next();
      if (c === '\\') {
        const r = this.next();
        if (r !== undefined && r !== '\n') continue;
        return this.errorf('unterminated quoted string');
      }
      if (c === undefined || c === '\n') return this.errorf('unterminated quoted string');
      if (c === '"') break;
    }
    return this.emit('string');
  }

  private lexRawQuote(): StateFn {
    for (;;) {
      const c = this.next();
      if (c === undefined) return this.errorf('unterminated raw quoted string');
      if (c === '`') break;
    }
    return this.emit('rawString');
  }
}

function trimRightSpace(s: string): string {
  let end = s.length;
  while (end > 0 && SPACE_CHARS.includes(s[end - 1] ?? '')) end--;
  return s.slice(0, end);
}

function leftSpaceLength(s: string, from: number): number {
  let i = from;
  while (i < s.length && SPACE_CHARS.includes(s[i] ?? '')) i++;
  return i - from;
}

/** `%q` of a short ASCII-ish token text (numbers), as the lexer's messages quote it. */
function goQuoteAscii(s: string): string {
  return JSON.stringify(s);
}

/** Go's byte column of `offset` within its line (0-based), as execution errors print it. */
export function byteColumn(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return Buffer.byteLength(text.slice(lineStart, offset), 'utf8');
}

/** 1-based line of `offset` in `text`. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * The block-style YAML emitter that go-yaml v2 and v3 share (both are ports of libyaml's emitter), reduced to
 * what Helm's `toYaml`/`toYamlPretty` produce: one implicit document of block mappings, block sequences,
 * empty flow collections and scalars without tags or anchors.
 *
 * The scalar analysis, the style downgrades (plain → single-quoted → double-quoted), the indentation rules and the
 * line folding at `bestWidth` columns follow libyaml's decisions, because users indent this output into
 * manifests and any difference changes the rendered bytes. Columns count characters (runes), as go-yaml does.
 *
 * Each output line remembers the origin of the scalar written on it (DESIGN.md §7 provenance).
 */
import type { ValueOrigin } from '../../values/model.js';

/** The style a front end asks for; the emitter may still downgrade plain and literal to a quoted style. */
export type RequestedStyle = 'plain' | 'double' | 'literal';

/** A node of the document to emit. */
export type EmitNode =
  | { kind: 'scalar'; value: string; style: RequestedStyle }
  | { kind: 'seq'; items: EmitSlot[] }
  | { kind: 'map'; entries: EmitEntry[] };

/** A sequence item with the provenance of its list slot. */
export interface EmitSlot {
  node: EmitNode;
  origin: ValueOrigin | undefined;
}

/** A mapping entry (key already ordered by the front end) with the provenance of its map entry. */
export interface EmitEntry {
  key: EmitNode;
  value: EmitNode;
  origin: ValueOrigin | undefined;
}

/** How the two go-yaml generations differ in layout. */
export interface EmitterOptions {
  /** Column after which scalars are folded at a space (go-yaml v2: 80); `Infinity` disables folding (v3). */
  bestWidth: number;
  /** go-yaml v2 writes a sequence that is a mapping value without extra indentation (`key:\n- a`); v3 indents. */
  indentlessSequencesInMappings: boolean;
  /**
   * go-yaml v3 lets a tab stay in a literal block (it only rules out plain and single-quoted styles); v2 treats
   * a tab like any other special character and double-quotes the value.
   */
  tabsInBlockScalars: boolean;
}

/** Emitted text and, for each output line, the origin of the value written on it. */
export interface EmittedYaml {
  text: string;
  lineOrigins: (ValueOrigin | undefined)[];
}

const BEST_INDENT = 2;

/** A key longer than this many UTF-8 bytes is written as a complex key (`? key`), as libyaml does. */
const MAX_SIMPLE_KEY_BYTES = 128;

const isBreakChar = (c: number): boolean =>
  c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;

/**
 * libyaml's `is_printable` on the UTF-8 form: LF, printable ASCII, and U+00A0…U+FFFD without the BOM, U+FFFE and
 * surrogates. Characters outside the BMP count as non-printable, which is why go-yaml escapes emoji.
 */
function isPrintable(c: number): boolean {
  if (c === 0x0a || (c >= 0x20 && c <= 0x7e)) return true;
  if (c >= 0xa0 && c <= 0xd7ff) return true;
  if (c >= 0xe000 && c <= 0xfffd) return c !== 0xfeff;
  return false;
}

function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** The outcome of libyaml's `yaml_emitter_analyze_scalar`: which styles can represent the text faithfully. */
interface ScalarAnalysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

function analyzeScalar(value: string, tabsInBlockScalars: boolean): ScalarAnalysis {
  const chars = Array.from(value, (ch) => ch.codePointAt(0) ?? 0);
  if (chars.length === 0) {
    return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }
  let blockIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let tabCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;

  if (value.startsWith('---') || value.startsWith('...')) blockIndicators = true;

  let precededByWhitespace = true;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? 0;
    const next = chars[i + 1];
    // The end of the value counts as whitespace; a line break does not (go-yaml's is_blank).
    const followedByWhitespace = next === undefined || next === 0x20 || next === 0x09;
    const ch = String.fromCodePoint(c);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      else if ((ch === '?' || ch === ':' || ch === '-') && followedByWhitespace) blockIndicators = true;
    } else if ((ch === ':' && followedByWhitespace) || (ch === '#' && precededByWhitespace)) {
      blockIndicators = true;
    }

    if (c === 0x09 && tabsInBlockScalars) tabCharacters = true;
    else if (!isPrintable(c)) specialCharacters = true;
    const last = i === chars.length - 1;
    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreakChar(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = c === 0x20 || c === 0x09 || isBreakChar(c) || c === 0;
  }

  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  let blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (trailingSpace) blockAllowed = false;
  if (breakSpace) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || tabCharacters || specialCharacters) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) blockAllowed = false;
  if (lineBreaks || blockIndicators) blockPlainAllowed = false;
  return { multiline: lineBreaks, blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}

type FinalStyle = 'plain' | 'single' | 'double' | 'literal';

/** libyaml's `yaml_emitter_select_scalar_style` for block context (flow collections here are always empty). */
function selectStyle(
  requested: RequestedStyle,
  a: ScalarAnalysis,
  simpleKey: boolean,
  empty: boolean,
): FinalStyle {
  let style: FinalStyle = requested;
  if (simpleKey && a.multiline) style = 'double';
  if (style === 'plain') {
    if (!a.blockPlainAllowed) style = 'single';
    if (empty && simpleKey) style = 'single';
  }
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
  return style;
}

/** Escape letters of double-quoted scalars, by code point. */
const DOUBLE_QUOTED_ESCAPES = new Map<number, string>([
  [0x00, '0'],
  [0x07, 'a'],
  [0x08, 'b'],
  [0x09, 't'],
  [0x0a, 'n'],
  [0x0b, 'v'],
  [0x0c, 'f'],
  [0x0d, 'r'],
  [0x1b, 'e'],
  [0x22, '"'],
  [0x5c, '\\'],
  [0x85, 'N'],
  [0xa0, '_'],
  [0x2028, 'L'],
  [0x2029, 'P'],
]);

/** The emitter's writer state, named after libyaml's fields. */
class Emitter {
  private out = '';
  private column = 0;
  private line = 0;
  private whitespace = true;
  private indention = true;
  private indent = -1;
  private readonly indents: number[] = [];
  private mappingContext = false;
  private simpleKeyContext = false;
  private origin: ValueOrigin | undefined;
  readonly lineOrigins: (ValueOrigin | undefined)[] = [];

  constructor(private readonly options: EmitterOptions) {}

  get text(): string {
    return this.out;
  }

  private put(ch: string): void {
    this.out += ch;
    this.column++;
  }

  /** Writes one character of a scalar and marks its line with the scalar's origin. */
  private writeScalarChar(ch: string): void {
    if (this.origin) this.lineOrigins[this.line] = this.origin;
    this.put(ch);
  }

  private putBreak(): void {
    this.out += '\n';
    this.column = 0;
    this.line++;
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace))
      this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(
    indicator: string,
    needWhitespace: boolean,
    isWhitespace: boolean,
    isIndention: boolean,
  ) {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const ch of indicator) this.put(ch);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private popIndent(): void {
    this.indent = this.indents.pop() ?? -1;
  }

  /** Emits the single document: the root node, then the implicit document end. */
  emitDocument(root: EmitNode): void {
    this.emitNode(root, { mapping: false, simpleKey: false });
    // The implicit document end starts a new line unless the last write already ended one.
    this.writeIndent();
  }

  private emitNode(node: EmitNode, ctx: { mapping: boolean; simpleKey: boolean }): void {
    this.mappingContext = ctx.mapping;
    this.simpleKeyContext = ctx.simpleKey;
    switch (node.kind) {
      case 'scalar':
        this.emitScalar(node.value, node.style);
        return;
      case 'seq':
        if (node.items.length === 0) this.emitEmptyFlow('[', ']');
        else this.emitBlockSequence(node.items);
        return;
      case 'map':
        if (node.entries.length === 0) this.emitEmptyFlow('{', '}');
        else this.emitBlockMapping(node.entries);
        return;
    }
  }

  private emitEmptyFlow(open: string, close: string): void {
    if (this.origin) this.lineOrigins[this.line] ??= this.origin;
    this.writeIndicator(open, true, true, false);
    this.increaseIndent(true, false);
    this.popIndent();
    this.writeIndicator(close, false, false, false);
  }

  private emitBlockSequence(items: EmitSlot[]): void {
    const indentless = this.options.indentlessSequencesInMappings && this.mappingContext && !this.indention;
    this.increaseIndent(false, indentless);
    const outer = this.origin;
    for (const item of items) {
      this.origin = item.origin ?? outer;
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.emitNode(item.node, { mapping: false, simpleKey: false });
    }
    this.origin = outer;
    this.popIndent();
  }

  private emitBlockMapping(entries: EmitEntry[]): void {
    this.increaseIndent(false, false);
    const outer = this.origin;
    for (const entry of entries) {
      this.origin = entry.origin ?? outer;
      this.writeIndent();
      if (this.isSimpleKey(entry.key)) {
        this.emitNode(entry.key, { mapping: true, simpleKey: true });
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.emitNode(entry.key, { mapping: true, simpleKey: false });
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.emitNode(entry.value, { mapping: true, simpleKey: false });
    }
    this.origin = outer;
    this.popIndent();
  }

  /** libyaml's `yaml_emitter_check_simple_key`: short single-line scalars and empty collections. */
  private isSimpleKey(key: EmitNode): boolean {
    if (key.kind === 'seq') return key.items.length === 0;
    if (key.kind === 'map') return key.entries.length === 0;
    return (
      !analyzeScalar(key.value, this.options.tabsInBlockScalars).multiline &&
      utf8Length(key.value) <= MAX_SIMPLE_KEY_BYTES
    );
  }

  private emitScalar(value: string, requested: RequestedStyle): void {
    const analysis = analyzeScalar(value, this.options.tabsInBlockScalars);
    const style = selectStyle(requested, analysis, this.simpleKeyContext, value.length === 0);
    this.increaseIndent(true, false);
    const allowBreaks = !this.simpleKeyContext;
    switch (style) {
      case 'plain':
        this.writePlain(value, allowBreaks);
        break;
      case 'single':
        this.writeSingleQuoted(value, allowBreaks);
        break;
      case 'double':
        this.writeDoubleQuoted(value, allowBreaks);
        break;
      case 'literal':
        this.writeLiteral(value);
        break;
    }
    this.popIndent();
  }

  /** True when the scalar is past the folding width at a space that may become a line break. */
  private pastWidth(): boolean {
    return this.column > this.options.bestWidth;
  }

  private writePlain(value: string, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    if (this.origin) this.lineOrigins[this.line] = this.origin;
    const chars = Array.from(value);
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i] ?? '';
      if (ch === ' ') {
        if (allowBreaks && !spaces && this.pastWidth() && chars[i + 1] !== ' ') this.writeIndent();
        else this.writeScalarChar(ch);
        spaces = true;
      } else {
        this.writeScalarChar(ch);
        this.indention = false;
        spaces = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(value: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    if (this.origin) this.lineOrigins[this.line] = this.origin;
    const chars = Array.from(value);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i] ?? '';
      const c = ch.codePointAt(0) ?? 0;
      if (ch === ' ') {
        if (
          allowBreaks &&
          !spaces &&
          this.pastWidth() &&
          i > 0 &&
          i < chars.length - 1 &&
          chars[i + 1] !== ' '
        ) {
          this.writeIndent();
        } else {
          this.writeScalarChar(ch);
        }
        spaces = true;
      } else if (isBreakChar(c)) {
        // Only line separators other than LF get here (a value with LF is a literal block); an LF is written
        // doubled because a single one would fold into a space when read back.
        if (!breaks && ch === '\n') this.putBreak();
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (ch === "'") this.writeScalarChar("'");
        this.writeScalarChar(ch);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(value: string, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    if (this.origin) this.lineOrigins[this.line] = this.origin;
    const chars = Array.from(value);
    // go-yaml's is_bom looks at the start of the value instead of the current character, so a value that starts
    // with a BOM has every character escaped.
    const escapeAll = value.startsWith('\ufeff');
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i] ?? '';
      const c = ch.codePointAt(0) ?? 0;
      if (escapeAll || !isPrintable(c) || isBreakChar(c) || ch === '"' || ch === '\\') {
        this.writeScalarChar('\\');
        const letter = DOUBLE_QUOTED_ESCAPES.get(c);
        if (letter !== undefined) {
          this.writeScalarChar(letter);
        } else {
          const [prefix, width] = c <= 0xff ? ['x', 2] : c <= 0xffff ? ['u', 4] : ['U', 8];
          for (const d of prefix + c.toString(16).toUpperCase().padStart(width, '0')) this.writeScalarChar(d);
        }
        spaces = false;
      } else if (ch === ' ') {
        if (allowBreaks && !spaces && this.pastWidth() && i > 0 && i < chars.length - 1) {
          this.writeIndent();
          // A space at the start of a continuation line would be folded away, so it is escaped.
          if (chars[i + 1] === ' ') this.writeScalarChar('\\');
        } else {
          this.writeScalarChar(ch);
        }
        spaces = true;
      } else {
        this.writeScalarChar(ch);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  /** Writes a line break from the value: LF as the emitter's break, other break characters as themselves. */
  private writeBreak(ch: string): void {
    if (ch === '\n') {
      this.putBreak();
      return;
    }
    this.writeScalarChar(ch);
    this.column = 0;
    this.line++;
  }

  /** The `|` header: an indentation digit when the text starts with a space or break, then the chomping mark. */
  private writeBlockScalarHints(value: string): void {
    const chars = Array.from(value, (ch) => ch.codePointAt(0) ?? 0);
    const first = chars[0];
    if (first !== undefined && (first === 0x20 || isBreakChar(first))) {
      this.writeIndicator(String(BEST_INDENT), false, false, false);
    }
    const last = chars[chars.length - 1];
    let chomp = '';
    if (last === undefined || !isBreakChar(last)) chomp = '-';
    else if (chars.length === 1) chomp = '+';
    else if (isBreakChar(chars[chars.length - 2] ?? 0)) chomp = '+';
    if (chomp) this.writeIndicator(chomp, false, false, false);
  }

  private writeLiteral(value: string): void {
    this.writeIndicator('|', true, false, false);
    if (this.origin) this.lineOrigins[this.line] = this.origin;
    this.writeBlockScalarHints(value);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const ch of value) {
      if (isBreakChar(ch.codePointAt(0) ?? 0)) {
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.writeScalarChar(ch);
        this.indention = false;
        breaks = false;
      }
    }
  }
}

/** Emits one YAML document the way go-yaml's encoder does, with per-line provenance. */
export function emitYamlDocument(root: EmitNode, options: EmitterOptions): EmittedYaml {
  const emitter = new Emitter(options);
  emitter.emitDocument(root);
  const text = emitter.text;
  const lineCount = text.split('\n').length;
  const lineOrigins = Array.from({ length: lineCount }, (_, i) => emitter.lineOrigins[i]);
  return { text, lineOrigins };
}

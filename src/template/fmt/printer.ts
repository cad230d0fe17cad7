/**
 * Go's `fmt` printer (`Sprint`, `Sprintln`, `Sprintf`) over the Go value model (helm-render-spec.md §2.3, §8.6,
 * §8.9). The structure follows Go's `fmt/print.go` and `fmt/format.go` — flags, width and precision, the verb
 * dispatch per kind, composite values printed element by element with the same verb, and the `%!verb(type=value)`
 * error forms — so that every output a template can observe matches Go byte for byte.
 */
import { GoBytes, GoInt, GoList, GoMap, GoObject, goTypeOf, type GoValue } from '../../values/model.js';
import { formatFloat, type FloatFormat } from './float.js';
import { canBackquote, goQuote, goQuoteRune, goQuoteRuneToASCII, goQuoteToASCII, isPrint } from './quote.js';
import { bytesToString, runeCount, runeString, runes, utf8Bytes } from './utf8.js';

/** An operand as the template engine passes it: `undefined` (no value) prints as a nil interface. */
export type FmtArg = GoValue | undefined;

const LOWER = '0123456789abcdefx';
const UPPER = '0123456789ABCDEFX';
const UINT64 = 1n << 64n;
/** Go's `tooLarge` bound for widths and precisions. */
const MAX_WIDTH = 1_000_000;

/** Go's `%p` needs an address; chartlint hands out stable fake heap addresses per object so output is repeatable. */
const addresses = new WeakMap<object, bigint>();
let nextAddress = 0xc000010000n;
function addressOf(o: object): bigint {
  let a = addresses.get(o);
  if (a === undefined) {
    a = nextAddress;
    nextAddress += 0x100n;
    addresses.set(o, a);
  }
  return a;
}

/** True when the Go type of an integer kind is signed. */
const isSignedInt = (v: GoInt): boolean => !v.type.startsWith('u');

/** The element type of a slice or map type name (`[]string` → `string`); Helm's named map types hold `interface {}`. */
function elementType(containerType: string): string {
  if (containerType.startsWith('[]')) return containerType.slice(2);
  if (containerType.startsWith('map[')) return containerType.slice(containerType.indexOf(']') + 1);
  return 'interface {}';
}

class Printer {
  buf = '';
  // Flags of the verb being formatted (Go's fmtFlags).
  private sharp = false;
  private zero = false;
  private plus = false;
  private minus = false;
  private space = false;
  private sharpV = false;
  /** `%+v`: struct fields are printed with their names. */
  private plusV = false;
  private widPresent = false;
  private precPresent = false;
  private wid = 0;
  private prec = 0;
  /** Set while printing a `%!verb(` error so Stringers are not consulted (as Go's `erroring`). */
  private erroring = false;

  clearFlags(): void {
    this.sharp = this.zero = this.plus = this.minus = this.space = false;
    this.sharpV = this.plusV = this.widPresent = this.precPresent = false;
    this.wid = this.prec = 0;
  }

  // ---- padding (format.go) ----

  private writePadding(n: number): void {
    if (n <= 0) return;
    this.buf += (this.zero && !this.minus ? '0' : ' ').repeat(n);
  }

  private pad(s: string): void {
    if (!this.widPresent || this.wid === 0) {
      this.buf += s;
      return;
    }
    const width = this.wid - runeCount(s);
    if (!this.minus) {
      this.writePadding(width);
      this.buf += s;
    } else {
      this.buf += s;
      this.writePadding(width);
    }
  }

  private truncate(s: string): string {
    if (!this.precPresent) return s;
    let n = this.prec;
    let out = '';
    for (const r of runes(s)) {
      n -= 1;
      if (n < 0) break;
      out += r.cp > 0xffff ? String.fromCodePoint(r.cp) : String.fromCharCode(r.cp);
    }
    return out;
  }

  private fmtS(s: string): void {
    this.pad(this.truncate(s));
  }

  private fmtBoolean(b: boolean): void {
    this.pad(b ? 'true' : 'false');
  }

  /** Hex encoding of a string's (or byte slice's) bytes, with Go's `#` and space flag rules. */
  private fmtSbx(bytes: Uint8Array, digits: string): void {
    let length = bytes.length;
    if (this.precPresent && this.prec < length) length = this.prec;
    let width = 2 * length;
    if (width > 0) {
      if (this.space) {
        if (this.sharp) width *= 2;
        width += length - 1;
      } else if (this.sharp) {
        width += 2;
      }
    } else {
      if (this.widPresent) this.writePadding(this.wid);
      return;
    }
    if (this.widPresent && this.wid > width && !this.minus) this.writePadding(this.wid - width);
    let out = this.sharp ? '0' + digits[16] : '';
    for (let i = 0; i < length; i++) {
      if (this.space && i > 0) {
        out += ' ';
        if (this.sharp) out += '0' + digits[16];
      }
      const c = bytes[i] ?? 0;
      out += (digits[c >> 4] ?? '') + (digits[c & 15] ?? '');
    }
    this.buf += out;
    if (this.widPresent && this.wid > width && this.minus) this.writePadding(this.wid - width);
  }

  private fmtQ(s: string): void {
    s = this.truncate(s);
    if (this.sharp && canBackquote(s)) {
      this.pad('`' + s + '`');
      return;
    }
    this.pad(this.plus ? goQuoteToASCII(s) : goQuote(s));
  }

  /** Go's `fmt.fmtInteger`: `u` is the two's-complement value for signed kinds. */
  private fmtInteger(u: bigint, base: number, signed: boolean, verb: string, digits: string): void {
    const negative = signed && u < 0n;
    const abs = negative ? -u : u;
    let prec = 0;
    if (this.precPresent) {
      prec = this.prec;
      if (prec === 0 && abs === 0n) {
        const oldZero = this.zero;
        this.zero = false;
        this.writePadding(this.wid);
        this.zero = oldZero;
        return;
      }
    } else if (this.zero && !this.minus && this.widPresent) {
      prec = this.wid;
      if (negative || this.plus || this.space) prec--;
    }
    let text = abs.toString(base);
    if (digits === UPPER) text = text.toUpperCase();
    if (text.length < prec) text = '0'.repeat(prec - text.length) + text;
    if (this.sharp) {
      if (base === 2) text = '0b' + text;
      else if (base === 8 && !text.startsWith('0')) text = '0' + text;
      else if (base === 16) text = '0' + digits[16] + text;
    }
    if (verb === 'O') text = '0o' + text;
    if (negative) text = '-' + text;
    else if (this.plus) text = '+' + text;
    else if (this.space) text = ' ' + text;
    const oldZero = this.zero;
    this.zero = false;
    this.pad(text);
    this.zero = oldZero;
  }

  /** `%#x`-style hex with or without the `0x` prefix (Go's `fmt0x64`). */
  private fmt0x64(u: bigint, leading0x: boolean): void {
    const sharp = this.sharp;
    this.sharp = leading0x;
    this.fmtInteger(u, 16, false, 'v', LOWER);
    this.sharp = sharp;
  }

  private fmtUnicode(u: bigint): void {
    let prec = 4;
    if (this.precPresent && this.prec > 4) prec = this.prec;
    let text = 'U+' + u.toString(16).toUpperCase().padStart(prec, '0');
    if (this.sharp && u <= 0x10ffffn && isPrint(Number(u)))
      text += " '" + String.fromCodePoint(Number(u)) + "'";
    const oldZero = this.zero;
    this.zero = false;
    this.pad(text);
    this.zero = oldZero;
  }

  private fmtFloatVerb(v: number, verb: string, prec: number): void {
    if (this.precPresent) prec = this.prec;
    let num = formatFloat(v, verb as FloatFormat, prec, 64);
    num = num[0] === '-' || num[0] === '+' ? num : '+' + num;
    if (this.space && num[0] === '+' && !this.plus) num = ' ' + num.slice(1);
    if (num[1] === 'I' || num[1] === 'N') {
      const oldZero = this.zero;
      this.zero = false;
      if (num[1] === 'N' && !this.space && !this.plus) num = num.slice(1);
      this.pad(num);
      this.zero = oldZero;
      return;
    }
    if (this.sharp && verb !== 'b') {
      num = this.forceDecimalPoint(num, verb, prec);
    }
    if (this.plus || num[0] !== '+') {
      if (this.zero && !this.minus && this.widPresent && this.wid > num.length) {
        this.buf += num[0];
        this.writePadding(this.wid - num.length);
        this.buf += num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  /** The `#` flag on floats: always a decimal point, and `%g` keeps its trailing zeros (Go's digit counting). */
  private forceDecimalPoint(num: string, verb: string, prec: number): string {
    let digits = 0;
    if (verb === 'v' || verb === 'g' || verb === 'G' || verb === 'x') digits = prec === -1 ? 6 : prec;
    let tail = '';
    let hasDecimalPoint = false;
    let sawNonzeroDigit = false;
    let body = num;
    for (let i = 1; i < body.length; i++) {
      const c = body[i];
      if (c === '.') {
        hasDecimalPoint = true;
        continue;
      }
      if (c === 'p' || c === 'P' || ((c === 'e' || c === 'E') && verb !== 'x' && verb !== 'X')) {
        tail = body.slice(i);
        body = body.slice(0, i);
        break;
      }
      if (c !== '0') sawNonzeroDigit = true;
      if (sawNonzeroDigit) digits--;
    }
    if (!hasDecimalPoint) {
      if (body.length === 2 && body[1] === '0') digits--;
      body += '.';
    }
    if (digits > 0) body += '0'.repeat(digits);
    return body + tail;
  }

  // ---- per-kind verb dispatch (print.go) ----

  private badVerb(verb: string, arg: FmtArg, hasArg: boolean): void {
    this.erroring = true;
    this.buf += '%!' + verb + '(';
    if (hasArg && arg !== undefined && arg !== null) {
      this.buf += goTypeOf(arg) + '=';
      this.printArg(arg, 'v');
    } else {
      this.buf += '<nil>';
    }
    this.buf += ')';
    this.erroring = false;
  }

  private fmtBool(v: boolean, verb: string): void {
    if (verb === 't' || verb === 'v') this.fmtBoolean(v);
    else this.badVerb(verb, v, true);
  }

  private fmtIntegerVerb(v: GoInt, verb: string): void {
    const signed = isSignedInt(v);
    const u = v.value;
    const asUint = u < 0n ? u + UINT64 : u;
    switch (verb) {
      case 'v':
        if (this.sharpV && !signed) this.fmt0x64(u, true);
        else this.fmtInteger(u, 10, signed, verb, LOWER);
        return;
      case 'd':
        return this.fmtInteger(u, 10, signed, verb, LOWER);
      case 'b':
        return this.fmtInteger(u, 2, signed, verb, LOWER);
      case 'o':
      case 'O':
        return this.fmtInteger(u, 8, signed, verb, LOWER);
      case 'x':
        return this.fmtInteger(u, 16, signed, verb, LOWER);
      case 'X':
        return this.fmtInteger(u, 16, signed, verb, UPPER);
      case 'c':
        return this.pad(runeString(asUint));
      case 'q': {
        const r = asUint > 0x10ffffn ? 0xfffd : Number(asUint);
        return this.pad(this.plus ? goQuoteRuneToASCII(r) : goQuoteRune(r));
      }
      case 'U':
        return this.fmtUnicode(asUint);
      default:
        this.badVerb(verb, v, true);
    }
  }

  private fmtFloat(v: number, verb: string): void {
    switch (verb) {
      case 'v':
        return this.fmtFloatVerb(v, 'g', -1);
      case 'b':
      case 'g':
      case 'G':
      case 'x':
      case 'X':
        return this.fmtFloatVerb(v, verb, -1);
      case 'f':
      case 'e':
      case 'E':
        return this.fmtFloatVerb(v, verb, 6);
      case 'F':
        return this.fmtFloatVerb(v, 'f', 6);
      default:
        this.badVerb(verb, v, true);
    }
  }

  private fmtString(v: string, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.sharpV) this.fmtQ(v);
        else this.fmtS(v);
        return;
      case 's':
        return this.fmtS(v);
      case 'x':
        return this.fmtSbx(utf8Bytes(v), LOWER);
      case 'X':
        return this.fmtSbx(utf8Bytes(v), UPPER);
      case 'q':
        return this.fmtQ(v);
      default:
        this.badVerb(verb, v, true);
    }
  }

  private fmtBytes(v: GoBytes, verb: string, typeString: string, depth: number): void {
    switch (verb) {
      case 'v':
      case 'd':
        if (this.sharpV) {
          this.buf += typeString + '{';
          v.bytes.forEach((c, i) => {
            if (i > 0) this.buf += ', ';
            this.fmt0x64(BigInt(c), true);
          });
          this.buf += '}';
        } else {
          this.buf += '[';
          v.bytes.forEach((c, i) => {
            if (i > 0) this.buf += ' ';
            this.fmtInteger(BigInt(c), 10, false, verb, LOWER);
          });
          this.buf += ']';
        }
        return;
      case 's':
        return this.fmtS(bytesToString(v.bytes));
      case 'x':
        return this.fmtSbx(v.bytes, LOWER);
      case 'X':
        return this.fmtSbx(v.bytes, UPPER);
      case 'q':
        return this.fmtQ(bytesToString(v.bytes));
      default: {
        // Other verbs format each byte as a uint8, as Go's reflection path does.
        const items = [...v.bytes].map((b) => new GoInt(BigInt(b), 'uint8'));
        this.printList(items, '[]uint8', verb, depth);
      }
    }
  }

  private fmtPointer(o: object, typeName: string, verb: string, arg: FmtArg): void {
    const u = addressOf(o);
    switch (verb) {
      case 'v':
        if (this.sharpV) {
          this.buf += '(' + typeName + ')(';
          this.fmt0x64(u, true);
          this.buf += ')';
        } else {
          this.fmt0x64(u, !this.sharp);
        }
        return;
      case 'p':
        return this.fmt0x64(u, !this.sharp);
      case 'b':
        return this.fmtInteger(u, 2, false, verb, LOWER);
      case 'o':
        return this.fmtInteger(u, 8, false, verb, LOWER);
      case 'd':
        return this.fmtInteger(u, 10, false, verb, LOWER);
      case 'x':
        return this.fmtInteger(u, 16, false, verb, LOWER);
      case 'X':
        return this.fmtInteger(u, 16, false, verb, UPPER);
      default:
        this.badVerb(verb, arg, true);
    }
  }

  /** Go's `handleMethods` for types with a `String()` method: string-like verbs print its result. */
  private handleStringer(o: GoObject, verb: string): boolean {
    if (this.erroring || this.sharpV) return false;
    if (verb !== 'v' && verb !== 's' && verb !== 'x' && verb !== 'X' && verb !== 'q') return false;
    if (o.isNilPointer()) {
      this.buf += '<nil>';
      return true;
    }
    // A pointer-receiver String() is not in the method set of the copy fmt receives.
    const s = o.stringerNeedsPointer ? undefined : o.stringer();
    if (s === undefined) return false;
    this.fmtString(s, verb);
    return true;
  }

  private printObject(o: GoObject, verb: string, depth: number): void {
    if (this.handleStringer(o, verb)) return;
    if (o.isNilPointer()) {
      this.pad('<nil>');
      return;
    }
    const fields = o.structFields();
    if (fields) this.printStruct(o.goType, fields, verb, depth);
    else this.buf += o.formatV();
  }

  /** Go's struct case of `printValue`: `{a b}`, `{A:a B:b}` under `%+v`, `T{A:"a", B:"b"}` under `%#v`. */
  private printStruct(
    type: string,
    fields: readonly (readonly [string, GoValue])[],
    verb: string,
    depth: number,
  ): void {
    if (this.sharpV) this.buf += type;
    this.buf += '{';
    fields.forEach(([name, value], i) => {
      if (i > 0) this.buf += this.sharpV ? ', ' : ' ';
      if (this.plusV || this.sharpV) this.buf += name + ':';
      this.printValue(value, verb, depth + 1);
    });
    this.buf += '}';
  }

  /** Go's `printArg`: the top-level dispatch for one operand. */
  printArg(arg: FmtArg, verb: string): void {
    if (arg === undefined || arg === null) {
      if (verb === 'T' || verb === 'v') this.pad('<nil>');
      else this.badVerb(verb, arg, false);
      return;
    }
    if (verb === 'T') {
      this.fmtS(goTypeOf(arg));
      return;
    }
    if (verb === 'p') {
      if (arg instanceof GoMap || arg instanceof GoList || arg instanceof GoBytes) {
        this.fmtPointer(arg, goTypeOf(arg), verb, arg);
      } else if (arg instanceof GoObject && arg.goType.startsWith('*')) {
        this.fmtPointer(arg, arg.goType, verb, arg);
      } else {
        this.badVerb(verb, arg, true);
      }
      return;
    }
    this.printValue(arg, verb, 0);
  }

  /** Go's `printValue`: formats a value; composites recurse into their elements with the same verb. */
  private printValue(v: GoValue, verb: string, depth: number): void {
    if (v === null) {
      // A nil inside an interface slot of a container.
      this.buf += this.sharpV ? 'interface {}(nil)' : '<nil>';
      return;
    }
    switch (typeof v) {
      case 'boolean':
        return this.fmtBool(v, verb);
      case 'number':
        return this.fmtFloat(v, verb);
      case 'string':
        return this.fmtString(v, verb);
    }
    if (v instanceof GoInt) return this.fmtIntegerVerb(v, verb);
    // A `[]byte` operand is printed by fmt's fast path, which names its type `[]byte`; nested ones go through
    // reflection, which says `[]uint8`.
    if (v instanceof GoBytes) return this.fmtBytes(v, verb, depth === 0 ? '[]byte' : '[]uint8', depth);
    if (v instanceof GoList) return this.printList(v.items, v.type, verb, depth, v.isNil);
    if (v instanceof GoMap) return this.printMap(v, verb, depth);
    this.printObject(v, verb, depth);
  }

  private printList(
    items: readonly GoValue[],
    type: string,
    verb: string,
    depth: number,
    isNil = false,
  ): void {
    if ((verb === 's' || verb === 'q' || verb === 'x' || verb === 'X') && type === '[]uint8') {
      const bytes = Uint8Array.from(items.map((i) => (i instanceof GoInt ? Number(i.value) : 0)));
      this.fmtBytes(new GoBytes(bytes), verb, type, depth);
      return;
    }
    const elem = elementType(type);
    if (this.sharpV) {
      if (isNil) {
        this.buf += type + '(nil)';
        return;
      }
      this.buf += type + '{';
      items.forEach((item, i) => {
        if (i > 0) this.buf += ', ';
        this.printElement(item, elem, verb, depth + 1);
      });
      this.buf += '}';
    } else {
      this.buf += '[';
      items.forEach((item, i) => {
        if (i > 0) this.buf += ' ';
        this.printElement(item, elem, verb, depth + 1);
      });
      this.buf += ']';
    }
  }

  private printMap(m: GoMap, verb: string, depth: number): void {
    const elem = elementType(m.type);
    if (this.sharpV && m.isNil) {
      this.buf += m.type + '(nil)';
      return;
    }
    this.buf += this.sharpV ? m.type + '{' : 'map[';
    m.sortedKeys().forEach((k, i) => {
      if (i > 0) this.buf += this.sharpV ? ', ' : ' ';
      this.printValue(k, verb, depth + 1);
      this.buf += ':';
      this.printElement(m.get(k) ?? null, elem, verb, depth + 1);
    });
    this.buf += this.sharpV ? '}' : ']';
  }

  private printElement(item: GoValue, elemType: string, verb: string, depth: number): void {
    if (item === null && elemType !== 'interface {}') {
      // A nil slice or map stored in a typed slot prints as an empty one.
      if (this.sharpV) this.buf += elemType + '(nil)';
      else this.buf += elemType.startsWith('map[') ? 'map[]' : '[]';
      return;
    }
    this.printValue(item, verb, depth);
  }

  // ---- Sprintf (print.go doPrintf) ----

  doPrintf(format: string, a: readonly FmtArg[]): void {
    const end = format.length;
    let argNum = 0;
    let afterIndex = false;
    let reordered = false;
    let goodArgNum = true;

    const parsenum = (start: number, stop: number): [number, boolean, number] => {
      if (start >= stop) return [0, false, stop];
      let num = 0;
      let isnum = false;
      let i = start;
      for (; i < stop && format.charCodeAt(i) >= 48 && format.charCodeAt(i) <= 57; i++) {
        if (num > MAX_WIDTH) return [0, false, stop];
        num = num * 10 + (format.charCodeAt(i) - 48);
        isnum = true;
      }
      return [num, isnum, i];
    };
    const argNumber = (i: number): [number, number, boolean] => {
      if (i >= end || format[i] !== '[') return [argNum, i, false];
      reordered = true;
      // Parse "[n]": at least three bytes, one-indexed.
      let index = 0;
      let wid = 1;
      let ok = false;
      if (end - i >= 3) {
        for (let j = i + 1; j < end; j++) {
          if (format[j] === ']') {
            const [n, isnum, newi] = parsenum(i + 1, j);
            wid = j - i + 1;
            if (isnum && newi === j) {
              index = n - 1;
              ok = true;
            }
            break;
          }
        }
      }
      if (ok && index >= 0 && index < a.length) return [index, i + wid, true];
      goodArgNum = false;
      return [argNum, i + wid, ok];
    };
    const intFromArg = (): [number, boolean] => {
      if (argNum >= a.length) return [0, false];
      const v = a[argNum];
      argNum++;
      if (v instanceof GoInt && v.value >= -BigInt(MAX_WIDTH) && v.value <= BigInt(MAX_WIDTH)) {
        return [Number(v.value), true];
      }
      return [0, false];
    };

    let i = 0;
    formatLoop: while (i < end) {
      goodArgNum = true;
      const lasti = i;
      while (i < end && format[i] !== '%') i++;
      if (i > lasti) this.buf += format.slice(lasti, i);
      if (i >= end) break;
      i++;
      this.clearFlags();
      simple: for (; i < end; i++) {
        const c = format[i] ?? '';
        switch (c) {
          case '#':
            this.sharp = true;
            break;
          case '0':
            this.zero = true;
            break;
          case '+':
            this.plus = true;
            break;
          case '-':
            this.minus = true;
            break;
          case ' ':
            this.space = true;
            break;
          default:
            if (c >= 'a' && c <= 'z' && argNum < a.length) {
              if (c === 'v') this.adjustForV();
              this.printArg(a[argNum], c);
              argNum++;
              i++;
              continue formatLoop;
            }
            break simple;
        }
      }

      [argNum, i, afterIndex] = argNumber(i);

      if (i < end && format[i] === '*') {
        i++;
        [this.wid, this.widPresent] = intFromArg();
        if (!this.widPresent) this.buf += '%!(BADWIDTH)';
        if (this.wid < 0) {
          this.wid = -this.wid;
          this.minus = true;
          this.zero = false;
        }
        afterIndex = false;
      } else {
        [this.wid, this.widPresent, i] = parsenum(i, end);
        if (afterIndex && this.widPresent) goodArgNum = false;
      }

      if (i + 1 < end && format[i] === '.') {
        i++;
        if (afterIndex) goodArgNum = false;
        [argNum, i, afterIndex] = argNumber(i);
        if (i < end && format[i] === '*') {
          i++;
          [this.prec, this.precPresent] = intFromArg();
          if (this.prec < 0) {
            this.prec = 0;
            this.precPresent = false;
          }
          if (!this.precPresent) this.buf += '%!(BADPREC)';
          afterIndex = false;
        } else {
          [this.prec, this.precPresent, i] = parsenum(i, end);
          if (!this.precPresent) {
            this.prec = 0;
            this.precPresent = true;
          }
        }
      }

      if (!afterIndex) [argNum, i, afterIndex] = argNumber(i);

      if (i >= end) {
        this.buf += '%!(NOVERB)';
        break;
      }
      const cp = format.codePointAt(i) ?? 0;
      const verb = String.fromCodePoint(cp);
      i += verb.length;

      if (verb === '%') {
        this.buf += '%';
      } else if (!goodArgNum) {
        this.buf += '%!' + verb + '(BADINDEX)';
      } else if (argNum >= a.length) {
        this.buf += '%!' + verb + '(MISSING)';
      } else {
        if (verb === 'v') this.adjustForV();
        this.printArg(a[argNum], verb);
        argNum++;
      }
    }

    if (!reordered && argNum < a.length) {
      this.clearFlags();
      this.buf += '%!(EXTRA ';
      a.slice(argNum).forEach((arg, k) => {
        if (k > 0) this.buf += ', ';
        if (arg === undefined || arg === null) {
          this.buf += '<nil>';
        } else {
          this.buf += goTypeOf(arg) + '=';
          this.printArg(arg, 'v');
        }
      });
      this.buf += ')';
    }
  }

  /**
   * `%#v` is Go syntax and `%+v` asks for struct field names: Go moves both flags to their `V` variants, so `+` no
   * longer signs numbers. Field names only matter to struct dumps, which objects render themselves.
   */
  private adjustForV(): void {
    this.sharpV = this.sharp;
    this.sharp = false;
    this.plusV = this.plus;
    this.plus = false;
  }
}

/** Go's `fmt.Sprintf`. */
export function sprintf(format: string, args: readonly FmtArg[]): string {
  const p = new Printer();
  p.doPrintf(format, args);
  return p.buf;
}

/** Go's `fmt.Sprint`: operands printed with `%v`; a space between two operands when neither is a string. */
export function sprint(args: readonly FmtArg[]): string {
  const p = new Printer();
  let prevString = false;
  args.forEach((arg, i) => {
    const isString = typeof arg === 'string';
    if (i > 0 && !isString && !prevString) p.buf += ' ';
    p.printArg(arg, 'v');
    prevString = isString;
  });
  return p.buf;
}

/** Go's `fmt.Sprintln`: operands printed with `%v`, always separated by spaces, plus a trailing newline. */
export function sprintln(args: readonly FmtArg[]): string {
  const p = new Printer();
  args.forEach((arg, i) => {
    if (i > 0) p.buf += ' ';
    p.printArg(arg, 'v');
  });
  return p.buf + '\n';
}

/**
 * Go's `%v` of one value, as `{{ x }}`, `print` and `toString` show it: float64 in the shortest form
 * (`1e+06`, `123456.7`, `-0`, `+Inf`, `NaN`), integers in decimal, `map[k:v]` with sorted keys, `[a b]` lists,
 * `[98 98]` for bytes, `<nil>` for nil, objects through their `String()` method or their struct form.
 */
export function formatValue(v: FmtArg): string {
  const p = new Printer();
  p.printArg(v, 'v');
  return p.buf;
}

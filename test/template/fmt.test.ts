import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  canBackquote,
  formatFloat,
  formatValue,
  goQuote,
  goQuoteRune,
  goQuoteToASCII,
  sprint,
  sprintf,
  sprintln,
  type FmtArg,
} from '../../src/template/fmt.js';
import {
  GoBytes,
  GoInt,
  GoList,
  GoMap,
  GoObject,
  goInt,
  goList,
  goMap,
  type GoValue,
} from '../../src/values/model.js';

const fixture = (name: string): string =>
  new URL(`../../fixtures/template/engine/${name}`, import.meta.url).pathname;

describe('formatValue (%v)', () => {
  // Expectations recorded with helm v4.1.4 (printf-verbs goldens and helm-render-spec.md §2.3).
  it.each<[string, GoValue | undefined, string]>([
    ['million', 1_000_000, '1e+06'],
    ['123456789', 123456789, '1.23456789e+08'],
    ['100000', 100000, '100000'],
    ['999999', 999999, '999999'],
    ['1234567', 1234567, '1.234567e+06'],
    ['1048576', 1048576, '1.048576e+06'],
    ['123456.7', 123456.7, '123456.7'],
    ['1.5', 1.5, '1.5'],
    ['1.0', 1, '1'],
    ['0.0001', 0.0001, '0.0001'],
    ['0.00001', 0.00001, '1e-05'],
    ['0.000123', 0.000123, '0.000123'],
    ['1e21', 1e21, '1e+21'],
    ['1e100', 1e100, '1e+100'],
    ['negative zero', -0, '-0'],
    ['+Inf', Infinity, '+Inf'],
    ['-Inf', -Infinity, '-Inf'],
    ['NaN', NaN, 'NaN'],
    ['max float', 1.7976931348623157e308, '1.7976931348623157e+308'],
    ['denormal', 5e-324, '5e-324'],
    ['int', goInt(1_000_000), '1000000'],
    ['int64 min', new GoInt(-(2n ** 63n), 'int64'), '-9223372036854775808'],
    ['uint64 max', new GoInt(2n ** 64n - 1n, 'uint64'), '18446744073709551615'],
    ['true', true, 'true'],
    ['string', 'héllo', 'héllo'],
    ['nil', null, '<nil>'],
    ['no value', undefined, '<nil>'],
    ['list', goList(['a', 'b', 1, 2.5, true, null]), '[a b 1 2.5 true <nil>]'],
    ['empty list', goList([]), '[]'],
    [
      'map sorted by bytes',
      goMap({ b: 1, a: 2, B: 3, é: 4, '10': 5, '9': 6 }),
      'map[10:5 9:6 B:3 a:2 b:1 é:4]',
    ],
    ['nested', goMap({ a: goList([goMap({ x: null })]), b: goMap() }), 'map[a:[map[x:<nil>]] b:map[]]'],
    ['bytes', new GoBytes(Uint8Array.from([98, 98, 98])), '[98 98 98]'],
    ['typed slice of nil lists', goList([null, goList([1])], '[][]interface {}'), '[[] [1]]'],
  ])('%s', (_name, v, expected) => {
    expect(formatValue(v)).toBe(expected);
  });

  class KubeVersion extends GoObject {
    readonly goType = 'common.KubeVersion';
    override stringer(): string {
      return 'v1.35.0';
    }
    formatV(): string {
      return '{v1.35.0 v1.35.0 1 35}';
    }
  }
  class Dump extends GoObject {
    readonly goType = 'version.BuildInfo';
    formatV(): string {
      return '{v4.1.4 clean}';
    }
  }
  class NilPointer extends GoObject {
    readonly goType = '*semver.Version';
    override isNilPointer(): boolean {
      return true;
    }
    formatV(): string {
      return '';
    }
  }

  it('prints objects through String() when they have one, else their struct form', () => {
    expect(formatValue(new KubeVersion())).toBe('v1.35.0');
    expect(formatValue(new Dump())).toBe('{v4.1.4 clean}');
    expect(formatValue(goList([new KubeVersion(), new Dump()]))).toBe('[v1.35.0 {v4.1.4 clean}]');
    expect(formatValue(new NilPointer())).toBe('<nil>');
    expect(sprintf('%s|%q|%T', [new KubeVersion(), new KubeVersion(), new KubeVersion()])).toBe(
      'v1.35.0|"v1.35.0"|common.KubeVersion',
    );
  });

  it('gives maps and lists stable %p addresses', () => {
    const m = goMap();
    const first = sprintf('%p', [m]);
    expect(first).toMatch(/^0xc[0-9a-f]+$/);
    expect(sprintf('%p', [m])).toBe(first);
    expect(sprintf('%p', [goMap()])).not.toBe(first);
    expect(sprintf('%p', ['s'])).toBe('%!p(string=s)');
  });
});

describe('sprint and sprintln', () => {
  it('adds spaces only between two non-string operands', () => {
    expect(sprint([goInt(1), goInt(2), 'a', 'b', goInt(3)])).toBe('1 2ab3');
    expect(sprint(['a', goInt(1), goInt(2), 'b'])).toBe('a1 2b');
    expect(sprint([null, null])).toBe('<nil> <nil>');
    expect(sprint([undefined, 'x', 1.5])).toBe('<nil>x1.5');
    expect(sprint([])).toBe('');
  });
  it('always separates with spaces and ends with a newline', () => {
    expect(sprintln(['a', 'b', goInt(1)])).toBe('a b 1\n');
    expect(sprintln([])).toBe('\n');
  });
});

describe('goQuote (strconv.Quote)', () => {
  it.each<[string, string]>([
    ['plain', '"plain"'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['\n\t\r\v\f\b\x07', '"\\n\\t\\r\\v\\f\\b\\a"'],
    ['\x00\x1b\x7f', '"\\x00\\x1b\\x7f"'],
    ['é☺', '"é☺"'],
    ['\u00a0\u2028\ufeff', '"\\u00a0\\u2028\\ufeff"'],
    ['\u{1F600}', '"😀"'],
    ['\u{E0001}', '"\\U000e0001"'],
    // A lone surrogate stands for invalid UTF-8 bytes: Go quotes them byte by byte.
    ['h\ud800', '"h\\xed\\xa0\\x80"'],
  ])('%j', (input, expected) => {
    expect(goQuote(input)).toBe(expected);
  });

  it('QuoteToASCII escapes every non-ASCII rune', () => {
    expect(goQuoteToASCII('é☺😀')).toBe('"\\u00e9\\u263a\\U0001f600"');
  });

  it('QuoteRune', () => {
    expect(goQuoteRune(97)).toBe("'a'");
    expect(goQuoteRune(39)).toBe("'\\''");
    expect(goQuoteRune(34)).toBe("'\"'");
    expect(goQuoteRune(10)).toBe("'\\n'");
    expect(goQuoteRune(0xd800)).toBe("'�'");
    expect(goQuoteRune(0x110000)).toBe("'�'");
  });

  it('CanBackquote', () => {
    expect(canBackquote('a\tb')).toBe(true);
    expect(canBackquote('a`b')).toBe(false);
    expect(canBackquote('a\nb')).toBe(false);
    expect(canBackquote('\ufeff')).toBe(false);
    expect(canBackquote('é')).toBe(true);
  });
});

describe('formatFloat (strconv.FormatFloat)', () => {
  it.each<[number, Parameters<typeof formatFloat>[1], number, string]>([
    [3.5, 'e', -1, '3.5e+00'],
    [3.5, 'f', -1, '3.5'],
    [1e21, 'f', -1, '1000000000000000000000'],
    [0.1, 'f', 20, '0.10000000000000000555'],
    [2.5, 'f', 0, '2'],
    [3.5, 'f', 0, '4'],
    [0.125, 'f', 2, '0.12'],
    [1.005, 'f', 2, '1.00'],
    [0.05, 'f', 1, '0.1'],
    [0.001, 'f', 1, '0.0'],
    [9.99, 'f', 1, '10.0'],
    [123456.789, 'e', 2, '1.23e+05'],
    [0, 'e', 6, '0.000000e+00'],
    [1e-300, 'e', -1, '1e-300'],
    [100, 'g', 3, '100'],
    [1234.5678, 'g', 3, '1.23e+03'],
    [1.5, 'g', 3, '1.5'],
    [1e6, 'g', 10, '1000000'],
    [123, 'g', 0, '1e+02'],
    [1e-7, 'G', -1, '1E-07'],
    [3.5, 'b', -1, '7881299347898368p-51'],
    [0, 'b', -1, '0p-1074'],
    [3.5, 'x', -1, '0x1.cp+01'],
    [1, 'x', 3, '0x1.000p+00'],
    [1.5, 'x', 0, '0x1p+01'],
    [1.96875, 'x', 1, '0x1.0p+01'],
    [5e-324, 'x', -1, '0x1p-1074'],
    [-0, 'x', -1, '-0x0p+00'],
    [NaN, 'g', -1, 'NaN'],
    [-Infinity, 'f', 2, '-Inf'],
  ])('%s %s %s', (x, f, prec, expected) => {
    expect(formatFloat(x, f, prec, 64)).toBe(expected);
  });
});

describe('sprintf', () => {
  it('handles the error forms', () => {
    expect(sprintf('%d', [1.0])).toBe('%!d(float64=1)');
    expect(sprintf('%s', [null])).toBe('%!s(<nil>)');
    expect(sprintf('%d %d', [goInt(1)])).toBe('1 %!d(MISSING)');
    expect(sprintf('%d', [goInt(1), goInt(3)])).toBe('1%!(EXTRA int=3)');
    expect(sprintf('%z', [goInt(1)])).toBe('%!z(int=1)');
    expect(sprintf('%', [])).toBe('%!(NOVERB)');
    expect(sprintf('%*d', ['x', goInt(1)])).toBe('%!(BADWIDTH)1');
    expect(sprintf('%.*d', ['x', goInt(1)])).toBe('%!(BADPREC)1');
    expect(sprintf('%[3]d', [goInt(1)])).toBe('%!d(BADINDEX)');
  });
  it('formats nested values with the verb of the operand', () => {
    expect(sprintf('%s', [goMap({ a: 1, b: 2 })])).toBe('map[a:%!s(float64=1) b:%!s(float64=2)]');
    expect(sprintf('%#v', [goMap({ a: goList([goInt(1), 'x', null]) })])).toBe(
      'map[string]interface {}{"a":[]interface {}{1, "x", interface {}(nil)}}',
    );
    expect(sprintf('%x', [goList(['ab', goInt(255)], '[]interface {}')])).toBe('[6162 ff]');
  });
  it('names a top-level byte slice []byte and a nested one []uint8 under %#v, as Go does (checked with helm)', () => {
    const hi = new GoBytes(Uint8Array.from([0x68, 0x69]));
    expect(sprintf('%#v', [hi])).toBe('[]byte{0x68, 0x69}');
    expect(sprintf('%#v', [goList([hi])])).toBe('[]interface {}{[]uint8{0x68, 0x69}}');
  });
});

/** Reads the literal operands of `{{ printf "…" a b … }}` cases as the template engine would type them. */
class LiteralReader {
  private i = 0;
  constructor(private readonly src: string) {}

  /** All operands, or undefined when one is not a literal this reader knows (fields, other functions). */
  readAll(): FmtArg[] | undefined {
    const out: FmtArg[] = [];
    for (;;) {
      this.skipSpace();
      if (this.i >= this.src.length) return out;
      const v = this.operand();
      if (v === unsupported) return undefined;
      out.push(v);
    }
  }

  private skipSpace(): void {
    while (this.src[this.i] === ' ') this.i++;
  }

  private operand(): FmtArg | typeof unsupported {
    const s = this.src;
    const c = s[this.i];
    if (c === '"') return this.quoted();
    if (c === "'") {
      const end = s.indexOf("'", this.i + (s[this.i + 1] === '\\' ? 2 : 1) + 1);
      const text = unquoteGo(s.slice(this.i + 1, end));
      this.i = end + 1;
      return goInt(text.codePointAt(0) ?? 0);
    }
    if (c === '(') {
      this.i++;
      const word = this.word();
      const args: FmtArg[] = [];
      for (;;) {
        this.skipSpace();
        if (s[this.i] === ')') break;
        const v = this.operand();
        if (v === unsupported) return unsupported;
        args.push(v);
      }
      this.i++;
      return build(word, args);
    }
    const word = this.word();
    if (word === 'nil') return undefined;
    if (word === 'true' || word === 'false') return word === 'true';
    if (/^[-+]?\d+$/.test(word)) return goInt(BigInt(word));
    if (/^[-+]?[\d.]+(e[-+]?\d+)?$/i.test(word)) return Number(word);
    return unsupported;
  }

  private word(): string {
    const start = this.i;
    while (this.i < this.src.length && !' ()'.includes(this.src[this.i] ?? '')) this.i++;
    return this.src.slice(start, this.i);
  }

  private quoted(): string {
    let j = this.i + 1;
    while (this.src[j] !== '"') j += this.src[j] === '\\' ? 2 : 1;
    const body = this.src.slice(this.i + 1, j);
    this.i = j + 1;
    return unquoteGo(body);
  }
}

const unsupported = Symbol('unsupported');

function build(fn: string, args: FmtArg[]): FmtArg | typeof unsupported {
  const asValue = (a: FmtArg): GoValue => (a === undefined ? null : a);
  switch (fn) {
    case 'list':
      return new GoList(args.map(asValue));
    case 'dict': {
      const m = new GoMap();
      for (let k = 0; k < args.length; k += 2)
        m.set(String(args[k]), k + 1 < args.length ? asValue(args[k + 1]) : '');
      return m;
    }
    case 'int64':
      return args[0] instanceof GoInt ? new GoInt(args[0].value, 'int64') : unsupported;
    case 'float64': {
      const a = args[0];
      if (typeof a !== 'string') return unsupported;
      return a === 'Inf' ? Infinity : a === '-Inf' ? -Infinity : Number(a);
    }
    default:
      return unsupported;
  }
}

/** Go's interpreted string literal escapes (enough for the case files). */
function unquoteGo(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/g, (_m, e: string) => {
    const simple: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      a: '\x07',
      b: '\b',
      f: '\f',
      v: '\v',
    };
    if (e.length === 1) return simple[e] ?? e;
    if (/^[0-7]{3}$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return String.fromCodePoint(parseInt(e.slice(1), 16));
  });
}

describe('printf goldens recorded from helm (literal operands only)', () => {
  const doc = parseYaml(readFileSync(fixture('printf-verbs.cases.yaml'), 'utf8')) as {
    cases: { id: string; template: string; values?: string; args?: string[] }[];
  };
  const golden = JSON.parse(readFileSync(fixture('printf-verbs.golden.json'), 'utf8')) as {
    cases: Record<string, { output?: string; error?: string }>;
  };
  const runnable = doc.cases.flatMap((c) => {
    const m = /^\{\{ printf "((?:[^"\\]|\\.)*)"(.*) \}\}$/.exec(c.template);
    const expected = golden.cases[c.id]?.output;
    if (!m || expected === undefined || c.values !== undefined || c.args !== undefined) return [];
    const args = new LiteralReader(m[2] ?? '').readAll();
    return args ? [{ id: c.id, format: unquoteGo(m[1] ?? ''), args, expected }] : [];
  });

  it('covers most printf cases directly', () => {
    expect(runnable.length).toBeGreaterThan(140);
  });

  it.each(runnable)('$id', ({ format, args, expected }) => {
    expect(sprintf(format, args)).toBe(expected);
  });
});

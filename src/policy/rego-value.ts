/**
 * Rego values as OPA's WebAssembly runtime dumps them (`opa_value_dump`: JSON plus sets, number literals kept as
 * written) and as OPA prints them (`ast.Term.String()`), which is what Rego's `sprintf` shows for arrays, objects,
 * sets, booleans and null.
 */
import { compareBytes } from '../values/model.js';
import { goQuote } from '../template/fmt.js';

/** One Rego value; numbers keep their literal text because OPA's conversions depend on it (`1.0` is no int). */
export type RegoTerm =
  | { kind: 'null' }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'number'; text: string }
  | { kind: 'string'; value: string }
  | { kind: 'array'; items: RegoTerm[] }
  | { kind: 'object'; entries: [RegoTerm, RegoTerm][] }
  | { kind: 'set'; items: RegoTerm[] };

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\]|\\.)*"/y;

/** Parses the text of `opa_value_dump`; throws on anything else (the runtime never produces it). */
export function parseRegoValue(text: string): RegoTerm {
  let pos = 0;
  const fail = (): never => {
    throw new Error(`unexpected Rego value text at offset ${pos}: ${text.slice(pos, pos + 20)}`);
  };
  const skipSpace = (): void => {
    while (pos < text.length && ' \t\r\n'.includes(text[pos] as string)) pos++;
  };
  const eat = (token: string): boolean => {
    skipSpace();
    if (!text.startsWith(token, pos)) return false;
    pos += token.length;
    return true;
  };
  const sticky = (re: RegExp): string | undefined => {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) return undefined;
    pos += m[0].length;
    return m[0];
  };
  const value = (): RegoTerm => {
    skipSpace();
    if (eat('null')) return { kind: 'null' };
    if (eat('true')) return { kind: 'boolean', value: true };
    if (eat('false')) return { kind: 'boolean', value: false };
    if (eat('set()')) return { kind: 'set', items: [] };
    if (eat('[')) return { kind: 'array', items: list(']') };
    if (eat('{')) return braces();
    const str = sticky(STRING);
    if (str !== undefined) return { kind: 'string', value: JSON.parse(str) as string };
    const num = sticky(NUMBER);
    if (num !== undefined) return { kind: 'number', text: num };
    return fail();
  };
  const list = (close: string): RegoTerm[] => {
    const items: RegoTerm[] = [];
    if (eat(close)) return items;
    do items.push(value());
    while (eat(','));
    if (!eat(close)) fail();
    return items;
  };
  // `{}` is the empty object; otherwise the first element tells an object (`k:v`) from a set.
  const braces = (): RegoTerm => {
    if (eat('}')) return { kind: 'object', entries: [] };
    const first = value();
    if (!eat(':')) {
      const rest = eat(',') ? list('}') : eat('}') ? [] : fail();
      return { kind: 'set', items: [first, ...rest] };
    }
    const entries: [RegoTerm, RegoTerm][] = [[first, value()]];
    while (eat(',')) {
      const key = value();
      if (!eat(':')) fail();
      entries.push([key, value()]);
    }
    if (!eat('}')) fail();
    return { kind: 'object', entries };
  };
  const result = value();
  skipSpace();
  if (pos !== text.length) fail();
  return result;
}

/** OPA's order of value types (ast.Compare): null < boolean < number < string < array < object < set. */
const TYPE_ORDER: Record<RegoTerm['kind'], number> = {
  null: 0,
  boolean: 1,
  number: 2,
  string: 3,
  array: 4,
  object: 5,
  set: 6,
};

/** OPA's total order of values, which decides how object keys and set elements print. */
export function compareRegoTerms(a: RegoTerm, b: RegoTerm): number {
  if (a.kind !== b.kind) return TYPE_ORDER[a.kind] - TYPE_ORDER[b.kind];
  switch (a.kind) {
    case 'null':
      return 0;
    case 'boolean':
      return Number(a.value) - Number((b as typeof a).value);
    case 'number':
      return Math.sign(Number(a.text) - Number((b as typeof a).text));
    case 'string':
      return compareBytes(a.value, (b as typeof a).value);
    case 'array':
      return compareLists(a.items, (b as typeof a).items);
    case 'set':
      return compareLists(sortedTerms(a.items), sortedTerms((b as typeof a).items));
    case 'object': {
      const x = sortedEntries(a.entries);
      const y = sortedEntries((b as typeof a).entries);
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const [xk, xv] = x[i] as [RegoTerm, RegoTerm];
        const [yk, yv] = y[i] as [RegoTerm, RegoTerm];
        const c = compareRegoTerms(xk, yk) || compareRegoTerms(xv, yv);
        if (c !== 0) return c;
      }
      return x.length - y.length;
    }
  }
}

function compareLists(a: readonly RegoTerm[], b: readonly RegoTerm[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareRegoTerms(a[i] as RegoTerm, b[i] as RegoTerm);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

const sortedTerms = (items: readonly RegoTerm[]): RegoTerm[] => [...items].sort(compareRegoTerms);
const sortedEntries = (entries: readonly [RegoTerm, RegoTerm][]): [RegoTerm, RegoTerm][] =>
  [...entries].sort((x, y) => compareRegoTerms(x[0], y[0]));

/**
 * A value as OPA prints it (`ast.Term.String()`): strings Go-quoted, numbers as written, `, ` between elements,
 * `: ` between keys and values, object keys and set elements in OPA's order, `set()` for the empty set.
 */
export function formatRegoTerm(term: RegoTerm): string {
  switch (term.kind) {
    case 'null':
      return 'null';
    case 'boolean':
      return String(term.value);
    case 'number':
      return term.text;
    case 'string':
      return goQuote(term.value);
    case 'array':
      return `[${term.items.map(formatRegoTerm).join(', ')}]`;
    case 'set':
      return term.items.length === 0
        ? 'set()'
        : `{${sortedTerms(term.items).map(formatRegoTerm).join(', ')}}`;
    case 'object':
      return `{${sortedEntries(term.entries)
        .map(([k, v]) => `${formatRegoTerm(k)}: ${formatRegoTerm(v)}`)
        .join(', ')}}`;
  }
}

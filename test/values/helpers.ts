/**
 * Test helpers: read the recorded helm goldens, and serialise Go values the way the golden templates print them
 * (Go encoding/json for scalars and the `dump` helper's `type(json)` notation).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { GoInt, GoList, GoMap, type GoValue, goTypeOf } from '../../src/values/model.js';
import type { UserValuesInput } from '../../src/values/user-values.js';

/** One recorded case: the case definition merged with its file-level defaults, and helm's result. */
export interface GoldenCase {
  id: string;
  template: string;
  values?: string;
  args?: string[];
  files?: Record<string, string>;
  expected: { output?: string; error?: string };
}

/** Loads `fixtures/values/<name>.cases.yaml` with its golden. */
export function loadGoldenCases(name: string): GoldenCase[] {
  const base = new URL(`../../fixtures/values/${name}`, import.meta.url);
  const doc = parse(readFileSync(new URL(`${base.href}.cases.yaml`), 'utf8')) as {
    values?: string;
    args?: string[];
    cases: Omit<GoldenCase, 'expected'>[];
  };
  const golden = JSON.parse(readFileSync(new URL(`${base.href}.golden.json`), 'utf8')) as {
    cases: Record<string, { output?: string; error?: string }>;
  };
  return doc.cases.map((c) => ({
    ...c,
    values: c.values ?? doc.values,
    args: c.args ?? doc.args,
    expected: golden.cases[c.id] ?? {},
  }));
}

/** Go encoding/json text of a scalar (with its HTML escaping), as `toJson` prints it. */
export function goJson(v: GoValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v); // JS and Go agree on the layout
  if (v instanceof GoInt) return v.value.toString();
  if (typeof v === 'string') return goJsonString(v);
  if (v instanceof GoList) return `[${v.items.map(goJson).join(',')}]`;
  if (v instanceof GoMap)
    return `{${v.sortedKeys().map((k) => `${goJsonString(k)}:${goJson(v.get(k) ?? null)}`)}}`;
  throw new Error(`no JSON form for ${goTypeOf(v)}`);
}

function goJsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) {
      out += '\\u' + c.toString(16).padStart(4, '0');
    } else out += ch;
  }
  return out + '"';
}

/** sprig `quote` of a map key (Go `%q` for the printable keys the cases use). */
function goQuote(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\u009f]/g, (c) => '\\x' + c.charCodeAt(0).toString(16));
}

/** The golden templates' `dump` helper: maps `{"k":…,}`, lists `[…,]`, scalars `type(json)`. */
export function dump(v: GoValue): string {
  if (v instanceof GoMap && (v.type === 'map[string]interface {}' || v.type === 'common.Values')) {
    return `{${v
      .sortedKeys()
      .map((k) => `${goQuote(k)}:${dump(v.get(k) ?? null)},`)
      .join('')}}`;
  }
  if (v instanceof GoList && v.type === '[]interface {}')
    return `[${v.items.map((i) => dump(i) + ',').join('')}]`;
  return `${goTypeOf(v)}(${goJson(v)})`;
}

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');

/** Turns recorded helm arguments into the merge input, reading files relative to the repository root. */
export function userInputFromArgs(args: readonly string[]): UserValuesInput {
  const input: Required<Omit<UserValuesInput, 'readFile' | 'setJsonOrigins'>> & UserValuesInput = {
    valuesFiles: [],
    setJson: [],
    set: [],
    setString: [],
    setFile: [],
    setLiteral: [],
    readFile: read,
  };
  const lists: Record<string, string[]> = {
    '--set-json': input.setJson as string[],
    '--set': input.set as string[],
    '--set-string': input.setString as string[],
    '--set-file': input.setFile as string[],
    '--set-literal': input.setLiteral as string[],
  };
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i] ?? '';
    const value = args[i + 1] ?? '';
    if (flag === '-f')
      (input.valuesFiles as { path: string; text: string }[]).push({ path: value, text: read(value) });
    else lists[flag]?.push(value);
  }
  return input;
}

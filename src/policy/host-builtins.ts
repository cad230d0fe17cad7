/**
 * The Rego built-in functions OPA's WebAssembly runtime leaves to its host (the `opa_builtinN` imports), with OPA's
 * own semantics: `sprintf` is Go's `fmt.Sprintf` over OPA's argument conversion, `regex.split` is Go's RE2
 * `Split`, the `yaml.*` functions read and write YAML 1.1 as OPA's go-yaml does.
 */
import YAML from 'yaml';
import { sprintf, type FmtArg } from '../template/fmt.js';
import { regexFuncs } from '../template/sprig/regex.js';
import { GoInt, GoList, type CallContext } from '../values/model.js';
import { formatRegoTerm, type RegoTerm } from './rego-value.js';

/**
 * A host built-in. `rego` ones receive their arguments as {@link RegoTerm}s (sets and number literals intact),
 * `json` ones as parsed JSON. Returning `undefined` makes the call undefined, as a failing built-in is in OPA.
 */
export type HostBuiltin =
  { args: 'rego'; call(...args: RegoTerm[]): unknown } | { args: 'json'; call(...args: unknown[]): unknown };

/**
 * One `sprintf` operand as OPA hands it to Go's fmt: strings as Go strings; numbers as `int` when the literal is an
 * integer, else as `float64` when finite, else as their text; everything else as its Rego text (`["a", 1]`,
 * `{"k": "v"}`, `true`, `null`).
 */
export function opaSprintfOperand(term: RegoTerm): FmtArg {
  if (term.kind === 'string') return term.value;
  if (term.kind !== 'number') return formatRegoTerm(term);
  if (/^-?\d+$/.test(term.text)) {
    // OPA passes integers beyond int64 as *big.Int, whose digits print like an int's for %v %d %x; chartlint
    // keeps them as one wide int (only their `%s` and error forms would differ from Go's).
    return new GoInt(BigInt(term.text), 'int');
  }
  const f = Number(term.text);
  return Number.isFinite(f) ? f : term.text;
}

/** Rego's `sprintf(format, values)`; undefined when the operands have the wrong types, as in OPA. */
export function opaSprintf(format: RegoTerm, values: RegoTerm): string | undefined {
  if (format.kind !== 'string' || values.kind !== 'array') return undefined;
  return sprintf(format.value, values.items.map(opaSprintfOperand));
}

/** `regex.split` needs no randomness or clock; a call that asked for one would be a bug worth seeing. */
const NO_CONTEXT: CallContext = {
  random: () => {
    throw new Error('regex.split has no random source');
  },
  randomBytes: () => {
    throw new Error('regex.split has no random source');
  },
  now: () => {
    throw new Error('regex.split has no clock');
  },
};

/** Go's `regexp.Split(s, -1)` with RE2 syntax; undefined for a pattern that does not compile, as in OPA. */
function regexSplit(pattern: unknown, s: unknown): string[] | undefined {
  if (typeof pattern !== 'string' || typeof s !== 'string') return undefined;
  try {
    const parts = regexFuncs.mustRegexSplit?.call(NO_CONTEXT, pattern, s, -1);
    return parts instanceof GoList ? (parts.items as string[]) : undefined;
  } catch {
    return undefined;
  }
}

/** Parses YAML 1.1 (OPA's go-yaml: `yes` is true, `010` is 8); undefined when the text is not YAML. */
function parseYaml(text: unknown): { ok: boolean; value?: unknown } {
  if (typeof text !== 'string') return { ok: false };
  const doc = YAML.parseDocument(text, { version: '1.1', uniqueKeys: false });
  if (doc.errors.length > 0) return { ok: false };
  return { ok: true, value: doc.toJS({ maxAliasCount: 10_000 }) ?? null };
}

/** The host built-ins chartlint provides, by Rego name. */
export const HOST_BUILTINS: Readonly<Record<string, HostBuiltin>> = {
  sprintf: { args: 'rego', call: (format, values) => opaSprintf(format as RegoTerm, values as RegoTerm) },
  'regex.split': { args: 'json', call: regexSplit },
  'json.is_valid': {
    args: 'json',
    call: (text) => {
      if (typeof text !== 'string') return undefined;
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    },
  },
  'yaml.is_valid': {
    args: 'json',
    call: (text) => (typeof text === 'string' ? parseYaml(text).ok : undefined),
  },
  'yaml.unmarshal': { args: 'json', call: (text) => parseYaml(text).value },
  'yaml.marshal': {
    args: 'json',
    call: (value) =>
      YAML.stringify(value, { version: '1.1', sortMapEntries: true, indentSeq: false, lineWidth: 0 }),
  },
};

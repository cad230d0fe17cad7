/**
 * Test helper for the Sprig families of part A: calls a GoFuncSpec directly and prints its result the way an
 * action `{{ f … }}` would, so unit tests can compare with the helm goldens of the family's case file.
 */
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { formatValue } from '../../../src/template/fmt.js';
import { createCallContext } from '../../../src/template/render-context.js';
import { fromJsResult, unwrapInterface } from '../../../src/template/exec/value.js';
import { goBytes } from '../../../src/values/go-string.js';
import { GoFuncError, GoInt, type GoFuncSpec, type IntType } from '../../../src/values/model.js';

interface Golden {
  cases: Record<string, { output?: string; error?: string }>;
}

/** What a case printed (`[…]` markers around the action removed), or `ERR <function error text>`. */
export type Printed = string;

/** Loads `fixtures/template/sprig/<family>` goldens and case templates. */
export function loadFamily(family: string): { golden: (id: string) => Printed } {
  const dir = new URL('../../../fixtures/template/sprig/', import.meta.url);
  const golden = JSON.parse(readFileSync(new URL(`${family}.golden.json`, dir), 'utf8')) as Golden;
  const cases = (
    YAML.parse(readFileSync(new URL(`${family}.cases.yaml`, dir), 'utf8')) as {
      cases: { id: string; template: string }[];
    }
  ).cases;
  const templates = new Map(cases.map((c) => [c.id, c.template]));
  return {
    golden(id) {
      const g = golden.cases[id];
      const template = templates.get(id);
      if (!g || template === undefined) throw new Error(`no golden case ${id}`);
      if (g.error !== undefined) {
        const m = /error calling \w+: ([\s\S]*)$/.exec(g.error);
        return `ERR ${m?.[1] ?? g.error}`;
      }
      const out = g.output ?? '';
      return /^\[\{\{.*\}\}\]$/s.test(template) ? out.slice(1, -1) : out;
    },
  };
}

/** A Go `int` literal as the engine passes it to an `interface {}` parameter. */
export const int = (n: number | bigint, type: IntType = 'int'): GoInt => new GoInt(BigInt(n), type);

/** Calls `funcs[name]` with a fixed context; prints the result as `{{ }}` does, or `ERR <message>`. */
export function callPrinted(
  funcs: Readonly<Record<string, GoFuncSpec>>,
  name: string,
  ...args: unknown[]
): Printed {
  const spec = funcs[name];
  if (!spec) throw new Error(`no function ${name}`);
  try {
    const r = spec.call(createCallContext({ seed: 'sprig-part-a' }), ...args);
    // The engine's wrapping: a nil `interface {}` result is "no value" (the oracle's include keeps the
    // `<no value>` text), a null slice or map is Go's nil one.
    const v = unwrapInterface(fromJsResult(r, spec.result)).v;
    if (v === undefined) return '<no value>';
    // The oracle decodes helm's output bytes as UTF-8, so an invalid byte reads as U+FFFD.
    return goBytes(formatValue(v)).toString('utf8');
  } catch (e) {
    if (e instanceof GoFuncError) return `ERR ${e.message}`;
    throw e;
  }
}

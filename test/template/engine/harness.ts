/**
 * Test harness for the template engine: renders a template as the single file of a chart, the way the helm
 * oracle does, with Go's builtins only (sprig and Helm's static functions are other modules' business).
 */
import { createCallContext } from '../../../src/template/render-context.js';
import {
  execute,
  stripNoValue,
  TemplateSet,
  type ExecResult,
  type ExecuteOptions,
} from '../../../src/template/index.js';
import {
  GoFuncError,
  GoList,
  goMap,
  GoMap,
  goTypeOf,
  type GoFuncSpec,
  type GoValue,
} from '../../../src/values/model.js';

/** The file name the helm oracle gives a case's template. */
export const FILE = 'oracle/templates/t.yaml';

/** A few stand-ins for sprig functions with their Go signatures, to exercise argument conversion. */
export const testFuncs: Record<string, GoFuncSpec> = {
  upper: {
    params: ['string'],
    result: 'string',
    passThrough: 'last',
    call: (_c, s) => (s as string).toUpperCase(),
  },
  quote: {
    params: [],
    variadic: 'interface {}',
    result: 'string',
    passThrough: 'any',
    call: (_c, ...a) =>
      a
        .filter((x) => x !== null)
        .map((x) => JSON.stringify(String(x)))
        .join(' '),
  },
  trunc: {
    params: ['int', 'string'],
    result: 'string',
    call: (_c, n, s) => (s as string).slice(0, n as number),
  },
  hasKey: {
    params: ['map[string]interface {}', 'string'],
    result: 'bool',
    call: (_c, m, k) => (m === null ? false : (m as GoMap).has(k as string)),
  },
  default: {
    params: ['interface {}'],
    variadic: 'interface {}',
    result: 'interface {}',
    passThrough: 'any',
    call: (_c, d, ...v) => (v.length > 0 && v[0] !== null && v[0] !== '' && v[0] !== false ? v[0] : d),
  },
  list: {
    params: [],
    variadic: 'interface {}',
    result: '[]interface {}',
    call: (_c, ...a) => new GoList(a as GoValue[]),
  },
  dict: {
    params: [],
    variadic: 'interface {}',
    result: 'map[string]interface {}',
    call: (_c, ...a) => {
      const m = new GoMap();
      for (let i = 0; i + 1 < a.length; i += 2) m.set(String(a[i]), a[i + 1] as GoValue);
      return m;
    },
  },
  nindent: {
    params: ['int', 'string'],
    result: 'string',
    passThrough: 'last',
    call: (_c, n, s) =>
      '\n' +
      (s as string)
        .split('\n')
        .map((l) => ' '.repeat(n as number) + l)
        .join('\n'),
  },
  boom: {
    params: [],
    result: 'string',
    call: () => {
      throw new GoFuncError('it broke');
    },
  },
  dec: { params: ['int'], result: 'int', call: (_c, n) => (n as number) - 1 },
  typeOf: { params: ['interface {}'], result: 'string', call: (_c, v) => goTypeOf(v as GoValue) },
};

/** Parses `files` (name → text) plus `template` as FILE and executes FILE with `.Values = values`. */
export function render(
  template: string,
  values: GoValue = goMap({}),
  opts: Partial<ExecuteOptions> & { files?: Record<string, string> } = {},
): ExecResult {
  const set = new TemplateSet({ funcNames: Object.keys(testFuncs) });
  for (const [name, text] of Object.entries(opts.files ?? {})) set.add(name, text);
  set.add(FILE, template);
  const data = goMap({ Values: values, Release: goMap({ Name: 'rel' }) });
  return execute(set, FILE, data, {
    funcs: testFuncs,
    ctx: createCallContext({ seed: 'test' }),
    ...opts,
  });
}

/** The output as Helm leaves it (with `<no value>` removed). */
export function out(
  template: string,
  values?: GoValue,
  opts?: Partial<ExecuteOptions> & { files?: Record<string, string> },
): string {
  const r = render(template, values, opts);
  return stripNoValue(r.output, r.spans).output;
}

/** The error message a template fails with; fails the test when it renders. */
export function err(
  template: string,
  values?: GoValue,
  opts?: Partial<ExecuteOptions> & { files?: Record<string, string> },
): string {
  try {
    const o = render(template, values, opts);
    return `NO ERROR, output ${JSON.stringify(o.output)}`;
  } catch (e) {
    return (e as Error).message;
  }
}

/**
 * Runs the helm-recorded engine cases (fixtures/template/engine) through `execute` and compares with what helm
 * printed. Cases that need parts of the render context this engine does not build (`.Capabilities`, `.Files`,
 * `--set`, extra files) are left to the renderer's conformance suite and listed as skipped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import YAML from 'yaml';
import { helmErrorMessage } from '../../../src/render/helm-errors.js';
import { createCallContext } from '../../../src/template/render-context.js';
import { execute, helmParseOrder, TemplateSet } from '../../../src/template/index.js';
import { conversionFuncs } from '../../../src/template/sprig/conversion.js';
import { defaultFuncs } from '../../../src/template/sprig/defaults.js';
import { dictFuncs } from '../../../src/template/sprig/dicts.js';
import { encodingFuncs } from '../../../src/template/sprig/encoding.js';
import { listFuncs } from '../../../src/template/sprig/lists.js';
import { mathFuncs } from '../../../src/template/sprig/math.js';
import { reflectFuncs } from '../../../src/template/sprig/reflect.js';
import { stringListFuncs } from '../../../src/template/sprig/string-lists.js';
import { stringFuncs } from '../../../src/template/sprig/strings.js';
import { serializeFuncs } from '../../../src/template/helm/serialize.js';
import { goBytes } from '../../../src/values/go-string.js';
import { loadValuesYaml } from '../../../src/values/yaml11.js';
import { goList, goMap, GoMap, goInt, type GoFuncSpec } from '../../../src/values/model.js';

const funcs: Record<string, GoFuncSpec> = {
  ...stringFuncs,
  ...stringListFuncs,
  ...mathFuncs,
  ...conversionFuncs,
  ...defaultFuncs,
  ...listFuncs,
  ...dictFuncs,
  ...reflectFuncs,
  ...encodingFuncs,
  ...serializeFuncs,
};

interface Case {
  id: string;
  template: string;
  values?: string;
  args?: string[];
  helpers?: string;
  files?: Record<string, string>;
}

const dir = new URL('../../../fixtures/template/engine/', import.meta.url);
const FILE = 'oracle/templates/t.yaml';
const HELPERS = 'oracle/templates/_helpers.tpl';
const CASE = 'oracle/templates/_case.tpl';

/** The parts of Helm's render context the cases read that this suite builds. */
function contextFor(values: GoMap, template: string): GoMap {
  return goMap(
    {
      Values: values,
      Release: goMap({
        Name: 'release-name',
        Namespace: 'default',
        IsUpgrade: false,
        IsInstall: true,
        Revision: goInt(1),
        Service: 'Helm',
      }),
      Chart: goMap({
        APIVersion: 'v2',
        Annotations: goMap({}, 'map[string]string'),
        AppVersion: '1.0.0',
        Condition: '',
        Dependencies: goList([]),
        Deprecated: false,
        Description: '',
        Home: '',
        Icon: '',
        IsRoot: true,
        Keywords: goList([], '[]string'),
        KubeVersion: '',
        Maintainers: goList([]),
        Name: 'oracle',
        Sources: goList([], '[]string'),
        Tags: '',
        Type: '',
        Version: '0.1.0',
      }),
      Template: goMap({ Name: template, BasePath: 'oracle/templates' }, 'common.Values'),
    },
    'common.Values',
  );
}

function needsRenderer(c: Case): boolean {
  return (
    (c.args?.length ?? 0) > 0 ||
    Object.keys(c.files ?? {}).some((f) => !f.startsWith('templates/')) ||
    /\.(Capabilities|Files|Subcharts)\b|\.Chart\.(Annotations|Dependencies|Maintainers|Sources|Keywords)/.test(
      c.template + (c.helpers ?? ''),
    )
  );
}

/**
 * Runs a case the way the helm oracle recorded it: in output mode the template is the body of a define in
 * `_case.tpl` (parsed last) whose include result is printed as is; in error mode it is `t.yaml` itself.
 */
function run(c: Case, mode: 'output' | 'error'): { output?: string; error?: string } {
  const set = new TemplateSet({ funcNames: Object.keys(funcs) });
  const loaded = loadValuesYaml(c.values ?? '', 'oracle/values.yaml');
  const values = new GoMap(loaded.entries, 'common.Values');
  values.origins = loaded.origins;
  try {
    const sources = new Map<string, string>(
      Object.entries(c.files ?? {}).map(([k, v]) => [`oracle/${k}`, v]),
    );
    sources.set(
      FILE,
      mode === 'error' ? c.template : 'b64: {{ include "oracle.case" . | b64enc | quote }}\n',
    );
    if (c.helpers !== undefined) sources.set(HELPERS, c.helpers);
    if (mode === 'output') sources.set(CASE, `{{ define "oracle.case" }}${c.template}{{ end }}`);
    for (const name of helmParseOrder(sources.keys())) set.add(name, sources.get(name) ?? '');
    const r = execute(set, mode === 'output' ? 'oracle.case' : FILE, contextFor(values, FILE), {
      funcs,
      ctx: createCallContext({ seed: c.id }),
    });
    // The oracle decoded helm's output bytes as UTF-8: an invalid byte reads as U+FFFD.
    return { output: goBytes(r.output).toString('utf8') };
  } catch (e) {
    return { error: helmErrorMessage(e) };
  }
}

const files = readdirSync(dir).filter((f) => f.endsWith('.cases.yaml'));

describe.each(files)('%s', (file) => {
  const cases = (YAML.parse(readFileSync(new URL(file, dir), 'utf8')) as { values?: string; cases: Case[] })
    .cases;
  const doc = YAML.parse(readFileSync(new URL(file, dir), 'utf8')) as { values?: string };
  const golden = JSON.parse(
    readFileSync(new URL(file.replace('.cases.yaml', '.golden.json'), dir), 'utf8'),
  ) as {
    cases: Record<string, { output?: string; error?: string; wrapped?: boolean }>;
  };
  for (const raw of cases) {
    const c: Case = { ...raw, values: raw.values ?? doc.values };
    const g = golden.cases[c.id];
    const skip = !g || needsRenderer(c);
    test.skipIf(skip)(c.id, () => {
      // A "wrapped" error happened only inside the oracle's include (output mode).
      if (g?.error !== undefined) expect(run(c, g.wrapped ? 'output' : 'error')).toEqual({ error: g.error });
      else expect(run(c, 'output')).toEqual({ output: g?.output });
    });
  }
});

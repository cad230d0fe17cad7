/**
 * values-schema: values.schema.json violations as findings, one per failing value, located at the values-file line
 * that supplied it (the values layer's validator keeps each value's origin).
 */
import type { Chart, SourceFile } from '../chart/types.js';
import { ChartlintError } from '../diagnostics/errors.js';
import { spanOf } from '../diagnostics/location.js';
import type { ChartValues } from '../values/dependencies.js';
import { computeChartValues } from '../values/dependencies.js';
import { validateValuesSchemas } from '../values/schema.js';
import { mergeUserValues } from '../values/user-values.js';
import { defineRule, reportMessage } from './define.js';
import { valuesSources } from './secrets/values-scan.js';
import type { RuleContext } from './types.js';

const messages = {
  violation: 'Value {path} does not satisfy {schema}: {message}.',
  'invalid-schema': '{schema} cannot be used to validate values: {message}.',
} as const;

type Ctx = RuleContext<Record<string, never>>;

function pathText(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(the values root)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/**
 * The release's values: the renderer's when it passed them, else computed from the chart defaults and the
 * environment's values files (without `--set` flags, which rules do not see). Values that fail to load are the
 * renderer's to report, so they yield nothing here.
 */
function releaseValues(ctx: Ctx, files: readonly SourceFile[]): ChartValues | undefined {
  if (ctx.values) return ctx.values;
  const defaults = new Set(chartValuesPaths(ctx.chart));
  const userFiles = files.filter((f) => !defaults.has(f.path)).map((f) => ({ path: f.path, text: f.text }));
  try {
    // The same values helm validates: the values files, then the environment's --set-style values.
    return computeChartValues(
      ctx.chart,
      mergeUserValues({ ...ctx.environment.setValues, valuesFiles: userFiles }),
    ).root;
  } catch (e) {
    if (e instanceof ChartlintError) return undefined;
    throw e;
  }
}

function chartValuesPaths(chart: Chart): string[] {
  return [...(chart.valuesFile ? [chart.valuesFile.path] : []), ...chart.subcharts.flatMap(chartValuesPaths)];
}

function schemaFileOf(chart: Chart, path: string): SourceFile | undefined {
  if (chart.schemaFile?.path === path) return chart.schemaFile;
  for (const sub of chart.subcharts) {
    const found = schemaFileOf(sub, path);
    if (found) return found;
  }
  return undefined;
}

/** The rule. */
export const rule = defineRule<Record<string, never>>({
  id: 'values-schema',
  scope: 'chart',
  messages,
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  check(ctx) {
    const files = valuesSources(ctx.chart, ctx.environment);
    const values = releaseValues(ctx, files);
    if (!values) return;
    const result = validateValuesSchemas(values);
    for (const failure of result.failures) {
      const schema = schemaFileOf(ctx.chart, failure.schemaFile);
      reportMessage(
        ctx,
        rule,
        'invalid-schema',
        { schema: failure.schemaFile, message: failure.message.split('\n')[0]?.replace(/\.$/, '') ?? '' },
        { file: { path: failure.schemaFile, ...(schema ? { span: spanOf(schema.lineStarts, 0, 0) } : {}) } },
      );
    }
    for (const problem of result.problems) {
      const origin = problem.origin;
      const config = ctx.environment.configSource;
      const source = origin?.isFile
        ? (files.find((f) => f.path === origin.source) ??
          (config?.path === origin.source ? config : undefined))
        : undefined;
      const schema = schemaFileOf(ctx.chart, problem.schemaFile);
      const target =
        origin && source
          ? { file: { path: source.path, span: spanOf(source.lineStarts, origin.start, origin.end) } }
          : {
              file: {
                path: problem.schemaFile,
                ...(schema ? { span: spanOf(schema.lineStarts, 0, 0) } : {}),
              },
            };
      reportMessage(
        ctx,
        rule,
        'violation',
        {
          path: pathText(problem.valuesPath),
          schema: problem.schemaFile,
          message: problem.message.replace(/\.$/, ''),
        },
        {
          ...target,
          discriminator: `${problem.chart}:${problem.pointer}:${problem.message.split(':')[0] ?? ''}`,
        },
      );
    }
  },
});

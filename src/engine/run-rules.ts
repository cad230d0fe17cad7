/**
 * Runs the built-in rules for one chart × environment and turns their reports into located findings
 * (DESIGN.md §5, §7): manifest reports through the source map, chart reports at the file span they name.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import type { Chart } from '../chart/types.js';
import type { RuleSetting } from '../config/types.js';
import { ChartlintError } from '../diagnostics/errors.js';
import type { Finding } from '../diagnostics/finding.js';
import type { Location } from '../diagnostics/location.js';
import type { Severity } from '../diagnostics/severity.js';
import type { RenderedManifest } from '../manifests/types.js';
import { loadCatalog } from '../rules/catalog.js';
import { describeSchemaErrors } from '../rules/data.js';
import { RULES } from '../rules/registry.js';
import type { Rule, RuleEnvironment, RuleReport } from '../rules/types.js';
import type { ChartValues } from '../values/dependencies.js';
import { makeFinding } from './findings.js';
import { manifestFinding } from './manifest-finding.js';

/** What {@link ruleFindings} needs. */
export interface RuleRunArgs {
  chart: Chart;
  environment: RuleEnvironment;
  manifests: readonly RenderedManifest[];
  /** `rules:` of the configuration, by rule id. Ids of policies are ignored here. */
  settings: Record<string, RuleSetting>;
  /** Reads a repository file by display path (values files, for the lines values came from). */
  readText?: (displayPath: string) => string | undefined;
  /** The release's computed values, when the renderer computed them (values-schema uses them). */
  values?: ChartValues;
}

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

/** The compiled options schema of a rule; compiled only when a configuration sets that rule's options. */
function validatorFor(rule: Rule): ValidateFunction {
  let validate = validators.get(rule.id);
  if (!validate) {
    // Rule option schemas are ours and checked by the meta tests: no need to compile the meta-schema at every start.
    ajv ??= new Ajv({ allErrors: true, strict: false, validateSchema: false });
    validate = ajv.compile(rule.optionsSchema);
    validators.set(rule.id, validate);
  }
  return validate;
}

/** A rule's effective configuration: off, or its severity and validated options. */
interface Effective {
  /** Severity the user configured explicitly; it overrides the per-report severities of the rule. */
  configured?: Severity;
  /** The catalog's default severity. */
  fallback: Severity;
  options: unknown;
}

/**
 * Resolves a rule's setting. Options are the rule's defaults overlaid with the user's and must satisfy the rule's
 * options schema; otherwise the configuration is invalid and the error names the rule.
 */
export function effectiveSetting(
  rule: Rule,
  setting: RuleSetting | undefined,
  fallback: Severity,
): Effective | 'off' {
  const [level, userOptions] = Array.isArray(setting) ? setting : [setting, undefined];
  if (level === 'off') return 'off';
  if (userOptions === undefined) {
    // The defaults are ours and the meta tests hold them to the schema: compiling every rule's schema at every start
    // would only re-check them.
    return { ...(level !== undefined ? { configured: level } : {}), fallback, options: rule.defaultOptions };
  }
  const options = { ...(rule.defaultOptions as Record<string, unknown>), ...userOptions };
  const validate = validatorFor(rule);
  if (!validate(options)) {
    throw new ChartlintError(
      'config-invalid',
      `rules.${rule.id}: invalid options: ${describeSchemaErrors(validate.errors)}`,
    );
  }
  return { ...(level !== undefined ? { configured: level } : {}), fallback, options };
}

/** Runs every enabled rule and resolves its reports into findings for this environment. */
export function ruleFindings(args: RuleRunArgs): Finding[] {
  const catalog = loadCatalog();
  const findings: Finding[] = [];
  for (const rule of RULES.values()) {
    const fallback = catalog.get(rule.id)?.severity ?? 'warning';
    const setting = effectiveSetting(rule, args.settings[rule.id], fallback);
    if (setting === 'off') continue;
    const reports: RuleReport[] = [];
    const ctx = {
      chart: args.chart,
      environment: args.environment,
      manifests: args.manifests,
      options: setting.options,
      ...(args.values ? { values: args.values } : {}),
      report: (r: RuleReport) => reports.push(r),
    };
    try {
      if (rule.scope === 'manifest') for (const manifest of args.manifests) rule.check(ctx, manifest);
      else rule.check(ctx);
    } catch (e) {
      // A rule bug must not surface as a stack trace: it becomes an internal error naming the rule and chart.
      if (e instanceof ChartlintError) throw e;
      throw new ChartlintError(
        'internal',
        `rule ${rule.id} failed on ${args.chart.dir} (${args.environment.name}): ${e instanceof Error ? e.message : String(e)}`,
        { location: { file: args.chart.chartYaml.path }, cause: e },
      );
    }
    const severityOf = (r: RuleReport): Severity => setting.configured ?? r.severity ?? setting.fallback;
    for (const report of reports) findings.push(toFinding(args, rule.id, report, severityOf(report)));
  }
  return findings;
}

function toFinding(args: RuleRunArgs, ruleId: string, report: RuleReport, severity: Severity): Finding {
  const common = {
    ruleId,
    messageId: report.messageId,
    severity,
    chart: args.chart.dir,
    environment: args.environment.name,
    ...(report.discriminator !== undefined ? { discriminator: report.discriminator } : {}),
  };
  if (report.manifest) {
    return manifestFinding(
      {
        chart: args.chart,
        environment: args.environment,
        manifests: args.manifests,
        readText: args.readText ?? (() => undefined),
      },
      {
        ...common,
        message: report.message,
        manifest: report.manifest,
        path: report.path ?? [],
        ...(report.focus !== undefined ? { focus: report.focus } : {}),
        ...(report.properties ? { properties: report.properties } : {}),
      },
    );
  }
  const location: Location = report.file
    ? { file: report.file.path, ...report.file.span }
    : { file: args.chart.chartYaml.path };
  return makeFinding({
    ...common,
    message: report.message,
    location,
    ...(report.properties ? { properties: report.properties } : {}),
  });
}

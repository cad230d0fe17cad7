import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ChartlintError } from '../diagnostics/errors.js';
import { isSeverity, type Severity } from '../diagnostics/severity.js';

/** Flags shared by `chartlint` (lint) and `chartlint template`: what helm template takes. */
const HELM_FLAGS = {
  values: { type: 'string', short: 'f', multiple: true },
  set: { type: 'string', multiple: true },
  'set-string': { type: 'string', multiple: true },
  'set-file': { type: 'string', multiple: true },
  'set-json': { type: 'string', multiple: true },
  'set-literal': { type: 'string', multiple: true },
  'kube-version': { type: 'string' },
  'api-versions': { type: 'string', short: 'a', multiple: true },
  namespace: { type: 'string', short: 'n' },
  'release-name': { type: 'string' },
  renderer: { type: 'string' },
  'helm-capabilities': { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

const LINT_FLAGS = {
  ...HELM_FLAGS,
  config: { type: 'string', short: 'c' },
  env: { type: 'string', short: 'e', multiple: true },
  'ci-values': { type: 'boolean' },
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'fail-on': { type: 'string' },
  'max-warnings': { type: 'string' },
  'show-suppressed': { type: 'boolean' },
  'no-color': { type: 'boolean' },
  jobs: { type: 'string', short: 'j' },
  'sarif-root': { type: 'string' },
  baseline: { type: 'string' },
  'update-baseline': { type: 'boolean' },
  category: { type: 'string' },
  policy: { type: 'string', short: 'p', multiple: true },
  'policy-namespace': { type: 'string', multiple: true },
  'all-namespaces': { type: 'boolean' },
  combine: { type: 'boolean' },
  data: { type: 'string', short: 'd', multiple: true },
  'no-builtin-policies': { type: 'boolean' },
  'disable-policy': { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

const TEMPLATE_FLAGS = {
  ...HELM_FLAGS,
  'include-crds': { type: 'boolean' },
  'skip-crds': { type: 'boolean' },
  'no-hooks': { type: 'boolean' },
  'skip-tests': { type: 'boolean' },
  'show-only': { type: 'string', short: 's', multiple: true },
  'is-upgrade': { type: 'boolean' },
  'skip-schema-validation': { type: 'boolean' },
  random: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/** The helm-style values and capability flags. */
export interface HelmStyleFlags {
  values: string[];
  set: string[];
  setString: string[];
  setFile: string[];
  setJson: string[];
  setLiteral: string[];
  kubeVersion?: string;
  apiVersions: string[];
  namespace?: string;
  releaseName?: string;
  renderer?: 'embedded' | 'helm';
  helmCapabilities: boolean;
}

export const FORMATS = ['text', 'json', 'sarif', 'github', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

/** Parsed `chartlint [paths…]`. */
export interface LintArgs extends HelmStyleFlags {
  command: 'lint';
  paths: string[];
  config?: string;
  envs: string[];
  ciValues: boolean;
  format: Format;
  output?: string;
  failOn: Severity;
  maxWarnings?: number;
  showSuppressed: boolean;
  noColor: boolean;
  jobs?: number;
  /** Directory SARIF URIs are relative to (default: the git root above the working directory). */
  sarifRoot?: string;
  category?: string;
  /** `--baseline FILE`: findings whose fingerprint it lists are suppressed (kind baseline). */
  baseline?: string;
  /** `--update-baseline`: write every current finding's fingerprint to the baseline file. */
  updateBaseline: boolean;
  policies: {
    paths: string[];
    namespaces: string[] | 'all';
    dataFiles: string[];
    builtin: boolean;
    disabled: string[];
    combine: boolean;
  };
}

/** Parsed `chartlint template [NAME] CHART`. */
export interface TemplateArgs extends HelmStyleFlags {
  command: 'template';
  chart: string;
  includeCrds: boolean;
  noHooks: boolean;
  skipTests: boolean;
  showOnly: string[];
  isUpgrade: boolean;
  skipSchemaValidation: boolean;
  /** `--random`: truly random values from rand*, uuidv4, gen*, now. */
  random: boolean;
}

export type CliArgs =
  | LintArgs
  | TemplateArgs
  | { command: 'help' | 'version'; topic?: string }
  | { command: 'rules'; format: 'text' | 'json' }
  | { command: 'explain'; rule: string };

/** Parses argv into a command; throws ChartlintError('usage') with a one-line reason. */
export function parseCli(argv: string[]): CliArgs {
  if (argv[0] === 'template') return parseTemplate(argv.slice(1));
  if (argv[0] === 'rules') {
    const { values } = parse(argv.slice(1), { format: { type: 'string' } });
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json')
      throw new ChartlintError('usage', `unknown --format "${format}" for rules`);
    return { command: 'rules', format };
  }
  if (argv[0] === 'explain') {
    const { positionals } = parse(argv.slice(1), {});
    if (positionals.length !== 1) throw new ChartlintError('usage', 'chartlint explain takes one RULE id');
    return { command: 'explain', rule: positionals[0]! };
  }
  const rest = argv[0] === 'lint' ? argv.slice(1) : argv;
  const { values: v, positionals } = parse(rest, LINT_FLAGS);
  if (v.version) return { command: 'version' };
  if (v.help) return { command: 'help' };
  const format = v.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new ChartlintError(
      'usage',
      `unknown --format "${format}" (expected one of: ${FORMATS.join(', ')})`,
    );
  }
  const failOn = v['fail-on'] ?? 'error';
  if (!isSeverity(failOn))
    throw new ChartlintError('usage', `unknown --fail-on "${failOn}" (expected error, warning or note)`);
  return {
    command: 'lint',
    paths: positionals.length ? positionals : ['.'],
    ...helmStyle(v),
    ...(v.config !== undefined ? { config: v.config } : {}),
    envs: v.env ?? [],
    ciValues: v['ci-values'] ?? false,
    format: format as Format,
    ...(v.output !== undefined ? { output: v.output } : {}),
    failOn,
    ...(v['max-warnings'] !== undefined
      ? { maxWarnings: nonNegativeInt('--max-warnings', v['max-warnings']) }
      : {}),
    showSuppressed: v['show-suppressed'] ?? false,
    noColor: v['no-color'] ?? false,
    ...(v.jobs !== undefined ? { jobs: Math.max(1, nonNegativeInt('--jobs', v.jobs)) } : {}),
    ...(v['sarif-root'] !== undefined ? { sarifRoot: v['sarif-root'] } : {}),
    ...(v.baseline !== undefined ? { baseline: v.baseline } : {}),
    updateBaseline: v['update-baseline'] ?? false,
    ...(v.category !== undefined ? { category: v.category } : {}),
    policies: {
      paths: v.policy ?? [],
      namespaces: v['all-namespaces'] ? 'all' : (v['policy-namespace'] ?? []),
      dataFiles: v.data ?? [],
      builtin: !(v['no-builtin-policies'] ?? false),
      disabled: v['disable-policy'] ?? [],
      combine: v.combine ?? false,
    },
  };
}

function parseTemplate(argv: string[]): TemplateArgs | { command: 'help'; topic: string } {
  const { values: v, positionals } = parse(argv, TEMPLATE_FLAGS);
  if (v.help) return { command: 'help', topic: 'template' };
  if (positionals.length < 1 || positionals.length > 2) {
    throw new ChartlintError('usage', 'chartlint template takes [NAME] CHART');
  }
  const flags = helmStyle(v);
  const [first, second] = positionals as [string, string | undefined];
  return {
    command: 'template',
    chart: second ?? first,
    ...flags,
    ...(second !== undefined ? { releaseName: first } : {}),
    includeCrds: (v['include-crds'] ?? false) && !(v['skip-crds'] ?? false),
    noHooks: v['no-hooks'] ?? false,
    skipTests: v['skip-tests'] ?? false,
    showOnly: v['show-only'] ?? [],
    isUpgrade: v['is-upgrade'] ?? false,
    skipSchemaValidation: v['skip-schema-validation'] ?? false,
    random: v.random ?? false,
  };
}

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new ChartlintError('usage', (e as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
}

type HelmValues = {
  values?: string[];
  set?: string[];
  'set-string'?: string[];
  'set-file'?: string[];
  'set-json'?: string[];
  'set-literal'?: string[];
  'kube-version'?: string;
  'api-versions'?: string[];
  namespace?: string;
  'release-name'?: string;
  renderer?: string;
  'helm-capabilities'?: boolean;
};

function helmStyle(v: HelmValues): HelmStyleFlags {
  const renderer = v.renderer;
  if (renderer !== undefined && renderer !== 'embedded' && renderer !== 'helm') {
    throw new ChartlintError('usage', `unknown --renderer "${renderer}" (expected embedded or helm)`);
  }
  return {
    values: v.values ?? [],
    set: v.set ?? [],
    setString: v['set-string'] ?? [],
    setFile: v['set-file'] ?? [],
    setJson: v['set-json'] ?? [],
    setLiteral: v['set-literal'] ?? [],
    ...(v['kube-version'] !== undefined ? { kubeVersion: v['kube-version'] } : {}),
    // helm accepts both repeated flags and comma-separated lists.
    apiVersions: (v['api-versions'] ?? []).flatMap((a) => a.split(',')).filter(Boolean),
    ...(v.namespace !== undefined ? { namespace: v.namespace } : {}),
    ...(v['release-name'] !== undefined ? { releaseName: v['release-name'] } : {}),
    ...(renderer !== undefined ? { renderer } : {}),
    helmCapabilities: v['helm-capabilities'] ?? false,
  };
}

function nonNegativeInt(flag: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new ChartlintError('usage', `${flag} takes a whole number, got "${text}"`);
  return Number(text);
}

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ChartlintError, formatLocated } from '../diagnostics/errors.js';
import { lint, type LintOptions } from '../engine/lint.js';
import { exitCodeFor } from './exit-codes.js';
import { parseCli, type LintArgs, type TemplateArgs } from './args.js';
import { HELP, TEMPLATE_HELP } from './help.js';
import { createRenderer, rendererSpec } from './renderer.js';
import { progressLine } from './progress.js';
import { applyBaseline, writeBaseline } from '../engine/baseline.js';
import { formatGithub } from '../report/github.js';
import { formatJunit } from '../report/junit.js';
import { runTemplate } from './template.js';
import { formatJson } from '../report/json.js';
import { formatText } from '../report/text.js';
import { formatSarif } from '../report/sarif.js';
import { formatRuleHelp, formatRuleList } from '../report/rules.js';
import { loadCatalog } from '../rules/catalog.js';
import { RULES } from '../rules/registry.js';

/** Entry point of the `chartlint` command. Returns the process exit code; never throws for user errors. */
export async function main(argv: string[]): Promise<number> {
  try {
    const args = parseCli(argv);
    switch (args.command) {
      case 'version':
        process.stdout.write(`${toolVersion()}\n`);
        return 0;
      case 'help':
        process.stdout.write(args.topic === 'template' ? TEMPLATE_HELP : HELP);
        return 0;
      case 'template':
        return await template(args);
      case 'lint':
        return await runLint(args);
      case 'rules':
        process.stdout.write(formatRuleList(loadCatalog(), args.format));
        return 0;
      case 'explain': {
        const entry = loadCatalog().get(args.rule);
        if (!entry) throw new ChartlintError('usage', `unknown rule "${args.rule}" (see chartlint rules)`);
        const rule = RULES.get(args.rule);
        process.stdout.write(
          formatRuleHelp(
            entry,
            rule ? { schema: rule.optionsSchema, defaults: rule.defaultOptions } : undefined,
          ),
        );
        return 0;
      }
    }
  } catch (e) {
    return reportFatal(e);
  }
}

async function runLint(args: LintArgs): Promise<number> {
  const cwd = process.cwd();
  const progress = progressLine(process.stderr, process.env);
  const options: LintOptions = {
    paths: args.paths,
    cwd,
    ...(args.config !== undefined ? { configPath: args.config } : {}),
    envNames: args.envs,
    ciValues: args.ciValues,
    overrides: args,
    renderer: rendererSpec(args.renderer ?? 'embedded', process.env),
    policies: { ...args.policies, cacheDir: userCacheDir(process.env), env: process.env },
    ...(args.jobs !== undefined ? { jobs: args.jobs } : {}),
    ...(args.helmCapabilities ? { helmCapabilities: true } : {}),
    ...(progress ? { onProgress: progress.update } : {}),
  };
  let result = await lint(options);
  progress?.clear();
  if (args.baseline !== undefined && !args.updateBaseline) {
    const file = resolve(args.baseline);
    const text = readFileOrUndefined(file);
    if (text === undefined)
      throw new ChartlintError('io', `cannot read baseline ${args.baseline}`, {
        location: { file: args.baseline },
      });
    result = { ...result, findings: applyBaseline(result.findings, text, args.baseline) };
  }
  if (args.updateBaseline) {
    if (args.baseline === undefined)
      throw new ChartlintError('usage', '--update-baseline needs --baseline FILE');
    writeFileSync(resolve(args.baseline), writeBaseline(result.findings));
    process.stderr.write(
      `chartlint: wrote ${result.findings.filter((f) => !f.suppressed).length} fingerprints to ${args.baseline}\n`,
    );
  }
  const color =
    args.output === undefined &&
    !args.noColor &&
    process.stdout.isTTY === true &&
    !('NO_COLOR' in process.env);
  let report: string;
  if (args.format === 'json') report = formatJson(result, { name: 'chartlint', version: toolVersion() });
  else if (args.format === 'github')
    report = formatGithub(result, { pathPrefix: sarifUriPrefix(cwd, args.sarifRoot) });
  else if (args.format === 'junit') report = formatJunit(result);
  else if (args.format === 'sarif') {
    const sarif = formatSarif(result, {
      tool: {
        name: 'chartlint',
        version: toolVersion(),
        ...(homepage() ? { informationUri: homepage() } : {}),
      },
      catalog: loadCatalog(),
      uriPrefix: sarifUriPrefix(cwd, args.sarifRoot),
      ...(homepage() ? { helpUriBase: `${homepage()}#rule-` } : {}),
      ...(args.category !== undefined ? { category: args.category } : {}),
    });
    if (sarif.truncated > 0) {
      process.stderr.write(
        `chartlint: warning: ${sarif.truncated} findings left out of the SARIF report (GitHub keeps at most 25000 results per run); the most severe were kept\n`,
      );
    }
    report = sarif.text;
  } else
    report = formatText(result, { color, showSuppressed: args.showSuppressed, readSource: readRepoFile });
  if (args.output !== undefined) writeFileSync(resolve(args.output), report);
  else process.stdout.write(report);
  return exitCodeFor(result, {
    failOn: args.failOn,
    ...(args.maxWarnings !== undefined ? { maxWarnings: args.maxWarnings } : {}),
  });
}

async function template(args: TemplateArgs): Promise<number> {
  const renderer = await createRenderer(
    rendererSpec(args.renderer ?? 'embedded', process.env),
    process.cwd(),
  );
  const outcome = await runTemplate(args, renderer, process.cwd());
  if (outcome.ok) {
    process.stdout.write(outcome.output);
    return 0;
  }
  process.stderr.write(`Error: ${outcome.message}\n`);
  return 1;
}

/** The user's cache directory for compiled policies (XDG on Linux, else ~/.cache). */
function userCacheDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache');
  return join(base, 'chartlint');
}

/**
 * SARIF URIs are relative to the repository root (git's top level above the working directory, or --sarif-root):
 * the prefix is the working directory relative to that root.
 */
function sarifUriPrefix(cwd: string, sarifRoot: string | undefined): string {
  let root = sarifRoot !== undefined ? resolve(sarifRoot) : undefined;
  if (root === undefined) {
    for (let dir = cwd; ; dir = dirname(dir)) {
      if (existsSync(join(dir, '.git'))) {
        root = dir;
        break;
      }
      if (dirname(dir) === dir) break;
    }
  }
  if (root === undefined) return '';
  const rel = relative(root, cwd);
  if (rel.startsWith('..'))
    throw new ChartlintError('usage', `--sarif-root ${sarifRoot} does not contain the working directory`);
  return rel.split(sep).join('/');
}

function readFileOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function readRepoFile(file: string): string | undefined {
  try {
    return readFileSync(resolve(file), 'utf8');
  } catch {
    return undefined;
  }
}

function reportFatal(e: unknown): number {
  if (e instanceof ChartlintError) {
    process.stderr.write(`chartlint: ${formatLocated(e.message, e.location)}\n`);
    for (const d of e.details) process.stderr.write(`  ${formatLocated(d.message, d.location)}\n`);
    return 2;
  }
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`chartlint: internal error: ${message}\n`);
  return 2;
}

let pkg: { version: string; homepage?: string } | undefined;
function packageJson(): { version: string; homepage?: string } {
  pkg ??= JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as typeof pkg &
    object;
  return pkg;
}
function toolVersion(): string {
  return packageJson().version;
}
/** The package's `homepage`, when it has one: SARIF links rules to it. */
function homepage(): string | undefined {
  return packageJson().homepage;
}

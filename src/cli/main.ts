import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ChartlintError, formatLocated } from '../diagnostics/errors.js';
import { lint, type LintOptions } from '../engine/lint.js';
import { exitCodeFor } from './exit-codes.js';
import { parseCli, type LintArgs, type TemplateArgs } from './args.js';
import { HELP, TEMPLATE_HELP } from './help.js';
import { createRenderer } from './renderer.js';
import { runTemplate } from './template.js';
import { formatJson } from '../report/json.js';
import { formatText } from '../report/text.js';

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
    }
  } catch (e) {
    return reportFatal(e);
  }
}

async function runLint(args: LintArgs): Promise<number> {
  const renderer = createRenderer(args.renderer ?? 'helm', process.env);
  const options: LintOptions = {
    paths: args.paths,
    cwd: process.cwd(),
    ...(args.config !== undefined ? { configPath: args.config } : {}),
    envNames: args.envs,
    ciValues: args.ciValues,
    overrides: args,
    renderer,
  };
  const result = await lint(options);
  const color =
    args.output === undefined && !args.noColor && process.stdout.isTTY === true && !('NO_COLOR' in process.env);
  const report =
    args.format === 'json'
      ? formatJson(result, { name: 'chartlint', version: toolVersion() })
      : formatText(result, { color, showSuppressed: args.showSuppressed, readSource: readRepoFile });
  if (args.output !== undefined) writeFileSync(resolve(args.output), report);
  else process.stdout.write(report);
  return exitCodeFor(result, { failOn: args.failOn, ...(args.maxWarnings !== undefined ? { maxWarnings: args.maxWarnings } : {}) });
}

async function template(args: TemplateArgs): Promise<number> {
  const renderer = createRenderer(args.renderer ?? 'helm', process.env);
  const outcome = await runTemplate(args, renderer, process.cwd());
  if (outcome.ok) {
    process.stdout.write(outcome.output);
    return 0;
  }
  process.stderr.write(`Error: ${outcome.message}\n`);
  return 1;
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

let version: string | undefined;
function toolVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;
  return version;
}

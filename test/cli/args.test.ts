import { describe, expect, it } from 'vitest';
import { parseCli } from '../../src/cli/args.js';
import { ChartlintError } from '../../src/diagnostics/errors.js';

describe('parseCli', () => {
  it('defaults to linting the working directory with text output, failing on errors', () => {
    const a = parseCli([]);
    expect(a).toMatchObject({ command: 'lint', paths: ['.'], format: 'text', failOn: 'error', envs: [] });
  });

  it('accepts the lint subcommand name and helm-style values flags in order', () => {
    const a = parseCli([
      'lint',
      'charts/a',
      '-f',
      'x.yaml',
      '--values',
      'y.yaml',
      '--set',
      'a=1',
      '--set',
      'b=2',
    ]);
    expect(a).toMatchObject({
      command: 'lint',
      paths: ['charts/a'],
      values: ['x.yaml', 'y.yaml'],
      set: ['a=1', 'b=2'],
    });
  });

  it('splits comma-separated --api-versions like helm', () => {
    const a = parseCli(['-a', 'v1,apps/v1', '--api-versions', 'x/v1']);
    expect(a).toMatchObject({ apiVersions: ['v1', 'apps/v1', 'x/v1'] });
  });

  it('maps the policy flags, with --all-namespaces winning over names', () => {
    const a = parseCli([
      '--policy',
      'p',
      '--policy-namespace',
      'main',
      '--all-namespaces',
      '--combine',
      '--no-builtin-policies',
    ]);
    expect(a).toMatchObject({ policies: { paths: ['p'], namespaces: 'all', combine: true, builtin: false } });
  });

  it.each([
    [['--format', 'xml'], /unknown --format "xml"/],
    [['--fail-on', 'fatal'], /unknown --fail-on "fatal"/],
    [['--max-warnings', 'x'], /--max-warnings takes a whole number/],
    [['--renderer', 'kustomize'], /unknown --renderer "kustomize"/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['template'], /chartlint template takes \[NAME\] CHART/],
    [['explain'], /chartlint explain takes one RULE id/],
  ])('rejects %j with a usage error', (argv, message) => {
    let error: unknown;
    try {
      parseCli(argv);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ChartlintError);
    expect((error as ChartlintError).code).toBe('usage');
    expect((error as ChartlintError).message).toMatch(message);
  });

  it('parses template with and without a release name, like helm template', () => {
    expect(parseCli(['template', 'chart'])).toMatchObject({ command: 'template', chart: 'chart' });
    const named = parseCli(['template', 'rel', 'chart', '--include-crds', '-s', 'templates/a.yaml']);
    expect(named).toMatchObject({
      chart: 'chart',
      releaseName: 'rel',
      includeCrds: true,
      showOnly: ['templates/a.yaml'],
    });
    expect(parseCli(['template', 'c', '--include-crds', '--skip-crds'])).toMatchObject({
      includeCrds: false,
    });
  });

  it('parses rules and explain', () => {
    expect(parseCli(['rules', '--format', 'json'])).toEqual({ command: 'rules', format: 'json' });
    expect(parseCli(['explain', 'render-error'])).toEqual({ command: 'explain', rule: 'render-error' });
  });
});

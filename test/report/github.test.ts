import { describe, expect, it } from 'vitest';
import { formatGithub } from '../../src/report/github.js';
import { configError, finding, result } from './fixtures.js';

function lines(text: string): string[] {
  return text.trimEnd().split('\n');
}

describe('formatGithub', () => {
  it('writes one workflow command per unsuppressed finding, with the full single-line region and the rule as title', () => {
    const out = lines(formatGithub(result([finding()])));
    expect(out[0]).toBe(
      '::error file=charts/app/templates/cm.yaml,line=7,col=20,endLine=7,endColumn=24,title=render-error::Rendering failed. [dev, prod]',
    );
  });

  it('maps warning to ::warning and note to ::notice', () => {
    const out = lines(
      formatGithub(
        result([finding({ severity: 'warning' }), finding({ severity: 'note', environments: [] })]),
      ),
    );
    expect(out[0]).toMatch(/^::warning file=/);
    expect(out[1]).toMatch(/^::notice file=.*::Rendering failed\.$/);
  });

  it('gives no columns for a multi-line range, and only the file when there is no line', () => {
    const multi = finding({
      location: { file: 'a.yaml', startLine: 2, startColumn: 3, endLine: 4, endColumn: 1 },
    });
    const bare = finding({ location: { file: 'Chart.yaml' } });
    const out = lines(formatGithub(result([multi, bare])));
    expect(out[0]).toMatch(/^::error file=a\.yaml,line=2,endLine=4,title=render-error::/);
    expect(out[1]).toMatch(/^::error file=Chart\.yaml,title=render-error::/);
  });

  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    const f = finding({
      ruleId: 'chartlint.x/warn',
      message: '100% bad:\r\nsecond, line.',
      environments: [],
      location: { file: 'dir,with:odd%/values.yaml', startLine: 1 },
    });
    expect(lines(formatGithub(result([f])))[0]).toBe(
      '::error file=dir%2Cwith%3Aodd%25/values.yaml,line=1,endLine=1,title=chartlint.x/warn::100%25 bad:%0D%0Asecond, line.',
    );
  });

  it('lists related locations on further lines of the message', () => {
    const f = finding({
      environments: [],
      related: [
        { file: 'charts/app/templates/_h.tpl', startLine: 3, startColumn: 1, label: 'included from' },
      ],
    });
    expect(lines(formatGithub(result([f])))[0]).toMatch(
      /::Rendering failed\.%0Aincluded from: charts\/app\/templates\/_h\.tpl:3:1$/,
    );
  });

  it('prefixes paths when the working directory is below the repository root', () => {
    const f = finding({ related: [{ file: 'charts/app/values.yaml', startLine: 2, label: 'values' }] });
    const out = lines(formatGithub(result([f]), { pathPrefix: 'deploy/' }))[0];
    expect(out).toMatch(/^::error file=deploy\/charts\/app\/templates\/cm\.yaml,/);
    expect(out).toContain('values: deploy/charts/app/values.yaml:2');
  });

  it('does not annotate suppressed findings but counts them in the summary line', () => {
    const out = lines(
      formatGithub(result([finding({ suppressed: true, suppression: { kind: 'baseline' } })])),
    );
    expect(out).toEqual([
      'chartlint: 2 chart(s), 3 environment(s): 0 error(s), 0 warning(s), 0 note(s), 1 suppressed, 0 problem(s) stopped linting',
    ]);
  });

  it('reports problems that stopped linting as errors titled with their code', () => {
    const out = lines(formatGithub(result([], [configError()])));
    expect(out[0]).toBe(
      '::error file=charts/bad/.chartlint.yaml,line=3,col=5,endLine=3,title=chartlint config-invalid::invalid configuration%0Acharts/bad/.chartlint.yaml:3:5: unknown key "envs"',
    );
    expect(out[1]).toContain('1 problem(s) stopped linting');
  });
});

import { describe, expect, it } from 'vitest';
import { formatJunit } from '../../src/report/junit.js';
import { configError, finding, result } from './fixtures.js';

describe('formatJunit', () => {
  it('writes a suite per chart, a case per finding: failure when unsuppressed, skipped when suppressed', () => {
    const failing = finding({
      ruleId: 'chartlint.image_latest_tag/warn',
      severity: 'warning',
      message: 'Container web uses tag latest.',
      resource: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' },
      path: ['spec', 'template', 'spec', 'containers', 0, 'image'],
      location: { file: 'charts/app/values.yaml', startLine: 4, startColumn: 8 },
      related: [
        { file: 'charts/app/templates/deploy.yaml', startLine: 12, startColumn: 18, label: 'template' },
      ],
    });
    const accepted = finding({ suppressed: true, suppression: { kind: 'comment', justification: 'known' } });
    expect(formatJunit(result([failing, accepted]))).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="chartlint" tests="3" failures="1" errors="0" skipped="1">',
        '  <testsuite name="charts/app" tests="2" failures="1" errors="0" skipped="1">',
        '    <testcase classname="chartlint.image_latest_tag/warn" name="Deployment/shop/web spec.template.spec.containers[0].image (charts/app/values.yaml:4:8)" file="charts/app/values.yaml" line="4">',
        '      <failure message="Container web uses tag latest." type="warning">charts/app/values.yaml:4:8  warning  chartlint.image_latest_tag/warn  Container web uses tag latest.  [dev, prod]',
        '  template: charts/app/templates/deploy.yaml:12:18</failure>',
        '    </testcase>',
        '    <testcase classname="render-error" name="charts/app/templates/cm.yaml:7:20" file="charts/app/templates/cm.yaml" line="7">',
        '      <skipped message="suppressed (comment): known"/>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="charts/empty" tests="1" failures="0" errors="0" skipped="0">',
        '    <testcase classname="chartlint" name="lint"/>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('reports problems that stopped linting as error cases in a suite named after their file', () => {
    const out = formatJunit(result([], [configError()]));
    expect(out).toContain('<testsuites name="chartlint" tests="3" failures="0" errors="1" skipped="0">');
    expect(out).toContain(
      [
        '  <testsuite name="charts/bad/.chartlint.yaml" tests="1" failures="0" errors="1" skipped="0">',
        '    <testcase classname="chartlint" name="config-invalid" file="charts/bad/.chartlint.yaml" line="3">',
        '      <error message="invalid configuration" type="config-invalid">charts/bad/.chartlint.yaml:3:5: invalid configuration',
        '  charts/bad/.chartlint.yaml:3:5: unknown key "envs"</error>',
      ].join('\n'),
    );
  });

  it('escapes markup, quotes and line breaks, and replaces characters XML cannot carry', () => {
    const f = finding({
      message: 'a <b> & "c" \'d\'\nline\u0001 \ud800.',
      environments: [],
      location: { file: 'x&y.yaml', startLine: 1 },
    });
    const out = formatJunit(result([f]));
    expect(out).toContain('name="x&amp;y.yaml:1" file="x&amp;y.yaml" line="1"');
    expect(out).toContain(
      '<failure message="a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;&#10;line\ufffd \ufffd." type="error">',
    );
    expect(out).toContain('render-error  a &lt;b&gt; &amp; "c" \'d\'\nline\ufffd \ufffd.</failure>');
  });
});

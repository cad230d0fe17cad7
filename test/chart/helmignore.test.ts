import { describe, expect, it } from 'vitest';
import { parseHelmIgnore } from '../../src/chart/helmignore.js';
import { goPathMatch } from '../../src/chart/go-path-match.js';
import { lineStartsOf } from '../../src/diagnostics/location.js';

const rules = (text: string) =>
  parseHelmIgnore({ chartPath: '.helmignore', path: 'c/.helmignore', text, lineStarts: lineStartsOf(text) });

describe('.helmignore', () => {
  it.each<[string, string, boolean, boolean]>([
    ['*.bak', 'old.bak', false, true],
    ['*.bak', 'docs/old.bak', false, true],
    ['*.bak', 'old.bak.txt', false, false],
    ['/secret.txt', 'secret.txt', false, true],
    ['/secret.txt', 'sub/secret.txt', false, false],
    ['docs/*.md', 'docs/a.md', false, true],
    ['docs/*.md', 'x/docs/a.md', false, false],
    ['docs/*.md', 'docs/sub/a.md', false, false],
    ['ci/', 'ci', true, true],
    ['ci/', 'ci', false, false],
    ['.git', '.git', true, true],
    ['[ab].txt', 'b.txt', false, true],
    ['[^ab].txt', 'c.txt', false, true],
    ['?.txt', 'ab.txt', false, false],
    // Helm's negation: a negated rule ignores whatever it does NOT match.
    ['!keep.txt', 'other.txt', false, true],
    ['!keep.txt', 'keep.txt', false, false],
    ['# comment', 'comment', false, false],
  ])('%s on %s (dir: %s) → ignored %s', (pattern, path, isDir, ignored) => {
    expect(rules(`${pattern}\n`).ignores(path, isDir)).toBe(ignored);
  });

  it('always adds templates/.?* so hidden files in templates/ are never templates', () => {
    const empty = parseHelmIgnore(undefined);
    expect(empty.patterns).toEqual(['templates/.?*']);
    expect(empty.ignores('templates/.hidden.yaml', false)).toBe(true);
    expect(empty.ignores('templates/.d', true)).toBe(true);
    expect(empty.ignores('templates/a.yaml', false)).toBe(false);
    expect(empty.ignores('templates/sub/.x.yaml', false)).toBe(false);
    expect(empty.ignores('.hidden', false)).toBe(false);
  });

  it('rejects ** and malformed patterns at their line', () => {
    expect(() => rules('ok\n  a/**/b\n')).toThrow(
      '.helmignore: double-star (**) syntax is not supported: "a/**/b"',
    );
    try {
      rules('ok\n[z-a]\n');
    } catch (error) {
      expect((error as Error).message).toBe('.helmignore: syntax error in pattern: "[z-a]"');
      expect(error).toMatchObject({ location: { file: 'c/.helmignore', startLine: 2, startColumn: 1 } });
      return;
    }
    throw new Error('expected a bad pattern error');
  });
});

describe("Go's filepath.Match", () => {
  it.each<[string, string, boolean]>([
    ['abc', 'abc', true],
    ['*', 'abc', true],
    ['*', 'a/b', false],
    ['a*/b', 'abc/b', true],
    ['a*b*c*d*e*/f', 'axbxcxdxe/f', true],
    ['a*b?c*x', 'abxbbxdbxebxczzx', true],
    ['ab[c]', 'abc', true],
    ['ab[b-d]', 'abc', true],
    ['ab[^c]', 'abc', false],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'ab', false],
    ['a?b', 'a/b', false],
    ['[\\]a]', ']', true],
  ])('%s vs %s → %s', (pattern, name, expected) => {
    expect(goPathMatch(pattern, name)).toBe(expected);
  });

  it.each(['[', '[^', '[a-', 'a\\', '[]a]', '[-]'])('rejects the bad pattern %s', (pattern) => {
    expect(() => goPathMatch(pattern, 'abc-x')).toThrow('syntax error in pattern');
  });
});

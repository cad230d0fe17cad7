import { describe, expect, it } from 'vitest';
import { compileGlob, GlobSyntaxError } from '../../../src/render/embedded/glob.js';

describe('.Files.Glob patterns (gobwas/glob with / as separator)', () => {
  it.each([
    ['files/*.txt', 'files/a.txt', true],
    ['files/*.txt', 'files/sub/a.txt', false],
    ['files/**', 'files/sub/a.txt', true],
    ['**.txt', 'files/sub/a.txt', true],
    ['files/?.txt', 'files/a.txt', true],
    ['files/?.txt', 'files/ab.txt', false],
    ['files/[ab].txt', 'files/b.txt', true],
    ['files/[!ab].txt', 'files/c.txt', true],
    ['files/[!ab].txt', 'files/a.txt', false],
    ['files/[a-c]*', 'files/cat', true],
    ['files/{a,b/*}.txt', 'files/b/x.txt', true],
    ['files/{a,b/*}.txt', 'files/c.txt', false],
    ['files/\\*.txt', 'files/*.txt', true],
    ['files/\\*.txt', 'files/a.txt', false],
    ['a.b', 'axb', false],
    ['(x)|y+', '(x)|y+', true],
  ])('%s matches %s: %s', (pattern, name, expected) => {
    expect(compileGlob(pattern).test(name)).toBe(expected);
  });

  it.each(['files/[', 'files/{a,b', 'x\\', 'files/[]'])('rejects %s', (pattern) => {
    expect(() => compileGlob(pattern)).toThrow(GlobSyntaxError);
  });
});

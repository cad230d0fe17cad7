import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChartlintError } from '../../src/diagnostics/errors.js';
import { GoInt, GoList, GoMap } from '../../src/values/model.js';
import { type SetFlag, parseSet, parseSetInto, typedSetValue } from '../../src/values/strvals.js';

const FLAGS: SetFlag[] = ['--set', '--set-string', '--set-file', '--set-json', '--set-literal'];
/** Arguments built mostly from the characters strvals gives meaning to, so the fuzzer reaches every branch. */
const setArg = fc.string({
  unit: fc.constantFrom(
    'a',
    'b',
    '0',
    '1',
    '-',
    '=',
    ',',
    '.',
    '[',
    ']',
    '{',
    '}',
    '\\',
    '"',
    ' ',
    'x',
    ':',
    'é',
  ),
  maxLength: 24,
});

describe('strvals properties', () => {
  it('never crashes: every input parses or fails with a located values error', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FLAGS), setArg, (flag, arg) => {
        try {
          parseSet(flag, arg, { readFile: (p) => `content of ${p}` });
        } catch (e) {
          expect(e).toBeInstanceOf(ChartlintError);
          const err = e as ChartlintError;
          expect(err.code).toBe('values-invalid');
          expect(err.location?.file).toBe(`${flag} ${arg}`);
          expect(err.location?.startColumn).toBeGreaterThanOrEqual(1);
          expect(err.message.startsWith(`failed parsing ${flag} data`)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('never crashes on arbitrary unicode text either', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FLAGS), fc.string({ unit: 'grapheme', maxLength: 40 }), (flag, arg) => {
        try {
          parseSet(flag, arg, { readFile: () => '' });
        } catch (e) {
          expect(e).toBeInstanceOf(ChartlintError);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips simple assignments: key=value sets exactly that string key', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/),
        fc.stringMatching(/^[a-z][a-z ]{0,8}$/),
        (k, v) => {
          expect(parseSet('--set-string', `${k}=${v}`).get(k)).toBe(v);
        },
      ),
    );
  });
});

describe('strvals details', () => {
  it('types --set values like Helm', () => {
    expect(typedSetValue('1000000', false)).toEqual(new GoInt(1000000n, 'int64'));
    expect(typedSetValue('9223372036854775808', false)).toBe('9223372036854775808');
    expect(typedSetValue('TRUE', false)).toBe(true);
    expect(typedSetValue('007', false)).toBe('007');
    expect(typedSetValue('007', true)).toBe('007');
  });

  it('records origins naming the flag and the value span', () => {
    const m = parseSet('--set', 'a.b=12,c={x,y}');
    const a = m.get('a') as GoMap;
    expect(a.origins?.get('b')).toEqual({
      source: '--set a.b=12,c={x,y}',
      isFile: false,
      start: 4,
      end: 6,
      path: ['a', 'b'],
    });
    const c = m.get('c') as GoList;
    expect(c.origins?.[1]).toMatchObject({ start: 12, end: 13, path: ['c', 1] });
  });

  it('merges into an existing user map and list', () => {
    const dest = parseSet('--set', 'l={a,b,c},m.x=1');
    parseSetInto('--set', 'l[1]=z,m.y=2', dest);
    expect((dest.get('l') as GoList).items).toEqual(['a', 'z', 'c']);
    expect((dest.get('m') as GoMap).sortedKeys()).toEqual(['x', 'y']);
  });

  it('reports a --set-file read failure with the reader message', () => {
    expect(() =>
      parseSet('--set-file', 'k=missing.txt', {
        readFile: () => {
          throw new Error('open missing.txt: no such file or directory');
        },
      }),
    ).toThrow('failed parsing --set-file data: open missing.txt: no such file or directory');
  });

  it('locates errors at the column where parsing stopped', () => {
    try {
      parseSet('--set', 'ok=1,a[x]=1');
      expect.unreachable();
    } catch (e) {
      expect((e as ChartlintError).location).toEqual({
        file: '--set ok=1,a[x]=1',
        startLine: 1,
        startColumn: 14,
      });
    }
  });
});

describe('strvals origins', () => {
  it('name the flag, or the file span a configuration set: entry gives', () => {
    const flag = new GoMap();
    parseSetInto('--set-json', 'a.b=1', flag);
    expect((flag.get('a') as GoMap).origins?.get('b')).toMatchObject({
      source: '--set-json a.b=1',
      isFile: false,
    });
    const fromConfig = new GoMap();
    parseSetInto('--set-json', 'a.b=1', fromConfig, {
      origin: { file: 'c/.chartlint.yaml', start: 40, end: 41 },
    });
    expect((fromConfig.get('a') as GoMap).origins?.get('b')).toEqual({
      source: 'c/.chartlint.yaml',
      isFile: true,
      start: 40,
      end: 41,
      path: ['a', 'b'],
    });
  });

  it('give the values nested in a JSON value their own file ranges', () => {
    const m = new GoMap();
    const origin = {
      file: 'f',
      start: 10,
      end: 40,
      children: {
        on: { start: 12, end: 16 },
        ports: { start: 20, end: 30, children: { '1': { start: 25, end: 27 } } },
      },
    };
    parseSetInto('--set-json', 'debug={"on":true,"ports":[80,81],"x":1}', m, { origin });
    const debug = m.get('debug') as GoMap;
    expect(m.origins?.get('debug')).toMatchObject({ source: 'f', isFile: true, start: 10, end: 40 });
    expect(debug.origins?.get('on')).toEqual({
      source: 'f',
      isFile: true,
      start: 12,
      end: 16,
      path: ['debug', 'on'],
    });
    expect(debug.origins?.get('x')).toBeUndefined();
    expect((debug.get('ports') as GoList).origins).toEqual([
      undefined,
      { source: 'f', isFile: true, start: 25, end: 27, path: ['debug', 'ports', 1] },
    ]);
  });
});

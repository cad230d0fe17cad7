import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ChartlintError } from '../../src/diagnostics/errors.js';
import { retypeMap } from '../../src/values/merge.js';
import { type UserValuesInput, mergeUserValues } from '../../src/values/user-values.js';
import { dump, loadGoldenCases } from './helpers.js';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');

/** Turns recorded helm arguments into the merge input, reading files relative to the repository root. */
export function userInputFromArgs(args: readonly string[]): UserValuesInput {
  const input: Required<Omit<UserValuesInput, 'readFile'>> & UserValuesInput = {
    valuesFiles: [],
    setJson: [],
    set: [],
    setString: [],
    setFile: [],
    setLiteral: [],
    readFile: read,
  };
  const lists: Record<string, string[]> = {
    '--set-json': input.setJson as string[],
    '--set': input.set as string[],
    '--set-string': input.setString as string[],
    '--set-file': input.setFile as string[],
    '--set-literal': input.setLiteral as string[],
  };
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i] ?? '';
    const value = args[i + 1] ?? '';
    if (flag === '-f')
      (input.valuesFiles as { path: string; text: string }[]).push({ path: value, text: read(value) });
    else lists[flag]?.push(value);
  }
  return input;
}

describe('--set family and -f merging match helm v4.1.4 (fixtures/values/strvals)', () => {
  for (const c of loadGoldenCases('strvals')) {
    it(c.id, () => {
      let result: string;
      try {
        result = dump(retypeMap(mergeUserValues(userInputFromArgs(c.args ?? [])), 'common.Values'));
      } catch (e) {
        if (!(e instanceof ChartlintError)) throw e;
        expect(e.code).toBe('values-invalid');
        expect(e.location?.file).toBeTruthy();
        expect({ error: e.message }).toEqual(c.expected);
        return;
      }
      expect({ output: result }).toEqual(c.expected);
    });
  }
});

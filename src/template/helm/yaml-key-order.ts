/**
 * The "natural" order in which go-yaml v2 and v3 write string map keys (helm-render-spec.md §9.1): rune by rune;
 * at the first difference two letters compare by code point, a letter and a non-letter put the non-letter first
 * (the letter first when the previous equal rune was a digit), and otherwise the digit runs starting there are
 * compared as numbers, then by length, then by code point. A prefix sorts first. `toJson`, `toToml` and `range`
 * use plain byte order instead.
 */

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;

const isLetter = (ch: string): boolean => LETTER.test(ch);
const isDigit = (ch: string): boolean => DIGIT.test(ch);

/**
 * The value of the digit run of `runes` starting at `from`, as go-yaml accumulates it in an int64 (each rune
 * counts as its code point minus '0', and the sum wraps around like Go's), and the index where the run ends.
 */
function digitRun(runes: string[], from: number, seed: bigint): { value: bigint; end: number } {
  let value = seed;
  let end = from;
  while (end < runes.length && isDigit(runes[end] ?? '')) {
    value = BigInt.asIntN(64, value * 10n + BigInt((runes[end]?.codePointAt(0) ?? 0) - 0x30));
    end++;
  }
  return { value, end };
}

/** go-yaml's `keyList.Less` for two string keys. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = Array.from(a);
  const br = Array.from(b);
  let digits = false;
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ac = ar[i] ?? '';
    const bc = br[i] ?? '';
    if (ac === bc) {
      digits = isDigit(ac);
      continue;
    }
    const al = isLetter(ac);
    const bl = isLetter(bc);
    if (al && bl) return (ac.codePointAt(0) ?? 0) < (bc.codePointAt(0) ?? 0);
    if (al || bl) return digits ? al : bl;
    // A run continuing earlier non-zero digits counts as non-zero, so leading zeros only matter at a run start.
    let seed = 0n;
    if (ac === '0' || bc === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j] ?? ''); j--) {
        if (ar[j] !== '0') {
          seed = 1n;
          break;
        }
      }
    }
    const an = digitRun(ar, i, seed);
    const bn = digitRun(br, i, seed);
    if (an.value !== bn.value) return an.value < bn.value;
    if (an.end !== bn.end) return an.end < bn.end;
    return (ac.codePointAt(0) ?? 0) < (bc.codePointAt(0) ?? 0);
  }
  return ar.length < br.length;
}

/** A sort comparator for go-yaml's natural key order. */
export function compareYamlKeys(a: string, b: string): number {
  return yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0;
}

/**
 * Helm's `fromYaml` and `fromYamlArray` (helm-render-spec.md §9.4): sigs.k8s.io/yaml decodes the text with the
 * same YAML 1.1 rules as values files (float64 numbers, `yes`/`on`/`n` booleans, also as keys). They never fail a
 * render: a decoding error becomes the result, `{"Error": "<message>"}` for `fromYaml` and `["<message>"]` for
 * `fromYamlArray`, because Helm's functions swallow errors that way.
 */
import { ChartlintError } from '../../diagnostics/errors.js';
import { GoList, GoMap } from '../../values/model.js';
import { parseYamlList, parseYamlMap } from '../../values/yaml11.js';

/** Origins of decoded entries name the function; they point into template text, not a repository file. */
const SOURCE = 'fromYaml';

/** `fromYaml STR`: the decoded map (empty text → `{}`), or `{"Error": …}` with Helm's message. */
export function fromYaml(text: string): GoMap {
  try {
    return parseYamlMap(text, SOURCE, { isFile: false });
  } catch (e) {
    if (!(e instanceof ChartlintError)) throw e;
    const result = new GoMap();
    result.set('Error', e.message);
    return result;
  }
}

/** `fromYamlArray STR`: the decoded list (empty text → `[]`), or `["<message>"]` with Helm's message. */
export function fromYamlArray(text: string): GoList {
  try {
    return parseYamlList(text, SOURCE, { isFile: false });
  } catch (e) {
    if (!(e instanceof ChartlintError)) throw e;
    return new GoList([e.message]);
  }
}

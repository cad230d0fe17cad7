/**
 * Baselines (DESIGN.md §9): a file of the fingerprints of findings a team has accepted for now, so that adopting
 * chartlint on an existing repository only reports new problems. Fingerprints survive line shifts and environment
 * changes (diagnostics/fingerprint.ts), so the file does not churn when unrelated lines move.
 */
import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from 'yaml';
import { ChartlintError } from '../diagnostics/errors.js';
import type { Finding } from '../diagnostics/finding.js';
import type { Location } from '../diagnostics/location.js';

/** Version of the baseline file's shape; a file of another version is refused rather than half-understood. */
const BASELINE_VERSION = 1;

/** One accepted finding. `ruleId` and `file` are there for humans reviewing the file; only `fingerprint` counts. */
interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  file: string;
}

/** The baseline file (JSON). */
interface BaselineFile {
  version: typeof BASELINE_VERSION;
  findings: BaselineEntry[];
}

/**
 * The baseline of a run (`--update-baseline`): every finding that is not suppressed by a comment, an annotation or
 * the configuration — those are accepted in the sources already, while findings that an older baseline suppressed
 * are still present and stay in. One entry per fingerprint, sorted by fingerprint; the text ends with a newline.
 */
export function writeBaseline(findings: readonly Finding[]): string {
  const entries = new Map<string, BaselineEntry>();
  for (const f of findings) {
    if (f.suppressed && f.suppression?.kind !== 'baseline') continue;
    if (!entries.has(f.fingerprint))
      entries.set(f.fingerprint, { fingerprint: f.fingerprint, ruleId: f.ruleId, file: f.location.file });
  }
  const doc: BaselineFile = {
    version: BASELINE_VERSION,
    findings: [...entries.values()].sort((a, b) =>
      a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0,
    ),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * Marks findings whose fingerprint is in the baseline as suppressed (kind `baseline`); findings suppressed for
 * another reason keep it. `file` is the baseline's display path, used to locate problems with it.
 * @throws ChartlintError `config-invalid`, located in the baseline file, when it is not a baseline.
 */
export function applyBaseline(findings: readonly Finding[], baselineText: string, file: string): Finding[] {
  const accepted = new Set(parseBaseline(baselineText, file).findings.map((e) => e.fingerprint));
  return findings.map((f) =>
    !f.suppressed && accepted.has(f.fingerprint)
      ? { ...f, suppressed: true, suppression: { kind: 'baseline' } }
      : f,
  );
}

/**
 * Reads and checks a baseline file.
 * @throws ChartlintError `config-invalid` with the line and column of the problem.
 */
function parseBaseline(text: string, file: string): BaselineFile {
  const lineCounter = new LineCounter();
  // The YAML parser reads JSON (YAML 1.2 is a superset) and keeps node ranges, so problems get a line and column.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Location => {
    const p = lineCounter.linePos(offset);
    return { file, startLine: p.line, startColumn: p.col };
  };
  const fail = (message: string, location: Location): never => {
    throw new ChartlintError('config-invalid', `invalid baseline ${file}: ${message}`, { location });
  };
  const syntax = doc.errors[0];
  if (syntax) fail(syntax.message.split('\n')[0] ?? syntax.message, at(syntax.pos[0]));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    // Text YAML accepts but JSON does not (a trailing comma, a comment): point at the position JSON names, if any.
    const position = /at position (\d+)/.exec((e as Error).message);
    fail(`not valid JSON (${(e as Error).message})`, position ? at(Number(position[1])) : { file });
  }
  const nodeAt = (path: (string | number)[]): Location => {
    const node = doc.getIn(path, true) as YamlNode | undefined;
    return node?.range ? at(node.range[0]) : { file };
  };
  const root = doc.contents;
  if (!isMap(root) || value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail(
      'expected a JSON object with "version" and "findings"',
      root?.range ? at(root.range[0]) : { file },
    );
  }
  const obj = value as Record<string, unknown>;
  if (obj.version !== BASELINE_VERSION) {
    fail(
      `"version" must be ${BASELINE_VERSION}`,
      obj.version === undefined ? at(root.range?.[0] ?? 0) : nodeAt(['version']),
    );
  }
  if (!Array.isArray(obj.findings) || !isSeq(doc.get('findings', true))) {
    return fail(
      '"findings" must be a list',
      obj.findings === undefined ? at(root.range?.[0] ?? 0) : nodeAt(['findings']),
    );
  }
  const findings: BaselineEntry[] = [];
  obj.findings.forEach((entry: unknown, i) => {
    const e = entry as Record<string, unknown> | null;
    if (e === null || typeof e !== 'object' || Array.isArray(e))
      fail('each finding must be an object', nodeAt(['findings', i]));
    else if (typeof e.fingerprint !== 'string' || e.fingerprint === '') {
      fail(
        'each finding needs a non-empty "fingerprint" string',
        nodeAt(['findings', i, ...(e.fingerprint === undefined ? [] : ['fingerprint'])]),
      );
    } else {
      findings.push({
        fingerprint: e.fingerprint,
        ruleId: typeof e.ruleId === 'string' ? e.ruleId : '',
        file: typeof e.file === 'string' ? e.file : '',
      });
    }
  });
  return { version: BASELINE_VERSION, findings };
}

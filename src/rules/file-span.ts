/** Turns a chart-file Location into the `file` part of a RuleReport. */
import type { Location } from '../diagnostics/location.js';
import type { RuleReport } from './types.js';

/** The report target for a location in a repository file (the span only when the location has one). */
export function fileTarget(location: Location): Pick<RuleReport, 'file'> {
  const { file, startLine, startColumn, endLine, endColumn } = location;
  if (startLine === undefined || startColumn === undefined) return { file: { path: file } };
  return {
    file: {
      path: file,
      span: {
        startLine,
        startColumn,
        endLine: endLine ?? startLine,
        endColumn: endColumn ?? startColumn + 1,
      },
    },
  };
}

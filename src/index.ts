/**
 * chartlint's public API, named by hand (DESIGN.md §4): lint charts, render one chart, format the result.
 * Everything else is internal and may change between versions.
 */
export {
  lint,
  type LintOptions,
  type LintProgress,
  type PolicyOptions,
  type RendererSpec,
} from './engine/lint.js';
export type { LintResult, ChartResult, Summary } from './engine/types.js';
export type { Finding, ResourceRef } from './diagnostics/finding.js';
export type { Location, RelatedLocation } from './diagnostics/location.js';
export type { Severity } from './diagnostics/severity.js';
export { ChartlintError, type ErrorCode } from './diagnostics/errors.js';
export { EmbeddedRenderer } from './render/embedded/renderer.js';
export type { RenderRequest, RenderOutcome, RenderedDocument, Renderer } from './render/types.js';
export { formatText } from './report/text.js';
export { formatJson } from './report/json.js';
export { formatSarif } from './report/sarif.js';
export { loadCatalog, type CatalogEntry } from './rules/catalog.js';

// The tests read the compiled data tables (dist/data) exactly as the CLI does: compile them from rules/ once per run,
// so a test never sees tables older than the YAML it compares them with.
// @ts-expect-error -- a plain ESM script without type declarations
import { buildData } from '../scripts/build-data.mjs';

export default function setup(): void {
  (buildData as () => void)();
}

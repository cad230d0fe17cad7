/**
 * Entry of a lint worker thread (started by {@link LintPool} from `dist/engine/worker.js`). It receives the run's
 * settings once, then units of jobs one at a time, and answers each with the findings of its jobs in order. Charts,
 * the renderer (with its parsed templates) and policy sets are kept for the life of the thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Finding } from '../diagnostics/finding.js';
import { LintJobRunner, type LintRunSettings } from './lint.js';
import { serializeError, type UnitRequest, type UnitResponse } from './pool.js';

const port = parentPort;
if (!port) throw new Error('engine/worker.js is a worker thread entry; it cannot run on the main thread');
const runner = new LintJobRunner(workerData as LintRunSettings);

port.on('message', (request: UnitRequest) => {
  void runUnit(request).then((response) => {
    try {
      port.postMessage(response);
    } catch (e) {
      // Findings are plain data; one that cannot be cloned is a bug, reported as this unit's failure.
      port.postMessage({ id: request.id, ok: false, error: serializeError(e) } satisfies UnitResponse);
    }
  });
});

async function runUnit(request: UnitRequest): Promise<UnitResponse> {
  try {
    const findings: Finding[][] = [];
    for (const job of request.jobs) findings.push(await runner.run(job));
    return { id: request.id, ok: true, findings };
  } catch (e) {
    return { id: request.id, ok: false, error: serializeError(e) };
  }
}

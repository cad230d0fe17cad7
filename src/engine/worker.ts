/**
 * Entry of a lint worker thread (started by {@link LintPool} from `dist/engine/worker.js`). It receives the run's
 * settings once, then units of jobs one at a time, and answers each with the findings of its jobs in order. Charts,
 * the renderer (with its parsed templates) and policy sets are kept for the life of the thread.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { Finding } from '../diagnostics/finding.js';
import { LintJobRunner, type LintRunSettings } from './lint.js';
import { serializeError, type UnitRequest, type UnitResponse } from './pool.js';

if (!parentPort)
  throw new Error('engine/worker.js is a worker thread entry; it cannot run on the main thread');
const port: MessagePort = parentPort;
const runner = new LintJobRunner(workerData as LintRunSettings);

// Units run one after the other, in the order received (the pool matches answers to that order).
let previous: Promise<void> = Promise.resolve();
port.on('message', (request: UnitRequest) => {
  previous = previous.then(() => runUnit(request).then((response) => post(request.id, response)));
});

function post(id: number, response: UnitResponse): void {
  try {
    port.postMessage(response);
  } catch (e) {
    // Findings are plain data; one that cannot be cloned is a bug, reported as this unit's failure.
    port.postMessage({ id, ok: false, error: serializeError(e) } satisfies UnitResponse);
  }
}

async function runUnit(request: UnitRequest): Promise<UnitResponse> {
  try {
    const findings: Finding[][] = [];
    for (const job of request.jobs) findings.push(await runner.run(job));
    return { id: request.id, ok: true, findings };
  } catch (e) {
    return { id: request.id, ok: false, error: serializeError(e) };
  }
}

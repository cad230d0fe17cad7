/**
 * The worker pool of a lint run: units of jobs (usually all environments of one chart) go to worker threads — and to
 * the calling thread, when it offers a local lane — in the order they were submitted: one at a time to the local
 * lane, at most two to a worker (the one it runs and the next). Workers start only when there is work for them and every lane is busy, so a run with little work does
 * not pay for threads it cannot use.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';
import { ChartlintError, ERROR_CODES, type ErrorCode } from '../diagnostics/errors.js';
import type { Finding } from '../diagnostics/finding.js';
import type { Location } from '../diagnostics/location.js';
import type { LintJob, LintRunSettings } from './lint.js';

/** The worker entry, next to this module (in `dist/` once built). */
const WORKER_URL = new URL('./worker.js', import.meta.url);

/** A unit sent to a worker. */
export interface UnitRequest {
  id: number;
  jobs: LintJob[];
}

/** A worker's answer: the findings of each job of the unit, in order, or why it failed. */
export type UnitResponse =
  { id: number; ok: true; findings: Finding[][] } | { id: number; ok: false; error: SerializedError };

/** An error as it crosses threads: ChartlintError keeps its code and locations, anything else its message. */
export interface SerializedError {
  message: string;
  chartlint?: {
    code: ErrorCode;
    location?: Location;
    details: { message: string; location?: Location }[];
  };
}

/** Flattens an error for `postMessage` (class instances lose their prototype when cloned). */
export function serializeError(e: unknown): SerializedError {
  if (e instanceof ChartlintError) {
    return {
      message: e.message,
      chartlint: {
        code: e.code,
        ...(e.location ? { location: e.location } : {}),
        details: [...e.details],
      },
    };
  }
  return { message: e instanceof Error ? e.message : String(e) };
}

/** Rebuilds an error serialised by {@link serializeError}, so that callers see what an in-process run throws. */
export function deserializeError(s: SerializedError): Error {
  const c = s.chartlint;
  if (c && (ERROR_CODES as readonly string[]).includes(c.code)) {
    return new ChartlintError(c.code, s.message, {
      ...(c.location ? { location: c.location } : {}),
      details: c.details,
    });
  }
  return new Error(s.message);
}

interface QueuedUnit {
  request: UnitRequest;
  onStart: (() => void) | undefined;
  resolve: (findings: Finding[][]) => void;
  reject: (error: unknown) => void;
}

interface PoolWorker {
  thread: Worker;
  /** Units sent and not answered yet, in the order sent (a worker answers in that order). */
  inFlight: QueuedUnit[];
}

/**
 * Units a worker may hold: the one it runs and the next. The main thread answers a worker only between its own
 * synchronous stretches (it is a lane too); a second unit keeps the worker busy meanwhile.
 */
const UNITS_PER_WORKER = 2;

/** Lints a unit on the calling thread: the pool's lane that needs no thread of its own. */
export type LocalLane = (jobs: LintJob[]) => Promise<Finding[][]>;

/** Worker threads that lint units of jobs; see the module comment. */
export class LintPool {
  private readonly workers: PoolWorker[] = [];
  private readonly queue: QueuedUnit[] = [];
  private nextId = 0;
  private closed = false;
  private localBusy = false;

  /**
   * True when the worker entry exists: it is compiled JavaScript, so a pool is available when running from `dist/`
   * but not when the TypeScript sources run directly (tests); lint() then stays in-process.
   */
  static available(): boolean {
    return existsSync(fileURLToPath(WORKER_URL));
  }

  /**
   * `size` is the most worker threads it starts; each receives `settings` once. With `local`, the calling thread is
   * one more lane: it takes units whenever it is free, so work starts at once (while threads are still loading) and
   * one thread fewer is needed for the same parallelism.
   */
  constructor(
    private readonly size: number,
    private readonly settings: LintRunSettings,
    private readonly local?: LocalLane,
  ) {}

  /** Queues a unit; resolves with each job's findings in order. `onStart` is called when a lane takes it. */
  submit(jobs: LintJob[], onStart?: () => void): Promise<Finding[][]> {
    if (this.closed) return Promise.reject(new ChartlintError('internal', 'the worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, jobs }, onStart, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker; units still queued or running are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const closing = (): ChartlintError => new ChartlintError('internal', 'the worker pool closed');
    for (const unit of this.queue.splice(0)) unit.reject(closing());
    const workers = this.workers.splice(0);
    for (const w of workers) for (const unit of w.inFlight.splice(0)) unit.reject(closing());
    await Promise.all(workers.map((w) => w.thread.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      if (this.local && !this.localBusy) {
        this.runLocally(this.local, this.queue.shift() as QueuedUnit);
        continue;
      }
      // An idle worker first, then a new one, then a worker whose next unit is still free.
      let worker = this.workers.find((w) => w.inFlight.length === 0);
      if (!worker && this.workers.length < this.size) worker = this.spawn();
      worker ??= this.workers.find((w) => w.inFlight.length < UNITS_PER_WORKER);
      if (!worker) return;
      const unit = this.queue.shift() as QueuedUnit;
      worker.inFlight.push(unit);
      unit.onStart?.();
      worker.thread.postMessage(unit.request);
    }
  }

  private runLocally(local: LocalLane, unit: QueuedUnit): void {
    this.localBusy = true;
    unit.onStart?.();
    // Errors stay what they are: nothing crosses a thread here.
    void local(unit.request.jobs)
      .then(unit.resolve, unit.reject)
      .finally(() => {
        this.localBusy = false;
        if (!this.closed) this.dispatch();
      });
  }

  private spawn(): PoolWorker {
    // Required when the first worker starts: a run that stays on the main thread never loads worker_threads.
    const { Worker: WorkerThread } = createRequire(import.meta.url)(
      'node:worker_threads',
    ) as typeof import('node:worker_threads');
    const worker: PoolWorker = {
      thread: new WorkerThread(WORKER_URL, { workerData: this.settings }),
      inFlight: [],
    };
    worker.thread.on('message', (response: UnitResponse) => {
      const unit = worker.inFlight[0];
      if (!unit || unit.request.id !== response.id) return;
      worker.inFlight.shift();
      if (response.ok) unit.resolve(response.findings);
      else unit.reject(deserializeError(response.error));
      this.dispatch();
    });
    // A thread that dies (a crash, memory exhausted) fails its units; the others go on, on new threads if needed.
    const fail = (message: string): void => {
      const index = this.workers.indexOf(worker);
      if (index < 0) return;
      this.workers.splice(index, 1);
      for (const unit of worker.inFlight.splice(0)) {
        unit.reject(new ChartlintError('internal', `a worker thread stopped: ${message}`));
      }
      if (!this.closed) this.dispatch();
    };
    worker.thread.on('error', (e: Error) => fail(e.message));
    worker.thread.on('exit', (code) => fail(`exit code ${code}`));
    this.workers.push(worker);
    return worker;
  }
}

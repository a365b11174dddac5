/**
 * Deterministic parallel map over worker threads.
 *
 * `parallelMap(moduleUrl, exportName, inputs, { workers })` runs `exportName(input)` from the ES
 * module at `moduleUrl` for every input, in `workers` threads, and returns the outputs in input
 * order. The task function must be pure given its input (carry the seed in the input and fork
 * streams per item, e.g. `createRng(seed).fork('cycle', i)`), so the result is identical for any
 * number of workers. `workers = 1` runs in this thread without spawning anything.
 *
 * `createWorkerPool(moduleUrl, exportName, { workers })` keeps the threads alive across many
 * `map` calls (e.g. one per training batch), with the same ordering and determinism contract;
 * `parallelMap` is a pool used for one map.
 *
 * Tasks run in compiled JavaScript: when called from TypeScript sources (vitest), the module URL
 * is mapped to its build in dist/ (`npm run build` first).
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MagneuroError } from './errors.js';
import { packageRoot } from './paths.js';

export interface ParallelOptions {
  /** Number of worker threads (default: available cores). */
  workers?: number;
  /** Called after each finished item with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/** Map a module URL under src/*.ts to its compiled twin under dist/src/*.js (unchanged if already .js). */
export function compiledModuleUrl(moduleUrl: string | URL): string {
  const path = fileURLToPath(moduleUrl);
  if (path.endsWith('.js')) return pathToFileURL(path).href;
  const root = packageRoot();
  const rel = path.slice(root.length + 1).replace(/\.ts$/, '.js');
  const compiled = `${root}/dist/${rel}`;
  if (!existsSync(compiled)) {
    throw new MagneuroError(`worker module ${rel} is not built (${compiled} missing): run "npm run build"`);
  }
  return pathToFileURL(compiled).href;
}

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/** A set of worker threads kept alive across calls of `map` (one `map` at a time). */
export interface WorkerPool<I, O> {
  /** Threads in use (1 = in this thread, nothing spawned). */
  readonly workers: number;
  /** Same contract as parallelMap: outputs in input order, identical for any worker count. */
  map(inputs: readonly I[], options?: Pick<ParallelOptions, 'onProgress'>): Promise<O[]>;
  /** Terminates the threads; the pool cannot be used afterwards. */
  close(): Promise<void>;
}

type TaskFn<I, O> = (i: I) => O | Promise<O>;

async function importTask<I, O>(moduleUrl: string | URL, exportName: string): Promise<TaskFn<I, O>> {
  const mod = (await import(moduleUrl.toString())) as Record<string, TaskFn<I, O>>;
  const fn = mod[exportName];
  if (typeof fn !== 'function') throw new MagneuroError(`${moduleUrl}: no exported function "${exportName}"`);
  return fn;
}

/** The in-thread pool of `workers = 1`: runs the tasks one after another here. */
class InThreadPool<I, O> implements WorkerPool<I, O> {
  readonly workers = 1;
  private closed = false;
  constructor(private readonly fn: TaskFn<I, O>) {}
  async map(inputs: readonly I[], options: Pick<ParallelOptions, 'onProgress'> = {}): Promise<O[]> {
    if (this.closed) throw new MagneuroError('worker pool used after close()');
    const outputs = new Array<O>(inputs.length);
    for (let i = 0; i < inputs.length; i++) {
      outputs[i] = await this.fn(inputs[i]);
      options.onProgress?.(i + 1, inputs.length);
    }
    return outputs;
  }
  async close(): Promise<void> {
    this.closed = true;
  }
}

type WorkerMessage<O> = { idx: number; output?: O; error?: string };

/**
 * Worker threads spawned once and fed task after task. A task that throws (or a thread that dies)
 * rejects the running map and terminates the pool, as parallelMap always did.
 */
class ThreadPool<I, O> implements WorkerPool<I, O> {
  private readonly threads: Worker[];
  private busy = false;
  private broken: Error | undefined;
  /** Failure callback of the map in progress (thread errors and exits land here). */
  private fail: ((err: Error) => void) | undefined;

  constructor(entry: string, target: string, exportName: string, count: number) {
    this.threads = Array.from({ length: count }, () => {
      const w = new Worker(new URL(entry), { workerData: { moduleUrl: target, exportName } });
      w.on('error', (err) => this.abort(err));
      w.on('exit', (code) => {
        if (!this.broken) this.abort(new MagneuroError(`worker thread exited (code ${code})`));
      });
      return w;
    });
  }

  get workers(): number {
    return this.threads.length;
  }

  private abort(err: Error): void {
    if (this.broken) return;
    this.broken = err;
    for (const w of this.threads) void w.terminate();
    this.fail?.(err);
  }

  map(inputs: readonly I[], options: Pick<ParallelOptions, 'onProgress'> = {}): Promise<O[]> {
    if (this.broken) return Promise.reject(this.broken);
    if (this.busy) return Promise.reject(new MagneuroError('worker pool: one map at a time'));
    const total = inputs.length;
    const outputs = new Array<O>(total);
    if (total === 0) return Promise.resolve(outputs);
    this.busy = true;
    return new Promise<O[]>((resolve, reject) => {
      let next = 0;
      let done = 0;
      const listeners = new Map<Worker, (msg: WorkerMessage<O>) => void>();
      const finish = (err?: Error) => {
        for (const [w, l] of listeners) w.off('message', l);
        this.busy = false;
        this.fail = undefined;
        if (err) reject(err);
        else resolve(outputs);
      };
      this.fail = finish;
      const feed = (w: Worker) => {
        if (next >= total) return;
        const idx = next++;
        w.postMessage({ idx, input: inputs[idx] });
      };
      for (const w of this.threads) {
        const onMessage = (msg: WorkerMessage<O>) => {
          if (this.broken) return;
          if (msg.error !== undefined) {
            this.abort(new MagneuroError(`worker task ${msg.idx} failed: ${msg.error}`));
            return;
          }
          outputs[msg.idx] = msg.output as O;
          done++;
          options.onProgress?.(done, total);
          if (done === total) finish();
          else feed(w);
        };
        listeners.set(w, onMessage);
        w.on('message', onMessage);
      }
      for (const w of this.threads) feed(w);
    });
  }

  async close(): Promise<void> {
    if (!this.broken) this.broken = new MagneuroError('worker pool used after close()');
    await Promise.all(this.threads.map((w) => w.terminate()));
  }
}

/**
 * A pool of `workers` threads (default: available cores) running `exportName` of `moduleUrl`,
 * kept alive across `map` calls (no thread start-up and module import per call). Close it when
 * done (try/finally). `workers = 1` runs in this thread.
 */
export async function createWorkerPool<I, O>(
  moduleUrl: string | URL,
  exportName: string,
  options: Pick<ParallelOptions, 'workers'> = {},
): Promise<WorkerPool<I, O>> {
  const workers = Math.max(1, options.workers ?? defaultWorkers());
  if (workers === 1) return new InThreadPool<I, O>(await importTask<I, O>(moduleUrl, exportName));
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const entry = compiledModuleUrl(new URL(`./worker-entry${ext}`, import.meta.url));
  return new ThreadPool<I, O>(entry, compiledModuleUrl(moduleUrl), exportName, workers);
}

export async function parallelMap<I, O>(
  moduleUrl: string | URL,
  exportName: string,
  inputs: readonly I[],
  options: ParallelOptions = {},
): Promise<O[]> {
  const workers = Math.min(Math.max(1, options.workers ?? defaultWorkers()), Math.max(1, inputs.length));
  const pool = await createWorkerPool<I, O>(moduleUrl, exportName, { workers });
  try {
    return await pool.map(inputs, { onProgress: options.onProgress });
  } finally {
    await pool.close();
  }
}

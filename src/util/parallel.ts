/**
 * Deterministic parallel map over worker threads.
 *
 * `parallelMap(moduleUrl, exportName, inputs, { workers })` runs `exportName(input)` from the ES
 * module at `moduleUrl` for every input, in `workers` threads, and returns the outputs in input
 * order. The task function must be pure given its input (carry the seed in the input and fork
 * streams per item, e.g. `createRng(seed).fork('cycle', i)`), so the result is identical for any
 * number of workers. `workers = 1` runs in this thread without spawning anything.
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

export async function parallelMap<I, O>(
  moduleUrl: string | URL,
  exportName: string,
  inputs: readonly I[],
  options: ParallelOptions = {},
): Promise<O[]> {
  const total = inputs.length;
  const workers = Math.min(Math.max(1, options.workers ?? defaultWorkers()), Math.max(1, total));
  const outputs = new Array<O>(total);
  let done = 0;
  if (workers === 1) {
    const mod = (await import(moduleUrl.toString())) as Record<string, (i: I) => O | Promise<O>>;
    const fn = mod[exportName];
    if (typeof fn !== 'function')
      throw new MagneuroError(`${moduleUrl}: no exported function "${exportName}"`);
    for (let i = 0; i < total; i++) {
      outputs[i] = await fn(inputs[i]);
      done++;
      options.onProgress?.(done, total);
    }
    return outputs;
  }
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const entry = compiledModuleUrl(new URL(`./worker-entry${ext}`, import.meta.url));
  const target = compiledModuleUrl(moduleUrl);
  let next = 0;
  await new Promise<void>((resolve, reject) => {
    let active = 0;
    let failed = false;
    const spawn = () => {
      const w = new Worker(new URL(entry), { workerData: { moduleUrl: target, exportName } });
      active++;
      const feed = () => {
        if (failed) return;
        if (next >= total) {
          void w.terminate();
          return;
        }
        const idx = next++;
        w.postMessage({ idx, input: inputs[idx] });
      };
      w.on('message', (msg: { idx: number; output?: O; error?: string }) => {
        if (msg.error !== undefined) {
          failed = true;
          void w.terminate();
          reject(new MagneuroError(`worker task ${msg.idx} failed: ${msg.error}`));
          return;
        }
        outputs[msg.idx] = msg.output as O;
        done++;
        options.onProgress?.(done, total);
        feed();
      });
      w.on('error', (err) => {
        failed = true;
        reject(err);
      });
      w.on('exit', () => {
        active--;
        if (active === 0 && !failed) {
          if (done === total) resolve();
          else reject(new MagneuroError(`workers exited after ${done} of ${total} tasks`));
        }
      });
      feed();
    };
    for (let k = 0; k < workers; k++) spawn();
  });
  return outputs;
}

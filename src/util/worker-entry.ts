/** Generic worker-thread entry for parallelMap: imports the task module and serves tasks. */
import { parentPort, workerData } from 'node:worker_threads';

const { moduleUrl, exportName } = workerData as { moduleUrl: string; exportName: string };
const mod = (await import(moduleUrl)) as Record<string, (input: unknown) => unknown>;
const fn = mod[exportName];

parentPort!.on('message', async (msg: { idx: number; input: unknown }) => {
  try {
    if (typeof fn !== 'function') throw new Error(`${moduleUrl}: no exported function "${exportName}"`);
    const output = await fn(msg.input);
    parentPort!.postMessage({ idx: msg.idx, output });
  } catch (err) {
    parentPort!.postMessage({ idx: msg.idx, error: (err as Error).stack ?? String(err) });
  }
});

/**
 * Shared by the examples that train Song et al.'s Fig. 3 network on several conductance tables:
 * 784-100-10 MLP on MNIST, batch 300, 600 iterations, device lr (DEVICE_DEFAULT_LR), seeds
 * `diagnosis-0` .. `diagnosis-(n-1)`, on both cores. Returns, per table, the test accuracy of each
 * seed [%], the mean and the sample standard deviation.
 */
import { loadDataset } from '../src/nn/data/index.js';
import { DEVICE_DEFAULT_LR } from '../src/nn/mlp/index.js';
import type { ConductanceTable } from '../src/tables/index.js';
import { parallelMap } from '../src/util/parallel.js';
import type { TrainTaskInput, TrainTaskOutput } from '../src/nn/mlp/task.js';

export interface Fig3Result {
  device: string;
  accuracy_pct: number[];
  mean: number;
  sd: number;
}

export async function trainFig3Networks(
  devices: Array<[string, ConductanceTable]>,
  seeds = 5,
): Promise<Fig3Result[]> {
  const data = await loadDataset('mnist', { allowDownload: false });
  const inputs: TrainTaskInput[] = devices.flatMap(([, table]) =>
    Array.from({ length: seeds }, (_, s) => ({
      dataset: 'mnist' as const,
      dataDir: data.dir,
      table,
      options: { iterations: 600, evalEvery: 600, seed: `diagnosis-${s}`, lr: DEVICE_DEFAULT_LR },
    })),
  );
  const outs = await parallelMap<TrainTaskInput, TrainTaskOutput>(
    new URL('../src/nn/mlp/task.js', import.meta.url),
    'trainTask',
    inputs,
    { workers: 2, onProgress: (d, t) => console.error(`training run ${d}/${t}`) },
  );
  return devices.map(([device], i) => {
    const acc = outs.slice(i * seeds, (i + 1) * seeds).map((o) => +(100 * o.test_accuracy).toFixed(2));
    const mean = acc.reduce((a, b) => a + b, 0) / seeds;
    const sd = Math.sqrt(acc.reduce((a, b) => a + (b - mean) ** 2, 0) / (seeds - 1));
    return { device, accuracy_pct: acc, mean: +mean.toFixed(2), sd: +sd.toFixed(2) };
  });
}

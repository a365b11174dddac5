/**
 * Training (Adam, mini-batches split into fixed shards run on worker threads) and evaluation of
 * the spiking MLP. Every random draw is derived from the seed and the (epoch, batch, shard)
 * position, and shard gradients are summed in shard order, so results are identical for any
 * number of workers.
 */
import type { KernelPreference } from '../kernels/spike-backend.js';
import { createRng } from '../../random/stream.js';
import { createWorkerPool, type WorkerPool } from '../../util/parallel.js';
import { ParameterError } from '../../util/errors.js';
import { Adam } from '../optim/adam.js';
import {
  BN_MOMENTUM,
  initialParameters,
  snnLayout,
  type BatchNormStatistics,
  type ShardResult,
  type SnnConfig,
} from './network.js';
import type { NeuronSpec } from './spec.js';
import type { ShardTaskInput } from './task.js';

const taskUrl = (): URL =>
  new URL(import.meta.url.endsWith('.ts') ? './task.ts' : './task.js', import.meta.url);

type ShardPool = WorkerPool<ShardTaskInput, ShardResult>;

/** Threads kept for a whole training (or evaluation) run: no thread start-up per batch. */
async function withShardPool<R>(
  workers: number | undefined,
  body: (pool: ShardPool) => Promise<R>,
): Promise<R> {
  const pool = await createWorkerPool<ShardTaskInput, ShardResult>(taskUrl(), 'snnShardTask', { workers });
  try {
    return await body(pool);
  } finally {
    await pool.close();
  }
}

export interface LabeledImages {
  /** Pixel intensities in [0, 1] (= spike probability per step), count x inputs. */
  images: Float32Array;
  labels: Uint8Array;
  count: number;
}

export interface SnnModel {
  config: SnnConfig;
  neuron: NeuronSpec;
  params: Float32Array;
  running: Float32Array;
}

export interface EpochRecord {
  epoch: number;
  train_loss: number;
  train_accuracy: number;
  validation_accuracy: number | null;
  seconds: number;
  images_per_s: number;
  /** Mean spikes per (image, step, unit) per layer: input, hidden 1, hidden 2, ... */
  spike_density: number[];
}

export interface TrainOptions {
  config: SnnConfig;
  neuron: NeuronSpec;
  train: LabeledImages;
  validation?: LabeledImages;
  epochs: number;
  batchSize: number;
  lr: number;
  seed: string;
  /** Worker threads (default: all cores). Results do not depend on it. */
  workers?: number;
  /** Sparse-kernel implementation (default MAGNEURO_KERNELS or 'auto'). Results do not depend on it. */
  kernels?: KernelPreference;
  /** Images per shard, the unit of parallel work and of batch-norm statistics (default 25). */
  shardSize?: number;
  /** Start from these parameters instead of a fresh initialisation. */
  initial?: SnnModel;
  onBatch?: (epoch: number, done: number, total: number) => void;
  onEpoch?: (record: EpochRecord) => void;
}

export interface TrainResult {
  model: SnnModel;
  history: EpochRecord[];
  images_per_s: number;
}

function shardRanges(count: number, shardSize: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let s = 0; s < count; s += shardSize) out.push([s, Math.min(count, s + shardSize)]);
  return out;
}

export async function trainSnn(o: TrainOptions): Promise<TrainResult> {
  return withShardPool(o.workers, (pool) => trainWithPool(o, pool));
}

async function trainWithPool(o: TrainOptions, pool: ShardPool): Promise<TrainResult> {
  const { config, neuron, train } = o;
  const shardSize = o.shardSize ?? 25;
  if (!(Number.isInteger(o.batchSize) && o.batchSize > 0))
    throw new ParameterError('batch', o.batchSize, 'a positive integer');
  if (!(Number.isInteger(o.epochs) && o.epochs > 0))
    throw new ParameterError('epochs', o.epochs, 'a positive integer');
  if (!(Number.isInteger(shardSize) && shardSize > 0))
    throw new ParameterError('shardSize', shardSize, 'a positive integer');
  if (train.count < 1) throw new ParameterError('training images', train.count, 'at least 1');
  const layout = snnLayout(config);
  const init = o.initial ?? { ...initialParameters(config, o.seed), config, neuron };
  const params = Float32Array.from(init.params);
  const running = Float32Array.from(init.running);
  const adam = new Adam(layout.size, { lr: o.lr });
  const root = createRng(o.seed);
  const nIn = config.inputs;
  const history: EpochRecord[] = [];
  const nBatches = Math.ceil(train.count / o.batchSize);
  let totalImages = 0;
  let totalSeconds = 0;
  const grad = new Float64Array(layout.size);
  const step32 = new Float32Array(layout.size);
  let bnUpdates = o.initial ? Math.round(1 / BN_MOMENTUM) : 0;
  for (let e = 0; e < o.epochs; e++) {
    const order = Int32Array.from({ length: train.count }, (_, i) => i);
    root.fork('shuffle', e).shuffle(order);
    const t0 = performance.now();
    let lossSum = 0;
    let correct = 0;
    const spikeSum: number[] = [];
    const spikeSlots: number[] = [];
    for (let bi = 0; bi < nBatches; bi++) {
      const start = bi * o.batchSize;
      const end = Math.min(train.count, start + o.batchSize);
      const bsize = end - start;
      const inputs: ShardTaskInput[] = shardRanges(bsize, shardSize).map(([a, b], s) => {
        const count = b - a;
        const images = new Float32Array(count * nIn);
        const labels = new Uint8Array(count);
        for (let k = 0; k < count; k++) {
          const idx = order[start + a + k];
          images.set(train.images.subarray(idx * nIn, (idx + 1) * nIn), k * nIn);
          labels[k] = train.labels[idx];
        }
        return {
          config,
          neuron,
          params,
          running,
          images,
          labels,
          count,
          seed: root.fork('epoch', e).fork('batch', bi).fork('shard', s).seed,
          train: true,
          lossScale: 1 / bsize,
          kernels: o.kernels,
        };
      });
      const results = await pool.map(inputs);
      grad.fill(0);
      const stats = new Float64Array(layout.runningSize);
      results.forEach((r, s) => {
        const g = r.grad!;
        for (let k = 0; k < g.length; k++) grad[k] += g[k];
        const wgt = inputs[s].count / bsize;
        for (let k = 0; k < stats.length; k++) stats[k] += wgt * r.batchStats![k];
        lossSum += r.lossSum;
        correct += r.correct;
        r.spikeCounts.forEach((c, l) => {
          spikeSum[l] = (spikeSum[l] ?? 0) + c;
          spikeSlots[l] = (spikeSlots[l] ?? 0) + r.spikeSlots[l];
        });
      });
      for (let k = 0; k < layout.size; k++) step32[k] = grad[k];
      adam.step(params, step32);
      // Running batch-norm statistics: cumulative average over the first 1/momentum batches (no bias
      // towards the initial 0/1 values in short runs), exponential average with momentum 0.1 after.
      bnUpdates++;
      const f = Math.max(BN_MOMENTUM, 1 / bnUpdates);
      for (let k = 0; k < running.length; k++) running[k] = (1 - f) * running[k] + f * stats[k];
      o.onBatch?.(e, bi + 1, nBatches);
    }
    const seconds = (performance.now() - t0) / 1000;
    totalImages += train.count;
    totalSeconds += seconds;
    const model: SnnModel = { config, neuron, params, running };
    const val = o.validation
      ? await evaluateWithPool(pool, model, o.validation, {
          seed: root.fork('validation', e).seed,
          shardSize,
        })
      : undefined;
    const rec: EpochRecord = {
      epoch: e + 1,
      train_loss: lossSum / train.count,
      train_accuracy: correct / train.count,
      validation_accuracy: val ? val.accuracy : null,
      seconds,
      images_per_s: train.count / seconds,
      spike_density: spikeSum.map((c, l) => c / spikeSlots[l]),
    };
    history.push(rec);
    o.onEpoch?.(rec);
  }
  return {
    model: { config, neuron, params, running },
    history,
    images_per_s: totalImages / totalSeconds,
  };
}

export interface EvalOptions {
  seed: string;
  workers?: number;
  shardSize?: number;
  /** Standard deviation of Gaussian noise added to the intensities (then clipped to [0, 1]). */
  noiseStd?: number;
  /** Batch-norm statistics at inference (network.ts BatchNormStatistics); default 'running'. */
  batchNormStatistics?: BatchNormStatistics;
  onProgress?: (done: number, total: number) => void;
}

export interface EvalResult {
  accuracy: number;
  loss: number;
  count: number;
  spike_density: number[];
}

/**
 * Add N(0, std^2) noise to every intensity and clip to [0, 1] (an intensity is a spike
 * probability, so it must stay in [0, 1]).
 */
export function addClippedNoise(images: Float32Array, std: number, seed: string): Float32Array {
  if (!(std >= 0 && Number.isFinite(std)))
    throw new ParameterError('noise', std, 'a standard deviation >= 0');
  const out = Float32Array.from(images);
  if (std === 0) return out;
  const noise = createRng(seed).fork('noise', 0).fillNormal(new Float32Array(images.length), 0, std);
  for (let k = 0; k < out.length; k++) out[k] = Math.min(1, Math.max(0, out[k] + noise[k]));
  return out;
}

/** Accuracy and mean loss on a labeled set (batch norm uses the running statistics unless told otherwise). */
export async function evaluateSnn(model: SnnModel, data: LabeledImages, o: EvalOptions): Promise<EvalResult> {
  return withShardPool(o.workers, (pool) => evaluateWithPool(pool, model, data, o));
}

async function evaluateWithPool(
  pool: ShardPool,
  model: SnnModel,
  data: LabeledImages,
  o: EvalOptions,
): Promise<EvalResult> {
  const shardSize = o.shardSize ?? 25;
  const nIn = model.config.inputs;
  const images = o.noiseStd ? addClippedNoise(data.images, o.noiseStd, o.seed) : data.images;
  const root = createRng(o.seed);
  const inputs: ShardTaskInput[] = shardRanges(data.count, shardSize).map(([a, b], s) => ({
    config: model.config,
    neuron: model.neuron,
    params: model.params,
    running: model.running,
    images: images.slice(a * nIn, b * nIn),
    labels: data.labels.slice(a, b),
    count: b - a,
    seed: root.fork('eval-shard', s).seed,
    train: false,
    lossScale: 1,
    batchNormStatistics: o.batchNormStatistics,
  }));
  const results = await pool.map(inputs, { onProgress: o.onProgress });
  let correct = 0;
  let loss = 0;
  const sc: number[] = [];
  const ss: number[] = [];
  for (const r of results) {
    correct += r.correct;
    loss += r.lossSum;
    r.spikeCounts.forEach((c, l) => {
      sc[l] = (sc[l] ?? 0) + c;
      ss[l] = (ss[l] ?? 0) + r.spikeSlots[l];
    });
  }
  return {
    accuracy: correct / data.count,
    loss: loss / data.count,
    count: data.count,
    spike_density: sc.map((c, l) => c / ss[l]),
  };
}

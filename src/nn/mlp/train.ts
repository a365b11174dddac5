/**
 * Training a 784-H-10 perceptron with ideal or device synapses by SGD on batches of images
 * (Song et al. 2020, Fig. 3: H = 100, batch 300 per iteration, test on the 10,000 test images).
 */
import { createRng, type Seed } from '../../random/index.js';
import type { ConductanceTable } from '../../tables/index.js';
import { ParameterError, requireInRange } from '../../util/errors.js';
import type { Dataset, ImageSet } from '../data/index.js';
import {
  DeviceSynapses,
  deviceModelFromTable,
  IdealSynapses,
  type SynapseLayer,
  type SynapseLayerState,
} from '../synapses/index.js';
import { Mlp, type Activation, type Loss } from './network.js';

export type SynapseSpec = { kind: 'ideal' } | { kind: 'device'; table: ConductanceTable; wMax?: number };

export interface TrainOptions {
  synapse: SynapseSpec;
  hidden?: number;
  activation?: Activation;
  loss?: Loss;
  /** Learning rate of SGD on the batch-mean loss. */
  lr?: number;
  batch?: number;
  /** Number of iterations (batches); default one epoch of the (limited) training set. */
  iterations?: number;
  /** Train on the first `limit` training images only. */
  limit?: number;
  /** Evaluate on the test set every `evalEvery` iterations (default: ~20 points) and at the end. */
  evalEvery?: number;
  /** Evaluate on the first `testLimit` test images (default all 10,000). */
  testLimit?: number;
  seed?: Seed;
  onProgress?: (iteration: number, total: number) => void;
}

export interface HistoryPoint {
  iteration: number;
  images: number;
  test_accuracy: number;
  train_loss: number;
}

export interface TrainResult {
  dataset: string;
  synapse: string;
  hidden: number;
  activation: Activation;
  loss: Loss;
  lr: number;
  batch: number;
  iterations: number;
  train_images: number;
  test_images: number;
  seed: string;
  test_accuracy: number;
  history: HistoryPoint[];
  images_per_s: number;
  train_seconds: number;
  /** Device readout values of both layers (table units) before and after training. */
  device?: { quantity: string; unit: string; before: Float64Array; after: Float64Array };
  network: Mlp;
}

/** Default SGD learning rate with device synapses (chosen on a 24/16-level constant-step table, see docs/networks.md). */
export const DEVICE_DEFAULT_LR = 2;

export const TRAIN_DEFAULTS = {
  hidden: 100,
  activation: 'sigmoid' as Activation,
  loss: 'cross-entropy' as Loss,
  lr: 0.5,
  batch: 300,
};

function makeLayer(
  spec: SynapseSpec,
  rows: number,
  cols: number,
  rng: ReturnType<typeof createRng>,
): SynapseLayer {
  if (spec.kind === 'ideal') return new IdealSynapses(rows, cols, rng);
  return new DeviceSynapses(rows, cols, deviceModelFromTable(spec.table), rng, { wMax: spec.wMax });
}

function concat(a: Float64Array | undefined, b: Float64Array | undefined): Float64Array {
  const out = new Float64Array((a?.length ?? 0) + (b?.length ?? 0));
  if (a) out.set(a);
  if (b) out.set(b, a?.length ?? 0);
  return out;
}

/** Copy images idx[from..from+b) of `set` as pixel/255 into `x` (gathering a shuffled batch). */
function gather(
  set: ImageSet,
  order: Int32Array,
  from: number,
  b: number,
  x: Float32Array,
  y: Uint8Array,
): void {
  const n = set.rows * set.cols;
  const inv = 1 / 255;
  for (let r = 0; r < b; r++) {
    const img = order[from + r];
    const src = img * n;
    const dst = r * n;
    for (let p = 0; p < n; p++) x[dst + p] = set.images[src + p] * inv;
    y[r] = set.labels[img];
  }
}

export function evaluate(net: Mlp, set: ImageSet, limit = set.count, chunk = net.maxBatch): number {
  const n = set.rows * set.cols;
  const x = new Float32Array(chunk * n);
  let correct = 0;
  for (let s = 0; s < limit; s += chunk) {
    const b = Math.min(chunk, limit - s);
    const src = set.images.subarray(s * n, (s + b) * n);
    for (let p = 0; p < src.length; p++) x[p] = src[p] / 255;
    correct += net.countCorrect(x, set.labels, s, b);
  }
  return correct / limit;
}

export function trainMlp(data: Dataset, options: TrainOptions): TrainResult {
  const hidden = options.hidden ?? TRAIN_DEFAULTS.hidden;
  const activation = options.activation ?? TRAIN_DEFAULTS.activation;
  const loss = options.loss ?? TRAIN_DEFAULTS.loss;
  const lr = options.lr ?? TRAIN_DEFAULTS.lr;
  const batch = options.batch ?? TRAIN_DEFAULTS.batch;
  const trainCount = options.limit ?? data.train.count;
  const testCount = options.testLimit ?? data.test.count;
  requireInRange('hidden', hidden, 1, 100000);
  requireInRange('lr', lr, 0, 1e6, { minOpen: true });
  requireInRange('limit', trainCount, 1, data.train.count);
  requireInRange('batch', batch, 1, trainCount);
  requireInRange('testLimit', testCount, 1, data.test.count);
  const perEpoch = Math.floor(trainCount / batch);
  const iterations = options.iterations ?? perEpoch;
  requireInRange('iterations', iterations, 1, 1e9);
  const evalEvery = options.evalEvery ?? Math.max(1, Math.round(iterations / 20));
  const seed = String(options.seed ?? 1);
  const rng = createRng(seed);
  const nIn = data.train.rows * data.train.cols;
  const l1 = makeLayer(options.synapse, nIn, hidden, rng.fork('layer', 1));
  const l2 = makeLayer(options.synapse, hidden, 10, rng.fork('layer', 2));
  const net = new Mlp(l1, l2, activation, loss, batch);
  const before = options.synapse.kind === 'device' ? concat(l1.deviceValues(), l2.deviceValues()) : undefined;

  const x = new Float32Array(batch * nIn);
  const y = new Uint8Array(batch);
  const order = new Int32Array(trainCount);
  const history: HistoryPoint[] = [];
  let trainSeconds = 0;
  let epoch = -1;
  let lossSum = 0;
  let lossCount = 0;
  for (let it = 0; it < iterations; it++) {
    const slot = it % perEpoch;
    if (slot === 0) {
      epoch++;
      for (let i = 0; i < trainCount; i++) order[i] = i;
      rng.fork('epoch', epoch).shuffle(order);
    }
    const t0 = performance.now();
    gather(data.train, order, slot * batch, batch, x, y);
    lossSum += net.trainBatch(x, y, 0, batch, lr);
    lossCount++;
    trainSeconds += (performance.now() - t0) / 1000;
    if ((it + 1) % evalEvery === 0 || it + 1 === iterations) {
      history.push({
        iteration: it + 1,
        images: (it + 1) * batch,
        test_accuracy: evaluate(net, data.test, testCount),
        train_loss: lossSum / lossCount,
      });
      lossSum = 0;
      lossCount = 0;
    }
    options.onProgress?.(it + 1, iterations);
  }
  const spec = options.synapse;
  return {
    dataset: data.name,
    synapse: spec.kind === 'ideal' ? 'ideal' : spec.table.name,
    hidden,
    activation,
    loss,
    lr,
    batch,
    iterations,
    train_images: trainCount,
    test_images: testCount,
    seed,
    test_accuracy: history[history.length - 1].test_accuracy,
    history,
    images_per_s: (iterations * batch) / trainSeconds,
    train_seconds: trainSeconds,
    device:
      spec.kind === 'device'
        ? {
            quantity: spec.table.quantity,
            unit: spec.table.unit,
            before: before!,
            after: concat(l1.deviceValues(), l2.deviceValues()),
          }
        : undefined,
    network: net,
  };
}

/** Plain-JSON checkpoint of a trained network (weights, biases, device states). */
export function checkpoint(result: TrainResult): Record<string, unknown> {
  const net = result.network;
  return {
    schema: 'magneuro.mlp-checkpoint/1',
    dataset: result.dataset,
    synapse: result.synapse,
    activation: net.activation,
    loss: net.loss,
    sizes: [net.nIn, net.nHidden, net.nOut],
    seed: result.seed,
    iterations: result.iterations,
    test_accuracy: result.test_accuracy,
    wMax: [net.layer1, net.layer2].map((l) => (l instanceof DeviceSynapses ? l.wMax : null)),
    layer1: net.layer1.toJSON(),
    layer2: net.layer2.toJSON(),
    b1: Array.from(net.b1),
    b2: Array.from(net.b2),
  };
}

export interface MlpCheckpoint {
  schema: string;
  activation: Activation;
  loss: Loss;
  sizes: number[];
  layer1: SynapseLayerState;
  layer2: SynapseLayerState;
  b1: number[];
  b2: number[];
  wMax?: Array<number | null>;
}

/**
 * Rebuild a network from `checkpoint(...)` output. Device layers need the same table they were
 * trained with (`table`); their branch, level and drawn readout are restored exactly.
 */
export function mlpFromCheckpoint(cp: MlpCheckpoint, table?: ConductanceTable, batch = 300): Mlp {
  if (cp.schema !== 'magneuro.mlp-checkpoint/1')
    throw new ParameterError('checkpoint schema', cp.schema, '"magneuro.mlp-checkpoint/1"');
  const [nIn, nHidden, nOut] = cp.sizes;
  const rng = createRng('restore');
  const layer = (state: SynapseLayerState, rows: number, cols: number, k: number): SynapseLayer => {
    if (state.kind === 'ideal') return new IdealSynapses(rows, cols, rng).restore(state);
    if (!table) throw new ParameterError('table', undefined, `the conductance table of ${state.kind}`);
    return new DeviceSynapses(rows, cols, deviceModelFromTable(table), rng, {
      wMax: cp.wMax?.[k] ?? undefined,
    }).restore(state);
  };
  const net = new Mlp(
    layer(cp.layer1, nIn, nHidden, 0),
    layer(cp.layer2, nHidden, nOut, 1),
    cp.activation,
    cp.loss,
    batch,
  );
  net.b1.set(cp.b1);
  net.b2.set(cp.b2);
  return net;
}

/**
 * Spiking MLP of Leonard et al. 2023 (Fig. 3(a)): Poisson-encoded input -> [linear -> batch norm ->
 * spiking neuron] x hidden layers -> linear -> leaky-integrator output. Loss: for each output
 * channel the maximum over time of its membrane, then softmax cross-entropy.
 *
 * One call of `runShard` handles a fixed group of images ("shard") of a batch: forward over all T
 * steps layer by layer, then exact backpropagation through time (through the neurons' own
 * gradient rules). Shards are the unit of parallel work; their gradients are summed in shard order,
 * so results do not depend on how many workers ran them.
 *
 * Batch normalization statistics are taken per shard over its images and all T steps ("ghost"
 * batch norm, Hoffer et al. 2017), which keeps shards independent; running averages (momentum 0.1)
 * are used at inference.
 */
import { createRng } from '../../random/stream.js';
import { ParameterError } from '../../util/errors.js';
import { weightGradientFromToggles } from '../kernels/spikes.js';
import { spikeKernels, type KernelPreference } from '../kernels/spike-backend.js';
import type { SpikingNeuron } from './neurons.js';

export interface SnnConfig {
  inputs: number;
  hidden: number[];
  outputs: number;
  timesteps: number;
}

/** Output leaky integrator (Norse LI): i[t] = b i[t-1] + z[t], v[t] = a v[t-1] + (1-a) i[t]. */
export const OUTPUT_LI = { alpha: 1 - 1e-3 / 10e-3, beta: 1 - 1e-3 / 5e-3 };
/** Batch-norm epsilon and running-average momentum (PyTorch defaults). */
export const BN_EPS = 1e-5;
export const BN_MOMENTUM = 0.1;
export interface LayerSlices {
  nIn: number;
  nOut: number;
  w: number;
  /** hidden: gamma, beta offsets; output: bias offset in `gamma`, beta = -1. */
  gamma: number;
  beta: number;
}

export interface SnnLayout {
  layers: LayerSlices[];
  size: number;
  /** Offsets of running mean and variance per hidden layer in the running-statistics vector. */
  running: { mean: number; variance: number }[];
  runningSize: number;
}

export function snnLayout(config: SnnConfig): SnnLayout {
  const sizes = [config.inputs, ...config.hidden, config.outputs];
  for (const [i, n] of sizes.entries())
    if (!(Number.isInteger(n) && n > 0)) throw new ParameterError(`layer size ${i}`, n, 'a positive integer');
  if (!(Number.isInteger(config.timesteps) && config.timesteps > 0))
    throw new ParameterError('timesteps', config.timesteps, 'a positive integer');
  const layers: LayerSlices[] = [];
  const running: SnnLayout['running'] = [];
  let off = 0;
  let roff = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const nIn = sizes[l];
    const nOut = sizes[l + 1];
    const hidden = l + 2 < sizes.length;
    const w = off;
    off += nIn * nOut;
    const gamma = off;
    off += nOut;
    let beta = -1;
    if (hidden) {
      beta = off;
      off += nOut;
      running.push({ mean: roff, variance: roff + nOut });
      roff += 2 * nOut;
    }
    layers.push({ nIn, nOut, w, gamma, beta });
  }
  return { layers, size: off, running, runningSize: roff };
}

/** Initial parameters: PyTorch Linear init U(-1/sqrt(nIn), 1/sqrt(nIn)); BN gamma 1, beta 0. */
export function initialParameters(
  config: SnnConfig,
  seed: string,
): { params: Float32Array; running: Float32Array } {
  const layout = snnLayout(config);
  const params = new Float32Array(layout.size);
  const rng = createRng(seed).fork('init', 0);
  for (const L of layout.layers) {
    const a = 1 / Math.sqrt(L.nIn);
    for (let k = 0; k < L.nIn * L.nOut; k++) params[L.w + k] = rng.uniformRange(-a, a);
    if (L.beta >= 0) params.fill(1, L.gamma, L.gamma + L.nOut);
    else for (let k = 0; k < L.nOut; k++) params[L.gamma + k] = rng.uniformRange(-a, a);
  }
  const running = new Float32Array(layout.runningSize);
  for (const r of layout.running) running.fill(1, r.variance, r.variance + (r.variance - r.mean));
  return { params, running };
}

export interface ShardData {
  /** Spike probabilities per step (pixel intensities in [0, 1]), count * inputs. */
  images: Float32Array;
  labels: Uint8Array;
  count: number;
}

export interface ShardResult {
  /** Sum over the shard of the cross-entropy losses. */
  lossSum: number;
  correct: number;
  predictions: Uint8Array;
  /** Gradient of (sum of losses) * lossScale, when training. */
  grad?: Float32Array;
  /** Shard batch statistics (mean, variance) per hidden layer, layout of the running vector. */
  batchStats?: Float32Array;
  /** Spikes counted per layer (input, hidden...), and the number of (image, step, unit) slots. */
  spikeCounts: number[];
  spikeSlots: number[];
}

/**
 * Statistics batch norm normalizes with when not training: the running averages gathered in
 * training (the default, PyTorch's eval mode), or the statistics of the shard itself (the 25 images
 * over all T steps, as in training; PyTorch's train mode left on at inference).
 */
export type BatchNormStatistics = 'running' | 'batch';

export interface ShardOptions {
  train: boolean;
  /** Inference only (training always uses the shard's statistics); default 'running'. */
  batchNormStatistics?: BatchNormStatistics;
  /** Multiplies the loss before differentiation (1 / batch size for a batch mean). */
  lossScale: number;
  /** Implementation of the hot loops (spike-backend.ts; default MAGNEURO_KERNELS or 'auto'). Same numbers either way. */
  kernels?: KernelPreference;
}

/**
 * Forward (and, when training, backward) pass of one shard. `seed` fixes every draw (input
 * spikes and stochastic neurons) in a fixed order.
 */
export function runShard(
  config: SnnConfig,
  neuron: SpikingNeuron,
  params: Float32Array,
  running: Float32Array,
  data: ShardData,
  seed: string,
  options: ShardOptions,
): ShardResult {
  const layout = snnLayout(config);
  // Native or JavaScript loops: bit-identical results (spike-backend.ts).
  const K = spikeKernels(options.kernels);
  const T = config.timesteps;
  const B = data.count;
  const nL = layout.layers.length;
  const rng = createRng(seed);
  const neuronRng = rng.fork('neuron', 0);

  // Poisson (Bernoulli per step) input encoding: P(spike at step) = intensity.
  const nIn0 = config.inputs;
  const spikes: Float32Array[] = [new Float32Array(B * T * nIn0)];
  const inputSpikes = K.poissonEncode(rng.fork('encode', 0).seed, data.images, B, T, nIn0, spikes[0]);

  // Input spikes as toggle events when they change less often than they fire (high-rate pixels):
  // the input layer's forward product and weight gradient then add fewer weight rows.
  let toggles: Float32Array | undefined = new Float32Array(B * (T + 1) * nIn0);
  if (K.spikeToggles(spikes[0], B, T, nIn0, toggles) >= inputSpikes) toggles = undefined;

  const maxIn = Math.max(...layout.layers.map((L) => L.nIn));
  const active = new Int32Array(maxIn);
  const xhats: Float32Array[] = [];
  const xs: Float32Array[] = [];
  const traces: Float32Array[] = [];
  const invStd: Float64Array[] = [];
  const batchStats = options.train ? new Float32Array(layout.runningSize) : undefined;
  let vOut = new Float32Array(0);

  for (let l = 0; l < nL; l++) {
    const L = layout.layers[l];
    const sIn = spikes[l];
    const z = new Float32Array(B * T * L.nOut);
    if (l === 0 && toggles) {
      K.forwardFromToggles(params.subarray(L.w), L.nIn, L.nOut, toggles, B, T, z, active);
    } else {
      K.forwardSpikeRows(params.subarray(L.w), L.nIn, L.nOut, sIn, B * T, z, active);
    }
    if (L.beta >= 0) {
      // Batch normalization over (images of the shard) x (time steps), per unit.
      const n = L.nOut;
      const N = B * T;
      const mean = new Float64Array(n);
      const vari = new Float64Array(n);
      const r = layout.running[l];
      if (options.train) {
        K.bnStats(z, N, n, mean, vari);
        for (let j = 0; j < n; j++) {
          batchStats![r.mean + j] = mean[j];
          batchStats![r.variance + j] = vari[j];
        }
      } else if (options.batchNormStatistics === 'batch') {
        K.bnStats(z, N, n, mean, vari);
      } else {
        for (let j = 0; j < n; j++) {
          mean[j] = running[r.mean + j];
          vari[j] = running[r.variance + j];
        }
      }
      const is = new Float64Array(n);
      for (let j = 0; j < n; j++) is[j] = 1 / Math.sqrt(vari[j] + BN_EPS);
      const x = new Float32Array(N * n);
      // z now holds x-hat, x = gamma x-hat + beta
      K.bnNormalize(
        z,
        x,
        N,
        n,
        mean,
        is,
        params.subarray(L.gamma, L.gamma + n),
        params.subarray(L.beta, L.beta + n),
      );
      const sOut = new Float32Array(N * n);
      const trace = new Float32Array(N * n);
      neuron.forward(x, sOut, trace, B, T, n, neuronRng);
      xhats.push(z);
      xs.push(x);
      traces.push(trace);
      invStd.push(is);
      spikes.push(sOut);
    } else {
      // Leaky-integrator output layer.
      const n = L.nOut;
      const { alpha, beta } = OUTPUT_LI;
      vOut = new Float32Array(B * T * n);
      for (let b = 0; b < B; b++)
        for (let j = 0; j < n; j++) {
          let i = 0;
          let v = 0;
          for (let t = 0; t < T; t++) {
            const k = (b * T + t) * n + j;
            i = beta * i + z[k] + params[L.gamma + j];
            v = alpha * v + (1 - alpha) * i;
            vOut[k] = v;
          }
        }
    }
  }

  // Loss: max over time per output channel, softmax cross-entropy.
  const nO = config.outputs;
  const argT = new Int32Array(B * nO);
  const probs = new Float64Array(B * nO);
  const predictions = new Uint8Array(B);
  let lossSum = 0;
  let correct = 0;
  for (let b = 0; b < B; b++) {
    let mMax = -Infinity;
    let pred = 0;
    for (let c = 0; c < nO; c++) {
      let m = -Infinity;
      let at = 0;
      for (let t = 0; t < T; t++) {
        const v = vOut[(b * T + t) * nO + c];
        if (v > m) {
          m = v;
          at = t;
        }
      }
      argT[b * nO + c] = at;
      probs[b * nO + c] = m;
      if (m > mMax) {
        mMax = m;
        pred = c;
      }
    }
    let zsum = 0;
    for (let c = 0; c < nO; c++) {
      const e = Math.exp(probs[b * nO + c] - mMax);
      probs[b * nO + c] = e;
      zsum += e;
    }
    for (let c = 0; c < nO; c++) probs[b * nO + c] /= zsum;
    const y = data.labels[b];
    lossSum += -Math.log(Math.max(probs[b * nO + y], 1e-300));
    predictions[b] = pred;
    if (pred === y) correct++;
  }

  const spikeCounts = spikes.map((s) => {
    let c = 0;
    for (let k = 0; k < s.length; k++) c += s[k];
    return c;
  });
  const spikeSlots = spikes.map((s) => s.length);
  if (!options.train) return { lossSum, correct, predictions, spikeCounts, spikeSlots };

  // ---------------- backward ----------------
  const grad = new Float32Array(layout.size);
  const Lo = layout.layers[nL - 1];
  const gZ = new Float32Array(B * T * nO);
  {
    const { alpha, beta } = OUTPUT_LI;
    for (let b = 0; b < B; b++)
      for (let c = 0; c < nO; c++) {
        const gm = (probs[b * nO + c] - (c === data.labels[b] ? 1 : 0)) * options.lossScale;
        const at = argT[b * nO + c];
        let gV = 0;
        let gI = 0;
        for (let t = T - 1; t >= 0; t--) {
          const k = (b * T + t) * nO + c;
          gV = (t === at ? gm : 0) + alpha * gV; // dL/dv[t]
          gI = (1 - alpha) * gV + beta * gI; // dL/di[t]
          gZ[k] = gI;
          grad[Lo.gamma + c] += gI;
        }
      }
  }
  let gOut = gZ;
  for (let l = nL - 1; l >= 0; l--) {
    const L = layout.layers[l];
    const sIn = spikes[l];
    const gw = grad.subarray(L.w, L.w + L.nIn * L.nOut);
    // dL/dW[i, j] = sum_bt s[bt, i] dL/dz[bt, j] over the active slots only (input layer: toggles).
    if (l === 0 && toggles)
      weightGradientFromToggles(
        L.nIn,
        L.nOut,
        toggles,
        B,
        T,
        gOut,
        new Float32Array(B * (T + 1) * L.nOut),
        gw,
        K.accumulateSpikeOuter,
      );
    else K.accumulateSpikeOuter(B * T, L.nIn, L.nOut, sIn, gOut, gw);
    if (l === 0) break;
    // Gradient to the spikes of the layer below, then through its neuron and batch norm.
    const Lb = layout.layers[l - 1];
    const n = Lb.nOut;
    const N = B * T;
    const gS = new Float32Array(N * n);
    const w = params.subarray(L.w, L.w + L.nIn * L.nOut);
    const h = l - 1;
    // dL/ds_in[bt, i] = sum_j dL/dz[bt, j] W[i, j], only where the neuron uses it when it says
    // where (a fraction of the entries), else everywhere; the same float32 dot product either way.
    let need: Uint8Array | null = neuron.spikeGradientSupport ? new Uint8Array(N * n) : null;
    if (need && neuron.spikeGradientSupport!(spikes[l], traces[h], need, B, T, n) === N * n) need = null;
    K.maskedGradToInputs(N, n, L.nOut, w, gOut, need, gS, active);
    const gX = new Float32Array(N * n);
    neuron.backward(xs[h], spikes[l], traces[h], gS, gX, B, T, n);
    // Batch-norm backward (batch statistics): with g = gamma * dL/dx,
    // dL/dz = inv_std * (g - mean(g) - xhat * mean(g * xhat)).
    const xh = xhats[h];
    const is = invStd[h];
    const sumG = new Float64Array(n);
    const sumGX = new Float64Array(n);
    K.bnGradSums(gX, xh, N, n, sumG, sumGX);
    for (let j = 0; j < n; j++) {
      grad[Lb.gamma + j] += sumGX[j];
      grad[Lb.beta + j] += sumG[j];
    }
    const gIn = new Float32Array(N * n);
    // dL/dz = A gX - B - xhat C per unit (A = inv_std gamma, B = A mean(g), C = A mean(g xhat)), row-major.
    const cA = new Float64Array(n);
    const cB = new Float64Array(n);
    const cC = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const gam = params[Lb.gamma + j];
      cA[j] = is[j] * gam;
      cB[j] = (is[j] * gam * sumG[j]) / N;
      cC[j] = (is[j] * gam * sumGX[j]) / N;
    }
    K.bnInputGrad(gX, xh, N, n, cA, cB, cC, gIn);
    gOut = gIn;
  }
  return { lossSum, correct, predictions, grad, batchStats, spikeCounts, spikeSlots };
}

/**
 * Network-layer benchmarks: GFLOP/s of the gemm kernels at the MLP's shapes (vs the naive triple
 * loop measured in the same run), and training images/s of a 784-100-10 epoch at batch 300 with
 * ideal and with device synapses. Goals (issue 5): a 60,000-image epoch in a few seconds
 * (<= 5 s) on one core, and device synapses within 2x of ideal.
 */
import { createRng } from '../random/stream.js';
import { gemmNN, gemmNT, gemmReference, gemmTN } from '../nn/kernels/gemm.js';
import { result, timeRuns, timingOf, type BenchResult, type BenchSuite } from './measure.js';

export const nnSuite: BenchSuite = {
  name: 'nn',
  description:
    'gemm GFLOP/s at 300x784x100 and 300x100x10 (and transposes); MLP epoch images/s ideal vs device',
  async run({ quick, log }) {
    const out: BenchResult[] = [];
    const rng = createRng('bench-nn');
    const { loadDataset, DatasetNotFoundError } = await import('../nn/data/index.js');
    let data: Awaited<ReturnType<typeof loadDataset>> | undefined;
    try {
      data = await loadDataset('mnist', { allowDownload: false });
    } catch (err) {
      if (!(err instanceof DatasetNotFoundError)) throw err;
      log('nn bench: MNIST not found (set MAGNEURO_DATA); kernels use random inputs, epoch timing skipped');
    }
    // Input batch: the first 300 MNIST images (80 % zero pixels) when available, else dense normals.
    const x = new Float32Array(300 * 784);
    if (data) for (let i = 0; i < x.length; i++) x[i] = data.train.images[i] / 255;
    else rng.fillNormal(x);
    const rand = (n: number) => rng.fillNormal(new Float32Array(n));
    const shapes: Array<{
      name: string;
      M: number;
      N: number;
      K: number;
      run: (c: Float32Array) => void;
      ref: (c: Float32Array) => void;
    }> = [];
    const w1 = rand(784 * 100),
      h = rand(300 * 100),
      w2 = rand(100 * 10),
      d2 = rand(300 * 10),
      d1 = rand(300 * 100);
    shapes.push({
      name: 'NN 300x784x100 (X W1)',
      M: 300,
      N: 100,
      K: 784,
      run: (c) => gemmNN(300, 100, 784, x, w1, c),
      ref: (c) => gemmReference(false, false, 300, 100, 784, x, w1, c),
    });
    shapes.push({
      name: 'TN 784x300x100 (X^T dZ1)',
      M: 784,
      N: 100,
      K: 300,
      run: (c) => gemmTN(784, 100, 300, x, d1, c),
      ref: (c) => gemmReference(true, false, 784, 100, 300, x, d1, c),
    });
    shapes.push({
      name: 'NN 300x100x10 (H W2)',
      M: 300,
      N: 10,
      K: 100,
      run: (c) => gemmNN(300, 10, 100, h, w2, c),
      ref: (c) => gemmReference(false, false, 300, 10, 100, h, w2, c),
    });
    shapes.push({
      name: 'TN 100x300x10 (H^T dZ2)',
      M: 100,
      N: 10,
      K: 300,
      run: (c) => gemmTN(100, 10, 300, h, d2, c),
      ref: (c) => gemmReference(true, false, 100, 10, 300, h, d2, c),
    });
    shapes.push({
      name: 'NT 300x10x100 (dZ2 W2^T)',
      M: 300,
      N: 100,
      K: 10,
      run: (c) => gemmNT(300, 100, 10, d2, w2, c),
      ref: (c) => gemmReference(false, true, 300, 100, 10, d2, w2, c),
    });
    const runs = quick ? 3 : 7;
    for (const s of shapes) {
      const c = new Float32Array(s.M * s.N);
      const flop = 2 * s.M * s.N * s.K;
      const t = await timeRuns(() => s.run(c), runs);
      const tr = await timeRuns(() => s.ref(c), quick ? 1 : 3);
      out.push(
        result('nn', `gemm ${s.name}`, 'GFLOP', flop / 1e9, t, {
          baseline: {
            name: 'naive triple loop',
            throughput_per_s: flop / 1e9 / tr.median_s,
            ratio: tr.median_s / t.median_s,
          },
          extra: { input: data ? 'MNIST pixels (zeros skipped)' : 'dense normals' },
        }),
      );
    }
    // Sparse input kernels (what the MLP uses for the input layer) against the dense gemm.
    const { CsrMatrix, csrMatmul, csrTransposeMatmul } = await import('../nn/kernels/sparse.js');
    const xs = new CsrMatrix(300, 784);
    const dense = [
      {
        name: 'CSR X W1 (300x784x100)',
        denseFn: (c: Float32Array) => gemmNN(300, 100, 784, x, w1, c),
        M: 300,
        sparseFn: (c: Float32Array) => csrMatmul(xs.setFromDense(x, 300), w1, 100, c),
      },
      {
        name: 'CSR X^T dZ1 (784x300x100)',
        denseFn: (c: Float32Array) => gemmTN(784, 100, 300, x, d1, c),
        M: 784,
        sparseFn: (c: Float32Array) => csrTransposeMatmul(xs.setFromDense(x, 300), d1, 100, c),
      },
    ];
    for (const d of dense) {
      const c = new Float32Array(d.M * 100);
      const flop = 2 * 300 * 784 * 100;
      const t = await timeRuns(() => d.sparseFn(c), runs);
      const td = await timeRuns(() => d.denseFn(c), runs);
      out.push(
        result('nn', d.name, 'dense-equivalent GFLOP', flop / 1e9, t, {
          baseline: {
            name: 'dense gemm (zero skipping)',
            throughput_per_s: flop / 1e9 / td.median_s,
            ratio: td.median_s / t.median_s,
          },
          extra: { input: data ? 'MNIST pixels' : 'dense normals', includes: 'CSR/CSC conversion of X' },
        }),
      );
    }
    if (!data) return out;
    const { trainMlp } = await import('../nn/mlp/train.js');
    const { constantStepDeviceTable } = await import('../nn/synapses/analytic.js');
    const iterations = quick ? 40 : 200;
    const images = iterations * 300;
    const table = constantStepDeviceTable({ potentiationPulses: 23, depressionPulses: 15, sigma: 0.02 });
    // Training time only (evaluation on the test set once at the end is excluded by trainMlp).
    const run = (device: boolean) =>
      trainMlp(data, {
        synapse: device ? { kind: 'device', table } : { kind: 'ideal' },
        iterations,
        testLimit: 300,
        evalEvery: iterations,
        seed: 1,
      }).train_seconds;
    const timed = async (device: boolean) => {
      const samples: number[] = [];
      for (let i = 0; i < (quick ? 1 : 3); i++) samples.push(run(device));
      return timingOf(samples);
    };
    const ideal = await timed(false);
    const device = await timed(true);
    const perEpoch = (t: number) => (t * 60000) / images;
    out.push(
      result('nn', 'MLP 784-100-10 epoch, ideal synapses', 'images', images, ideal, {
        goal: { epoch_s_max: 5 },
        goal_met: perEpoch(ideal.median_s) <= 5,
        extra: { epoch_60k_s: perEpoch(ideal.median_s), batch: 300, threads: 1 },
      }),
    );
    const ratio = device.median_s / ideal.median_s;
    out.push(
      result('nn', 'MLP 784-100-10 epoch, device synapses (24/16 levels)', 'images', images, device, {
        goal: { epoch_s_max: 5, slowdown_vs_ideal_max: 2 },
        goal_met: perEpoch(device.median_s) <= 5 && ratio <= 2,
        baseline: {
          name: 'ideal synapses',
          throughput_per_s: images / ideal.median_s,
          ratio: ideal.median_s / device.median_s,
        },
        extra: { epoch_60k_s: perEpoch(device.median_s), slowdown_vs_ideal: ratio, batch: 300, threads: 1 },
      }),
    );
    return out;
  },
};

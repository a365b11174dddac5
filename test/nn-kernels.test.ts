import { describe, expect, it } from 'vitest';
import { createRng } from '../src/random/index.js';
import { gemmNN, gemmNT, gemmReference, gemmTN } from '../src/nn/kernels/gemm.js';
import { softmaxRows } from '../src/nn/kernels/dense.js';

// Each kernel is compared with the naive triple loop (float64 accumulation). Float32 storage of
// C and of partial sums in different order gives a relative error ~ K * 2^-24 ~ 1e-4 at K = 784
// in the worst case; typical errors are ~1e-6, so 1e-4 relative to the row scale cannot hide an
// indexing error (which gives O(1) differences).
function randomMatrix(rng: ReturnType<typeof createRng>, n: number, zeroFraction = 0): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = rng.uniform() < zeroFraction ? 0 : rng.normal();
  return a;
}

function maxRelError(a: Float32Array, b: Float32Array): number {
  let scale = 0;
  for (const v of b) scale = Math.max(scale, Math.abs(v));
  let e = 0;
  for (let i = 0; i < a.length; i++) e = Math.max(e, Math.abs(a[i] - b[i]));
  return scale === 0 ? e : e / scale;
}

describe('gemm kernels against the naive reference', () => {
  const rng = createRng('gemm');
  // The MLP shapes plus odd sizes that exercise every remainder loop (M, K not multiples of 4 or 2).
  const shapes: Array<[number, number, number]> = [
    [300, 100, 784],
    [300, 10, 100],
    [7, 5, 3],
    [1, 1, 1],
    [13, 11, 130],
  ];
  for (const [M, N, K] of shapes) {
    it(`NN, TN, NT agree for M=${M} N=${N} K=${K}, with alpha and beta`, () => {
      const A = randomMatrix(rng, M * K, 0.5); // half zeros: exercises the zero-skipping paths
      const At = randomMatrix(rng, K * M, 0.5);
      const B = randomMatrix(rng, K * N);
      const Bt = randomMatrix(rng, N * K);
      const C0 = randomMatrix(rng, M * N);
      const cases: Array<[boolean, boolean, Float32Array, Float32Array, typeof gemmNN]> = [
        [false, false, A, B, gemmNN],
        [true, false, At, B, gemmTN],
        [false, true, A, Bt, gemmNT],
      ];
      for (const [ta, tb, a, b, fn] of cases) {
        for (const [alpha, beta] of [
          [1, 0],
          [-0.7, 1],
          [2, 0.5],
        ]) {
          const c = C0.slice();
          const ref = C0.slice();
          fn(M, N, K, a, b, c, alpha, beta);
          gemmReference(ta, tb, M, N, K, a, b, ref, alpha, beta);
          expect(maxRelError(c, ref)).toBeLessThan(1e-4);
        }
      }
    });
  }

  it('softmax rows sum to one and are shift invariant', () => {
    const z = new Float32Array([1, 2, 3, 1001, 1002, 1003]);
    softmaxRows(z, 2, 3);
    expect(z[0] + z[1] + z[2]).toBeCloseTo(1, 6);
    for (let j = 0; j < 3; j++) expect(z[3 + j]).toBeCloseTo(z[j], 6);
    // p_3 / p_2 = e (exact softmax ratio)
    expect(z[2] / z[1]).toBeCloseTo(Math.E, 5);
  });
});

describe('sparse (CSR/CSC) input kernels', () => {
  it('X W and alpha X^T D equal the dense reference, for 80 % zeros and for an all-zero row', async () => {
    const { CsrMatrix, csrMatmul, csrTransposeMatmul } = await import('../src/nn/kernels/sparse.js');
    const rng = createRng('csr');
    const [M, K, N] = [37, 53, 11];
    const x = randomMatrix(rng, M * K, 0.8);
    x.fill(0, 5 * K, 6 * K); // row 5 entirely zero
    const w = randomMatrix(rng, K * N);
    const d = randomMatrix(rng, M * N);
    const xs = new CsrMatrix(64, K).setFromDense(x, M);
    expect(xs.nonZeros).toBe(x.filter((v) => v !== 0).length);
    const c = new Float32Array(M * N);
    const ref = new Float32Array(M * N);
    csrMatmul(xs, w, N, c);
    gemmReference(false, false, M, N, K, x, w, ref);
    expect(maxRelError(c, ref)).toBeLessThan(1e-5);
    const ct = new Float32Array(K * N);
    const reft = new Float32Array(K * N);
    csrTransposeMatmul(xs, d, N, ct, -0.5);
    gemmReference(true, false, K, N, M, x, d, reft, -0.5);
    expect(maxRelError(ct, reft)).toBeLessThan(1e-5);
  });
});

describe('MLP back-propagation', () => {
  // Finite-difference check of the analytic gradient for every activation/loss pair on a 6-5-10
  // network: with ideal synapses and lr = 1, one SGD step changes each weight by exactly -dL/dw.
  // Central differences with eps = 1e-2 on float32 weights are accurate to ~1e-4 of the largest
  // gradient component (O(eps^2) truncation plus float32 rounding of the loss); a wrong
  // derivative term gives errors of order the gradient itself.
  const combos = [
    ['sigmoid', 'cross-entropy'],
    ['relu', 'cross-entropy'],
    ['sigmoid', 'mse'],
    ['relu', 'mse'],
  ] as const;
  for (const [activation, loss] of combos) {
    it(`${activation} + ${loss}: analytic gradient equals central differences`, async () => {
      const { Mlp } = await import('../src/nn/mlp/network.js');
      const { IdealSynapses } = await import('../src/nn/synapses/ideal.js');
      const rng = createRng(`grad-${activation}-${loss}`);
      const b = 4;
      const l1 = new IdealSynapses(6, 5, rng.fork('l', 1));
      const l2 = new IdealSynapses(5, 10, rng.fork('l', 2));
      for (const l of [l1, l2]) for (let i = 0; i < l.weights.length; i++) l.weights[i] *= 4; // away from linear regime
      const net = new Mlp(l1, l2, activation, loss, b);
      const x = rng.fillUniform(new Float32Array(b * 6));
      const y = new Uint8Array([3, 0, 9, 3]);
      const lossAt = () => net.trainBatch(x, y, 0, b, 0);
      for (const layer of [l1, l2]) {
        const w = layer.weights;
        const numeric = new Float64Array(w.length);
        for (let i = 0; i < w.length; i++) {
          const w0 = w[i];
          w[i] = w0 + 1e-2;
          const up = lossAt();
          w[i] = w0 - 1e-2;
          const down = lossAt();
          w[i] = w0;
          numeric[i] = (up - down) / 2e-2;
        }
        const before = Float32Array.from(w);
        net.trainBatch(x, y, 0, b, 1);
        let scale = 0;
        let err = 0;
        for (let i = 0; i < w.length; i++) {
          const analytic = before[i] - w[i];
          scale = Math.max(scale, Math.abs(numeric[i]));
          err = Math.max(err, Math.abs(analytic - numeric[i]));
        }
        expect(scale).toBeGreaterThan(1e-3);
        expect(err / scale).toBeLessThan(3e-3);
        // The step also moved the other layer; the next layer is checked at that new state.
      }
    });
  }
});

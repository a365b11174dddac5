/**
 * The C spike kernels (src/native) against their JavaScript twins: the results must be
 * bit-identical (same floating-point operations in the same order), so a run gives the same numbers
 * with or without the addon. Shapes include non-multiples of the vector widths and real-valued
 * "spikes" (the smooth-spike path, double lanes) as well as spikes and toggle events of -1 / +1
 * (float lanes), mixed within one group of rows.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../src/random/stream.js';
import {
  javascriptSpikeKernels as js,
  loadNativeSpikeKernels,
  spikeKernels,
} from '../src/nn/kernels/spike-backend.js';
import { spikeToggles } from '../src/nn/kernels/spikes.js';
import {
  LifNeuron,
  MultiWeightDwMtjNeuron,
  BinaryDwMtjNeuron,
  type SpikingNeuron,
} from '../src/nn/snn/neurons.js';
import { initialParameters, runShard, type SnnConfig } from '../src/nn/snn/network.js';
import { fiveStateTable, sigmoidTable } from './snn-fixtures.js';

const native = loadNativeSpikeKernels();
if (!native.kernels) console.warn(`snn-native: ${native.reason}; comparisons skipped`);
const nk = native.kernels!;

function bits(a: Float32Array): Uint32Array {
  return new Uint32Array(a.buffer, a.byteOffset, a.length);
}
function expectIdentical(a: Float32Array, b: Float32Array): void {
  expect(a.length).toBe(b.length);
  let diff = 0;
  const x = bits(a);
  const y = bits(b);
  for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) diff++;
  expect(diff).toBe(0);
}

/** rows x n spikes: mostly 0, some 1, and (when `real`) some fractional values. */
function spikeMatrix(seed: string, rows: number, n: number, density: number, real: boolean): Float32Array {
  const rng = createRng(seed);
  const s = new Float32Array(rows * n);
  for (let k = 0; k < s.length; k++)
    if (rng.uniform() < density) s[k] = real && rng.uniform() < 0.3 ? rng.uniform() : 1;
  return s;
}

describe('kernel selection', () => {
  it('MAGNEURO_KERNELS=javascript selects the JavaScript kernels; a wrong value is named', () => {
    expect(spikeKernels('javascript').name).toBe('javascript');
    expect(() => spikeKernels('fortran')).toThrow(/MAGNEURO_KERNELS: got "?fortran"?, expected/);
  });
});

describe.skipIf(!native.kernels)('native spike kernels are bit-identical to the JavaScript kernels', () => {
  const nIn = 45;
  const nOut = 23; // not a multiple of 4: exercises the scalar tails
  const rows = 37;
  const rng = createRng('native-w');
  const w = rng.fillNormal(new Float32Array(nIn * nOut));
  const delta = rng.fillNormal(new Float32Array(rows * nOut));

  it('forward product of spike rows (binary and real-valued spikes)', () => {
    for (const real of [false, true]) {
      const s = spikeMatrix(`fwd-${real}`, rows, nIn, 0.3, real);
      const z0 = rng.fillNormal(new Float32Array(rows * nOut)); // accumulates onto existing values
      const a = Float32Array.from(z0);
      const b = Float32Array.from(z0);
      js.forwardSpikeRows(w, nIn, nOut, s, rows, a, new Int32Array(nIn));
      nk.forwardSpikeRows(w, nIn, nOut, s, rows, b, new Int32Array(nIn));
      expectIdentical(a, b);
      expect(a.some((v, k) => v !== z0[k])).toBe(true);
    }
  });

  it('forward product from toggle events and the weight gradient from spikes', () => {
    const B = 3;
    const T = 11;
    const s = spikeMatrix('tog', B * T, nIn, 0.4, false);
    const e = new Float32Array(B * (T + 1) * nIn);
    spikeToggles(s, B, T, nIn, e);
    const a = new Float32Array(B * T * nOut);
    const b = new Float32Array(B * T * nOut);
    js.forwardFromToggles(w, nIn, nOut, e, B, T, a, new Int32Array(nIn));
    nk.forwardFromToggles(w, nIn, nOut, e, B, T, b, new Int32Array(nIn));
    expectIdentical(a, b);
    for (const real of [false, true]) {
      const x = spikeMatrix(`outer-${real}`, rows, nIn, 0.35, real);
      const g0 = rng.fillNormal(new Float32Array(nIn * nOut));
      const ga = Float32Array.from(g0);
      const gb = Float32Array.from(g0);
      js.accumulateSpikeOuter(rows, nIn, nOut, x, delta, ga);
      nk.accumulateSpikeOuter(rows, nIn, nOut, x, delta, gb);
      expectIdentical(ga, gb);
    }
  });

  it('masked gradient to the inputs (entries not needed are left untouched)', () => {
    const need = new Uint8Array(rows * nIn);
    const r2 = createRng('need');
    for (let k = 0; k < need.length; k++) need[k] = r2.uniform() < 0.6 ? 1 : 0;
    const a = new Float32Array(rows * nIn).fill(7);
    const b = new Float32Array(rows * nIn).fill(7);
    const ca = js.maskedGradToInputs(rows, nIn, nOut, w, delta, need, a, new Int32Array(nIn));
    const cb = nk.maskedGradToInputs(rows, nIn, nOut, w, delta, need, b, new Int32Array(nIn));
    expect(cb).toBe(ca);
    expectIdentical(a, b);
    expect(a.filter((v) => v === 7).length).toBe(need.length - ca);
  });

  it('spike gradient everywhere (need = null), for output widths around the eight-lane step', () => {
    for (const width of [1, 7, 8, 10, 17, 64]) {
      const ww = rng.fillNormal(new Float32Array(nIn * width));
      const dd = rng.fillNormal(new Float32Array(rows * width));
      const a = new Float32Array(rows * nIn);
      const b = new Float32Array(rows * nIn);
      expect(js.maskedGradToInputs(rows, nIn, width, ww, dd, null, a, new Int32Array(nIn))).toBe(rows * nIn);
      expect(nk.maskedGradToInputs(rows, nIn, width, ww, dd, null, b, new Int32Array(nIn))).toBe(rows * nIn);
      expectIdentical(a, b);
    }
  });

  it('masked gradient on the register tiles: dense and sparse row blocks, several input chunks, odd widths', () => {
    // nOut = 501 puts 65 inputs in a cache chunk, so 150 inputs make three chunks; 13 rows leave a
    // row outside the blocks of four. Mask densities decide tile (dense) or row-by-row (sparse).
    const nI = 150;
    const r5 = createRng('tiles');
    for (const width of [501, 10, 8]) {
      const ww = r5.fillNormal(new Float32Array(nI * width));
      const dd = r5.fillNormal(new Float32Array(13 * width));
      for (const density of [1, 0.95, 0.6, 0.3, 0.05]) {
        const need = new Uint8Array(13 * nI).map(() => (r5.uniform() < density ? 1 : 0));
        const a = new Float32Array(13 * nI).fill(7);
        const b = new Float32Array(13 * nI).fill(7);
        const ca = js.maskedGradToInputs(13, nI, width, ww, dd, need, a, new Int32Array(nI));
        expect(nk.maskedGradToInputs(13, nI, width, ww, dd, need, b, new Int32Array(nI))).toBe(ca);
        expectIdentical(a, b);
      }
    }
  });

  it('DW-MTJ neuron loops: the same spikes, traces and stream position (binary, multi-weight, backward, support)', () => {
    const B = 3;
    const T = 11;
    const n = 13;
    const len = B * T * n;
    const r6 = createRng('dw-x');
    const x = new Float32Array(len).map(() => 6 * (r6.uniform() - 0.5));
    const grid = Float64Array.from([1.0, 1.05, 1.3, 1.31, 1.6, 2.0, 2.2]);
    const prob = Float64Array.from([0, 0.01, 0.2, 0.21, 0.5, 0.9, 1]);
    const slope = Float64Array.from(
      { length: grid.length - 1 },
      (_, i) => (prob[i + 1] - prob[i]) / (grid[i + 1] - grid[i]),
    );
    const stA = createRng('dw-draws').aleaStartState();
    const stB = Float64Array.from(stA);
    const out = () => [new Float32Array(len), new Float32Array(len)];
    const [sa, ta] = out();
    const [sb, tb] = out();
    js.dwmtjBinaryForward(stA, x, sa, ta, len, grid, prob, slope, 1.6, 0.3);
    nk.dwmtjBinaryForward(stB, x, sb, tb, len, grid, prob, slope, 1.6, 0.3);
    expectIdentical(sa, sb);
    expectIdentical(ta, tb);
    expect(Array.from(stB)).toEqual(Array.from(stA));
    const mg = Float64Array.from([0, 0.5, 2, 2.25, 4, 5]);
    const table = fiveStateTable().probability;
    const mp = Float64Array.from(table.flat());
    const ek = table.map((row) => row.reduce((acc, p, k) => acc + k * p, 0));
    const eSlope = Float64Array.from(
      { length: mg.length - 1 },
      (_, i) => (ek[i + 1] - ek[i]) / (mg[i + 1] - mg[i]),
    );
    const [ma, mta] = out();
    const [mb, mtb] = out();
    js.dwmtjMultiForward(stA, x, ma, mta, B, T, n, mg, mp, 5, eSlope, 2.5, 1.25, new Float64Array(5));
    nk.dwmtjMultiForward(stB, x, mb, mtb, B, T, n, mg, mp, 5, eSlope, 2.5, 1.25, new Float64Array(5));
    expectIdentical(ma, mb);
    expectIdentical(mta, mtb);
    expect(Array.from(stB)).toEqual(Array.from(stA));
    expect(ma.reduce((acc, v) => acc + v, 0)).toBeGreaterThan(0);
    const gS = r6.fillNormal(new Float32Array(len));
    const [ga, gb] = out();
    js.dwmtjMultiBackward(ma, mta, gS, ga, B, T, n, 0.25);
    nk.dwmtjMultiBackward(mb, mtb, gS, gb, B, T, n, 0.25);
    expectIdentical(ga, gb);
    const na = new Uint8Array(len);
    const nb = new Uint8Array(len);
    expect(nk.dwmtjMultiSupport(mb, mtb, nb, B, T, n)).toBe(js.dwmtjMultiSupport(ma, mta, na, B, T, n));
    expect(Array.from(nb)).toEqual(Array.from(na));
  });

  it('toggle events of 0/1 spike trains (and their count)', () => {
    const s = spikeMatrix('toggle-s', 3 * 17, 29, 0.4, false);
    const a = new Float32Array(3 * 18 * 29);
    const b = new Float32Array(3 * 18 * 29);
    const ca = js.spikeToggles(s, 3, 17, 29, a);
    expect(nk.spikeToggles(s, 3, 17, 29, b)).toBe(ca);
    expectIdentical(a, b);
    expect(ca).toBeGreaterThan(0);
  });

  it('Poisson encoding: the Alea stream of the seed, drawn in C, gives the same spikes', () => {
    const B = 3;
    const T = 17;
    const n = 29;
    const r4 = createRng('images');
    const p = new Float32Array(B * n).map((_, k) => (k % 7 === 0 ? 0 : k % 11 === 0 ? 1 : r4.uniform()));
    const a = new Float32Array(B * T * n);
    const b = new Float32Array(B * T * n);
    const ca = js.poissonEncode('enc/seed', p, B, T, n, a);
    const cb = nk.poissonEncode('enc/seed', p, B, T, n, b);
    expect(cb).toBe(ca);
    expectIdentical(a, b);
    expect(ca).toBeGreaterThan(0.2 * a.length); // mean intensity ~0.45
    // Intensity 1 always fires, 0 never.
    for (let t = 0; t < T; t++) {
      expect(a[t * n + 0]).toBe(0);
      expect(a[t * n + 11]).toBe(1);
    }
  });

  it('rejects short arrays and wrong types with an error instead of reading out of bounds', () => {
    expect(() =>
      nk.forwardSpikeRows(
        w,
        nIn,
        nOut,
        new Float32Array(10),
        rows,
        new Float32Array(rows * nOut),
        new Int32Array(nIn),
      ),
    ).toThrow(/array too short/);
    expect(() =>
      nk.accumulateSpikeOuter(
        rows,
        nIn,
        nOut,
        new Float64Array(rows * nIn) as unknown as Float32Array,
        delta,
        w,
      ),
    ).toThrow(/Float32Array/);
  });

  it('a training step (forward + BPTT) gives the same gradient for every neuron type', () => {
    const config: SnnConfig = { inputs: 30, hidden: [21, 18], outputs: 5, timesteps: 12 };
    const count = 6;
    const r3 = createRng('step');
    const images = new Float32Array(count * config.inputs).map(() => (r3.uniform() < 0.4 ? 0 : r3.uniform()));
    const labels = Uint8Array.from({ length: count }, (_, i) => i % config.outputs);
    const { params, running } = initialParameters(config, 'native-step');
    for (let k = 0; k < params.length; k++) params[k] *= 3;
    // Each neuron built per kernel choice too (the LIF's own loops have native twins).
    for (const make of [
      (k: 'native' | 'javascript') => new LifNeuron({}, k),
      (k: 'native' | 'javascript') => new LifNeuron({ resetGradient: 'differentiated' }, k),
      (k: 'native' | 'javascript') => new LifNeuron({ spikeFunction: 'sigmoid', surrogateWidth: 0.3 }, k),
      (k: 'native' | 'javascript') => new BinaryDwMtjNeuron(sigmoidTable(), undefined, k),
      (k: 'native' | 'javascript') => new MultiWeightDwMtjNeuron(fiveStateTable(), undefined, k),
    ]) {
      // With the neuron's support mask (masked dL/ds) and without it (every entry).
      for (const masked of [true, false]) {
        const run = (kernels: 'native' | 'javascript') => {
          const neuron = make(kernels);
          const used: SpikingNeuron = masked
            ? neuron
            : {
                kind: neuron.kind,
                forward: (...a) => neuron.forward(...a),
                backward: (...a) => neuron.backward(...a),
              };
          return runShard(config, used, params, running, { images, labels, count }, 'same', {
            train: true,
            lossScale: 1 / count,
            kernels,
          });
        };
        const a = run('javascript');
        const b = run('native');
        expect(b.lossSum).toBe(a.lossSum);
        expectIdentical(a.grad!, b.grad!);
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { createRng } from '../src/random/stream.js';
import {
  accumulateActiveRows,
  accumulateOuterActive,
  accumulateSpikeOuter,
  denseForward,
  dotF32,
  forwardFromToggles,
  gatherActive,
  maskedGradToInputs,
  spikeToggles,
  weightGradientFromToggles,
} from '../src/nn/kernels/spikes.js';
import { gemmNT } from '../src/nn/kernels/gemm.js';
import { Adam } from '../src/nn/optim/adam.js';
import {
  BinaryDwMtjNeuron,
  LifNeuron,
  MultiWeightDwMtjNeuron,
  defaultVoltageMapping,
  type SpikingNeuron,
} from '../src/nn/snn/neurons.js';
import { initialParameters, runShard, snnLayout, type SnnConfig } from '../src/nn/snn/network.js';
import type { StateTable, SwitchingTable } from '../src/tables/schema.js';
import { stateProbabilitiesAt, switchingProbabilityAt } from '../src/tables/lookup.js';
import { fiveStateTable, sigmoidTable } from './snn-fixtures.js';

describe('sparse spike kernels', () => {
  it('accumulating active rows equals the dense product (binary and real spikes)', () => {
    const rng = createRng('k');
    const nIn = 37;
    const nOut = 11;
    const w = rng.fillNormal(new Float32Array(nIn * nOut));
    const s = new Float32Array(nIn);
    for (let i = 0; i < nIn; i++) s[i] = rng.uniform() < 0.2 ? (i % 3 === 0 ? 0.4 : 1) : 0;
    const active = new Int32Array(nIn);
    const na = gatherActive(s, 0, nIn, active);
    const a = new Float32Array(nOut);
    const d = new Float32Array(nOut);
    accumulateActiveRows(w, nOut, s, 0, active, na, a, 0);
    denseForward(w, nIn, nOut, s, 0, d, 0);
    // Same additions in the same order up to skipped zeros: float32 rounding only.
    for (let j = 0; j < nOut; j++) expect(a[j]).toBeCloseTo(d[j], 5);
    const delta = rng.fillNormal(new Float32Array(nOut));
    const gw = new Float32Array(nIn * nOut);
    accumulateOuterActive(gw, nOut, s, 0, active, na, delta, 0);
    for (let i = 0; i < nIn; i++)
      for (let j = 0; j < nOut; j++) expect(gw[i * nOut + j]).toBeCloseTo(s[i] * delta[j], 6);
  });
});

describe('toggle-event and masked kernels', () => {
  // Poisson trains of 3 samples x 9 steps x 13 inputs with rates 0..1 (some always on, some off).
  const B = 3;
  const T = 9;
  const nIn = 13;
  const nOut = 7;
  const rng = createRng('toggles');
  const s = new Float32Array(B * T * nIn);
  for (let b = 0; b < B; b++)
    for (let i = 0; i < nIn; i++) {
      const p = i / (nIn - 1);
      for (let t = 0; t < T; t++) s[(b * T + t) * nIn + i] = rng.uniform() < p ? 1 : 0;
    }
  const w = rng.fillNormal(new Float32Array(nIn * nOut));
  const delta = rng.fillNormal(new Float32Array(B * T * nOut));

  it('toggle events count every switch on and off (run ends included)', () => {
    const e = new Float32Array(B * (T + 1) * nIn);
    const count = spikeToggles(s, B, T, nIn, e);
    let runs = 0;
    for (let b = 0; b < B; b++)
      for (let i = 0; i < nIn; i++)
        for (let t = 0; t < T; t++)
          if (s[(b * T + t) * nIn + i] === 1 && (t === 0 || s[(b * T + t - 1) * nIn + i] === 0)) runs++;
    expect(count).toBe(2 * runs); // each run of spikes has one on and one off event
    // Summing the events over time recovers the spike train.
    for (let b = 0; b < B; b++)
      for (let i = 0; i < nIn; i++) {
        let level = 0;
        for (let t = 0; t < T; t++) {
          level += e[(b * (T + 1) + t) * nIn + i];
          expect(level).toBe(s[(b * T + t) * nIn + i]);
        }
        expect(level + e[(b * (T + 1) + T) * nIn + i]).toBe(0);
      }
  });

  it('forward product and weight gradient from toggles equal the direct spike sums', () => {
    const e = new Float32Array(B * (T + 1) * nIn);
    spikeToggles(s, B, T, nIn, e);
    const z = new Float32Array(B * T * nOut);
    forwardFromToggles(w, nIn, nOut, e, B, T, z, new Int32Array(nIn));
    const zRef = new Float32Array(B * T * nOut);
    for (let r = 0; r < B * T; r++) denseForward(w, nIn, nOut, s, r * nIn, zRef, r * nOut);
    // Running sums of O(1) weights over 9 steps: float32 rounding, ~1e-6.
    for (let k = 0; k < z.length; k++) expect(z[k]).toBeCloseTo(zRef[k], 5);
    const gw = new Float32Array(nIn * nOut);
    weightGradientFromToggles(nIn, nOut, e, B, T, delta, new Float32Array(B * (T + 1) * nOut), gw);
    const gwRef = new Float32Array(nIn * nOut);
    accumulateSpikeOuter(B * T, nIn, nOut, s, delta, gwRef);
    for (let k = 0; k < gw.length; k++) expect(gw[k]).toBeCloseTo(gwRef[k], 5);
  });

  it('float32 dot product (eight partial sums) is within the float32 error bound and sums in its stated order', () => {
    const r = createRng('dot');
    for (const n of [1, 7, 8, 9, 23, 500]) {
      const a = r.fillNormal(new Float32Array(n + 3));
      const b = r.fillNormal(new Float32Array(n + 5));
      let exact = 0; // double sum of exact products: error ~ n 2^-53, negligible here
      let absSum = 0;
      for (let j = 0; j < n; j++) {
        exact += a[3 + j] * b[5 + j];
        absSum += Math.abs(a[3 + j] * b[5 + j]);
      }
      const got = dotF32(a, 3, b, 5, n);
      expect(Math.fround(got)).toBe(got); // a float32 value
      // Recursive summation bound for this order (u = 2^-24): (ceil(n / 8) + 4) u sum |a b|.
      expect(Math.abs(got - exact)).toBeLessThanOrEqual((Math.ceil(n / 8) + 4) * 2 ** -24 * absSum);
    }
    // Lane order: 2^24 + 1 is not a float32, so which terms meet first decides the result. With
    // n = 9, lanes 0 and 4 hold 2^24 and -2^24: the tail term 1 (j = 8) joins lane 0 and is lost;
    // summed sequentially the result would be 1.
    const x = new Float32Array([2 ** 12, 0, 0, 0, -(2 ** 12), 0, 0, 0, 1]);
    const y = new Float32Array([2 ** 12, 0, 0, 0, 2 ** 12, 0, 0, 0, 1]);
    expect(dotF32(x, 0, y, 0, 9)).toBe(0);
  });

  it('masked input gradient equals the dense product where needed and leaves the rest alone', () => {
    const rows = B * T;
    const need = new Uint8Array(rows * nIn).map((_, k) => (k % 3 === 0 || k % 7 === 2 ? 1 : 0));
    const gs = new Float32Array(rows * nIn).fill(-99);
    const n = maskedGradToInputs(rows, nIn, nOut, w, delta, need, gs, new Int32Array(nIn));
    expect(n).toBe(need.reduce((a, b) => a + b, 0));
    const dense = new Float32Array(rows * nIn);
    gemmNT(rows, nIn, nOut, delta, w, dense, 1, 0);
    for (let k = 0; k < gs.length; k++) {
      if (need[k]) expect(gs[k]).toBeCloseTo(dense[k], 5);
      else expect(gs[k]).toBe(-99);
    }
  });
});

describe('Adam', () => {
  it('first step moves every parameter by lr against the gradient sign (bias-corrected m/sqrt(v) = sign g)', () => {
    const p = Float32Array.from([1, -2, 3]);
    const adam = new Adam(3, { lr: 1e-3, eps: 1e-12 });
    adam.step(p, [0.5, -4, 1e-3]);
    expect(p[0]).toBeCloseTo(1 - 1e-3, 6);
    expect(p[1]).toBeCloseTo(-2 + 1e-3, 6);
    expect(p[2]).toBeCloseTo(3 - 1e-3, 6);
  });
});

describe('LIF neuron', () => {
  it('sub-threshold membrane equals the closed-form response to a constant input', () => {
    // i[t] = x (1 - b^(t+1)) / (1 - b);  u[t] = x/(1-b) [ (1 - a^(t+1)) - (1-a) b (a^(t+1) - b^(t+1)) / (a - b) ]
    const lif = new LifNeuron();
    const a = 0.9;
    const b = 0.8;
    const T = 60;
    const x = 0.15; // steady state 5 x = 0.75 < threshold 1
    const xs = new Float32Array(T).fill(x);
    const s = new Float32Array(T);
    const u = new Float32Array(T);
    lif.forward(xs, s, u, 1, T, 1);
    for (let t = 0; t < T; t++) {
      const exact =
        (x / (1 - b)) * (1 - a ** (t + 1) - ((1 - a) * b * (a ** (t + 1) - b ** (t + 1))) / (a - b));
      expect(u[t]).toBeCloseTo(exact, 5);
      expect(s[t]).toBe(0);
    }
  });

  it('fires for a supra-threshold constant input and resets to zero', () => {
    const lif = new LifNeuron();
    const T = 100;
    const xs = new Float32Array(T).fill(0.5); // steady state 2.5 > 1
    const s = new Float32Array(T);
    const u = new Float32Array(T);
    lif.forward(xs, s, u, 1, T, 1);
    const count = s.reduce((p, c) => p + c, 0);
    expect(count).toBeGreaterThan(5);
    for (let t = 1; t < T; t++) if (s[t - 1] === 1) expect(u[t]).toBeLessThan(1); // after reset v = 0
  });
});

describe('LIF reset gradient', () => {
  // Detached reset (Norse): v[t] = u[t] (1 - sbar[t]) + v_reset sbar[t] with sbar a constant. Its exact
  // derivative is the derivative of the LIF whose reset factors are frozen at the run's spikes; check
  // the backward pass against central differences of that frozen-reset model (smooth spikes).
  const T = 40;
  const n = 3;
  const batch = 2;
  const w = 0.3;
  const a = 0.9;
  const b = 0.8;
  const spike = (u: number) => 1 / (1 + Math.exp(-(u - 1) / w));
  /** sum_k c[k] s[k] of the LIF with the reset factors held at sbar. */
  function frozenResetLoss(x: Float64Array, sbar: Float32Array, c: Float64Array): number {
    let L = 0;
    for (let bb = 0; bb < batch; bb++)
      for (let j = 0; j < n; j++) {
        let i = 0;
        let v = 0;
        for (let t = 0; t < T; t++) {
          const k = (bb * T + t) * n + j;
          i = b * i + x[k];
          const u = a * v + (1 - a) * i;
          L += c[k] * spike(u);
          v = u * (1 - sbar[k]); // v_reset = 0
        }
      }
    return L;
  }

  it('detached: BPTT equals finite differences of the frozen-reset LIF, and differs from the differentiated reset', () => {
    const len = batch * T * n;
    const rng = createRng('reset-gradient');
    const x = new Float32Array(len).map(() => 0.1 + 0.5 * rng.uniform()); // fires now and then
    const c = Float64Array.from({ length: len }, () => rng.uniform() - 0.5);
    const grads: Record<string, Float32Array> = {};
    let sbar = new Float32Array(len);
    for (const resetGradient of ['detached', 'differentiated'] as const) {
      const neuron = new LifNeuron({ spikeFunction: 'sigmoid', surrogateWidth: w, resetGradient });
      const s = new Float32Array(len);
      const trace = new Float32Array(len);
      neuron.forward(x, s, trace, batch, T, n, createRng('unused'));
      sbar = s;
      const gX = new Float32Array(len);
      neuron.backward(x, s, trace, Float32Array.from(c), gX, batch, T, n);
      grads[resetGradient] = gX;
    }
    const h = 1e-4;
    let maxErr = 0;
    let maxG = 0;
    const x64 = Float64Array.from(x);
    for (let k = 0; k < len; k++) {
      const xp = Float64Array.from(x64);
      xp[k] += h;
      const xm = Float64Array.from(x64);
      xm[k] -= h;
      const fd = (frozenResetLoss(xp, sbar, c) - frozenResetLoss(xm, sbar, c)) / (2 * h);
      maxErr = Math.max(maxErr, Math.abs(fd - grads.detached[k]));
      maxG = Math.max(maxG, Math.abs(fd));
    }
    expect(maxG).toBeGreaterThan(0.05);
    // float32 state and gradients (relative 1e-7) plus O(h^2) truncation.
    expect(maxErr).toBeLessThan(1e-4 * maxG + 1e-6);
    // The two treatments are different gradients (the spikes do reset the membrane here).
    let diff = 0;
    for (let k = 0; k < len; k++)
      diff = Math.max(diff, Math.abs(grads.detached[k] - grads.differentiated[k]));
    expect(diff).toBeGreaterThan(0.1 * maxG);
  });

  it('rejects an unknown resetGradient, naming it', () => {
    expect(() => new LifNeuron({ resetGradient: 'sometimes' as 'detached' })).toThrow(/resetGradient: got/);
  });
});

describe('DW-MTJ neurons', () => {
  it('binary neuron fires with P(V) (binomial 4-sigma) and its gradient is dP/dV * scale', () => {
    const table = sigmoidTable();
    const neuron = new BinaryDwMtjNeuron(table);
    const map = defaultVoltageMapping(table.voltage_V);
    expect(map.center_V).toBeCloseTo(1.6, 12);
    expect(map.scale_V).toBeCloseTo(0.3, 12);
    const N = 20000;
    const x = new Float32Array(N).fill(0.5); // V = 1.75 V
    const s = new Float32Array(N);
    const tr = new Float32Array(N);
    neuron.forward(x, s, tr, 1, N, 1, createRng('b'));
    const p = 1 / (1 + Math.exp(-(1.75 - 1.6) / 0.15));
    const rate = s.reduce((a, b) => a + b, 0) / N;
    expect(Math.abs(rate - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N));
    const slope = (table.probability[8] - table.probability[7]) / 0.1; // 1.7..1.8 V segment
    expect(tr[0]).toBeCloseTo(slope * 0.3, 5);
  });

  it.each(['javascript', 'auto'] as const)(
    'binary and multi-weight neurons (%s loops) draw exactly as the table look-up with one uniform per entry (uneven grid, V outside the table)',
    (kernels) => {
      // Uneven grid; drives from far below to far above the table; a negative scale as well.
      const sw: SwitchingTable = {
        ...sigmoidTable(),
        voltage_V: [1.0, 1.05, 1.3, 1.31, 1.6, 2.0, 2.2],
        probability: [0, 0.01, 0.2, 0.21, 0.5, 0.9, 1],
      };
      const st: StateTable = { ...fiveStateTable(), voltage_V: [0, 0.5, 2, 2.25, 4, 5] };
      const B = 2;
      const T = 9;
      const n = 7;
      const len = B * T * n;
      const rx = createRng('x');
      const x = new Float32Array(len).map(() => 6 * (rx.uniform() - 0.5));
      x[3] = -2; // exactly the lower end of the mapping's range
      for (const mapping of [undefined, { center_V: 1.6, scale_V: -0.3 }]) {
        const bin = new BinaryDwMtjNeuron(sw, mapping, kernels);
        const s = new Float32Array(len);
        const tr = new Float32Array(len);
        const rng = createRng('draws');
        bin.forward(x, s, tr, B, T, n, rng);
        const ref = createRng('draws');
        const { center_V: c, scale_V: sc } = bin.mapping;
        for (let k = 0; k < len; k++) {
          const v = c + sc * x[k];
          expect(s[k]).toBe(ref.uniform() < switchingProbabilityAt(sw, v) ? 1 : 0);
          const g = sw.voltage_V;
          const i = g.findIndex((_, q) => q + 1 < g.length && g[q] <= v && v < g[q + 1]);
          const slope =
            v <= g[0] || v >= g[g.length - 1]
              ? 0
              : (sw.probability[i + 1] - sw.probability[i]) / (g[i + 1] - g[i]);
          expect(tr[k]).toBe(Math.fround(slope * sc));
        }
        expect(rng.uniform()).toBe(ref.uniform()); // the stream continues after the neuron's draws
      }
      const mw = new MultiWeightDwMtjNeuron(st, undefined, kernels);
      const s = new Float32Array(len);
      mw.forward(x, s, new Float32Array(len), B, T, n, createRng('draws'));
      const ref = createRng('draws');
      const { center_V: c, scale_V: sc } = mw.mapping;
      for (let b = 0; b < B; b++)
        for (let j = 0; j < n; j++) {
          let a = 0;
          for (let t = 0; t < T; t++) {
            const k = (b * T + t) * n + j;
            const p = stateProbabilitiesAt(st, c + sc * x[k]);
            const u = ref.uniform();
            let m = 0;
            let cum = p[0];
            while (m < 4 && u >= cum) cum += p[++m];
            a += m;
            expect(s[k]).toBe(a >= 4 ? 1 : 0);
            if (a >= 4) a = 0;
          }
        }
    },
  );

  it('DW-MTJ neurons reject malformed tables and mappings, naming the field', () => {
    const sw = sigmoidTable();
    expect(
      () =>
        new BinaryDwMtjNeuron({
          ...sw,
          voltage_V: [1, 1.2, 1.1, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2, 2.1, 2.2],
        }),
    ).toThrow(/table\.voltage_V\[2\]: got 1\.1/);
    expect(() => new BinaryDwMtjNeuron({ ...sw, probability: sw.probability.slice(1) })).toThrow(
      /table\.probability: got 12/,
    );
    expect(
      () => new BinaryDwMtjNeuron({ ...sw, probability: sw.probability.map((p, i) => (i === 4 ? 1.5 : p)) }),
    ).toThrow(/table\.probability\[4\]: got 1\.5.*\[0, 1\]/);
    expect(() => new BinaryDwMtjNeuron(fiveStateTable() as unknown as SwitchingTable)).toThrow(
      /table\.kind: got "?state-probability"?/,
    );
    expect(() => new BinaryDwMtjNeuron(undefined as unknown as SwitchingTable)).toThrow(/table\.kind/);
    expect(() => new BinaryDwMtjNeuron(sw, { center_V: 1.6, scale_V: 0 })).toThrow(/scale_V: got 0/);
    expect(() => new BinaryDwMtjNeuron(sw, { center_V: NaN, scale_V: 0.3 })).toThrow(/center_V: got NaN/);
    const st = fiveStateTable();
    expect(
      () =>
        new MultiWeightDwMtjNeuron({
          ...st,
          probability: st.probability.map((r, i) => (i === 2 ? r.slice(1) : r)),
        }),
    ).toThrow(/table\.probability\[2\]: got 4.*5 values/);
    expect(() => new MultiWeightDwMtjNeuron({ ...st, states: ['S1'] })).toThrow(/table\.states: got 1/);
  });

  it('voltage mapping spans the active range of a table with flat ends', () => {
    // Response flat (0) up to 2 V and flat (1) from 4 V: active range [2, 4] V -> center 3 V, scale 0.5 V.
    const m = defaultVoltageMapping([0, 1, 2, 3, 4, 5], [0, 0, 0, 0.5, 1, 1]);
    expect(m.center_V).toBeCloseTo(3, 12);
    expect(m.scale_V).toBeCloseTo(0.5, 12);
    const full = defaultVoltageMapping([1, 2, 3], [0.1, 0.5, 0.9]);
    expect(full).toEqual({ center_V: 2, scale_V: 0.5 });
  });

  it('multi-weight neuron integrates quantized advances and fires at the last state', () => {
    const base = fiveStateTable();
    const det = (k: number): StateTable => ({
      ...base,
      probability: base.voltage_V.map(() => [0, 1, 2, 3, 4].map((i) => (i === k ? 1 : 0))),
    });
    const T = 20;
    const run = (k: number) => {
      const n = new MultiWeightDwMtjNeuron(det(k));
      const s = new Float32Array(T);
      n.forward(new Float32Array(T), s, new Float32Array(T), 1, T, 1, createRng('m'));
      return Array.from(s);
    };
    // Advance 1 notch per pulse: fires every 4th pulse (S1 -> S5 is 4 notches).
    expect(run(1)).toEqual(Array.from({ length: T }, (_, t) => ((t + 1) % 4 === 0 ? 1 : 0)));
    expect(run(4)).toEqual(new Array(T).fill(1));
    expect(run(0)).toEqual(new Array(T).fill(0));
    // Advance 3: positions 3, 6->fire; 3, fire ...: every 2nd pulse.
    expect(run(3)).toEqual(Array.from({ length: T }, (_, t) => (t % 2 === 1 ? 1 : 0)));
  });
});

/** Tiny network, random data: gradient of the batch loss by BPTT vs central finite differences. */
function tinyProblem() {
  const config: SnnConfig = { inputs: 6, hidden: [5, 4], outputs: 3, timesteps: 7 };
  const rng = createRng('fd');
  const count = 4;
  const images = rng.fillUniform(new Float32Array(count * config.inputs), 0.2, 1);
  const labels = Uint8Array.from([0, 1, 2, 1]);
  const { params, running } = initialParameters(config, 'fd');
  return { config, data: { images, labels, count }, params, running };
}

describe('batch-norm statistics at inference', () => {
  it("'batch' normalizes with the shard's own statistics, exactly as the training forward pass; 'running' does not", () => {
    const { config, data, params: p0 } = tinyProblem();
    const params = p0.map((v) => 4 * v); // strong enough weights that both hidden layers spike
    // Running statistics far from the shard's (mean 0.5, variance 4), so the two modes must differ.
    const layout = snnLayout(config);
    const running = new Float32Array(layout.runningSize);
    for (const r of layout.running) {
      running.fill(0.5, r.mean, r.variance);
      running.fill(4, r.variance, r.variance + (r.variance - r.mean));
    }
    const neuron = new LifNeuron();
    const trainPass = runShard(config, neuron, params, running, data, 'bn', { train: true, lossScale: 1 });
    const batchEval = runShard(config, neuron, params, running, data, 'bn', {
      train: false,
      lossScale: 1,
      batchNormStatistics: 'batch',
    });
    const runningEval = runShard(config, neuron, params, running, data, 'bn', { train: false, lossScale: 1 });
    expect(batchEval.lossSum).toBe(trainPass.lossSum);
    expect(Array.from(batchEval.predictions)).toEqual(Array.from(trainPass.predictions));
    expect(batchEval.spikeCounts).toEqual(trainPass.spikeCounts);
    expect(trainPass.spikeCounts.every((c) => c > 0)).toBe(true);
    expect(runningEval.lossSum).not.toBe(trainPass.lossSum);
  });
});

describe('BPTT gradient', () => {
  it('matches central finite differences for every parameter (smooth-spike LIF, fixed draws)', () => {
    const { config, data, params, running } = tinyProblem();
    // Smooth spikes make the loss differentiable; the backward pass then uses their exact derivative,
    // so BPTT (LIF recursion with differentiated reset, batch norm, LI output, max over time) must match FD.
    const neuron = new LifNeuron({
      spikeFunction: 'sigmoid',
      surrogateWidth: 0.3,
      resetGradient: 'differentiated',
    });
    for (let k = 0; k < params.length; k++) params[k] *= 3; // drive the neurons near threshold
    const opts = { train: true, lossScale: 1 / data.count };
    const loss = (p: Float32Array) =>
      runShard(config, neuron, p, running, data, 'seed', opts).lossSum / data.count;
    const g = runShard(config, neuron, params, running, data, 'seed', opts).grad!;
    const layout = snnLayout(config);
    expect(g.length).toBe(layout.size);
    const h = 2e-3;
    let maxErr = 0;
    let maxG = 0;
    for (let k = 0; k < params.length; k++) {
      const p = Float32Array.from(params);
      p[k] = params[k] + h;
      const lp = loss(p);
      p[k] = params[k] - h;
      const lm = loss(p);
      const step = Math.fround(params[k] + h) - Math.fround(params[k] - h); // the float32 step taken
      const fd = (lp - lm) / step;
      maxErr = Math.max(maxErr, Math.abs(fd - g[k]));
      maxG = Math.max(maxG, Math.abs(g[k]));
    }
    // float32 state: loss rounding ~1e-7 / step 4e-3 ~ 3e-5, plus O(h^2) truncation; gradients are O(0.1).
    expect(maxG).toBeGreaterThan(1e-2);
    expect(maxErr).toBeLessThan(2e-3 * maxG + 1e-4);
  });

  it('is the same whether dL/ds is computed only where the neuron uses it or densely', () => {
    const { config, data, params, running } = tinyProblem();
    for (let k = 0; k < params.length; k++) params[k] *= 3;
    const opts = { train: true, lossScale: 1 / data.count };
    for (const neuron of [
      new LifNeuron(),
      new BinaryDwMtjNeuron(sigmoidTable()),
      new MultiWeightDwMtjNeuron(fiveStateTable()),
    ]) {
      // The same neuron without spikeGradientSupport: the network computes every dL/ds entry.
      const dense: SpikingNeuron = {
        kind: neuron.kind,
        forward: (...a) => neuron.forward(...a),
        backward: (...a) => neuron.backward(...a),
      };
      const gm = runShard(config, neuron, params, running, data, 'mask', opts).grad!;
      const gd = runShard(config, dense, params, running, data, 'mask', opts).grad!;
      let maxG = 0;
      for (const v of gd) maxG = Math.max(maxG, Math.abs(v));
      expect(maxG).toBeGreaterThan(1e-3);
      // The entries not computed are exactly the ones backward multiplies by zero, and the computed
      // ones are the same dot products: identical gradients.
      expect(Array.from(gm)).toEqual(Array.from(gd));
    }
  });

  it('reaches the first layer for binary and multi-weight DW-MTJ neurons (straight-through)', () => {
    const { config, data, params, running } = tinyProblem();
    const opts = { train: true, lossScale: 1 / data.count };
    const layout = snnLayout(config);
    const L0 = layout.layers[0];
    for (const neuron of [
      new BinaryDwMtjNeuron(sigmoidTable()),
      new MultiWeightDwMtjNeuron(fiveStateTable()),
    ]) {
      const g = runShard(config, neuron, params, running, data, 'st', opts).grad!;
      let norm = 0;
      for (let k = 0; k < L0.nIn * L0.nOut; k++) norm += g[L0.w + k] ** 2;
      expect(Math.sqrt(norm)).toBeGreaterThan(1e-4);
      expect(g.every((v) => Number.isFinite(v))).toBe(true);
    }
  });
});

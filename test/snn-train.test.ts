import { describe, expect, it } from 'vitest';
import { createRng } from '../src/random/stream.js';
import { trainSnn, evaluateSnn, addClippedNoise, type LabeledImages } from '../src/nn/snn/train.js';
import { parseNoiseRange } from '../src/nn/snn/noise.js';
import { accumulateSpikeOuter } from '../src/nn/kernels/spikes.js';
import type { SnnConfig } from '../src/nn/snn/network.js';
import { sigmoidTable } from './snn-fixtures.js';

/** Two-class synthetic images: class c lights the c-th half of the pixels (intensity 0.8) plus noise. */
function synthetic(count: number, inputs: number, seed: string): LabeledImages {
  const rng = createRng(seed);
  const images = new Float32Array(count * inputs);
  const labels = new Uint8Array(count);
  for (let k = 0; k < count; k++) {
    const c = k % 2;
    labels[k] = c;
    for (let i = 0; i < inputs; i++) {
      const on = i < inputs / 2 === (c === 0);
      images[k * inputs + i] = Math.min(1, Math.max(0, (on ? 0.8 : 0.1) + 0.1 * rng.normal()));
    }
  }
  return { images, labels, count };
}

const config: SnnConfig = { inputs: 16, hidden: [12, 12], outputs: 2, timesteps: 10 };

describe('spike-outer weight-gradient kernel', () => {
  it('equals the dense sum over slots (including a remainder slot and real values)', () => {
    const rng = createRng('o');
    const slots = 7;
    const nIn = 9;
    const nOut = 5;
    const s = new Float32Array(slots * nIn).map(() =>
      rng.uniform() < 0.3 ? (rng.uniform() < 0.5 ? 1 : 0.5) : 0,
    );
    const d = rng.fillNormal(new Float32Array(slots * nOut));
    const gw = new Float32Array(nIn * nOut);
    accumulateSpikeOuter(slots, nIn, nOut, s, d, gw);
    for (let i = 0; i < nIn; i++)
      for (let j = 0; j < nOut; j++) {
        let ref = 0;
        for (let r = 0; r < slots; r++) ref += s[r * nIn + i] * d[r * nOut + j];
        expect(gw[i * nOut + j]).toBeCloseTo(ref, 5);
      }
  });
});

describe('SNN training', () => {
  it('learns a separable two-class task with LIF neurons (validation accuracy > 0.9)', async () => {
    const train = synthetic(200, config.inputs, 'tr');
    const validation = synthetic(100, config.inputs, 'va');
    const r = await trainSnn({
      config,
      neuron: { kind: 'lif' },
      train,
      validation,
      epochs: 3,
      batchSize: 20,
      lr: 1e-2,
      seed: 's',
      workers: 1,
      shardSize: 10,
    });
    // Chance is 0.5; the classes differ in half the pixels at 0.8 vs 0.1 spike probability.
    expect(r.history[2].validation_accuracy!).toBeGreaterThan(0.9);
    expect(r.history[2].train_loss).toBeLessThan(r.history[0].train_loss);
  });

  it('gives identical parameters for 1 and 2 worker threads (binary DW-MTJ, stochastic)', async () => {
    const train = synthetic(40, config.inputs, 'tr2');
    const run = (workers: number) =>
      trainSnn({
        config,
        neuron: { kind: 'dwmtj-binary', table: sigmoidTable() },
        train,
        epochs: 1,
        batchSize: 20,
        lr: 1e-3,
        seed: 'w',
        workers,
        shardSize: 5,
      });
    const one = await run(1);
    const two = await run(2);
    expect(Array.from(two.model.params)).toEqual(Array.from(one.model.params));
    expect(Array.from(two.model.running)).toEqual(Array.from(one.model.running));
    const e1 = await evaluateSnn(one.model, train, { seed: 'e', workers: 1, shardSize: 5 });
    const e2 = await evaluateSnn(one.model, train, { seed: 'e', workers: 2, shardSize: 5 });
    expect(e2).toEqual(e1);
  });
});

describe('noise sweep', () => {
  it('parses START:STOP:STEP with the stop included', () => {
    expect(parseNoiseRange('0:3:0.5')).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3]);
    expect(parseNoiseRange('0.7')).toEqual([0.7]);
    expect(() => parseNoiseRange('1:0:0.1')).toThrow(/--noise/);
  });

  it('clips noisy intensities to [0, 1] and leaves the mean of mid-range pixels unchanged', () => {
    const n = 20000;
    const img = new Float32Array(n).fill(0.5);
    const noisy = addClippedNoise(img, 0.1, 'n');
    let m = 0;
    for (const v of noisy) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
      m += v;
    }
    // 0.5 +- 0.1 noise is clipped with probability ~6e-7: mean 0.5 within 4 sigma = 4 * 0.1 / sqrt(n).
    expect(Math.abs(m / n - 0.5)).toBeLessThan((4 * 0.1) / Math.sqrt(n));
    const big = addClippedNoise(img, 3, 'n');
    // std 3: P(clip at 1) = P(N > 0.5/3) = 0.434.
    const ones = big.filter((v) => v === 1).length / n;
    expect(Math.abs(ones - 0.4338)).toBeLessThan(4 * Math.sqrt((0.4338 * 0.5662) / n));
  });
});

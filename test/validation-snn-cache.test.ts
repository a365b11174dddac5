import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../src/random/index.js';
import type { SnnSplits } from '../src/nn/snn/data.js';
import { fig3CheckpointPath, trainedSnn, type SnnTrainingKey } from '../validation/leonard-snn-common.js';
import type { ValidationContext } from '../validation/lib.js';

/** Synthetic 28x28 images (sparse random intensities), 10 classes. */
function synthetic(count: number, seed: string) {
  const r = createRng(seed);
  const images = new Float32Array(count * 784).map(() => (r.uniform() < 0.7 ? 0 : r.uniform()));
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 10);
  return { images, labels, count };
}

describe('Leonard Fig. 3/4 network cache (validation/leonard-snn-common.ts)', () => {
  const splits: SnnSplits = {
    train: synthetic(100, 'train'),
    validation: synthetic(50, 'val'),
    test: synthetic(50, 'test'),
    ranges: { train: [0, 100], validation: [100, 150], test: [0, 50] },
  };
  const key: SnnTrainingKey = {
    neuron: 'lif',
    hidden: 8,
    timesteps: 4,
    trainImages: 100,
    validationImages: 50,
    epochs: 1,
    seed: 'cache/0',
  };
  const root = mkdtempSync(join(tmpdir(), 'magneuro-val-cache-'));
  const ctx = (runId: string): ValidationContext => ({
    outDir: join(root, 'leonard2023-fig4'),
    seed: 'cache',
    full: false,
    runId,
    log: () => undefined,
  });

  it('reuses a Fig. 3 network only within the same invocation and settings; retraining gives the same network', async () => {
    const a = await trainedSnn(ctx('run-A'), key, 0, splits, { kind: 'lif' });
    expect(a.reused).toBe(false);
    expect(existsSync(fig3CheckpointPath(ctx('run-A'), key, 0))).toBe(true);
    expect(fig3CheckpointPath(ctx('run-A'), key, 0)).toBe(
      join(root, 'leonard2023-fig3', 'lif-h8-T4-seed0.json'),
    );
    const again = await trainedSnn(ctx('run-A'), key, 0, splits, { kind: 'lif' });
    expect(again.reused).toBe(true);
    expect(again.validation).toBe(a.validation);
    expect(Array.from(again.model.params)).toEqual(Array.from(a.model.params));
    // Another invocation: trained again (a checkpoint from older code is never trusted), same result.
    const other = await trainedSnn(ctx('run-B'), key, 0, splits, { kind: 'lif' });
    expect(other.reused).toBe(false);
    expect(Array.from(other.model.params)).toEqual(Array.from(a.model.params));
    // Different settings in the same invocation: not reused.
    const longer = await trainedSnn(ctx('run-B'), { ...key, epochs: 2 }, 0, splits, { kind: 'lif' });
    expect(longer.reused).toBe(false);
    expect(longer.history.length).toBe(2);
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../src/random/index.js';
import type { SnnSplits } from '../src/nn/snn/data.js';
import { loadCheckpoint } from '../src/nn/snn/checkpoint.js';
import type { EpochRecord } from '../src/nn/snn/train.js';
import {
  estimatedTrainingSeconds,
  fig3CheckpointPath,
  SNN_TIERS,
  snnCodeFingerprint,
  trainedSnn,
  TRAINING_TIME_MARGIN,
  type SnnTrainingKey,
} from '../validation/leonard-snn-common.js';
import { budgetAllows, type ValidationContext } from '../validation/lib.js';

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
  const ctx = (runId: string, extra: Partial<ValidationContext> = {}): ValidationContext => ({
    outDir: join(root, 'leonard2023-fig4'),
    seed: 'cache',
    full: false,
    runId,
    log: () => undefined,
    ...extra,
  });

  it('reuses a Fig. 3 network within one invocation, or across invocations with --resume and the same code; retraining gives the same network', async () => {
    const a = (await trainedSnn(ctx('run-A'), key, 0, splits, { kind: 'lif' }))!;
    expect(a.reused).toBe(false);
    expect(existsSync(fig3CheckpointPath(ctx('run-A'), key, 0))).toBe(true);
    expect(fig3CheckpointPath(ctx('run-A'), key, 0)).toBe(
      join(root, 'leonard2023-fig3', 'lif-h8-T4-seed0.json'),
    );
    const again = (await trainedSnn(ctx('run-A'), key, 0, splits, { kind: 'lif' }))!;
    expect(again.reused).toBe(true);
    expect(again.validation).toBe(a.validation);
    expect(Array.from(again.model.params)).toEqual(Array.from(a.model.params));
    // Another invocation without --resume: trained again, same result.
    const other = (await trainedSnn(ctx('run-B'), key, 0, splits, { kind: 'lif' }))!;
    expect(other.reused).toBe(false);
    expect(Array.from(other.model.params)).toEqual(Array.from(a.model.params));
    // A third invocation with --resume: run-B's checkpoint is reused.
    const resumed = (await trainedSnn(ctx('run-C', { resume: true }), key, 0, splits, { kind: 'lif' }))!;
    expect(resumed.reused).toBe(true);
    expect(Array.from(resumed.model.params)).toEqual(Array.from(a.model.params));
    // --resume with different code (another fingerprint): never trusted, trained again.
    const newCode = (await trainedSnn(
      ctx('run-D', { resume: true }),
      key,
      0,
      splits,
      { kind: 'lif' },
      'other-code',
    ))!;
    expect(newCode.reused).toBe(false);
    // Different settings in the same invocation: not reused.
    const longer = (await trainedSnn(ctx('run-D'), { ...key, epochs: 2 }, 0, splits, { kind: 'lif' }))!;
    expect(longer.reused).toBe(false);
    expect(longer.history.length).toBe(2);
  }, 60_000);

  it('starts no training beyond the budget and still returns networks that are already trained', async () => {
    const budget = { maxNew: 1, started: 0 };
    const c = ctx('run-E', { budget });
    const first = await trainedSnn(c, { ...key, seed: 'cache/1' }, 1, splits, { kind: 'lif' });
    expect(first?.reused).toBe(false);
    expect(budget.started).toBe(1);
    const second = await trainedSnn(c, { ...key, seed: 'cache/2' }, 2, splits, { kind: 'lif' });
    expect(second).toBeUndefined();
    expect(existsSync(fig3CheckpointPath(c, key, 2))).toBe(false);
    const cached = await trainedSnn(c, { ...key, seed: 'cache/1' }, 1, splits, { kind: 'lif' });
    expect(cached?.reused).toBe(true);
    expect(budget.started).toBe(1);
    // A checkpoint cut short (killed while writing) is ignored and trained again, not an error.
    writeFileSync(fig3CheckpointPath(c, key, 1), '{"schema": "magneuro.snn-chec');
    const rewritten = await trainedSnn(
      ctx('run-G', { resume: true }),
      { ...key, seed: 'cache/1' },
      1,
      splits,
      {
        kind: 'lif',
      },
    );
    expect(rewritten?.reused).toBe(false);
    expect(Array.from(rewritten!.model.params)).toEqual(Array.from(first!.model.params));
    const late = ctx('run-F', { budget: { deadlineMs: Date.now() - 1, started: 0 } });
    expect(await trainedSnn(late, { ...key, seed: 'cache/3' }, 3, splits, { kind: 'lif' })).toBeUndefined();
  }, 60_000);

  it('with a deadline, starts a training only when its estimate (from earlier checkpoints of that neuron, size and thread count) fits', async () => {
    // Pure rule: the estimate must fit before the deadline; unknown estimates are allowed.
    const now = 1_000_000;
    const b = { deadlineMs: now + 10_000, started: 0 };
    expect(budgetAllows(b, now, 5)).toBe(true);
    expect(budgetAllows(b, now, 20)).toBe(false);
    expect(budgetAllows(b, now)).toBe(true);
    expect(budgetAllows(b, now + 10_000)).toBe(false);

    const own = mkdtempSync(join(tmpdir(), 'magneuro-val-estimate-'));
    const c = (extra: Partial<ValidationContext> = {}): ValidationContext => ({
      ...ctx('run-H', { workers: 2, ...extra }),
      outDir: join(own, 'leonard2023-fig4'),
    });
    const dir = join(own, 'leonard2023-fig3');
    expect(estimatedTrainingSeconds(dir, key)).toBeUndefined();
    await trainedSnn(c(), key, 0, splits, { kind: 'lif' });
    await trainedSnn(c(), { ...key, timesteps: 12 }, 0, splits, { kind: 'lif' });
    const epochSum = (t: number): number =>
      (loadCheckpoint(join(dir, `lif-h8-T${t}-seed0.json`)).meta.history as EpochRecord[]).reduce(
        (s, e) => s + e.seconds,
        0,
      );
    // T = 6 is nearest to T = 4: that network's time per image x epoch x step, scaled to
    // 200 images x 2 epochs x 6 steps, times the margin.
    const target = { ...key, timesteps: 6, trainImages: 200, epochs: 2, seed: 'cache/9' };
    expect(estimatedTrainingSeconds(dir, target)).toBeCloseTo(
      (epochSum(4) / (100 * 1 * 4)) * 200 * 2 * 6 * TRAINING_TIME_MARGIN,
      9,
    );
    // T = 10 is nearest to T = 12.
    expect(estimatedTrainingSeconds(dir, { ...target, timesteps: 10 })).toBeCloseTo(
      (epochSum(12) / (100 * 1 * 12)) * 200 * 2 * 10 * TRAINING_TIME_MARGIN,
      9,
    );
    // Threads: a checkpoint trained with 2 workers (ctx.workers below) stands for twice its time
    // with 1 worker, and for its own time with more.
    expect(estimatedTrainingSeconds(dir, target, 1)).toBeCloseTo(
      2 * estimatedTrainingSeconds(dir, target, 2)!,
      9,
    );
    expect(estimatedTrainingSeconds(dir, target, 4)).toBeCloseTo(
      estimatedTrainingSeconds(dir, target, 2)!,
      9,
    );
    // Another neuron or hidden size: no estimate.
    expect(estimatedTrainingSeconds(dir, { ...target, neuron: 'dwmtj-binary' })).toBeUndefined();
    expect(estimatedTrainingSeconds(dir, { ...target, hidden: 16 })).toBeUndefined();

    // A deadline shorter than the estimate: not started; a long one: trained.
    const next = { ...key, seed: 'cache/10' };
    const estimate = estimatedTrainingSeconds(dir, next)!;
    const short = c({ budget: { deadlineMs: Date.now() + estimate * 500, started: 0 } });
    expect(await trainedSnn(short, next, 10, splits, { kind: 'lif' })).toBeUndefined();
    expect(existsSync(fig3CheckpointPath(short, next, 10))).toBe(false);
    const long = c({ budget: { deadlineMs: Date.now() + 600_000, started: 0 } });
    expect((await trainedSnn(long, next, 10, splits, { kind: 'lif' }))?.reused).toBe(false);
  }, 60_000);

  it('Fig. 4 evaluates one of the Fig. 3 settings in every tier (so it reuses those checkpoints)', () => {
    for (const tier of ['reduced', 'medium', 'full'] as const) {
      const t = SNN_TIERS[tier];
      expect(t.runs).toContainEqual(t.fig4Run);
    }
    // The paper's main network for the medium and full tiers.
    expect(SNN_TIERS.full.fig4Run).toEqual({ hidden: 500, timesteps: 80 });
  });

  it('fingerprints the code that trains the networks: stable, and changed by any byte of those files', () => {
    const tree = mkdtempSync(join(tmpdir(), 'magneuro-fingerprint-'));
    mkdirSync(join(tree, 'src', 'nn', 'snn'), { recursive: true });
    writeFileSync(join(tree, 'src', 'nn', 'snn', 'train.ts'), 'export const a = 1;\n');
    const f1 = snnCodeFingerprint(tree);
    expect(f1).toMatch(/^[0-9a-f]{16}$/);
    expect(snnCodeFingerprint(tree)).toBe(f1);
    writeFileSync(join(tree, 'src', 'nn', 'snn', 'train.ts'), 'export const a = 2;\n');
    expect(snnCodeFingerprint(tree)).not.toBe(f1);
    expect(snnCodeFingerprint()).toMatch(/^[0-9a-f]{16}$/);
  });
});

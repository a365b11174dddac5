import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../src/random/index.js';
import type { SnnSplits } from '../src/nn/snn/data.js';
import { loadCheckpoint } from '../src/nn/snn/checkpoint.js';
import type { EpochRecord } from '../src/nn/snn/train.js';
import { evaluateSnn } from '../src/nn/snn/train.js';
import {
  readRecord,
  readRecords,
  recordPath,
  RECORDS_DIR,
  type TrainingStamp,
} from '../validation/snn-records.js';
import {
  estimatedTrainingSeconds,
  fig3CheckpointPath,
  measureNoiseCurve,
  trainingTimings,
  type NoiseCurveSpec,
  type TrainedSnnOptions,
  SNN_TIERS,
  snnCodeFingerprint,
  trainedSnn,
  TRAINING_BATCH,
  TRAINING_LR,
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
    expect(Array.from(resumed.model!.params)).toEqual(Array.from(a.model!.params));
    // --resume with different code (another fingerprint): never trusted, trained again.
    const newCode = (await trainedSnn(
      ctx('run-D', { resume: true }),
      key,
      0,
      splits,
      { kind: 'lif' },
      { code: 'other-code' },
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

  it('records a network (stamp, history, Fig. 4 noise curve; no weights) with --record and, with --resume, reuses the record when the checkpoint is gone', async () => {
    const own = mkdtempSync(join(tmpdir(), 'magneuro-val-records-'));
    const records = join(own, 'records');
    const c = (runId: string, extra: Partial<ValidationContext> = {}): ValidationContext => ({
      ...ctx(runId, { recordsDir: records, ...extra }),
      outDir: join(own, runId, 'leonard2023-fig4'),
    });
    const spec: NoiseCurveSpec = { test: splits.test, testImages: 50, noise: [0, 0.5, 3], seed: 'cache' };
    const rkey = { ...key, seed: 'cache/20' };
    const train = async (runId: string, extra: Partial<ValidationContext>, opts: TrainedSnnOptions = {}) =>
      (await trainedSnn(c(runId, extra), rkey, 20, splits, { kind: 'lif' }, opts))!;
    const a = await train('run-R', { record: true }, { curve: spec });
    expect(a.reused).toBe(false);
    const stamp = loadCheckpoint(fig3CheckpointPath(c('run-R'), rkey, 20)).meta.training as TrainingStamp;
    const file = recordPath(records, stamp);
    expect(file).toBe(join(records, 'lif-h8-T4-n100-v50-e1-seedcache_20.json'));
    const rec = readRecord(file)!;
    expect(rec.training).toEqual(stamp);
    expect(rec.history).toEqual(a.history);
    expect(statSync(file).size).toBeLessThan(4000); // no weights
    // The recorded curve is the model's Fig. 4 measurement (same noise streams).
    const measured = await measureNoiseCurve(a.model!, spec);
    expect(rec.noise_curve!.accuracy).toEqual(measured.accuracy);
    expect(a.noiseCurve!.accuracy).toEqual(measured.accuracy);
    expect(rec.noise_curve!.accuracy[0]).toBeCloseTo(
      (await evaluateSnn(a.model!, splits.test, { seed: 'cache/noise0' })).accuracy,
      12,
    );

    // Another output folder (the checkpoint is gone): with --resume the record stands for the
    // network (no weights), without it the network is trained again, to the same history.
    const fromRecord = await train('run-S', { resume: true }, { curve: spec });
    expect(fromRecord.reused).toBe(true);
    expect(fromRecord.model).toBeUndefined();
    expect(fromRecord.validation).toBe(a.validation);
    expect(fromRecord.noiseCurve!.accuracy).toEqual(measured.accuracy);
    const retrained = await train('run-T', {});
    expect(retrained.reused).toBe(false);
    expect(retrained.history.map((e) => e.validation_accuracy)).toEqual(
      a.history.map((e) => e.validation_accuracy),
    );
    // Not reused: a record from other code, or one without the noise curve that is asked for.
    expect((await train('run-U', { resume: true }, { curve: spec, code: 'other-code' })).reused).toBe(false);
    const noCurve = await train('run-V', { resume: true }, { curve: { ...spec, noise: [0, 1] } });
    expect(noCurve.reused).toBe(false);
    expect(noCurve.noiseCurve).toBeUndefined(); // measured only when recording
    // Timings: the record alone gives the estimate in an empty folder; a network with both a
    // checkpoint and a record counts once.
    const empty = join(own, 'none');
    const recorded = readRecords(records);
    const recordOnly = trainingTimings(empty, recorded);
    expect(recordOnly).toHaveLength(1);
    expect(trainingTimings(join(own, 'run-R', 'leonard2023-fig3'), recorded)).toHaveLength(1);
    expect(estimatedTrainingSeconds(empty, rkey, 2, recordOnly)).toBeCloseTo(
      a.history.reduce((s, e) => s + e.seconds, 0) * Math.max(1, 2 / 2) * TRAINING_TIME_MARGIN,
      9,
    );
  }, 60_000);

  it('the committed records (validation/records/leonard2023) are well formed: named by their stamp, one history entry per epoch, curves on their tier grid', () => {
    const files = existsSync(RECORDS_DIR) ? readdirSync(RECORDS_DIR).filter((f) => f.endsWith('.json')) : [];
    for (const f of files) {
      const rec = readRecord(join(RECORDS_DIR, f));
      expect(rec, f).toBeDefined();
      const t = rec!.training;
      expect(recordPath(RECORDS_DIR, rec!.training)).toBe(join(RECORDS_DIR, f));
      expect([t.batch, t.lr]).toEqual([TRAINING_BATCH, TRAINING_LR]);
      expect(t.code).toMatch(/^[0-9a-f]{16}$/);
      expect(rec!.history.map((e) => e.epoch)).toEqual(Array.from({ length: t.epochs }, (_, k) => k + 1));
      for (const e of rec!.history) {
        expect(e.seconds).toBeGreaterThan(0);
        expect(e.validation_accuracy).toBeGreaterThanOrEqual(0);
        expect(e.validation_accuracy).toBeLessThanOrEqual(1);
      }
      const tier = (['full', 'medium', 'reduced'] as const).find(
        (k) => SNN_TIERS[k].limit === t.trainImages && SNN_TIERS[k].epochs === t.epochs,
      );
      expect(tier, f).toBeDefined();
      const fig4 = SNN_TIERS[tier!].fig4Run;
      // Networks of Fig. 4's setting carry its curve (Fig. 4 cannot use them otherwise).
      expect(rec!.noise_curve !== undefined, f).toBe(
        t.hidden === fig4.hidden && t.timesteps === fig4.timesteps,
      );
      if (rec!.noise_curve) {
        expect(rec!.noise_curve.noise_std).toEqual(SNN_TIERS[tier!].fig4Noise);
        expect(rec!.noise_curve.test_images).toBe(SNN_TIERS[tier!].fig4Test);
        for (const a of rec!.noise_curve.accuracy) expect(a >= 0 && a <= 1).toBe(true);
      }
    }
  });

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

/**
 * Shared setup of the Leonard et al. 2023 SNN reproductions (Figs. 3 and 4): data, neurons and
 * the reduced / full configurations. Not a validation script itself (exports no `validation`).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { median } from 'mathjs';
import { loadDataset } from '../src/nn/data/index.js';
import { loadCheckpoint, saveCheckpoint } from '../src/nn/snn/checkpoint.js';
import { snnSplits, type SnnSplits } from '../src/nn/snn/data.js';
import { DEVICE_TABLES, neuronSpecFromName, type NeuronSpec } from '../src/nn/snn/spec.js';
import { evaluateSnn, trainSnn, type EpochRecord, type SnnModel } from '../src/nn/snn/train.js';
import { defaultWorkers } from '../src/util/parallel.js';
import { packageRoot } from '../src/util/paths.js';
import { budgetAllows, factRow, type ValidationContext, type ValidationOutcome } from './lib.js';
import {
  curveMatches,
  readRecord,
  readRecords,
  recordPath,
  writeRecord,
  type NetworkRecord,
  type NoiseCurve,
} from './snn-records.js';

export const NEURONS = ['lif', 'dwmtj-binary', 'dwmtj-mw'] as const;
export type NeuronName = (typeof NEURONS)[number];
export const NEURON_TITLE: Record<NeuronName, string> = {
  lif: 'LIF',
  'dwmtj-binary': 'binary DW-MTJ',
  'dwmtj-mw': 'MW DW-MTJ',
};

/** Missing device tables (the DW-MTJ model produces them), or [] when all are installed. */
export function missingTables(): string[] {
  return Object.values(DEVICE_TABLES).filter((p) => !existsSync(resolve(packageRoot(), p)));
}

/** The outcome of a script that cannot run because device tables are missing, or undefined when all are there. */
export function missingTablesOutcome(settings: Record<string, unknown>): ValidationOutcome | undefined {
  const missing = missingTables();
  if (!missing.length) return undefined;
  return {
    rows: [factRow('device tables installed', 'needed', false, `missing: ${missing.join(', ')}`, 'not run')],
    figures: [],
    settings,
  };
}

export function neuronSpecs(): Record<NeuronName, NeuronSpec> {
  return {
    lif: neuronSpecFromName('lif'),
    'dwmtj-binary': neuronSpecFromName('dwmtj-binary'),
    'dwmtj-mw': neuronSpecFromName('dwmtj-mw'),
  };
}

export async function fashionSplits(
  o: { limit?: number; validation?: number; testLimit?: number },
  log: (l: string) => void,
): Promise<SnnSplits> {
  const data = await loadDataset('fashion-mnist', { allowDownload: false, log });
  return snnSplits(data, o);
}

/** Binomial standard error of an accuracy p measured on n images. */
export function accuracyStdErr(p: number, n: number): number {
  return Math.sqrt((p * (1 - p)) / n);
}

export const pct = (x: number): number => Math.round(1000 * x) / 10;

/** Which configuration a Leonard SNN script runs. */
export type SnnTier = 'reduced' | 'medium' | 'full';
export function snnTier(ctx: ValidationContext): SnnTier {
  return ctx.full ? 'full' : ctx.medium ? 'medium' : 'reduced';
}

/** Everything that determines a trained network (with the code of this run). */
export interface SnnTrainingKey {
  neuron: NeuronName;
  hidden: number;
  timesteps: number;
  trainImages: number;
  validationImages: number;
  epochs: number;
  /** Seed string passed to trainSnn. */
  seed: string;
}

/** A network setting of the Fig. 3/4 scripts (the seed index completes the training key). */
export interface SnnSetting {
  hidden: number;
  timesteps: number;
  /** Training images. */
  limit: number;
  /** Validation images. */
  validation: number;
  epochs: number;
}

/** The training key of seed `seedIndex` of a setting: seed string `${ctx.seed}/${seedIndex}` in both scripts. */
export function trainingKey(
  ctx: ValidationContext,
  neuron: NeuronName,
  setting: SnnSetting,
  seedIndex: number,
): SnnTrainingKey {
  return {
    neuron,
    hidden: setting.hidden,
    timesteps: setting.timesteps,
    trainImages: setting.limit,
    validationImages: setting.validation,
    epochs: setting.epochs,
    seed: `${ctx.seed}/${seedIndex}`,
  };
}

/** A Fig. 3 network setting: hidden width and timesteps. */
export interface RunSpec {
  hidden: number;
  timesteps: number;
}

/** Training data, epochs, seeds and network settings of a tier. */
export interface SnnTierConfig {
  /** Training images. */
  limit: number;
  /** Validation images. */
  validation: number;
  epochs: number;
  seeds: number;
  /** Fig. 3's settings; Fig. 4 uses `fig4Run` of them (the same checkpoints). */
  runs: RunSpec[];
  fig4Run: RunSpec;
  /** Fig. 4's test images and input-noise standard deviations (intensity units). */
  fig4Test: number;
  fig4Noise: number[];
}

const PAPER_RUNS: RunSpec[] = [
  { hidden: 200, timesteps: 80 },
  { hidden: 500, timesteps: 80 },
  { hidden: 500, timesteps: 120 },
  { hidden: 500, timesteps: 40 },
];

/**
 * The tiers of the Fig. 3/4 reproductions, one table for both scripts so Fig. 4 evaluates exactly
 * Fig. 3's networks. Full: the paper's 60k images (55k train + 5k validation), 10 epochs, 5 seeds,
 * its four settings. Medium: those settings on 10,000 + 2,000 images, 3 epochs, 3 seeds. Reduced
 * (default): 1,500 + 500 images, 2 epochs, 1 seed, T = 20.
 */
export const SNN_TIERS: Record<SnnTier, SnnTierConfig> = {
  full: {
    limit: 55000,
    validation: 5000,
    epochs: 10,
    seeds: 5,
    runs: PAPER_RUNS,
    fig4Run: PAPER_RUNS[1],
    fig4Test: 10000,
    fig4Noise: Array.from({ length: 31 }, (_, k) => +(0.1 * k).toFixed(2)),
  },
  medium: {
    limit: 10000,
    validation: 2000,
    epochs: 3,
    seeds: 3,
    runs: PAPER_RUNS,
    fig4Run: PAPER_RUNS[1],
    fig4Test: 5000,
    fig4Noise: Array.from({ length: 11 }, (_, k) => +(0.3 * k).toFixed(2)),
  },
  reduced: {
    limit: 1500,
    validation: 500,
    epochs: 2,
    seeds: 1,
    runs: [
      { hidden: 200, timesteps: 20 },
      { hidden: 500, timesteps: 20 },
    ],
    fig4Run: { hidden: 200, timesteps: 20 },
    fig4Test: 1000,
    fig4Noise: [0, 0.25, 0.5, 0.7, 1, 1.5, 2, 2.5, 3],
  },
};

/** The paper's training settings (Leonard et al. 2023): Adam, batch 100, learning rate 1e-3. */
export const TRAINING_BATCH = 100;
export const TRAINING_LR = 1e-3;

export interface TrainedSnn {
  /** The weights; undefined when the network comes from a record (snn-records.ts), which has none. */
  model?: SnnModel;
  history: EpochRecord[];
  /** Validation accuracy after the last epoch. */
  validation: number;
  /** Loaded from a checkpoint or a record instead of trained in this call. */
  reused: boolean;
  /** Fig. 4's noise curve of this network, when asked for and recorded or measured here. */
  noiseCurve?: NoiseCurve;
}

/** Fig. 4's measurement (test images, noise grid, noise seed) of a network of Fig. 4's setting. */
export interface NoiseCurveSpec {
  test: SnnSplits['test'];
  testImages: number;
  noise: number[];
  /** Noise level k uses the stream `${seed}/noise${k}`. */
  seed: string;
}

/** The Fig. 4 noise curve spec of a tier: its test images (from `splits`), noise grid, `ctx.seed`. */
export function noiseCurveSpec(ctx: ValidationContext, tier: SnnTier, splits: SnnSplits): NoiseCurveSpec {
  const cfg = SNN_TIERS[tier];
  if (splits.test.count !== cfg.fig4Test)
    throw new Error(
      `noiseCurveSpec: ${splits.test.count} test images loaded, the ${tier} tier uses ${cfg.fig4Test}`,
    );
  return { test: splits.test, testImages: cfg.fig4Test, noise: cfg.fig4Noise, seed: ctx.seed };
}

/** Test accuracy of `model` at each noise std of `spec` (Fig. 4's curve). */
export async function measureNoiseCurve(
  model: SnnModel,
  spec: NoiseCurveSpec,
  workers?: number,
): Promise<NoiseCurve> {
  const t0 = performance.now();
  const accuracy: number[] = [];
  for (const [k, std] of spec.noise.entries())
    accuracy.push(
      (await evaluateSnn(model, spec.test, { seed: `${spec.seed}/noise${k}`, noiseStd: std, workers }))
        .accuracy,
    );
  return {
    test_images: spec.testImages,
    noise_std: spec.noise,
    seed: spec.seed,
    accuracy,
    seconds: (performance.now() - t0) / 1000,
  };
}

/**
 * The source that determines a trained network: the SNN model, kernels (TypeScript and C),
 * optimizer, datasets and splits, random streams, table loading, and the DW-MTJ device tables.
 */
export const SNN_CODE_PATHS = [
  'src/nn/snn',
  'src/nn/kernels',
  'src/nn/optim',
  'src/nn/data',
  'src/random',
  'src/tables',
  'src/util',
  'src/native',
  ...Object.values(DEVICE_TABLES),
  'node_modules/seedrandom/package.json',
];

function listFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((f) => f !== 'build' && !f.startsWith('.'))
    .sort()
    .flatMap((f) => listFiles(join(path, f)));
}

/**
 * SHA-256 (hex, first 16 digits) over the relative paths and contents of SNN_CODE_PATHS under
 * `root`: two checkpoints with the same training key and fingerprint were trained by the same code
 * (`npm run validate` rebuilds dist/ from these sources first), so one can stand for the other.
 */
export function snnCodeFingerprint(root = packageRoot()): string {
  const h = createHash('sha256');
  for (const p of SNN_CODE_PATHS)
    for (const f of listFiles(resolve(root, p))) {
      h.update(relative(root, f) + '\0');
      h.update(readFileSync(f));
      h.update('\0');
    }
  return h.digest('hex').slice(0, 16);
}

/** The checkpoint at `path`, or undefined (logged) when it cannot be read, e.g. cut short by a kill. */
function readableCheckpoint(
  path: string,
  log: (l: string) => void,
): ReturnType<typeof loadCheckpoint> | undefined {
  try {
    return loadCheckpoint(path);
  } catch (e) {
    log(`ignoring unreadable checkpoint ${path} (${(e as Error).message}); training again`);
    return undefined;
  }
}

/**
 * Factor on the summed epoch times of earlier trainings when estimating a new one: the epoch times
 * leave out setup and the final save (measured wall times were 3-5 % above the sums, full tier).
 */
export const TRAINING_TIME_MARGIN = 1.1;

/**
 * Estimated wall time (s) to train `key`, from the trainings already done (`timings`: the
 * checkpoints in `dir`, the Fig. 3 folder, and the records (snn-records.ts)) with the same neuron
 * and hidden size: the summed epoch seconds of the one with the nearest timesteps (the median
 * over those with that T), scaled by images x epochs x timesteps to `key` and by their threads /
 * `workers` when that exceeds 1, x TRAINING_TIME_MARGIN. Undefined when there is no such
 * training. Time grows less than linearly with T (fixed per-image costs), so scaling up in T
 * overestimates: the safe side for a deadline.
 */
export function estimatedTrainingSeconds(
  dir: string,
  key: SnnTrainingKey,
  workers = defaultWorkers(),
  timings: TrainingTiming[] = trainingTimings(dir),
): number | undefined {
  const known: { timesteps: number; seconds: number }[] = [];
  for (const t of timings) {
    if (t.neuron !== key.neuron || t.hidden !== key.hidden) continue;
    // Fewer threads than that training had: assume time grows in proportion (measured growth is
    // less, x1.4-1.9 from 2 threads to 1, docs/spiking.md); more threads: no gain assumed.
    const perUnit =
      (t.epochSeconds * Math.max(1, t.workers / workers)) / (t.trainImages * t.epochs * t.timesteps);
    known.push({ timesteps: t.timesteps, seconds: perUnit * key.trainImages * key.epochs * key.timesteps });
  }
  if (!known.length) return undefined;
  const gap = (k: { timesteps: number }): number => Math.abs(k.timesteps - key.timesteps);
  const nearest = Math.min(...known.map(gap));
  return median(known.filter((k) => gap(k) === nearest).map((k) => k.seconds)) * TRAINING_TIME_MARGIN;
}

/** What a trained network tells about training time: its key, threads and summed epoch seconds. */
export interface TrainingTiming {
  neuron: string;
  hidden: number;
  timesteps: number;
  trainImages: number;
  epochs: number;
  workers: number;
  epochSeconds: number;
}

/** The timing of one training from its stamp, history and thread count (checkpoint meta or record). */
function timingOf(meta: {
  training?: unknown;
  history?: unknown;
  training_workers?: unknown;
}): TrainingTiming | undefined {
  const t = meta.training as Partial<SnnTrainingKey> | undefined;
  const history = meta.history as EpochRecord[] | undefined;
  if (!t?.neuron || !t.hidden || !t.timesteps || !t.trainImages || !t.epochs || !history?.length)
    return undefined;
  return {
    neuron: t.neuron,
    hidden: t.hidden,
    timesteps: t.timesteps,
    trainImages: t.trainImages,
    epochs: t.epochs,
    workers: typeof meta.training_workers === 'number' ? meta.training_workers : defaultWorkers(),
    epochSeconds: history.reduce((a, e) => a + e.seconds, 0),
  };
}

/**
 * The training timings of the checkpoints in `dir` and the records `records` (a network with
 * both counts once), read once so callers estimating many networks pass them to
 * estimatedTrainingSeconds. Only the metadata is used; unreadable files are skipped (trainedSnn
 * logs them when it reaches that network).
 */
export function trainingTimings(dir: string, records: NetworkRecord[] = []): TrainingTiming[] {
  const metas: { training?: unknown; history?: unknown; training_workers?: unknown }[] = [];
  if (existsSync(dir))
    for (const f of readdirSync(dir)) {
      if (!/-seed\d+\.json$/.test(f)) continue;
      try {
        metas.push(loadCheckpoint(join(dir, f)).meta);
      } catch {
        continue;
      }
    }
  metas.push(...records);
  const seen = new Set<string>();
  const out: TrainingTiming[] = [];
  for (const m of metas) {
    const stamp = JSON.stringify(m.training);
    const t = timingOf(m);
    if (!t || seen.has(stamp)) continue;
    seen.add(stamp);
    out.push(t);
  }
  return out;
}

/**
 * Estimated seconds of a Fig. 4 noise curve for `key`: the median over the records in
 * `records` of networks with its hidden size and timesteps measured with `spec`. Undefined when
 * there are none.
 */
export function estimatedCurveSeconds(
  records: NetworkRecord[],
  key: SnnTrainingKey,
  spec: NoiseCurveSpec,
): number | undefined {
  const seconds = records
    .filter((r) => {
      const t = r.training;
      return t.hidden === key.hidden && t.timesteps === key.timesteps && curveMatches(r.noise_curve, spec);
    })
    .map((r) => r.noise_curve!.seconds);
  return seconds.length ? median(seconds) : undefined;
}

/** Folder of the Fig. 3 checkpoints (Fig. 4 uses the same networks, as the paper does). */
export function fig3Dir(ctx: ValidationContext): string {
  return join(dirname(ctx.outDir), 'leonard2023-fig3');
}

/** Checkpoint path of a Fig. 3 network. */
export function fig3CheckpointPath(ctx: ValidationContext, key: SnnTrainingKey, seedIndex: number): string {
  return join(fig3Dir(ctx), `${key.neuron}-h${key.hidden}-T${key.timesteps}-seed${seedIndex}.json`);
}

export interface TrainedSnnOptions {
  /** Fingerprint of the code that trains networks (default: snnCodeFingerprint() of this package). */
  code?: string;
  /**
   * Fig. 4's noise curve, for a network of Fig. 4's setting: returned from a record measured with
   * exactly this spec, and measured and recorded when `ctx.record` writes the network's record
   * (the weights are not recorded, so the curve must be measured while they are at hand).
   */
  curve?: NoiseCurveSpec;
}

/**
 * The network of `key`:
 * 1. from the Fig. 3 checkpoint when one exists with exactly this training key and code
 *    fingerprint and was written by this invocation (or by any invocation with `ctx.resume`);
 * 2. else, with `ctx.resume` and `ctx.recordsDir`, from a record with that stamp (no weights; with
 *    `opts.curve`, only a record holding that noise curve);
 * 3. else trained and saved there (with `ctx.workers` threads), if `ctx.budget` allows another
 *    training (with a deadline: if the estimated training, plus the curve when one is to be
 *    recorded, fits before it), else undefined (the caller reports that part as not run).
 * With `ctx.record` (and `ctx.recordsDir`) a network from 1 or 3 is written as a record, with
 * its noise curve when `opts.curve` is given. Training is deterministic for a seed, so a reused
 * network is the one training would give.
 */
export async function trainedSnn(
  ctx: ValidationContext,
  key: SnnTrainingKey,
  seedIndex: number,
  splits: SnnSplits,
  spec: NeuronSpec,
  opts: TrainedSnnOptions = {},
): Promise<TrainedSnn | undefined> {
  const code = opts.code ?? snnCodeFingerprint();
  const path = fig3CheckpointPath(ctx, key, seedIndex);
  const stamp = { ...key, batch: TRAINING_BATCH, lr: TRAINING_LR, code };
  const sameStamp = (training: unknown): boolean => JSON.stringify(training) === JSON.stringify(stamp);
  const recordsDir = ctx.recordsDir;
  const recorded = recordsDir ? readRecord(recordPath(recordsDir, stamp)) : undefined;
  const current = recorded && sameStamp(recorded.training) ? recorded : undefined;
  const recordedCurve =
    opts.curve && current && curveMatches(current.noise_curve, opts.curve) ? current.noise_curve : undefined;
  /** Writes the record of a network whose weights are at hand (measuring its curve if asked). */
  const withRecord = async (r: TrainedSnn, workers: number, trainedAt: string): Promise<TrainedSnn> => {
    const upToDate = current && (!opts.curve || recordedCurve);
    if (!ctx.record || !recordsDir || !r.model || upToDate) return { ...r, noiseCurve: recordedCurve };
    let noiseCurve: NoiseCurve | undefined;
    if (opts.curve) {
      ctx.log(
        `${key.neuron} h${key.hidden} T${key.timesteps} seed ${seedIndex}: measuring the Fig. 4 noise curve for the record`,
      );
      noiseCurve = await measureNoiseCurve(r.model, opts.curve, ctx.workers);
    }
    const file = writeRecord(recordsDir, {
      training: stamp,
      history: r.history,
      training_workers: workers,
      trained_at: trainedAt,
      noise_curve: noiseCurve,
    });
    ctx.log(`recorded ${file}`);
    return { ...r, noiseCurve };
  };

  const checkpoint = existsSync(path) ? readableCheckpoint(path, ctx.log) : undefined;
  if (checkpoint) {
    const { model, meta } = checkpoint;
    const sameRun = ctx.runId !== undefined && meta.validation_run === ctx.runId;
    if (sameStamp(meta.training) && (sameRun || ctx.resume)) {
      const history = meta.history as EpochRecord[];
      return withRecord(
        { model, history, validation: finalValidation(history), reused: true },
        typeof meta.training_workers === 'number' ? meta.training_workers : defaultWorkers(),
        typeof meta.trained_at === 'string' ? meta.trained_at : new Date().toISOString(),
      );
    }
  }
  if (ctx.resume && current && (!opts.curve || recordedCurve)) return fromRecord(current, recordedCurve);

  const workers = ctx.workers ?? defaultWorkers();
  // The records folder, read once for both estimates (only when a deadline needs them).
  let records: NetworkRecord[] | undefined;
  const allRecords = (): NetworkRecord[] => (records ??= recordsDir ? readRecords(recordsDir) : []);
  let estimate =
    ctx.budget?.deadlineMs !== undefined
      ? estimatedTrainingSeconds(dirname(path), key, workers, trainingTimings(dirname(path), allRecords()))
      : undefined;
  if (estimate !== undefined && ctx.record && recordsDir && opts.curve)
    estimate += estimatedCurveSeconds(allRecords(), key, opts.curve) ?? 0;
  if (!budgetAllows(ctx.budget, Date.now(), estimate)) {
    if (estimate !== undefined && ctx.budget?.deadlineMs !== undefined && Date.now() < ctx.budget.deadlineMs)
      ctx.log(
        `not starting ${key.neuron} h${key.hidden} T${key.timesteps} seed ${seedIndex}: estimated ${Math.round(estimate / 60)} min, ${Math.round((ctx.budget.deadlineMs - Date.now()) / 60_000)} min left in the budget`,
      );
    return undefined;
  }
  if (ctx.budget) ctx.budget.started++;
  if (splits.train.count !== key.trainImages || splits.validation.count !== key.validationImages)
    throw new Error(
      `trainedSnn: splits (${splits.train.count}/${splits.validation.count}) do not match the key`,
    );
  const r = await trainSnn({
    config: { inputs: 784, hidden: [key.hidden, key.hidden], outputs: 10, timesteps: key.timesteps },
    neuron: spec,
    train: splits.train,
    validation: splits.validation,
    epochs: key.epochs,
    batchSize: TRAINING_BATCH,
    lr: TRAINING_LR,
    seed: key.seed,
    workers,
    onEpoch: (e) =>
      ctx.log(
        `${key.neuron} h${key.hidden} T${key.timesteps} seed ${seedIndex}: epoch ${e.epoch}/${key.epochs}, validation ${pct(e.validation_accuracy ?? 0)} %`,
      ),
  });
  const trainedAt = new Date().toISOString();
  mkdirSync(dirname(path), { recursive: true });
  saveCheckpoint(path, r.model, {
    dataset: 'fashion-mnist',
    history: r.history,
    training: stamp,
    validation_run: ctx.runId ?? null,
    training_workers: workers,
    trained_at: trainedAt,
  });
  return withRecord(
    { model: r.model, history: r.history, validation: finalValidation(r.history), reused: false },
    workers,
    trainedAt,
  );
}

function finalValidation(history: EpochRecord[]): number {
  return history[history.length - 1].validation_accuracy ?? 0;
}

function fromRecord(record: NetworkRecord, noiseCurve: NoiseCurve | undefined): TrainedSnn {
  return { history: record.history, validation: finalValidation(record.history), reused: true, noiseCurve };
}

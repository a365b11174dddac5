/**
 * Shared setup of the Leonard et al. 2023 SNN reproductions (Figs. 3 and 4): data, neurons and
 * the reduced / full configurations. Not a validation script itself (exports no `validation`).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadDataset } from '../src/nn/data/index.js';
import { loadCheckpoint, saveCheckpoint } from '../src/nn/snn/checkpoint.js';
import { snnSplits, type SnnSplits } from '../src/nn/snn/data.js';
import { DEVICE_TABLES, neuronSpecFromName, type NeuronSpec } from '../src/nn/snn/spec.js';
import { trainSnn, type EpochRecord, type SnnModel } from '../src/nn/snn/train.js';
import { packageRoot } from '../src/util/paths.js';
import { factRow, type ValidationContext, type ValidationOutcome } from './lib.js';

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

export interface TrainedSnn {
  model: SnnModel;
  history: EpochRecord[];
  /** Validation accuracy after the last epoch. */
  validation: number;
  reused: boolean;
}

/** Checkpoint path of a Fig. 3 network (Fig. 4 uses the same networks, as the paper does). */
export function fig3CheckpointPath(ctx: ValidationContext, key: SnnTrainingKey, seedIndex: number): string {
  return join(
    dirname(ctx.outDir),
    'leonard2023-fig3',
    `${key.neuron}-h${key.hidden}-T${key.timesteps}-seed${seedIndex}.json`,
  );
}

/**
 * The network of `key`: loaded from the Fig. 3 checkpoint when one was written by this same
 * validation run with exactly these settings (Fig. 4 then evaluates the networks Fig. 3 trained,
 * as in the paper), otherwise trained and saved there. Training is deterministic for a seed, so
 * a reused network is the one training would give.
 */
export async function trainedSnn(
  ctx: ValidationContext,
  key: SnnTrainingKey,
  seedIndex: number,
  splits: SnnSplits,
  spec: NeuronSpec,
): Promise<TrainedSnn> {
  const path = fig3CheckpointPath(ctx, key, seedIndex);
  const stamp = { ...key, run: ctx.runId ?? null };
  if (ctx.runId && existsSync(path)) {
    const { model, meta } = loadCheckpoint(path);
    if (JSON.stringify(meta.training) === JSON.stringify(stamp)) {
      const history = meta.history as EpochRecord[];
      return {
        model,
        history,
        validation: history[history.length - 1].validation_accuracy ?? 0,
        reused: true,
      };
    }
  }
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
    batchSize: 100,
    lr: 1e-3,
    seed: key.seed,
  });
  mkdirSync(dirname(path), { recursive: true });
  saveCheckpoint(path, r.model, { dataset: 'fashion-mnist', history: r.history, training: stamp });
  return {
    model: r.model,
    history: r.history,
    validation: r.history[r.history.length - 1].validation_accuracy ?? 0,
    reused: false,
  };
}

/**
 * Shared setup of the Leonard et al. 2023 SNN reproductions (Figs. 3 and 4): data, neurons and
 * the reduced / full configurations. Not a validation script itself (exports no `validation`).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadDataset } from '../src/nn/data/index.js';
import { snnSplits, type SnnSplits } from '../src/nn/snn/data.js';
import { DEVICE_TABLES, neuronSpecFromName, type NeuronSpec } from '../src/nn/snn/spec.js';
import { packageRoot } from '../src/util/paths.js';
import { factRow, type ValidationOutcome } from './lib.js';

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

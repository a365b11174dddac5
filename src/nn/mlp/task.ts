/**
 * A training run as a pure function of a structured-cloneable input (for parallelMap): the
 * dataset is loaded inside the worker and the seed is part of the input, so results do not
 * depend on which worker runs which task or on the number of workers.
 */
import { loadDataset, type DatasetName } from '../data/index.js';
import type { ConductanceTable } from '../../tables/index.js';
import { trainMlp, type HistoryPoint, type TrainOptions } from './train.js';
import type { Activation, Loss } from './network.js';

export interface TrainTaskInput {
  dataset: DatasetName;
  dataDir?: string;
  /** undefined = ideal synapses. */
  table?: ConductanceTable;
  options: Omit<TrainOptions, 'synapse' | 'onProgress'> & { activation?: Activation; loss?: Loss };
}

export interface TrainTaskOutput {
  synapse: string;
  seed: string;
  test_accuracy: number;
  history: HistoryPoint[];
  images_per_s: number;
  deviceBefore?: Float64Array;
  deviceAfter?: Float64Array;
}

export async function trainTask(input: TrainTaskInput): Promise<TrainTaskOutput> {
  const data = await loadDataset(input.dataset, { dataDir: input.dataDir, allowDownload: false });
  const r = trainMlp(data, {
    ...input.options,
    synapse: input.table ? { kind: 'device', table: input.table } : { kind: 'ideal' },
  });
  return {
    synapse: r.synapse,
    seed: r.seed,
    test_accuracy: r.test_accuracy,
    history: r.history,
    images_per_s: r.images_per_s,
    deviceBefore: r.device?.before,
    deviceAfter: r.device?.after,
  };
}

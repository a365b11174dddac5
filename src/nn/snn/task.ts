/** The worker-thread task of SNN training and inference: one shard, pure function of its input. */
import type { KernelPreference } from '../kernels/spike-backend.js';
import { runShard, type BatchNormStatistics, type ShardResult, type SnnConfig } from './network.js';
import { createNeuron, type NeuronSpec } from './spec.js';

export interface ShardTaskInput {
  config: SnnConfig;
  neuron: NeuronSpec;
  params: Float32Array;
  running: Float32Array;
  images: Float32Array;
  labels: Uint8Array;
  count: number;
  seed: string;
  train: boolean;
  lossScale: number;
  kernels?: KernelPreference;
  batchNormStatistics?: BatchNormStatistics;
}

export async function snnShardTask(input: ShardTaskInput): Promise<ShardResult> {
  const neuron = await createNeuron(input.neuron, input.kernels);
  return runShard(
    input.config,
    neuron,
    input.params,
    input.running,
    { images: input.images, labels: input.labels, count: input.count },
    input.seed,
    {
      train: input.train,
      lossScale: input.lossScale,
      kernels: input.kernels,
      batchNormStatistics: input.batchNormStatistics,
    },
  );
}

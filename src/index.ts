/**
 * magneuro: physics-level modeling of spintronic neuromorphic devices.
 * Data flows one way: material -> physics model -> device -> lookup table -> network.
 */
export * from './units/index.js';
export * from './random/index.js';
export * from './integrate/index.js';
export * from './materials/index.js';
export * from './tables/index.js';
export * from './util/errors.js';
export * from './util/parallel.js';
export * from './nn/data/index.js';
export * from './nn/synapses/index.js';
export {
  Mlp,
  trainMlp,
  evaluate as evaluateMlp,
  checkpoint as mlpCheckpoint,
  mlpFromCheckpoint,
} from './nn/mlp/index.js';
export type { TrainOptions, TrainResult, SynapseSpec, MlpCheckpoint } from './nn/mlp/index.js';
export * from './physics/skyrmion/index.js';

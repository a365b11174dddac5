export * from './neurons.js';
export * from './network.js';
export * from './spec.js';
export * from './train.js';
export * from './checkpoint.js';

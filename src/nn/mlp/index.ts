export * from './network.js';
export * from './train.js';
export * from './summary.js';

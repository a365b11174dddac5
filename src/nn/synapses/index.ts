export * from './types.js';
export * from './ideal.js';
export * from './device.js';
export * from './analytic.js';
export * from './resolve.js';

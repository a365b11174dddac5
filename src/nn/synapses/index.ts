export * from './types.js';
export * from './ideal.js';
export * from './device.js';
export * from './analytic.js';
export * from './song2020-published.js';
export * from './resolve.js';
